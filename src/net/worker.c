/* The worker's public side: job submission, cancellation, the result queue, start and
 * stop. The thread itself (scheduling, retries, completions) is in worker_loop.c. */
#include "net/worker.h"

#include <curl/curl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include "core/timeutil.h"
#include "core/xalloc.h"
#include "net/token.h"
#include "net/worker_internal.h"

void worker_config_defaults(WorkerConfig *c)
{
    memset(c, 0, sizeof *c);
    c->parallel = 4;
    c->page_size = 100;
    c->connect_timeout_ms = 10000;
    c->low_speed_bytes = 100;
    c->low_speed_time_s = 15;
    c->total_timeout_ms = 60000;
    c->max_response = 32u << 20;
    c->max_records = 5000000;
    c->max_memory = (size_t)2 << 30;
    c->max_retries = 4;
    c->retry_base_ms = 500;
    c->retry_max_ms = 30000;
}

bool worker_global_init(char *err, size_t n)
{
    signal(SIGPIPE, SIG_IGN); /* with CURLOPT_NOSIGNAL, OpenSSL may raise it */
    CURLcode rc = curl_global_init(CURL_GLOBAL_ALL);
    if (rc != CURLE_OK)
        snprintf(err, n, "cannot initialise libcurl: %s", curl_easy_strerror(rc));
    return rc == CURLE_OK;
}

void worker_global_cleanup(void)
{
    curl_global_cleanup();
}

void result_free(Result *r)
{
    if (!r)
        return;
    page_free(&r->page);
    detail_free(r->detail);
    token_free(r->token);
    project_page_free(&r->projects);
    free(r);
}

/* ---- result queue (any thread) ------------------------------------------------------ */

/* A server can quote the token back ("invalid token …"): it never goes further. */
static void scrub(char *s, const char *token)
{
    size_t tl = token ? strlen(token) : 0;
    for (char *p; tl && (p = strstr(s, token));) {
        memcpy(p, "***", 3);
        memmove(p + 3, p + tl, strlen(p + tl) + 1);
    }
}

void worker_post(Worker *w, Result *r)
{
    scrub(r->message, w->token);
    scrub(r->api.message, w->token);
    scrub(r->api.code, w->token);
    scrub(r->api.detail, w->token);
    pthread_mutex_lock(&w->lock);
    if (r->generation < w->cancel_gen || job_cancelled(w, r->job)) {
        pthread_mutex_unlock(&w->lock);
        result_free(r);
        return;
    }
    w->results = xgrow(w->results, &w->capres, w->nres + 1, sizeof *w->results);
    w->results[w->nres++] = r;
    pthread_mutex_unlock(&w->lock);
    uint64_t one = 1;
    ssize_t wr = write(w->wake_fd, &one, sizeof one);
    (void)wr; /* an eventfd at its maximum is still readable: nothing is lost */
}

Result *job_result(ResultKind kind, const Job *job)
{
    Result *r = xcalloc(1, sizeof *r);
    r->kind = kind;
    r->job = job->id;
    r->generation = job->gen;
    r->total = -1;
    return r;
}

Result *worker_poll(Worker *w)
{
    uint64_t drained;
    ssize_t rd = read(w->wake_fd, &drained, sizeof drained);
    (void)rd; /* EAGAIN when nothing was signalled */
    pthread_mutex_lock(&w->lock);
    Result *r = NULL;
    if (w->nres) {
        r = w->results[0];
        memmove(w->results, w->results + 1, (w->nres - 1) * sizeof *w->results);
        w->nres--;
    }
    bool more = w->nres > 0;
    pthread_mutex_unlock(&w->lock);
    if (more) { /* keep the fd readable until the queue is empty */
        uint64_t one = 1;
        ssize_t wr = write(w->wake_fd, &one, sizeof one);
        (void)wr;
    }
    return r;
}

const ApiBase *worker_base(const Worker *w)
{
    return &w->cfg.base;
}

int worker_wake_fd(const Worker *w)
{
    return w->wake_fd;
}

/* ---- jobs ------------------------------------------------------------------------------ */

void job_free(Job *j)
{
    request_free(&j->req);
    free(j->want_id);
    for (size_t i = 0; i < sizeof j->strs / sizeof *j->strs; i++)
        free(j->strs[i]);
    free(j->sort);
    free(j);
}

static uint64_t submit(Worker *w, Job *j)
{
    pthread_mutex_lock(&w->lock);
    j->id = ++w->next_id;
    Job **tail = &w->inbox;
    while (*tail)
        tail = &(*tail)->next;
    *tail = j;
    w->stats.queued++;
    uint64_t id = j->id;
    pthread_mutex_unlock(&w->lock);
    curl_multi_wakeup(w->multi);
    return id;
}

static Job *new_job(JobKind kind, uint64_t gen)
{
    Job *j = xcalloc(1, sizeof *j);
    j->kind = kind;
    j->gen = gen;
    j->pages = j->first_pages = j->max_pages = j->pages_asked = -1;
    j->total = j->first_total = j->first_limit = -1;
    return j;
}

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

uint64_t worker_list(Worker *w, const ListQuery *q, uint64_t generation)
{
    Job *j = new_job(JOB_LIST, generation);
    j->sp = q->server;
    const char **ptrs[] = { &j->sp.current_step, &j->sp.project, &j->sp.flow,
                            &j->sp.like_name, &j->sp.like_email, &j->sp.like_phone };
    for (size_t i = 0; i < sizeof ptrs / sizeof *ptrs; i++)
        *ptrs[i] = j->strs[i] = dup_or_null(*ptrs[i]);
    j->sort = dup_or_null(q->sort);
    j->next_page = q->page > 0 ? q->page : 1;
    if (q->page > 0)
        j->pages = q->page; /* that page and no other */
    return submit(w, j);
}

uint64_t worker_retrieve(Worker *w, const char *id, uint64_t generation)
{
    Job *j = new_job(JOB_RETRIEVE, generation);
    j->req = request_retrieve(&w->cfg.base, id);
    j->want_id = xstrdup(id);
    return submit(w, j);
}

uint64_t worker_override(Worker *w, const char *id, Status status, const char *note, uint64_t generation)
{
    Job *j = new_job(JOB_OVERRIDE, generation);
    j->req = request_override(&w->cfg.base, id, status, note);
    j->want_id = xstrdup(id);
    return submit(w, j);
}

uint64_t worker_resend_link(Worker *w, const char *id, bool send_email, uint64_t generation)
{
    Job *j = new_job(JOB_RESEND, generation);
    j->req = request_resend_link(&w->cfg.base, id, send_email);
    return submit(w, j);
}

uint64_t worker_create(Worker *w, const CreateParams *p, uint64_t generation)
{
    Job *j = new_job(JOB_CREATE, generation);
    j->req = request_create(&w->cfg.base, p);
    return submit(w, j);
}

uint64_t worker_projects(Worker *w, int page, uint64_t generation)
{
    Job *j = new_job(JOB_PROJECTS, generation);
    j->req = request_projects(&w->cfg.base, page, PAGE_SIZE_MAX);
    return submit(w, j);
}

uint64_t worker_login(Worker *w, const char *email, uint64_t generation)
{
    Job *j = new_job(JOB_LOGIN, generation);
    j->req = request_login(&w->cfg.base, email);
    return submit(w, j);
}

uint64_t worker_login_confirm(Worker *w, const char *email, const char *otp, uint64_t generation)
{
    Job *j = new_job(JOB_CONFIRM, generation);
    j->req = request_login_confirm(&w->cfg.base, email, otp);
    return submit(w, j);
}

/* Frees queued results of a generation below `below`, or of job `job` (lock held). */
static void drop_queued(Worker *w, uint64_t below, uint64_t job)
{
    size_t keep = 0;
    for (size_t i = 0; i < w->nres; i++) {
        if (w->results[i]->generation < below || (job && w->results[i]->job == job))
            result_free(w->results[i]);
        else
            w->results[keep++] = w->results[i];
    }
    w->nres = keep;
}

void worker_cancel_before(Worker *w, uint64_t g)
{
    pthread_mutex_lock(&w->lock);
    if (g > w->cancel_gen)
        w->cancel_gen = g;
    drop_queued(w, g, 0); /* the caller never sees what is already queued either */
    pthread_mutex_unlock(&w->lock);
    curl_multi_wakeup(w->multi);
}

bool job_cancelled(const Worker *w, uint64_t id)
{
    unsigned n = w->ncancelled < CANCELLED_MAX ? w->ncancelled : CANCELLED_MAX;
    for (unsigned i = 0; i < n; i++)
        if (w->cancelled[i] == id)
            return true;
    return false;
}

void worker_cancel_job(Worker *w, uint64_t job)
{
    pthread_mutex_lock(&w->lock);
    w->cancelled[w->ncancelled++ % CANCELLED_MAX] = job;
    w->cancel_seq++;
    drop_queued(w, 0, job);
    pthread_mutex_unlock(&w->lock);
    curl_multi_wakeup(w->multi);
}

void worker_stats(Worker *w, WorkerStats *out)
{
    pthread_mutex_lock(&w->lock);
    *out = w->stats;
    pthread_mutex_unlock(&w->lock);
}

/* ---- lifecycle ------------------------------------------------------------------------- */

Worker *worker_start(const WorkerConfig *cfg, char *err, size_t n)
{
    Worker *w = xcalloc(1, sizeof *w);
    w->cfg = *cfg;
    if (w->cfg.parallel < 1)
        w->cfg.parallel = 1;
    if (w->cfg.page_size < 1 || w->cfg.page_size > PAGE_SIZE_MAX)
        w->cfg.page_size = PAGE_SIZE_MAX;
    w->token = dup_or_null(cfg->token);
    w->cacert = dup_or_null(cfg->cacert);
    w->cfg.token = NULL; /* only w->token holds it from here */
    w->cfg.cacert = w->cacert;
    w->rng = (uint64_t)time_mono_ms() * 6364136223846793005ULL ^ (uint64_t)getpid();
    w->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    w->multi = curl_multi_init();
    pthread_mutex_init(&w->lock, NULL);
    if (w->wake_fd < 0 || !w->multi) {
        snprintf(err, n, "cannot start the network worker (out of file descriptors?)");
    } else {
        curl_multi_setopt(w->multi, CURLMOPT_PIPELINING, (long)CURLPIPE_MULTIPLEX);
        /* Pages use `parallel` connections; one more stays free for a detail. */
        curl_multi_setopt(w->multi, CURLMOPT_MAX_HOST_CONNECTIONS, (long)w->cfg.parallel + 1);
        curl_multi_setopt(w->multi, CURLMOPT_MAXCONNECTS, (long)w->cfg.parallel + 1);
        if (pthread_create(&w->thread, NULL, worker_main, w) == 0)
            return w;
        snprintf(err, n, "cannot start the network worker thread");
    }
    if (w->multi)
        curl_multi_cleanup(w->multi);
    if (w->wake_fd >= 0)
        close(w->wake_fd);
    pthread_mutex_destroy(&w->lock);
    token_free(w->token);
    free(w->cacert);
    free(w);
    return NULL;
}

void worker_stop(Worker *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->lock);
    w->stopping = true;
    pthread_mutex_unlock(&w->lock);
    curl_multi_wakeup(w->multi);
    pthread_join(w->thread, NULL);
    drop_all(w);
    while (w->inbox) {
        Job *j = w->inbox;
        w->inbox = j->next;
        job_free(j);
    }
    for (size_t i = 0; i < w->nres; i++)
        result_free(w->results[i]);
    free(w->results);
    curl_multi_cleanup(w->multi);
    close(w->wake_fd);
    pthread_mutex_destroy(&w->lock);
    token_free(w->token);
    free(w->cacert);
    free(w);
}
