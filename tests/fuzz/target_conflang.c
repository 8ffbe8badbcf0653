/* The configuration language (conf/conf) and its pure consumers: settings
 * (conf/config), themes (conf/theme), saved views (conf/viewdef). The input is a
 * config file; `include self` reads the input again (a cycle) and `include other` a
 * small theme, any other include fails.
 *
 * Properties: every directive has its kind's word count; every word, warning and
 * formatted warning is display-safe; positions are inside the file; parsing twice gives
 * the same directives; a value quoted by conf_quote reads back as itself; every view's
 * filter compiles and its sort parses; every resolved look fits its colour depth; and
 * --print-config's text reads back with no warning to the same values. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/filter.h"
#include "conf/config.h"
#include "core/sort.h"
#include "conf/viewdef.h"
#include "fuzz.h"
#include "conf/theme.h"

typedef struct Input {
    const uint8_t *data;
    size_t size;
} Input;

static bool include(void *ctx, const char *from, const char *path, char **text, size_t *len, char **name,
                    char *why, size_t n)
{
    const Input *in = ctx;
    (void)from;
    const char *other = "color warn 214|yellow default bold\ninclude self\n";
    if (!strcmp(path, "self")) {
        *text = malloc(in->size ? in->size : 1);
        FUZZ_CHECK(*text, "out of memory");
        memcpy(*text, in->data, in->size);
        *len = in->size;
        *name = strdup("fuzz.conf");
        return true;
    }
    if (!strcmp(path, "other")) {
        *text = strdup(other);
        *len = strlen(other);
        *name = strdup("other.theme");
        return true;
    }
    snprintf(why, n, "cannot read %s: No such file or directory", path);
    return false;
}

static size_t lines_of(const Input *in, const char *file)
{
    if (!strcmp(file, "other.theme"))
        return 2;
    size_t lines = 1;
    for (size_t i = 0; i < in->size; i++)
        lines += in->data[i] == '\n';
    return lines;
}

static void check_word(const Input *in, const ConfWord *w)
{
    fuzz_check_text("a word", w->text, false);
    fuzz_check_text("a word as written", w->raw, false);
    FUZZ_CHECK(w->pos.line >= 1 && (size_t)w->pos.line <= lines_of(in, w->pos.file) && w->pos.col >= 1,
               "word \"%s\" at %s:%d:%d, outside the file", w->text, w->pos.file, w->pos.line, w->pos.col);
}

static void check_doc(const Input *in, const ConfDoc *d)
{
    static const size_t min_args[] = { [CONF_SET] = 2, [CONF_COLOR] = 3, [CONF_BIND] = 2, [CONF_UNBIND] = 1,
                                       [CONF_VIEW] = 2 };
    for (size_t i = 0; i < d->ndirs; i++) {
        const ConfDirective *dir = &d->dirs[i];
        FUZZ_CHECK(dir->kind <= CONF_VIEW, "directive kind %d", (int)dir->kind);
        size_t want = min_args[dir->kind];
        FUZZ_CHECK(dir->kind == CONF_COLOR ? dir->nargs >= want && dir->nargs <= 16 : dir->nargs == want,
                   "directive %zu of kind %d has %zu words", i, (int)dir->kind, dir->nargs);
        for (size_t k = 0; k < dir->nargs; k++)
            check_word(in, &dir->args[k]);
    }
    for (size_t i = 0; i < d->nwarns; i++) {
        char buf[700];
        fuzz_check_text("a warning", d->warns[i].msg, false);
        conf_warning_format(&d->warns[i], buf, sizeof buf);
        fuzz_check_buf("a formatted warning", buf, sizeof buf, false);
    }
    FUZZ_CHECK(d->nwarns <= CONF_WARNINGS_MAX, "%zu warnings kept", d->nwarns);
}

static ConfDoc *parse(Input *in)
{
    ConfDoc *d = conf_new(include, in);
    conf_parse(d, (const char *)in->data, in->size, "fuzz.conf");
    return d;
}

static void same_directives(const ConfDoc *a, const ConfDoc *b)
{
    FUZZ_CHECK(a->ndirs == b->ndirs && a->nwarns == b->nwarns, "parsing twice: %zu/%zu then %zu/%zu", a->ndirs,
               a->nwarns, b->ndirs, b->nwarns);
    for (size_t i = 0; i < a->ndirs; i++)
        for (size_t k = 0; k < a->dirs[i].nargs; k++)
            FUZZ_CHECK(!strcmp(a->dirs[i].args[k].text, b->dirs[i].args[k].text), "parsing twice differs");
}

/* Every set value, quoted, reads back as itself. */
static void quoting_reads_back(const ConfDoc *d)
{
    for (size_t i = 0; i < d->ndirs; i++) {
        if (d->dirs[i].kind != CONF_SET)
            continue;
        StrBuf line = STRBUF_INIT;
        strbuf_puts(&line, "set x = ");
        conf_quote(&line, d->dirs[i].args[1].text, QUOTE_VALUE);
        ConfDoc *again = conf_new(NULL, NULL);
        conf_parse(again, line.s, line.len, "quoted");
        FUZZ_CHECK(again->ndirs == 1 && !again->nwarns && !strcmp(again->dirs[0].args[1].text, d->dirs[i].args[1].text),
                   "\"%s\" quoted as [%s] does not read back", d->dirs[i].args[1].text, line.s);
        conf_free(again);
        strbuf_free(&line);
    }
}

static void check_settings(ConfDoc *d)
{
    Config s, t;
    config_init(&s, "/home/fuzz");
    config_apply(&s, d);
    StrBuf out = STRBUF_INIT;
    config_print(&s, &out);
    fuzz_check_text("--print-config", strbuf_cstr(&out), true);
    ConfDoc *again = conf_new(NULL, NULL);
    conf_parse(again, out.s, out.len, "printed");
    config_init(&t, "/home/fuzz");
    config_apply(&t, again);
    FUZZ_CHECK(!again->nwarns, "--print-config does not read back: %s", again->nwarns ? again->warns[0].msg : "");
    for (int i = 0; i < SET__COUNT; i++) {
        StrBuf a = STRBUF_INIT, b = STRBUF_INIT;
        config_format(&s, (SettingId)i, &a);
        config_format(&t, (SettingId)i, &b);
        FUZZ_CHECK(!strcmp(strbuf_cstr(&a), strbuf_cstr(&b)), "%s: %s, read back as %s", config_info((SettingId)i)->name,
                   strbuf_cstr(&a), strbuf_cstr(&b));
        strbuf_free(&a);
        strbuf_free(&b);
    }
    conf_free(again);
    config_free(&t);
    config_free(&s);
    strbuf_free(&out);
}

static bool fits(Colour c, ColourDepth depth)
{
    return c == COLOUR_DEFAULT || (depth == DEPTH_DIRECT ? c < 8 || colour_is_rgb(c) : colour_fits(c, depth));
}

static void check_theme(ConfDoc *d)
{
    ThemeRules r;
    theme_rules_clear(&r);
    theme_rules_add(&r, d, false);
    for (int depth = 0; depth < DEPTH__COUNT; depth++) {
        Look l[SL__COUNT];
        theme_resolve(&r, (ColourDepth)depth, l);
        for (int s = 0; s < SL__COUNT; s++) {
            FUZZ_CHECK(fits(l[s].fg, (ColourDepth)depth) && fits(l[s].bg, (ColourDepth)depth),
                       "slot %s at depth %d: %d on %d", slot_name((Slot)s), depth, l[s].fg, l[s].bg);
            FUZZ_CHECK(l[s].fg == COLOUR_DEFAULT || l[s].fg != l[s].bg, "slot %s: %d on itself", slot_name((Slot)s),
                       l[s].fg);
        }
    }
}

static void check_views(ConfDoc *d)
{
    ViewDef *v;
    size_t n = viewdefs_from_conf(d, &v);
    for (size_t i = 0; i < n; i++) {
        fuzz_check_text("a view's name", v[i].name, false);
        FilterError fe;
        Filter *f = filter_compile(v[i].filter, 0, &fe);
        FUZZ_CHECK(f, "view %s: its filter \"%s\" does not compile: %s", v[i].name, v[i].filter, fe.msg);
        filter_free(f);
        SortSpec spec;
        FUZZ_CHECK(!v[i].sort[0] || sort_parse(v[i].sort, &spec), "view %s: sort \"%s\"", v[i].name, v[i].sort);
    }
}

FUZZ_TARGET(conflang)
{
    Input in = { data, size };
    ConfDoc *d = parse(&in), *d2 = parse(&in);
    check_doc(&in, d);
    same_directives(d, d2);
    quoting_reads_back(d);
    check_settings(d);
    check_theme(d);
    check_views(d);
    for (size_t i = 0; i < d->ndirs; i++) {
        ConfWord *items;
        if (d->dirs[i].kind == CONF_SET)
            conf_split_list(d, &d->dirs[i].args[1], &items);
    }
    check_doc(&in, d); /* the consumers' warnings too */
    conf_free(d);
    conf_free(d2);
    return 0;
}
