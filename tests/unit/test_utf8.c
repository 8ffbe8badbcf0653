/* Cutting text on a character boundary: the two utf8 helpers and fmt_bounded, which
 * once looked at the NUL vsnprintf had written and so cut characters in half. */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/utf8.h"

/* 1-, 2-, 3- and 4-byte characters, each followed by ASCII. */
static const char mixed[] = "a\xC3\xA9" "b\xE2\x82\xAC" "c\xF0\x9F\x98\x80" "d";

/* Valid UTF-8 throughout (no character cut short). */
static bool whole(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, len - i, &cp);
        if (!k)
            return false;
        i += k;
    }
    return true;
}

Test(utf8, prefix_steps_back_to_a_character_start)
{
    size_t len = strlen(mixed);
    cr_assert_eq(utf8_prefix(mixed, len, len + 5), len, "short enough: untouched");
    cr_assert_eq(utf8_prefix(mixed, len, 2), 1, "inside é");
    cr_assert_eq(utf8_prefix(mixed, len, 3), 3, "right after é");
    cr_assert_eq(utf8_prefix(mixed, len, 5), 4, "inside €");
    cr_assert_eq(utf8_prefix(mixed, len, 10), 8, "inside the emoji");
    for (size_t max = 0; max <= len; max++) {
        size_t n = utf8_prefix(mixed, len, max);
        cr_assert_leq(n, max);
        cr_assert(whole(mixed, n), "max %zu gave a broken prefix of %zu bytes", max, n);
        cr_assert(n == max || max - n < 4, "max %zu: stepped back too far (%zu)", max, n);
    }
}

Test(utf8, drop_partial_removes_only_a_cut_short_tail)
{
    cr_assert_eq(utf8_drop_partial("ab", 2), 2);
    cr_assert_eq(utf8_drop_partial("", 0), 0);
    cr_assert_eq(utf8_drop_partial("a\xC3", 2), 1, "lead byte alone");
    cr_assert_eq(utf8_drop_partial("a\xC3\xA9", 3), 3, "complete é");
    cr_assert_eq(utf8_drop_partial("a\xE2\x82", 3), 1, "two of €'s three bytes");
    cr_assert_eq(utf8_drop_partial("a\xF0\x9F\x98", 4), 1, "three of four");
    cr_assert_eq(utf8_drop_partial("a\xF0\x9F\x98\x80", 5), 5);
    /* Not a cut, just bad bytes: left for safetext to show as U+FFFD. */
    cr_assert_eq(utf8_drop_partial("a\x80", 2), 2);
    cr_assert_eq(utf8_drop_partial("\x80\x80", 2), 2);
}

Test(utf8, fmt_bounded_never_splits_a_character)
{
    size_t len = strlen(mixed);
    for (size_t n = 1; n <= len + 2; n++) {
        char buf[64];
        memset(buf, 'X', sizeof buf);
        fmt_bounded(buf, n, "%s", mixed);
        size_t got = strlen(buf);
        cr_assert_lt(got, n, "n %zu: the NUL is inside the buffer", n);
        cr_assert(whole(buf, got), "n %zu: a character was cut in half (%zu bytes kept)", n, got);
        cr_assert_eq(memcmp(buf, mixed, got), 0, "n %zu: a prefix of the text", n);
        cr_assert(got == len || n - 1 - got < 4, "n %zu: as much as fits (%zu)", n, got);
    }
    char small[5];
    fmt_bounded(small, sizeof small, "%s", "abc\xE2\x80\xA6z");
    cr_assert_str_eq(small, "abc", "the ellipsis does not fit whole, so none of it is kept");
}

static void vwrap(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void vwrap(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfmt_bounded(buf, n, fmt, ap);
    va_end(ap);
}

Test(utf8, vfmt_bounded_is_the_same_cut)
{
    char buf[7];
    vwrap(buf, sizeof buf, "%d %s", 12, "\xC3\xA9\xC3\xA9");
    cr_assert_str_eq(buf, "12 \xC3\xA9", "\"12 éé\" is 7 bytes: the second é goes whole");
    vwrap(buf, sizeof buf, "%s", "fits");
    cr_assert_str_eq(buf, "fits");
}
