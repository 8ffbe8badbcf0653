/* The config file: `key = value` lines, blank lines and # comment lines. */
#include "conf/config.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/filter.h"
#include "core/paths.h"
#include "core/safetext.h"
#include "core/sort.h"
#include "core/timeutil.h"

typedef enum KeyKind { K_URL, K_PATH, K_BOOL, K_INT, K_LONG, K_FILTER, K_SORT } KeyKind;

typedef struct Key {
    const char *name;
    KeyKind kind;
    size_t off, size; /* the field, and its size for strings */
    size_t have;      /* booleans: offset of the have_ flag */
    long lo, hi;      /* numbers: allowed range */
} Key;

#define FIELD(f) offsetof(Config, f), sizeof(((Config *)0)->f)
static const Key keys[] = {
    { "api", K_URL, FIELD(api), 0, 0, 0 },
    { "token_file", K_PATH, FIELD(token_file), 0, 0, 0 },
    { "cacert", K_PATH, FIELD(cacert), 0, 0, 0 },
    { "allow_http", K_BOOL, FIELD(allow_http), offsetof(Config, have_allow_http), 0, 0 },
    { "parallel", K_INT, FIELD(parallel), 0, 1, 16 },
    { "page_size", K_INT, FIELD(page_size), 0, 1, 100 },
    { "retries", K_INT, FIELD(retries), 0, 0, 10 },
    { "connect_timeout", K_LONG, FIELD(connect_timeout_s), 0, 1, 300 },
    { "timeout", K_LONG, FIELD(timeout_s), 0, 1, 3600 },
    { "max_response_mb", K_LONG, FIELD(max_response_mb), 0, 1, 4096 },
    { "filter", K_FILTER, FIELD(filter), 0, 0, 0 },
    { "sort", K_SORT, FIELD(sort), 0, 0, 0 },
    { "mouse", K_BOOL, FIELD(mouse), offsetof(Config, have_mouse), 0, 0 },
};

void config_default_path(char *buf, size_t n)
{
    config_dir_path("config", buf, n);
}

static const char *key_list(void)
{
    return "api, token_file, cacert, allow_http, parallel, page_size, retries, connect_timeout, timeout, "
           "max_response_mb, filter, sort, mouse";
}

static bool parse_bool(const char *v, bool *out)
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

/* Copies a string value; "~/" at the start of a path means the home directory. */
static bool set_string(const Key *k, const char *v, Config *cfg, char *why, size_t n)
{
    char *dst = (char *)cfg + k->off;
    const char *home = getenv("HOME");
    int w;
    if (k->kind == K_PATH && !strncmp(v, "~/", 2) && home && *home)
        w = snprintf(dst, k->size, "%s/%s", home, v + 2);
    else
        w = snprintf(dst, k->size, "%s", v);
    if (w < 0 || (size_t)w >= k->size) {
        snprintf(why, n, "%s is too long (at most %zu bytes)", k->name, k->size - 1);
        return false;
    }
    return true;
}

static bool set_number(const Key *k, const char *v, Config *cfg, char *why, size_t n)
{
    char *end;
    errno = 0;
    long x = strtol(v, &end, 10);
    if (!*v || *end || errno || x < k->lo || x > k->hi) {
        fmt_bounded(why, n, "%s must be a whole number from %ld to %ld, not \"%s\"", k->name, k->lo, k->hi, v);
        return false;
    }
    if (k->kind == K_INT)
        *(int *)((char *)cfg + k->off) = (int)x;
    else
        *(long *)((char *)cfg + k->off) = x;
    return true;
}

/* Checks a value the way the command line would, so a bad one fails here with its line. */
static bool valid_text(const Key *k, const char *v, char *why, size_t n)
{
    if (k->kind == K_URL && strncmp(v, "https://", 8) && strncmp(v, "http://", 7)) {
        fmt_bounded(why, n, "api must be an https:// address (http:// only for loopback or with allow_http), "
                            "not \"%s\"", v);
        return false;
    }
    if (k->kind == K_SORT && *v) {
        SortSpec spec;
        if (!sort_parse(v, &spec)) {
            fmt_bounded(why, n, "sort must be created, updated, age, status, flags, failed, name or email, with - "
                                "for descending, not \"%s\"", v);
            return false;
        }
    }
    if (k->kind == K_FILTER) {
        FilterError fe;
        Filter *f = filter_compile(v, time_now_ms(), &fe);
        if (!f) {
            fmt_bounded(why, n, "filter: %s", fe.msg);
            return false;
        }
        filter_free(f);
    }
    return true;
}

static bool set_value(const Key *k, const char *v, Config *cfg, char *why, size_t n)
{
    if (k->kind == K_INT || k->kind == K_LONG)
        return set_number(k, v, cfg, why, n);
    if (k->kind == K_BOOL) {
        if (!parse_bool(v, (bool *)((char *)cfg + k->off))) {
            fmt_bounded(why, n, "%s must be yes or no, not \"%s\"", k->name, v);
            return false;
        }
        *(bool *)((char *)cfg + k->have) = true;
        return true;
    }
    if (!*v && k->kind != K_FILTER && k->kind != K_SORT) {
        snprintf(why, n, "%s needs a value", k->name);
        return false;
    }
    return valid_text(k, v, why, n) && set_string(k, v, cfg, why, n);
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t len = strlen(s);
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' || s[len - 1] == '\r'))
        s[--len] = '\0';
    return s;
}

/* One line; false with why filled when it is not acceptable. */
static bool config_line(char *line, Config *cfg, char *why, size_t n)
{
    char *s = trim(line);
    if (!*s || *s == '#')
        return true;
    char *eq = strchr(s, '=');
    if (!eq) {
        fmt_bounded(why, n, "expected `key = value`, not \"%s\"", s);
        return false;
    }
    *eq = '\0';
    char *key = trim(s), *val = trim(eq + 1);
    size_t vl = strlen(val);
    if (vl >= 2 && val[0] == '"' && val[vl - 1] == '"') { /* "…" keeps the blanks inside */
        val[vl - 1] = '\0';
        val++;
    }
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (!strcmp(key, keys[i].name))
            return set_value(&keys[i], val, cfg, why, n);
    fmt_bounded(why, n, "unknown key \"%s\"; the keys are %s", key, key_list());
    return false;
}

bool config_load(const char *path, bool must_exist, Config *out, char *err, size_t n)
{
    memset(out, 0, sizeof *out);
    out->retries = -1; /* 0 is a valid setting: no retries */
    FILE *f = fopen(path, "r");
    if (!f) {
        if (errno == ENOENT && !must_exist)
            return true;
        safetext_format(err, n, "cannot read config file %s: %s", path, strerror(errno));
        return false;
    }
    char *line = NULL;
    size_t cap = 0;
    bool ok = true;
    for (long lineno = 1; ok && getline(&line, &cap, f) >= 0; lineno++) {
        char why[300];
        if (strlen(line) > 4096) {
            snprintf(why, sizeof why, "the line is longer than 4096 bytes");
            ok = false;
        } else {
            ok = config_line(line, out, why, sizeof why);
        }
        if (!ok)
            safetext_format(err, n, "%s:%ld: %s", path, lineno, why);
    }
    if (ok && ferror(f)) {
        safetext_format(err, n, "cannot read config file %s: %s", path, strerror(errno));
        ok = false;
    }
    free(line);
    fclose(f);
    return ok;
}
