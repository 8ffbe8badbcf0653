/* list --file on several threads: runs from the splitter go into a small window; any
 * thread claims the oldest run nobody parses yet; the caller's thread delivers finished
 * runs from the front of the window, in order. */
#include "net/fileparse.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/xalloc.h"

enum { THREADS_MAX = 4, WINDOW_PER_THREAD = 2 };

typedef enum RunState { RUN_WAITING, RUN_PARSING, RUN_DONE } RunState;

typedef struct Slot {
    RecordRun *run;
    RunState state;
} Slot;

struct FileParse {
    RecordSink sink;
    void *ctx;
    RecordStream *rs;
    RunParser *own;                /* the caller's thread's parser */
    pthread_t workers[THREADS_MAX - 1];
    int nworkers;
    pthread_mutex_t lock;
    pthread_cond_t work, done;     /* a run to claim / a run finished */
    pthread_mutex_t cjson;         /* every parser's cJSON calls, one at a time (core/json.h) */
    JsonLock cjson_lock;
    Slot *window;                  /* a ring of runs in input order */
    size_t cap, head, count;
    bool stopping;
    /* the caller's thread only */
    bool failed;
    bool split_failed; /* the error kept is the splitter's (a truncated input is one) */
    char err[240];
    size_t delivered, skipped;
};

/* ---- the window (under lock) ------------------------------------------------------ */

static Slot *slot_at(FileParse *fp, size_t i)
{
    return &fp->window[(fp->head + i) % fp->cap];
}

/* The oldest run nobody parses yet, now marked as taken; NULL when there is none. */
static Slot *claim(FileParse *fp)
{
    for (size_t i = 0; i < fp->count; i++) {
        Slot *s = slot_at(fp, i);
        if (s->state == RUN_WAITING) {
            s->state = RUN_PARSING;
            return s;
        }
    }
    return NULL;
}

/* Parses a claimed run with the lock released. */
static void parse_claimed(FileParse *fp, Slot *s, RunParser *p)
{
    RecordRun *run = s->run; /* the slot stays put while it is not done */
    pthread_mutex_unlock(&fp->lock);
    rrun_parse(p, run);
    pthread_mutex_lock(&fp->lock);
    s->state = RUN_DONE;
    pthread_cond_broadcast(&fp->done);
}

static void cjson_lock(void *m)
{
    pthread_mutex_lock(m);
}

static void cjson_unlock(void *m)
{
    pthread_mutex_unlock(m);
}

static void *worker(void *arg)
{
    FileParse *fp = arg;
    RunParser *p = rrun_parser_new(&fp->cjson_lock);
    pthread_mutex_lock(&fp->lock);
    for (;;) {
        Slot *s = claim(fp);
        if (s) {
            parse_claimed(fp, s, p);
            continue;
        }
        if (fp->stopping)
            break;
        pthread_cond_wait(&fp->work, &fp->lock);
    }
    pthread_mutex_unlock(&fp->lock);
    rrun_parser_free(p);
    return NULL;
}

/* ---- delivery (the caller's thread) ------------------------------------------------- */

/* The run's summaries to the sink; after a failed run only its good records count, and
 * every later run is dropped unread. */
static void deliver(FileParse *fp, RecordRun *run)
{
    if (!fp->failed) {
        size_t n;
        Summary **out = rrun_take(run, &n);
        for (size_t i = 0; i < n; i++)
            fp->sink(fp->ctx, out[i]);
        fp->delivered += n;
        free(out);
        fp->failed = rrun_failed(run, fp->err, sizeof fp->err);
        fp->skipped += rrun_skipped(run);
    }
    rrun_free(run);
}

/* Delivers finished runs from the front; with `all`, also parses or waits for the rest. */
static void drain(FileParse *fp, bool all)
{
    pthread_mutex_lock(&fp->lock);
    while (fp->count) {
        Slot *front = slot_at(fp, 0);
        if (front->state == RUN_DONE) {
            RecordRun *run = front->run;
            fp->head = (fp->head + 1) % fp->cap;
            fp->count--;
            pthread_mutex_unlock(&fp->lock);
            deliver(fp, run);
            pthread_mutex_lock(&fp->lock);
            continue;
        }
        if (!all && fp->count < fp->cap)
            break; /* room in the window: keep reading */
        Slot *s = claim(fp);
        if (s)
            parse_claimed(fp, s, fp->own); /* rather than wait, help */
        else
            pthread_cond_wait(&fp->done, &fp->lock);
    }
    pthread_mutex_unlock(&fp->lock);
}

/* The splitter hands over a run: into the window, where a worker may take it. */
static void submit(void *ctx, RecordRun *run)
{
    FileParse *fp = ctx;
    drain(fp, false); /* makes room, delivering what is ready */
    pthread_mutex_lock(&fp->lock);
    *slot_at(fp, fp->count++) = (Slot){ run, RUN_WAITING };
    pthread_cond_signal(&fp->work);
    pthread_mutex_unlock(&fp->lock);
    if (!fp->nworkers)
        drain(fp, true); /* no thread to hand it to */
}

/* ---- the interface ------------------------------------------------------------------- */

int fileparse_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > THREADS_MAX ? THREADS_MAX : (int)n;
}

FileParse *fileparse_new(RecordSink sink, void *ctx, int threads)
{
    FileParse *fp = xcalloc(1, sizeof *fp);
    fp->sink = sink;
    fp->ctx = ctx;
    fp->rs = rstream_new_runs(submit, fp);
    pthread_mutex_init(&fp->cjson, NULL);
    fp->cjson_lock = (JsonLock){ cjson_lock, cjson_unlock, &fp->cjson };
    fp->own = rrun_parser_new(&fp->cjson_lock);
    threads = threads < 1 ? 1 : threads > THREADS_MAX ? THREADS_MAX : threads;
    fp->cap = (size_t)threads * WINDOW_PER_THREAD;
    fp->window = xcalloc(fp->cap, sizeof *fp->window);
    pthread_mutex_init(&fp->lock, NULL);
    pthread_cond_init(&fp->work, NULL);
    pthread_cond_init(&fp->done, NULL);
    for (int i = 0; i < threads - 1; i++)
        if (pthread_create(&fp->workers[fp->nworkers], NULL, worker, fp) == 0)
            fp->nworkers++; /* fewer threads only make it slower */
    return fp;
}

/* The first error in the input: a failed run's (its records come before anything the
 * splitter read later), else the splitter's own. */
static bool outcome(FileParse *fp, bool split_ok, const char *split_err, char *err, size_t n)
{
    if (!fp->failed && !split_ok) {
        fp->failed = fp->split_failed = true;
        snprintf(fp->err, sizeof fp->err, "%s", split_err);
    }
    if (fp->failed)
        snprintf(err, n, "%s", fp->err);
    return !fp->failed;
}

bool fileparse_feed(FileParse *fp, const char *chunk, size_t len, char *err, size_t n)
{
    if (fp->failed)
        return outcome(fp, true, NULL, err, n);
    char serr[240];
    bool ok = rstream_feed(fp->rs, chunk, len, serr, sizeof serr);
    if (!ok)
        drain(fp, true); /* every run before the splitter's error, to find the first error */
    return outcome(fp, ok, serr, err, n);
}

bool fileparse_finish(FileParse *fp, char *err, size_t n)
{
    if (fp->failed)
        return outcome(fp, true, NULL, err, n);
    char serr[240];
    bool ok = rstream_finish(fp->rs, serr, sizeof serr);
    drain(fp, true);
    return outcome(fp, ok, serr, err, n);
}

void fileparse_stats(const FileParse *fp, RecordStreamStats *out)
{
    rstream_stats(fp->rs, out);
    out->truncated = out->truncated && fp->split_failed; /* an earlier record's error wins */
    out->records = fp->delivered;
    out->skipped = fp->skipped;
}

void fileparse_free(FileParse *fp)
{
    if (!fp)
        return;
    pthread_mutex_lock(&fp->lock);
    fp->stopping = true;
    pthread_cond_broadcast(&fp->work);
    pthread_mutex_unlock(&fp->lock);
    for (int i = 0; i < fp->nworkers; i++)
        pthread_join(fp->workers[i], NULL);
    for (size_t i = 0; i < fp->count; i++)
        rrun_free(slot_at(fp, i)->run);
    pthread_cond_destroy(&fp->work);
    pthread_cond_destroy(&fp->done);
    pthread_mutex_destroy(&fp->lock);
    free(fp->window);
    rrun_parser_free(fp->own);
    pthread_mutex_destroy(&fp->cjson);
    rstream_free(fp->rs);
    free(fp);
}
