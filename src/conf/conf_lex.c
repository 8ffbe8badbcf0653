/* The configuration language's words: blanks, comments, quoting, positions. */
#include <ctype.h>
#include <string.h>

#include "conf/conf_internal.h"
#include "core/safetext.h"
#include "core/utf8.h"

static bool blank(char c)
{
    return c == ' ' || c == '\t';
}

ConfPos conf_line_pos(const ConfLine *l, size_t at)
{
    int col = 1;
    for (size_t i = 0; i < at && i < l->len; i++)
        col += ((unsigned char)l->s[i] & 0xC0) != 0x80; /* count characters, not bytes */
    return (ConfPos){ l->file, l->lineno, col };
}

bool conf_line_is_text(ConfLine *l)
{
    for (size_t i = 0; i < l->len;) {
        uint32_t cp;
        size_t n = utf8_decode(l->s + i, l->len - i, &cp);
        if (!n) {
            conf_warn(l->d, conf_line_pos(l, i), "bytes that are not UTF-8; save the file as UTF-8 text");
            return false;
        }
        if (cp == 0) {
            conf_warn(l->d, conf_line_pos(l, i), "a NUL byte; this does not look like a text file");
            return false;
        }
        if ((cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp < 0xA0)) {
            conf_warn(l->d, conf_line_pos(l, i), "a control character (U+%04X); remove it", (unsigned)cp);
            return false;
        }
        i += n;
    }
    return true;
}

/* #rrggbb standing alone (or before a | of colour alternatives) is a colour. */
static bool hex_colour_at(const char *s)
{
    for (int k = 1; k <= 6; k++)
        if (!isxdigit((unsigned char)s[k]))
            return false;
    return !s[7] || blank(s[7]) || s[7] == '|';
}

static bool comment_at(const ConfLine *l, size_t at)
{
    return l->s[at] == '#' && (at == 0 || blank(l->s[at - 1])) && !hex_colour_at(l->s + at);
}

bool conf_line_done(ConfLine *l)
{
    while (l->i < l->len && blank(l->s[l->i]))
        l->i++;
    return l->i >= l->len || comment_at(l, l->i);
}

size_t conf_line_ident(ConfLine *l)
{
    size_t start = l->i;
    while (l->i < l->len && (isalnum((unsigned char)l->s[l->i]) || strchr("-_.", l->s[l->i])))
        l->i++;
    return l->i - start;
}

/* The quoted string opening at `at`: its text unescaped into out; *end just past the
 * closing quote. False (with a warning) when it is not closed or has a bad escape. */
static bool read_quoted(ConfLine *l, size_t at, StrBuf *out, size_t *end)
{
    for (size_t i = at + 1; i < l->len; i++) {
        char c = l->s[i];
        if (c == '"') {
            *end = i + 1;
            return true;
        }
        if (c == '\\') {
            char e = l->s[i + 1];
            if (e != '"' && e != '\\') {
                conf_warn(l->d, conf_line_pos(l, i), "unknown escape \\%c; inside quotes only \\\" and \\\\ are "
                                                     "escapes", e ? e : ' ');
                return false;
            }
            c = e;
            i++;
        }
        strbuf_putc(out, c);
    }
    conf_warn(l->d, conf_line_pos(l, at), "this quoted string is not closed; add a \" at its end");
    return false;
}

static void set_word(ConfLine *l, ConfWord *w, size_t start, size_t end, const char *text, bool quoted)
{
    w->raw = arena_strndup(&l->d->arena, l->s + start, end - start);
    w->text = quoted ? arena_strdup(&l->d->arena, text) : w->raw;
    w->pos = conf_line_pos(l, start);
    w->quoted = quoted;
}

bool conf_line_word(ConfLine *l, ConfWord *w, bool stop_at_eq)
{
    size_t start = l->i;
    if (l->s[start] == '"') {
        StrBuf text = STRBUF_INIT;
        size_t end;
        bool ok = read_quoted(l, start, &text, &end);
        if (ok && end < l->len && !blank(l->s[end]) && !(stop_at_eq && l->s[end] == '=')) {
            conf_warn(l->d, conf_line_pos(l, end), "expected a blank after the closing quote");
            ok = false;
        }
        if (ok) {
            set_word(l, w, start, end, strbuf_cstr(&text), true);
            l->i = end;
        }
        strbuf_free(&text);
        return ok;
    }
    while (l->i < l->len && !blank(l->s[l->i]) && !(stop_at_eq && l->s[l->i] == '='))
        l->i++;
    set_word(l, w, start, l->i, NULL, false);
    return true;
}

bool conf_line_value(ConfLine *l, ConfWord *w)
{
    while (l->i < l->len && blank(l->s[l->i]))
        l->i++;
    size_t start = l->i, end = l->len, open = 0;
    bool in_quote = false;
    for (size_t j = start; j < l->len; j++) {
        char c = l->s[j];
        if (in_quote && c == '\\' && l->s[j + 1]) {
            j++;
        } else if (c == '"') {
            in_quote = !in_quote;
            open = j;
        } else if (!in_quote && comment_at(l, j)) {
            end = j;
            break;
        }
    }
    if (in_quote) {
        conf_warn(l->d, conf_line_pos(l, open), "this quoted string is not closed; add a \" at its end");
        return false;
    }
    while (end > start && blank(l->s[end - 1]))
        end--;
    l->i = l->len;
    size_t qend = 0;
    StrBuf text = STRBUF_INIT;
    bool one_string = start < end && l->s[start] == '"';
    if (one_string) {
        /* only a candidate: the quote may close before the end ("a" "b") */
        size_t k = start + 1;
        for (; k < end && l->s[k] != '"'; k++)
            if (l->s[k] == '\\')
                k++;
        one_string = k + 1 == end;
        if (one_string && !read_quoted(l, start, &text, &qend)) {
            strbuf_free(&text);
            return false;
        }
    }
    set_word(l, w, start, end, one_string ? strbuf_cstr(&text) : NULL, one_string);
    strbuf_free(&text);
    return true;
}

bool conf_word_is_safe(ConfLine *l, const ConfWord *w)
{
    if (safetext_is_safe(w->text, strlen(w->text), SAFE_LINE) && safetext_is_safe(w->raw, strlen(w->raw), SAFE_LINE))
        return true;
    char shown[120];
    safetext_format(shown, sizeof shown, "%s", w->raw);
    conf_warn(l->d, w->pos, "\"" QS "\" holds a character regdesk will not show as it is (invisible, "
                            "direction-changing or unassigned); remove it", shown);
    return false;
}
