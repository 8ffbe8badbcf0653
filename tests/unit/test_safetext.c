#include <criterion/criterion.h>
#include <cjson/cJSON.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "core/safetext.h"

/* Replacements, spelled as universal character names so the expectations are readable. */
#define BAD "\uFFFD"
#define HID "\u25CC"
#define P_NUL "\u2400"
#define P_BEL "\u2407"
#define P_BS "\u2408"
#define P_TAB "\u2409"
#define P_LF "\u240A"
#define P_CR "\u240D"
#define P_ESC "\u241B"
#define P_DEL "\u2421"
#define ACUTE "\u0301"

/* ---- Helpers ------------------------------------------------------------------------ */

/* Hex dump for assertion messages: never print hostile bytes to the test terminal. */
static const char *hex(const char *s, size_t len)
{
    static char buf[4][512];
    static int slot;
    char *b = buf[slot++ % 4];
    size_t o = 0;
    for (size_t i = 0; i < len && o + 4 < sizeof buf[0]; i++)
        o += (size_t)snprintf(b + o, sizeof buf[0] - o, "%02x ", (unsigned char)s[i]);
    b[o] = '\0';
    return b;
}

/* Code points display-safe text must never contain, listed independently of the table. */
static bool forbidden_cp(uint32_t cp, SafeMode mode)
{
    if (cp < 0x20)
        return !(mode == SAFE_MULTILINE && cp == '\n');
    if (cp >= 0x7F && cp <= 0x9F)
        return true;
    static const uint32_t ranges[][2] = {
        { 0x00AD, 0x00AD },   { 0x061C, 0x061C },   { 0x115F, 0x1160 },   { 0x180E, 0x180E },
        { 0x200B, 0x200F },   { 0x2028, 0x202E },   { 0x2060, 0x2069 },   { 0x3164, 0x3164 },
        { 0xD800, 0xDFFF },   { 0xE000, 0xF8FF },   { 0xFDD0, 0xFDEF },   { 0xFEFF, 0xFEFF },
        { 0xFFA0, 0xFFA0 },   { 0xFFF9, 0xFFFB },   { 0xE0000, 0xE007F }, { 0xF0000, 0x10FFFF },
    };
    for (size_t i = 0; i < sizeof ranges / sizeof *ranges; i++)
        if (cp >= ranges[i][0] && cp <= ranges[i][1])
            return true;
    return (cp & 0xFFFE) == 0xFFFE; /* noncharacters U+xFFFE, U+xFFFF */
}

/* Valid UTF-8, no forbidden code point, no raw ESC byte. */
static void assert_display_safe(const char *s, size_t len, SafeMode mode, const char *what)
{
    cr_assert(memchr(s, 0x1B, len) == NULL, "%s: ESC byte in output", what);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        cr_assert(n > 0, "%s: invalid UTF-8 at byte %zu of [%s]", what, i, hex(s, len));
        cr_assert(!forbidden_cp(cp, mode), "%s: U+%04X in output [%s]", what, (unsigned)cp,
                  hex(s, len));
        i += n;
    }
}

static void check_sanitize(const char *name, const char *in, size_t len, SafeMode mode,
                           const char *want)
{
    char *got = safetext_dup(in, len, mode);
    cr_assert_str_eq(got, want, "%s: in [%s] got [%s] want [%s]", name, hex(in, len),
                     hex(got, strlen(got)), hex(want, strlen(want)));
    assert_display_safe(got, strlen(got), mode, name);
    cr_assert(safetext_is_safe(got, strlen(got), mode), "%s: output not safe", name);
    cr_assert_eq(safetext_is_safe(in, len, mode), len == strlen(want) && !memcmp(in, want, len),
                 "%s: is_safe disagrees with the sanitiser", name);
    free(got);
}

/* ---- suite safetext: the hostile table ---------------------------------------------- */

typedef struct Case {
    const char *name, *in;
    size_t len; /* 0: strlen(in) */
    const char *want;
} Case;

static const Case hostile[] = {
    { "OSC 0 title", "\x1b]0;pwn\x07", 0, P_ESC "]0;pwn" P_BEL },
    { "CSI clear screen", "\x1b[2J", 0, P_ESC "[2J" },
    { "OSC 52 clipboard", "\x1b]52;c;ZXZpbA==\x07", 0, P_ESC "]52;c;ZXZpbA==" P_BEL },
    { "OSC 8 hyperlink", "\x1b]8;;http://evil\x1b\\x\x1b]8;;\x1b\\", 0,
      P_ESC "]8;;http://evil" P_ESC "\\x" P_ESC "]8;;" P_ESC "\\" },
    { "8-bit CSI as UTF-8", "\xc2\x9b" "31m", 0, BAD "31m" },
    { "8-bit CSI raw byte", "\x9b" "31m", 0, BAD "31m" },
    { "C1 NEL", "a\xc2\x85" "b", 0, "a" BAD "b" },
    { "RLO", "\xe2\x80\xae", 0, HID },
    { "RLO inside a name", "abc\xe2\x80\xae" "fdp.exe", 0, "abc" HID "fdp.exe" },
    { "BOM", "\xef\xbb\xbf", 0, HID },
    { "lone 0xFF", "\xff", 0, BAD },
    { "overlong slash", "\xc0\xaf", 0, BAD BAD },
    { "overlong 3-byte", "\xe0\x80\xaf", 0, BAD BAD BAD },
    { "surrogate", "\xed\xa0\x80", 0, BAD BAD BAD },
    { "above U+10FFFF", "\xf4\x90\x80\x80", 0, BAD BAD BAD BAD },
    { "backspace", "a\bb", 0, "a" P_BS "b" },
    { "carriage return", "a\rb", 0, "a" P_CR "b" },
    { "truncated then ]", "\xe2\x80]", 0, BAD "]" },
    { "truncated 4-byte at end", "ab\xf0\x9f\x98", 0, "ab" BAD },
    { "truncated 4-byte then x", "\xf0\x90\x80x", 0, BAD "x" },
    { "embedded NUL", "a\0b", 3, "a" P_NUL "b" },
    { "only NUL", "\0", 1, P_NUL },
    { "DEL", "x\x7f", 0, "x" P_DEL },
    { "TAB", "a\tb", 0, "a" P_TAB "b" },
    { "LF", "a\nb", 0, "a" P_LF "b" },
    { "CRLF", "a\r\nb", 0, "a" P_CR P_LF "b" },
    { "tag letter", "a\U000E0041", 0, "a" HID },
    { "flag with tags", "\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F",
      0, "\U0001F3F4" HID HID HID HID HID HID },
    { "ZWJ family", "\U0001F468\u200D\U0001F469\u200D\U0001F467", 0,
      "\U0001F468" HID "\U0001F469" HID "\U0001F467" },
    { "ZWJ with skin tone", "\U0001F469\U0001F3FD\u200D\U0001F4BB", 0,
      "\U0001F469\U0001F3FD" HID "\U0001F4BB" },
    { "skin tone kept", "\U0001F44D\U0001F3FD", 0, "\U0001F44D\U0001F3FD" },
    { "emoji with VS16", "\u2764\uFE0F", 0, "\u2764\uFE0F" },
    { "keycap", "1\uFE0F\u20E3", 0, "1\uFE0F\u20E3" },
    { "zalgo capped at 3", "Z\u0351\u0352\u0353\u0354\u0355\u0356a\u0357\u0358", 0,
      "Z\u0351\u0352\u0353a\u0357\u0358" },
    { "CJK", "\u6771\u4EAC\u90FD \uD55C\uAD6D\uC5B4", 0, "\u6771\u4EAC\u90FD \uD55C\uAD6D\uC5B4" },
    { "fullwidth", "\uFF21\uFF22\u3000x", 0, "\uFF21\uFF22\u3000x" },
    { "combining accents", "Jose" ACUTE " Mari" ACUTE "a", 0, "Jose" ACUTE " Mari" ACUTE "a" },
    { "precomposed Spanish", "Jos\u00E9 Mar\u00EDa \u00D1\u00FA\u00F1ez", 0,
      "Jos\u00E9 Mar\u00EDa \u00D1\u00FA\u00F1ez" },
    { "mark with no base", ACUTE "x", 0, HID ACUTE "x" },
    { "mark after a replaced char", "\u202E" ACUTE, 0, HID ACUTE },
    { "mark after a control picture", "\x01" ACUTE, 0, "\u2401" ACUTE },
    { "bidi isolates and marks", "\u2066\u2069\u200E\u200F\u061C", 0, HID HID HID HID HID },
    { "zero-width set", "\u200B\u200C\u2060\u2064\u180E", 0, HID HID HID HID HID },
    { "separators", "a\u2028b\u2029c", 0, "a" HID "b" HID "c" },
    { "interlinear annotation", "\uFFF9x\uFFFB", 0, HID "x" HID },
    { "private use and nonchars", "\uE000\U000F0000\uFDD0\xef\xbf\xbf", 0, HID HID HID HID },
    { "Hangul fillers", "\u3164\uFFA0\u115F\u1160", 0, HID HID HID HID },
    { "soft hyphen", "co\u00ADop", 0, "co" HID "op" },
    { "unassigned", "\xcd\xb8", 0, HID },
    { "replacement char kept", BAD, 0, BAD },
    { "empty", "", 0, "" },
};

Test(safetext, hostile_table_single_line)
{
    for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++) {
        const Case *c = &hostile[i];
        check_sanitize(c->name, c->in, c->len ? c->len : strlen(c->in), SAFE_LINE, c->want);
    }
}

static const Case multiline[] = {
    { "LF kept", "a\nb", 0, "a\nb" },
    { "CRLF becomes LF", "a\r\nb\r\n", 0, "a\nb\n" },
    { "lone CR replaced", "a\rb", 0, "a" P_CR "b" },
    { "CR CR LF", "a\r\r\nb", 0, "a" P_CR "\nb" },
    { "TAB is a space", "a\tb", 0, "a b" },
    { "BS replaced", "a\bb", 0, "a" P_BS "b" },
    { "escape", "x\n\x1b[1Ay", 0, "x\n" P_ESC "[1Ay" },
    { "mark at start of a line", "a\n" ACUTE, 0, "a\n" HID ACUTE },
    { "marks reset per line", "e" ACUTE ACUTE ACUTE "\ne" ACUTE ACUTE ACUTE ACUTE, 0,
      "e" ACUTE ACUTE ACUTE "\ne" ACUTE ACUTE ACUTE },
    { "vertical tab and form feed", "\v\f", 0, "\u240B\u240C" },
};

Test(safetext, multiline_mode)
{
    for (size_t i = 0; i < sizeof multiline / sizeof *multiline; i++) {
        const Case *c = &multiline[i];
        check_sanitize(c->name, c->in, c->len ? c->len : strlen(c->in), SAFE_MULTILINE,
                       c->want);
    }
}

Test(safetext, every_c0_control_has_its_picture)
{
    for (int c = 0; c < 0x20; c++) {
        char in = (char)c, want[4] = { '\xE2', '\x90', (char)(0x80 + c), '\0' };
        char *got = safetext_dup(&in, 1, SAFE_LINE);
        cr_assert_str_eq(got, want, "control 0x%02x", c);
        free(got);
    }
}

Test(safetext, every_c1_control_is_replaced)
{
    for (unsigned c = 0x80; c < 0xA0; c++) {
        char in[2] = { (char)0xC2, (char)c };
        check_sanitize("C1", in, 2, SAFE_LINE, BAD);
        check_sanitize("raw C1 byte", in + 1, 1, SAFE_LINE, BAD);
    }
    check_sanitize("NBSP is not C1", "\u00A0", strlen("\u00A0"), SAFE_LINE, "\u00A0");
}

Test(safetext, append_adds_to_what_is_there)
{
    StrBuf b = STRBUF_INIT;
    strbuf_puts(&b, "name: ");
    safetext_append(&b, "Ana\x1b", 4, SAFE_LINE);
    safetext_append(&b, "", 0, SAFE_LINE);
    cr_assert_str_eq(strbuf_cstr(&b), "name: Ana" P_ESC);
    strbuf_free(&b);
}

Test(safetext, arena_and_dup_agree)
{
    Arena a;
    arena_init(&a);
    for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++) {
        const Case *c = &hostile[i];
        size_t len = c->len ? c->len : strlen(c->in);
        char *d = safetext_dup(c->in, len, SAFE_LINE);
        char *r = safetext_arena(&a, c->in, len, SAFE_LINE);
        cr_assert_str_eq(r, d, "%s", c->name);
        cr_assert_str_eq(r, c->want, "%s", c->name);
        free(d);
    }
    arena_free(&a);
}

Test(safetext, is_safe_examples)
{
    cr_assert(safetext_is_safe("", 0, SAFE_LINE));
    cr_assert(safetext_is_safe("Jos\u00E9", strlen("Jos\u00E9"), SAFE_LINE));
    cr_assert(safetext_is_safe("e" ACUTE ACUTE ACUTE, strlen("e" ACUTE ACUTE ACUTE), SAFE_LINE));
    cr_assert_not(safetext_is_safe("e" ACUTE ACUTE ACUTE ACUTE, 9, SAFE_LINE), "over the cap");
    cr_assert_not(safetext_is_safe(ACUTE, 2, SAFE_LINE), "mark with no base");
    cr_assert_not(safetext_is_safe("a\nb", 3, SAFE_LINE));
    cr_assert(safetext_is_safe("a\nb", 3, SAFE_MULTILINE));
    cr_assert_not(safetext_is_safe("a\tb", 3, SAFE_MULTILINE));
    cr_assert_not(safetext_is_safe("ab", 3, SAFE_LINE), "the NUL counts");
    cr_assert(safetext_is_safe("ab\x1b", 2, SAFE_LINE), "only len bytes are read");
}

/* Composed sentences: everything quoted is made safe, nothing is lost to a staging
 * buffer, and the cut to the destination keeps characters whole. */
Test(safetext, format_sanitises_what_it_quotes)
{
    char buf[120];
    safetext_format(buf, sizeof buf, "cannot open %s: %d", "evil\x1b[2Jname\xE2\x80\xAEtxt", 2);
    cr_assert_str_eq(buf, "cannot open evil\u241B[2Jname" HID "txt: 2");
    char big[3000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    char whole[4000];
    safetext_format(whole, sizeof whole, "[%s]", big);
    cr_assert_eq(strlen(whole), sizeof big + 1, "no 1 KB staging buffer in the way");
    char small[8];
    safetext_format(small, sizeof small, "%s", "abcd\u00E9\u00E9");
    cr_assert_str_eq(small, "abcd\u00E9", "cut on a character boundary");
}

Test(safetext, long_inputs_cross_the_staging_buffer)
{
    enum { N = 5000 };
    char *in = malloc(N);
    StrBuf want = STRBUF_INIT;
    for (size_t i = 0; i < N; i++) { /* 600 safe bytes, then an escape, repeated */
        in[i] = i % 601 == 600 ? '\x1b' : (char)('a' + i % 26);
        if (in[i] == '\x1b')
            strbuf_puts(&want, P_ESC);
        else
            strbuf_putc(&want, in[i]);
    }
    char *got = safetext_dup(in, N, SAFE_LINE);
    cr_assert_str_eq(got, strbuf_cstr(&want));
    free(got);
    memset(in, '\x1b', N); /* nothing but escapes: 3 bytes out per byte in */
    got = safetext_dup(in, N, SAFE_LINE);
    cr_assert_eq(strlen(got), 3 * (size_t)N);
    assert_display_safe(got, strlen(got), SAFE_LINE, "all escapes");
    free(got);
    strbuf_free(&want);
    free(in);
}

/* ---- Property tests: random hostile byte strings from a fixed seed ------------------ */

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint32_t rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545F4914F6CDD1DULL) >> 32);
}

/* Builds a random string from raw bytes, ASCII and fragments that stress the decoder. */
static size_t random_input(char *buf, size_t cap)
{
    static const char *const atoms[] = {
        "\x1b", "\x1b[", "\xc2\x9b", "\xe2\x80\xae", "\xe2\x80", "\xcc\x81", "\xe2\x80\x8d",
        "\xf0\x9f\x91\x8d", "\xe6\x9d\xb1", "\xf3\xa0\x81\x81", "\r\n", "\n", "\t", "\r",
        "\xed\xa0\x80", "\xf4\x90", "\xef\xbf\xbf", "\xc3\xa9", "\xf0\x9f\x8f\xbd", "\xe2\x97\x8c",
    };
    size_t len = 0, natoms = rng() % 40;
    for (size_t k = 0; k < natoms; k++) {
        uint32_t r = rng(), pick = r % 4, v = r >> 8;
        char byte[1] = { (char)(pick == 0 ? v : 0x20 + v % 95) }; /* any byte, or ASCII */
        const char *a = pick < 2 ? byte : atoms[v % (sizeof atoms / sizeof *atoms)];
        size_t n = pick < 2 ? 1 : strlen(a);
        if (len + n > cap)
            break;
        memcpy(buf + len, a, n);
        len += n;
    }
    return len;
}

Test(safetext, random_bytes_come_out_safe_and_stable)
{
    char in[256];
    for (int iter = 0; iter < 20000; iter++) {
        size_t len = random_input(in, sizeof in);
        for (int m = 0; m < 2; m++) {
            SafeMode mode = (SafeMode)m;
            char *once = safetext_dup(in, len, mode);
            size_t olen = strlen(once);
            assert_display_safe(once, olen, mode, hex(in, len));
            cr_assert(olen <= 3 * len, "expansion over 3x for [%s]", hex(in, len));
            cr_assert(safetext_is_safe(once, olen, mode), "[%s]", hex(in, len));
            char *twice = safetext_dup(once, olen, mode);
            cr_assert_str_eq(twice, once, "not idempotent for [%s]", hex(in, len));
            if (mode == SAFE_LINE) {
                char *ml = safetext_dup(once, olen, SAFE_MULTILINE);
                cr_assert_str_eq(ml, once, "line output must be multiline-safe too");
                free(ml);
            }
            free(twice);
            free(once);
        }
    }
}

/* ---- suite safetext_width ---------------------------------------------------------- */

Test(safetext_width, code_points)
{
    static const struct { uint32_t cp; int w; } cases[] = {
        { 'a', 1 },     { 0x00E9, 1 },  { 0x00F1, 1 },  { 0x0301, 0 },  { 0x20E3, 0 },
        { 0xFE0F, 0 },  { 0x1161, 0 },  { 0x6771, 2 },  { 0xAC00, 2 },  { 0xFF21, 2 },
        { 0x3000, 2 },  { 0x1F600, 2 }, { 0x1F44D, 2 }, { 0x1F3FD, 2 }, { 0x20000, 2 },
        { 0x2764, 1 },  { 0x25CC, 1 },  { 0xFFFD, 1 },  { 0x2400, 1 },  { 0x1F1E6, 1 },
        { 0x200B, 1 },  { 0x202E, 1 },  { 0xE0041, 1 }, { 0x1B, 1 },    { 0x9B, 1 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        cr_assert_eq(cp_width(cases[i].cp), cases[i].w, "U+%04X", (unsigned)cases[i].cp);
}

/* The honest check: for every code point safe text keeps, the generated table gives what
 * glibc's wcwidth() gives under C.UTF-8, i.e. what ncursesw will use when it draws. */
Test(safetext_width, table_agrees_with_glibc_for_every_kept_code_point)
{
    cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"));
    size_t kept = 0;
    for (uint32_t cp = 0x20; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        char s[5] = "a";
        size_t n = 1 + utf8_encode(cp, s + 1);
        if (!safetext_is_safe(s, n, SAFE_LINE))
            continue;
        kept++;
        cr_assert(iswprint((wint_t)cp), "U+%04X kept but not printable", (unsigned)cp);
        cr_assert_eq(cp_width(cp), wcwidth((wchar_t)cp), "U+%04X", (unsigned)cp);
    }
    cr_assert_gt(kept, 140000, "only %zu code points kept", kept);
}

Test(safetext_width, does_not_need_the_locale)
{
    cr_assert_not_null(setlocale(LC_ALL, "C"));
    cr_assert_eq(cp_width(0x6771), 2);
    cr_assert_eq(safetext_width("\u6771\u4EAC e" ACUTE), 6);
}

Test(safetext_width, strings)
{
    cr_assert_eq(safetext_width(""), 0);
    cr_assert_eq(safetext_width("abc"), 3);
    cr_assert_eq(safetext_width("Jos\u00E9"), 4);
    cr_assert_eq(safetext_width("Jose" ACUTE), 4);
    cr_assert_eq(safetext_width("\u6771\u4EAC"), 4);
    cr_assert_eq(safetext_width("\U0001F44D\U0001F3FD"), 4, "glibc counts the modifier");
    cr_assert_eq(safetext_width("\U0001F468" HID "\U0001F469"), 5);
    cr_assert_eq(safetext_width(P_ESC "[2J"), 4);
    cr_assert_eq(safetext_width("ab\ncdef"), 2, "one line only");
}

Test(safetext_width, fit_never_splits_a_character)
{
    int used;
    cr_assert_eq(safetext_fit("abcdef", 3, &used), 3);
    cr_assert_eq(used, 3);
    cr_assert_eq(safetext_fit("abc", 10, &used), 3);
    cr_assert_eq(used, 3);
    cr_assert_eq(safetext_fit("abc", 0, &used), 0);
    cr_assert_eq(used, 0);
    cr_assert_eq(safetext_fit("abc", -5, &used), 0);
    cr_assert_eq(used, 0);
    cr_assert_eq(safetext_fit("", 5, &used), 0);
    cr_assert_eq(safetext_fit("Jos\u00E9!", 4, &used), 5, "the 2-byte e-acute is whole");
    cr_assert_eq(used, 4);
    cr_assert_eq(safetext_fit("ab\ncd", 5, NULL), 2, "stops at LF");
}

Test(safetext_width, wide_character_straddling_the_edge)
{
    int used;
    const char *s = "\u6771\u4EAC\u90FD"; /* 3 bytes and 2 columns each */
    cr_assert_eq(safetext_fit(s, 3, &used), 3);
    cr_assert_eq(used, 2, "the second ideograph would straddle column 3");
    cr_assert_eq(safetext_fit(s, 4, &used), 6);
    cr_assert_eq(used, 4);
    cr_assert_eq(safetext_fit(s, 1, &used), 0);
    cr_assert_eq(used, 0);
    cr_assert_eq(safetext_fit("a\U0001F600", 2, &used), 1);
    cr_assert_eq(used, 1);
}

Test(safetext_width, combining_marks_stay_with_their_base)
{
    int used;
    const char *s = "e" ACUTE ACUTE "x";
    cr_assert_eq(safetext_fit(s, 1, &used), 5, "e with both marks");
    cr_assert_eq(used, 1);
    cr_assert_eq(safetext_fit(s, 0, &used), 0);
    const char *w = "\u6771" ACUTE "b";
    cr_assert_eq(safetext_fit(w, 1, &used), 0, "a mark on a wide base that does not fit");
    cr_assert_eq(safetext_fit(w, 2, &used), 5);
    cr_assert_eq(used, 2);
}

Test(safetext_width, fit_agrees_with_width_on_random_text)
{
    char in[256];
    for (int iter = 0; iter < 2000; iter++) {
        size_t len = random_input(in, sizeof in);
        char *s = safetext_dup(in, len, SAFE_LINE);
        int w = safetext_width(s);
        for (int cols = 0; cols <= w + 1; cols++) {
            int used;
            size_t n = safetext_fit(s, cols, &used);
            cr_assert_leq(used, cols);
            cr_assert(used >= cols - 1 || n == strlen(s), "at most one column lost");
            char *prefix = strndup(s, n);
            cr_assert_eq(safetext_width(prefix), used);
            cr_assert(safetext_is_safe(prefix, n, SAFE_LINE), "cut inside a character");
            uint32_t next;
            if (s[n] && utf8_decode(s + n, strlen(s + n), &next))
                cr_assert_neq(cp_width(next), 0, "a mark left behind its base");
            free(prefix);
        }
        free(s);
    }
}

/* ---- suite safetext_export ---------------------------------------------------------- */

static char *json_escaped(const char *s)
{
    StrBuf b = STRBUF_INIT;
    safetext_json_escape(&b, s);
    return strbuf_steal(&b);
}

/* Escaped output must be plain printable ASCII or safe UTF-8 and parse back to `decoded`. */
static void check_json(const char *in, const char *want, const char *decoded)
{
    char *got = json_escaped(in);
    cr_assert_str_eq(got, want, "[%s]", hex(in, strlen(in)));
    assert_display_safe(got, strlen(got), SAFE_LINE, want);
    StrBuf doc = STRBUF_INIT;
    strbuf_printf(&doc, "[\"%s\"]", got);
    cJSON *j = cJSON_Parse(strbuf_cstr(&doc));
    cr_assert_not_null(j, "does not parse: %s", strbuf_cstr(&doc));
    cr_assert_str_eq(cJSON_GetArrayItem(j, 0)->valuestring, decoded);
    cJSON_Delete(j);
    strbuf_free(&doc);
    free(got);
}

Test(safetext_export, json_escapes)
{
    check_json("plain text / 123", "plain text / 123", "plain text / 123");
    check_json("say \"hi\" \\o/", "say \\\"hi\\\" \\\\o/", "say \"hi\" \\o/");
    check_json("\n\t\r\b\f", "\\n\\t\\r\\b\\f", "\n\t\r\b\f");
    check_json("\x1b[2J\x01\x7f", "\\u001b[2J\\u0001\\u007f", "\x1b[2J\x01\x7f");
    check_json("\xc2\x9b" "31m", "\\u009b31m", "\xc2\x9b" "31m");
    check_json("\u202E\u2066\u200B\uFEFF", "\\u202e\\u2066\\u200b\\ufeff",
               "\u202E\u2066\u200B\uFEFF");
    check_json("a\u2028b\u2029", "a\\u2028b\\u2029", "a\u2028b\u2029");
    check_json("\U000E0041", "\\udb40\\udc41", "\U000E0041");
    check_json("Jos\u00E9 Pe\u00F1a e" ACUTE " \u6771 \U0001F44D\U0001F3FD",
               "Jos\u00E9 Pe\u00F1a e" ACUTE " \u6771 \U0001F44D\U0001F3FD",
               "Jos\u00E9 Pe\u00F1a e" ACUTE " \u6771 \U0001F44D\U0001F3FD");
    check_json(P_ESC HID BAD, P_ESC HID BAD, P_ESC HID BAD);
    check_json("", "", "");
}

Test(safetext_export, json_invalid_utf8_becomes_ufffd)
{
    check_json("\xff", "\\ufffd", BAD);
    check_json("\xe2\x80]", "\\ufffd]", BAD "]");
    check_json("\xed\xa0\x80", "\\ufffd\\ufffd\\ufffd", BAD BAD BAD);
}

Test(safetext_export, json_round_trips_random_sanitised_text)
{
    char in[256];
    for (int iter = 0; iter < 3000; iter++) {
        size_t len = random_input(in, sizeof in);
        char *s = safetext_dup(in, len, SAFE_MULTILINE);
        char *e = json_escaped(s);
        StrBuf doc = STRBUF_INIT;
        strbuf_printf(&doc, "\"%s\"", e);
        cJSON *j = cJSON_Parse(strbuf_cstr(&doc));
        cr_assert(cJSON_IsString(j), "[%s]", hex(e, strlen(e)));
        cr_assert_str_eq(j->valuestring, s);
        cJSON_Delete(j);
        strbuf_free(&doc);
        free(e);
        free(s);
    }
}

static void check_csv(const char *in, char sep, const char *want)
{
    StrBuf b = STRBUF_INIT;
    strbuf_puts(&b, "<");
    safetext_csv_cell(&b, in, sep);
    cr_assert_str_eq(strbuf_cstr(&b) + 1, want, "[%s] sep %d", hex(in, strlen(in)), sep);
    strbuf_free(&b);
}

/* A cell, its separator and the cell as written. */
typedef struct CsvCase {
    const char *in;
    char sep;
    const char *want;
} CsvCase;

static void check_csv_all(const CsvCase *c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        check_csv(c[i].in, c[i].sep, c[i].want);
}

Test(safetext_export, csv_quoting)
{
    static const CsvCase cases[] = {
        { "plain", ',', "plain" },
        { "", ',', "" },
        { "a,b", ',', "\"a,b\"" },
        { "a,b", ';', "a,b" },
        { "a;b", ';', "\"a;b\"" },
        { "a\tb", '\t', "\"a\tb\"" },
        { "say \"hi\"", ',', "\"say \"\"hi\"\"\"" },
        { "\"", ',', "\"\"\"\"" },
        { "line1\nline2", ',', "\"line1\nline2\"" },
        { "a\rb", ',', "\"a\rb\"" },
    };
    check_csv_all(cases, sizeof cases / sizeof *cases);
}

Test(safetext_export, csv_formula_injection)
{
    static const CsvCase cases[] = {
        { "=1+1", ',', "'=1+1" },
        { "=HYPERLINK(\"http://evil\",\"x\")", ',', "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"" },
        { "+57 3001234567", ',', "'+57 3001234567" },
        { "-2+3", ',', "'-2+3" },
        { "@SUM(A1)", ',', "'@SUM(A1)" },
        { "\tx", ',', "'\tx" },
        { "\rx", ',', "\"'\rx\"" },
        { "  =cmd", ',', "'  =cmd" },
        { "a=b", ',', "a=b" },
        { "   ", ',', "   " },
    };
    check_csv_all(cases, sizeof cases / sizeof *cases);
}

Test(safetext_export, csv_keeps_accented_text)
{
    static const CsvCase cases[] = {
        { "Jos\u00E9 Mar\u00EDa Pe\u00F1a", ',', "Jos\u00E9 Mar\u00EDa Pe\u00F1a" },
        { "\u00C1lvarez, \u00D1\u00FA\u00F1ez", ',', "\"\u00C1lvarez, \u00D1\u00FA\u00F1ez\"" },
        { "e" ACUTE " \u6771\u4EAC", ',', "e" ACUTE " \u6771\u4EAC" },
    };
    check_csv_all(cases, sizeof cases / sizeof *cases);
}
