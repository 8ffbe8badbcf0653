/* Sentences that quote outside text (core/msg.h): regdesk's own words are never cut; only
 * the quotes shrink, and a sentence made with msg_format can be quoted in a longer one. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/parse.h"
#include "core/strbuf.h"

#define ELL "\xE2\x80\xA6"

static char *repeat(const char *word, size_t times)
{
    StrBuf b = STRBUF_INIT;
    for (size_t i = 0; i < times; i++)
        strbuf_puts(&b, word);
    return strbuf_steal(&b);
}

static bool ends_with(const char *s, const char *tail)
{
    size_t a = strlen(s), b = strlen(tail);
    return a >= b && !strcmp(s + a - b, tail);
}

Test(msg, a_long_quote_shrinks_and_the_sentence_stays_whole)
{
    char *loc = repeat("https://elsewhere.example/a/very/long/path/", 20);
    char buf[300];
    safetext_format(buf, sizeof buf,
                    "the API answered HTTP 302, a redirect to " QS "; regdesk does not follow redirects (the token "
                    "would go along): set --api to the final address", loc);
    cr_assert_lt(strlen(buf), sizeof buf);
    cr_assert(!strncmp(buf, "the API answered HTTP 302, a redirect to https://elsewhere.example/", 66), "%s", buf);
    cr_assert(ends_with(buf, ELL "; regdesk does not follow redirects (the token would go along): set --api to the "
                             "final address"), "the words after the quote survive: %s", buf);
    cr_assert_gt(strlen(buf), sizeof buf - 12, "the quote keeps what room there is (%zu bytes)", strlen(buf));
    free(loc);
}

Test(msg, the_longest_quote_gives_way_first)
{
    char *big = repeat("x", 500);
    char buf[100];
    fmt_bounded(buf, sizeof buf, "file " QS " says " QS " (end)", "short.json", big);
    cr_assert(!strncmp(buf, "file short.json says xxx", 24), "the short quote is kept whole: %s", buf);
    cr_assert(ends_with(buf, "x" ELL " (end)"), "%s", buf);
    cr_assert_eq(strlen(buf), sizeof buf - 1, "as much as fits");
    free(big);
}

Test(msg, a_quote_is_cut_at_a_blank_when_one_is_near)
{
    char buf[40];
    fmt_bounded(buf, sizeof buf, "said " QS ".", "the registration was not found on this server today");
    cr_assert_str_eq(buf, "said the registration was not found" ELL ".");
}

Test(msg, a_message_quoted_in_another_still_shrinks_there)
{
    char *server = repeat("overloaded ", 60);
    char inner[MSG_MAX], outer[200];
    msg_format(inner, sizeof inner, "the API answered HTTP 503: " QS " (ServiceUnavailable)", server);
    cr_assert(strchr(inner, MSG_QUOTE_OPEN) && strchr(inner, MSG_QUOTE_CLOSE), "msg_format keeps the marks");
    safetext_format(outer, sizeof outer, "page 7 of 40 could not be loaded: %s (gave up after 5 attempts)", inner);
    cr_assert_null(strchr(outer, MSG_QUOTE_OPEN), "marks are dropped for display");
    cr_assert_null(strchr(outer, MSG_QUOTE_CLOSE));
    cr_assert(!strncmp(outer, "page 7 of 40 could not be loaded: the API answered HTTP 503: overloaded", 71), "%s",
              outer);
    cr_assert(ends_with(outer, ELL " (ServiceUnavailable) (gave up after 5 attempts)"), "%s", outer);
    char plain[MSG_MAX];
    msg_plain(plain, sizeof plain, inner);
    cr_assert(ends_with(plain, " (ServiceUnavailable)"), "%s", plain);
    cr_assert_null(strchr(plain, MSG_QUOTE_OPEN));
    free(server);
}

Test(msg, quotes_are_made_safe_one_by_one)
{
    char buf[120];
    safetext_format(buf, sizeof buf, "host " QS ", code " QS, "evil\x1b]0;pwn\x07", "\xE2\x80\xAE" "x");
    cr_assert_str_eq(buf, "host evil\u241B]0;pwn\u2407, code \u25CCx");
    /* A mark smuggled in a quoted argument opens or closes nothing that matters. */
    safetext_format(buf, sizeof buf, "got " QS " here", "a\x1f" "b\x1e" "c");
    cr_assert_str_eq(buf, "got abc here");
}

Test(msg, the_api_error_sentence_keeps_its_code)
{
    ApiError e = { .http = 500, .status = 500 };
    memset(e.message, 'm', sizeof e.message - 1);
    snprintf(e.code, sizeof e.code, "WeirdError"); /* a code with no sentence of its own */
    char buf[120], plain[120];
    api_error_describe(&e, buf, sizeof buf);
    msg_plain(plain, sizeof plain, buf);
    cr_assert(!strncmp(plain, "the API answered HTTP 500: mmm", 30), "%s", plain);
    cr_assert(ends_with(plain, "m" ELL " [WeirdError]"), "the code is not cut off: %s", plain);
}

Test(msg, only_words_that_cannot_fit_are_cut)
{
    char buf[10];
    fmt_bounded(buf, sizeof buf, "%s " QS, "abcdefghijkl", "q");
    cr_assert_str_eq(buf, "abcdefghi", "a buffer too small for the words: cut on a character boundary");
    fmt_bounded(buf, 1, QS, "x");
    cr_assert_str_eq(buf, "");
}
