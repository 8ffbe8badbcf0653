/* PII masking (core/mask.h). The input is split at NUL bytes into the values to mask:
 * email, country code, phone, document number, URL.
 *
 * For every masker and every buffer size: nothing is written when n is 0; the result
 * ends inside n bytes, is valid UTF-8 (bad input bytes become U+FFFD), and is the
 * full-size result cut on a character boundary. On sanitised input the result is
 * display-safe. And the masking holds: a phone shows at most 4 of its digits, a document
 * number at most 4 of its characters, a URL no value of a credential parameter, an IP
 * address no run of more than 4 digits. The whole input, made safe, also goes through
 * mask_json_text, whose result must stay display-safe. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mask.h"
#include "core/pii.h"
#include "core/safetext.h"
#include "fuzz.h"
#include "../unit/maskfns.h"

static bool continuation(char c)
{
    return ((unsigned char)c & 0xC0) == 0x80;
}

/* Room for any result: a bad byte becomes 3 bytes, and masking adds at most "***" per
 * value plus a '+' and a blank. */
static size_t room_for(const char *a, const char *b)
{
    return 3 * (strlen(a) + (b ? strlen(b) : 0)) + 16;
}

/* Runs m at several sizes; full receives the result in a buffer big enough for all of it. */
static void check_sizes(const char *what, MaskFn m, const char *a, const char *b, char *full, bool safe_input)
{
    size_t cap = room_for(a, b);
    m(a, b, full, cap);
    size_t len = strnlen(full, cap);
    FUZZ_CHECK(len + 1 < cap, "%s: the result fills all %zu bytes", what, cap);
    FUZZ_CHECK(fuzz_utf8_valid(full, len), "%s: the result is not valid UTF-8", what);
    if (safe_input)
        fuzz_check_text(what, full, false);
    static const size_t sizes[] = { 0, 1, 2, 3, 4, 5, 8, 13, 40, 256 };
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        size_t n = sizes[i];
        char small[300];
        memset(small, 0x5A, sizeof small);
        m(a, b, small, n);
        FUZZ_CHECK(small[n] == 0x5A, "%s: wrote past %zu bytes", what, n);
        if (!n)
            continue;
        size_t k = strnlen(small, n);
        FUZZ_CHECK(k < n, "%s: no NUL inside %zu bytes", what, n);
        FUZZ_CHECK(k <= len && !memcmp(small, full, k), "%s: the %zu-byte result is not a prefix of the full one",
                   what, n);
        FUZZ_CHECK(k == len || !continuation(full[k]), "%s: the %zu-byte result splits a character", what, n);
    }
}

static size_t count_digits(const char *s)
{
    size_t d = 0;
    for (; *s; s++)
        d += *s >= '0' && *s <= '9';
    return d;
}

static void check_phone(const char *cc, const char *ph, const char *out)
{
    size_t shown = 0, stars = 0;
    const char *p = out;
    if (count_digits(cc)) {
        FUZZ_CHECK(*p == '+', "mask_phone: no '+' before the country code in \"%s\"", out);
        p++;
        for (size_t i = count_digits(cc); i > 0; i--, p++)
            FUZZ_CHECK(*p >= '0' && *p <= '9', "mask_phone: the country code is not all digits in \"%s\"", out);
        if (count_digits(ph))
            FUZZ_CHECK(*p++ == ' ', "mask_phone: no blank after the country code in \"%s\"", out);
    }
    for (; *p; p++) {
        FUZZ_CHECK(*p == '*' || (*p >= '0' && *p <= '9'), "mask_phone: '%c' in the number part of \"%s\"", *p, out);
        stars += *p == '*';
        shown += *p != '*';
    }
    FUZZ_CHECK(shown + stars == count_digits(ph), "mask_phone: %zu digits became %zu", count_digits(ph),
               shown + stars);
    FUZZ_CHECK(shown <= 4, "mask_phone shows %zu digits", shown);
}

static void check_doc(const char *out)
{
    size_t shown = 0;
    for (size_t i = 0, len = strlen(out); i < len;) {
        uint32_t cp;
        size_t k = fuzz_utf8_next(out + i, len - i, &cp);
        if (!k)
            k = 1;
        bool sep = cp == ' ' || cp == '.' || cp == '-' || cp == '/';
        shown += cp != '*' && !sep && cp_width(cp) != 0;
        i += k;
    }
    FUZZ_CHECK(shown <= 4, "mask_docnum shows %zu characters: \"%s\"", shown, out);
}

static void check_url(const char *out)
{
    static const char *const names[] = { "token=", "access_token=", "refresh_token=", "id_token=", "jwt=" };
    for (const char *p = out; (p = strpbrk(p, "?&#")) != NULL;) {
        p++;
        for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
            size_t k = strlen(names[i]);
            if (strncasecmp(p, names[i], k))
                continue;
            size_t v = strcspn(p + k, "&#");
            FUZZ_CHECK(v == 0 || (v == 3 && !strncmp(p + k, "***", 3)), "mask_url_token left a %s value in \"%s\"",
                       names[i], out);
        }
    }
}

static void check_all(const char *email, const char *cc, const char *phone, const char *doc, const char *url,
                      bool safe)
{
    size_t cap = room_for(email, NULL) + room_for(cc, phone) + room_for(doc, NULL) + room_for(url, NULL);
    char *full = malloc(cap);
    FUZZ_CHECK(full, "out of memory");
    check_sizes("mask_email", maskfn_email, email, NULL, full, safe);
    if (*email)
        FUZZ_CHECK(strstr(full, "***"), "mask_email(\"%s\") hides nothing: \"%s\"", email, full);
    check_sizes("mask_phone", maskfn_phone, cc, phone, full, safe);
    check_phone(cc, phone, full);
    check_sizes("mask_docnum", maskfn_docnum, doc, NULL, full, safe);
    check_doc(full);
    check_sizes("mask_url_token", maskfn_url, url, NULL, full, safe);
    check_url(full);
    check_sizes("mask_ip", maskfn_ip, doc, NULL, full, safe);
    for (const char *p = full; *p; p++) /* an address shows at most its first half */
        FUZZ_CHECK(strspn(p, "0123456789abcdefABCDEF") <= 4, "mask_ip shows a long run: \"%s\"", full);
    check_sizes("mask_name", maskfn_name, email, NULL, full, safe);
    free(full);
}

FUZZ_TARGET(mask)
{
    char *in = fuzz_dup(data, size);
    const char *part[5];
    const char *p = in, *end = in + size;
    for (int i = 0; i < 5; i++) {
        part[i] = p < end ? p : "";
        if (p < end)
            p += strlen(p) + 1;
    }
    check_all(part[0], part[1], part[2], part[3], part[4], false);
    char *s[5];
    for (int i = 0; i < 5; i++)
        s[i] = safetext_dup(part[i], strlen(part[i]), SAFE_LINE);
    check_all(s[0], s[1], s[2], s[3], s[4], true);
    for (int i = 0; i < 5; i++)
        free(s[i]);
    /* The whole input as JSON text: display-safe text stays display-safe. */
    StrBuf j = STRBUF_INIT;
    char *safe = safetext_dup(in, size, SAFE_MULTILINE);
    mask_json_text(MASK_ALL, safe, &j);
    fuzz_check_text("mask_json_text", strbuf_cstr(&j), true);
    strbuf_free(&j);
    free(safe);
    /* NULL counts as "" */
    char a[64], b[64];
    mask_email(NULL, a, sizeof a);
    mask_docnum(NULL, b, sizeof b);
    FUZZ_CHECK(!a[0] && !b[0], "a NULL input gave text");
    mask_phone(NULL, NULL, a, sizeof a);
    mask_url_token(NULL, b, sizeof b);
    FUZZ_CHECK(!a[0] && !b[0], "a NULL input gave text");
    free(in);
    return 0;
}
