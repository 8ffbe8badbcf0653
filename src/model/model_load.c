/* Loading the list (when the filter's server side changed, or on r) and the header's
 * counts over what is loaded. */
#include <stdio.h>
#include <string.h>

#include "core/safetext.h"
#include "core/sla.h"
#include "core/sort.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "model/model_internal.h"

enum {
    RECOUNT_MS = 300,
    REFRESH_MAX = 100, /* rows asked for one by one after r, at most */
};

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

unsigned model_load(Model *m, bool force)
{
    Load *l = &m->load;
    if (m->source && l->started)
        return 0; /* an export is read once, whole: every filter is answered here */
    ServerParams sp = { .created_gte = TIME_NONE, .created_lte = TIME_NONE };
    if (!l->have_all && !m->source) /* else every record, whatever the filter: the store keeps them all */
        filter_server_params(view_filter(&m->view), &sp);
    char key[sizeof l->params];
    server_key(&sp, key, sizeof key);
    l->server_due = 0;
    if (!force && l->started && (l->have_all || !strcmp(key, l->params)))
        return 0; /* everything is here, or the same request is running or done */
    m->gen++;
    m->jobs.cancel_before(m->jobs.ctx, m->gen);
    ListQuery q = { .server = sp, .sort = sort_server_param(m->view.sort) };
    l->job = m->jobs.list(m->jobs.ctx, &q, m->gen);
    store_begin_load(&m->store); /* a repeat within this load is a duplicate the status bar counts */
    l->active = l->started = true;
    l->refresh = false;
    l->seen = xgrow(l->seen, &l->seen_cap, m->store.n + 1, 1);
    memset(l->seen, 0, l->seen_cap);
    l->news_at = m->mono();
    l->loaded = 0;
    l->total = -1;
    l->failed_pages = 0;
    l->retry_until = 0;
    snprintf(l->params, sizeof l->params, "%s", key);
    detail_job_cancelled(m);
    return R_STATUS;
}

unsigned model_needs_api(Model *m, const char *doing)
{
    return model_message(m, SL_STATUS_WARN, 6, "this is an export opened with --file: %s needs the API; open the dashboard "
                         "without --file", doing);
}

unsigned load_file_done(Model *m, const Result *res)
{
    Load *l = &m->load;
    l->active = false;
    l->loaded = res->loaded;
    l->total = res->loaded;
    l->bytes = res->bytes;
    l->bytes_total = res->bytes_total;
    l->retry_until = 0;
    l->have_all = true;
    if (res->error != EC_NONE && !m->store.n)
        safetext_format(l->file_err, sizeof l->file_err, "%s", res->message);
    unsigned r = 0;
    if (*res->message)
        r = model_message(m, res->error != EC_NONE ? SL_STATUS_ERR : SL_STATUS_WARN, 0, "%s", res->message);
    else if (m->store.load_dups)
        r = model_message(m, SL_STATUS_WARN, 0, "%zu registration(s) in the export have an id that came earlier in it; "
                          "the later copy of each is shown", m->store.load_dups);
    return r | R_STATUS | R_LIST | R_HEADER;
}

unsigned model_reload(Model *m)
{
    if (m->source)
        return model_needs_api(m, "reloading");
    unsigned r = model_load(m, true);
    m->load.refresh = true;
    if (model_detail_visible(m)) {
        r |= detail_follow_now(m);
        r |= detail_request(m, true);
    }
    r |= model_message(m, SL_STATUSBAR, 2, "reloading");
    return model_settle(m, r);
}

void load_saw(Model *m, size_t rec)
{
    Load *l = &m->load;
    l->seen = xgrow(l->seen, &l->seen_cap, rec + 1, 1);
    l->seen[rec] = 1;
}

unsigned load_refresh_missing(Model *m)
{
    Load *l = &m->load;
    if (!l->refresh || l->failed_pages || !l->params[0])
        return 0; /* not r, an incomplete answer, or everything came back anyway */
    l->refresh = false;
    size_t missing = 0, asked = 0;
    for (size_t i = 0; i < m->view.n; i++) {
        uint32_t rec = m->view.idx[i];
        if ((rec < l->seen_cap && l->seen[rec]) || (m->det.job && m->det.job_rec == (long)rec))
            continue;
        missing++;
        if (asked < REFRESH_MAX && m->jobs.retrieve(m->jobs.ctx, summary_str(m->store.recs[rec], SS_ID), m->gen))
            asked++;
    }
    if (!missing)
        return 0;
    if (asked < missing)
        return model_message(m, SL_STATUS_WARN, 0, "%zu registrations in this view changed elsewhere; %zu asked for "
                             "again (r asks for the rest)", missing, asked);
    return model_message(m, SL_STATUSBAR, 4, "%zu registration%s in this view changed elsewhere; asked for %s again",
                         missing, missing == 1 ? "" : "s", missing == 1 ? "it" : "them");
}

static void count_one(Counts *c, const Summary *s, int64_t now, int64_t sla_ms)
{
    c->by_status[summary_status(s)]++;
    int64_t since = summary_review_since(s);
    if (since == TIME_NONE)
        return;
    c->overdue += summary_overdue(s, now, sla_ms);
    if (c->oldest_review_ms == TIME_NONE || since < c->oldest_review_ms)
        c->oldest_review_ms = since;
}

void counts_recount(Model *m)
{
    Counts *c = &m->counts;
    memset(c->by_status, 0, sizeof c->by_status);
    c->overdue = 0;
    c->oldest_review_ms = TIME_NONE;
    int64_t now = model_now(m);
    for (size_t i = 0; i < m->store.n; i++)
        count_one(c, m->store.recs[i], now, m->sla_ms);
    c->dirty = false;
    c->due = m->mono() + RECOUNT_MS;
}

void counts_add(Model *m, size_t rec)
{
    if (!m->counts.dirty) /* else the recount that is due takes it in */
        count_one(&m->counts, m->store.recs[rec], model_now(m), m->sla_ms);
}
