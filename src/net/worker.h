#ifndef REGDESK_NET_WORKER_H
#define REGDESK_NET_WORKER_H
/* The background worker: one thread that owns a libcurl multi handle and does every
 * network call regdesk makes, parsing responses on its own thread so the caller receives
 * typed records.
 *
 * Jobs go in through worker_* calls (any thread; they never block on the network).
 * Results come out through worker_poll on the caller's thread; worker_wake_fd becomes
 * readable whenever results are waiting, so a UI can poll() it beside the keyboard.
 * The worker never touches curses or the store.
 *
 * Every job carries a generation. worker_cancel_before(g) drops queued jobs and aborts
 * transfers of older generations, whatever their kind; their results never arrive. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/filter.h"
#include "core/msg.h"
#include "core/parse.h"
#include "net/request.h"
#include "net/token.h"
#include "net/url.h"

typedef struct WorkerConfig {
    ApiBase base;
    const char *token;        /* copied; the caller may wipe its own copy right after start */
    TokenOrigin token_origin; /* where it came from, for the sentence when it is refused */
    int parallel;             /* page transfers at once during a full load (default 4) */
    int page_size;            /* 1–100 (default 100) */
    long connect_timeout_ms;  /* default 10000 */
    long low_speed_bytes;     /* abort below this many bytes/s … (default 100) */
    long low_speed_time_s;    /* … for this long (default 15) */
    long total_timeout_ms;    /* one request, start to end, its retries included (default 60000) */
    size_t max_response;      /* bytes after decompression (default 32 MiB); a cap is final */
    long max_records;         /* a full load stops here (default 5 000 000) */
    size_t max_memory;        /* … or when its records take this much (default 2 GiB) */
    int max_retries;          /* default 4 */
    long retry_base_ms;       /* first backoff (default 500), doubled each time, jittered */
    long retry_max_ms;        /* cap for backoff and Retry-After (default 30000) */
    const char *cacert;       /* extra CA bundle file, or NULL */
} WorkerConfig;

/* Fills the defaults above; the caller sets base and token. */
void worker_config_defaults(WorkerConfig *c);

typedef enum ErrorClass {
    EC_NONE,
    EC_NETWORK, /* could not connect, timed out, reset, too large, garbled */
    EC_AUTH,    /* token missing, refused or expired */
    EC_SERVER,  /* the API answered with an error (4xx/5xx) */
    EC_PARSE,   /* the API answered 200 with something regdesk cannot read */
} ErrorClass;

/* Why a full load stopped before the API's last page (RES_LIST_DONE). */
typedef enum ListCap {
    CAP_NONE,
    CAP_PAGES,   /* the API kept announcing more pages than page 1 did (plus a margin) */
    CAP_RECORDS, /* max_records */
    CAP_MEMORY,  /* max_memory */
} ListCap;

typedef enum ResultKind {
    RES_PAGE,        /* a parsed list page; progress in loaded/total */
    RES_LIST_DONE,   /* the full load finished (failed_pages > 0 if some never came) */
    RES_DETAIL,      /* a populated registration (retrieve, or an override's answer) */
    RES_RESEND,      /* resend-link's answer */
    RES_TOKEN,       /* login confirm: the new token (wipe it with token_free) */
    RES_PROJECTS,    /* a page of the projects list */
    RES_DONE,        /* an action that returns nothing to show (login start) */
    RES_RETRYING,    /* a transfer failed and will be retried in retry_in_ms */
    RES_ERROR,       /* a job failed for good; message says why and what to do */
} ResultKind;

typedef struct Result {
    ResultKind kind;
    uint64_t job;        /* what worker_* returned for the job */
    uint64_t generation;
    Page page;           /* RES_PAGE: summaries owned by the result until taken */
    long loaded, total;  /* RES_PAGE / RES_LIST_DONE: records so far, server total (-1 unknown) */
    uint64_t bytes, bytes_total; /* a --file load (net/fileload.h): bytes read, the file's size (0: a pipe) */
    int page_no;         /* RES_PAGE: which page */
    int failed_pages;    /* RES_LIST_DONE */
    /* RES_LIST_DONE: the total or page count moved during the load (records added or
     * removed while it ran: some may be missing or repeated), with the totals page 1
     * and the last page gave; and a cap that stopped it. message says both. */
    bool data_changed;
    long first_total;
    ListCap capped;
    Detail *detail;      /* RES_DETAIL: owned by the result until taken */
    ResendLink link;     /* RES_RESEND */
    char *token;         /* RES_TOKEN */
    ProjectPage projects; /* RES_PROJECTS: owned by the result */
    ErrorClass error;    /* RES_ERROR / RES_RETRYING */
    ApiError api;        /* RES_ERROR from the server */
    int http;            /* last HTTP status seen, 0 if none (an action's answer too) */
    int attempt;         /* RES_RETRYING: which retry comes next (1-based) */
    long retry_in_ms;
    /* RES_ERROR / RES_RETRYING: one sentence for a person, made with msg_format: the
     * server's words in it are quoted (core/msg.h), so it can be quoted in turn and still
     * never be cut; show it with safetext_format or cli_error, which drop the marks. */
    char message[MSG_MAX]; /* also RES_LIST_DONE, when data_changed or capped */
} Result;

void result_free(Result *r);

typedef struct Worker Worker;

/* Starts the thread. curl_global_init must have been called (worker_global_init) before
 * any thread exists. NULL with a sentence in err when it cannot start. */
Worker *worker_start(const WorkerConfig *cfg, char *err, size_t n);
/* Aborts everything in flight, joins the thread, frees queued results. */
void worker_stop(Worker *w);

/* Once, in main, before any thread: libcurl's global state and SIGPIPE ignored. */
bool worker_global_init(char *err, size_t n);
void worker_global_cleanup(void);

int worker_wake_fd(const Worker *w);
/* The API address the worker talks to (for showing a request without sending it). */
const ApiBase *worker_base(const Worker *w);
/* Next result, or NULL when none is waiting. Never blocks. */
Result *worker_poll(Worker *w);

/* Full list load: page 1, then the rest with bounded parallelism; or, with page set, that
 * one page alone (a RES_PAGE, then RES_LIST_DONE). The pages are the ones
 * page 1 announced; if later pages announce more (records added meanwhile), a few more
 * are fetched (2 + 5 %), never more; without a page count, pages are fetched while they
 * come back full, up to max_records / max_memory. A page that says it is another page, or
 * uses another page size than page 1, is a wrong answer (retried once). */
typedef struct ListQuery {
    ServerParams server; /* copied when the job is submitted */
    const char *sort;    /* server sort value, or NULL for the default */
    int page;            /* 0: every page; N: page N only */
} ListQuery;
uint64_t worker_list(Worker *w, const ListQuery *q, uint64_t generation);
/* The reviewer's populated record; jumps ahead of queued list pages. An answer that is
 * not that record (another id, a list, an empty object) is an error, not a result. */
uint64_t worker_retrieve(Worker *w, const char *id, uint64_t generation);
uint64_t worker_override(Worker *w, const char *id, Status status, const char *note, uint64_t generation);
uint64_t worker_resend_link(Worker *w, const char *id, bool send_email, uint64_t generation);
uint64_t worker_create(Worker *w, const CreateParams *p, uint64_t generation);
/* One page (1-based) of the projects list, PAGE_SIZE_MAX projects a page. */
uint64_t worker_projects(Worker *w, int page, uint64_t generation);
uint64_t worker_login(Worker *w, const char *email, uint64_t generation);
uint64_t worker_login_confirm(Worker *w, const char *email, const char *otp, uint64_t generation);

/* Drops queued jobs and aborts transfers whose generation is below g, and frees results
 * of those generations still waiting to be polled. Every kind of job goes, not only list
 * loads: a retrieve, and an action (override, resend-link, create, login) too. A caller
 * that still wants one must post it again with the new generation; the dashboard does so
 * for the record its detail pane shows (model/model_load.c). An aborted action may
 * or may not have reached the API: cancel while one is in flight only when that is
 * acceptable, or give actions a generation that is not cancelled. */
void worker_cancel_before(Worker *w, uint64_t g);

/* Drops one job (a retrieve for a record the user has moved away from): its queued work
 * and its transfer go, and no result of it arrives after this call. The same caution as
 * above for an action that may already have reached the API. */
void worker_cancel_job(Worker *w, uint64_t job);

/* What the worker is doing, for a status bar (safe to call from any thread). */
typedef struct WorkerStats {
    int in_flight;        /* transfers running */
    int queued;           /* jobs not started */
    unsigned long requests, retries, failures;
} WorkerStats;
void worker_stats(Worker *w, WorkerStats *out);

#endif
