#ifndef REGDESK_SIM_FAULT_H
#define REGDESK_SIM_FAULT_H
/* --fault SPEC: injected misbehaviour on API routes (never on /__sim/), e.g.
 *   latency=300,error=0.1,429=0.1,truncate=0.05,malformed=0.05,reset=0.05,slow=0.02,
 *   huge=0.01,html=0.02
 * latency is added to every API request (ms); the others are probabilities (their sum at
 * most 1) drawn from the seed and the request's sequence number, so a run repeats.
 *
 * Any route: error (500/503), 429, truncate, malformed, reset, slow (a drip over
 * slow-ms), huge (a valid body of huge-mb MiB), html (a 502 page), trickle (one byte
 * every trickle-ms), hang (accepts, reads the request, never answers, until the client
 * leaves), redirect (302 to redirect-to, by default this server, with the same path
 * and query), deep (a body nested deep-levels arrays deep), empty ({}), wrongtype
 * ({"data":"…"}), echo (401 quoting the Authorization header it got back).
 * Retrieve only: otherid (another registration), aslist (a list page).
 * List only: dupes (page k starts (k-1) x dupes-n records early, repeating the end of
 * page k-1, as offset paging does while records keep being added), drift (total grows by drift-n per page, pages recomputed), endless (every
 * page full, fresh ids past the data, no total or pages), growing (every page full and
 * announcing one page more than asked), wrongpage (page 1 whatever was asked, and
 * saying so), wronglimit (half the page size, and saying so).
 * A fault drawn for a request it does not apply to is not injected, nor counted.
 * Tuning keys: retry-after=S (429's Retry-After, default 1), slow-ms=MS (default 2000),
 * huge-mb=N (default 200), trickle-ms=MS (default 1000), hang-ms=MS (longest hang,
 * default 600000), redirect-to=URL (default this server), deep-levels=N (default
 * 100000), dupes-n=N (default 5), drift-n=N (default 7). */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/sim_req.h"

typedef enum SimFaultKind {
    FK_NONE, FK_ERROR, FK_429, FK_TRUNCATE, FK_MALFORMED, FK_RESET, FK_SLOW, FK_HUGE, FK_HTML,
    FK_TRICKLE, FK_HANG, FK_REDIRECT, FK_DEEP, FK_EMPTY, FK_WRONGTYPE, FK_ECHO,
    FK_OTHERID, FK_ASLIST,
    FK_DUPES, FK_DRIFT, FK_ENDLESS, FK_GROWING, FK_WRONGPAGE, FK_WRONGLIMIT,
    FK__COUNT
} SimFaultKind;

typedef struct SimFaultSpec {
    unsigned latency_ms;
    double p[FK__COUNT];
    unsigned retry_after, slow_ms, huge_mb, trickle_ms, hang_ms, deep_levels, dupes_n, drift_n;
    char redirect_to[1024]; /* "" = this server */
    char only[24];          /* "" = every route */
} SimFaultSpec;

void sim_fault_defaults(SimFaultSpec *f);
bool sim_fault_parse(const char *spec, SimFaultSpec *f, char *err, size_t n);
const char *sim_fault_name(SimFaultKind k); /* the spec's key: "error", "429", ... */
/* The fault (or FK_NONE) for the seq-th API request. */
SimFaultKind sim_fault_pick(const SimFaultSpec *f, uint64_t seed, uint64_t seq);
/* Whether fault k means anything for a request to route `route` (a SimRoute). */
bool sim_fault_applies(SimFaultKind k, int route);
/* Faults the list or retrieve route applies itself, to the data it serves. */
bool sim_fault_is_data(SimFaultKind k);

/* Faults answered with a canned response instead of running the route. */
bool sim_fault_is_canned(SimFaultKind k);
/* Fills resp for error / 429 / html / deep / empty / wrongtype. */
void sim_fault_canned(SimFaultKind k, const SimFaultSpec *f, uint64_t seq, SimResp *resp);
/* Malformed JSON: corrupts resp->body in one of three ways chosen by seq. */
void sim_fault_corrupt(uint64_t seq, SimResp *resp);

#endif
