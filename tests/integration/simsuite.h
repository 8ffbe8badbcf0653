#ifndef REGDESK_TESTS_SIMSUITE_H
#define REGDESK_TESTS_SIMSUITE_H
/* What the simulator tests (test_sim_*.c) share: the one or two simulators a test starts,
 * which its suites' .fini stops even after a failed assertion, and a start that fails the
 * test when the simulator does not come up. */
#include "simproc.h"

/* Each including file has its own pair; Criterion runs every test in its own process. */
static SimProc *sim, *other;

static inline void stop_sims(void)
{
    simproc_stop(sim);
    simproc_stop(other);
    sim = other = NULL;
}

/* regdesk-sim with the arguments of base and then extra (each NULL-terminated; extra may
 * be NULL). Fails the test when it does not start. */
SimProc *simsuite_start(const char *const base[], const char *const extra[]);

#endif
