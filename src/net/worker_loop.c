/* The worker thread: takes jobs, turns them into transfers, runs them on the multi
 * handle with bounded page parallelism (details and actions go first), retries with
 * exponential backoff and jitter, parses what comes back, and posts results. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json_depth.h"
#include "core/timeutil.h"
#include "core/xalloc.h"
#include "net/token.h"
#include "net/worker_internal.h"

static bool is_page(const Transfer *t)
{
    return t->page_no > 0;
}

static void list_append(Transfer **list, Transfer *t)
{
    t->next = NULL;
    while (*list)
        list = &(*list)->next;
    *list = t;
}

static void list_remove(Transfer **list, Transfer *t)
{
    for (; *list; list = &(*list)->next)
        if (*list == t) {
            *list = t->next;
            return;
        }
}

static Transfer *new_transfer(Job *j, int page_no, Request req)
{
    Transfer *t = xcalloc(1, sizeof *t);
    t->job = j;
    t->page_no = page_no;
    t->req = req;
    j->active++;
    return t;
}

static void transfer_free(Transfer *t)
{
    exchange_cleanup(&t->ex);
    request_free(&t->req); /* wipes the body (a login's one-time code) */
    free(t);
}

static void stats_add(Worker *w, int in_flight, int queued, int requests, int retries, int failures)
{
    pthread_mutex_lock(&w->lock);
    w->stats.in_flight += in_flight;
    w->stats.queued += queued;
    w->stats.requests += (unsigned long)requests;
    w->stats.retries += (unsigned long)retries;
    w->stats.failures += (unsigned long)failures;
    pthread_mutex_unlock(&w->lock);
}

static void unlink_job(Worker *w, Job *j)
{
    for (Job **p = &w->jobs; *p; p = &(*p)->next)
        if (*p == j) {
            *p = j->next;
            break;
        }
    job_free(j);
}

/* ---- list jobs ------------------------------------------------------------------------- */

/* Finishes a job whose transfers are all gone. */
static void job_settle(Worker *w, Job *j)
{
    if (j->active > 0 || (j->kind == JOB_LIST && list_wants_page(j)))
        return;
    if (j->kind == JOB_LIST) {
        Result *r = job_result(RES_LIST_DONE, j);
        list_done(j, r);
        worker_post(w, r);
    }
    unlink_job(w, j);
}

static void deliver_page(Worker *w, Transfer *t, Page *p)
{
    Job *j = t->job;
    list_learn(&w->cfg, j, t->page_no, p);
    Result *r = job_result(RES_PAGE, j);
    r->page = *p;
    r->page_no = t->page_no;
    r->loaded = j->loaded;
    r->total = j->total;
    worker_post(w, r);
}

/* ---- completions ----------------------------------------------------------------------- */

static void fail(Worker *w, Transfer *t, ErrorClass ec, const ApiError *api, int http, const char *msg)
{
    Job *j = t->job;
    Result *r = job_result(RES_ERROR, j);
    r->error = ec;
    r->http = http;
    if (api)
        r->api = *api;
    if (is_page(t) && j->pages > 1)
        msg_format(r->message, sizeof r->message, "page %d of %d could not be loaded: %s", t->page_no,
                   j->pages, msg);
    else if (is_page(t) && t->page_no > 1) /* the server never said how many pages */
        msg_format(r->message, sizeof r->message, "page %d could not be loaded: %s", t->page_no, msg);
    else
        msg_format(r->message, sizeof r->message, "%s", msg);
    if (is_page(t)) {
        j->failed_pages++;
        j->more = false;
        if (t->page_no == 1)
            j->pages = 0; /* nothing to go on: stop the job */
    }
    stats_add(w, 0, 0, 0, 0, 1);
    worker_post(w, r);
}

static long backoff_ms(Worker *w, int attempt)
{
    long d = w->cfg.retry_base_ms;
    for (int i = 1; i < attempt && d < w->cfg.retry_max_ms; i++)
        d *= 2;
    if (d > w->cfg.retry_max_ms)
        d = w->cfg.retry_max_ms;
    /* Equal jitter: half fixed, half random, so clients that failed together spread out. */
    w->rng ^= w->rng << 13;
    w->rng ^= w->rng >> 7;
    w->rng ^= w->rng << 17;
    long half = d / 2;
    return half + (half > 0 ? (long)(w->rng % (uint64_t)(half + 1)) : 0);
}

/* The transfer is over for good: its job may be done too. */
static void finish(Worker *w, Transfer *t)
{
    Job *j = t->job;
    j->active--;
    transfer_free(t);
    job_settle(w, j);
}

static void fail_final(Worker *w, Transfer *t, const Verdict *v)
{
    fail(w, t, v->ec, &v->api, v->http, v->msg);
    finish(w, t);
}

static uint64_t hash_text(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h | 1;
}

/* Queues t again after a delay, or fails it: when the retries are used up, when the
 * request's time would run out first, or when the API gave the same wrong answer twice
 * (a body regdesk cannot use is no more usable the third time). */
static void retry_or_fail(Worker *w, Transfer *t, Verdict *v, bool wrong_answer)
{
    uint64_t sig = wrong_answer ? hash_text(v->msg) : 0;
    bool same = sig && sig == t->last_bad;
    t->last_bad = sig;
    long delay = backoff_ms(w, t->attempt + 1);
    if (v->retry_after_ms > delay) /* the server's Retry-After wins, already clamped */
        delay = v->retry_after_ms;
    int64_t now = time_mono_ms();
    char final[MSG_MAX] = "";
    if (same)
        msg_format(final, sizeof final, "%s (the same answer twice, so not asked again)", v->msg);
    else if (t->attempt >= w->cfg.max_retries)
        msg_format(final, sizeof final, "%s (gave up after %d attempts)", v->msg, t->attempt + 1);
    else if (now + delay >= t->deadline)
        msg_format(final, sizeof final, "%s (gave up: no answer within %g s, the request's --timeout)", v->msg,
                   (double)w->cfg.total_timeout_ms / 1000);
    if (final[0]) {
        memcpy(v->msg, final, sizeof v->msg);
        fail_final(w, t, v);
        return;
    }
    t->attempt++;
    exchange_cleanup(&t->ex);
    t->not_before = now + delay;
    list_append(&w->pending, t);
    Result *r = job_result(RES_RETRYING, t->job);
    r->error = v->ec;
    r->http = v->http;
    r->attempt = t->attempt;
    r->retry_in_ms = delay;
    msg_format(r->message, sizeof r->message, "%s; retrying in %.1f s (retry %d of %d)", v->msg, delay / 1000.0,
               t->attempt, w->cfg.max_retries);
    stats_add(w, 0, 1, 0, 1, 0);
    worker_post(w, r);
}

/* A retrieve's answer must be the record asked for. */
static bool retrieve_answer(Worker *w, Transfer *t, char *body, size_t len, char *err, size_t n)
{
    Job *j = t->job;
    Detail *d = parse_detail(body, len, err, n);
    if (!d) {
        Page p; /* a list where one record was asked for says so; anything else, what parse said */
        char ignored[80];
        if (parse_page(body, len, &p, ignored, sizeof ignored))
            msg_format(err, n, "the API answered with a list of %zu registrations where registration " QS
                       " was asked for", p.n, j->want_id);
        page_free(&p);
        return false;
    }
    const char *id = summary_str(d->summary, SS_ID);
    if ((d->summary->invalid & SUMF_ID) || strcmp(id, j->want_id)) {
        if (d->summary->invalid & SUMF_ID) /* no usable id: an empty object, or an id of a wrong type */
            msg_format(err, n, "the API's answer held no registration id where registration " QS " was asked for",
                       j->want_id);
        else
            msg_format(err, n, "the API answered with registration " QS " where registration " QS " was asked for",
                       id, j->want_id);
        detail_free(d);
        return false;
    }
    Result *r = job_result(RES_DETAIL, j);
    r->detail = d;
    worker_post(w, r);
    return true;
}

/* A 2xx body (HTTP status http): parse it on this thread and hand over typed records.
 * Returns false when the body could not be read or is not what was asked for (err says why). */
static bool deliver(Worker *w, Transfer *t, int http, char *err, size_t n)
{
    Job *j = t->job;
    StrBuf *b = &t->ex.body;
    char *body = b->s ? b->s : (char *)"";
    size_t at;
    if (json_too_deep(body, b->len, JSON_DEPTH_MAX, &at))
        return false; /* complete() says so; never retried */
    switch (j->kind) {
    case JOB_LIST: {
        Page p;
        if (!parse_page(body, b->len, &p, err, n))
            return false;
        if (!list_check(j, t->page_no, &p, err, n)) {
            page_free(&p);
            return false;
        }
        deliver_page(w, t, &p);
        return true;
    }
    case JOB_RETRIEVE:
        return retrieve_answer(w, t, body, b->len, err, n);
    case JOB_OVERRIDE: case JOB_CREATE: {
        Detail *d = parse_detail(body, b->len, err, n);
        bool ours = d && !(d->summary->invalid & SUMF_ID) &&
                    (!j->want_id || !strcmp(summary_str(d->summary, SS_ID), j->want_id));
        /* An override may answer with the sync shape instead of the record: the action
         * still happened; the caller reloads the record. */
        Result *r = job_result(ours ? RES_DETAIL : RES_DONE, j);
        r->http = http; /* an action's audit line says what answered it */
        if (ours)
            r->detail = d;
        else
            detail_free(d);
        worker_post(w, r);
        return true;
    }
    case JOB_RESEND: {
        Result *r = job_result(RES_RESEND, j);
        r->http = http;
        if (!parse_resend_link(body, b->len, &r->link, err, n)) {
            result_free(r);
            return false;
        }
        worker_post(w, r);
        return true;
    }
    case JOB_CONFIRM: {
        char *tok = parse_access_token(body, b->len);
        if (!tok) {
            snprintf(err, n, "the login answer held no token");
            return false;
        }
        Result *r = job_result(RES_TOKEN, j);
        r->token = tok;
        worker_post(w, r);
        return true;
    }
    case JOB_PROJECTS: {
        Result *r = job_result(RES_PROJECTS, j);
        if (!parse_projects(body, b->len, &r->projects, err, n)) {
            result_free(r);
            return false;
        }
        worker_post(w, r);
        return true;
    }
    case JOB_LOGIN:
        worker_post(w, job_result(RES_DONE, j));
        return true;
    }
    return false;
}

/* A redirect within the API's own address: the same request again, at once. */
static void follow(Worker *w, Transfer *t, const Verdict *v)
{
    free(t->req.url);
    t->req.url = xstrdup(v->location);
    t->redirects++;
    exchange_cleanup(&t->ex);
    t->not_before = 0;
    list_append(&w->pending, t);
    stats_add(w, 0, 1, 0, 0, 0);
}

static void complete(Worker *w, Transfer *t, CURLcode res)
{
    Verdict v;
    ExchangeCtx ctx = { t->req.method, &w->cfg, t->redirects };
    Outcome o = exchange_outcome(&t->ex, res, &ctx, &v);
    if (o == OUT_REDIRECT) {
        follow(w, t, &v);
        return;
    }
    if (o == OUT_OK) {
        char err[MSG_MAX];
        err[0] = '\0';
        if (deliver(w, t, v.http, err, sizeof err)) {
            finish(w, t);
            return;
        }
        v.ec = EC_PARSE;
        if (!err[0]) { /* too deep: the same body would come back, so it is final */
            msg_format(v.msg, sizeof v.msg, "the API's answer is nested more than %d levels deep, more than regdesk "
                       "reads; it was not asked again", JSON_DEPTH_MAX);
            fail_final(w, t, &v);
            return;
        }
        /* 200 with a body regdesk cannot use: cut, garbled or not what was asked. Reads
         * are asked again, but not a third time for the same wrong answer. */
        msg_format(v.msg, sizeof v.msg, "the API's answer could not be used: %s", err);
        if (t->req.method != M_GET) {
            fail_final(w, t, &v);
            return;
        }
        retry_or_fail(w, t, &v, true);
        return;
    }
    if (o == OUT_RETRY)
        retry_or_fail(w, t, &v, false);
    else
        fail_final(w, t, &v);
}

static void drain_done(Worker *w)
{
    CURLMsg *m;
    int left;
    while ((m = curl_multi_info_read(w->multi, &left))) {
        if (m->msg != CURLMSG_DONE)
            continue;
        Transfer *t = NULL;
        curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&t);
        CURLcode res = m->data.result;
        curl_multi_remove_handle(w->multi, m->easy_handle);
        list_remove(&w->running, t);
        if (is_page(t))
            w->pages_running--;
        stats_add(w, -1, 0, 0, 0, 0);
        complete(w, t, res);
    }
}

/* ---- scheduling ------------------------------------------------------------------------ */

static void start(Worker *w, Transfer *t)
{
    int64_t now = time_mono_ms();
    if (!t->deadline) /* the request's time runs from its first attempt, across retries */
        t->deadline = now + w->cfg.total_timeout_ms;
    if (!exchange_setup(&t->ex, &t->req, &w->cfg, w->token, t, t->deadline - now) ||
        curl_multi_add_handle(w->multi, t->ex.easy) != CURLM_OK) {
        fail(w, t, EC_NETWORK, NULL, 0, "could not set up the request (out of memory?)");
        finish(w, t);
        return;
    }
    list_append(&w->running, t);
    if (is_page(t))
        w->pages_running++;
    stats_add(w, 1, -1, 1, 0, 0);
}

/* Starts what may start now: every due detail/action transfer first, then list pages
 * while fewer than `parallel` are running. */
static void start_ready(Worker *w)
{
    int64_t now = time_mono_ms();
    for (int pass = 0; pass < 2; pass++) {
        for (Transfer **p = &w->pending; *p;) {
            Transfer *t = *p;
            bool go = t->not_before <= now &&
                      (pass == 0 ? !is_page(t) : is_page(t) && w->pages_running < w->cfg.parallel);
            if (go) {
                *p = t->next;
                start(w, t);
            } else {
                p = &t->next;
            }
        }
    }
    /* New pages of list jobs, lowest first, within the bound. */
    for (Job *j = w->jobs; j; j = j->next) {
        while (j->kind == JOB_LIST && list_wants_page(j) && w->pages_running < w->cfg.parallel) {
            int page = j->next_page++;
            Transfer *t = new_transfer(j, page, request_list(&w->cfg.base, &j->sp, j->sort, page, w->cfg.page_size));
            stats_add(w, 0, 1, 0, 0, 0);
            start(w, t);
            if (page == 1)
                break; /* wait for page 1 to learn the count */
        }
    }
}

static void adopt(Worker *w, Job *j)
{
    j->next = w->jobs;
    w->jobs = j;
    if (j->kind == JOB_LIST) {
        stats_add(w, 0, -1, 0, 0, 0);
        return; /* its pages are created by start_ready */
    }
    Transfer *t = new_transfer(j, 0, j->req);
    j->req = (Request){ 0 };
    list_append(&w->pending, t);
}

/* Which jobs go: those of a generation below `below`, and those cancelled one by one. */
typedef struct Doomed {
    uint64_t below;
    uint64_t ids[CANCELLED_MAX];
    unsigned n;
} Doomed;

static bool doomed(const Doomed *d, const Job *j)
{
    if (j->gen < d->below)
        return true;
    for (unsigned i = 0; i < d->n; i++)
        if (d->ids[i] == j->id)
            return true;
    return false;
}

static void drop_transfers(Worker *w, Transfer **list, const Doomed *d, bool running)
{
    for (Transfer **p = list; *p;) {
        Transfer *t = *p;
        if (!doomed(d, t->job)) {
            p = &t->next;
            continue;
        }
        *p = t->next;
        if (running) {
            curl_multi_remove_handle(w->multi, t->ex.easy); /* aborts the transfer */
            if (is_page(t))
                w->pages_running--;
        }
        stats_add(w, running ? -1 : 0, running ? 0 : -1, 0, 0, 0);
        t->job->active--;
        transfer_free(t);
    }
}

static void drop(Worker *w, const Doomed *d)
{
    drop_transfers(w, &w->running, d, true);
    drop_transfers(w, &w->pending, d, false);
    for (Job **p = &w->jobs; *p;) {
        Job *j = *p;
        if (doomed(d, j)) {
            *p = j->next;
            job_free(j);
        } else {
            p = &j->next;
        }
    }
}

static void cancel_before(Worker *w, uint64_t below)
{
    Doomed d = { .below = below };
    drop(w, &d);
}

/* The jobs cancelled one by one since the last look (lock not held). */
static void cancel_jobs(Worker *w)
{
    Doomed d = { .below = 0 };
    pthread_mutex_lock(&w->lock);
    bool fresh = w->cancel_seq != w->seen_cancel_seq;
    w->seen_cancel_seq = w->cancel_seq;
    d.n = w->ncancelled < CANCELLED_MAX ? w->ncancelled : CANCELLED_MAX;
    memcpy(d.ids, w->cancelled, d.n * sizeof *d.ids);
    pthread_mutex_unlock(&w->lock);
    if (fresh)
        drop(w, &d);
}

void drop_all(Worker *w)
{
    cancel_before(w, UINT64_MAX);
}

static int poll_timeout(const Worker *w)
{
    int64_t now = time_mono_ms(), next = now + 1000;
    for (const Transfer *t = w->pending; t; t = t->next) {
        if (is_page(t) && w->pages_running >= w->cfg.parallel)
            continue;
        if (t->not_before < next)
            next = t->not_before;
    }
    return next <= now ? 0 : (int)(next - now);
}

void *worker_main(void *arg)
{
    Worker *w = arg;
    for (;;) {
        pthread_mutex_lock(&w->lock);
        bool stop = w->stopping;
        uint64_t cancel = w->cancel_gen;
        Job *in = w->inbox;
        w->inbox = NULL;
        pthread_mutex_unlock(&w->lock);
        if (stop) {
            while (in) {
                Job *j = in;
                in = j->next;
                job_free(j);
            }
            break;
        }
        while (in) {
            Job *j = in;
            in = j->next;
            if (j->gen < cancel) {
                stats_add(w, 0, -1, 0, 0, 0);
                job_free(j);
            } else {
                adopt(w, j);
            }
        }
        if (cancel > w->seen_cancel) {
            cancel_before(w, cancel);
            w->seen_cancel = cancel;
        }
        cancel_jobs(w);
        start_ready(w);
        int running;
        curl_multi_perform(w->multi, &running);
        drain_done(w);
        start_ready(w);
        curl_multi_poll(w->multi, NULL, 0, poll_timeout(w), NULL);
    }
    return NULL;
}
