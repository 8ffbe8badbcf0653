#ifndef REGDESK_TESTS_TESTUTIL_H
#define REGDESK_TESTS_TESTUTIL_H
/* Small helpers shared by the Criterion tests. Tests run from the repository root. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

#endif
