/* The masking policy: mask sets, the kind of a field by its key, and masking values,
 * key/value rows and JSON text by kind. */
#include "core/pii.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mask.h"
#include "core/xalloc.h"

static const char *const kind_names[PII__COUNT] = {
    [PII_NONE] = "", [PII_EMAIL] = "email", [PII_PHONE] = "phone", [PII_DOCUMENT] = "document",
    [PII_IP] = "ip", [PII_NAME] = "name",
};

/* ---- mask sets ----------------------------------------------------------------------- */

void mask_set_format(unsigned set, char *buf, size_t n)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int k = PII_NONE + 1; k < PII__COUNT && n; k++)
        if (mask_has(set, (PiiKind)k)) {
            int w = snprintf(buf + used, n - used, "%s%s", used ? "," : "", kind_names[k]);
            if (w < 0 || (size_t)w >= n - used)
                return;
            used += (size_t)w;
        }
    if (!used)
        snprintf(buf, n, "none");
}

/* ---- the kind of a key ------------------------------------------------------------------ */

PiiKind pii_kind_of_key(const char *key)
{
    /* Keys as Verifik, its OCR templates and registries spell them, lower case without
     * punctuation. Exact names only: "emailGateway" or "phoneValidation" are not data. */
    static const struct {
        const char *key;
        PiiKind kind;
    } known[] = {
        { "email", PII_EMAIL },          { "emailaddress", PII_EMAIL },      { "contactemail", PII_EMAIL },
        { "mail", PII_EMAIL },           { "correo", PII_EMAIL },            { "correoelectronico", PII_EMAIL },
        { "phone", PII_PHONE },          { "phonenumber", PII_PHONE },       { "mobile", PII_PHONE },
        { "mobilephone", PII_PHONE },    { "mobilenumber", PII_PHONE },      { "cellphone", PII_PHONE },
        { "celular", PII_PHONE },        { "telefono", PII_PHONE },          { "msisdn", PII_PHONE },
        { "documentnumber", PII_DOCUMENT }, { "docnumber", PII_DOCUMENT },   { "documentno", PII_DOCUMENT },
        { "idnumber", PII_DOCUMENT },    { "nationalid", PII_DOCUMENT },     { "dni", PII_DOCUMENT },
        { "cedula", PII_DOCUMENT },      { "nuip", PII_DOCUMENT },           { "curp", PII_DOCUMENT },
        { "cpf", PII_DOCUMENT },         { "rut", PII_DOCUMENT },            { "passportnumber", PII_DOCUMENT },
        { "personalnumber", PII_DOCUMENT }, { "ip", PII_IP },                { "ipaddress", PII_IP },
        { "clientip", PII_IP },          { "remoteip", PII_IP },             { "remoteaddress", PII_IP },
        { "xforwardedfor", PII_IP },     { "name", PII_NAME },               { "fullname", PII_NAME },
        { "firstname", PII_NAME },       { "lastname", PII_NAME },           { "middlename", PII_NAME },
        { "secondlastname", PII_NAME },  { "surname", PII_NAME },            { "givenname", PII_NAME },
        { "givennames", PII_NAME },      { "name1", PII_NAME },              { "name2", PII_NAME },
        { "name3", PII_NAME },           { "firstnamemrz", PII_NAME },       { "lastnamemrz", PII_NAME },
        { "firstlastnamemrz", PII_NAME }, { "secondlastnamemrz", PII_NAME },
    };
    char norm[32];
    size_t k = 0;
    for (const char *p = key ? key : ""; *p; p++) {
        char c = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (k + 1 >= sizeof norm)
                return PII_NONE;
            norm[k++] = c;
        }
    }
    norm[k] = '\0';
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
        if (!strcmp(norm, known[i].key))
            return known[i].kind;
    return PII_NONE;
}

/* ---- masking values ------------------------------------------------------------------- */

/* Whether v may carry a credential parameter (mask_url_token's names end in these). */
static bool may_hold_token(const char *v)
{
    return strcasestr(v, "token=") || strcasestr(v, "jwt=");
}

const char *mask_text(unsigned set, PiiKind k, const char *v, char *buf, size_t n)
{
    if (!v || !*v || !n)
        return v ? v : "";
    bool token = may_hold_token(v);
    if (!mask_has(set, k)) {
        if (!token)
            return v;
        mask_url_token(v, buf, n);
        return buf;
    }
    char *untokened = NULL; /* an address may hold a link: its token goes first */
    if (token) {
        size_t cap = strlen(v) + 8;
        mask_url_token(v, untokened = xmalloc(cap), cap);
        v = untokened;
    }
    switch (k) {
    case PII_EMAIL: mask_email(v, buf, n); break;
    case PII_PHONE: mask_phone("", v, buf, n); break;
    case PII_DOCUMENT: mask_docnum(v, buf, n); break;
    case PII_IP: mask_ip(v, buf, n); break;
    default: mask_name(v, buf, n); break;
    }
    free(untokened);
    return buf;
}

/* A masked copy of v[0..len) appended to out (quotes and escapes are the caller's). */
static void append_masked(unsigned set, PiiKind k, const char *v, size_t len, StrBuf *out)
{
    size_t cap = 3 * len + 16; /* a bad byte becomes 3; masking adds a few */
    char *src = xstrndup(v, len), *buf = xmalloc(cap);
    strbuf_puts(out, mask_text(set, k, src, buf, cap));
    free(src);
    free(buf);
}

void mask_text_append(unsigned set, PiiKind k, const char *v, StrBuf *out)
{
    if (v)
        append_masked(set, k, v, strlen(v), out);
}

/* Where a word of free text ends: blanks and the punctuation around addresses. */
static size_t word_len(const char *s)
{
    return strcspn(s, " \t\n<>()[],;\"'");
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

void mask_free_text(unsigned set, const char *text, StrBuf *out)
{
    for (const char *p = text ? text : ""; *p;) {
        size_t gap = strspn(p, " \t\n<>()[],;\"'"), w;
        strbuf_append(out, p, gap);
        p += gap;
        if (!(w = word_len(p)))
            continue;
        PiiKind k = memchr(p, '@', w)              ? PII_EMAIL
                    : w >= 7 && all_digits(p, w)    ? PII_DOCUMENT /* a bare number: last 4 */
                                                    : PII_NONE;
        unsigned as = k == PII_DOCUMENT && mask_has(set, PII_PHONE) ? set | MASK_DOCUMENT : set;
        append_masked(as, k, p, w, out); /* a word alone, so a link's token ends with it */
        p += w;
    }
}

void mask_kv_value(unsigned set, const char *key, const char *value, StrBuf *out)
{
    if (!value)
        return;
    PiiKind k = pii_kind_of_key(key);
    if (k == PII_NONE && (*value == '{' || *value == '['))
        mask_json_text(set, value, out);
    else if (k == PII_NONE)
        mask_free_text(set, value, out);
    else
        mask_text_append(set, k, value, out);
}

/* ---- JSON text --------------------------------------------------------------------------- */

enum { JSON_DEPTH = 64 };

/* Bytes of the string starting at the quote s (both quotes included; to the end when
 * it never closes). */
static size_t string_len(const char *s)
{
    size_t i = 1;
    for (; s[i] && s[i] != '"'; i++)
        if (s[i] == '\\' && s[i + 1])
            i++;
    return s[i] ? i + 1 : i;
}

static bool is_key(const char *after)
{
    after += strspn(after, " \t\n");
    return *after == ':';
}

typedef struct JsonScan {
    unsigned set;
    PiiKind inherited[JSON_DEPTH]; /* per open container: the kind of the key it is under */
    int depth;
    PiiKind key; /* of the value that follows the last ':' */
    bool value_next;
} JsonScan;

/* The kind of the value at hand: its own key's, else the container's. */
static PiiKind value_kind(const JsonScan *js)
{
    if (js->value_next && js->key != PII_NONE)
        return js->key;
    int d = js->depth < JSON_DEPTH ? js->depth : JSON_DEPTH; /* deeper ones share the last */
    return d ? js->inherited[d - 1] : PII_NONE;
}

static void open_container(JsonScan *js)
{
    PiiKind k = value_kind(js);
    if (js->depth < JSON_DEPTH)
        js->inherited[js->depth] = k;
    js->depth++;
    js->value_next = false;
}

/* One string at p, a key or a value; returns its length. */
static size_t scan_string(JsonScan *js, const char *p, StrBuf *out)
{
    size_t len = string_len(p);
    if (is_key(p + len)) {
        char key[64];
        size_t k = len >= 2 ? len - 2 : 0;
        snprintf(key, sizeof key, "%.*s", (int)(k < sizeof key ? k : 0), p + 1);
        js->key = pii_kind_of_key(key);
        strbuf_append(out, p, len);
        return len;
    }
    bool closed = len >= 2 && p[len - 1] == '"';
    strbuf_putc(out, '"');
    append_masked(js->set, value_kind(js), p + 1, len - 1 - closed, out);
    if (closed)
        strbuf_putc(out, '"');
    js->value_next = false;
    return len;
}

/* A bare number (a phone or a document number sent as one); returns its length. */
static size_t scan_number(JsonScan *js, const char *p, StrBuf *out)
{
    size_t len = strspn(p, "0123456789+-.eE");
    PiiKind k = value_kind(js);
    if (k == PII_PHONE || k == PII_DOCUMENT)
        append_masked(js->set, k, p, len, out);
    else
        strbuf_append(out, p, len);
    js->value_next = false;
    return len;
}

void mask_json_text(unsigned set, const char *json, StrBuf *out)
{
    JsonScan js = { .set = set };
    for (const char *p = json ? json : ""; *p;) {
        char c = *p;
        if (c == '"') {
            p += scan_string(&js, p, out);
            continue;
        }
        if ((c >= '0' && c <= '9') || c == '-') {
            p += scan_number(&js, p, out);
            continue;
        }
        if (c == '{' || c == '[')
            open_container(&js);
        else if ((c == '}' || c == ']') && js.depth > 0)
            js.depth--;
        else if (c == ':')
            js.value_next = true;
        else if (c == ',')
            js.value_next = false;
        strbuf_putc(out, c);
        p++;
    }
}
