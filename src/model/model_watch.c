/* Nothing shows "Loading…" longer than a request may take. The worker already ends every
 * request within its timeout (with data or a sentence); this is the model's own promise
 * on top of it, whatever happens below: a retrieve with no answer, or a list load with
 * no news, for longer than the timeout (plus a little slack) is given up, cancelled and
 * said. */
#include "core/msg.h"
#include "core/timeutil.h"
#include "model/model_internal.h"

enum { WATCH_GRACE_MS = 2000 };

static unsigned detail_gave_up(Model *m)
{
    DetailModel *d = &m->det;
    m->jobs.cancel_job(m->jobs.ctx, d->job);
    d->err_rec = d->job_rec;
    msg_format(d->err, sizeof d->err, "no answer within %g s, the request's --timeout",
               (double)m->request_timeout_ms / 1000);
    d->job = 0;
    return R_DETAIL;
}

static void load_gave_up(Model *m)
{
    Load *l = &m->load;
    m->jobs.cancel_job(m->jobs.ctx, l->job);
    l->active = false;
    l->retry_until = 0;
}

int64_t watch_tick(Model *m, int64_t now, unsigned *r, bool *load_stopped)
{
    *load_stopped = false;
    long limit = m->request_timeout_ms;
    if (limit <= 0)
        return 0;
    int64_t next = 0;
    if (m->det.job) {
        int64_t due = m->det.job_since + limit + WATCH_GRACE_MS;
        if (now >= due)
            *r |= detail_gave_up(m);
        else
            next = due;
    }
    Load *l = &m->load;
    if (l->active) { /* a wait for a retry the status bar announces is not a silence */
        int64_t from = l->retry_until > l->news_at ? l->retry_until : l->news_at;
        int64_t due = from + limit + WATCH_GRACE_MS;
        if (now >= due) {
            load_gave_up(m);
            *load_stopped = true;
        } else {
            next = time_earliest(next, due);
        }
    }
    return next;
}
