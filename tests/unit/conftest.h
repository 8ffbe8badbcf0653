#ifndef REGDESK_TESTS_UNIT_CONFTEST_H
#define REGDESK_TESTS_UNIT_CONFTEST_H
/* Helpers for the configuration language's tests (conf, settings, theme, viewdef). */
#include <criterion/criterion.h>
#include <string.h>

#include "conf/conf.h"

/* text as a file named "cfg" (no include). */
static inline ConfDoc *ct_parse(const char *text)
{
    ConfDoc *d = conf_new(NULL, NULL);
    conf_parse(d, text, strlen(text), "cfg");
    return d;
}

/* Warning i as "file:line:col: message" (valid until the next call). */
static inline const char *ct_warning(const ConfDoc *d, size_t i)
{
    static char buf[600];
    cr_assert_lt(i, d->nwarns, "expected warning #%zu; there are %zu", i, d->nwarns);
    conf_warning_format(&d->warns[i], buf, sizeof buf);
    return buf;
}

/* A line that must give exactly one warning, starting with `where` and saying `says`. */
typedef struct CtBad {
    const char *line, *where, *says;
} CtBad;

static inline void ct_assert_one_warning(const ConfDoc *d, const CtBad *b)
{
    cr_assert_eq(d->nwarns, 1, "%.60s: %zu warnings, first: %s", b->line, d->nwarns,
                 d->nwarns ? ct_warning(d, 0) : "");
    const char *w = ct_warning(d, 0);
    cr_assert(!strncmp(w, b->where, strlen(b->where)) && strstr(w, b->says),
              "%.60s:\n  got      %s\n  expected %s…%s", b->line, w, b->where, b->says);
}

#endif
