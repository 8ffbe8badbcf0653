#include <criterion/criterion.h>
#include <string.h>

#include "core/mask.h"
#include "core/utf8.h"
#include "maskfns.h"

#define ACUTE "\u0301"
#define TILDE "\u0303"

enum { CANARY = 0x5A, BIG = 256 };

static bool valid_utf8(const char *s)
{
    size_t len = strlen(s);
    for (size_t i = 0, n; i < len; i += n) {
        uint32_t cp;
        if ((n = utf8_decode(s + i, len - i, &cp)) == 0)
            return false;
    }
    return true;
}

/* For every buffer size from 0 up: nothing is written past n, the result is terminated,
 * valid UTF-8 and a prefix of the full result, and the full result appears once it fits. */
static void check_truncation(MaskFn fn, const char *a, const char *b, const char *want)
{
    size_t full = strlen(want);
    for (size_t n = 0; n <= full + 2; n++) {
        char buf[BIG + 8];
        memset(buf, CANARY, sizeof buf);
        fn(a, b, buf, n);
        for (size_t i = n; i < sizeof buf; i++)
            cr_assert_eq((unsigned char)buf[i], CANARY, "n=%zu: byte %zu written", n, i);
        if (n == 0)
            continue;
        size_t len = strnlen(buf, n);
        cr_assert_lt(len, n, "n=%zu: not terminated", n);
        cr_assert(valid_utf8(buf), "n=%zu: cut inside a character", n);
        cr_assert_eq(memcmp(buf, want, len), 0, "n=%zu: not a prefix of '%s'", n, want);
        cr_assert(len + 4 >= n || len == full, "n=%zu: gave up too early (%zu bytes)", n, len);
        if (n > full)
            cr_assert_str_eq(buf, want);
    }
}

/* fn's full result for (a, b) is want, and every shorter buffer holds a clean prefix of it. */
static void check_mask(const char *what, MaskFn fn, const char *a, const char *b, const char *want)
{
    char out[BIG];
    fn(a, b, out, sizeof out);
    if (fn == maskfn_phone)
        cr_assert_str_eq(out, want, "%s '%s' '%s'", what, a ? a : "(null)", b ? b : "(null)");
    else
        cr_assert_str_eq(out, want, "%s '%s'", what, a ? a : "(null)");
    check_truncation(fn, a, b, want);
}

#define check_email(in, want) check_mask("email", maskfn_email, in, NULL, want)
#define check_phone(cc, ph, want) check_mask("phone", maskfn_phone, cc, ph, want)
#define check_docnum(in, want) check_mask("docnum", maskfn_docnum, in, NULL, want)
#define check_url(in, want) check_mask("url", maskfn_url, in, NULL, want)
#define check_ip(in, want) check_mask("ip", maskfn_ip, in, NULL, want)
#define check_name(in, want) check_mask("name", maskfn_name, in, NULL, want)

Test(mask, email)
{
    check_email("ana.ruiz@example.org", "a***@example.org");
    check_email("a@example.org", "a***@example.org");
    check_email("ana.ruiz", "a***");
    check_email("@example.org", "***@example.org");
    check_email("a@b@example.org", "a***@example.org");
    check_email("ana@", "a***@");
    check_email("", "");
    check_email(NULL, "");
}

Test(mask, email_first_character_is_never_split)
{
    check_email("\u00F1and\u00FA@correo.co", "\u00F1***@correo.co");
    check_email("n" TILDE "andu@correo.co", "n" TILDE "***@correo.co");
    check_email("\u6771\u4EAC@example.jp", "\u6771***@example.jp");
    check_email("\U0001F600x@example.org", "\U0001F600***@example.org");
    check_email("\xff" "abc@x.org", "\uFFFD***@x.org");
}

Test(mask, phone)
{
    check_phone("+57", "3001234567", "+57 ******4567");
    check_phone("57", "300 123 4567", "+57 ******4567");
    check_phone("+1", "(555) 010-9999", "+1 ******9999");
    check_phone("", "3001234567", "******4567");
    check_phone(NULL, "3001234567", "******4567");
    check_phone("+57", "", "+57");
    check_phone("+57", NULL, "+57");
    check_phone("+57", "12345", "+57 *2345");
    check_phone("+57", "1234", "+57 ****");
    check_phone("+57", "7", "+57 *");
    check_phone("", "", "");
    check_phone(NULL, NULL, "");
    check_phone("+", "n/a", "");
}

Test(mask, document_number)
{
    check_docnum("1020304050", "******4050");
    check_docnum("12345", "*2345");
    check_docnum("1234", "****");
    check_docnum("123", "***");
    check_docnum("", "");
    check_docnum(NULL, "");
    check_docnum("AB123456", "****3456");
    check_docnum("1.020.304.050", "*.***.**4.050");
    check_docnum("12-345-678", "**-**5-678");
    check_docnum("\u00D1\u00DC12345", "***2345");
    check_docnum("AB12" ACUTE "345", "***2" ACUTE "345");
    check_docnum("A" ACUTE "B12345", "***2345"); /* the mark is hidden with its letter */
    check_docnum("1234567" ACUTE, "***4567" ACUTE);
    check_docnum("\xff" "12345", "**2345");
}

Test(mask, url_token)
{
    check_url("https://access.verifik.co/sign-up/6650aa?token=eyJhbGciOi.x.y",
              "https://access.verifik.co/sign-up/6650aa?token=***");
    check_url("https://h/p?a=1&access_token=abc&b=2", "https://h/p?a=1&access_token=***&b=2");
    check_url("https://h/cb#access_token=abc&state=9", "https://h/cb#access_token=***&state=9");
    check_url("https://h/p?jwt=a.b.c#frag", "https://h/p?jwt=***#frag");
    check_url("https://h/p?TOKEN=abc&Refresh_Token=def&id_token=ghi",
              "https://h/p?TOKEN=***&Refresh_Token=***&id_token=***");
    check_url("https://h/p?mytoken=abc&token_type=bearer",
              "https://h/p?mytoken=abc&token_type=bearer");
    check_url("https://h/p?token=&x=1", "https://h/p?token=&x=1");
    check_url("https://h/p?token", "https://h/p?token");
    check_url("https://h/token=abc", "https://h/token=abc");
    check_url("https://h/p?x=1&&token=a", "https://h/p?x=1&&token=***");
    check_url("https://h/\u00F1?token=s", "https://h/\u00F1?token=***");
    check_url("", "");
    check_url(NULL, "");
}

Test(mask, url_token_never_leaks_into_a_short_buffer)
{
    const char *url = "https://access.verifik.co/sign-up/ID?token=SECRETSECRET&x=1";
    for (size_t n = 0; n < 80; n++) {
        char buf[80];
        memset(buf, 0, sizeof buf);
        mask_url_token(url, buf, n);
        cr_assert_null(strstr(buf, "SECRET"), "n=%zu", n);
        cr_assert_null(memchr(buf, 'S', sizeof buf), "n=%zu", n);
    }
}

Test(mask, ip_address)
{
    check_ip("183.120.4.5", "183.120.x.x");
    check_ip("10.0.0.1", "10.0.x.x");
    check_ip("183.120.4.5, 10.1.2.3", "183.120.x.x, 10.1.x.x");
    check_ip("2001:db8:85a3::8a2e:370:7334", "2001:db8::x");
    check_ip("fe80::1", "fe80::x");
    check_ip("::1", "::x");
    check_ip("::ffff:183.120.4.5", "::ffff:183.120.x.x");
    check_ip("1.2.3", "***");
    check_ip("1234.1.1.1", "***");
    check_ip("localhost", "***");
    check_ip("", "");
    check_ip(NULL, "");
}

Test(mask, name)
{
    check_name("Ana Ruiz", "A*** R***");
    check_name("Ana Mar\u00EDa  Ruiz ", "A*** M*** R***");
    check_name("\u00C1lvaro", "\u00C1***");
    check_name("A" ACUTE "lvaro", "A" ACUTE "***");
    check_name("\u6771\u4EAC", "\u6771***");
    check_name("", "");
    check_name("   ", "");
    check_name(NULL, "");
}
