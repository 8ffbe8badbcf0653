/* The live queue: every refresh_ms the list asks the API for what changed, newest change
 * first (sort=-updatedAt, documented for the list like any sort), one page at a time
 * until a page reaches records no newer than the last look, and merges them in place.
 * New and changed rows are marked until the reviewer has had them selected; the row under
 * the cursor stays where it is (the view pins it) until the cursor leaves it. A status or
 * step in the filter is not sent, so a case another reviewer decided comes back and
 * leaves the queue here too; past REFRESH_PAGES_MAX pages, everything is reloaded. */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "model/model_internal.h"

enum { REFRESH_PAGES_MAX = 10 };

static void post(Model *m)
{
    Refresh *f = &m->ref;
    ServerParams sp;
    filter_server_params(m->view.filter, &sp);
    sp.n_status = 0;         /* a decided case must come back, to leave the queue */
    sp.current_step = NULL;  /* steps move on */
    ListQuery q = { .server = sp, .sort = "-updatedAt", .page = f->page };
    f->job = m->jobs.list(m->jobs.ctx, &q, m->gen);
}

int64_t refresh_tick(Model *m, int64_t now, unsigned *r)
{
    (void)r;
    Refresh *f = &m->ref;
    if (!f->every_ms || f->paused || f->job || m->load.active || !f->due)
        return 0; /* off, paused, on its way, or waiting for the load to finish */
    if (now < f->due)
        return f->due;
    f->page = 1;
    f->newest = f->watermark;
    f->reached = false;
    post(m);
    return 0;
}

void refresh_load_done(Model *m)
{
    Refresh *f = &m->ref;
    int64_t newest = TIME_NONE;
    for (size_t i = 0; i < m->store.n; i++)
        if (m->store.recs[i]->updated_ms > newest)
            newest = m->store.recs[i]->updated_ms;
    if (newest > f->watermark)
        f->watermark = newest;
    if (f->every_ms)
        f->due = m->mono() + f->every_ms;
}

static void mark(Model *m, size_t idx)
{
    Refresh *f = &m->ref;
    if (idx >= f->nmarks) {
        size_t n = m->store.n > idx ? m->store.n : idx + 1;
        f->marks = xrealloc(f->marks, n);
        memset(f->marks + f->nmarks, 0, n - f->nmarks);
        f->nmarks = n;
    }
    if (!f->marks[idx]) {
        f->marks[idx] = 1;
        f->marked++;
    }
}

/* Is this summary news, against what the store has? */
static bool news(const Model *m, const Summary *s)
{
    long at = store_find(&m->store, summary_str(s, SS_ID));
    if (at < 0)
        return true;
    const Summary *old = m->store.recs[at];
    return old->updated_ms != s->updated_ms || old->status != s->status;
}

static unsigned take(Model *m, Page *p)
{
    Refresh *f = &m->ref;
    unsigned r = 0;
    long sel = model_selected(m);
    m->view.pin_rec = sel; /* the row under the cursor does not move */
    for (size_t i = 0; i < p->n; i++) {
        Summary *s = p->items[i];
        if (s->updated_ms != TIME_NONE && s->updated_ms > f->newest)
            f->newest = s->updated_ms;
        if (s->updated_ms == TIME_NONE || s->updated_ms <= f->watermark)
            f->reached = true; /* from here on, nothing is newer than the last look */
        if (!news(m, s)) {
            free(s);
            continue;
        }
        size_t idx;
        r |= model_put_summary(m, s, &idx);
        if ((long)idx != sel)
            mark(m, idx);
    }
    if (p->n == 0 || (p->pages >= 0 && f->page >= p->pages))
        f->reached = true;
    p->n = 0;
    return r | R_STATUS;
}

/* One look done: what it saw becomes the watermark, and the next one is due. */
static unsigned finish(Model *m)
{
    Refresh *f = &m->ref;
    if (f->newest > f->watermark)
        f->watermark = f->newest;
    f->due = m->mono() + f->every_ms;
    f->done++;
    return model_merge_pending(m);
}

bool refresh_result(Model *m, Result *res, unsigned *r)
{
    Refresh *f = &m->ref;
    if (!f->job || res->job != f->job)
        return false;
    *r = 0;
    if (res->generation != m->gen) { /* a new load replaced it; the load's end sets the next one */
        f->job = 0;
        return true;
    }
    switch (res->kind) {
    case RES_PAGE: *r = take(m, &res->page); break;
    case RES_LIST_DONE:
        f->job = 0;
        if (f->reached) {
            *r = finish(m);
        } else if (f->page < REFRESH_PAGES_MAX) {
            f->page++;
            post(m);
        } else { /* more changed than it is worth paging through */
            *r = model_load(m, true) | model_message(m, SL_STATUSBAR, 3, "many changes: reloading the list");
        }
        break;
    case RES_ERROR:
        f->job = 0;
        f->due = m->mono() + f->every_ms; /* the next look tries again; a reload says more */
        if (!m->msg.text[0])
            *r = model_message(m, SL_STATUS_WARN, 5, "live refresh: %s", res->message);
        break;
    default: break;
    }
    return true;
}

unsigned model_toggle_pause(Model *m)
{
    Refresh *f = &m->ref;
    if (m->source)
        return model_needs_api(m, "the live refresh");
    if (!f->every_ms)
        return model_message(m, SL_STATUS_WARN, 4,
                             "the live refresh is off (set refresh in the config, or --refresh SECONDS, turns it on)");
    f->paused = !f->paused;
    if (!f->paused && !m->load.active)
        f->due = m->mono(); /* back: look at once */
    return R_STATUS | R_HEADER;
}
