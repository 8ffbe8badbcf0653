/* ui_run: the dashboard's start and end. Everything that can fail before the terminal is
 * touched, then the terminal, the model's first load, the loop, and every way out. */
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "core/glyphs.h"
#include "core/msg.h"
#include "core/xalloc.h"
#include "ui/dash.h"
#include "ui/clip.h"
#include "ui/draw.h"
#include "ui/loop.h"
#include "ui/render.h"
#include "ui/script.h"
#include "ui/term.h"
#include "ui/keymap.h"

/* The model posts its work to the worker (or, for --file's list, the export's reader)
 * through these; ctx is the Ui. */
static uint64_t post_list(void *ctx, const ListQuery *q, uint64_t gen)
{
    Ui *ui = ctx;
    return ui->file ? fileload_start(ui->file, gen) : worker_list(ui->worker, q, gen);
}

static uint64_t post_retrieve(void *ctx, const char *id, uint64_t gen)
{
    return worker_retrieve(((Ui *)ctx)->worker, id, gen);
}

static void post_cancel(void *ctx, uint64_t gen)
{
    worker_cancel_before(((Ui *)ctx)->worker, gen);
}

static uint64_t post_override(void *ctx, const char *id, Status to, const char *note, uint64_t gen)
{
    return worker_override(((Ui *)ctx)->worker, id, to, note, gen);
}

static uint64_t post_resend(void *ctx, const char *id, bool email, uint64_t gen)
{
    return worker_resend_link(((Ui *)ctx)->worker, id, email, gen);
}

static uint64_t post_create(void *ctx, const CreateParams *p, uint64_t gen)
{
    return worker_create(((Ui *)ctx)->worker, p, gen);
}

static void post_cancel_job(void *ctx, uint64_t job)
{
    worker_cancel_job(((Ui *)ctx)->worker, job);
}

/* The model's way out to the audit log (decisions, support actions, reveals) and the
 * clipboard. */
static bool audit_ready(void *ui, char *err, size_t n)
{
    return audit_check(((Ui *)ui)->audit, err, n);
}

static bool audit_line(void *ui, const AuditEvent *ev, char *err, size_t n)
{
    return audit_append(((Ui *)ui)->audit, ev, err, n);
}

static bool copy(void *ui, const char *text)
{
    (void)ui;
    return clip_copy(text);
}

/* The audit log's writer, stamped with the API's host[:port] as the CLI's are. */
static AuditLog *open_audit(const UiConfig *cfg)
{
    const char *url = cfg->worker.base.url, *scheme = strstr(url, "://");
    return audit_open(cfg->audit_log ? cfg->audit_log : "", "dashboard", scheme ? scheme + 3 : url);
}

/* Everything that can fail before the terminal is touched; a UI_EXIT_* status with a
 * sentence in err when something does. */
static int prepare(Ui *ui, const UiConfig *cfg, char *err, size_t n)
{
    if (cfg->keymap)
        keymap_install(cfg->keymap);
    else if (!keymap_init(err, n))
        return UI_EXIT_INTERNAL;
    if (!columns_parse(cfg->columns ? cfg->columns : COLUMNS_DEFAULT, &ui->columns, err, n))
        return UI_EXIT_USAGE;
    if (cfg->script && !(ui->script = script_parse(cfg->script, cfg->script_timeout_ms, err, n)))
        return UI_EXIT_USAGE;
    if ((ui->sig_fd = term_signals_start(cfg->headless_cols > 0, err, n)) < 0)
        return UI_EXIT_INTERNAL;
    ui->worker = worker_start(&cfg->worker, err, n);
    if (!ui->worker)
        return UI_EXIT_INTERNAL;
    if (cfg->file) {
        FileLoadConfig fc = { cfg->file, cfg->file_fd, cfg->worker.total_timeout_ms / 1000, cfg->worker.max_records };
        ui->file = fileload_new(ui->worker, &fc);
        safetext_format(ui->source, sizeof ui->source, "%s", strcmp(cfg->file, "-") ? cfg->file : "standard input");
    }
    SortSpec sort = { SORT_CREATED, true };
    if (cfg->sort)
        sort_parse(cfg->sort, &sort);
    ui->audit = open_audit(cfg);
    lock_init(&ui->lock, cfg->lock_secs, ui->audit);
    export_init(&ui->exp, &ui->columns, ui->audit);
    ModelEnv env = { .jobs = { ui, post_list, post_retrieve, post_cancel, post_cancel_job, post_override,
                               post_resend, post_create },
                     .host = { ui, audit_ready, audit_line, copy },
                     .labels = cfg->labels, .n_labels = cfg->n_labels, .refresh_ms = cfg->refresh_s * 1000,
                     .sort = sort, .mask = cfg->mask, .reveal_secs = cfg->reveal_secs, .fixed_now = cfg->fixed_now,
                     .sla_ms = cfg->sla_ms, .views = cfg->views, .nviews = cfg->nviews,
                     .request_timeout_ms = cfg->worker.total_timeout_ms, .source = ui->file ? ui->source : NULL };
    model_init(&ui->m, &env);
    return 0;
}

static void finish(Ui *ui)
{
    fileload_free(ui->file); /* it posts to the worker: first */
    worker_stop(ui->worker);
    render_free(ui); /* before the screen goes: delscreen frees every window itself */
    term_stop();
    if (ui->m.mono)
        model_free(&ui->m);
    export_free(&ui->exp); /* a half-written export leaves nothing */
    prompt_free(&ui->prompt);
    help_free(&ui->help);
    script_free(ui->script);
    audit_close(ui->audit);
    free(ui);
}

/* The status bar's line for the config's warnings: the first (file:line:col: what), and
 * how many more. */
static const char *config_warning_summary(const UiConfig *cfg, char *buf, size_t n)
{
    size_t first = strcspn(cfg->warnings, "\n");
    if (cfg->nwarnings == 1)
        snprintf(buf, n, "%.*s", (int)first, cfg->warnings);
    else
        snprintf(buf, n, "%.*s (and %zu more: regdesk --check-config)", (int)first, cfg->warnings,
                 cfg->nwarnings - 1);
    return buf;
}

int ui_run(const UiConfig *cfg, char *err, size_t n)
{
    char summary[900];
    err[0] = '\0';
    setlocale(LC_ALL, "");
    bool utf8 = !strcmp(nl_langinfo(CODESET), "UTF-8");
    glyphs_set_ascii(!utf8);
    draw_set_utf8(utf8);
    Ui *ui = xcalloc(1, sizeof *ui);
    ui->cfg = cfg;
    ui->sig_fd = -1;
    prompt_init(&ui->prompt);
    help_init(&ui->help, &ui->prompt, &ui->layers);
    sortmenu_init(&ui->sortmenu);
    viewmenu_init(&ui->viewmenu);
    decide_box_init(&ui->decide);
    resend_box_init(&ui->resend);
    create_box_init(&ui->create);
    int rc = prepare(ui, cfg, err, n);
    if (!rc && !term_start(cfg, err, n))
        rc = UI_EXIT_USAGE;
    if (rc) {
        finish(ui);
        return rc;
    }
    ui->mouse = cfg->mouse && cfg->headless_cols <= 0;
    ui->theme = cfg->theme;
    term_set_mouse(ui->mouse);
    render_init(ui);
    ui->dirty = R_ALL;
    ui->last_input = model_mono(&ui->m);
    if (!utf8)
        model_message(&ui->m, SL_STATUS_WARN, 0, "the locale is not UTF-8: names are shown with ? (set LANG=C.UTF-8)");
    ui->dirty |= model_start(&ui->m, cfg->start_view, cfg->filter, cfg->sort != NULL);
    if (cfg->nwarnings) /* after the start view's own message: this one matters more */
        ui->dirty |= model_message(&ui->m, SL_STATUS_WARN, 0, "%s", config_warning_summary(cfg, summary, sizeof summary));
    rc = ui_loop(ui);
    if (!rc && *ui->m.load.file_err) { /* seen on screen; said again after it, for a script's log too */
        snprintf(err, n, "%s", ui->m.load.file_err);
        rc = UI_EXIT_INTERNAL;
    }
    finish(ui);
    return rc;
}
