/* From flags, environment and config to the settings of the CLI and the dashboard. */
#include "main/settings.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf/viewdef.h"
#include "core/paths.h"
#include "core/pii.h"
#include "core/safetext.h"
#include "core/timeutil.h"
#include "core/xalloc.h"
#include "main/conffile.h"
#include "net/token.h"

/* ---- the config file ---------------------------------------------------------------------- */

/* Reads the config file into s->doc. A missing default file is no file; a missing
 * --config file is an error; anything else that stops the read is a warning. */
static int read_config(Settings *s, const Globals *g)
{
    if (g->config)
        snprintf(s->config_path, sizeof s->config_path, "%s", g->config);
    else
        config_dir_path("config", s->config_path, sizeof s->config_path);
    s->doc = conf_new(conffile_include, (void *)s->config.home);
    char *text, why[600], shown[sizeof s->config_path];
    size_t len;
    const char *home = s->config.home;
    size_t hl = home ? strlen(home) : 0;
    if (hl && !strncmp(s->config_path, home, hl) && s->config_path[hl] == '/') /* ~/.config/…: shorter */
        snprintf(shown, sizeof shown, "~%s", s->config_path + hl);
    else
        snprintf(shown, sizeof shown, "%s", s->config_path);
    if (conffile_read(s->config_path, &text, &len, why, sizeof why)) {
        s->config_read = true;
        conf_parse(s->doc, text, len, shown);
        free(text);
    } else if (g->config) {
        cli_error("the config file named with --config: %s", why);
        return EXIT_USAGE;
    } else if (errno != ENOENT) {
        strbuf_printf(&s->warnings, "%s\n", why);
        s->nwarnings++;
    }
    config_apply(&s->config, s->doc);
    return EXIT_OK;
}

/* The config's views after the built-in ones (or alone). */
static void read_views(Settings *s)
{
    ViewDef *defs;
    size_t n = viewdefs_from_conf(s->doc, &defs);
    SavedView *user = xcalloc(n ? n : 1, sizeof *user);
    for (size_t i = 0; i < n; i++)
        user[i] = (SavedView){ defs[i].name, defs[i].filter, defs[i].sort, "" };
    s->nviews = views_combine(config_bool(&s->config, SET_BUILTIN_VIEWS), user, n, s->views, VIEWS_MAX);
    views_follow_sla(s->views, s->nviews, config_num(&s->config, SET_SLA), s->overdue, sizeof s->overdue);
    for (size_t i = 0; i < n; i++) {
        bool kept = false;
        for (size_t k = 0; k < s->nviews; k++)
            kept |= s->views[k].name == defs[i].name;
        if (!kept)
            conf_warn(s->doc, defs[i].pos, "more than %d saved views; \"" QS "\" is left out", VIEWS_MAX, defs[i].name);
    }
    free(user);
}

/* The start view, when the config names one: it must be a view (a warning otherwise). */
static void check_start_view(Settings *s)
{
    const char *name = config_str(&s->config, SET_START_VIEW);
    const SettingSource *src = config_source(&s->config, SET_START_VIEW);
    if (*name && views_find(s->views, s->nviews, name) < 0 && src->origin == FROM_CONFIG)
        conf_warn(s->doc, src->pos, "start_view \"" QS "\" is not a saved view (a view's name, or its key 1-%zu)", name,
                  s->nviews < VIEWS_KEYS ? s->nviews : VIEWS_KEYS);
}

static void collect_warnings(Settings *s, ConfDoc *d)
{
    conf_sort_warnings(d);
    for (size_t i = 0; i < d->nwarns; i++) {
        char line[700];
        conf_warning_format(&d->warns[i], line, sizeof line);
        strbuf_printf(&s->warnings, "%s\n", line);
    }
    if (d->dropped)
        strbuf_printf(&s->warnings, "%s: %zu more warnings\n", d->files[0], d->dropped);
    s->nwarnings += d->nwarns + (d->dropped > 0);
}

/* ---- everyone's settings -------------------------------------------------------------------- */

/* The API address and the limits, from the settings. */
static int worker_settings(const Config *cfg, WorkerConfig *wc)
{
    char err[400], src[600];
    worker_config_defaults(wc);
    if (!api_base_parse(config_str(cfg, SET_API), config_bool(cfg, SET_ALLOW_HTTP), &wc->base, err, sizeof err)) {
        /* no fallback to another address: that would send the token somewhere unasked */
        config_source_format(config_source(cfg, SET_API), src, sizeof src);
        cli_error("%s (api, from %s)", err, src);
        return EXIT_USAGE;
    }
    wc->parallel = (int)config_num(cfg, SET_PARALLEL);
    wc->page_size = (int)config_num(cfg, SET_PAGE_SIZE);
    wc->max_retries = (int)config_num(cfg, SET_RETRIES);
    wc->total_timeout_ms = config_num(cfg, SET_TIMEOUT) * 1000;
    wc->connect_timeout_ms = config_num(cfg, SET_CONNECT_TIMEOUT) * 1000;
    wc->max_response = (size_t)config_num(cfg, SET_MAX_RESPONSE_MB) << 20;
    wc->max_records = (size_t)config_num(cfg, SET_MAX_RECORDS);
    wc->max_memory = (size_t)config_num(cfg, SET_MAX_MEMORY_MB) << 20;
    const char *cacert = config_str(cfg, SET_CACERT);
    wc->cacert = *cacert ? cacert : NULL;
    return EXIT_OK;
}

int settings_load(Settings *s, const Globals *g)
{
    memset(s, 0, sizeof *s);
    s->script = (StrBuf)STRBUF_INIT;
    s->warnings = (StrBuf)STRBUF_INIT;
    config_init(&s->config, getenv("HOME"));
    int rc = read_config(s, g);
    if (rc)
        return rc;
    const char *api = getenv("REGDESK_API");
    char why[400];
    if (api && *api && !config_set(&s->config, SET_API, api, setting_from_env("REGDESK_API"), why, sizeof why)) {
        cli_error("REGDESK_API: %s", why);
        return EXIT_USAGE;
    }
    for (size_t i = 0; i < g->nset; i++)
        if (!options_apply(&s->config, &g->set[i]))
            return EXIT_USAGE;
    read_views(s);
    check_start_view(s);
    if (!keymap_defaults(&s->keymap, why, sizeof why)) {
        cli_error("%s", why);
        return EXIT_INTERNAL;
    }
    keymap_apply(&s->keymap, s->doc);
    StrBuf theme_warnings = STRBUF_INIT;
    rc = themes_load(&s->themes, &s->config, s->doc, &theme_warnings);
    collect_warnings(s, s->doc);
    strbuf_puts(&s->warnings, strbuf_cstr(&theme_warnings)); /* the config's first, then its theme's */
    strbuf_free(&theme_warnings);
    if (rc)
        return rc;
    s->nwarnings += s->themes.themes[s->themes.active].nwarnings;
    if ((rc = worker_settings(&s->config, &s->cli.worker)))
        return rc;
    if (!*config_str(&s->config, SET_TOKEN_FILE)) { /* the default, so --print-config can say where */
        char path[512];
        config_dir_path("token", path, sizeof path);
        config_set(&s->config, SET_TOKEN_FILE, path, (SettingSource){ FROM_BUILTIN, { NULL, 0, 0 }, NULL }, why,
                   sizeof why);
    }
    /* NULL for the default, so a missing token reads "no API token", not a missing file */
    bool named = config_source(&s->config, SET_TOKEN_FILE)->origin != FROM_BUILTIN;
    s->cli.token_file = named ? config_str(&s->config, SET_TOKEN_FILE) : NULL;
    state_dir_path("audit.log", s->audit_log, sizeof s->audit_log);
    s->cli.audit_log = s->audit_log;
    s->cli.mask = (unsigned)config_num(&s->config, SET_MASK); /* the flags' bits are core/pii's */
    s->cli.views = s->views;
    s->cli.nviews = s->nviews;
    return EXIT_OK;
}

void settings_print(const Settings *s, StrBuf *out)
{
    config_print(&s->config, out);
    const char *env = getenv("VERIFIK_TOKEN");
    char line[1200]; /* the paths come from the command line: made safe */
    safetext_format(line, sizeof line, "# config file: %s%s", s->config_path,
                    s->config_read ? "" : " (none; built-in settings)");
    strbuf_printf(out, "%s\n", line);
    if (env && *env)
        strbuf_puts(out, "# token: from VERIFIK_TOKEN (never shown)\n");
    else
        strbuf_printf(out, "# token: from the token file when needed (never shown)\n");
    safetext_format(line, sizeof line, "# theme: %s, from %s",
                    s->themes.n ? s->themes.themes[s->themes.active].name : "default",
                    s->themes.active_file ? s->themes.active_file : "(built in)");
    strbuf_printf(out, "%s\n", line);
    strbuf_puts(out, "# saved views, in key order:\n");
    for (size_t i = 0; i < s->nviews; i++) {
        const SavedView *v = &s->views[i];
        strbuf_puts(out, "#   view ");
        conf_quote(out, v->name, QUOTE_WORD);
        strbuf_printf(out, " = %s%s%s%s\n", v->filter, *v->filter && *v->sort ? " " : "", *v->sort ? "sort:" : "",
                      v->sort);
    }
}

int settings_check(const Settings *s, FILE *out)
{
    size_t n = s->nwarnings + s->themes.nother;
    if (!n) {
        fprintf(out, "%s: no mistakes\n", s->config_read ? s->config_path : "no config file; built-in settings,");
        return EXIT_OK;
    }
    fputs(strbuf_cstr(&s->warnings), out);
    fputs(strbuf_cstr(&s->themes.other_warnings), out); /* themes T would show later */
    fprintf(out, "%zu mistake%s; regdesk starts anyway, without the lines named\n", n, n == 1 ? "" : "s");
    return EXIT_USAGE;
}

/* ---- the dashboard --------------------------------------------------------------------------- */

/* REGDESK_SCRIPT's file, or REGDESK_KEYS' text: keys instead of the keyboard. */
static int script_hook(Settings *s, char *err, size_t n)
{
    const char *path = getenv("REGDESK_SCRIPT"), *keys = getenv("REGDESK_KEYS");
    if (path && *path) {
        FILE *f = fopen(path, "r");
        if (!f) {
            fmt_bounded(err, n, "cannot read the script %s", path);
            return EXIT_USAGE;
        }
        char buf[4096];
        size_t k;
        while ((k = fread(buf, 1, sizeof buf, f)) > 0)
            strbuf_append(&s->script, buf, k);
        fclose(f);
        s->ui.script = strbuf_cstr(&s->script);
    } else if (keys && *keys) {
        s->ui.script = keys;
    }
    return EXIT_OK;
}

/* The dashboard's test hooks (README, "Scripted mode") and the rest of its environment. */
static int dashboard_env(Settings *s, char *err, size_t n)
{
    UiConfig *ui = &s->ui;
    const char *nc = getenv("NO_COLOR"), *hl = getenv("REGDESK_HEADLESS");
    ui->colour = !(nc && *nc);
    ui->term = getenv("TERM");
    if (hl && *hl) {
        int cols, rows;
        if (sscanf(hl, "%dx%d", &cols, &rows) != 2 || cols < 10 || rows < 4 || cols > 1000 || rows > 500) {
            fmt_bounded(err, n, "REGDESK_HEADLESS must be COLSxROWS, e.g. 80x24 (got \"%s\")", hl);
            return EXIT_USAGE;
        }
        ui->headless_cols = cols;
        ui->headless_rows = rows;
    }
    const char *now = getenv("REGDESK_NOW"), *timeout = getenv("REGDESK_SCRIPT_TIMEOUT");
    if (now && *now && !time_parse_iso(now, &ui->fixed_now)) {
        snprintf(err, n, "REGDESK_NOW must be an ISO time such as 2025-05-25T12:00:00Z");
        return EXIT_USAGE;
    }
    if (timeout && atol(timeout) > 0)
        ui->script_timeout_ms = atol(timeout);
    return script_hook(s, err, n);
}

/* The start-up view, filter, sort, columns and mouse from the settings. */
static int dashboard_view(Settings *s)
{
    const Config *cfg = &s->config;
    UiConfig *ui = &s->ui;
    const char *view = config_str(cfg, SET_START_VIEW);
    int k = *view ? views_find(s->views, s->nviews, view) : -1;
    if (*view && k < 0 && config_source(cfg, SET_START_VIEW)->origin == FROM_FLAG) {
        cli_error("--view: no saved view \"%s\" (a view's name, or its key 1-%zu)", view, s->nviews);
        return EXIT_USAGE;
    }
    ui->start_view = k + 1;
    ui->filter = *config_str(cfg, SET_FILTER) ? config_str(cfg, SET_FILTER) : NULL;
    ui->sort = *config_str(cfg, SET_SORT) ? config_str(cfg, SET_SORT) : NULL;
    size_t n;
    const char *const *cols = config_list(cfg, SET_COLUMNS, &n);
    for (size_t i = 0, used = 0; i < n && used < sizeof s->columns; i++)
        used += (size_t)snprintf(s->columns + used, sizeof s->columns - used, "%s%s", i ? "," : "", cols[i]);
    ui->columns = n ? s->columns : NULL;
    ui->mouse = config_bool(cfg, SET_MOUSE);
    ui->sla_ms = config_num(cfg, SET_SLA) * 1000LL;
    ui->mask = s->cli.mask;
    ui->reveal_secs = (int)config_num(cfg, SET_REVEAL);
    ui->lock_secs = (int)config_num(cfg, SET_IDLE_LOCK);
    ui->audit_log = s->audit_log;
    ui->keymap = &s->keymap;
    ui->themes = s->themes.themes;
    ui->nthemes = s->themes.n;
    ui->theme = s->themes.active;
    ui->views = s->views;
    ui->nviews = s->nviews;
    ui->warnings = strbuf_cstr(&s->warnings);
    ui->nwarnings = s->nwarnings;
    ui->audit_log = s->audit_log;
    ui->labels = config_list(cfg, SET_REASON_LABELS, &ui->n_labels);
    ui->refresh_s = config_num(cfg, SET_REFRESH);
    return EXIT_OK;
}

/* --file -: the export comes on standard input, so the keys come from the terminal
 * (/dev/tty, moved onto descriptor 0 for curses) and the data from a copy of the old 0. */
static int stdin_export(UiConfig *ui, char *err, size_t n)
{
    if (isatty(STDIN_FILENO)) {
        snprintf(err, n, "--file -: standard input is the terminal; pipe an export in (regdesk --file - < export.json)");
        return EXIT_USAGE;
    }
    ui->file_fd = fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 3);
    if (ui->headless_cols > 0) /* scripted: no keyboard to move */
        return ui->file_fd < 0 ? EXIT_INTERNAL : EXIT_OK;
    int tty = open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (ui->file_fd < 0 || tty < 0 || dup2(tty, STDIN_FILENO) < 0) {
        snprintf(err, n, "--file -: the dashboard reads keys from the terminal, and /dev/tty cannot be opened: %s",
                 strerror(errno));
        if (tty >= 0)
            close(tty);
        return EXIT_USAGE;
    }
    close(tty);
    return EXIT_OK;
}

int settings_dashboard(Settings *s, int argc, char **argv)
{
    UiConfig *ui = &s->ui;
    ui->worker = s->cli.worker;
    ui->file_fd = -1;
    int rc = options_dashboard(argc, argv, &s->config, &ui->file);
    if (rc || (rc = dashboard_view(s)))
        return rc;
    char err[400];
    if ((rc = dashboard_env(s, err, sizeof err))) {
        cli_error("%s", err);
        return rc;
    }
    if (ui->script && config_source(&s->config, SET_REFRESH)->origin != FROM_FLAG)
        ui->refresh_s = 0; /* a scripted run refreshes only when --refresh asks: its screens stay put */
    if (ui->file && !strcmp(ui->file, "-") && (rc = stdin_export(ui, err, sizeof err))) {
        cli_error("%s", err);
        return rc;
    }
    if (ui->file)
        return EXIT_OK; /* an export needs no token: nothing goes to the API */
    bool missing;
    if (!(s->token = token_load(s->cli.token_file, &ui->worker.token_origin, &missing, err, sizeof err))) {
        cli_error("%s", err);
        return EXIT_AUTH;
    }
    ui->worker.token = s->token;
    return EXIT_OK;
}

void settings_free(Settings *s)
{
    token_free(s->token);
    s->token = NULL;
    s->ui.worker.token = NULL;
    strbuf_free(&s->script);
    strbuf_free(&s->warnings);
    conf_free(s->doc);
    s->doc = NULL;
    themes_free(&s->themes);
    config_free(&s->config);
}
