#include "core/mask.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "core/safetext.h"
#include "core/utf8.h"

#define STARS "***"

/* ---- Bounded output: whole characters or nothing, always NUL-terminated ------------ */

typedef struct Out {
    char *p;
    size_t cap, len;
    bool full; /* once something did not fit, nothing after it is written */
} Out;

static void out_init(Out *o, char *p, size_t n)
{
    *o = (Out){ .p = p, .cap = n, .len = 0, .full = n == 0 };
    if (n)
        p[0] = '\0';
}

/* Appends s[0..n); when it does not fit, the part that does, cut back to a UTF-8
 * character boundary. */
static void out_put(Out *o, const char *s, size_t n)
{
    if (o->full)
        return;
    size_t room = o->cap - 1 - o->len;
    if (n > room) {
        n = utf8_prefix(s, n, room);
        o->full = true;
    }
    memcpy(o->p + o->len, s, n);
    o->len += n;
    o->p[o->len] = '\0';
}

static void out_puts(Out *o, const char *s)
{
    out_put(o, s, strlen(s));
}

/* ---- Characters -------------------------------------------------------------------- */

typedef struct Char {
    size_t len; /* bytes */
    bool valid; /* false: one byte that is not UTF-8, written as U+FFFD */
    bool mark;  /* zero-width: belongs to the character before it */
} Char;

static Char char_at(const char *s, size_t len)
{
    uint32_t cp;
    size_t n = utf8_decode(s, len, &cp);
    return (Char){ .len = n ? n : 1, .valid = n != 0, .mark = n != 0 && cp_width(cp) == 0 };
}

static void out_char(Out *o, const char *s, Char c)
{
    if (c.valid)
        out_put(o, s, c.len);
    else
        out_puts(o, "\xEF\xBF\xBD");
}

/* Copies s[0..n) character by character, so bytes that are not UTF-8 become U+FFFD. */
static void out_text(Out *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        Char c = char_at(s + i, n - i);
        out_char(o, s + i, c);
        i += c.len;
    }
}

/* The first character of s[0..len) whole, with its combining marks. */
static void out_first_char(Out *o, const char *s, size_t len)
{
    if (!len)
        return;
    Char c = char_at(s, len);
    out_char(o, s, c);
    for (size_t i = c.len; i < len; i += c.len) {
        c = char_at(s + i, len - i);
        if (!c.mark)
            break;
        out_char(o, s + i, c);
    }
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* ---- Email ------------------------------------------------------------------------- */

void mask_email(const char *email, char *out, size_t n)
{
    Out o;
    out_init(&o, out, n);
    if (!email || !*email)
        return;
    /* The domain follows the last '@': a quoted local part may hold another one. */
    const char *at = strrchr(email, '@');
    size_t local = at ? (size_t)(at - email) : strlen(email);
    out_first_char(&o, email, local);
    out_puts(&o, STARS);
    if (at)
        out_text(&o, at, strlen(at));
}

/* ---- Phone ------------------------------------------------------------------------- */

static size_t count_digits(const char *s)
{
    size_t d = 0;
    for (; *s; s++)
        d += is_digit(*s);
    return d;
}

void mask_phone(const char *country_code, const char *phone, char *out, size_t n)
{
    Out o;
    out_init(&o, out, n);
    const char *cc = country_code ? country_code : "";
    const char *ph = phone ? phone : "";
    size_t cc_digits = count_digits(cc), digits = count_digits(ph);
    if (cc_digits) { /* "+57" whether it was sent as "57", "+57" or "(+57)" */
        out_puts(&o, "+");
        for (; *cc; cc++)
            if (is_digit(*cc))
                out_put(&o, cc, 1);
        if (digits)
            out_puts(&o, " ");
    }
    /* Formatting in the number is dropped; only its digits are shown or starred. */
    size_t keep_from = digits >= 5 ? digits - 4 : digits, i = 0;
    for (; *ph; ph++) {
        if (!is_digit(*ph))
            continue;
        out_put(&o, i < keep_from ? "*" : ph, 1);
        i++;
    }
}

/* ---- Document number --------------------------------------------------------------- */

/* Separators stay in place, so "1.020.304.050" keeps its shape. */
static bool doc_separator(char c)
{
    return c == ' ' || c == '.' || c == '-' || c == '/';
}

void mask_docnum(const char *num, char *out, size_t n)
{
    Out o;
    out_init(&o, out, n);
    if (!num)
        return;
    size_t len = strlen(num), total = 0;
    for (size_t i = 0; i < len;) {
        Char c = char_at(num + i, len - i);
        total += !c.mark && !doc_separator(num[i]);
        i += c.len;
    }
    size_t keep_from = total > 4 ? total - 4 : total, seen = 0;
    bool starred = false;
    for (size_t i = 0; i < len;) {
        Char c = char_at(num + i, len - i);
        if (doc_separator(num[i])) {
            out_put(&o, num + i, 1);
        } else if (c.mark) {
            if (!starred) /* a mark goes with its character: kept with it, or hidden */
                out_char(&o, num + i, c);
        } else {
            starred = seen++ < keep_from;
            if (starred)
                out_puts(&o, "*");
            else
                out_char(&o, num + i, c);
        }
        i += c.len;
    }
}

/* ---- IP address ------------------------------------------------------------------ */

/* s[0..n) is an IPv4 address: four groups of 1-3 digits. */
static bool is_ipv4(const char *s, size_t n)
{
    int groups = 1, digits = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.') {
            if (!digits)
                return false;
            groups++;
            digits = 0;
        } else if (is_digit(s[i]) && digits < 3) {
            digits++;
        } else {
            return false;
        }
    }
    return groups == 4 && digits;
}

/* Groups of at most 4 hex digits between colons (the last part may be an IPv4
 * address, checked by the caller). */
static bool is_ipv6(const char *s, size_t n)
{
    if (!memchr(s, ':', n))
        return false;
    int run = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ':' || s[i] == '.')
            run = 0;
        else if (!strchr("0123456789abcdefABCDEF", s[i]) || ++run > 4)
            return false;
    }
    return true;
}

/* The bytes up to and including the k-th occurrence of c in s[0..n), or n. */
static size_t upto_nth(const char *s, size_t n, char c, int k)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == c && --k == 0)
            return i + 1;
    return n;
}

static void mask_one_ip(Out *o, const char *s, size_t n)
{
    if (is_ipv4(s, n)) {
        out_put(o, s, upto_nth(s, n, '.', 2));
        out_puts(o, "x.x");
        return;
    }
    if (!is_ipv6(s, n)) {
        out_puts(o, STARS);
        return;
    }
    size_t last = n; /* an IPv4-mapped address: the IPv4 part masked like one */
    while (last > 0 && s[last - 1] != ':')
        last--;
    if (is_ipv4(s + last, n - last)) {
        out_put(o, s, last);
        mask_one_ip(o, s + last, n - last);
        return;
    }
    size_t keep = upto_nth(s, n, ':', 2); /* two groups, or up to a "::" that comes first */
    size_t gap = upto_nth(s, n, ':', 1);
    if (gap < n && s[gap] == ':')
        keep = gap;
    out_put(o, s, keep ? keep - 1 : 0);
    out_puts(o, "::x");
}

void mask_ip(const char *ip, char *out, size_t n)
{
    Out o;
    out_init(&o, out, n);
    if (!ip)
        return;
    for (const char *p = ip; *p;) {
        size_t gap = strspn(p, ", ");
        out_put(&o, p, gap); /* the separators of a list stay */
        p += gap;
        size_t word = strcspn(p, ", ");
        if (word)
            mask_one_ip(&o, p, word);
        p += word;
    }
}

/* ---- name -------------------------------------------------------------------------- */

void mask_name(const char *name, char *out, size_t n)
{
    Out o;
    out_init(&o, out, n);
    if (!name)
        return;
    bool first = true;
    for (const char *p = name; *p;) {
        p += strspn(p, " ");
        size_t word = strcspn(p, " ");
        if (!word)
            break;
        if (!first)
            out_puts(&o, " ");
        out_first_char(&o, p, word);
        out_puts(&o, STARS);
        first = false;
        p += word;
    }
}

/* ---- URL tokens -------------------------------------------------------------------- */

static bool ascii_ncase_eq(const char *s, const char *lower, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
        if (c != lower[i])
            return false;
    }
    return true;
}

/* Length of "name=" at s when name is a parameter that carries a credential, else 0. */
static size_t secret_param(const char *s)
{
    static const char *const names[] = { "token=", "access_token=", "refresh_token=",
                                         "id_token=", "jwt=" };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        size_t k = strlen(names[i]);
        if (strnlen(s, k) == k && ascii_ncase_eq(s, names[i], k))
            return k;
    }
    return 0;
}

void mask_url_token(const char *url, char *out, size_t n)
{
    Out o;
    out_init(&o, out, n);
    if (!url)
        return;
    /* Parameters start after '?', '&', or '#' (OAuth puts tokens in the fragment). */
    for (const char *p = url; *p;) {
        size_t run = strcspn(p, "?&#");
        out_text(&o, p, run);
        p += run;
        if (!*p)
            break;
        out_put(&o, p++, 1);
        size_t name = secret_param(p);
        if (name) {
            out_put(&o, p, name);
            p += name;
            size_t value = strcspn(p, "&#");
            if (value)
                out_puts(&o, STARS);
            p += value;
        }
    }
}
