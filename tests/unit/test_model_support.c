/* Support actions and the live queue in the model: resend-link, copy, create, refresh. */
#include <criterion/criterion.h>
#include <string.h>

#include "../testutil.h"
#include "testmodel.h"

TestSuite(model_support);

static unsigned answer_link(TestModel *t, const char *link, bool emailed)
{
    Result r = { .kind = RES_RESEND, .generation = MODEL_ACTION_GEN, .job = t->jobs.last_job, .http = 200 };
    snprintf(r.link.link, sizeof r.link.link, "%s", link);
    r.link.expires_ms = 1748176200000LL;
    r.link.email_sent = emailed;
    return model_apply(&t->m, &r);
}

#define LINK "https://access.verifik.co/sign-up/p1?token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig"

Test(model_support, a_link_is_shown_masked_and_copied_whole_only_when_asked_twice)
{
    TestModel t;
    Model *m = tm_start(&t, 2);
    model_resend_open(m);
    cr_assert_eq(m->rs.state, RS_CONFIRM);
    cr_assert_eq(t.jobs.resends, 0, "a confirmation first");
    model_resend_toggle_email(m);
    model_resend_confirm(m);
    cr_assert_eq(t.jobs.resends, 1);
    cr_assert_eq(t.jobs.last_gen, MODEL_ACTION_GEN);
    answer_link(&t, LINK, true);
    cr_assert_eq(m->rs.state, RS_SHOWN);
    cr_assert_str_eq(m->rs.masked, "https://access.verifik.co/sign-up/p1?token=***");
    cr_assert_eq(t.host.lines, 1);
    cr_assert_str_eq(t.host.action, "resend-link");
    cr_assert_eq(t.host.last.outcome, AO_OK);
    cr_assert_str_eq(t.host.last.extra[0].key, "emailed");

    model_resend_confirm(m); /* Enter on the shown link closes; so reopen */
    cr_assert_eq(m->rs.state, RS_NONE);
    cr_assert_eq(m->rs.link[0], '\0', "the link is wiped when the dialog closes");
    model_resend_open(m);
    model_resend_confirm(m);
    answer_link(&t, LINK, false);
    model_resend_copy(m);
    cr_assert_eq(m->rs.state, RS_COPY_CONFIRM);
    cr_assert_eq(t.host.copies, 0, "the whole link waits for a yes");
    model_resend_confirm(m);
    cr_assert_eq(t.host.copies, 0, "Enter is not a yes");
    model_resend_back(m);
    cr_assert_eq(m->rs.state, RS_SHOWN);
    model_resend_copy(m);
    model_resend_copy(m);
    cr_assert_eq(t.host.copies, 1);
    cr_assert_str_eq(t.host.copied, LINK);
    cr_assert_str_eq(t.host.action, "copy-link");
    cr_assert_eq(t.host.lines, 3, "resend, resend, copy");
    tm_free(&t);
}

Test(model_support, a_final_case_gets_no_link_and_the_id_copies_without_a_question)
{
    TestModel t;
    Model *m = tm_list_of(&t, (Summary *[]){ tm_summary("done1", ST_COMPLETED, 1000) }, 1);
    model_resend_open(m);
    cr_assert_eq(m->rs.state, RS_NONE);
    cr_assert_eq(t.jobs.resends, 0);
    cr_assert(strstr(m->msg.text, "no new link for done1: it is COMPLETED") &&
                  strstr(m->msg.text, "cannot_resend_link_for_this_status"),
              "%s", m->msg.text);
    model_copy_id(m);
    cr_assert_str_eq(t.host.copied, "done1");
    cr_assert_eq(t.host.lines, 0, "an id is not worth a line");
    tm_free(&t);
}

Test(model_support, a_refused_resend_is_logged_and_said)
{
    TestModel t;
    Model *m = tm_start(&t, 1);
    model_resend_open(m);
    model_resend_confirm(m);
    Result r = { .kind = RES_ERROR, .generation = MODEL_ACTION_GEN, .job = t.jobs.last_job, .http = 409 };
    snprintf(r.message, sizeof r.message, "this registration's status does not allow a new link");
    model_apply(m, &r);
    cr_assert_eq(m->rs.state, RS_NONE);
    cr_assert_eq(t.host.last.outcome, AO_FAILED);
    cr_assert(strstr(m->msg.text, "no new link for r0: this registration's status"), "%s", m->msg.text);
    tm_free(&t);
}

static void fill(Model *m, const char *email, const char *phone, const char *cc)
{
    model_create_set(m, CF_EMAIL, email);
    model_create_set(m, CF_PHONE, phone);
    model_create_set(m, CF_COUNTRY, cc);
}

Test(model_support, the_create_form_offers_what_is_loaded_checks_and_puts_refusals_by_their_field)
{
    TestModel t;
    tm_init(&t);
    Model *m = &t.m;
    for (int i = 0; i < 3; i++) {
        SummaryInit in = { .status = ST_ONGOING, .created_ms = 1000 + i, .updated_ms = 1000 + i };
        char id[16];
        snprintf(id, sizeof id, "s%d", i);
        in.str[SS_ID] = id;
        in.str[SS_PROJECT] = i < 2 ? "pA" : "pB";
        in.str[SS_FLOW] = i < 2 ? "fA" : "fB";
        tm_page_of(&t, summary_new(&in));
    }
    model_flush(m);
    model_create_open(m);
    cr_assert_eq(m->cr.state, CS_EDIT);
    cr_assert_str_eq(m->cr.form.value[CF_PROJECT], "pA", "the most used project first");
    cr_assert_str_eq(m->cr.form.value[CF_FLOW], "fA", "and its flow");
    cr_assert(model_create_cycle(m, CF_PROJECT, 1));
    cr_assert_str_eq(m->cr.form.value[CF_PROJECT], "pB");
    cr_assert_str_eq(m->cr.form.value[CF_FLOW], "fB", "a flow of the project picked");

    fill(m, "", "300 123 4567", "");
    model_create_submit(m);
    cr_assert_eq(t.jobs.creates, 0, "checked before anything is sent");
    cr_assert(strstr(m->cr.form.err[CF_COUNTRY], "a phone needs its country code"), "%s", m->cr.form.err[CF_COUNTRY]);
    fill(m, "nueva@blocked.example", "", "");
    model_create_submit(m);
    cr_assert_eq(t.jobs.creates, 1);
    cr_assert_str_eq(t.jobs.last_create.email, "nueva@blocked.example");
    cr_assert_str_eq(t.jobs.last_create.project, "pB");
    cr_assert_null(t.jobs.last_create.phone);
    Result r = { .kind = RES_ERROR, .generation = MODEL_ACTION_GEN, .job = t.jobs.last_job, .http = 409 };
    snprintf(r.api.code, sizeof r.api.code, "PreconditionFailed");
    snprintf(r.api.message, sizeof r.api.message, "email domain not allowed");
    snprintf(r.message, sizeof r.message, "the API refused it: email domain not allowed [PreconditionFailed]");
    model_apply(m, &r);
    cr_assert_eq(m->cr.state, CS_EDIT, "the form stays, with what was typed");
    cr_assert(strstr(m->cr.form.err[CF_EMAIL], "email domain not allowed"), "next to the e-mail: %s",
              m->cr.form.err[CF_EMAIL]);
    cr_assert_eq(t.host.last.outcome, AO_FAILED);
    cr_assert_str_eq(t.host.action, "create");

    fill(m, "nueva@example.org", "", "");
    model_create_submit(m);
    tm_answer_record(&t, "{\"_id\":\"new1\",\"status\":\"STARTED\",\"project\":\"pB\",\"projectFlow\":\"fB\","
                         "\"createdAt\":\"2025-05-25T12:00:00Z\",\"updatedAt\":\"2025-05-25T12:00:00Z\"}");
    cr_assert_eq(m->cr.state, CS_NONE);
    cr_assert_geq(store_find(&m->store, "new1"), 0, "the new registration is in the list");
    cr_assert_str_eq(summary_str(m->store.recs[model_selected(m)], SS_ID), "new1", "and selected");
    cr_assert_str_eq(t.host.id, "new1");
    cr_assert_str_eq(t.host.to, "STARTED");
    cr_assert_eq(t.host.last.outcome, AO_OK);
    tm_free(&t);
}

/* ---- the live queue -------------------------------------------------------------------------- */

static Summary *changed(const char *id, Status st, int64_t updated)
{
    Summary *s = tm_summary(id, st, 1000);
    SummaryInit in;
    summary_init_from(s, &in);
    in.updated_ms = updated;
    Summary *out = summary_new(&in);
    free(s);
    return out;
}

static unsigned refresh_page(TestModel *t, Summary **items, size_t n, long pages)
{
    Result r = { .kind = RES_PAGE, .generation = t->m.gen, .job = t->jobs.last_job };
    r.page.items = items;
    r.page.n = n;
    r.page.pages = pages;
    unsigned react = model_apply(&t->m, &r);
    Result done = { .kind = RES_LIST_DONE, .generation = t->m.gen, .job = t->jobs.last_job };
    return react | model_apply(&t->m, &done);
}

Test(model_support, the_live_queue_asks_for_what_changed_and_marks_it_in_place)
{
    TestModel t;
    tm_init_refresh(&t, 60000);
    Model *m = &t.m;
    model_load(m, true);
    for (int i = 0; i < 4; i++) {
        char id[16];
        snprintf(id, sizeof id, "q%d", i);
        tm_page_of(&t, tm_summary(id, ST_NEEDS_MANUAL_VERIFICATION, 1000 + i));
    }
    tm_done(&t, 0);
    FilterError err;
    bool ok;
    model_set_filter(m, "status:review", false, &err, &ok);
    model_list_goto(m, 1);
    const char *under = summary_str(m->store.recs[model_selected(m)], SS_ID);
    cr_assert_str_eq(under, "q2");
    int lists = t.jobs.lists;
    tm_tick_at(&t, tm_clock + 30000, NULL);
    cr_assert_eq(t.jobs.lists, lists, "not before its time");
    tm_tick_at(&t, tm_clock + 31000, NULL);
    cr_assert_eq(t.jobs.lists, lists + 1);
    cr_assert_str_eq(t.jobs.last_sort, "-updatedAt", "what changed, newest first");
    cr_assert_eq(t.jobs.last_query.page, 1, "one page at a time");
    cr_assert_eq(t.jobs.last_query.server.n_status, 0, "a decided case must come back to leave the queue");

    /* Another reviewer decided q2 (under the cursor) and q0; q9 is new; q1 is as it was. */
    Summary *page[] = { changed("q2", ST_FAILED, 9000), changed("q0", ST_COMPLETED, 8000),
                        changed("q9", ST_NEEDS_MANUAL_VERIFICATION, 7000), tm_summary("q1", ST_NEEDS_MANUAL_VERIFICATION, 1001) };
    refresh_page(&t, page, 4, 1);
    model_flush(m);
    cr_assert_str_eq(summary_str(m->store.recs[model_selected(m)], SS_ID), "q2", "the row under the cursor stays");
    cr_assert_eq(m->view.sel, 1, "on its row");
    cr_assert(model_row_marked(m, store_find(&m->store, "q9")), "a new row is marked");
    cr_assert_not(model_row_marked(m, store_find(&m->store, "q2")), "the one being read is seen");
    cr_assert_not(model_row_marked(m, store_find(&m->store, "q1")), "unchanged");
    cr_assert_lt(view_find(&m->view, store_find(&m->store, "q0")), 0, "q0 left the queue");
    cr_assert_eq(m->ref.marked, 2, "q0 and q9");
    cr_assert_eq(m->ref.done, 1);
    cr_assert_eq(t.jobs.lists, lists + 1, "the page reached what was seen before: no second page");

    model_list_goto(m, 0); /* away from q2: it takes its place (out of the queue) */
    model_flush(m);
    cr_assert_lt(view_find(&m->view, store_find(&m->store, "q2")), 0);
    long q9 = store_find(&m->store, "q9");
    unsigned r;
    cr_assert(model_select(m, q9, &r));
    cr_assert_not(model_row_marked(m, q9), "seen once selected");

    model_toggle_pause(m);
    cr_assert(m->ref.paused);
    tm_tick_at(&t, tm_clock + 120000, NULL);
    cr_assert_eq(t.jobs.lists, lists + 1, "paused: no refresh");
    model_toggle_pause(m);
    tm_tick_at(&t, tm_clock + 1, NULL);
    cr_assert_eq(t.jobs.lists, lists + 2, "going on looks at once");
    tm_free(&t);
}

Test(model_support, a_full_page_of_changes_asks_for_the_next_and_off_means_off)
{
    TestModel t;
    tm_init_refresh(&t, 1000);
    Model *m = &t.m;
    model_load(m, true);
    tm_page_of(&t, tm_summary("a", ST_ONGOING, 1000));
    tm_done(&t, 0);
    tm_tick_at(&t, tm_clock + 1000, NULL);
    int lists = t.jobs.lists;
    Summary *p1[] = { changed("b", ST_ONGOING, 5000), changed("c", ST_ONGOING, 4000) };
    refresh_page(&t, p1, 2, 3);
    cr_assert_eq(t.jobs.lists, lists + 1, "everything on page 1 was news: page 2");
    cr_assert_eq(t.jobs.last_query.page, 2);
    Summary *p2[] = { changed("a", ST_FAILED, 3000), tm_summary("z", ST_ONGOING, 900) };
    refresh_page(&t, p2, 2, 3);
    cr_assert_eq(t.jobs.lists, lists + 1, "page 2 reached what was seen");
    cr_assert_eq(m->ref.watermark, 5000, "the newest change is what the next look compares with");
    tm_free(&t);

    tm_init(&t);
    model_load(&t.m, true);
    tm_done(&t, 0);
    tm_tick_at(&t, tm_clock + 600000, NULL);
    cr_assert_eq(t.jobs.lists, 1, "--refresh 0: never");
    model_toggle_pause(&t.m);
    cr_assert(strstr(t.m.msg.text, "the live refresh is off"), "%s", t.m.msg.text);
    tm_free(&t);
}
