/* The real worker against the real simulator over loopback: full loads, priorities,
 * cancellation, retries, every fault mode, auth and overrides. Suites named worker*
 * also run under ThreadSanitizer (tests/run.sh). */
#include <criterion/criterion.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/store.h"
#include "core/timeutil.h"
#include "net/token.h"
#include "net/worker.h"
#include "simproc.h"
#include "simstats.h"
#include "workertest.h"

TestSuite(worker, .fini = teardown, .timeout = 60);

Test(worker, full_load_is_exact_bounded_and_reuses_connections)
{
    start_sim((const char *const[]){ "--count", "10000", "--seed", "7", NULL });
    start_worker_with("demo-token", 4, NULL);
    simstats_reset(sim);
    LoadOutcome lo;
    full_load(1, NULL, &lo, 20000);
    cr_assert_eq(lo.total, 10000);
    cr_assert_eq(lo.store.n, 10000, "every record exactly once");
    cr_assert_eq(lo.pages, 100);
    cr_assert_eq(lo.errors + lo.retrying, 0);
    SimStats s;
    simstats_get(sim, &s);
    cr_assert_eq(s.list_requests, 100);
    cr_assert_leq(s.max_concurrent, 5, "4 page connections + the stats probe at most (saw %lu)", s.max_concurrent);
    cr_assert_geq(s.max_concurrent, 2, "pages were fetched in parallel");
    cr_assert_leq(s.connections, 6, "connections reused across 100 requests (saw %lu)", s.connections);
    store_free(&lo.store);
}

Test(worker, server_filter_is_sent_and_respected)
{
    start_sim((const char *const[]){ "--count", "3000", "--seed", "3", NULL });
    start_worker_with("demo-token", 4, NULL);
    ServerParams sp = { .n_status = 1, .created_gte = TIME_NONE, .created_lte = TIME_NONE };
    sp.in_status[0] = ST_NEEDS_MANUAL_VERIFICATION;
    LoadOutcome lo;
    full_load(1, &sp, &lo, 20000);
    cr_assert_gt(lo.store.n, 10);
    cr_assert_lt(lo.store.n, 3000);
    cr_assert_eq((long)lo.store.n, lo.total);
    for (size_t i = 0; i < lo.store.n; i++)
        cr_assert_eq(summary_status(lo.store.recs[i]), ST_NEEDS_MANUAL_VERIFICATION);
    store_free(&lo.store);
}

Test(worker, retrieve_gives_a_populated_record)
{
    start_sim((const char *const[]){ "--count", "200", "--seed", "5", NULL });
    start_worker_with("demo-token", 2, NULL);
    LoadOutcome lo;
    full_load(1, NULL, &lo, 10000);
    const char *id = summary_str(lo.store.recs[17], SS_ID);
    uint64_t job = worker_retrieve(w, id, 1);
    Result *r = next_result(5000);
    cr_assert_not_null(r);
    cr_assert_eq(r->job, job);
    cr_assert_eq(r->kind, RES_DETAIL, "kind %d: %s", r->kind, r->message);
    cr_assert_str_eq(summary_str(r->detail->summary, SS_ID), id);
    cr_assert_eq(r->detail->flow.ref.st, REF_POPULATED, "the reviewer populates were honoured");
    cr_assert_eq(r->detail->project.ref.st, REF_POPULATED);
    result_free(r);
    store_free(&lo.store);
}

Test(worker, detail_jumps_ahead_of_background_pages)
{
    start_sim((const char *const[]){ "--count", "3000", "--seed", "5", "--fault", "latency=150", NULL });
    start_worker_with("demo-token", 2, NULL);
    ListQuery q = { .server = { .created_gte = TIME_NONE, .created_lte = TIME_NONE } };
    worker_list(w, &q, 1);
    Result *first = next_result(5000);
    cr_assert_not_null(first);
    cr_assert_eq(first->kind, RES_PAGE);
    const char *id = summary_str(first->page.items[3], SS_ID);
    uint64_t job = worker_retrieve(w, id, 1);
    int pages_before_detail = 0;
    for (;;) {
        Result *r = next_result(10000);
        cr_assert_not_null(r);
        if (r->job == job) {
            cr_assert_eq(r->kind, RES_DETAIL, "%s", r->message);
            result_free(r);
            break;
        }
        cr_assert_neq(r->kind, RES_LIST_DONE, "the whole list finished before the detail");
        pages_before_detail += r->kind == RES_PAGE;
        result_free(r);
    }
    /* 29 pages remain, 2 at a time at 150 ms each: the detail must not wait for them. */
    cr_assert_leq(pages_before_detail, 4, "detail waited for %d pages", pages_before_detail);
    result_free(first);
}

Test(worker, cancel_drops_stale_work)
{
    start_sim((const char *const[]){ "--count", "5000", "--seed", "5", "--fault", "latency=100", NULL });
    start_worker_with("demo-token", 2, NULL);
    ListQuery q = { .server = { .created_gte = TIME_NONE, .created_lte = TIME_NONE } };
    worker_list(w, &q, 1);
    Result *r = next_result(5000);
    cr_assert_not_null(r);
    result_free(r);
    worker_cancel_before(w, 2);
    /* Nothing of generation 1 may arrive from now on. */
    int64_t until = time_now_ms() + 600;
    while (time_now_ms() < until) {
        r = next_result(100);
        if (r) {
            cr_assert_geq(r->generation, 2, "a stale result of generation %llu arrived",
                          (unsigned long long)r->generation);
            result_free(r);
        }
    }
    WorkerStats ws;
    worker_stats(w, &ws);
    cr_assert_eq(ws.in_flight, 0, "in-flight transfers were aborted");
    cr_assert_eq(ws.queued, 0);
    LoadOutcome lo;
    full_load(2, NULL, &lo, 20000);
    cr_assert_eq(lo.store.n, 5000, "the worker is still usable after a cancel");
    store_free(&lo.store);
}

/* Which request draws which fault depends on timing, so a page could in principle fail
 * every attempt; with 12 retries at 40 % the chance is 0.4^13 per page. */
static void many_retries(WorkerConfig *c)
{
    c->max_retries = 12;
}

Test(worker, retries_5xx_and_429_to_the_exact_total)
{
    start_sim((const char *const[]){ "--count", "3000", "--seed", "11", "--fault", "error=0.2,429=0.2,retry-after=0", NULL });
    start_worker_with("demo-token", 4, many_retries);
    simstats_reset(sim);
    LoadOutcome lo;
    full_load(1, NULL, &lo, 30000);
    cr_assert_eq(lo.store.n, 3000, "right data despite the faults (%s)", lo.last_error);
    cr_assert_eq(lo.failed_pages, 0);
    cr_assert_gt(lo.retrying, 0);
    SimStats s;
    simstats_get(sim, &s);
    cr_assert_gt(s.status_5xx, 0);
    cr_assert_gt(s.status_429, 0);
    cr_assert_eq(s.list_requests, 30 + (unsigned long)lo.retrying, "one request per page plus one per retry");
    store_free(&lo.store);
}

/* The timeout covers every attempt of a request, so it is longer than a slow drip. */
static void short_timeouts(WorkerConfig *c)
{
    c->total_timeout_ms = 15000;
    c->low_speed_time_s = 1;
    c->low_speed_bytes = 1000;
    c->max_response = 4u << 20;
    c->max_retries = 8;
}

Test(worker, every_fault_mode_ends_in_data_or_a_clear_error)
{
    start_sim((const char *const[]){ "--count", "2000", "--seed", "13", "--fault",
                                     "truncate=0.1,malformed=0.1,reset=0.1,slow=0.05,huge=0.05,html=0.1,slow-ms=3000,huge-mb=50",
                                     NULL });
    start_worker_with("demo-token", 4, short_timeouts);
    simstats_reset(sim);
    LoadOutcome lo;
    full_load(1, NULL, &lo, 60000);
    if (lo.failed_pages == 0) {
        cr_assert_eq(lo.store.n, 2000, "no failed page, so every record");
    } else {
        cr_assert_gt(strlen(lo.last_error), 20, "a failed page comes with a sentence");
        cr_assert(strstr(lo.last_error, "page "), "%s", lo.last_error);
        cr_assert_geq((long)lo.store.n, 2000 - 100L * lo.failed_pages, "what loaded is kept");
    }
    cr_assert_gt(lo.retrying, 0);
    SimStats s;
    simstats_get(sim, &s);
    const char *const injected[] = { "truncate", "malformed", "reset", "slow", "huge", "html" };
    for (int k = 0; k < SIMSTATS_FAULTS; k++)
        for (size_t i = 0; i < sizeof injected / sizeof *injected; i++)
            if (!strcmp(simstats_fault_name(k), injected[i]))
                cr_assert_gt(s.faults[k], 0, "fault %s was never injected", simstats_fault_name(k));
    store_free(&lo.store);
}

Test(worker, wrong_token_is_an_auth_error_not_retried)
{
    start_sim((const char *const[]){ "--count", "50", NULL });
    start_worker_with("not-the-token-3f9a", 2, NULL);
    simstats_reset(sim);
    LoadOutcome lo;
    full_load(1, NULL, &lo, 10000);
    cr_assert_eq(lo.errors, 1);
    cr_assert_eq(lo.retrying, 0);
    cr_assert(strstr(lo.last_error, "regdesk login"), "%s", lo.last_error);
    cr_assert_null(strstr(lo.last_error, "3f9a"), "the token never appears in a message");
    SimStats s;
    simstats_get(sim, &s);
    cr_assert_eq(s.list_requests, 1);
    store_free(&lo.store);
}

Test(worker, expired_token_says_so)
{
    start_sim((const char *const[]){ "--count", "500", "--expire-after", "2", NULL });
    start_worker_with("demo-token", 1, NULL);
    LoadOutcome lo;
    full_load(1, NULL, &lo, 10000);
    cr_assert_geq(lo.errors, 1);
    cr_assert(strstr(lo.last_error, "expired"), "%s", lo.last_error);
    cr_assert_eq(lo.store.n, 200, "the two pages that loaded are kept");
    store_free(&lo.store);
}

Test(worker, override_round_trips_and_is_not_repeated_on_5xx)
{
    start_sim((const char *const[]){ "--count", "300", "--seed", "21", NULL });
    start_worker_with("demo-token", 2, NULL);
    ServerParams sp = { .n_status = 1, .created_gte = TIME_NONE, .created_lte = TIME_NONE };
    sp.in_status[0] = ST_NEEDS_MANUAL_VERIFICATION;
    LoadOutcome lo;
    full_load(1, &sp, &lo, 10000);
    cr_assert_gt(lo.store.n, 0);
    const char *id = summary_str(lo.store.recs[0], SS_ID);
    worker_override(w, id, ST_COMPLETED, "document and selfie match on visual check", 1);
    Result *r = next_result(5000);
    cr_assert_not_null(r);
    cr_assert_eq(r->kind, RES_DETAIL, "%d: %s", r->kind, r->message);
    cr_assert_eq(summary_status(r->detail->summary), ST_COMPLETED);
    result_free(r);
    worker_retrieve(w, id, 1);
    r = next_result(5000);
    cr_assert_not_null(r);
    cr_assert_eq(r->kind, RES_DETAIL);
    cr_assert_eq(summary_status(r->detail->summary), ST_COMPLETED, "persisted on the server");
    cr_assert_geq(r->detail->n_reviews, 1);
    const ReviewEntry *last = &r->detail->reviews[r->detail->n_reviews - 1];
    cr_assert_str_eq(last->new_status.s, "COMPLETED");
    cr_assert_str_eq(last->note.s, "document and selfie match on visual check");
    result_free(r);
    store_free(&lo.store);
}

Test(worker, a_put_is_not_repeated_after_a_server_error)
{
    start_sim((const char *const[]){ "--count", "50", "--seed", "21", "--fault", "error=1.0", NULL });
    start_worker_with("demo-token", 1, NULL);
    simstats_reset(sim);
    worker_override(w, "6650aa01c0ffee0000000001", ST_FAILED, "note", 1);
    Result *r = next_result(5000);
    cr_assert_not_null(r);
    cr_assert_eq(r->kind, RES_ERROR, "a 5xx on a PUT may have done the work: no retry");
    cr_assert_eq(r->error, EC_SERVER);
    result_free(r);
    SimStats s;
    simstats_get(sim, &s);
    cr_assert_eq(s.requests, 1);
}

Test(worker, nothing_listening_is_a_network_error)
{
    start_sim((const char *const[]){ "--count", "10", NULL });
    char url[128];
    snprintf(url, sizeof url, "%s", simproc_url(sim));
    simproc_stop(sim); /* the port is now closed */
    sim = simproc_start((const char *const[]){ "--count", "10", NULL });
    char err[300];
    cr_assert(worker_global_init(err, sizeof err));
    WorkerConfig c;
    worker_config_defaults(&c);
    cr_assert(api_base_parse(url, false, &c.base, err, sizeof err));
    c.token = "demo-token";
    c.retry_base_ms = 10;
    c.retry_max_ms = 50;
    c.max_retries = 2;
    w = worker_start(&c, err, sizeof err);
    LoadOutcome lo;
    full_load(1, NULL, &lo, 10000);
    cr_assert_eq(lo.errors, 1);
    cr_assert_eq(lo.retrying, 2, "connection refused is retried, then given up");
    cr_assert(strstr(lo.last_error, "cannot connect"), "%s", lo.last_error);
    cr_assert(strstr(lo.last_error, "gave up after 3 attempts"), "%s", lo.last_error);
    store_free(&lo.store);
}

static void patient(WorkerConfig *c)
{
    c->retry_max_ms = 5000;
    c->max_retries = 12;
}

/* Every 429 and its first retry: the delay must be at least what Retry-After asked. */
static long first_429_delay(void)
{
    ListQuery q = { .server = { .created_gte = TIME_NONE, .created_lte = TIME_NONE } };
    worker_list(w, &q, 1);
    for (;;) {
        Result *r = next_result(30000);
        cr_assert_not_null(r);
        cr_assert_neq(r->kind, RES_LIST_DONE, "no 429 was ever served");
        if (r->kind == RES_RETRYING && r->http == 429) {
            long d = r->retry_in_ms;
            result_free(r);
            return d;
        }
        result_free(r);
    }
}

Test(worker, retry_after_is_honoured)
{
    start_sim((const char *const[]){ "--count", "1000", "--seed", "4", "--fault", "429=0.5,retry-after=2", NULL });
    start_worker_with("demo-token", 2, patient);
    long d = first_429_delay();
    cr_assert_geq(d, 2000, "Retry-After: 2 asked for 2 s, the worker waited %ld ms", d);
    cr_assert_leq(d, 5000);
}

Test(worker, retry_after_is_clamped)
{
    start_sim((const char *const[]){ "--count", "1000", "--seed", "4", "--fault", "429=0.5,retry-after=3600", NULL });
    start_worker_with("demo-token", 2, patient);
    long d = first_429_delay();
    cr_assert_eq(d, 5000, "an hour's Retry-After is clamped to the 5 s maximum (got %ld ms)", d);
}
