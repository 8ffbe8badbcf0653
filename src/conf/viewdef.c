/* Saved views from `view` directives. */
#include "conf/viewdef.h"

#include <string.h>
#include <strings.h>

#include "core/filter.h"
#include "core/sort.h"
#include "core/strbuf.h"

static ConfPos pos_at(const ConfWord *v, size_t off)
{
    ConfPos p = v->pos;
    for (size_t i = 0; i < off; i++)
        p.col += ((unsigned char)v->raw[i] & 0xC0) != 0x80;
    return p;
}

/* Finds the sort: words of raw outside quotes: the offset and length of the first in
 * *at and *len; returns how many there are. */
static int find_sort(const char *raw, size_t *at, size_t *len)
{
    int found = 0;
    bool in_quote = false;
    for (size_t i = 0; raw[i]; i++) {
        if (in_quote && raw[i] == '\\' && raw[i + 1]) {
            i++;
        } else if (raw[i] == '"') {
            in_quote = !in_quote;
        } else if (!in_quote && (i == 0 || raw[i - 1] == ' ' || raw[i - 1] == '\t') && !strncasecmp(raw + i, "sort:", 5)) {
            size_t n = strcspn(raw + i, " \t");
            if (!found++) {
                *at = i;
                *len = n;
            }
            i += n - 1;
        }
    }
    return found;
}

/* The view's filter and sort, checked; false (warned) when either is bad. */
static bool read_view(ConfDoc *d, const ConfDirective *dir, ViewDef *out)
{
    const ConfWord *name = &dir->args[0], *v = &dir->args[1];
    size_t at = 0, len = 0;
    int nsort = find_sort(v->raw, &at, &len);
    if (nsort > 1) {
        conf_warn(d, pos_at(v, at), "a view takes one sort: word, not %d", nsort);
        return false;
    }
    StrBuf key = STRBUF_INIT, filter = STRBUF_INIT;
    bool ok = true;
    if (nsort) {
        SortSpec spec;
        strbuf_append(&key, v->raw + at + 5, len - 5);
        if (!sort_parse(strbuf_cstr(&key), &spec)) {
            conf_warn(d, pos_at(v, at + 5), "unknown sort \"" QS "\"; use created, updated, age, status, flags, "
                                            "failed, name or email, with - for descending", strbuf_cstr(&key));
            ok = false;
        }
    }
    /* compiled with the sort: word blanked out, so an error's column is the file's */
    strbuf_puts(&filter, v->raw);
    if (nsort)
        memset(filter.s + at, ' ', len);
    FilterError fe;
    Filter *f = ok ? filter_compile(strbuf_cstr(&filter), 0, &fe) : NULL;
    if (ok && !f) {
        conf_warn(d, pos_at(v, fe.column > 0 ? (size_t)fe.column - 1 : 0), "view \"" QS "\": %s", name->text, fe.msg);
        ok = false;
    }
    filter_free(f);
    if (ok) {
        /* the stored filter: the value without the sort word, trimmed */
        const char *s = strbuf_cstr(&filter);
        size_t b = strspn(s, " \t"), e = strlen(s);
        while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t'))
            e--;
        *out = (ViewDef){ name->text, arena_strndup(&d->arena, s + b, e - b),
                          conf_strdup(d, strbuf_cstr(&key)), dir->pos };
    }
    strbuf_free(&key);
    strbuf_free(&filter);
    return ok;
}

size_t viewdefs_from_conf(ConfDoc *d, ViewDef **out)
{
    size_t cap = 0, n = 0;
    for (size_t i = 0; i < d->ndirs; i++)
        cap += d->dirs[i].kind == CONF_VIEW;
    *out = arena_alloc(&d->arena, (cap ? cap : 1) * sizeof **out);
    for (size_t i = 0; i < d->ndirs; i++) {
        ViewDef v;
        if (d->dirs[i].kind != CONF_VIEW || !read_view(d, &d->dirs[i], &v))
            continue;
        size_t k = 0;
        while (k < n && strcasecmp((*out)[k].name, v.name))
            k++;
        if (k < n)
            conf_warn(d, d->dirs[i].args[0].pos, "view \"" QS "\" was defined before (%s:%d); this one replaces it",
                      v.name, (*out)[k].pos.file, (*out)[k].pos.line);
        (*out)[k] = v;
        n += k == n;
    }
    return n;
}
