#ifndef REGDESK_TESTS_TESTUTIL_H
#define REGDESK_TESTS_TESTUTIL_H
/* Small helpers shared by the Criterion tests. Tests run from the repository root. */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/parse.h"
#include "core/strbuf.h"

/* Lucía's case: a fully populated registration needing review. */
#define TU_FIXTURE_ANA "tests/fixtures/detail_ana.json"

/* Runs a shell command made with printf formatting; returns system()'s status. */
static inline int tu_sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static inline int tu_sh(const char *fmt, ...)
{
    char cmd[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    return system(cmd);
}

/* head, `open` depth times, mid, `close` depth times, tail: JSON nested depth deep
 * (malloc'd). */
static inline char *tu_nested(const char *head, const char *open, size_t depth, const char *mid,
                              const char *close, const char *tail)
{
    size_t no = strlen(open), nc = strlen(close);
    char *s = malloc(strlen(head) + depth * (no + nc) + strlen(mid) + strlen(tail) + 1);
    cr_assert_not_null(s);
    char *p = stpcpy(s, head);
    for (size_t i = 0; i < depth; i++)
        p = stpcpy(p, open);
    p = stpcpy(p, mid);
    for (size_t i = 0; i < depth; i++)
        p = stpcpy(p, close);
    strcpy(p, tail);
    return s;
}

/* A writable, NUL-terminated copy (the parser may rewrite escapes in place). */
static inline char *tu_dup(const char *s, size_t *len)
{
    size_t n = strlen(s);
    char *d = malloc(n + 1);
    cr_assert_not_null(d);
    memcpy(d, s, n + 1);
    if (len)
        *len = n;
    return d;
}

static inline char *tu_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open fixture %s (tests run from the repository root)", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    cr_assert_not_null(buf);
    cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    if (len)
        *len = (size_t)n;
    return buf;
}

/* Parses body (and frees it); what names it in a failure. */
static inline Detail *tu_detail_body(char *body, size_t len, const char *what)
{
    char err[200] = "";
    Detail *d = parse_detail(body, len, err, sizeof err);
    cr_assert_not_null(d, "%.200s: %s", what, err);
    free(body);
    return d;
}

/* One registration from JSON text; the test fails with the parser's sentence when it
 * does not parse. Free it with detail_free. */
static inline Detail *tu_detail(const char *json)
{
    size_t len;
    char *body = tu_dup(json, &len);
    return tu_detail_body(body, len, json);
}

/* The same from a fixture file. */
static inline Detail *tu_detail_file(const char *path)
{
    size_t len;
    char *body = tu_read_file(path, &len);
    return tu_detail_body(body, len, path);
}

/* A list page from JSON text; the test fails when it does not parse. page_free it. */
static inline Page tu_page(const char *json)
{
    size_t len;
    char *body = tu_dup(json, &len);
    Page p;
    char err[200] = "";
    cr_assert(parse_page(body, len, &p, err, sizeof err), "%.200s: %s", json, err);
    free(body);
    return p;
}

/* A record sink for the dump splitter's tests: the ids in order ("a,b,c,"), how many, and
 * the last summary (kept; the others are freed). */
typedef struct TuGot {
    StrBuf ids;
    size_t n;
    Summary *last;
} TuGot;

static inline void tu_got_sink(void *ctx, Summary *s)
{
    TuGot *g = ctx;
    strbuf_puts(&g->ids, summary_str(s, SS_ID));
    strbuf_putc(&g->ids, ',');
    g->n++;
    free(g->last);
    g->last = s;
}

static inline void tu_got_free(TuGot *g)
{
    strbuf_free(&g->ids);
    free(g->last);
}

#endif
