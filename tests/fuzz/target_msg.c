/* Sentences that quote outside text (core/msg.h), on any bytes.
 *
 * The input is cut at NUL bytes into up to eight parts, taken in turn as regdesk's words
 * and as quoted text, and formatted with msg_format and safetext_format into buffers of
 * several sizes. Properties: every result ends inside its buffer; quote marks pair up;
 * the text without them is display-safe; whenever the words fit, every word survives
 * whole and in order (only quotes shrink), also when the sentence is itself quoted inside
 * a longer one; with room to spare nothing is shortened at all (when no argument holds a
 * quote mark, which would be read as one). */
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/safetext.h"
#include "fuzz.h"

enum { PARTS = 8 };

static void format_parts(char *buf, size_t n, bool marks, char *const p[PARTS])
{
    if (marks)
        msg_format(buf, n, "%s" QS "%s" QS "%s" QS "%s" QS, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]);
    else
        safetext_format(buf, n, "%s" QS "%s" QS "%s" QS "%s" QS, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]);
}

FUZZ_TARGET(msg)
{
    char *in = fuzz_dup(data, size);
    char *p[PARTS];
    size_t at = 0;
    for (int i = 0; i < PARTS; i++) {
        p[i] = in + (at < size ? at : size);
        at += strlen(p[i]) + 1;
    }
    /* Room to spare: the sanitised parts, whole. */
    size_t big = 4 * size + 64;
    char *full = malloc(big), *plain = malloc(big), *small = malloc(MSG_MAX + 1);
    format_parts(full, big, true, p);
    msg_plain(plain, big, full);
    /* A quote mark inside an argument is read as a mark (msg.h): the comparison holds for
     * arguments without one. */
    StrBuf want = STRBUF_INIT;
    bool marks = false;
    for (int i = 0; i < PARTS; i++) {
        safetext_append(&want, p[i], strlen(p[i]), SAFE_LINE);
        marks |= strchr(p[i], MSG_QUOTE_OPEN) || strchr(p[i], MSG_QUOTE_CLOSE);
    }
    FUZZ_CHECK(marks || !strcmp(plain, strbuf_cstr(&want)), "with room to spare the text changed: \"%s\"", plain);
    strbuf_free(&want);
    static const size_t sizes[] = { MSG_MAX, 200, 64, 17, 4, 1 };
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        memset(small, 0x5A, MSG_MAX + 1);
        format_parts(small, sizes[i], true, p);
        FUZZ_CHECK(small[sizes[i]] == 0x5A, "msg_format wrote past %zu bytes", sizes[i]);
        fuzz_check_msg("msg_format", full, small, sizes[i]);
        char outer[MSG_MAX], outer_full[MSG_MAX * 2];
        msg_format(outer, sizeof outer, "page 3 of 9 could not be loaded: %s (gave up after 5 attempts)", small);
        msg_format(outer_full, sizeof outer_full, "page 3 of 9 could not be loaded: %s (gave up after 5 attempts)",
                   small);
        fuzz_check_msg("msg_format (quoted in a longer one)", outer_full, outer, sizeof outer);
        format_parts(small, sizes[i], false, p);
        FUZZ_CHECK(!strchr(small, MSG_QUOTE_OPEN) && !strchr(small, MSG_QUOTE_CLOSE), "safetext_format kept a mark");
        fuzz_check_buf("safetext_format", small, sizes[i], false);
    }
    free(full);
    free(plain);
    free(small);
    free(in);
    return 0;
}
