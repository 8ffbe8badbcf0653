/* The configuration language's documents: their memory, files and warnings. The parser
 * (conf.c), its line reader (conf_lex.c) and the helpers (conf_util.c) call down to it. */
#include <stdlib.h>
#include <string.h>

#include "conf/conf_internal.h"
#include "core/safetext.h"
#include "core/xalloc.h"

ConfDoc *conf_new(ConfIncludeFn include, void *ctx)
{
    ConfDoc *d = xcalloc(1, sizeof *d);
    arena_init(&d->arena);
    d->include = include;
    d->include_ctx = ctx;
    return d;
}

void conf_free(ConfDoc *d)
{
    if (!d)
        return;
    free(d->dirs);
    free(d->warns);
    free(d->files);
    arena_free(&d->arena);
    free(d);
}

const char *conf_strdup(ConfDoc *d, const char *s)
{
    return arena_strdup(&d->arena, s);
}

void conf_vwarn(ConfDoc *d, ConfPos pos, const char *fmt, va_list ap)
{
    if (d->nwarns >= CONF_WARNINGS_MAX) {
        d->dropped++;
        return;
    }
    char marked[400], msg[400];
    msg_vformat(marked, sizeof marked, fmt, ap); /* a long QS quote shrinks, the words stay */
    msg_plain(msg, sizeof msg, marked);
    d->warns = xgrow(d->warns, &d->cap_warns, d->nwarns + 1, sizeof *d->warns);
    d->warns[d->nwarns++] = (ConfWarning){ pos, arena_strdup(&d->arena, msg) };
}

void conf_warn(ConfDoc *d, ConfPos pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    conf_vwarn(d, pos, fmt, ap);
    va_end(ap);
}

void conf_warning_format(const ConfWarning *w, char *buf, size_t n)
{
    safetext_format(buf, n, QS ":%d:%d: %s", w->pos.file ? w->pos.file : "", w->pos.line, w->pos.col, w->msg);
}

static size_t file_index(const ConfDoc *d, const char *file)
{
    for (size_t i = 0; i < d->nfiles; i++)
        if (d->files[i] == file)
            return i;
    return d->nfiles;
}

static bool warning_before(const ConfDoc *d, const ConfWarning *a, const ConfWarning *b)
{
    size_t fa = file_index(d, a->pos.file), fb = file_index(d, b->pos.file);
    if (fa != fb)
        return fa < fb;
    return a->pos.line != b->pos.line ? a->pos.line < b->pos.line : a->pos.col < b->pos.col;
}

void conf_sort_warnings(ConfDoc *d)
{
    for (size_t i = 1; i < d->nwarns; i++) { /* insertion sort: stable, and n is small */
        ConfWarning w = d->warns[i];
        size_t j = i;
        for (; j > 0 && warning_before(d, &w, &d->warns[j - 1]); j--)
            d->warns[j] = d->warns[j - 1];
        d->warns[j] = w;
    }
}

const char *conf_intern_file(ConfDoc *d, const char *name)
{
    for (size_t i = 0; i < d->nfiles; i++)
        if (!strcmp(d->files[i], name))
            return d->files[i];
    d->files = xgrow(d->files, &d->cap_files, d->nfiles + 1, sizeof *d->files);
    return d->files[d->nfiles++] = arena_strdup(&d->arena, name);
}
