/* The runner behind tests/tsan/criterion/criterion.h: runs every registered test in a
 * forked child (with the test's timeout), then prints Criterion's synthesis line. */
#include "criterion/criterion.h"

#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static ShimTest *tests, **tail = &tests;
static const ShimTest *current;
static bool in_fini;

void shim_register(ShimTest *t)
{
    *tail = t;
    tail = &t->next;
}

static void run_fini(void)
{
    if (current && current->opts->fini && !in_fini) {
        in_fini = true;
        current->opts->fini();
    }
}

void shim_fail(const char *file, int line, const char *expr, const char *fmt, ...)
{
    fprintf(stderr, "[----] %s:%d: Assertion Failed: %s\n[----]   ", file, line, expr);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    run_fini();
    _exit(1);
}

void shim_skip(const char *why)
{
    fprintf(stderr, "[SKIP] %s::%s: %s\n", current->suite, current->name, why);
    run_fini();
    _exit(77);
}

static bool selected(const ShimTest *t, const char *filter)
{
    if (!filter)
        return true;
    char full[256];
    snprintf(full, sizeof full, "%s/%s", t->suite, t->name);
    size_t n = strlen(filter);
    return filter[n - 1] == '*' ? !strncmp(full, filter, n - 1) : !strcmp(full, filter);
}

int main(int argc, char **argv)
{
    const char *filter = NULL;
    for (int i = 1; i < argc; i++)
        if (!strncmp(argv[i], "--filter=", 9))
            filter = argv[i] + 9;
    int tested = 0, passing = 0, failing = 0, crashing = 0;
    for (const ShimTest *t = tests; t; t = t->next) {
        if (!selected(t, filter))
            continue;
        fflush(NULL);
        pid_t pid = fork();
        if (pid == 0) {
            current = t;
            alarm(t->opts->timeout > 0 ? (unsigned)t->opts->timeout : 120);
            if (t->opts->init)
                t->opts->init();
            t->fn();
            run_fini();
            _exit(0);
        }
        int st = 0;
        waitpid(pid, &st, 0);
        if (WIFEXITED(st) && WEXITSTATUS(st) == 77)
            continue;
        tested++;
        if (WIFEXITED(st) && WEXITSTATUS(st) == 0) {
            passing++;
        } else {
            failing++;
            crashing += WIFSIGNALED(st);
            fprintf(stderr, "[FAIL] %s::%s%s\n", t->suite, t->name,
                    WIFSIGNALED(st) ? (WTERMSIG(st) == SIGALRM ? ": timed out" : ": CRASH!") : "");
        }
    }
    fprintf(stderr, "[====] Synthesis: Tested: %d | Passing: %d | Failing: %d | Crashing: %d \n", tested,
            passing, failing, crashing);
    return failing ? 1 : 0;
}
