/* Loading the list (when the filter's server side changed, or on r) and the header's
 * counts over what is loaded. */
#include <stdio.h>
#include <string.h>

#include "core/safetext.h"
#include "core/sla.h"
#include "core/sort.h"
#include "core/strbuf.h"
#include "model/model_internal.h"

enum { RECOUNT_MS = 300 };

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
    ServerParams sp;
    filter_server_params(m->view.filter, &sp);
    Load *l = &m->load;
    char key[sizeof l->params];
    server_key(&sp, key, sizeof key);
    l->server_due = 0;
    if (!force && l->started) {
        if (!strcmp(key, l->params))
            return 0; /* the same request is running or done */
        if (l->have_all && !l->active)
            return 0; /* everything is loaded: the filter is answered here */
    }
    m->gen++;
    m->jobs.cancel_before(m->jobs.ctx, m->gen);
    ListQuery q = { .server = sp, .sort = sort_server_param(m->view.sort) };
    l->job = m->jobs.list(m->jobs.ctx, &q, m->gen);
    l->active = l->started = true;
    l->loaded = 0;
    l->total = -1;
    l->failed_pages = 0;
    l->retry_until = 0;
    snprintf(l->params, sizeof l->params, "%s", key);
    detail_job_cancelled(m);
    return R_STATUS;
}

unsigned model_reload(Model *m)
{
    unsigned r = model_load(m, true);
    if (model_detail_visible(m)) {
        r |= detail_follow_now(m);
        r |= detail_request(m, true);
    }
    r |= model_message(m, SL_STATUSBAR, 2, "reloading");
    return model_settle(m, r);
}

void counts_recount(Model *m)
{
    Counts *c = &m->counts;
    memset(c->by_status, 0, sizeof c->by_status);
    c->overdue = 0;
    c->oldest_review_ms = TIME_NONE;
    int64_t now = model_now(m);
    for (size_t i = 0; i < m->store.n; i++) {
        const Summary *s = m->store.recs[i];
        c->by_status[summary_status(s)]++;
        int64_t since = summary_review_since(s);
        if (since == TIME_NONE)
            continue;
        c->overdue += summary_overdue(s, now);
        if (c->oldest_review_ms == TIME_NONE || since < c->oldest_review_ms)
            c->oldest_review_ms = since;
    }
    c->dirty = false;
    c->due = m->mono() + RECOUNT_MS;
}
