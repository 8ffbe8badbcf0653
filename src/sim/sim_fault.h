#ifndef REGDESK_SIM_FAULT_H
#define REGDESK_SIM_FAULT_H
/* --fault SPEC: injected misbehaviour on API routes (never on /__sim/), e.g.
 *   latency=300,error=0.1,429=0.1,truncate=0.05,malformed=0.05,reset=0.05,slow=0.02,
 *   huge=0.01,html=0.02
 * latency is added to every API request (ms); the others are probabilities (their sum at
 * most 1) drawn from the seed and the request's sequence number, so a run repeats.
 * Tuning keys: retry-after=S (429's Retry-After, default 1), slow-ms=MS (how long a slow
 * drip takes, default 2000), huge-mb=N (size of the huge body, default 200), and
 * only=ROUTE (faults for that route alone, named as in /__sim/stats: sync, list, …). */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/sim_req.h"

typedef enum SimFaultKind {
    FK_NONE, FK_ERROR, FK_429, FK_TRUNCATE, FK_MALFORMED, FK_RESET, FK_SLOW, FK_HUGE, FK_HTML,
    FK__COUNT
} SimFaultKind;

typedef struct SimFaultSpec {
    unsigned latency_ms;
    double p[FK__COUNT];
    unsigned retry_after, slow_ms, huge_mb;
    char only[24]; /* "" = every route */
} SimFaultSpec;

void sim_fault_defaults(SimFaultSpec *f);
bool sim_fault_parse(const char *spec, SimFaultSpec *f, char *err, size_t n);
const char *sim_fault_name(SimFaultKind k); /* the spec's key: "error", "429", ... */
/* The fault (or FK_NONE) for the seq-th API request. */
SimFaultKind sim_fault_pick(const SimFaultSpec *f, uint64_t seed, uint64_t seq);

/* Faults answered with a canned response instead of running the route. */
bool sim_fault_is_canned(SimFaultKind k);
/* Fills resp for error / 429 / html. */
void sim_fault_canned(SimFaultKind k, const SimFaultSpec *f, uint64_t seq, SimResp *resp);
/* Malformed JSON: corrupts resp->body in one of three ways chosen by seq. */
void sim_fault_corrupt(uint64_t seq, SimResp *resp);

#endif
