#include "core/safetext.h"

#include <string.h>

#include "core/uniwidth.h"
#include "core/xalloc.h"

#define REPL_BAD "\xEF\xBF\xBD"    /* U+FFFD, for bytes that are not UTF-8 and for C1 */
#define REPL_HIDDEN "\xE2\x97\x8C" /* U+25CC dotted circle, for invisible characters */

/* ---- Unicode classes --------------------------------------------------------------- */

/* Binary search, limited by the block index to the ranges near cp. */
static UniClass uni_class(uint32_t cp)
{
    if (cp > 0x10FFFF)
        return UW_REPLACE;
    uint32_t b = cp >> UNIWIDTH_BLOCK_SHIFT;
    size_t lo = uniwidth_block[b], hi = uniwidth_block[b + 1] + 1;
    if (hi > uniwidth_count)
        hi = uniwidth_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const UniRange *r = &uniwidth_ranges[mid];
        if (cp < r->lo)
            hi = mid;
        else if (cp > r->hi)
            lo = mid + 1;
        else
            return (UniClass)r->cls;
    }
    return UW_NARROW;
}

int cp_width(uint32_t cp)
{
    if (cp < 0xA0)
        return 1; /* ASCII, or a control that safe text shows as a one-column picture */
    switch (uni_class(cp)) {
    case UW_ZERO:
        return 0;
    case UW_WIDE:
        return 2;
    default:
        return 1;
    }
}

/* Length of the invalid sequence at s: the lead byte plus the continuation bytes that
 * could still have completed it (Unicode's "maximal subpart"), so "\xE2\x80]" loses
 * two bytes to one U+FFFD and the ']' survives. Call only where utf8_decode failed. */
static size_t bad_len(const unsigned char *s, size_t len)
{
    unsigned char c = s[0], lo = 0x80, hi = 0xBF;
    size_t need;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        lo = c == 0xE0 ? 0xA0 : 0x80; /* no overlongs */
        hi = c == 0xED ? 0x9F : 0xBF; /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF; /* nothing above U+10FFFF */
    } else {
        return 1;
    }
    if (len < 2 || s[1] < lo || s[1] > hi)
        return 1;
    size_t i = 2;
    while (i < need && i < len && (s[i] & 0xC0) == 0x80)
        i++;
    return i;
}

/* ---- Output sink: small pieces are staged so a hostile string full of controls does
 * not cost one strbuf_append per byte. ------------------------------------------------- */

typedef struct Sink {
    StrBuf *sb;
    size_t n;
    char buf[256];
} Sink;

static void sink_flush(Sink *k)
{
    if (k->n)
        strbuf_append(k->sb, k->buf, k->n);
    k->n = 0;
}

static void sink_put(Sink *k, const char *s, size_t n)
{
    if (n > sizeof k->buf - k->n) {
        sink_flush(k);
        if (n > sizeof k->buf) {
            strbuf_append(k->sb, s, n);
            return;
        }
    }
    memcpy(k->buf + k->n, s, n);
    k->n += n;
}

/* ---- Sanitising ----------------------------------------------------------------------
 * `marks` tracks the combining marks on the current base character: -1 when there is no
 * base (start of the string or of a line), otherwise how many marks it carries. */

static bool ascii_printable(unsigned char c)
{
    return c >= 0x20 && c < 0x7F;
}

/* Bytes at the start of s[0..len) that come out unchanged. */
static size_t safe_prefix(const unsigned char *s, size_t len, SafeMode mode, int *marks)
{
    size_t i = 0;
    while (i < len) {
        if (ascii_printable(s[i])) {
            do
                i++;
            while (i < len && ascii_printable(s[i]));
            *marks = 0;
            continue;
        }
        if (s[i] == '\n' && mode == SAFE_MULTILINE) {
            i++;
            *marks = -1;
            continue;
        }
        uint32_t cp;
        size_t n = s[i] < 0x80 ? 0 : utf8_decode((const char *)s + i, len - i, &cp);
        if (n == 0 || cp < 0xA0)
            break;
        UniClass cls = uni_class(cp);
        if (cls == UW_REPLACE)
            break;
        if (cls == UW_ZERO) {
            if (*marks < 0 || *marks >= SAFETEXT_MAX_COMBINING)
                break;
            ++*marks;
        } else {
            *marks = 0;
        }
        i += n;
    }
    return i;
}

/* A C0 control or DEL: its Control Picture (U+2400 + c, DEL → U+2421). */
static size_t emit_control(Sink *k, const unsigned char *s, size_t len, SafeMode mode,
                           int *marks)
{
    unsigned char c = s[0];
    if (mode == SAFE_MULTILINE && c == '\r' && len > 1 && s[1] == '\n')
        return 1; /* CRLF → LF: the LF follows as ordinary safe text */
    *marks = 0;
    if (mode == SAFE_MULTILINE && c == '\t') {
        sink_put(k, " ", 1);
        return 1;
    }
    char pic[3] = { '\xE2', '\x90', (char)(c == 0x7F ? 0xA1 : 0x80 | c) };
    sink_put(k, pic, sizeof pic);
    return 1;
}

/* Replaces (or drops) the one character at s that safe_prefix stopped on; returns the
 * bytes it consumed. */
static size_t emit_unsafe(Sink *k, const unsigned char *s, size_t len, SafeMode mode,
                          int *marks)
{
    if (s[0] < 0x80)
        return emit_control(k, s, len, mode, marks);
    uint32_t cp;
    size_t n = utf8_decode((const char *)s, len, &cp);
    if (n == 0 || cp < 0xA0) {
        sink_put(k, REPL_BAD, 3);
        *marks = 0;
        return n ? n : bad_len(s, len);
    }
    if (uni_class(cp) == UW_REPLACE) {
        sink_put(k, REPL_HIDDEN, 3);
        *marks = 0;
        return n;
    }
    /* A zero-width mark: over the cap it is dropped; with no base it gets U+25CC, the
     * conventional base for showing a lone mark, so it cannot fuse with what a terminal
     * drew before this string. */
    if (*marks < 0) {
        sink_put(k, REPL_HIDDEN, 3);
        sink_put(k, (const char *)s, n);
        *marks = 1;
    }
    return n;
}

void safetext_append(StrBuf *out, const char *in, size_t len, SafeMode mode)
{
    const unsigned char *s = (const unsigned char *)in;
    int marks = -1;
    size_t i = safe_prefix(s, len, mode, &marks);
    if (i == len) { /* the common case: nothing to replace, one copy */
        if (len)
            strbuf_append(out, in, len);
        return;
    }
    Sink k = { .sb = out, .n = 0 };
    sink_put(&k, in, i);
    while (i < len) {
        i += emit_unsafe(&k, s + i, len - i, mode, &marks);
        size_t n = safe_prefix(s + i, len - i, mode, &marks);
        sink_put(&k, in + i, n);
        i += n;
    }
    sink_flush(&k);
}

bool safetext_is_safe(const char *in, size_t len, SafeMode mode)
{
    int marks = -1;
    return safe_prefix((const unsigned char *)in, len, mode, &marks) == len;
}

char *safetext_dup(const char *in, size_t len, SafeMode mode)
{
    if (safetext_is_safe(in, len, mode))
        return xstrndup(in, len);
    StrBuf b = STRBUF_INIT;
    safetext_append(&b, in, len, mode);
    return strbuf_steal(&b);
}

char *safetext_arena(Arena *a, const char *in, size_t len, SafeMode mode)
{
    if (safetext_is_safe(in, len, mode))
        return arena_strndup(a, in, len);
    StrBuf b = STRBUF_INIT;
    safetext_append(&b, in, len, mode);
    char *s = arena_strndup(a, strbuf_cstr(&b), b.len);
    strbuf_free(&b);
    return s;
}

/* ---- Width and fitting ------------------------------------------------------------- */

/* Steps over one character of s[0..len); a byte that does not start valid UTF-8 counts
 * as one column, as it would once sanitised. */
static size_t next_width(const char *s, size_t len, int *w)
{
    uint32_t cp;
    size_t n = utf8_decode(s, len, &cp);
    *w = cp_width(cp);
    return n ? n : 1;
}

int safetext_width(const char *s)
{
    int cols;
    safetext_fit(s, 0x7FFFFFFF, &cols);
    return cols;
}

size_t safetext_fit(const char *s, int cols, int *used)
{
    size_t len = strcspn(s, "\n"), i = 0;
    int total = 0;
    while (i < len) {
        int w;
        size_t n = next_width(s + i, len - i, &w);
        if (w > cols - total)
            break;
        total += w;
        i += n;
    }
    if (used)
        *used = total;
    return i;
}

/* ---- Exports ------------------------------------------------------------------------ */

static bool json_plain_ascii(unsigned char c)
{
    return ascii_printable(c) && c != '"' && c != '\\';
}

/* Bytes at the start of s[0..len) that a JSON string can hold as they are. */
static size_t json_plain_run(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        if (json_plain_ascii(s[i])) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = s[i] < 0x80 ? 0 : utf8_decode((const char *)s + i, len - i, &cp);
        if (n == 0 || cp < 0xA0 || uni_class(cp) == UW_REPLACE)
            break;
        i += n;
    }
    return i;
}

static void json_u_escape(Sink *k, uint32_t cp)
{
    static const char hex[] = "0123456789abcdef";
    if (cp > 0xFFFF) { /* a UTF-16 surrogate pair, as JSON requires */
        json_u_escape(k, 0xD800 + ((cp - 0x10000) >> 10));
        json_u_escape(k, 0xDC00 + ((cp - 0x10000) & 0x3FF));
        return;
    }
    char e[6] = { '\\', 'u', hex[cp >> 12], hex[(cp >> 8) & 15], hex[(cp >> 4) & 15],
                  hex[cp & 15] };
    sink_put(k, e, sizeof e);
}

static char json_short_escape(unsigned char c)
{
    switch (c) {
    case '"': return '"';
    case '\\': return '\\';
    case '\b': return 'b';
    case '\f': return 'f';
    case '\n': return 'n';
    case '\r': return 'r';
    case '\t': return 't';
    default: return 0;
    }
}

static size_t json_escape_one(Sink *k, const unsigned char *s, size_t len)
{
    if (s[0] < 0x80) {
        char e[2] = { '\\', json_short_escape(s[0]) };
        if (e[1])
            sink_put(k, e, 2);
        else
            json_u_escape(k, s[0]);
        return 1;
    }
    uint32_t cp;
    size_t n = utf8_decode((const char *)s, len, &cp);
    json_u_escape(k, cp); /* U+FFFD when the bytes were not UTF-8 */
    return n ? n : bad_len(s, len);
}

void safetext_json_escape(StrBuf *out, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len = strlen(s), i = 0;
    Sink k = { .sb = out, .n = 0 };
    while (i < len) {
        size_t n = json_plain_run(u + i, len - i);
        sink_put(&k, s + i, n);
        i += n;
        if (i < len)
            i += json_escape_one(&k, u + i, len - i);
    }
    sink_flush(&k);
}

/* Spreadsheets run a cell that starts with one of these as a formula; some also trim
 * leading blanks first, so " =cmd" counts as well. */
static bool csv_formula_start(const char *s)
{
    if (*s == '\t' || *s == '\r')
        return true;
    s += strspn(s, " \t\r\n");
    return *s != '\0' && strchr("=+-@", *s) != NULL;
}

void safetext_csv_cell(StrBuf *out, const char *s, char sep)
{
    const char specials[] = { '"', '\r', '\n', sep, '\0' };
    bool quote = s[strcspn(s, specials)] != '\0';
    if (quote)
        strbuf_putc(out, '"');
    if (csv_formula_start(s))
        strbuf_putc(out, '\'');
    if (quote) {
        const char *q;
        while ((q = strchr(s, '"')) != NULL) { /* RFC 4180: a quote is doubled */
            strbuf_append(out, s, (size_t)(q - s) + 1);
            strbuf_putc(out, '"');
            s = q + 1;
        }
    }
    strbuf_puts(out, s);
    if (quote)
        strbuf_putc(out, '"');
}
