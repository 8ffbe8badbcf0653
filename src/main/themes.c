/* The themes the dashboard can show: found by name in the search path, read, with the
 * config's color lines over each. */
#include "main/themes.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/safetext.h"
#include "core/xalloc.h"
#include "main/conffile.h"

/* One theme found: its name and its file (NULL: the compiled-in default). */
typedef struct Found {
    char *name, *path;
} Found;

typedef struct FoundList {
    Found *v;
    size_t n, cap;
} FoundList;

static bool known(const FoundList *l, const char *name)
{
    for (size_t i = 0; i < l->n; i++)
        if (!strcasecmp(l->v[i].name, name))
            return true;
    return false;
}

static void add_found(FoundList *l, const char *name, const char *path)
{
    l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
    l->v[l->n++] = (Found){ xstrdup(name), path ? xstrdup(path) : NULL };
}

/* Every NAME.theme in dir not already found (a name shown on screen must be safe text). */
static void scan(FoundList *l, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    for (struct dirent *e; (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        if (len <= 6 || e->d_name[0] == '.' || strcmp(e->d_name + len - 6, ".theme"))
            continue;
        char name[256], path[2048];
        snprintf(name, sizeof name, "%.*s", (int)(len - 6), e->d_name);
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (safetext_is_safe(name, strlen(name), SAFE_LINE) && !strchr(name, ' ') && !known(l, name))
            add_found(l, name, path);
    }
    closedir(d);
}

static int by_name(const void *a, const void *b)
{
    const Found *x = a, *y = b;
    bool dx = !strcmp(x->name, "default"), dy = !strcmp(y->name, "default");
    return dx != dy ? (dx ? -1 : 1) : strcmp(x->name, y->name);
}

/* The search path's themes: default first (compiled in unless a file overrides it). */
static void find_all(FoundList *l)
{
    char dirs[CONFFILE_THEME_DIRS][512];
    int n = conffile_theme_dirs(dirs);
    for (int i = 0; i < n; i++)
        scan(l, dirs[i]);
    if (!known(l, "default"))
        add_found(l, "default", NULL);
    qsort(l->v, l->n, sizeof *l->v, by_name);
}

/* Reads one theme into t, with over's rules on top; its warnings into *warnings. */
static void read_theme(ThemeSet *ts, const Found *f, const ThemeRules *over, UiTheme *t, StrBuf *warnings)
{
    ConfDoc *d = conf_new(conffile_include, (void *)ts->home);
    char *text = NULL, why[600];
    size_t len = 0;
    if (!f->path)
        conf_parse(d, theme_default_text, strlen(theme_default_text), "default.theme (built in)");
    else if (conffile_read(f->path, &text, &len, why, sizeof why))
        conf_parse(d, text, len, f->path);
    else
        conf_warn(d, (ConfPos){ conf_strdup(d, f->path), 1, 1 }, "%s", why);
    free(text);
    theme_rules_clear(&t->rules);
    theme_rules_add(&t->rules, d, true);
    theme_rules_merge(&t->rules, over);
    t->name = xstrdup(f->name);
    t->nwarnings = d->nwarns;
    conf_sort_warnings(d);
    for (size_t i = 0; i < d->nwarns; i++) {
        char line[700];
        conf_warning_format(&d->warns[i], line, sizeof line);
        strbuf_printf(warnings, "%s\n", line);
        if (!i)
            t->warning = xstrdup(line);
    }
    conf_free(d);
}

/* The theme the settings name (its index in l, added when it is a file), or -1. */
static int chosen(FoundList *l, const char *value)
{
    if (strchr(value, '/')) { /* a theme file's path */
        const char *base = strrchr(value, '/') + 1;
        size_t len = strlen(base);
        char name[256];
        snprintf(name, sizeof name, "%.*s", (int)(len > 6 && !strcmp(base + len - 6, ".theme") ? len - 6 : len),
                 base);
        add_found(l, safetext_is_safe(name, strlen(name), SAFE_LINE) && *name ? name : "theme", value);
        return (int)l->n - 1;
    }
    for (size_t i = 0; i < l->n; i++)
        if (conf_name_eq(l->v[i].name, value))
            return (int)i;
    return -1;
}

int themes_load(ThemeSet *ts, const Config *cfg, ConfDoc *config_doc, StrBuf *warnings)
{
    memset(ts, 0, sizeof *ts);
    ts->home = cfg->home;
    ThemeRules over; /* the config's own color lines, over every theme */
    theme_rules_clear(&over);
    theme_rules_add(&over, config_doc, false);
    FoundList l = { 0 };
    find_all(&l);
    const char *value = config_str(cfg, SET_THEME);
    const SettingSource *src = config_source(cfg, SET_THEME);
    int active = *value ? chosen(&l, value) : 0;
    StrBuf names = STRBUF_INIT;
    for (size_t i = 0; i < l.n; i++)
        strbuf_printf(&names, "%s%s", i ? ", " : "", l.v[i].name);
    int rc = 0;
    if (active < 0 && src->origin != FROM_CONFIG) {
        cli_error("%s: no theme \"%s\"; the themes are %s", src->name ? src->name : "theme", value,
                  strbuf_cstr(&names));
        rc = EXIT_USAGE;
    } else if (active < 0) {
        conf_warn(config_doc, src->pos, "no theme \"" QS "\"; the themes are %s (the default is used)", value,
                  strbuf_cstr(&names));
        active = 0;
    }
    ts->themes = xcalloc(l.n, sizeof *ts->themes);
    for (size_t i = 0; !rc && i < l.n; i++) {
        read_theme(ts, &l.v[i], &over, &ts->themes[i], (int)i == active ? warnings : &ts->other_warnings);
        if ((int)i != active)
            ts->nother += ts->themes[i].nwarnings;
    }
    ts->n = rc ? 0 : l.n;
    ts->active = rc ? 0 : (size_t)active;
    if (!rc)
        ts->active_file = xstrdup(l.v[active].path ? l.v[active].path : "(built in)");
    for (size_t i = 0; i < l.n; i++) {
        free(l.v[i].name);
        free(l.v[i].path);
    }
    free(l.v);
    strbuf_free(&names);
    return rc;
}

void themes_free(ThemeSet *ts)
{
    for (size_t i = 0; i < ts->n; i++) {
        free((char *)ts->themes[i].name);
        free((char *)ts->themes[i].warning);
    }
    free(ts->themes);
    free(ts->active_file);
    strbuf_free(&ts->other_warnings);
    memset(ts, 0, sizeof *ts);
}
