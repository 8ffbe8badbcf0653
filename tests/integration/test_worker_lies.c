/* The worker against servers that answer, but not what was asked, or never: every job
 * ends in data or one sentence within its timeout; what cannot change on a second try
 * is not tried five times; pagination that lies is finished where it is consistent and
 * said; pages that never end stop at a cap; redirects never carry the token elsewhere.
 * Also run under ThreadSanitizer (suite worker_lies, tests/run.sh). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/timeutil.h"
#include "simproc.h"
#include "simstats.h"
#include "workertest.h"

static SimProc *elsewhere; /* a second server, on another port: another origin */

static void stop_all(void)
{
    teardown();
    simproc_stop(elsewhere);
    elsewhere = NULL;
}

TestSuite(worker_lies, .fini = stop_all, .timeout = 90);

static bool ends_with(const char *s, const char *tail)
{
    size_t a = strlen(s), b = strlen(tail);
    return a >= b && !strcmp(s + a - b, tail);
}

/* The one final result of a single-request job; fails on a timeout. */
static Result *await_job(uint64_t job, int timeout_ms, int *retries)
{
    for (;;) {
        Result *r = next_result(timeout_ms);
        cr_assert_not_null(r, "job %llu did not end within %d ms", (unsigned long long)job, timeout_ms);
        if (r->job == job && r->kind != RES_RETRYING)
            return r;
        if (retries)
            *retries += r->kind == RES_RETRYING;
        result_free(r);
    }
}

static void timeout_2s(WorkerConfig *c)
{
    c->total_timeout_ms = 2000;
}

static SimStats stats(void)
{
    SimStats s;
    simstats_get(sim, &s);
    return s;
}

/* Today a trickling server is given up on after 80 s (five stalls of the idle timeout);
 * the request's timeout is now a deadline over every attempt. */
Test(worker_lies, a_trickle_ends_within_the_timeout)
{
    start_sim((const char *const[]){ "--count", "300", "--fault", "trickle=1,trickle-ms=200", NULL });
    start_worker_with("demo-token", 2, timeout_2s);
    int64_t t0 = time_now_ms();
    LoadOutcome lo;
    full_load(1, NULL, &lo, 30000);
    long took = (long)(time_now_ms() - t0);
    cr_assert_eq(lo.errors, 1, "one sentence");
    cr_assert(strstr(lo.last_error, "no answer within 2 s"), "%s", lo.last_error);
    cr_assert_leq(took, 4500, "the load took %ld ms, more than its 2 s timeout allows", took);
    store_free(&lo.store);
}

Test(worker_lies, an_accepted_request_never_answered_ends_within_the_timeout)
{
    start_sim((const char *const[]){ "--count", "50", "--fault", "hang=1", NULL });
    start_worker_with("demo-token", 2, timeout_2s);
    int64_t t0 = time_now_ms();
    uint64_t job = worker_retrieve(w, "6650aa01c0ffee0000000001", 1);
    Result *r = await_job(job, 20000, NULL);
    long took = (long)(time_now_ms() - t0);
    cr_assert_eq(r->kind, RES_ERROR);
    cr_assert_eq(r->error, EC_NETWORK);
    char msg[MSG_MAX];
    msg_plain(msg, sizeof msg, r->message);
    cr_assert(strstr(msg, "did not answer in time"), "%s", msg);
    cr_assert_leq(took, 4500, "the retrieve took %ld ms for a 2 s timeout", took);
    result_free(r);
}

/* 100 000 levels of nesting come back the same every time: asked once. */
Test(worker_lies, a_body_nested_too_deep_is_not_asked_again)
{
    start_sim((const char *const[]){ "--count", "50", "--fault", "deep=1", NULL });
    start_worker_with("demo-token", 1, NULL);
    simstats_reset(sim);
    LoadOutcome lo;
    full_load(1, NULL, &lo, 20000);
    cr_assert_eq(lo.retrying, 0);
    cr_assert_eq(lo.errors, 1);
    cr_assert(strstr(lo.last_error, "nested more than 1000 levels deep"), "%s", lo.last_error);
    cr_assert_eq(stats().list_requests, 1);
    store_free(&lo.store);
}

Test(worker_lies, the_same_wrong_answer_twice_is_not_asked_a_third_time)
{
    start_sim((const char *const[]){ "--count", "50", "--fault", "empty=1", NULL });
    start_worker_with("demo-token", 1, NULL);
    simstats_reset(sim);
    LoadOutcome lo;
    full_load(1, NULL, &lo, 20000);
    cr_assert_eq(lo.retrying, 1, "asked once more");
    cr_assert(strstr(lo.last_error, "no \"data\" array"), "%s", lo.last_error);
    cr_assert(strstr(lo.last_error, "the same answer twice"), "%s", lo.last_error);
    cr_assert_eq(stats().list_requests, 2);
    store_free(&lo.store);
}

/* 17.6: a response over the cap is downloaded once, not once per retry. */
static void cap_1mb(WorkerConfig *c)
{
    c->max_response = 1u << 20;
}

Test(worker_lies, a_response_over_the_cap_is_final)
{
    start_sim((const char *const[]){ "--count", "50", "--fault", "huge=1,huge-mb=8", NULL });
    start_worker_with("demo-token", 1, cap_1mb);
    simstats_reset(sim);
    LoadOutcome lo;
    full_load(1, NULL, &lo, 30000);
    cr_assert_eq(lo.retrying, 0);
    cr_assert(strstr(lo.last_error, "larger than the 1 MB limit; raise max_response_mb in the config"), "%s",
              lo.last_error);
    cr_assert_eq(stats().list_requests, 1, "the 8 MB body was fetched %lu times", stats().list_requests);
    store_free(&lo.store);
}

/* A retrieve answered with something else must end, in a sentence (the dashboard's
 * "Loading…" waited forever for another registration). */
Test(worker_lies, a_retrieve_answered_with_something_else_is_an_error)
{
    const struct {
        const char *fault, *says;
    } cases[] = {
        { "otherid=1", "where registration " },
        { "aslist=1", "with a list of 10 registrations where registration " },
        { "empty=1", "held no registration id" },
        { "wrongtype=1", "no registration object" },
    };
    /* The same dataset (seed and clock) in every simulator, so the id exists in each. */
    start_sim((const char *const[]){ "--count", "200", "--seed", "5", "--now", "2025-05-25T12:00:00Z", NULL });
    start_worker_with("demo-token", 1, NULL);
    LoadOutcome lo;
    full_load(1, NULL, &lo, 10000);
    char id[64];
    snprintf(id, sizeof id, "%s", summary_str(lo.store.recs[7], SS_ID));
    store_free(&lo.store);
    teardown();
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        start_sim((const char *const[]){ "--count", "200", "--seed", "5", "--now", "2025-05-25T12:00:00Z", "--fault",
                                         cases[i].fault, NULL });
        start_worker_with("demo-token", 1, NULL);
        simstats_reset(sim);
        int retries = 0;
        Result *r = await_job(worker_retrieve(w, id, 1), 10000, &retries);
        char msg[MSG_MAX];
        msg_plain(msg, sizeof msg, r->message);
        cr_assert_eq(r->kind, RES_ERROR, "%s: kind %d", cases[i].fault, r->kind);
        cr_assert_eq(r->error, EC_PARSE, "%s: %s", cases[i].fault, msg);
        cr_assert(strstr(msg, cases[i].says), "%s: %s", cases[i].fault, msg);
        cr_assert_eq(retries, 1, "%s: asked once more", cases[i].fault);
        cr_assert_eq(stats().retrieve_requests, 2, "%s", cases[i].fault);
        result_free(r);
        teardown();
    }
}

/* A server that ignores the page number serves page 1 again and again: those pages
 * are errors, not duplicates that would hide the holes. */
Test(worker_lies, a_page_that_is_another_page_is_an_error)
{
    start_sim((const char *const[]){ "--count", "500", "--fault", "wrongpage=1", NULL });
    start_worker_with("demo-token", 2, NULL);
    simstats_reset(sim);
    LoadOutcome lo;
    full_load(1, NULL, &lo, 20000);
    cr_assert_eq(lo.failed_pages, 4);
    cr_assert_eq(lo.store.n, 100, "page 1's records, nothing passed off as pages 2-5");
    cr_assert(strstr(lo.last_error, "came back as page 1"), "%s", lo.last_error);
    cr_assert_eq(stats().list_requests, 1 + 2 * 4);
    store_free(&lo.store);
}

/* A server that caps the page size and says so is consistent: every record arrives. */
Test(worker_lies, a_smaller_page_size_said_on_page_1_is_followed)
{
    start_sim((const char *const[]){ "--count", "500", "--fault", "wronglimit=1", NULL });
    start_worker_with("demo-token", 2, NULL);
    LoadOutcome lo;
    full_load(1, NULL, &lo, 20000);
    cr_assert_eq(lo.store.n, 500);
    cr_assert_eq(lo.pages, 10);
    cr_assert_eq(lo.failed_pages, 0);
    store_free(&lo.store);
}

Test(worker_lies, the_same_id_on_two_pages_is_kept_once_and_counted)
{
    start_sim((const char *const[]){ "--count", "3000", "--fault", "dupes=1,dupes-n=5", NULL });
    start_worker_with("demo-token", 4, NULL);
    LoadOutcome lo;
    full_load(1, NULL, &lo, 20000);
    cr_assert_eq(lo.failed_pages, 0);
    cr_assert_eq(lo.store.load_dups, 29 * 5, "5 repeats on each page after the first (%zu)", lo.store.load_dups);
    cr_assert_eq(lo.store.n, 3000 - 29 * 5, "one of each id (the tail shifted off the last page)");
    store_free(&lo.store);
}

Test(worker_lies, a_total_that_moves_is_finished_and_said)
{
    start_sim((const char *const[]){ "--count", "3000", "--fault", "drift=1,drift-n=7", NULL });
    start_worker_with("demo-token", 4, NULL);
    LoadOutcome lo;
    full_load(1, NULL, &lo, 20000);
    cr_assert_eq(lo.store.n, 3000, "every record there is");
    cr_assert_eq(lo.failed_pages, 0);
    cr_assert(lo.data_changed);
    cr_assert_eq(lo.capped, CAP_NONE, "growth within the margin");
    cr_assert_eq(lo.first_total, 3000);
    cr_assert(strstr(lo.done, "changed on the server during the load (a total of 3000 on page 1"), "%s", lo.done);
    store_free(&lo.store);
}

Test(worker_lies, pages_announced_beyond_the_margin_stop_with_a_sentence)
{
    start_sim((const char *const[]){ "--count", "300", "--fault", "growing=1", NULL });
    start_worker_with("demo-token", 2, NULL);
    simstats_reset(sim);
    LoadOutcome lo;
    full_load(1, NULL, &lo, 20000);
    cr_assert_eq(lo.capped, CAP_PAGES, "%s", lo.done);
    cr_assert_eq(stats().list_requests, 4, "page 1 said 2 pages; 2 more are the margin");
    cr_assert(strstr(lo.done, "kept announcing more pages (5, where page 1 said 2)"), "%s", lo.done);
    store_free(&lo.store);
}

static void cap_records(WorkerConfig *c)
{
    c->max_records = 2500;
}

static void cap_memory(WorkerConfig *c)
{
    c->max_memory = 256 << 10;
}

Test(worker_lies, endless_pages_stop_at_the_record_cap)
{
    start_sim((const char *const[]){ "--count", "300", "--fault", "endless=1", NULL });
    start_worker_with("demo-token", 4, cap_records);
    simstats_reset(sim);
    LoadOutcome lo;
    full_load(1, NULL, &lo, 30000);
    cr_assert_eq(lo.capped, CAP_RECORDS, "%s", lo.done);
    cr_assert_eq(lo.store.n, 2500, "fresh ids: nothing collapsed");
    cr_assert_eq(stats().list_requests, 25);
    cr_assert(strstr(lo.done, "stopped at 2500 registrations, the max_records limit"), "%s", lo.done);
    store_free(&lo.store);
}

Test(worker_lies, endless_pages_stop_at_the_memory_cap)
{
    start_sim((const char *const[]){ "--count", "300", "--fault", "endless=1", NULL });
    start_worker_with("demo-token", 4, cap_memory);
    LoadOutcome lo;
    full_load(1, NULL, &lo, 30000);
    cr_assert_eq(lo.capped, CAP_MEMORY, "%s", lo.done);
    cr_assert_lt(lo.store.n, 2500);
    cr_assert(strstr(lo.done, "the max_memory_mb limit"), "%s", lo.done);
    store_free(&lo.store);
}

/* A load that ends exactly at the cap with nothing left is complete, not capped. */
Test(worker_lies, a_list_that_fits_the_cap_exactly_is_not_capped)
{
    start_sim((const char *const[]){ "--count", "2500", NULL });
    start_worker_with("demo-token", 4, cap_records);
    LoadOutcome lo;
    full_load(1, NULL, &lo, 30000);
    cr_assert_eq(lo.capped, CAP_NONE, "%s", lo.done);
    cr_assert_eq(lo.store.n, 2500);
    cr_assert_str_eq(lo.done, "");
    store_free(&lo.store);
}

/* Redirects within the API's own address are followed (one connection at a time, so
 * the draws are the same every run), a loop is stopped. */
Test(worker_lies, redirects_within_the_api_are_followed_and_a_loop_stops)
{
    start_sim((const char *const[]){ "--count", "1000", "--seed", "3", "--fault", "redirect=0.3", NULL });
    start_worker_with("demo-token", 1, NULL);
    simstats_reset(sim);
    LoadOutcome lo;
    full_load(1, NULL, &lo, 20000);
    cr_assert_eq(lo.store.n, 1000, "%s", lo.last_error);
    SimStats s = stats();
    cr_assert_gt(s.faults[10], 0, "some were redirected (%s)", simstats_fault_name(10));
    cr_assert_eq(s.list_requests, 10 + s.faults[10], "each redirect asked again once");
    store_free(&lo.store);
    teardown();
    start_sim((const char *const[]){ "--count", "50", "--fault", "redirect=1", NULL });
    start_worker_with("demo-token", 1, NULL);
    simstats_reset(sim);
    full_load(1, NULL, &lo, 20000);
    cr_assert(strstr(lo.last_error, "redirected 6 times in a row"), "%s", lo.last_error);
    cr_assert_eq(stats().list_requests, 6);
    store_free(&lo.store);
}

/* Two ports on 127.0.0.1 are two origins: the other server never hears from regdesk, and
 * the sentence is whole however long the address it quotes. */
Test(worker_lies, a_redirect_to_another_port_is_refused_and_carries_nothing)
{
    elsewhere = simproc_start((const char *const[]){ "--count", "10", NULL });
    cr_assert_not_null(elsewhere);
    char fault[1200];
    snprintf(fault, sizeof fault, "redirect=1,redirect-to=%s/", simproc_url(elsewhere));
    size_t len = strlen(fault);
    while (len < 900)
        len += (size_t)snprintf(fault + len, sizeof fault - len, "a-very-long-path-segment/");
    fault[len - 1] = '\0';
    start_sim((const char *const[]){ "--count", "50", "--fault", fault, NULL });
    start_worker_with("demo-token", 1, NULL);
    simstats_reset(elsewhere);
    LoadOutcome lo;
    full_load(1, NULL, &lo, 20000);
    cr_assert_eq(lo.errors, 1);
    cr_assert_eq(lo.retrying, 0);
    cr_assert(ends_with(lo.last_error, "(the token would go along): set --api to the final address"),
              "the sentence is whole: %s", lo.last_error);
    cr_assert(strstr(lo.last_error, simproc_url(elsewhere)), "it names where: %s", lo.last_error);
    uint64_t job = worker_override(w, "6650aa01c0ffee0000000001", ST_FAILED, "note", 1);
    Result *r = await_job(job, 10000, NULL);
    cr_assert_eq(r->kind, RES_ERROR);
    result_free(r);
    SimStats s;
    simstats_get(elsewhere, &s);
    cr_assert_eq(s.requests, 0, "the other origin got %lu requests", s.requests);
    cr_assert_eq(s.with_authorization, 0);
    store_free(&lo.store);
}

/* Already held before: a cancelled job's late result never arrives, whatever its kind. */
Test(worker_lies, a_cancelled_retrieve_is_dropped)
{
    start_sim((const char *const[]){ "--count", "50", "--fault", "hang=1", NULL });
    start_worker_with("demo-token", 1, NULL);
    worker_retrieve(w, "6650aa01c0ffee0000000001", 1);
    worker_cancel_before(w, 2);
    Result *r = next_result(1500);
    cr_assert_null(r, "a result of the cancelled retrieve arrived (kind %d)", r ? (int)r->kind : -1);
    WorkerStats ws;
    worker_stats(w, &ws);
    cr_assert_eq(ws.in_flight, 0, "its transfer was aborted");
}

/* One job cancelled alone (the user moved away from a record): it never answers, and
 * the others go on. */
Test(worker_lies, a_job_cancelled_alone_is_dropped_and_the_rest_goes_on)
{
    start_sim((const char *const[]){ "--count", "200", "--seed", "5", "--now", "2025-05-25T12:00:00Z", "--fault",
                                     "latency=400", NULL });
    start_worker_with("demo-token", 2, NULL);
    LoadOutcome lo;
    full_load(1, NULL, &lo, 20000);
    uint64_t gone = worker_retrieve(w, summary_str(lo.store.recs[3], SS_ID), 1);
    uint64_t kept = worker_retrieve(w, summary_str(lo.store.recs[4], SS_ID), 1);
    worker_cancel_job(w, gone);
    Result *r = await_job(kept, 10000, NULL);
    cr_assert_eq(r->kind, RES_DETAIL);
    result_free(r);
    r = next_result(1200);
    cr_assert_null(r, "a result arrived after the cancel (job %llu, kind %d)", r ? (unsigned long long)r->job : 0ULL,
                   r ? (int)r->kind : -1);
    WorkerStats ws;
    worker_stats(w, &ws);
    cr_assert_eq(ws.in_flight, 0);
    cr_assert_eq(ws.queued, 0);
    store_free(&lo.store);
}
