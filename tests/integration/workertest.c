#include "workertest.h"

#include <criterion/criterion.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>

#include "core/timeutil.h"
#include "net/token.h"

SimProc *sim;
Worker *w;

void start_worker_with(const char *token, int parallel, void (*tweak)(WorkerConfig *))
{
    char err[300];
    cr_assert(worker_global_init(err, sizeof err), "%s", err);
    WorkerConfig c;
    worker_config_defaults(&c);
    cr_assert(api_base_parse(simproc_url(sim), false, &c.base, err, sizeof err), "%s", err);
    c.token = token;
    c.parallel = parallel;
    c.retry_base_ms = 20; /* keep the suite fast; the backoff shape is the same */
    c.retry_max_ms = 400;
    if (tweak)
        tweak(&c);
    w = worker_start(&c, err, sizeof err);
    cr_assert_not_null(w, "%s", err);
}

void start_sim(const char *const args[])
{
    sim = simproc_start(args);
    cr_assert_not_null(sim, "the simulator did not start");
}

void teardown(void)
{
    worker_stop(w);
    w = NULL;
    worker_global_cleanup();
    simproc_stop(sim);
    sim = NULL;
}

/* Next result, waiting on the wake fd as the dashboard does. */
Result *next_result(int timeout_ms)
{
    int64_t deadline = time_now_ms() + timeout_ms;
    for (;;) {
        Result *r = worker_poll(w);
        if (r)
            return r;
        int left = (int)(deadline - time_now_ms());
        if (left <= 0)
            return NULL;
        struct pollfd p = { worker_wake_fd(w), POLLIN, 0 };
        poll(&p, 1, left);
    }
}


/* Runs a full list load to RES_LIST_DONE, merging pages into a store. */
void full_load(uint64_t gen, const ServerParams *sp, LoadOutcome *out, int timeout_ms)
{
    memset(out, 0, sizeof *out);
    store_init(&out->store);
    ListQuery q = { .sort = NULL };
    if (sp)
        q.server = *sp;
    else
        q.server.created_gte = q.server.created_lte = TIME_NONE;
    uint64_t job = worker_list(w, &q, gen);
    store_begin_load(&out->store);
    for (;;) {
        Result *r = next_result(timeout_ms);
        cr_assert_not_null(r, "no result within %d ms (pages so far %d)", timeout_ms, out->pages);
        cr_assert_eq(r->job, job);
        if (r->kind == RES_PAGE) {
            out->pages++;
            store_merge_page(&out->store, &r->page);
            out->total = r->total;
        } else if (r->kind == RES_RETRYING) {
            out->retrying++;
            cr_assert(strstr(r->message, "retrying in"), "%s", r->message);
        } else if (r->kind == RES_ERROR) {
            out->errors++;
            msg_plain(out->last_error, sizeof out->last_error, r->message);
        } else {
            cr_assert_eq(r->kind, RES_LIST_DONE);
            out->failed_pages = r->failed_pages;
            out->first_total = r->first_total;
            out->data_changed = r->data_changed;
            out->capped = r->capped;
            msg_plain(out->done, sizeof out->done, r->message);
            result_free(r);
            return;
        }
        result_free(r);
    }
}
