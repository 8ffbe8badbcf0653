/* Helpers shared by the fuzz harnesses: failing loudly, copying the input, and a UTF-8
 * and display-safety check written independently of src/core (which is what is tested). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/record.h"
#include "core/msg.h"
#include "fuzz.h"

void fuzz_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("fuzz: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

char *fuzz_dup(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        fuzz_fail("out of memory copying %zu bytes", size);
    if (size)
        memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

/* Length of the well-formed sequence at s (RFC 3629 table 3.7 of Unicode), 0 if none. */
static size_t seq_len(const unsigned char *s, size_t len)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    /* First byte range, sequence length, and the range the second byte must fall in;
     * the first matching row counts (0xED before 0xE1-0xEF). */
    static const struct {
        unsigned char first_lo, first_hi, need, lo, hi;
    } rows[] = {
        { 0xC2, 0xDF, 2, 0x80, 0xBF }, { 0xE0, 0xE0, 3, 0xA0, 0xBF },
        { 0xED, 0xED, 3, 0x80, 0x9F }, { 0xE1, 0xEF, 3, 0x80, 0xBF },
        { 0xF0, 0xF0, 4, 0x90, 0xBF }, { 0xF4, 0xF4, 4, 0x80, 0x8F },
        { 0xF1, 0xF3, 4, 0x80, 0xBF },
    };
    size_t r = 0;
    while (r < sizeof rows / sizeof *rows && (c < rows[r].first_lo || c > rows[r].first_hi))
        r++;
    if (r == sizeof rows / sizeof *rows)
        return 0;
    size_t need = rows[r].need;
    unsigned char lo = rows[r].lo, hi = rows[r].hi;
    if (len < need || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < need; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return need;
}

size_t fuzz_utf8_next(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = len ? seq_len(u, len) : 0;
    static const unsigned char lead_mask[5] = { 0, 0x7F, 0x1F, 0x0F, 0x07 };
    uint32_t v = n ? u[0] & lead_mask[n] : 0xFFFD;
    for (size_t i = 1; i < n; i++)
        v = v << 6 | (u[i] & 0x3F);
    *cp = v;
    return n;
}

bool fuzz_utf8_valid(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        size_t n = seq_len(u + i, len - i);
        if (!n)
            return false;
        i += n;
    }
    return true;
}

bool fuzz_display_safe(const char *s, size_t len, bool multiline, const char **why, size_t *at)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        size_t n = seq_len(u + i, len - i);
        *at = i;
        if (!n) {
            *why = "invalid UTF-8";
            return false;
        }
        if (u[i] < 0x20 && !(multiline && u[i] == '\n')) {
            *why = "a C0 control byte";
            return false;
        }
        if (u[i] == 0x7F) {
            *why = "DEL";
            return false;
        }
        if (u[i] == 0xC2 && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F) {
            *why = "a C1 control (U+0080-U+009F)";
            return false;
        }
        i += n;
    }
    return true;
}

void fuzz_check_text(const char *what, const char *s, bool multiline)
{
    const char *why;
    size_t at;
    if (!s)
        fuzz_fail("%s is NULL", what);
    size_t len = strlen(s);
    if (!fuzz_display_safe(s, len, multiline, &why, &at))
        fuzz_fail("%s is not display-safe: %s at byte %zu of %zu (0x%02X)", what, why, at, len,
                  (unsigned char)s[at]);
}

void fuzz_check_buf(const char *what, const char *buf, size_t cap, bool multiline)
{
    if (!memchr(buf, '\0', cap))
        fuzz_fail("%s is not NUL-terminated inside its %zu bytes", what, cap);
    fuzz_check_text(what, buf, multiline);
}

/* The words of a message (what is outside its quote marks), or its quotes. */
static void msg_parts(const char *m, bool quotes, char *out, size_t n)
{
    size_t o = 0;
    bool inq = false;
    for (; *m && o + 1 < n; m++) {
        if (*m == MSG_QUOTE_OPEN || *m == MSG_QUOTE_CLOSE) {
            inq = *m == MSG_QUOTE_OPEN;
            continue;
        }
        if (inq == quotes)
            out[o++] = *m;
    }
    out[o] = '\0';
}

void fuzz_check_msg(const char *what, const char *full, const char *small, size_t cap)
{
    if (!memchr(small, '\0', cap))
        fuzz_fail("%s is not NUL-terminated inside its %zu bytes", what, cap);
    int depth = 0;
    for (const char *p = small; *p; p++) {
        depth += *p == MSG_QUOTE_OPEN ? 1 : *p == MSG_QUOTE_CLOSE ? -1 : 0;
        FUZZ_CHECK(depth == 0 || depth == 1, "%s: quote marks do not pair up in \"%s\"", what, small);
    }
    char plain[4 * MSG_MAX], words_full[4 * MSG_MAX], words_small[4 * MSG_MAX];
    msg_plain(plain, sizeof plain, small);
    fuzz_check_text(what, plain, false);
    msg_parts(full, false, words_full, sizeof words_full);
    msg_parts(small, false, words_small, sizeof words_small);
    size_t marks = 0;
    for (const char *p = full; *p; p++)
        marks += *p == MSG_QUOTE_OPEN || *p == MSG_QUOTE_CLOSE;
    if (strlen(words_full) + marks < cap)
        FUZZ_CHECK(!strcmp(words_full, words_small), "%s: regdesk's words were cut: \"%s\" became \"%s\"", what,
                   words_full, words_small);
}

void fuzz_rng_seed(FuzzRng *r, const uint8_t *data, size_t size)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * 1099511628211ULL;
    r->s = h ? h : 1;
}

uint32_t fuzz_rng_next(FuzzRng *r)
{
    /* xorshift64* */
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return (uint32_t)((r->s * 2685821657736338717ULL) >> 32);
}

void fuzz_check_summary(const char *what, const Summary *s)
{
    FUZZ_CHECK(s, "%s: NULL summary", what);
    FUZZ_CHECK(s->status < ST__COUNT, "%s: status %u out of range", what, s->status);
    FUZZ_CHECK(s->invalid < (1u << 12), "%s: unknown invalid bits 0x%x", what, s->invalid);
    for (int f = 0; f < SS__COUNT; f++) {
        FUZZ_CHECK(s->off[f] < s->text_len, "%s: field %d starts at %u, past the text (%u bytes)", what, f,
                   s->off[f], s->text_len);
        const char *v = summary_str(s, (SumStr)f);
        size_t room = (size_t)(s->text_len - s->off[f]);
        const char *nul = memchr(v, '\0', room);
        FUZZ_CHECK(nul, "%s: field %d is not NUL-terminated inside the text", what, f);
        FUZZ_CHECK((size_t)(nul - v) <= SUMMARY_STR_MAX, "%s: field %d is %zu bytes, more than the cap", what, f,
                   (size_t)(nul - v));
        char label[64];
        snprintf(label, sizeof label, "%s: summary field %d", what, f);
        fuzz_check_text(label, v, false);
    }
    FUZZ_CHECK(*summary_str(s, SS_ID), "%s: empty id", what);
    if (s->invalid & SUMF_ID)
        FUZZ_CHECK(summary_str(s, SS_ID)[0] == '~', "%s: an invalid id is not a synthetic '~' key", what);
    FUZZ_CHECK(s->has_docnum == (*summary_str(s, SS_DOCNUM) != '\0'), "%s: has_docnum disagrees with the text", what);
}

bool fuzz_summary_equal(const Summary *a, const Summary *b)
{
    if (a->created_ms != b->created_ms || a->updated_ms != b->updated_ms || a->invalid != b->invalid ||
        a->red_flags != b->red_flags || a->status != b->status || a->has_docnum != b->has_docnum ||
        a->text_len != b->text_len)
        return false;
    for (int k = 0; k < FAIL__COUNT; k++)
        if (a->failed[k] != b->failed[k])
            return false;
    for (int f = 0; f < SS__COUNT; f++)
        if (a->off[f] != b->off[f])
            return false;
    return !memcmp(a->text, b->text, a->text_len);
}
