#ifndef REGDESK_TESTS_SIMSTATS_H
#define REGDESK_TESTS_SIMSTATS_H
/* regdesk-sim's counters (GET /__sim/stats) as a struct, for tests that prove retries,
 * connection reuse and parallelism. Counts are since the last simstats_reset. Requests
 * to /__sim/ are never counted as requests and never get faults, but their connections
 * count as connections. */
#include "simproc.h"

enum { SIMSTATS_FAULTS = 23 };

typedef struct SimStats {
    unsigned long requests;         /* API requests, every route */
    unsigned long list_requests, retrieve_requests, sync_requests, create_requests, resend_requests;
    unsigned long connections;      /* TCP connections accepted */
    unsigned long max_concurrent;   /* most connections open at once */
    unsigned long status_2xx, status_4xx, status_5xx, status_429;
    unsigned long latency;          /* requests that got the added latency */
    unsigned long with_authorization; /* API requests that carried an Authorization header */
    unsigned long faults[SIMSTATS_FAULTS]; /* by simstats_fault_name(k) */
} SimStats;

/* "error", "429", "truncate", "malformed", "reset", "slow", "huge", "html", "trickle",
 * "hang", "redirect", "deep", "empty", "wrongtype", "echo", "otherid", "aslist", "dupes", "drift",
 * "endless", "growing", "wrongpage", "wronglimit" */
const char *simstats_fault_name(int k);
void simstats_reset(const SimProc *sp);
void simstats_get(const SimProc *sp, SimStats *out);

#endif
