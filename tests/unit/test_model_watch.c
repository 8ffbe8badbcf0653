/* Nothing shows "Loading…" longer than a request may take (model_watch.c): a retrieve
 * with no answer and a list load with no news are given up after the request timeout
 * (60 s in the test model, plus 2 s of slack), cancelled, and said. A model in memory with
 * a clock the test moves. */
#include <criterion/criterion.h>
#include <string.h>

#include "../testutil.h"
#include "core/msg.h"
#include "testmodel.h"

/* A loaded list whose first record's retrieve has just been sent. */
static Model *start_retrieve(TestModel *t, int64_t *next)
{
    Model *m = tm_start(t, 5);
    tm_done(t, 0);
    tm_tick_at(t, m->det.fetch_due, next);
    return m;
}

Test(model_watch, a_retrieve_that_never_answers_ends_in_a_sentence)
{
    TestModel t;
    int64_t next;
    Model *m = start_retrieve(&t, &next);
    uint64_t job = m->det.job;
    cr_assert_gt(job, 0);
    int64_t asked = tm_clock;
    cr_assert_eq(model_detail_state(m), DS_LOADING);
    tm_tick_at(&t, asked + 61000, &next);
    cr_assert_eq(model_detail_state(m), DS_LOADING, "within the timeout and its slack: still loading");
    cr_assert_leq(next, asked + 62000, "the loop is woken at the deadline (next %lld)", (long long)next);
    unsigned r = tm_tick_at(&t, asked + 62000, &next);
    cr_assert_neq(r & R_DETAIL, 0);
    cr_assert_eq(model_detail_state(m), DS_ERROR, "no longer shown as loading");
    char plain[MSG_MAX];
    msg_plain(plain, sizeof plain, m->det.err);
    cr_assert_str_eq(plain, "no answer within 60 s, the request's --timeout");
    cr_assert_eq(t.jobs.job_cancels, 1);
    cr_assert_eq(t.jobs.cancelled_job, job, "the retrieve is cancelled: a late answer is dropped");
    tm_free(&t);
}

Test(model_watch, a_retrieve_that_answers_in_time_is_not_given_up)
{
    TestModel t;
    int64_t next;
    Model *m = start_retrieve(&t, &next);
    int64_t asked = tm_clock;
    tm_detail(&t, "{\"data\":{\"_id\":\"r0\",\"status\":\"ONGOING\"}}");
    tm_tick_at(&t, asked + 120000, &next);
    cr_assert_eq(model_detail_state(m), DS_LOADED);
    cr_assert_eq(t.jobs.job_cancels, 0);
    tm_free(&t);
}

Test(model_watch, a_load_with_no_news_stops_and_says_so)
{
    TestModel t;
    Model *m = tm_start(&t, 5); /* page 1 arrived; the load goes on */
    cr_assert(m->load.active);
    int64_t t0 = tm_clock;
    int64_t next;
    tm_tick_at(&t, t0 + 30000, &next);
    tm_page(&t, 7); /* news: the watch starts again */
    int64_t t1 = tm_clock;
    tm_tick_at(&t, t1 + 61000, &next);
    cr_assert(m->load.active, "a page 31 s ago: not silent yet");
    unsigned r = tm_tick_at(&t, t1 + 62000, &next);
    cr_assert_not(m->load.active, "no longer loading");
    cr_assert_neq(r & R_STATUS, 0);
    cr_assert(strstr(m->msg.text, "the list stopped answering: no news for 60 s"), "%s", m->msg.text);
    cr_assert_eq(t.jobs.cancelled_job, m->load.job);
    cr_assert_eq(m->store.n, 7, "what loaded stays");
    tm_free(&t);
}

/* A retry the status bar announces ("retrying in 30 s") is not silence. */
Test(model_watch, a_load_waiting_for_its_retry_is_not_given_up)
{
    TestModel t;
    Model *m = tm_start(&t, 5);
    Result retry = { .kind = RES_RETRYING, .generation = m->gen, .job = m->load.job, .retry_in_ms = 30000 };
    snprintf(retry.message, sizeof retry.message, "the API answered HTTP 503; retrying in 30.0 s (retry 1 of 4)");
    model_apply(m, &retry);
    int64_t t0 = tm_clock, next;
    tm_tick_at(&t, t0 + 30000 + 61000, &next);
    cr_assert(m->load.active, "the wait for the retry does not count");
    tm_tick_at(&t, t0 + 30000 + 62000, &next);
    cr_assert_not(m->load.active);
    tm_free(&t);
}
