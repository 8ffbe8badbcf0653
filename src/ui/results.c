/* What the worker sends back: pages merge into the store and the view, populated records
 * attach to theirs, retries and errors reach the status bar. Loaded data is never
 * dropped on an error. Also: starting a load when the filter's server side changed, and
 * the header's counts. */
#include <stdio.h>
#include <string.h>

#include "core/safetext.h"
#include "core/sla.h"
#include "core/sort.h"
#include "core/timeutil.h"
#include "ui/app.h"
#include "ui/script.h"

/* The server side of the current filter as text, to tell whether it changed. */
static void server_key(const ServerParams *sp, char *buf, size_t n)
{
    StrBuf b = STRBUF_INIT;
    for (size_t i = 0; i < sp->n_status; i++)
        strbuf_printf(&b, "s=%s;", status_name(sp->in_status[i]));
    const struct {
        const char *name, *v;
    } strs[] = { { "step", sp->current_step }, { "project", sp->project }, { "flow", sp->flow },
                 { "name", sp->like_name },    { "email", sp->like_email }, { "phone", sp->like_phone } };
    for (size_t i = 0; i < sizeof strs / sizeof *strs; i++)
        if (strs[i].v)
            strbuf_printf(&b, "%s=%s;", strs[i].name, strs[i].v);
    if (sp->like_or)
        strbuf_puts(&b, "or;");
    if (sp->created_gte != TIME_NONE)
        strbuf_printf(&b, "gte=%lld;", (long long)sp->created_gte);
    if (sp->created_lte != TIME_NONE)
        strbuf_printf(&b, "lte=%lld;", (long long)sp->created_lte);
    fmt_bounded(buf, n, "%s", strbuf_cstr(&b));
    strbuf_free(&b);
}

void load_start(App *a, bool force)
{
    ServerParams sp;
    filter_server_params(a->view.filter, &sp);
    char key[sizeof a->load.params];
    server_key(&sp, key, sizeof key);
    a->load.server_due = 0;
    if (!force && a->load.started) {
        if (!strcmp(key, a->load.params))
            return; /* the same request is running or done */
        if (a->load.have_all && !a->load.active)
            return; /* everything is loaded: the filter is answered here */
    }
    a->gen++;
    worker_cancel_before(a->worker, a->gen);
    ListQuery q = { .server = sp, .sort = sort_server_param(a->view.sort) };
    Load *l = &a->load;
    l->job = worker_list(a->worker, &q, a->gen);
    l->active = l->started = true;
    l->loaded = 0;
    l->total = -1;
    l->failed_pages = 0;
    l->retry_until = 0;
    snprintf(l->params, sizeof l->params, "%s", key);
    if (a->det.job) { /* cancelled with the old generation: ask again */
        a->det.job = 0;
        if (app_detail_visible(a))
            a->det.fetch_due = time_mono_ms();
    }
    a->dirty |= D_STATUS;
}

/* ---- counts ------------------------------------------------------------------------------ */

void counts_recount(App *a)
{
    Counts *c = &a->counts;
    memset(c->by_status, 0, sizeof c->by_status);
    c->overdue = 0;
    c->oldest_review_ms = TIME_NONE;
    int64_t now = app_now(a);
    for (size_t i = 0; i < a->store.n; i++) {
        const Summary *s = a->store.recs[i];
        c->by_status[summary_status(s)]++;
        int64_t since = summary_review_since(s);
        if (since == TIME_NONE)
            continue;
        c->overdue += summary_overdue(s, now);
        if (c->oldest_review_ms == TIME_NONE || since < c->oldest_review_ms)
            c->oldest_review_ms = since;
    }
    c->dirty = false;
    c->due = time_mono_ms() + 300;
    a->dirty |= D_HEADER;
}

/* ---- results ------------------------------------------------------------------------------ */

static void touched(App *a, size_t idx, bool inserted)
{
    if (inserted)
        view_note_new(&a->view, (uint32_t)idx);
    else
        view_note_changed(&a->view, (uint32_t)idx);
    detail_record_changed(a, (long)idx);
}

static void take_page(App *a, Result *r)
{
    Page *p = &r->page;
    for (size_t i = 0; i < p->n; i++) {
        bool ins;
        size_t idx = store_put(&a->store, p->items[i], &ins);
        touched(a, idx, ins);
    }
    p->n = 0; /* the store owns the summaries now */
    a->load.loaded = r->loaded;
    a->load.total = r->total;
    a->load.retry_until = 0;
    a->auth_failed = false;
    a->counts.dirty = true;
    a->dirty |= D_STATUS | D_HEADER;
    if (a->view.sel_rec < 0) /* the first rows show at once; later ones in batches */
        app_flush(a);
}

static void take_detail(App *a, Result *r)
{
    bool was = store_find(&a->store, summary_str(r->detail->summary, SS_ID)) >= 0;
    size_t idx = store_put_detail(&a->store, r->detail);
    r->detail = NULL;
    touched(a, idx, !was);
    if (r->job == a->det.job)
        a->det.job = 0;
    if ((long)idx == a->det.err_rec)
        a->det.err_rec = -1;
    a->auth_failed = false;
    a->counts.dirty = true;
    a->dirty |= D_DETAIL | D_STATUS;
}

static void take_error(App *a, Result *r)
{
    if (r->error == EC_AUTH)
        a->auth_failed = true;
    if (r->job == a->det.job && a->det.job) {
        a->det.err_rec = a->det.job_rec;
        safetext_format(a->det.err, sizeof a->det.err, "%s", r->message);
        a->det.job = 0;
        a->dirty |= D_DETAIL;
    }
    if (r->error == EC_AUTH)
        app_message(a, SL_STATUS_ERR, 0, "the API refused the token (%s)", r->message);
    else if (r->error == EC_NETWORK)
        app_message(a, SL_STATUS_ERR, 0, "offline: %s (r retries)", r->message);
    else
        app_message(a, SL_STATUS_ERR, 0, "%s", r->message);
}

static void take_retrying(App *a, Result *r)
{
    Load *l = &a->load;
    l->retry_until = time_mono_ms() + r->retry_in_ms;
    safetext_format(l->retry, sizeof l->retry, "%s", r->message);
    if (r->error == EC_AUTH)
        a->auth_failed = true;
    a->dirty |= D_STATUS;
}

static void take_done(App *a, Result *r)
{
    if (r->job != a->load.job)
        return;
    Load *l = &a->load;
    l->active = false;
    l->loaded = r->loaded;
    if (r->total >= 0)
        l->total = r->total;
    l->failed_pages = r->failed_pages;
    l->retry_until = 0;
    l->have_all = !r->failed_pages && !l->params[0];
    app_flush(a);
    a->dirty |= D_STATUS | D_LIST | D_HEADER;
}

static void apply(App *a, Result *r)
{
    if (r->generation != a->gen && r->kind != RES_DETAIL)
        return; /* from a load that was replaced */
    switch (r->kind) {
    case RES_PAGE: take_page(a, r); break;
    case RES_LIST_DONE: take_done(a, r); break;
    case RES_DETAIL: take_detail(a, r); break;
    case RES_RETRYING: take_retrying(a, r); break;
    case RES_ERROR: take_error(a, r); break;
    default: break;
    }
}

void results_drain(App *a)
{
    Result *r;
    while ((r = worker_poll(a->worker))) {
        apply(a, r);
        result_free(r);
        if (script_ready(a))
            break;
    }
}
