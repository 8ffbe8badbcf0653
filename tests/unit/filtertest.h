#ifndef REGDESK_TESTS_FILTERTEST_H
#define REGDESK_TESTS_FILTERTEST_H
/* Helpers shared by the filter tests (test_filter*.c): records, compiling, matching and
 * the error a bad expression gives. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/filter.h"
#include "core/timeutil.h"

#define NOW 1748736000000LL /* 2025-06-01T00:00:00Z */
#define HOUR 3600000LL
#define DAY (24 * HOUR)

static inline int64_t T(const char *iso)
{
    int64_t ms;
    cr_assert(time_parse_iso(iso, &ms), "bad test time %s", iso);
    return ms;
}

/* A record; unset strings are absent, created/updated 0 means missing. */
typedef struct R {
    const char *id, *name, *email, *phone, *cc, *step, *project, *flow, *raw, *doc;
    Status st;
    int64_t created, updated;
    unsigned flags, failed[FAIL__COUNT];
    uint32_t invalid;
} R;

static inline Summary *mk(R r)
{
    SummaryInit in = {
        .str = { [SS_ID] = r.id ? r.id : "6650aa00bb11cc22dd33ee44", [SS_NAME] = r.name,
                 [SS_EMAIL] = r.email, [SS_PHONE] = r.phone, [SS_COUNTRY_CODE] = r.cc,
                 [SS_STEP] = r.step, [SS_PROJECT] = r.project, [SS_FLOW] = r.flow,
                 [SS_STATUS_RAW] = r.raw, [SS_DOCNUM] = r.doc },
        .status = r.st,
        .created_ms = r.created ? r.created : TIME_NONE,
        .updated_ms = r.updated ? r.updated : TIME_NONE,
        .invalid = r.invalid,
        .red_flags = r.flags,
    };
    memcpy(in.failed, r.failed, sizeof in.failed);
    return summary_new(&in);
}

static inline Filter *compile_ok(const char *expr)
{
    FilterError e;
    Filter *f = filter_compile(expr, NOW, &e);
    cr_assert_not_null(f, "'%s' did not compile: %s (column %d)", expr, e.msg, e.column);
    return f;
}

/* Does expr match record r? With fields, also the fields it matched through. */
static inline bool match_fields(const char *expr, R r, uint32_t *fields)
{
    Filter *f = compile_ok(expr);
    Summary *s = mk(r);
    bool hit = filter_match(f, s);
    if (fields)
        *fields = filter_hit_fields(f, s);
    free(s);
    filter_free(f);
    return hit;
}

static inline bool M(const char *expr, R r)
{
    return match_fields(expr, r, NULL);
}

#define MATCHES(expr, ...) cr_assert(M(expr, (R){ __VA_ARGS__ }), "'%s' should match", expr)
#define MISSES(expr, ...) cr_assert_not(M(expr, (R){ __VA_ARGS__ }), "'%s' should not match", expr)

static inline FilterError E(const char *expr)
{
    FilterError e;
    Filter *f = filter_compile(expr, NOW, &e);
    cr_assert_null(f, "'%s' should not compile", expr);
    return e;
}

/* The message names `term`, and column/length point at it (in characters). */
static inline void expect(const char *expr, const char *term, int column, const char *also)
{
    FilterError e = E(expr);
    cr_assert(strstr(e.msg, term), "'%s': message \"%s\" should name '%s'", expr, e.msg, term);
    cr_assert(!also || strstr(e.msg, also), "'%s': message \"%s\" should say '%s'", expr, e.msg,
              also);
    cr_assert_eq(e.column, column, "'%s': column %d, expected %d", expr, e.column, column);
    cr_assert_eq(e.length, (int)strlen(term), "'%s': length %d", expr, e.length);
}

/* One row of expect(): a bad expression and what its error must say. */
typedef struct FilterErrCase {
    const char *expr, *term;
    int column;
    const char *also;
} FilterErrCase;

static inline void expect_all(const FilterErrCase *c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        expect(c[i].expr, c[i].term, c[i].column, c[i].also);
}

#endif
