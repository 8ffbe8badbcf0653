#ifndef REGDESK_TESTS_TEST_CLI_RUN_H
#define REGDESK_TESTS_TEST_CLI_RUN_H
/* Running the real build/regdesk from the CLI integration tests: a clean environment
 * (HOME in a private temporary directory, so no real config or token is ever read;
 * REGDESK_API on a dead loopback port, so nothing can reach a real API; only the
 * sanitizer settings pass through), stdin fed from a string, stdout and stderr
 * captured, a time limit, and an optional look at the process while it runs. */
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "simproc.h"

typedef struct CliRun {
    int status;    /* exit status, or 128 + signal */
    bool signaled; /* killed by a signal (status then says which), rather than exiting */
    char *out;     /* stdout, NUL-terminated */
    size_t out_len;
    char *err;     /* stderr, NUL-terminated */
    size_t err_len;
    bool peeked;   /* while_running was called with the process alive */
    long max_rss_kb; /* the child's peak resident memory */
    long ms;         /* how long it ran */
} CliRun;

typedef struct CliRunOpts {
    const char *const *env;  /* extra "NAME=value" entries, NULL-terminated (may be NULL) */
    const char *input;       /* stdin (NULL = empty) */
    /* Called once, shortly after start, while the child still runs (e.g. to read /proc). */
    void (*while_running)(pid_t pid, void *ctx);
    void *ctx;
    int delay_ms;            /* wait this long before while_running */
    bool tty_stdout;         /* stdout is a terminal (a pseudo-terminal read back into out) */
    const char *cwd;         /* the directory it runs in (NULL: the test's) */
    const char *binary;      /* another program than regdesk (regdesk-sim), or NULL */
    long fsize_limit;        /* RLIMIT_FSIZE in bytes for the child (ulimit -f), 0 = none */
} CliRunOpts;

/* $REGDESK_BUILD_DIR/regdesk (default build/regdesk). */
const char *cli_binary(void);
/* Runs regdesk with args (NULL-terminated, without the binary); o may be NULL. */
CliRun cli_run(const char *const args[], const CliRunOpts *o);
void cli_run_free(CliRun *r);

/* A scratch directory for this test process (created once, removed by the caller's
 * cli_scratch_clean). Paths inside it: cli_scratch_path("name"). */
const char *cli_scratch(void);
void cli_scratch_path(char *buf, size_t n, const char *name);
void cli_scratch_clean(void);

/* The simulator a test file runs its commands against (one at a time): cli_sim_start
 * starts it (the test fails when it cannot), cli_sim_stop (a suite's .fini) stops it,
 * even after a failed assertion, and removes the scratch directory. */
extern SimProc *cli_sim;
void cli_sim_start(const char *const args[]);
void cli_sim_stop(void);

/* True when s[0..len) holds ESC, another C0 control (outside `allowed`), DEL, a C1
 * character or a bidi/invisible format character: what output must never carry. */
bool cli_has_raw_control(const char *s, size_t len, const char *allowed);

#endif
