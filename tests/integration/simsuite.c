#include <criterion/criterion.h>
#include <stdio.h>

#include "simsuite.h"

enum { MAX_ARGS = 32 };

SimProc *simsuite_start(const char *const base[], const char *const extra[])
{
    const char *args[MAX_ARGS + 1];
    size_t n = 0;
    for (size_t i = 0; base && base[i]; i++) {
        cr_assert_lt(n, MAX_ARGS, "too many simulator arguments");
        args[n++] = base[i];
    }
    for (size_t i = 0; extra && extra[i]; i++) {
        cr_assert_lt(n, MAX_ARGS, "too many simulator arguments");
        args[n++] = extra[i];
    }
    args[n] = NULL;
    SimProc *p = simproc_start(args);
    if (!p) {
        char line[512] = "";
        for (size_t i = 0, len = 0; i < n && len < sizeof line; i++)
            len += (size_t)snprintf(line + len, sizeof line - len, " %s", args[i]);
        cr_assert_fail("regdesk-sim%s did not start (its reason is above)", line);
    }
    return p;
}
