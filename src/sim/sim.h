#ifndef REGDESK_SIM_SIM_H
#define REGDESK_SIM_SIM_H
/* regdesk-sim: a stand-in for the Verifik App Registrations API on loopback, for the demo
 * and the tests. It is not Verifik: it implements the documented endpoints and errors
 * (reference/verifik-api.md) over an invented, deterministic dataset. */
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "sim/sim_data.h"
#include "sim/sim_fault.h"
#include "sim/sim_stats.h"

typedef struct SimAuth SimAuth;

typedef struct SimConfig {
    unsigned port;
    uint32_t count;
    uint64_t seed;
    const char *token;
    bool hostile, verbose;
    bool no_projects;         /* --no-projects: GET /v3/projects does not exist */
    long expire_after;        /* requests a token serves before it expires; 0 = never */
    int64_t now_ms;           /* the dataset's "now" */
    SimFaultSpec fault;
    char **blocked_domains;   /* e-mail domains create refuses */
    size_t n_blocked;
} SimConfig;

typedef struct Sim {
    SimConfig cfg;
    SimStore *store;
    SimAuth *auth;
    SimStats stats;
    int64_t mono_start_ms;
    unsigned port;            /* the port it listens on, once bound */
    atomic_bool stopping;     /* set on SIGINT/SIGTERM: slow responses stop early */
    atomic_bool faults_off;   /* POST /__sim/faults?on=0: --fault (latency too) paused */
} Sim;

/* The simulator's clock: the dataset's now plus the time since start, so records
 * changed by a request are newer than every generated one. */
int64_t sim_now_ms(const Sim *sim);

#endif
