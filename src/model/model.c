/* The model's life, its timers, what the worker sends back, and the screen's geometry.
 * The model's files call downwards only: model.c, then model_list.c, model_load.c,
 * model_detail.c (where model_settle is), model_privacy.c, model_state.c. */
#include "model/model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/safetext.h"
#include "core/timeutil.h"
#include "model/model_internal.h"

enum { AGE_REFRESH_MS = 30000 }; /* ages in the list and the detail move on */

/* ---- life --------------------------------------------------------------------------------- */

void model_init(Model *m, const ModelEnv *env)
{
    memset(m, 0, sizeof *m);
    m->jobs = env->jobs;
    m->host = env->host;
    m->labels = env->labels;
    m->n_labels = env->n_labels;
    m->source = env->source;
    m->ref.every_ms = env->refresh_ms > 0 && !env->source ? env->refresh_ms : 0; /* an export does not change */
    m->dec.rec = -1;
    m->fixed_now = env->fixed_now;
    m->sla_ms = env->sla_ms;
    m->mono = env->mono ? env->mono : time_mono_ms;
    m->views = env->views ? env->views : views_builtin(&m->nviews);
    if (env->views)
        m->nviews = env->nviews;
    m->request_timeout_ms = env->request_timeout_ms;
    store_init(&m->store);
    view_init(&m->view, env->sort);
    m->related = related_new();
    dl_init(&m->det.lines);
    m->det.rec = m->det.err_rec = m->det.job_rec = -1;
    m->geo.list_rows = m->geo.detail_rows = 1;
    m->counts.oldest_review_ms = TIME_NONE; /* counts_add takes records in from the first */
    m->age_due = m->mono() + AGE_REFRESH_MS;
    privacy_init(&m->privacy, env->mask, env->reveal_secs);
}

void model_free(Model *m)
{
    acts_free(m);
    view_free(&m->view);
    store_free(&m->store);
    related_free(m->related);
    filter_free(m->search);
    free(m->load.seen);
    dfind_clear(&m->det.find);
    dl_free(&m->det.lines);
    memset(m, 0, sizeof *m);
}

/* The view that shows what an unfiltered list newest first shows ("All"), or 0. */
static int plain_view(const Model *m)
{
    for (size_t i = 0; i < m->nviews; i++)
        if (!*m->views[i].filter && !strcmp(m->views[i].sort, "-created"))
            return (int)i + 1;
    return 0;
}

unsigned model_start(Model *m, int start_view, const char *filter, bool sort_given)
{
    unsigned r = R_ALL;
    SortSpec sort = m->view.sort;
    if (start_view > 0) {
        r |= model_apply_view(m, start_view);
        if (sort_given)
            view_set_sort(&m->view, &m->store, sort);
    } else if ((!filter || !*filter) && !sort_given) {
        m->view_no = plain_view(m); /* what the screen shows */
    }
    if (filter && *filter) {
        char *safe = safetext_dup(filter, strlen(filter), SAFE_LINE);
        FilterError err;
        bool ok;
        r |= model_set_filter(m, safe, false, &err, &ok);
        if (!ok)
            r |= model_message(m, SL_STATUS_ERR, 0, "the start-up filter was not applied: %s", err.msg);
        else
            m->view_no = 0; /* the filter replaced the start view's */
        free(safe);
    }
    return model_settle(m, r | model_load(m, !m->load.started)); /* a start view has loaded already */
}

/* ---- time --------------------------------------------------------------------------------- */

unsigned model_flush(Model *m)
{
    return model_settle(m, model_merge_pending(m));
}

/* Ages on screen move on: the counts (overdue) and the detail's lines hold them too. */
static unsigned ages(Model *m, int64_t now, int64_t *next)
{
    unsigned r = 0;
    if (now >= m->age_due) {
        m->age_due = now + AGE_REFRESH_MS;
        m->counts.dirty = true;
        m->det.built.valid = false; /* a repaint alone would draw the old ages */
        r = R_LIST | R_DETAIL;
    }
    *next = time_earliest(*next, m->age_due);
    return r;
}

unsigned model_tick(Model *m, int64_t *next_out)
{
    int64_t now = m->mono(), next = 0;
    unsigned r = 0;
    if (view_busy(&m->view)) { /* a slice now; the next one after a look at the input */
        if (view_work(&m->view, &m->store))
            r |= R_LIST | R_HEADER | R_STATUS | R_SEL_MOVED;
        else
            next = now;
    }
    if (view_has_pending(&m->view) && !view_busy(&m->view)) {
        if (now >= m->view_due || !m->load.active)
            r |= model_flush(m);
        else
            next = time_earliest(next, m->view_due);
    }
    if (m->counts.dirty) {
        if (now >= m->counts.due) {
            counts_recount(m);
            r |= R_HEADER;
        } else {
            next = time_earliest(next, m->counts.due);
        }
    }
    next = time_earliest(next, detail_tick(m, now, &r));
    next = time_earliest(next, refresh_tick(m, now, &r));
    next = time_earliest(next, privacy_tick(m, now, &r));
    bool stopped;
    next = time_earliest(next, watch_tick(m, now, &r, &stopped));
    if (stopped)
        r |= model_message(m, SL_STATUS_ERR, 0, "the list stopped answering: no news for %g s, the request's "
                           "--timeout; r loads it again", (double)m->request_timeout_ms / 1000) |
             model_flush(m) | R_LIST | R_HEADER;
    if (m->load.server_due) {
        if (now >= m->load.server_due)
            r |= model_load(m, false);
        else
            next = time_earliest(next, m->load.server_due);
    }
    if (m->msg.until) {
        if (now >= m->msg.until) {
            m->msg.text[0] = '\0';
            m->msg.until = 0;
            r |= R_STATUS;
        } else {
            next = time_earliest(next, m->msg.until);
        }
    }
    r |= ages(m, now, &next);
    *next_out = next;
    return model_settle(m, r);
}

/* ---- results ------------------------------------------------------------------------------ */

/* How many records the load will bring, as far as it can tell: the total the server
 * announced, or for a file the records so far scaled by its bytes; 0 when unknown. */
static size_t expected_records(const Result *res)
{
    if (res->total > 0)
        return (size_t)res->total;
    if (res->loaded > 0 && res->bytes > 0 && res->bytes_total > res->bytes)
        return (size_t)((double)res->loaded * (double)res->bytes_total / (double)res->bytes);
    return 0;
}

static unsigned take_page(Model *m, Result *res)
{
    Page *p = &res->page;
    unsigned r = R_STATUS | R_HEADER;
    store_reserve(&m->store, expected_records(res));
    for (size_t i = 0; i < p->n; i++) {
        size_t idx;
        r |= model_put_summary(m, p->items[i], &idx);
        load_saw(m, idx);
    }
    p->n = 0; /* the store owns the summaries now */
    m->load.loaded = res->loaded;
    m->load.total = res->total;
    m->load.bytes = res->bytes;
    m->load.bytes_total = res->bytes_total;
    m->load.retry_until = 0;
    m->auth_failed = false;
    if (m->view.sel_rec < 0) /* the first rows show at once; later ones in batches */
        r |= model_flush(m);
    return r;
}

static unsigned take_detail(Model *m, Result *res)
{
    unsigned r = model_put_detail(m, res->detail, NULL);
    res->detail = NULL;
    if (res->job == m->det.job)
        m->det.job = 0;
    m->auth_failed = false;
    return r;
}

/* The token was refused: the worker's sentence already says where the token came from
 * and what to do (net/token token_refused_sentence); the status bar shows it as it is,
 * until a load succeeds. */
static unsigned refused(Model *m, const Result *res)
{
    m->auth_failed = true;
    safetext_format(m->auth, sizeof m->auth, "%s", res->message);
    return R_STATUS | R_LIST;
}

static unsigned take_error(Model *m, const Result *res)
{
    unsigned r = 0;
    if (res->error == EC_AUTH)
        r |= refused(m, res);
    if (res->job == m->det.job && m->det.job) {
        m->det.err_rec = m->det.job_rec;
        msg_format(m->det.err, sizeof m->det.err, "%s", res->message); /* quotes kept: the pane shortens them */
        m->det.job = 0;
        r |= R_DETAIL;
    }
    if (res->error == EC_AUTH)
        return r;
    if (res->error == EC_NETWORK)
        return r | model_message(m, SL_STATUS_ERR, 0, "offline: %s (r retries)", res->message);
    return r | model_message(m, SL_STATUS_ERR, 0, "%s", res->message);
}

static unsigned take_retrying(Model *m, const Result *res)
{
    Load *l = &m->load;
    l->retry_until = m->mono() + res->retry_in_ms;
    safetext_format(l->retry, sizeof l->retry, "%s", res->message);
    return R_STATUS | (res->error == EC_AUTH ? refused(m, res) : 0);
}

static unsigned take_done(Model *m, const Result *res)
{
    if (res->job != m->load.job)
        return 0;
    if (m->source)
        return load_file_done(m, res) | model_flush(m);
    Load *l = &m->load;
    l->active = false;
    l->loaded = res->loaded;
    if (res->total >= 0)
        l->total = res->total;
    l->failed_pages = res->failed_pages;
    l->retry_until = 0;
    /* a filtered refresh keeps a store that had everything; a capped load never has it */
    l->have_all = !res->capped && (l->have_all || (!res->failed_pages && !l->params[0]));
    refresh_load_done(m);
    unsigned r = 0;
    if (res->capped || res->data_changed) /* the worker's sentence: a cap, or a list that moved */
        r = model_message(m, SL_STATUS_ERR, 0, "%s; r loads it again", res->message);
    else if (m->store.load_dups)
        r = model_message(m, SL_STATUSBAR, 0, "dropped %zu duplicate registration(s): the API sent the same id on "
                          "more than one page", m->store.load_dups);
    r |= model_flush(m);
    return r | load_refresh_missing(m) | R_STATUS | R_LIST | R_HEADER;
}

unsigned model_apply(Model *m, Result *res)
{
    unsigned r = 0;
    if (decide_result(m, res, &r) || resend_result(m, res, &r) || create_result(m, res, &r) ||
        refresh_result(m, res, &r))
        return model_settle(m, r); /* the actions' own jobs, told apart by job id */
    if (res->generation != m->gen && res->kind != RES_DETAIL)
        return 0; /* from a load that was replaced */
    if (res->job == m->load.job)
        m->load.news_at = m->mono();
    switch (res->kind) {
    case RES_PAGE: r = take_page(m, res); break;
    case RES_LIST_DONE: r = take_done(m, res); break;
    case RES_DETAIL: r = take_detail(m, res); break;
    case RES_RETRYING: r = take_retrying(m, res); break;
    case RES_ERROR: r = take_error(m, res); break;
    default: break;
    }
    return model_settle(m, r);
}

/* ---- the screen --------------------------------------------------------------------------- */

unsigned model_set_geometry(Model *m, const Geometry *g)
{
    bool screen = g->list_rows > 0; /* 0: too small for panes; keep what was */
    m->geo.detail_shown = g->detail_shown;
    if (screen) {
        m->geo = *g;
        view_set_rows(&m->view, g->list_rows);
        if (!g->detail_shown && m->focus == FOCUS_DETAIL)
            m->focus = FOCUS_LIST;
    }
    m->det.built.valid = false;
    return model_settle(m, R_LIST | R_DETAIL | R_STATUS | detail_follow_now(m));
}

unsigned model_escape(Model *m)
{
    unsigned r = 0;
    if (m->zoom) {
        m->zoom = false;
        r = R_LAYOUT;
    } else if (m->focus == FOCUS_DETAIL || (!m->geo.wide && m->detail_open)) {
        m->focus = FOCUS_LIST;
        if (!m->geo.wide && m->detail_open) {
            m->detail_open = false;
            r |= R_LAYOUT;
        }
        r |= R_LIST | R_DETAIL;
    } else if (m->msg.text[0]) {
        m->msg.text[0] = '\0';
        r = R_STATUS;
    } else if (m->search) {
        filter_free(m->search);
        m->search = NULL;
        m->search_text[0] = '\0';
        r = R_LIST | R_HEADER;
    }
    return model_settle(m, r);
}
