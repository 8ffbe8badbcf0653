/* The decision dialog's state machine and the queue's next case, without a screen or a
 * worker (testmodel.h records the jobs and the audit lines). */
#include <criterion/criterion.h>
#include <string.h>

#include "../testutil.h"
#include "testmodel.h"

TestSuite(model_decide);

/* The review queue: cases q0 (oldest) … q(n-1), view 2's filter and sort. */
static Model *queue(TestModel *t, int n)
{
    tm_init(t);
    for (int i = 0; i < n; i++) {
        char id[16];
        snprintf(id, sizeof id, "q%d", i);
        tm_page_of(t, tm_summary(id, ST_NEEDS_MANUAL_VERIFICATION, 1000 + i));
    }
    model_apply_view(&t->m, 2);
    model_flush(&t->m);
    return &t->m;
}

static const char *selected_id(const Model *m)
{
    return summary_str(m->store.recs[model_selected(m)], SS_ID);
}

static const char *id_at(const Model *m, long row)
{
    return summary_str(m->store.recs[m->view.idx[row]], SS_ID);
}

#define RECORD(id, status, log) \
    "{\"_id\":\"" id "\",\"status\":\"" status "\",\"createdAt\":\"2025-05-20T00:00:00Z\"," \
    "\"updatedAt\":\"2025-05-25T11:00:00Z\",\"manualReviewLog\":[" log "]}"
#define ENTRY(next, who) \
    "{\"previousStatus\":\"NEEDS_MANUAL_VERIFICATION\",\"newStatus\":\"" next "\",\"note\":\"n\"," \
    "\"reviewedByClient\":{\"email\":\"" who "\"},\"createdAt\":\"2025-05-25T11:58:00Z\"}"

/* Open on the selected case, write a note, confirm: the re-read goes out. */
static void open_and_confirm(TestModel *t, Status to, const char *note)
{
    model_decide_open(&t->m, to);
    cr_assert_eq(t->m.dec.state, DD_EDIT);
    model_decide_confirm(&t->m, note);
    cr_assert_eq(t->m.dec.state, DD_CHECK, "%s", t->m.dec.why);
}

Test(model_decide, a_decision_reads_again_sends_once_and_moves_to_the_next_case)
{
    TestModel t;
    Model *m = queue(&t, 3);
    cr_assert_str_eq(selected_id(m), "q0", "oldest first");
    int lists = t.jobs.lists;
    model_decide_open(m, ST_COMPLETED);
    cr_assert_str_eq(t.jobs.last_id, "q0", "opened without its review log: the full record is fetched");
    int retrieves = t.jobs.retrieves;
    model_decide_confirm(m, "document and selfie match");
    cr_assert_eq(t.jobs.retrieves, retrieves + 1, "the record is read again before anything is sent");
    cr_assert_str_eq(t.jobs.last_id, "q0");
    cr_assert_eq(t.jobs.last_gen, MODEL_ACTION_GEN, "an action's jobs are never cancelled by a reload");
    cr_assert_eq(t.jobs.overrides, 0);
    Status to;
    cr_assert(model_row_pending(m, store_find(&m->store, "q0"), &to) && to == ST_COMPLETED, "the row shows it");

    tm_answer_record(&t, RECORD("q0", "NEEDS_MANUAL_VERIFICATION", ""));
    cr_assert_eq(m->dec.state, DD_SEND);
    cr_assert_eq(t.jobs.overrides, 1);
    cr_assert_eq(t.jobs.last_to, ST_COMPLETED);
    cr_assert_str_eq(t.jobs.last_note, "document and selfie match");
    cr_assert_eq(t.host.lines, 0, "the line is written once the outcome is known");

    unsigned r = tm_answer_record(&t, RECORD("q0", "COMPLETED", ENTRY("COMPLETED", "me@example.org")));
    cr_assert_eq(m->dec.state, DD_NONE, "the dialog closes");
    cr_assert_eq(t.jobs.overrides, 1, "sent once");
    cr_assert_eq(summary_status(m->store.recs[store_find(&m->store, "q0")]), ST_COMPLETED, "updated in place");
    cr_assert_eq(m->view.n, 2, "it left the queue without a reload");
    cr_assert_eq(t.jobs.lists, lists, "no list was loaded again");
    cr_assert_str_eq(selected_id(m), "q1", "the next case");
    cr_assert_neq(r & R_SEL_MOVED, 0);
    cr_assert_eq(m->decided, 1);
    cr_assert_eq(m->counts.by_status[ST_COMPLETED], 1, "the header counts it");
    cr_assert_eq(t.host.lines, 1);
    cr_assert_str_eq(t.host.action, "override");
    cr_assert_str_eq(t.host.id, "q0");
    cr_assert_str_eq(t.host.from, "NEEDS_MANUAL_VERIFICATION");
    cr_assert_str_eq(t.host.to, "COMPLETED");
    cr_assert_eq(t.host.last.outcome, AO_OK);
    cr_assert_eq(t.host.last.http, 200);
    tm_free(&t);
}

Test(model_decide, the_next_case_skips_what_needs_no_review_and_wraps)
{
    TestModel t;
    tm_init(&t);
    Model *m = &t.m;
    const char *ids[] = { "a", "b", "c", "d" };
    const Status st[] = { ST_NEEDS_MANUAL_VERIFICATION, ST_ONGOING, ST_FAILED, ST_NEEDS_MANUAL_VERIFICATION };
    for (int i = 0; i < 4; i++)
        tm_page_of(&t, tm_summary(ids[i], st[i], 4000 - i)); /* a is the newest: the first row */
    model_flush(m);
    cr_assert_str_eq(id_at(m, 0), "a");
    model_list_goto(m, 3); /* d, the last review case */
    open_and_confirm(&t, ST_FAILED, "fraud");
    tm_answer_record(&t, RECORD("d", "NEEDS_MANUAL_VERIFICATION", ""));
    tm_answer_record(&t, RECORD("d", "FAILED", ENTRY("FAILED", "me@example.org")));
    cr_assert_eq(m->view.n, 4, "the view shows every status: d stays");
    cr_assert_str_eq(selected_id(m), "a", "after the last case, the first one still waiting, from the top");

    open_and_confirm(&t, ST_COMPLETED, "ok");
    tm_answer_record(&t, RECORD("a", "NEEDS_MANUAL_VERIFICATION", ""));
    tm_answer_record(&t, RECORD("a", "COMPLETED", ENTRY("COMPLETED", "me@example.org")));
    cr_assert_str_eq(selected_id(m), "b", "no case left: the row after the decided one");
    cr_assert_eq(m->decided, 2);
    tm_free(&t);
}

Test(model_decide, another_reviewer_first_means_nothing_is_sent)
{
    TestModel t;
    Model *m = queue(&t, 2);
    open_and_confirm(&t, ST_COMPLETED, "looks fine");
    tm_answer_record(&t, RECORD("q0", "FAILED", ENTRY("FAILED", "ana@example.org")));
    cr_assert_eq(m->dec.state, DD_CONFLICT);
    cr_assert_eq(t.jobs.overrides, 0, "two reviewers never overwrite each other");
    cr_assert_str_eq(m->dec.why, "decided 2m ago by ana@example.org as FAILED");
    cr_assert_eq(summary_status(m->store.recs[store_find(&m->store, "q0")]), ST_FAILED, "the fresh record is shown");
    cr_assert_eq(t.host.lines, 1);
    cr_assert_eq(t.host.last.outcome, AO_CONFLICT);
    model_decide_confirm(m, "looks fine"); /* Enter closes it */
    cr_assert_eq(m->dec.state, DD_NONE);
    cr_assert_eq(m->decided, 0);
    tm_free(&t);
}

Test(model_decide, a_refusal_changes_nothing_and_says_why)
{
    TestModel t;
    Model *m = queue(&t, 2);
    open_and_confirm(&t, ST_COMPLETED, "my note");
    tm_answer_record(&t, RECORD("q0", "NEEDS_MANUAL_VERIFICATION", ""));
    tm_answer_error(&t, EC_AUTH, 401, "the API refused the token in VERIFIK_TOKEN (HTTP 401)");
    cr_assert_eq(m->dec.state, DD_NONE);
    cr_assert_eq(t.jobs.retrieves, 2, "a refusal needs no re-read (the fetch on opening, and the check)");
    cr_assert_eq(summary_status(m->store.recs[store_find(&m->store, "q0")]), ST_NEEDS_MANUAL_VERIFICATION);
    cr_assert_str_eq(selected_id(m), "q0", "the row is where it was");
    cr_assert(strstr(m->msg.text, "not decided: the API refused the token"), "%s", m->msg.text);
    cr_assert_eq(t.host.last.outcome, AO_FAILED);
    cr_assert_eq(t.host.last.http, 401);
    model_decide_open(m, ST_COMPLETED);
    cr_assert_str_eq(m->dec.note, "my note", "the note waits to be sent again");
    tm_free(&t);
}

Test(model_decide, a_lost_answer_is_settled_by_reading_the_record_back)
{
    TestModel t;
    Model *m = queue(&t, 3);
    /* Applied, though its answer was cut. */
    open_and_confirm(&t, ST_COMPLETED, "n1");
    tm_answer_record(&t, RECORD("q0", "NEEDS_MANUAL_VERIFICATION", ""));
    tm_answer_error(&t, EC_NETWORK, 0, "network error talking to the API: Recv failure");
    cr_assert_eq(m->dec.state, DD_VERIFY);
    cr_assert_eq(t.jobs.overrides, 1, "never sent twice");
    tm_answer_record(&t, RECORD("q0", "COMPLETED", ENTRY("COMPLETED", "me@example.org")));
    cr_assert_eq(m->dec.state, DD_NONE);
    cr_assert_eq(m->decided, 1);
    cr_assert(strstr(m->msg.text, "its answer was lost") && strstr(m->msg.text, "but the record shows it"), "%s",
              m->msg.text);
    cr_assert_eq(t.host.last.outcome, AO_OK);
    /* Not applied: a 502 before the API did anything. */
    cr_assert_str_eq(selected_id(m), "q1");
    open_and_confirm(&t, ST_FAILED, "n2");
    tm_answer_record(&t, RECORD("q1", "NEEDS_MANUAL_VERIFICATION", ""));
    tm_answer_error(&t, EC_SERVER, 502, "the API answered HTTP 502");
    tm_answer_record(&t, RECORD("q1", "NEEDS_MANUAL_VERIFICATION", ""));
    cr_assert_eq(t.host.last.outcome, AO_FAILED);
    cr_assert(strstr(m->msg.text, "not decided: the API answered HTTP 502"), "%s", m->msg.text);
    /* Cannot be told: the read-back fails too. */
    open_and_confirm(&t, ST_FAILED, "n3");
    tm_answer_record(&t, RECORD("q1", "NEEDS_MANUAL_VERIFICATION", ""));
    tm_answer_error(&t, EC_NETWORK, 0, "the API did not answer in time");
    tm_answer_error(&t, EC_NETWORK, 0, "cannot connect to the API");
    cr_assert_eq(t.host.last.outcome, AO_UNKNOWN);
    cr_assert(strstr(m->msg.text, "may or may not have been applied"), "%s", m->msg.text);
    cr_assert_eq(t.jobs.overrides, 3, "one override per decision");
    cr_assert_eq(t.host.lines, 3, "one line per decision");
    tm_free(&t);
}

Test(model_decide, nothing_is_sent_without_a_note_an_audit_log_or_a_change)
{
    TestModel t;
    Model *m = queue(&t, 1);
    model_decide_open(m, ST_NEEDS_MANUAL_VERIFICATION);
    cr_assert_eq(m->dec.state, DD_NONE, "a decision that changes nothing does not open");
    cr_assert(strstr(m->msg.text, "already NEEDS_MANUAL_VERIFICATION"), "%s", m->msg.text);
    model_decide_open(m, ST_FAILED);
    model_decide_confirm(m, "  \t ");
    cr_assert_eq(m->dec.state, DD_EDIT);
    cr_assert(strstr(m->dec.why, "a note is required"), "%s", m->dec.why);
    t.host.refuse = true;
    model_decide_confirm(m, "fraud");
    cr_assert_eq(m->dec.state, DD_EDIT, "no trace, no decision");
    cr_assert(strstr(m->dec.why, "cannot be written"), "%s", m->dec.why);
    int retrieves = t.jobs.retrieves;
    t.host.refuse = false;
    model_decide_cancel(m, "fraud, second try");
    cr_assert_eq(m->dec.state, DD_NONE);
    cr_assert_eq(t.jobs.retrieves, retrieves);
    cr_assert_eq(t.jobs.overrides, 0);
    cr_assert_eq(t.host.lines, 0, "a cancelled dialog leaves no line");
    model_decide_open(m, ST_FAILED);
    cr_assert_str_eq(m->dec.note, "", "Esc keeps nothing: no stale note goes out later");
    tm_free(&t);
}

Test(model_decide, a_reload_while_it_is_out_does_not_lose_its_answer)
{
    TestModel t;
    Model *m = queue(&t, 2);
    open_and_confirm(&t, ST_COMPLETED, "fine");
    tm_answer_record(&t, RECORD("q0", "NEEDS_MANUAL_VERIFICATION", ""));
    uint64_t job = t.jobs.last_job;
    model_decide_cancel(m, "fine");
    cr_assert_eq(m->dec.state, DD_SEND, "an override on its way cannot be called back");
    model_reload(m); /* a new generation, every older job cancelled */
    cr_assert_lt(t.jobs.cancelled_below, MODEL_ACTION_GEN);
    Result r = { .kind = RES_DETAIL, .generation = MODEL_ACTION_GEN, .job = job, .http = 200 };
    r.detail = tu_detail(RECORD("q0", "COMPLETED", ENTRY("COMPLETED", "me@example.org")));
    model_apply(m, &r);
    detail_free(r.detail);
    cr_assert_eq(m->dec.state, DD_NONE);
    cr_assert_eq(m->decided, 1);
    cr_assert_eq(t.host.last.outcome, AO_OK);
    tm_free(&t);
}

Test(model_decide, a_closed_case_says_by_whom_and_labels_begin_the_note)
{
    TestModel t;
    Model *m = tm_list_of(&t, (Summary *[]){ tm_summary("c1", ST_COMPLETED, 1000) }, 1);
    model_open_detail(m);
    tm_detail(&t, RECORD("c1", "COMPLETED", ENTRY("COMPLETED", "ana@example.org")));
    model_decide_open(m, ST_FAILED);
    cr_assert_eq(m->dec.state, DD_EDIT);
    cr_assert_str_eq(m->dec.closed_by, "COMPLETED 2m ago by ana@example.org");
    char note[ACT_NOTE_MAX + 1] = "";
    model_decide_label(m, 1, note, sizeof note);
    cr_assert_str_eq(note, "document unreadable: ");
    strcat(note, "the back side is blurred");
    model_decide_label(m, 1, note, sizeof note);
    cr_assert_str_eq(note, "document expired: the back side is blurred");
    model_decide_label(m, -1, note, sizeof note);
    cr_assert_str_eq(note, "document unreadable: the back side is blurred");
    size_t n;
    cr_assert_eq(model_labels(m, &n), DECISION_LABELS_DEFAULT);
    tm_free(&t);
}
