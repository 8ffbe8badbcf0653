/* From flags, environment and config to the settings of the CLI and the dashboard. */
#include "main/settings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/paths.h"
#include "core/safetext.h"
#include "core/timeutil.h"
#include "net/token.h"

/* First non-empty of the arguments. */
static const char *first(const char *a, const char *b, const char *c)
{
    return a && *a ? a : b && *b ? b : c && *c ? c : NULL;
}

/* The API address and the limits, from the flags, the environment and the config. */
static int worker_settings(const Globals *g, const Config *cfg, WorkerConfig *wc, char *err, size_t n)
{
    worker_config_defaults(wc);
    const char *api = first(g->api, getenv("REGDESK_API"), cfg->api);
    bool allow_http = g->allow_http || (cfg->have_allow_http && cfg->allow_http);
    if (!api_base_parse(api ? api : DEFAULT_API, allow_http, &wc->base, err, n))
        return EXIT_USAGE;
    wc->parallel = g->parallel ? g->parallel : cfg->parallel ? cfg->parallel : wc->parallel;
    if (cfg->page_size)
        wc->page_size = cfg->page_size;
    if (cfg->retries >= 0) /* -1 = not set; 0 = no retries */
        wc->max_retries = cfg->retries;
    long timeout = g->timeout_s ? g->timeout_s : cfg->timeout_s;
    if (timeout)
        wc->total_timeout_ms = timeout * 1000;
    if (cfg->connect_timeout_s)
        wc->connect_timeout_ms = cfg->connect_timeout_s * 1000;
    if (cfg->max_response_mb)
        wc->max_response = (size_t)cfg->max_response_mb << 20;
    wc->cacert = first(g->cacert, cfg->cacert, NULL);
    return EXIT_OK;
}

int settings_load(Settings *s, const Globals *g)
{
    memset(s, 0, sizeof *s);
    s->script = (StrBuf)STRBUF_INIT;
    char path[512], err[400];
    if (!g->config)
        config_default_path(path, sizeof path);
    if (!config_load(g->config ? g->config : path, g->config != NULL, &s->config, err, sizeof err)) {
        cli_error("%s", err);
        return EXIT_USAGE;
    }
    int rc = worker_settings(g, &s->config, &s->cli.worker, err, sizeof err);
    if (rc) {
        cli_error("%s", err);
        return rc;
    }
    s->cli.token_file = first(g->token_file, s->config.token_file, NULL);
    state_dir_path("audit.log", s->audit_log, sizeof s->audit_log);
    s->cli.audit_log = s->audit_log;
    return EXIT_OK;
}

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

int settings_dashboard(Settings *s, int argc, char **argv)
{
    const Config *cfg = &s->config;
    UiConfig *ui = &s->ui;
    ui->worker = s->cli.worker;
    ui->filter = cfg->filter[0] ? cfg->filter : NULL;
    ui->sort = cfg->sort[0] ? cfg->sort : NULL;
    ui->mouse = cfg->have_mouse ? cfg->mouse : true;
    int rc = options_dashboard(argc, argv, ui);
    if (rc)
        return rc;
    char err[400];
    if ((rc = dashboard_env(s, err, sizeof err))) {
        cli_error("%s", err);
        return rc;
    }
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
}
