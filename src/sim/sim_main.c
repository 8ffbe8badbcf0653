/* regdesk-sim entry point: options, dataset, server, and a clean stop on SIGINT/SIGTERM. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/timeutil.h"
#include "sim/sim.h"
#include "sim/sim_auth.h"
#include "sim/sim_http.h"
#include "sim/sim_opts.h"
#include "sim/sim_store.h"

static int64_t start_mono_us;

int64_t sim_now_ms(const Sim *sim)
{
    return sim->cfg.now_ms + (time_mono_us() - start_mono_us) / 1000;
}

/* Signals are blocked in every thread (the server's threads inherit the mask) and taken
 * synchronously by sigwait in main, so shutdown runs in ordinary code. */
static void block_signals(sigset_t *set)
{
    sigemptyset(set);
    sigaddset(set, SIGINT);
    sigaddset(set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, set, NULL);
    signal(SIGPIPE, SIG_IGN);
}

static int serve(Sim *sim)
{
    sigset_t set;
    block_signals(&set);
    int64_t t0 = time_mono_us();
    sim->store = sim_store_generate(sim->cfg.seed, sim->cfg.count, sim->cfg.now_ms,
                                    sim->cfg.hostile);
    sim_store_order(sim->store, SK_CREATED); /* the default sort, ready before the first page */
    int64_t t1 = time_mono_us();
    sim->auth = sim_auth_new(sim->cfg.token, sim->cfg.expire_after);
    unsigned port = 0;
    struct MHD_Daemon *d = sim_http_start(sim, sim->cfg.port, &port);
    if (!d) {
        fprintf(stderr, "regdesk-sim: cannot listen on 127.0.0.1:%u\n", sim->cfg.port);
        return 1;
    }
    sim->port = port;
    printf("listening on http://127.0.0.1:%u\n", port);
    fflush(stdout);
    if (sim->cfg.verbose)
        fprintf(stderr, "regdesk-sim: %u registrations generated in %.1f ms (%.1f MB pool)\n",
                sim->cfg.count, (double)(t1 - t0) / 1000.0,
                (double)sim->store->pool_len / 1e6);
    int sig = 0;
    sigwait(&set, &sig);
    atomic_store(&sim->stopping, true);
    sim_http_stop(d);
    return 0;
}

int main(int argc, char **argv)
{
    static Sim sim;
    start_mono_us = time_mono_us();
    SimOptsResult r = sim_opts_parse(argc, argv, &sim.cfg);
    int rc = r == OPTS_ERROR ? 2 : 0;
    if (r == OPTS_HELP)
        sim_opts_usage(stdout);
    else if (r == OPTS_VERSION)
        sim_opts_version(stdout);
    else if (r == OPTS_RUN)
        rc = serve(&sim);
    sim_auth_free(sim.auth);
    sim_store_free(sim.store);
    sim_opts_free(&sim.cfg);
    return rc;
}
