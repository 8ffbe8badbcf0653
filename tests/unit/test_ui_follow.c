/* The detail pane follows the selection once it rests: moving replaces nothing in the
 * pane until FOLLOW_REST_MS without a move, so holding j scrolls only the list. A model
 * in memory (no curses, no worker: every fetch it asks for is counted). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "../testutil.h"
#include "testmodel.h"

Test(ui_follow, the_pane_waits_for_the_selection_to_rest)
{
    TestModel t;
    Model *m = tm_start(&t, 10);
    cr_assert_eq(m->det.rec, m->view.sel_rec, "an empty pane fills at once");
    cr_assert_eq(m->det.follow_due, 0);
    cr_assert_gt(m->det.fetch_due, 0, "its fetch is scheduled");
    long first = m->det.rec;

    unsigned r = 0;
    for (int i = 0; i < 5; i++) /* j held down */
        r |= model_list_nav(m, NAV_DOWN);
    cr_assert_eq(m->det.rec, first, "the pane still shows the first record");
    cr_assert_eq(r & R_DETAIL, 0, "and is not redrawn");
    int64_t due = m->det.follow_due;
    cr_assert_gt(due, 0);

    /* The first record's fetch was due, but the selection moved on: it waits. */
    m->det.fetch_due = 1;
    int64_t next;
    tm_tick_at(&t, due - 1, &next);
    cr_assert_eq(next, due);
    cr_assert_eq(m->det.rec, first);
    cr_assert_eq(t.jobs.retrieves, 0, "no fetch for a record the selection left");

    /* At rest: the pane shows the selected record, and fetches it a little later. */
    r = tm_tick_at(&t, due, &next);
    cr_assert_gt(next, due);
    cr_assert_eq(m->det.rec, m->view.sel_rec);
    cr_assert_neq(m->det.rec, first);
    cr_assert_eq(m->det.follow_due, 0);
    cr_assert_neq(r & R_DETAIL, 0);
    cr_assert_gt(m->det.fetch_due, due);
    cr_assert_eq(model_detail_state(m), DS_LOADING, "a fetch is due: shown as loading");
    tm_free(&t);
}

Test(ui_follow, back_where_it_was_and_explicit_showing)
{
    TestModel t;
    Model *m = tm_start(&t, 10);
    long first = m->det.rec;
    model_list_nav(m, NAV_DOWN);
    cr_assert_gt(m->det.follow_due, 0);
    model_list_nav(m, NAV_UP);
    cr_assert_eq(m->det.follow_due, 0, "j then k: nothing left to follow");
    cr_assert_eq(m->det.rec, first);

    for (int i = 0; i < 3; i++)
        model_list_nav(m, NAV_DOWN);
    model_detail_show_selected(m); /* Enter, Tab, a key aimed at the pane, a new layout */
    cr_assert_eq(m->det.rec, m->view.sel_rec);
    cr_assert_eq(m->det.follow_due, 0);

    tm_screen(&t, false); /* narrow terminal, pane closed: nothing to repaint, follow at once */
    model_list_nav(m, NAV_DOWN);
    cr_assert_eq(m->det.rec, m->view.sel_rec);
    cr_assert_eq(m->det.fetch_due, 0, "nothing is fetched for a pane that is not there");
    tm_free(&t);
}

/* A list page says the shown record changed on the server: its old full form is dropped,
 * and the pane asks for the new one (wide or narrow, as long as the pane is there). */
Test(ui_follow, a_dropped_full_form_is_fetched_again)
{
    TestModel t;
    Model *m = tm_start(&t, 3);
    tm_detail(&t, "{\"_id\":\"r0\",\"status\":\"ONGOING\",\"updatedAt\":\"2025-05-01T00:00:00Z\"}");
    long rec = store_find(&m->store, "r0");
    unsigned r;
    cr_assert(model_select(m, rec, &r));
    model_detail_show_selected(m);
    cr_assert_eq(model_detail_state(m), DS_LOADED);
    cr_assert_eq(m->det.fetch_due, 0);

    for (int visible = 1; visible >= 0; visible--) {
        tm_screen(&t, visible);
        m->det.fetch_due = 0;
        Summary *s = tm_summary("r0", ST_FAILED, 3000);
        s->updated_ms = 2000 + visible;
        tm_page_of(&t, s);
        cr_assert_eq(store_find(&m->store, "r0"), rec);
        cr_assert_null(store_detail(&m->store, (size_t)rec), "updatedAt moved: the full form is dropped");
        if (visible)
            cr_assert_gt(m->det.fetch_due, 0, "fetched again");
        else
            cr_assert_eq(m->det.fetch_due, 0, "not while the pane is hidden");
    }
    tm_screen(&t, true); /* the pane came back (a wider terminal) */
    cr_assert_gt(m->det.fetch_due, 0, "the record it shows is asked for");
    tm_free(&t);
}

/* A record the user moved away from while its full form was on the way: that retrieve is
 * cancelled when the next one is asked for, so a slow link serves only the record shown. */
Test(ui_follow, moving_on_cancels_the_retrieve_left_behind)
{
    TestModel t;
    Model *m = tm_start(&t, 10);
    int64_t next;
    tm_tick_at(&t, m->det.fetch_due, &next);
    cr_assert_eq(t.jobs.retrieves, 1);
    uint64_t first = m->det.job;
    cr_assert_gt(first, 0);
    model_list_nav(m, NAV_DOWN);
    tm_tick_at(&t, m->det.follow_due, &next);
    tm_tick_at(&t, m->det.fetch_due, &next);
    cr_assert_eq(t.jobs.retrieves, 2, "the record now shown is asked for");
    cr_assert_eq(t.jobs.job_cancels, 1);
    cr_assert_eq(t.jobs.cancelled_job, first, "the one left behind is cancelled");
    tm_free(&t);
}
