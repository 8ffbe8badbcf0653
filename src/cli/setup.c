/* From options, environment and config to a ready WorkerConfig; and the dashboard. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_internal.h"
#include "cli/clirun.h"
#include "core/safetext.h"
#include "core/sort.h"
#include "core/strbuf.h"
#include "core/timeutil.h"
#include "net/token.h"
#include "ui/ui.h"

/* First non-empty of the arguments. */
static const char *first(const char *a, const char *b, const char *c)
{
    return a && *a ? a : b && *b ? b : c && *c ? c : NULL;
}

int cli_worker_config(const Globals *g, const Config *cfg, bool need_token, WorkerConfig *wc, char **token,
                      char *err, size_t n)
{
    worker_config_defaults(wc);
    *token = NULL;
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
    if (!need_token)
        return EXIT_OK;
    bool missing;
    *token = token_load(first(g->token_file, cfg->token_file, NULL), &wc->token_origin, &missing, err, n);
    if (!*token)
        return EXIT_AUTH;
    wc->token = *token;
    return EXIT_OK;
}

/* The dashboard's test hooks and the rest of its environment. The script's text goes to
 * *script (the caller frees it). */
static int dashboard_env(UiConfig *ui, StrBuf *script, char *err, size_t n)
{
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
    const char *now = getenv("REGDESK_NOW"), *to = getenv("REGDESK_SCRIPT_TIMEOUT");
    if (now && *now && !time_parse_iso(now, &ui->fixed_now)) {
        snprintf(err, n, "REGDESK_NOW must be an ISO time such as 2025-05-25T12:00:00Z");
        return EXIT_USAGE;
    }
    if (to && atol(to) > 0)
        ui->script_timeout_ms = atol(to);
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
            strbuf_append(script, buf, k);
        fclose(f);
        ui->script = strbuf_cstr(script);
    } else if (keys && *keys) {
        ui->script = keys;
    }
    return EXIT_OK;
}

int cmd_dashboard(int argc, char **argv, const Globals *g, const Config *cfg)
{
    UiConfig ui = { .filter = cfg->filter[0] ? cfg->filter : NULL, .sort = cfg->sort[0] ? cfg->sort : NULL,
                    .mouse = cfg->have_mouse ? cfg->mouse : true };
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--filter") && i + 1 < argc) {
            ui.filter = argv[++i];
        } else if (!strcmp(argv[i], "--sort") && i + 1 < argc) {
            ui.sort = argv[++i];
        } else if (!strcmp(argv[i], "--columns") && i + 1 < argc) {
            ui.columns = argv[++i];
        } else if (!strcmp(argv[i], "--no-mouse")) {
            ui.mouse = false;
        } else {
            cli_error("unknown option \"%s\" for the dashboard; see regdesk --help", argv[i]);
            return EXIT_USAGE;
        }
    }
    SortSpec spec;
    if (ui.sort && !sort_parse(ui.sort, &spec)) {
        cli_error("unknown sort \"%s\"; use created, updated, age, status, flags, failed, name or email, with - "
                  "for descending", ui.sort);
        return EXIT_USAGE;
    }
    char err[400], *token;
    StrBuf script = STRBUF_INIT;
    int rc = dashboard_env(&ui, &script, err, sizeof err);
    if (rc != EXIT_OK) {
        cli_error("%s", err);
        strbuf_free(&script);
        return rc;
    }
    rc = cli_worker_config(g, cfg, true, &ui.worker, &token, err, sizeof err);
    if (rc != EXIT_OK) {
        cli_error("%s", err);
        strbuf_free(&script);
        return rc;
    }
    char why[400];
    rc = ui_run(&ui, why, sizeof why);
    token_free(token);
    strbuf_free(&script);
    if (*why)
        cli_error("%s", why); /* quotes --columns, TERM or a test hook's value: sanitised */
    return rc;
}
