#ifndef REGDESK_TESTS_SIMPROC_H
#define REGDESK_TESTS_SIMPROC_H
/* Starting and stopping regdesk-sim from a test. The simulator listens on a free
 * loopback port (--port 0); its first stdout line gives the URL. The binary is
 * $REGDESK_BUILD_DIR/regdesk-sim (default build/). With $REGDESK_TEST_LOGS set, the
 * simulator's stderr goes to a file there, so the test runner sees its sanitizer
 * reports. The child gets PR_SET_PDEATHSIG, so a crashed test cannot orphan it. */
#include <sys/types.h>

typedef struct SimProc SimProc;

/* Runs regdesk-sim --port 0 followed by extra_args (NULL-terminated, may be NULL) and
 * waits for its first line. NULL on failure (the reason is printed to stderr). */
SimProc *simproc_start(const char *const extra_args[]);
/* "http://127.0.0.1:PORT" */
const char *simproc_url(const SimProc *p);
unsigned simproc_port(const SimProc *p);
pid_t simproc_pid(const SimProc *p);
/* Sends sig (SIGTERM to stop), waits up to 10 s (then SIGKILL), frees p. Returns the exit
 * status, or 128 + signal number when it died of a signal; -1 for p == NULL. */
int simproc_stop_with(SimProc *p, int sig);
int simproc_stop(SimProc *p);
/* The binary's path, for tests that run it directly. */
const char *simproc_binary(void);

#endif
