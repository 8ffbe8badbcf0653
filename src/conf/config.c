/* The settings table and its typed parser. */
#include "conf/config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/filter.h"
#include "core/filter_values.h" /* filter_parse_duration: the same durations as age>… */
#include "core/safetext.h"
#include "core/sort.h"

static const SettingInfo infos[SET__COUNT] = {
#define X(id, name, type, def, limits, doc) [SET_##id] = { name, type, def, limits, doc },
    SETTINGS(X)
#undef X
};

static const char *const names[SET__COUNT] = {
#define X(id, name, type, def, limits, doc) [SET_##id] = name,
    SETTINGS(X)
#undef X
};

const SettingInfo *config_info(SettingId id)
{
    return id < SET__COUNT ? &infos[id] : NULL;
}

const char *const *config_names(void)
{
    return names;
}

int config_find(const char *name)
{
    for (int i = 0; i < SET__COUNT; i++)
        if (conf_name_eq(name, names[i]))
            return i;
    return -1;
}

void config_duration_text(long secs, char *buf, size_t n)
{
    static const struct {
        char unit;
        long secs;
    } units[] = { { 'd', 86400 }, { 'h', 3600 }, { 'm', 60 }, { 's', 1 } };
    size_t used = 0;
    buf[0] = '\0';
    if (secs <= 0) {
        snprintf(buf, n, "0");
        return;
    }
    for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
        long k = secs / units[i].secs;
        secs %= units[i].secs;
        if (!k)
            continue;
        int w = snprintf(buf + used, n - used, "%ld%c", k, units[i].unit);
        if (w < 0 || (size_t)w >= n - used)
            return;
        used += (size_t)w;
    }
}

/* ---- values ------------------------------------------------------------------------- */

/* What a value is being parsed from, and where its errors point. */
typedef struct Input {
    Config *s;
    SettingId id;
    const ConfWord *v;
    ConfDoc *d; /* for lists: their items' warnings go here */
    char *why;
    size_t n;
    int col; /* where in the value the problem is, when it is known (filters) */
} Input;

static bool fail(Input *in, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool fail(Input *in, const char *fmt, ...)
{
    char msg[MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    msg_vformat(msg, sizeof msg, fmt, ap); /* keeps the quote marks, so the value shrinks below */
    va_end(ap);
    safetext_format(in->why, in->n, "%s %s", infos[in->id].name, msg);
    return false;
}

static bool parse_bool(const char *v, long *out)
{
    static const char *const yes[] = { "yes", "true", "on", "1" }, *const no[] = { "no", "false", "off", "0" };
    for (size_t i = 0; i < 4; i++) {
        if (!strcasecmp(v, yes[i]) || !strcasecmp(v, no[i])) {
            *out = !strcasecmp(v, yes[i]);
            return true;
        }
    }
    return false;
}

static const char *unit_name(long unit)
{
    return unit == 3600 ? "hours" : unit == 60 ? "minutes" : "seconds";
}

/* A bare number counts in the setting's unit; otherwise units as in age>1d12h. */
static bool parse_duration(Input *in, const char *v, long *out)
{
    const SettingLimits *l = &infos[in->id].limits;
    char *end;
    errno = 0;
    long x = strtol(v, &end, 10);
    int64_t secs, ms;
    if (isdigit((unsigned char)*v) && !*end && !errno && x <= LONG_MAX / l->unit)
        secs = (int64_t)x * l->unit;
    else if (filter_parse_duration(v, &ms))
        secs = ms / 1000;
    else
        return fail(in, "must be a duration: a number of %s, or with units like 90s, 15m, 1h30m or 2d; not \"" QS "\"",
                    unit_name(l->unit), v);
    if (secs < l->lo || secs > l->hi) {
        char lo[32], hi[32];
        config_duration_text(l->lo, lo, sizeof lo);
        config_duration_text(l->hi, hi, sizeof hi);
        return fail(in, "must be from %s to %s, not \"" QS "\"", lo, hi, v);
    }
    *out = (long)secs;
    return true;
}

static bool parse_int(Input *in, const char *v, long *out)
{
    const SettingLimits *l = &infos[in->id].limits;
    char *end;
    errno = 0;
    long x = strtol(v, &end, 10);
    if (!*v || *end || errno || x < l->lo || x > l->hi || isspace((unsigned char)*v))
        return fail(in, "must be a whole number from %ld to %ld, not \"" QS "\"", l->lo, l->hi, v);
    *out = x;
    return true;
}

static bool parse_flags(Input *in, const ConfWord *items, size_t nitems, long *out)
{
    const char *choices = infos[in->id].limits.choices;
    char words[16][32];
    const char *all[16];
    size_t nchoices = 0;
    for (const char *p = choices; *p && nchoices < 16; nchoices++) {
        size_t len = strcspn(p, " ");
        snprintf(words[nchoices], sizeof words[0], "%.*s", (int)len, p);
        all[nchoices] = words[nchoices];
        p += len + (p[len] == ' ');
    }
    long bits = 0;
    for (size_t i = 0; i < nitems; i++) {
        const char *t = items[i].text;
        if (!strcasecmp(t, "none") || !strcasecmp(t, "all")) {
            if (nitems > 1)
                return fail(in, "takes %s alone, not with other words", t);
            bits = !strcasecmp(t, "all") ? (1L << nchoices) - 1 : 0;
            break;
        }
        size_t k = 0;
        while (k < nchoices && strcasecmp(all[k], t))
            k++;
        if (k == nchoices) {
            const char *near = conf_suggest(t, all, nchoices);
            return near ? fail(in, "has no \"" QS "\"; did you mean \"%s\"? (%s, none or all)", t, near, choices)
                        : fail(in, "has no \"" QS "\"; it takes %s, none or all", t, choices);
        }
        bits |= 1L << k;
    }
    *out = bits;
    return true;
}

static bool parse_list(Input *in, SettingValue *out)
{
    ConfWord *items;
    size_t n = conf_split_list(in->d, in->v, &items); /* an empty item is a warning, and skipped */
    if (infos[in->id].type == ST_FLAGS)
        return parse_flags(in, items, n, &out->num);
    const char **list = arena_alloc(&in->s->arena, (n ? n : 1) * sizeof *list);
    for (size_t i = 0; i < n; i++) /* display-safe (a flag's were not checked yet), so a consumer can name one */
        list[i] = safetext_arena(&in->s->arena, items[i].text, strlen(items[i].text), SAFE_LINE);
    out->items = list;
    out->nitems = n;
    return true;
}

static bool check_text(Input *in, const char *v, SettingValue *out)
{
    SettingType t = infos[in->id].type;
    if (!safetext_is_safe(v, strlen(v), SAFE_LINE))
        return fail(in, "holds control or invisible characters");
    if (t == ST_URL && strncmp(v, "https://", 8) && strncmp(v, "http://", 7))
        return fail(in, "must be an https:// address (http:// only for loopback or with allow_http), not \"" QS "\"", v);
    if (t == ST_SORT && *v) {
        SortSpec spec;
        if (!sort_parse(v, &spec))
            return fail(in, "must be created, updated, age, status, flags, failed, name or email, with - for "
                            "descending, not \"" QS "\"", v);
    }
    if (t == ST_FILTER) {
        FilterError fe;
        Filter *f = filter_compile(v, 0, &fe);
        if (!f) {
            in->col = fe.column;
            return fail(in, "is not a filter regdesk can read: %s", fe.msg);
        }
        filter_free(f);
    }
    const char *home = in->s->home;
    if (t == ST_PATH && !strncmp(v, "~/", 2) && home && *home) {
        size_t len = strlen(home) + strlen(v);
        char *p = arena_alloc(&in->s->arena, len);
        snprintf(p, len, "%s/%s", home, v + 2);
        out->text = p;
    } else {
        out->text = arena_strdup(&in->s->arena, v);
    }
    return true;
}

static bool assign(Input *in, SettingSource src)
{
    SettingValue nv = { 0 };
    const char *text = in->v->text;
    bool ok;
    switch (infos[in->id].type) {
    case ST_BOOL:
        ok = parse_bool(text, &nv.num) || fail(in, "must be yes or no, not \"" QS "\"", text);
        break;
    case ST_INT:
        ok = parse_int(in, text, &nv.num);
        break;
    case ST_DURATION:
        ok = parse_duration(in, text, &nv.num);
        break;
    case ST_LIST:
    case ST_FLAGS:
        ok = parse_list(in, &nv);
        break;
    case ST_URL:
        ok = *text ? check_text(in, text, &nv) : fail(in, "needs a value");
        break;
    default:
        ok = check_text(in, text, &nv);
    }
    if (!ok)
        return false;
    if (src.origin == FROM_CONFIG)
        src.pos.file = arena_strdup(&in->s->arena, src.pos.file ? src.pos.file : "");
    in->s->v[in->id] = nv;
    in->s->src[in->id] = src;
    return true;
}

/* A value from outside a config file, read as `set` would read it. */
static bool set_text(Config *s, SettingId id, const char *value, SettingSource src, char *why, size_t n)
{
    ConfDoc *d = conf_new(NULL, NULL);
    ConfWord w = { value, value, { "", 0, 1 }, false };
    Input in = { s, id, &w, d, why, n, 0 };
    bool ok = assign(&in, src);
    if (!ok && d->nwarns)
        safetext_format(why, n, "%s: %s", infos[id].name, d->warns[0].msg);
    conf_free(d);
    return ok;
}

bool config_set(Config *s, SettingId id, const char *value, SettingSource src, char *why, size_t n)
{
    return id < SET__COUNT && set_text(s, id, value ? value : "", src, why, n);
}

void config_init(Config *s, const char *home)
{
    memset(s, 0, sizeof *s);
    arena_init(&s->arena);
    s->home = home ? arena_strdup(&s->arena, home) : NULL;
    for (int i = 0; i < SET__COUNT; i++) {
        char why[300];
        set_text(s, (SettingId)i, infos[i].def, (SettingSource){ FROM_BUILTIN, { NULL, 0, 0 }, NULL }, why,
                 sizeof why); /* tests/unit/test_settings.c: every default is valid */
    }
}

void config_free(Config *s)
{
    arena_free(&s->arena);
    memset(s, 0, sizeof *s);
}

void config_apply(Config *s, ConfDoc *d)
{
    for (size_t i = 0; i < d->ndirs; i++) {
        const ConfDirective *dir = &d->dirs[i];
        if (dir->kind != CONF_SET)
            continue;
        const ConfWord *name = &dir->args[0], *value = &dir->args[1];
        int id = config_find(name->text);
        if (id < 0) {
            const char *near = conf_suggest(name->text, names, SET__COUNT);
            if (near)
                conf_warn(d, name->pos, "unknown setting \"" QS "\"; did you mean \"%s\"?", name->text, near);
            else
                conf_warn(d, name->pos, "unknown setting \"" QS "\" (regdesk-config(5) lists them)", name->text);
            continue;
        }
        char why[400];
        Input in = { s, (SettingId)id, value, d, why, sizeof why, 0 };
        if (assign(&in, (SettingSource){ FROM_CONFIG, dir->pos, NULL }))
            continue;
        ConfPos at = value->pos;
        if (in.col > 0)
            at.col += in.col - 1 + (value->quoted ? 1 : 0);
        conf_warn(d, at, "%s", why);
    }
}

/* ---- reading -------------------------------------------------------------------------- */

long config_num(const Config *s, SettingId id)
{
    return id < SET__COUNT ? s->v[id].num : 0;
}

bool config_bool(const Config *s, SettingId id)
{
    return config_num(s, id) != 0;
}

const char *config_str(const Config *s, SettingId id)
{
    return id < SET__COUNT && s->v[id].text ? s->v[id].text : "";
}

const char *const *config_list(const Config *s, SettingId id, size_t *n)
{
    *n = id < SET__COUNT ? s->v[id].nitems : 0;
    return *n ? s->v[id].items : NULL;
}

const SettingSource *config_source(const Config *s, SettingId id)
{
    return id < SET__COUNT ? &s->src[id] : NULL;
}
