/* The dashboard's model without a screen or a worker: what each event changes, told by
 * the reaction bits it returns (testmodel.h builds the model and the worker's results). */
#include <criterion/criterion.h>
#include <string.h>

#include "../testutil.h"
#include "testmodel.h"

TestSuite(model);

Test(model, the_first_page_shows_at_once_and_later_ones_merge_in_batches)
{
    TestModel t;
    tm_init(&t);
    Model *m = &t.m;
    unsigned r = tm_page(&t, 5);
    cr_assert_eq(r & (R_LIST | R_STATUS | R_HEADER | R_SEL_MOVED), R_LIST | R_STATUS | R_HEADER | R_SEL_MOVED);
    cr_assert_eq(m->view.n, 5);
    cr_assert_eq(m->det.rec, model_selected(m), "the pane shows the first row at once");
    cr_assert_str_eq(summary_str(m->store.recs[model_selected(m)], SS_ID), "r0");
    cr_assert_eq(m->counts.by_status[ST_ONGOING], 5, "the header counts what arrived");

    model_list_nav(m, NAV_DOWN);
    long sel = model_selected(m);
    Summary *newer = tm_summary("n1", ST_NEEDS_MANUAL_VERIFICATION, 999999);
    r = tm_page_of(&t, newer);
    cr_assert_eq(r & R_LIST, 0, "a later page waits for the next merge");
    cr_assert_eq(m->view.n, 5);
    r = tm_tick_at(&t, tm_clock + 1000, NULL);
    cr_assert_neq(r & R_LIST, 0);
    cr_assert_eq(m->view.n, 6);
    cr_assert_eq(model_selected(m), sel, "the selection stays on its record");
    tm_free(&t);
}

Test(model, a_finished_load_merges_what_is_pending_and_settles_the_status)
{
    TestModel t;
    Model *m = tm_start(&t, 3);
    cr_assert_eq(t.jobs.lists, 1);
    tm_page_of(&t, tm_summary("x", ST_FAILED, 5));
    unsigned r = tm_done(&t, 0);
    cr_assert_eq(r & (R_LIST | R_STATUS | R_HEADER), R_LIST | R_STATUS | R_HEADER);
    cr_assert_not(m->load.active);
    cr_assert(m->load.have_all, "unfiltered and complete: later filters are answered here");
    cr_assert_eq(m->view.n, 4);
    tm_free(&t);
}

Test(model, a_filter_narrows_the_list_and_asks_the_server_after_a_pause)
{
    TestModel t;
    Model *m = tm_start(&t, 4);
    tm_page_of(&t, tm_summary("rev", ST_NEEDS_MANUAL_VERIFICATION, 10));
    model_flush(m);
    FilterError err;
    bool ok;
    unsigned r = model_set_filter(m, "status:review", true, &err, &ok);
    cr_assert(ok, "%s", err.msg);
    cr_assert_eq(r & (R_LIST | R_HEADER | R_STATUS), R_LIST | R_HEADER | R_STATUS);
    cr_assert_eq(m->view.n, 1);
    cr_assert_str_eq(summary_str(m->store.recs[model_selected(m)], SS_ID), "rev");
    cr_assert_gt(m->det.follow_due, 0, "the pane follows the filter's selection once it rests");
    cr_assert_eq(t.jobs.lists, 1, "typing does not reload at every key");
    tm_tick_at(&t, tm_clock + 1000, NULL);
    cr_assert_eq(m->det.rec, model_selected(m));
    cr_assert_eq(t.jobs.lists, 2, "after a pause the server is asked for the review queue");
    cr_assert_eq(t.jobs.last_query.server.n_status, 1);
    cr_assert_eq(t.jobs.cancelled_below, m->gen, "the old load is cancelled");

    r = model_set_filter(m, "stauts:review", true, &err, &ok);
    cr_assert_not(ok);
    cr_assert_eq(r, 0, "a filter that does not parse changes nothing");
    cr_assert(strstr(err.msg, "unknown field"), "%s", err.msg);
    cr_assert_eq(m->view.n, 1);
    cr_assert_str_eq(m->filter_text, "status:review");
    tm_free(&t);
}

/* An override's answer (the worker posts the decided record as RES_DETAIL): the record
 * leaves the review queue the list shows, the header counts it elsewhere, and the
 * selection and the detail pane move on. */
Test(model, a_decision_arriving_moves_the_record_out_of_the_queue)
{
    TestModel t;
    Summary *ab[] = { tm_summary("a", ST_NEEDS_MANUAL_VERIFICATION, 2000),
                      tm_summary("b", ST_NEEDS_MANUAL_VERIFICATION, 1000) };
    Model *m = tm_list_of(&t, ab, 2);
    FilterError err;
    bool ok;
    model_set_filter(m, "status:review", false, &err, &ok);
    cr_assert_eq(m->view.n, 2);
    long a = store_find(&m->store, "a");
    cr_assert_eq(model_selected(m), a);
    cr_assert_eq(m->counts.by_status[ST_NEEDS_MANUAL_VERIFICATION], 2);

    unsigned r = tm_detail(&t, "{\"_id\":\"a\",\"status\":\"COMPLETED\",\"createdAt\":\"2025-05-20T00:00:00Z\"}");
    cr_assert_eq(r & (R_DETAIL | R_STATUS), R_DETAIL | R_STATUS, "the shown record changed");
    cr_assert_eq(summary_status(m->store.recs[a]), ST_COMPLETED);
    r = model_flush(m);
    cr_assert_eq(r & (R_LIST | R_HEADER), R_LIST | R_HEADER);
    cr_assert_eq(m->view.n, 1, "decided: no longer in the queue");
    cr_assert_str_eq(summary_str(m->store.recs[model_selected(m)], SS_ID), "b");
    cr_assert_eq(m->counts.by_status[ST_NEEDS_MANUAL_VERIFICATION], 1);
    cr_assert_eq(m->counts.by_status[ST_COMPLETED], 1);
    tm_tick_at(&t, tm_clock + 1000, NULL);
    cr_assert_eq(m->det.rec, model_selected(m), "the pane follows to the next case");
    tm_free(&t);
}

Test(model, a_resize_hides_and_shows_the_detail)
{
    TestModel t;
    Model *m = tm_start(&t, 3);
    model_toggle_focus(m);
    cr_assert_eq(m->focus, FOCUS_DETAIL);
    tm_screen(&t, false); /* narrower than 150 columns: the detail waits for Enter */
    cr_assert_eq(m->focus, FOCUS_LIST, "a hidden pane cannot keep the focus");
    m->det.fetch_due = 0;
    model_list_nav(m, NAV_DOWN);
    cr_assert_eq(m->det.rec, model_selected(m), "hidden: it follows at once");
    cr_assert_eq(m->det.fetch_due, 0, "and fetches nothing");
    unsigned r = model_open_detail(m);
    cr_assert_neq(r & R_LAYOUT, 0, "Enter on a narrow terminal opens the pane: a new layout");
    cr_assert(m->detail_open);
    cr_assert_eq(t.jobs.retrieves, 1, "opening asks for the full record");
    cr_assert_str_eq(t.jobs.last_id, "r1");
    r = tm_screen(&t, true);
    cr_assert_neq(r & R_DETAIL, 0);
    r = model_escape(m);
    cr_assert_eq(m->focus, FOCUS_LIST);
    cr_assert_eq(r & R_LAYOUT, 0, "wide: Esc moves the focus, the pane stays");
    tm_free(&t);
}

Test(model, escape_leaves_the_zoom_then_the_detail_then_the_message_then_the_search)
{
    TestModel t;
    Model *m = tm_start(&t, 3);
    FilterError err;
    bool ok;
    model_set_search(m, "r2", -1, &err, &ok);
    cr_assert(ok);
    cr_assert_str_eq(summary_str(m->store.recs[model_selected(m)], SS_ID), "r2", "the search selects its match");
    model_toggle_zoom(m);
    model_message(m, SL_STATUSBAR, 0, "hello");
    cr_assert(m->zoom && m->focus == FOCUS_DETAIL);
    cr_assert_eq(model_escape(m) & R_LAYOUT, R_LAYOUT);
    cr_assert_not(m->zoom);
    model_escape(m);
    cr_assert_eq(m->focus, FOCUS_LIST);
    cr_assert_str_eq(m->msg.text, "hello");
    cr_assert_eq(model_escape(m), R_STATUS);
    cr_assert_str_eq(m->msg.text, "");
    cr_assert_not_null(m->search);
    cr_assert_eq(model_escape(m), R_LIST | R_HEADER);
    cr_assert_null(m->search);
    cr_assert_eq(model_escape(m), 0, "nothing left to close");
    tm_free(&t);
}

Test(model, errors_keep_what_is_loaded_and_old_loads_are_ignored)
{
    TestModel t;
    Model *m = tm_start(&t, 3);
    model_open_detail(m);
    Result fail = { .kind = RES_ERROR, .generation = m->gen, .job = m->det.job, .error = EC_NETWORK };
    snprintf(fail.message, sizeof fail.message, "the connection was reset");
    unsigned r = model_apply(m, &fail);
    cr_assert_eq(r & (R_DETAIL | R_STATUS), R_DETAIL | R_STATUS);
    cr_assert_eq(model_detail_state(m), DS_ERROR);
    cr_assert(strstr(m->det.err, "reset"));
    cr_assert(strstr(m->msg.text, "offline: the connection was reset (r retries)"), "%s", m->msg.text);
    cr_assert_eq(m->store.n, 3, "nothing loaded is dropped");

    Result refused = { .kind = RES_ERROR, .generation = m->gen, .error = EC_AUTH };
    snprintf(refused.message, sizeof refused.message, "the API refused the token in ~/.config/regdesk/token "
             "(HTTP 401); it may have expired: run `regdesk login` for a new one");
    model_message(m, SL_STATUSBAR, 0, "%s", "");
    model_apply(m, &refused);
    cr_assert(m->auth_failed);
    cr_assert_str_eq(m->auth, refused.message, "the worker's sentence, as it is");
    cr_assert_str_eq(m->msg.text, "", "and not a second time around it");
    tm_page_of(&t, tm_summary("z", ST_ONGOING, 1));
    cr_assert_not(m->auth_failed, "a page that arrives says the token works");

    uint64_t old = m->gen;
    model_load(m, true);
    Summary *late = tm_summary("late", ST_ONGOING, 1);
    Result stale = { .kind = RES_PAGE, .generation = old };
    stale.page.items = &late;
    stale.page.n = 1;
    cr_assert_eq(model_apply(m, &stale), 0, "a page of a replaced load is dropped");
    cr_assert_lt(store_find(&m->store, "late"), 0);
    free(late);
    tm_free(&t);
}

Test(model, messages_expire_and_ages_move_on)
{
    TestModel t;
    Model *m = tm_start(&t, 2);
    model_message(m, SL_STATUSBAR, 3, "view %d: %s", 2, "Needs review");
    int64_t next;
    cr_assert_eq(tm_tick_at(&t, tm_clock + 100, &next) & R_STATUS, 0);
    cr_assert_leq(next, tm_clock + 2900);
    cr_assert_neq(tm_tick_at(&t, tm_clock + 3000, NULL) & R_STATUS, 0);
    cr_assert_str_eq(m->msg.text, "");
    unsigned r = tm_tick_at(&t, tm_clock + 30000, NULL);
    cr_assert_eq(r & (R_LIST | R_DETAIL), R_LIST | R_DETAIL, "ages on screen are redrawn");
    tm_free(&t);
}

/* The server's registrations: two cases in review (a, b) and one ongoing (c). */
static void review_queue(Summary *truth[3])
{
    truth[0] = tm_summary("a", ST_NEEDS_MANUAL_VERIFICATION, 3000);
    truth[1] = tm_summary("b", ST_NEEDS_MANUAL_VERIFICATION, 2000);
    truth[2] = tm_summary("c", ST_ONGOING, 1000);
}

/* Case a is decided elsewhere: the server now says COMPLETED. */
static void decide_a(Summary *truth[3])
{
    free(truth[0]);
    truth[0] = tm_summary("a", ST_COMPLETED, 3000);
}

/* The dashboard loaded everything, then view 2: r reloads everything, so the case
 * decided elsewhere leaves the queue and the header counts it where it is now. */
Test(model, r_in_a_filtered_view_refreshes_every_row_and_count)
{
    TestModel t;
    tm_init(&t);
    Model *m = &t.m;
    Summary *truth[3];
    review_queue(truth);
    model_load(m, true);
    tm_serve(&t, truth, 3);
    cr_assert(m->load.have_all);
    model_apply_view(m, 2);
    cr_assert_eq(m->view.n, 2);
    cr_assert_eq(t.jobs.lists, 1, "the store holds everything: view 2 is answered here");

    decide_a(truth);
    model_reload(m);
    cr_assert_eq(t.jobs.lists, 2);
    tm_serve(&t, truth, 3);
    model_flush(m);
    cr_assert_eq(m->view.n, 1, "the decided case left the review queue");
    cr_assert_str_eq(summary_str(m->store.recs[m->view.idx[0]], SS_ID), "b");
    cr_assert_eq(m->counts.by_status[ST_NEEDS_MANUAL_VERIFICATION], 1);
    cr_assert_eq(m->counts.by_status[ST_COMPLETED], 1);
    cr_assert(m->load.have_all, "and the store still holds everything");
    for (size_t i = 0; i < 3; i++)
        free(truth[i]);
    tm_free(&t);
}

/* Opened on the review queue only: r reloads the queue, and each row it did not bring
 * back (it left the queue) is asked for on its own, so it does not stay REVIEW. */
Test(model, r_asks_again_for_rows_the_filtered_reload_did_not_bring_back)
{
    TestModel t;
    tm_init(&t);
    Model *m = &t.m;
    Summary *truth[3];
    review_queue(truth);
    model_start(m, 0, "status:review", false);
    cr_assert_eq(t.jobs.last_query.server.n_status, 1, "the server is asked for the queue only");
    tm_serve(&t, truth, 3);
    cr_assert_eq(m->view.n, 2);
    cr_assert_not(m->load.have_all);

    model_list_nav(m, NAV_DOWN); /* the pane shows b: r asks for it anyway */
    tm_tick_at(&t, tm_clock + 1000, NULL);
    decide_a(truth);
    int before = t.jobs.retrieves;
    model_reload(m);
    cr_assert_eq(t.jobs.retrieves, before + 1);
    cr_assert_str_eq(t.jobs.last_id, "b");
    tm_serve(&t, truth, 3);
    cr_assert_eq(t.jobs.retrieves, before + 2, "the row that did not come back is asked for");
    cr_assert_str_eq(t.jobs.last_id, "a");
    cr_assert(strstr(m->msg.text, "1 registration in this view changed elsewhere"), "%s", m->msg.text);
    tm_detail(&t, "{\"_id\":\"a\",\"status\":\"COMPLETED\",\"createdAt\":\"2025-05-20T00:00:00Z\"}");
    model_flush(m);
    cr_assert_eq(m->view.n, 1);
    cr_assert_eq(m->counts.by_status[ST_NEEDS_MANUAL_VERIFICATION], 1);
    cr_assert_eq(m->counts.by_status[ST_COMPLETED], 1);
    for (size_t i = 0; i < 3; i++)
        free(truth[i]);
    tm_free(&t);
}

/* 3000 registrations, every hundredth in review (newest first in view 1, oldest first in
 * view 2). */
static Model *queue_of_3000(TestModel *t)
{
    tm_init(t);
    model_load(&t->m, true);
    enum { N = 3000 };
    Summary **items = calloc(N, sizeof *items);
    for (size_t i = 0; i < N; i++) {
        char id[32];
        snprintf(id, sizeof id, "r%zu", i);
        items[i] = tm_summary(id, i % 100 == 50 ? ST_NEEDS_MANUAL_VERIFICATION : ST_ONGOING, 1000 * (int64_t)(N - i));
    }
    Summary *const *all = items;
    tm_serve(t, all, N);
    for (size_t i = 0; i < N; i++)
        free(items[i]);
    free(items);
    return &t->m;
}

/* 2, g, 1 must not land on row 2951 of 3000: another view opens at its top. */
Test(model, switching_views_opens_the_new_view_at_its_top)
{
    TestModel t;
    Model *m = queue_of_3000(&t);
    model_apply_view(m, 2);
    cr_assert_eq(m->view.n, 30);
    model_list_nav(m, NAV_FIRST); /* the oldest case in review: near the end of view 1 */
    long oldest = model_selected(m);
    unsigned r = model_apply_view(m, 1);
    cr_assert_neq(r & R_SEL_MOVED, 0);
    cr_assert_eq(m->view.sel, 0, "row %ld of %zu", m->view.sel + 1, m->view.n);
    cr_assert_eq(m->view.top, 0);
    cr_assert_neq(model_selected(m), oldest);
    tm_tick_at(&t, tm_clock + 1000, NULL);
    cr_assert_eq(m->det.rec, model_selected(m), "the detail follows to the first row");

    /* A record on the new view's first screen keeps the selection: r1050 is the 20th
     * oldest case, the last row of view 2's first screen. */
    model_list_goto(m, 1050);
    long kept = model_selected(m);
    cr_assert_str_eq(summary_str(m->store.recs[kept], SS_ID), "r1050");
    model_apply_view(m, 2);
    cr_assert_eq(m->view.top, 0);
    cr_assert_eq(m->view.sel, 19);
    cr_assert_eq(model_selected(m), kept, "still on r1050, which view 2 shows on its first screen");
    model_list_goto(m, 29); /* r50, the newest case: off view 2's first screen */
    model_apply_view(m, 3);
    model_apply_view(m, 2);
    cr_assert_eq(m->view.sel, 0, "back in view 2, from its top");
    tm_free(&t);
}

/* / inside the raw JSON view finds text there (case and accents folded), n and N move
 * between the lines that hold it and come round, and leaving the raw view ends it. */
Test(model, finding_text_in_the_raw_json_view)
{
    TestModel t;
    Model *m = tm_start(&t, 1);
    model_open_detail(m);
    tm_detail(&t, "{\"_id\":\"r0\",\"status\":\"ONGOING\",\"fullName\":\"Lucía Pérez\",\"face\":null,"
                  "\"documentFace\":null,\"notes\":\"FACE to face\"}");
    model_toggle_raw_json(m);
    const DLines *dl = model_detail_lines(m);
    unsigned r = model_detail_find(m, "face", 0);
    cr_assert_neq(r & R_DETAIL, 0);
    cr_assert_eq(model_detail_find_count(m), 3, "face, documentFace and the notes");
    long first = m->det.cursor;
    StrBuf b = STRBUF_INIT;
    dl_line_text(dl, (size_t)first, &b);
    cr_assert(strstr(b.s, "\"face\""), "the first line that holds it: %s", b.s);
    model_detail_find_step(m, +1);
    cr_assert_gt(m->det.cursor, first);
    model_detail_find_step(m, +1);
    model_detail_find_step(m, +1);
    cr_assert_eq(m->det.cursor, first, "round again");
    cr_assert(strstr(m->msg.text, "wrapped"), "%s", m->msg.text);
    model_detail_find_step(m, -1);
    cr_assert_gt(m->det.cursor, first, "N goes back round to the last");
    model_detail_find(m, "LUCIA", 0);
    strbuf_reset(&b);
    dl_line_text(dl, (size_t)m->det.cursor, &b);
    cr_assert(strstr(b.s, "Lucía"), "accents and case folded: %s", b.s);
    model_detail_find(m, "no such text", 0);
    cr_assert_eq(model_detail_find_count(m), 0);
    model_detail_find_step(m, +1);
    cr_assert(strstr(m->msg.text, "nothing in the record's JSON holds"), "%s", m->msg.text);
    model_toggle_raw_json(m);
    cr_assert_not(dfind_active(&m->det.find), "the search went with the text it searched");
    strbuf_free(&b);
    tm_free(&t);
}

/* f says how many records the search finds. */
Test(model, the_search_counts_what_it_finds)
{
    TestModel t;
    Model *m = tm_start(&t, 12); /* r0 … r11 */
    FilterError err;
    bool ok;
    model_set_search(m, "id:r1", -1, &err, &ok);
    cr_assert(ok);
    cr_assert_eq(model_search_count(m), 3, "r1, r10, r11");
    model_escape(m);
    cr_assert_eq(model_search_count(m), 0);
    tm_free(&t);
}

/* The header's overdue count follows the sla setting: two cases nine and seven hours in
 * review are both within the default 24 h, and one of them is past an 8 h SLA. */
Test(model, the_overdue_count_follows_the_sla_setting)
{
    const int64_t hour = 3600000LL, now = 1748174400000LL; /* tm_init's fixed clock */
    for (int sla_h = 0; sla_h <= 8; sla_h += 8) {
        TestModel t;
        tm_init(&t);
        t.m.sla_ms = sla_h * hour;
        model_load(&t.m, true);
        Summary *nine = tm_summary("r-nine", ST_NEEDS_MANUAL_VERIFICATION, now - 30 * hour);
        Summary *seven = tm_summary("r-seven", ST_NEEDS_MANUAL_VERIFICATION, now - 30 * hour);
        nine->updated_ms = now - 9 * hour;
        seven->updated_ms = now - 7 * hour;
        tm_page_of(&t, nine);
        tm_page_of(&t, seven);
        cr_assert_eq(t.m.counts.overdue, sla_h ? 1u : 0u, "sla %dh: %u overdue", sla_h, t.m.counts.overdue);
        tm_free(&t);
    }
}
