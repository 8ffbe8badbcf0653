/* The dashboard's --file on a thread of its own: local/dumpfile reads, net/fileparse
 * splits and parses, and batches of summaries go out through the worker's queue
 * (fileload.h). */
#include "net/fileload.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/timeutil.h"
#include "core/xalloc.h"
#include "local/dumpfile.h"
#include "net/fileparse.h"
#include "net/worker_internal.h"

enum {
    BATCH_MAX = 500,    /* records a page holds at most: one page is a short model_apply */
    BATCH_MS = 40,      /* ... and a page goes out at least this often while records come */
    QUEUED_MAX = 2,     /* results waiting in the queue before the reader waits for the UI */
    CHUNK = 256 * 1024, /* bytes a read asks for */
};

struct FileLoad {
    Worker *w;
    FileLoadConfig cfg;
    char *path;
    int stop[2];       /* a pipe: written to stop every wait */
    pthread_t thread;
    bool started, running;
    uint64_t job, gen;
    /* the thread only */
    DumpFile *f;
    Page batch;
    size_t cap;
    long loaded;
    int64_t posted_ms;
    bool unwanted;     /* cancelled, or stopping: post nothing more */
};

/* Whether the dashboard still wants this load, and how many results wait (lock taken). */
static bool wanted(FileLoad *fl, size_t *queued)
{
    Worker *w = fl->w;
    pthread_mutex_lock(&w->lock);
    bool yes = !w->stopping && fl->gen >= w->cancel_gen && !job_cancelled(w, fl->job);
    *queued = w->nres;
    pthread_mutex_unlock(&w->lock);
    return yes;
}

static bool stopping(FileLoad *fl, int wait_ms)
{
    struct pollfd p = { fl->stop[0], POLLIN, 0 };
    return poll(&p, 1, wait_ms) > 0;
}

/* Waits while the queue holds enough of this load's pages: the UI drains the queue in
 * one go, so a backlog there would be a stall between keys. */
static void throttle(FileLoad *fl)
{
    size_t queued;
    while (!fl->unwanted) {
        if (!wanted(fl, &queued) || stopping(fl, 0))
            fl->unwanted = true;
        else if (queued < QUEUED_MAX)
            return;
        else if (stopping(fl, 2))
            fl->unwanted = true;
    }
}

static Result *new_result(FileLoad *fl, ResultKind kind)
{
    Result *r = xcalloc(1, sizeof *r);
    r->kind = kind;
    r->job = fl->job;
    r->generation = fl->gen;
    r->loaded = fl->loaded;
    r->total = -1;
    if (fl->f) {
        r->bytes = dump_done(fl->f);
        r->bytes_total = dump_size(fl->f);
    }
    return r;
}

/* The batch so far as one page (also a page of none: progress through bytes alone). */
static void post_batch(FileLoad *fl)
{
    throttle(fl);
    if (fl->unwanted)
        return;
    Result *r = new_result(fl, RES_PAGE);
    r->page = fl->batch;
    r->page.total = r->page.page = r->page.pages = r->page.limit = -1;
    memset(&fl->batch, 0, sizeof fl->batch);
    fl->cap = 0;
    fl->posted_ms = time_mono_ms();
    worker_post(fl->w, r);
}

static void sink(void *ctx, Summary *s)
{
    FileLoad *fl = ctx;
    if (fl->unwanted) {
        free(s);
        return;
    }
    fl->batch.items = xgrow(fl->batch.items, &fl->cap, fl->batch.n + 1, sizeof *fl->batch.items);
    fl->batch.items[fl->batch.n++] = s;
    fl->loaded++;
    if (fl->batch.n >= BATCH_MAX || time_mono_ms() - fl->posted_ms >= BATCH_MS)
        post_batch(fl);
}

/* The end: what is left of the batch, then RES_LIST_DONE with the sentence (if any). */
static void post_done(FileLoad *fl, ErrorClass error, const char *sentence)
{
    if (fl->batch.n)
        post_batch(fl);
    if (fl->unwanted)
        return;
    Result *r = new_result(fl, RES_LIST_DONE);
    r->total = fl->loaded;
    r->error = error;
    if (sentence)
        snprintf(r->message, sizeof r->message, "%s", sentence);
    worker_post(fl->w, r);
}

static void said_waiting(void *ctx, const char *name, long timeout_s)
{
    FileLoad *fl = ctx;
    Result *r = new_result(fl, RES_RETRYING);
    r->retry_in_ms = timeout_s * 1000;
    msg_format(r->message, sizeof r->message, "waiting up to %ld s for a program to write to " QS, timeout_s, name);
    worker_post(fl->w, r);
}

/* A parse that stopped: a file cut inside its last record keeps the records before the
 * cut, with a warning (list --file's words); anything else is the error. */
static void parse_ended(FileLoad *fl, FileParse *fp, const char *err)
{
    RecordStreamStats st;
    fileparse_stats(fp, &st);
    char why[MSG_MAX];
    if (st.truncated && st.records) {
        msg_format(why, sizeof why, QS " ends in the middle of the JSON (at byte offset %llu): it looks cut short; "
                   "showing the %zu complete registration(s) before the cut", dump_name(fl->f),
                   (unsigned long long)st.bytes, st.records);
        post_done(fl, EC_NONE, why);
        return;
    }
    msg_format(why, sizeof why, QS ": %s", dump_name(fl->f), err);
    post_done(fl, EC_PARSE, why);
}

/* Reads and parses to the end, a cap, an error or a stop. */
static void read_all(FileLoad *fl, FileParse *fp)
{
    char err[MSG_MAX];
    char *buf = xmalloc(CHUNK);
    bool ok = true;
    long got = 0;
    while (ok && !fl->unwanted && fl->loaded < fl->cfg.max_records &&
           (got = dump_read(fl->f, buf, CHUNK, err, sizeof err)) > 0) {
        ok = fileparse_feed(fp, buf, (size_t)got, err, sizeof err);
        if (time_mono_ms() - fl->posted_ms >= BATCH_MS)
            post_batch(fl); /* progress, even while no record ends */
    }
    free(buf);
    if (fl->unwanted || dump_cancelled(fl->f))
        return;
    char why[MSG_MAX];
    if (fl->loaded >= fl->cfg.max_records) {
        msg_format(why, sizeof why, "stopped at %ld registrations, the max_records limit in the config; " QS
                   " holds more", fl->loaded, dump_name(fl->f));
        post_done(fl, EC_PARSE, why);
    } else if (ok && got < 0) {
        post_done(fl, EC_PARSE, err);
    } else if (!ok || !fileparse_finish(fp, err, sizeof err)) {
        parse_ended(fl, fp, err);
    } else if (!fl->loaded) {
        msg_format(why, sizeof why, QS " holds no registrations", dump_name(fl->f));
        post_done(fl, EC_NONE, why);
    } else {
        post_done(fl, EC_NONE, NULL);
    }
}

/* One core stays with the dashboard: keys are answered while the file loads. */
static int parse_threads(void)
{
    int n = fileparse_threads() - 1;
    return n < 1 ? 1 : n;
}

static void *run(void *arg)
{
    FileLoad *fl = arg;
    char err[MSG_MAX];
    DumpOpen o = { .path = fl->path, .timeout_s = fl->cfg.timeout_s, .quiet = true, .fd = fl->cfg.fd,
                   .cancel_fd = fl->stop[0], .waiting = said_waiting, .ctx = fl };
    fl->cfg.fd = -1; /* the reader owns it now */
    fl->posted_ms = time_mono_ms();
    fl->f = dump_open_with(&o, err, sizeof err);
    if (!fl->f) {
        if (!stopping(fl, 0))
            post_done(fl, EC_PARSE, err);
        return NULL;
    }
    FileParse *fp = fileparse_new(sink, fl, parse_threads());
    read_all(fl, fp);
    fileparse_free(fp);
    page_free(&fl->batch);
    dump_close(fl->f);
    fl->f = NULL;
    return NULL;
}

FileLoad *fileload_new(Worker *w, const FileLoadConfig *c)
{
    FileLoad *fl = xcalloc(1, sizeof *fl);
    fl->w = w;
    fl->cfg = *c;
    fl->path = xstrdup(c->path);
    fl->cfg.path = fl->path;
    if (fl->cfg.max_records <= 0)
        fl->cfg.max_records = 5000000;
    if (pipe2(fl->stop, O_CLOEXEC | O_NONBLOCK) != 0)
        fl->stop[0] = fl->stop[1] = -1;
    return fl;
}

uint64_t fileload_start(FileLoad *fl, uint64_t generation)
{
    if (fl->started)
        return 0;
    fl->started = true;
    Worker *w = fl->w;
    pthread_mutex_lock(&w->lock);
    fl->job = ++w->next_id; /* from the worker's own ids: cancel_job and results tell it apart */
    pthread_mutex_unlock(&w->lock);
    fl->gen = generation;
    fl->running = fl->stop[0] >= 0 && pthread_create(&fl->thread, NULL, run, fl) == 0;
    if (!fl->running)
        post_done(fl, EC_PARSE, "cannot start the thread that reads the file");
    return fl->job;
}

void fileload_free(FileLoad *fl)
{
    if (!fl)
        return;
    if (fl->running) {
        ssize_t wr = write(fl->stop[1], "x", 1);
        (void)wr; /* a full pipe is still readable */
        pthread_join(fl->thread, NULL);
    }
    if (fl->cfg.fd >= 0)
        close(fl->cfg.fd);
    if (fl->stop[0] >= 0) {
        close(fl->stop[0]);
        close(fl->stop[1]);
    }
    free(fl->path);
    free(fl);
}
