/* The configuration language: lines to directives, includes, warnings. */
#include "conf/conf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf/conf_internal.h"
#include "core/xalloc.h"

/* The directives, with what their words are for messages (set and view are NAME = VALUE). */
typedef struct Directive {
    const char *name;
    int kind; /* a ConfKind, or INCLUDE */
    size_t min, max;
    const char *usage;
    const char *what[3]; /* the words in order: "expected a key after bind" */
} Directive;
enum { INCLUDE = -1, MAX_WORDS = 16 };
#define COLOR_USAGE "color SLOT FOREGROUND BACKGROUND [ATTRIBUTES]"
static const Directive directives[] = {
    { "set", CONF_SET, 2, 2, "set NAME = VALUE", { "a setting name" } },
    { "color", CONF_COLOR, 3, MAX_WORDS, COLOR_USAGE, { "a colour slot", "a foreground colour", "a background colour" } },
    { "colour", CONF_COLOR, 3, MAX_WORDS, COLOR_USAGE, { "a colour slot", "a foreground colour", "a background colour" } },
    { "bind", CONF_BIND, 2, 2, "bind KEY ACTION", { "a key", "an action" } },
    { "unbind", CONF_UNBIND, 1, 1, "unbind KEY", { "a key" } },
    { "view", CONF_VIEW, 2, 2, "view NAME = FILTER [sort:KEY]", { "a view name" } },
    { "include", INCLUDE, 1, 1, "include PATH", { "a file name" } },
};
enum { N_DIRECTIVES = sizeof directives / sizeof *directives };
#define DIRECTIVE_LIST "set, color, bind, unbind, view or include"

/* ---- one line ------------------------------------------------------------------------- */

static void push(ConfDoc *d, ConfKind kind, ConfPos pos, bool short_form, const ConfWord *words, size_t n)
{
    ConfWord *args = arena_alloc(&d->arena, n * sizeof *args);
    memcpy(args, words, n * sizeof *args);
    d->dirs = xgrow(d->dirs, &d->cap_dirs, d->ndirs + 1, sizeof *d->dirs);
    d->dirs[d->ndirs++] = (ConfDirective){ kind, pos, short_form, n, args };
}

/* The words up to the end of the line; false (warned) when one is malformed or unsafe. */
static bool words(ConfLine *l, ConfWord *w, size_t *n)
{
    for (*n = 0; !conf_line_done(l); (*n)++) {
        if (*n == MAX_WORDS) {
            conf_warn(l->d, conf_line_pos(l, l->i), "too many words on this line (at most %d)", MAX_WORDS);
            return false;
        }
        if (!conf_line_word(l, &w[*n], false) || !conf_word_is_safe(l, &w[*n]))
            return false;
    }
    return true;
}

/* Checks the word count of a directive of fixed words; warns when it is wrong. */
static bool arity(ConfLine *l, const Directive *dir, const ConfWord *w, size_t n)
{
    if (n < dir->min) {
        ConfPos end = conf_line_pos(l, l->len);
        if (n)
            conf_warn(l->d, end, "expected %s after \"" QS "\" (%s)", dir->what[n], w[n - 1].raw, dir->usage);
        else
            conf_warn(l->d, end, "expected %s after %s (%s)", dir->what[0], dir->name, dir->usage);
    } else if (n > dir->max) {
        conf_warn(l->d, w[dir->max].pos, "unexpected \"" QS "\" at the end of the line (%s)", w[dir->max].raw,
                  dir->usage);
    }
    return n >= dir->min && n <= dir->max;
}

/* `= value` after a setting or view name, which is args[0]. */
static void name_value(ConfLine *l, const Directive *dir, ConfPos pos, bool short_form, ConfWord *args)
{
    while (l->i < l->len && (l->s[l->i] == ' ' || l->s[l->i] == '\t'))
        l->i++;
    if (l->i >= l->len || l->s[l->i] != '=') {
        conf_warn(l->d, conf_line_pos(l, l->i), "expected = after \"" QS "\" (%s)", args[0].text, dir->usage);
        return;
    }
    l->i++;
    if (conf_line_value(l, &args[1]) && conf_word_is_safe(l, &args[1]))
        push(l->d, (ConfKind)dir->kind, pos, short_form, args, 2);
}

/* set NAME = VALUE (NAME an identifier) and view NAME = FILTER (NAME a word). */
static void name_directive(ConfLine *l, const Directive *dir, ConfPos pos)
{
    ConfWord w[2];
    bool named = !conf_line_done(l);
    size_t at = l->i;
    if (dir->kind == CONF_SET) {
        named = named && conf_line_ident(l) > 0;
        w[0] = (ConfWord){ arena_strndup(&l->d->arena, l->s + at, l->i - at), NULL, conf_line_pos(l, at), false };
        w[0].raw = w[0].text;
    } else if (named && (!conf_line_word(l, &w[0], true) || !conf_word_is_safe(l, &w[0]))) {
        return;
    }
    if (!named || !*w[0].text)
        conf_warn(l->d, conf_line_pos(l, at), "expected %s after %s (%s)", dir->what[0], dir->name, dir->usage);
    else
        name_value(l, dir, pos, false, w);
}

static void include_file(ConfDoc *d, ConfLine *l, const ConfWord *path)
{
    if (!d->include) {
        conf_warn(d, path->pos, "include is not allowed here; \"" QS "\" skipped", path->text);
        return;
    }
    if (d->depth >= CONF_INCLUDE_DEPTH) {
        conf_warn(d, path->pos, "includes nest deeper than %d files; \"" QS "\" skipped", CONF_INCLUDE_DEPTH,
                  path->text);
        return;
    }
    char why[400] = "", *text = NULL, *name = NULL;
    size_t len = 0;
    if (!d->include(d->include_ctx, l->file, path->text, &text, &len, &name, why, sizeof why)) {
        conf_warn(d, path->pos, "%s", *why ? why : "cannot read the included file");
        return;
    }
    for (size_t i = 0; i < d->depth; i++) {
        if (name && !strcmp(d->stack[i], name)) {
            conf_warn(d, path->pos, "\"" QS "\" is already being read (an include cycle); skipped", name);
            free(text);
            free(name);
            return;
        }
    }
    conf_parse(d, text, len, name ? name : path->text);
    free(text);
    free(name);
}

static int directive_of(const char *s, size_t n)
{
    for (int k = 0; k < N_DIRECTIVES; k++)
        if (strlen(directives[k].name) == n && !strncmp(directives[k].name, s, n))
            return k;
    return N_DIRECTIVES;
}

static void unknown_directive(ConfLine *l, size_t start)
{
    ConfWord w;
    l->i = start;
    if (!conf_line_word(l, &w, true))
        return;
    if (!*w.raw) {
        conf_warn(l->d, w.pos, "expected a setting name before =");
        return;
    }
    const char *names[N_DIRECTIVES];
    for (int k = 0; k < N_DIRECTIVES; k++)
        names[k] = directives[k].name;
    const char *near = conf_suggest(w.raw, names, N_DIRECTIVES);
    if (near)
        conf_warn(l->d, w.pos, "unknown directive \"" QS "\"; did you mean \"%s\"?", w.raw, near);
    else
        conf_warn(l->d, w.pos, "expected a directive (" DIRECTIVE_LIST ") or NAME = VALUE, not \"" QS "\"", w.raw);
}

static void directive(ConfLine *l, const Directive *dir, ConfPos pos)
{
    ConfWord w[MAX_WORDS];
    size_t n;
    if (dir->kind == CONF_SET || dir->kind == CONF_VIEW)
        name_directive(l, dir, pos);
    else if (!words(l, w, &n) || !arity(l, dir, w, n))
        return;
    else if (dir->kind == INCLUDE)
        include_file(l->d, l, &w[0]);
    else
        push(l->d, (ConfKind)dir->kind, pos, false, w, n);
}

static void parse_line(ConfLine *l)
{
    if (!conf_line_is_text(l) || conf_line_done(l))
        return;
    size_t start = l->i;
    size_t n = conf_line_ident(l);
    size_t after = l->i;
    ConfPos pos = conf_line_pos(l, start);
    while (l->i < l->len && (l->s[l->i] == ' ' || l->s[l->i] == '\t'))
        l->i++;
    int k = directive_of(l->s + start, n);
    /* NAME = VALUE: the config's original form. `set =` and `view =` lack their name,
     * `bind = …` binds the = key; color = … and include = … are setting names gone wrong */
    int kind = k < N_DIRECTIVES ? directives[k].kind : INCLUDE;
    bool keyword = k < N_DIRECTIVES && kind != CONF_COLOR && kind != INCLUDE;
    if (n && !keyword && l->i < l->len && l->s[l->i] == '=') {
        ConfWord w[2] = { { arena_strndup(&l->d->arena, l->s + start, n), NULL, pos, false } };
        w[0].raw = w[0].text;
        name_value(l, &directives[0], pos, true, w);
        return;
    }
    l->i = after;
    if (k == N_DIRECTIVES || (after < l->len && !strchr(" \t=", l->s[after])))
        unknown_directive(l, start);
    else
        directive(l, &directives[k], pos);
}

void conf_parse(ConfDoc *d, const char *text, size_t len, const char *file)
{
    if (d->depth >= CONF_INCLUDE_DEPTH)
        return;
    file = conf_intern_file(d, file ? file : "");
    d->stack[d->depth++] = file;
    StrBuf line = STRBUF_INIT;
    int lineno = 1;
    for (size_t at = 0; at < len; lineno++) {
        const char *nl = memchr(text + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - text) : len, n = end - at;
        if (n && text[at + n - 1] == '\r')
            n--;
        if (lineno == 1 && n >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) { /* a byte order mark */
            at += 3;
            n -= 3;
        }
        if (n > CONF_LINE_MAX) {
            conf_warn(d, (ConfPos){ file, lineno, 1 }, "this line is longer than %d bytes; skipped", CONF_LINE_MAX);
        } else {
            strbuf_reset(&line);
            strbuf_append(&line, text + at, n);
            ConfLine l = { d, file, lineno, strbuf_cstr(&line), n, 0 };
            parse_line(&l);
        }
        at = end + 1;
    }
    strbuf_free(&line);
    d->depth--;
}
