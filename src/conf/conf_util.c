/* The configuration language's helpers for consumers: lists, names, quoting. */
#include <ctype.h>
#include <string.h>

#include "conf/conf.h"
#include "core/filter_values.h" /* filter_edit_distance: the filter language's typo measure */

static bool blank(char c)
{
    return c == ' ' || c == '\t';
}

/* s[0..n) as one quoted string, unescaped into out; false when it is something else. */
static bool unquote(const char *s, size_t n, StrBuf *out)
{
    if (n < 2 || s[0] != '"' || s[n - 1] != '"')
        return false;
    for (size_t i = 1; i + 1 < n; i++) {
        if (s[i] == '"')
            return false;
        if (s[i] == '\\') {
            if (i + 2 >= n || (s[i + 1] != '"' && s[i + 1] != '\\'))
                return false;
            i++;
        }
        strbuf_putc(out, s[i]);
    }
    return true;
}

static int cols(const char *s, size_t n)
{
    int c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* One item, raw[a..b) before trimming; false when it is empty. */
static bool list_item(ConfDoc *d, const ConfWord *v, size_t a, size_t b, ConfWord *out)
{
    const char *raw = v->raw;
    while (a < b && blank(raw[a]))
        a++;
    while (b > a && blank(raw[b - 1]))
        b--;
    ConfPos pos = { v->pos.file, v->pos.line, v->pos.col + cols(raw, a) };
    if (a == b) {
        conf_warn(d, pos, "an empty item in the list (two commas together, or one at an end)");
        return false;
    }
    StrBuf text = STRBUF_INIT;
    bool quoted = raw[a] == '"' && unquote(raw + a, b - a, &text);
    const char *r = arena_strndup(&d->arena, raw + a, b - a);
    *out = (ConfWord){ quoted ? conf_strdup(d, strbuf_cstr(&text)) : r, r, pos, quoted };
    strbuf_free(&text);
    return true;
}

size_t conf_split_list(ConfDoc *d, const ConfWord *v, ConfWord **items)
{
    const char *raw = v->raw;
    size_t len = strlen(raw), n = 0, cap = 1;
    for (size_t i = 0; i < len; i++)
        cap += raw[i] == ',';
    *items = arena_alloc(&d->arena, cap * sizeof **items);
    if (strspn(raw, " \t") == len) /* an empty list */
        return 0;
    bool in_quote = false;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && in_quote && raw[i] == '\\' && raw[i + 1]) {
            i++;
        } else if (i < len && raw[i] == '"') {
            in_quote = !in_quote;
        } else if (i == len || (!in_quote && raw[i] == ',')) {
            if (list_item(d, v, start, i, &(*items)[n]))
                n++;
            start = i + 1;
        }
    }
    return n;
}

/* Lower case, _ as -, into buf; false when it does not fit. */
static bool normal_name(const char *s, char *buf, size_t n)
{
    size_t i = 0;
    for (; s[i]; i++) {
        if (i + 1 >= n)
            return false;
        buf[i] = s[i] == '_' ? '-' : (char)tolower((unsigned char)s[i]);
    }
    buf[i] = '\0';
    return true;
}

bool conf_name_eq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a == '_' ? '-' : (char)tolower((unsigned char)*a);
        char y = *b == '_' ? '-' : (char)tolower((unsigned char)*b);
        if (x != y)
            return false;
    }
    return !*a && !*b;
}

const char *conf_suggest(const char *word, const char *const *names, size_t n)
{
    char w[32], c[32];
    if (!normal_name(word, w, sizeof w))
        return NULL;
    size_t wl = strlen(w);
    int limit = wl <= 4 ? 1 : 2, best_d = limit + 1;
    const char *best = NULL;
    for (size_t i = 0; i < n; i++) {
        if (!names[i] || !normal_name(names[i], c, sizeof c))
            continue;
        int dist = filter_edit_distance(w, wl, c, strlen(c));
        if (dist < best_d) {
            best_d = dist;
            best = names[i];
        }
    }
    return best;
}

/* Whether s reads back as itself without quotes: not empty, no blank at either end, no
 * quote or backslash, no comment start; in a list no comma, in a word no blank or =. */
static bool bare_ok(const char *s, ConfQuote where)
{
    size_t n = strlen(s);
    if (!n || blank(s[0]) || blank(s[n - 1]) || s[0] == '#')
        return false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"' || s[i] == '\\' || (s[i] == '#' && blank(s[i - 1])) || (where == QUOTE_ITEM && s[i] == ',') ||
            (where == QUOTE_WORD && (blank(s[i]) || s[i] == '=')))
            return false;
    }
    return true;
}

void conf_quote(StrBuf *out, const char *s, ConfQuote where)
{
    if (bare_ok(s, where)) {
        strbuf_puts(out, s);
        return;
    }
    strbuf_putc(out, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            strbuf_putc(out, '\\');
        strbuf_putc(out, *s);
    }
    strbuf_putc(out, '"');
}
