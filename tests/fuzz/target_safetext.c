/* The sanitiser (core/safetext.h), on any bytes, in both modes.
 *
 *   - safetext_append's output passes safetext_is_safe, is valid UTF-8 with no control
 *     character (LF only in SAFE_MULTILINE), no DEL and no C1 (checked independently);
 *   - sanitising it again changes nothing; safe input comes out unchanged, and input
 *     that comes out unchanged was safe; _dup and _arena agree with _append, and
 *     _append keeps what the buffer already held;
 *   - safetext_fit never splits a character, never exceeds the columns, stops only
 *     where the next character would not fit, grows with the columns, and agrees with
 *     safetext_width and cp_width;
 *   - safetext_json_escape gives a JSON string body that cJSON reads back as the text;
 *     safetext_csv_cell gives one RFC 4180 cell that reads back as the text, with the
 *     formula guard where a spreadsheet would need it. */
#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "core/safetext.h"
#include "fuzz.h"

static size_t line_len(const char *s)
{
    return strcspn(s, "\n");
}

/* Columns of s[0..n), from the independent decoder and cp_width. */
static int columns(const char *s, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = fuzz_utf8_next(s + i, n - i, &cp);
        w += cp_width(cp);
        i += k ? k : 1;
    }
    return w;
}

static void check_fit(const char *s, bool sanitised)
{
    size_t line = line_len(s);
    int width = safetext_width(s), used_all = -1;
    size_t all = safetext_fit(s, 0x7FFFFFFF, &used_all);
    FUZZ_CHECK(used_all == width, "safetext_width %d, safetext_fit says %d", width, used_all);
    FUZZ_CHECK(all == line, "with unlimited columns fit stops at %zu of a %zu-byte line", all, line);
    if (sanitised)
        FUZZ_CHECK(width == columns(s, line), "safetext_width %d, cp_width sums to %d", width, columns(s, line));
    const int cols[] = { 0, 1, 2, 3, 7, 80, width - 1, width };
    size_t prev = 0;
    int prev_cols = -1;
    for (size_t i = 0; i < sizeof cols / sizeof *cols; i++) {
        if (cols[i] < 0)
            continue;
        int used = -1;
        size_t n = safetext_fit(s, cols[i], &used);
        FUZZ_CHECK(n <= line, "fit(%d) = %zu, past the line (%zu)", cols[i], n, line);
        FUZZ_CHECK(used >= 0 && used <= cols[i], "fit(%d) used %d columns", cols[i], used);
        FUZZ_CHECK(safetext_fit(s, cols[i], NULL) == n, "fit(%d) depends on whether used is asked for", cols[i]);
        if (!sanitised)
            continue;
        uint32_t cp;
        FUZZ_CHECK(n == line || fuzz_utf8_next(s + n, line - n, &cp), "fit(%d) = %zu splits a character", cols[i],
                   n);
        FUZZ_CHECK(used == columns(s, n), "fit(%d): used %d, the prefix is %d columns", cols[i], used,
                   columns(s, n));
        if (n < line) {
            fuzz_utf8_next(s + n, line - n, &cp);
            FUZZ_CHECK(cp_width(cp) > cols[i] - used, "fit(%d) stopped at %zu although U+%04X fits", cols[i], n,
                       (unsigned)cp);
        }
        if (prev_cols >= 0 && cols[i] >= prev_cols)
            FUZZ_CHECK(n >= prev, "fit(%d) = %zu is shorter than fit(%d) = %zu", cols[i], n, prev_cols, prev);
        prev = n;
        prev_cols = cols[i];
    }
}

static void check_json(const char *s)
{
    StrBuf b = STRBUF_INIT;
    strbuf_putc(&b, '"');
    safetext_json_escape(&b, s);
    strbuf_putc(&b, '"');
    const char *json = strbuf_cstr(&b);
    fuzz_check_text("safetext_json_escape", json, false);
    for (const char *p = json; *p; p++)
        FUZZ_CHECK(*p != '\n', "a raw newline in a JSON string");
    cJSON *v = cJSON_ParseWithLengthOpts(json, b.len + 1, NULL, 1);
    FUZZ_CHECK(cJSON_IsString(v), "cJSON cannot read back the escaped string %s", json);
    FUZZ_CHECK(!strcmp(v->valuestring, s), "JSON round trip changed the text");
    cJSON_Delete(v);
    strbuf_free(&b);
}

static bool formula_start(const char *s)
{
    if (*s == '\t' || *s == '\r')
        return true;
    s += strspn(s, " \t\r\n");
    return *s && strchr("=+-@", *s);
}

static void check_csv(const char *s, char sep)
{
    StrBuf b = STRBUF_INIT;
    safetext_csv_cell(&b, s, sep);
    const char *c = strbuf_cstr(&b);
    StrBuf v = STRBUF_INIT; /* the cell as a CSV reader sees it */
    if (c[0] == '"') {
        size_t i = 1;
        for (;; i++) {
            FUZZ_CHECK(c[i], "an unterminated quoted cell");
            if (c[i] == '"') {
                if (c[i + 1] != '"')
                    break;
                i++;
            }
            strbuf_putc(&v, c[i]);
        }
        FUZZ_CHECK(c[i + 1] == '\0', "data after the closing quote of a cell");
    } else {
        for (const char *p = c; *p; p++)
            FUZZ_CHECK(*p != sep && *p != '"' && *p != '\r' && *p != '\n', "an unquoted cell holds 0x%02X",
                       (unsigned char)*p);
        strbuf_puts(&v, c);
    }
    const char *got = strbuf_cstr(&v);
    bool guarded = got[0] == '\'' && !strcmp(got + 1, s);
    FUZZ_CHECK(guarded || !strcmp(got, s), "the CSV cell does not read back as the text");
    if (formula_start(s))
        FUZZ_CHECK(guarded, "a cell starting like a formula has no ' guard");
    strbuf_free(&v);
    strbuf_free(&b);
}

static void check_mode(const char *in, size_t len, SafeMode mode)
{
    const char *name = mode == SAFE_MULTILINE ? "multiline" : "line";
    StrBuf out = STRBUF_INIT;
    safetext_append(&out, in, len, mode);
    const char *o = strbuf_cstr(&out);
    FUZZ_CHECK(strlen(o) == out.len, "%s: the output holds a NUL byte", name);
    FUZZ_CHECK(safetext_is_safe(o, out.len, mode), "%s: the output is not safe by safetext_is_safe", name);
    FUZZ_CHECK(fuzz_utf8_valid(o, out.len), "%s: the output is not valid UTF-8", name);
    fuzz_check_text(name, o, mode == SAFE_MULTILINE);

    StrBuf again = STRBUF_INIT;
    safetext_append(&again, o, out.len, mode);
    FUZZ_CHECK(again.len == out.len && !memcmp(strbuf_cstr(&again), o, out.len), "%s: not idempotent", name);
    strbuf_free(&again);

    bool unchanged = out.len == len && !memcmp(o, in, len);
    FUZZ_CHECK(safetext_is_safe(in, len, mode) == unchanged, "%s: safetext_is_safe(input) is %d, but the output %s",
               name, !unchanged, unchanged ? "is the input" : "differs");

    char *dup = safetext_dup(in, len, mode);
    FUZZ_CHECK(!strcmp(dup, o), "%s: safetext_dup differs from safetext_append", name);
    free(dup);
    Arena a;
    arena_init(&a);
    FUZZ_CHECK(!strcmp(safetext_arena(&a, in, len, mode), o), "%s: safetext_arena differs", name);
    arena_free(&a);

    StrBuf pre = STRBUF_INIT;
    strbuf_puts(&pre, "x\xC3\xA9");
    safetext_append(&pre, in, len, mode);
    FUZZ_CHECK(pre.len == out.len + 3 && !memcmp(pre.s, "x\xC3\xA9", 3) && !memcmp(pre.s + 3, o, out.len),
               "%s: appending to a non-empty buffer changed the result", name);
    strbuf_free(&pre);

    check_fit(o, true);
    if (mode == SAFE_MULTILINE) {
        const char *nl = strchr(o, '\n');
        if (nl)
            check_fit(nl + 1, true);
    }
    check_json(o);
    check_csv(o, ',');
    check_csv(o, mode == SAFE_MULTILINE ? '\t' : ';');
    strbuf_free(&out);
}

FUZZ_TARGET(safetext)
{
    char *in = fuzz_dup(data, size);
    check_mode(in, size, SAFE_LINE);
    check_mode(in, size, SAFE_MULTILINE);
    /* the measuring and export functions on text that was never sanitised: no crash,
     * no read past the string, and a JSON escape that is still safe */
    check_fit(in, false);
    StrBuf j = STRBUF_INIT;
    safetext_json_escape(&j, in);
    fuzz_check_text("safetext_json_escape (raw input)", strbuf_cstr(&j), false);
    strbuf_free(&j);
    free(in);
    return 0;
}
