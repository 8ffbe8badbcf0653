#ifndef REGDESK_NET_WORKER_INTERNAL_H
#define REGDESK_NET_WORKER_INTERNAL_H
/* Shared between worker.c (the API side, any thread) and worker_loop.c (the thread). */
#include <pthread.h>
#include <stdint.h>

#include "net/http.h"
#include "net/worker.h"

enum { CANCELLED_MAX = 64 };

typedef enum JobKind {
    JOB_LIST, JOB_RETRIEVE, JOB_OVERRIDE, JOB_RESEND, JOB_CREATE, JOB_LOGIN, JOB_CONFIRM, JOB_PROJECTS
} JobKind;

typedef struct Job {
    struct Job *next;
    JobKind kind;
    uint64_t id, gen;
    Request req;       /* single-request jobs */
    char *want_id;     /* retrieve/override: the record asked for */
    /* JOB_LIST */
    ServerParams sp;
    char *strs[6];     /* owned copies behind sp's pointers */
    char *sort;
    int pages;         /* -1 until known */
    int next_page;     /* next page to start */
    int active;        /* transfers of this job pending or running */
    long loaded, total;
    int failed_pages;
    bool more;         /* pages unknown: keep going while pages come back full */
    /* what page 1 said, and what later pages changed */
    long first_total, first_limit;
    int first_pages;   /* -1 when page 1 did not say */
    int max_pages;     /* page 1's count plus the margin later pages may add */
    bool changed;
    ListCap capped;
    int pages_asked;   /* what the last page that asked for more announced */
    size_t bytes;      /* summary bytes delivered */
} Job;

typedef struct Transfer {
    struct Transfer *next;
    Job *job;
    int page_no; /* list pages: 1…; otherwise 0 */
    Request req;
    Exchange ex;
    int attempt;
    int64_t not_before;
    int64_t deadline;   /* monotonic ms: every attempt ends by then (cfg.total_timeout_ms) */
    int redirects;      /* same-origin redirects followed */
    uint64_t last_bad;  /* hash of the last wrong answer's sentence, 0 for none */
} Transfer;

struct Worker {
    WorkerConfig cfg;
    char *token;
    char *cacert;
    CURLM *multi;
    pthread_t thread;
    int wake_fd;
    pthread_mutex_t lock; /* guards everything down to `stats` */
    Job *inbox;
    Result **results;
    size_t nres, capres;
    uint64_t next_id, cancel_gen;
    /* single jobs cancelled (worker_cancel_job): the last CANCELLED_MAX ids, a ring */
    uint64_t cancelled[CANCELLED_MAX];
    unsigned ncancelled, cancel_seq;
    bool stopping;
    WorkerStats stats;
    /* worker thread only */
    Job *jobs;
    Transfer *pending, *running;
    int pages_running;
    uint64_t seen_cancel;
    unsigned seen_cancel_seq;
    uint64_t rng;
};

/* Whether job `id` was cancelled by worker_cancel_job (lock held). */
bool job_cancelled(const Worker *w, uint64_t id);
/* Queues a result for worker_poll, unless its generation or its job was cancelled. */
void worker_post(Worker *w, Result *r);
Result *job_result(ResultKind kind, const Job *job);
void job_free(Job *j);
/* List jobs (worker_list.c). */
bool list_wants_page(const Job *j);
/* A page's answer against page 1's: false with err when it is not the page asked for. */
bool list_check(const Job *j, int page_no, const Page *p, char *err, size_t n);
/* Takes what page page_no says about the list: counts, changes, caps. */
void list_learn(const WorkerConfig *cfg, Job *j, int page_no, const Page *p);
/* Fills the RES_LIST_DONE of a finished job. */
void list_done(const Job *j, Result *r);

/* The thread's main function, and the teardown of whatever it left (after join). */
void *worker_main(void *arg);
void drop_all(Worker *w);

#endif
