#ifndef REGDESK_SIM_STATS_H
#define REGDESK_SIM_STATS_H
/* Counters behind GET /__sim/stats, which tests and benchmarks read to prove retries,
 * connection reuse and parallelism. API requests only: /__sim/ routes count as
 * connections but not as requests. All counters are atomics. */
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "sim/sim_fault.h"
#include "sim/sim_json.h"

typedef enum SimRoute {
    R_LIST, R_RETRIEVE, R_CREATE, R_SYNC, R_RESEND, R_DELETE, R_STATISTICS, R_LOGIN,
    R_LOGIN_CONFIRM, R_PROJECTS, R_UNKNOWN, R__COUNT
} SimRoute;

enum { SIM_MAX_STATUS = 600 };

typedef struct SimStats {
    atomic_ulong requests, connections, open_connections, max_concurrent, latency;
    atomic_ulong with_authorization; /* API requests that carried an Authorization header */
    atomic_ulong by_route[R__COUNT];
    atomic_ulong by_status[SIM_MAX_STATUS];
    atomic_ulong faults[FK__COUNT];
} SimStats;

/* The route's name in /__sim/stats ("list", "sync", "resendLink"…). */
const char *sim_route_name(SimRoute r);
void sim_stats_reset(SimStats *s); /* everything but the open-connection gauge */
void sim_stats_connection(SimStats *s, bool opened);
void sim_stats_request(SimStats *s, SimRoute r, bool authorization);
void sim_stats_status(SimStats *s, unsigned status);
void sim_stats_fault(SimStats *s, SimFaultKind k);
void sim_stats_json(SimStats *s, JsonW *w, size_t live_records);

#endif
