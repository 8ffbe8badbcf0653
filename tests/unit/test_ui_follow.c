/* The detail pane follows the selection once it rests: moving replaces nothing in the
 * pane until FOLLOW_REST_MS without a move, so holding j scrolls only the list. An App
 * in memory (no curses, no worker: a fetch posted by mistake would crash the test). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "../testutil.h"
#include "ui/app.h"

static void app_with_records(App *a, size_t n)
{
    memset(a, 0, sizeof *a);
    store_init(&a->store);
    view_init(&a->view, (SortSpec){ SORT_CREATED, true });
    for (size_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "r%zu", i);
        SummaryInit in = { .status = ST_ONGOING, .created_ms = 1000 * (int64_t)(n - i) };
        in.str[SS_ID] = id;
        bool ins;
        view_note_new(&a->view, (uint32_t)store_put(&a->store, summary_new(&in), &ins));
    }
    view_sync(&a->view, &a->store);
    view_set_rows(&a->view, 20);
    a->lay.detail = true; /* the pane is on screen (a wide terminal) */
    a->det.rec = a->det.err_rec = a->det.job_rec = -1;
}

static void app_done(App *a)
{
    view_free(&a->view);
    store_free(&a->store);
}

Test(ui_follow, the_pane_waits_for_the_selection_to_rest)
{
    App app, *a = &app;
    app_with_records(a, 10);
    detail_follow(a);
    cr_assert_eq(a->det.rec, a->view.sel_rec, "an empty pane fills at once");
    cr_assert_eq(a->det.follow_due, 0);
    cr_assert_gt(a->det.fetch_due, 0, "its fetch is scheduled");
    long first = a->det.rec;

    a->dirty = 0;
    for (int i = 0; i < 5; i++) { /* j held down */
        view_move(&a->view, 1);
        detail_follow(a);
    }
    cr_assert_eq(a->det.rec, first, "the pane still shows the first record");
    cr_assert_eq(a->dirty & D_DETAIL, 0, "and is not redrawn");
    int64_t due = a->det.follow_due;
    cr_assert_gt(due, 0);

    /* The first record's fetch was due, but the selection moved on: it waits. */
    a->det.fetch_due = 1;
    cr_assert_eq(detail_tick(a, due - 1), due);
    cr_assert_eq(a->det.rec, first);
    cr_assert_eq(a->det.job, 0, "no fetch for a record the selection left");

    /* At rest: the pane shows the selected record, and fetches it a little later. */
    cr_assert_gt(detail_tick(a, due), due);
    cr_assert_eq(a->det.rec, a->view.sel_rec);
    cr_assert_neq(a->det.rec, first);
    cr_assert_eq(a->det.follow_due, 0);
    cr_assert_neq(a->dirty & D_DETAIL, 0);
    cr_assert_gt(a->det.fetch_due, due);
    cr_assert_eq(detail_state(a), DS_LOADING, "a fetch is due: shown as loading");
    app_done(a);
}

Test(ui_follow, back_where_it_was_and_explicit_showing)
{
    App app, *a = &app;
    app_with_records(a, 10);
    detail_follow(a);
    long first = a->det.rec;
    view_move(&a->view, 1);
    detail_follow(a);
    cr_assert_gt(a->det.follow_due, 0);
    view_move(&a->view, -1);
    detail_follow(a);
    cr_assert_eq(a->det.follow_due, 0, "j then k: nothing left to follow");
    cr_assert_eq(a->det.rec, first);

    view_move(&a->view, 3);
    detail_follow(a);
    detail_follow_now(a); /* Enter, Tab, a key aimed at the pane, a new layout */
    cr_assert_eq(a->det.rec, a->view.sel_rec);
    cr_assert_eq(a->det.follow_due, 0);

    a->lay.detail = false; /* narrow terminal, pane closed: nothing to repaint, follow at once */
    view_move(&a->view, 1);
    detail_follow(a);
    cr_assert_eq(a->det.rec, a->view.sel_rec);
    cr_assert_eq(a->det.fetch_due, 0, "nothing is fetched for a pane that is not there");
    app_done(a);
}

/* A list page says the shown record changed on the server: its old full form is dropped,
 * and the pane asks for the new one (wide or narrow, as long as the pane is there). */
Test(ui_follow, a_dropped_full_form_is_fetched_again)
{
    App app, *a = &app;
    app_with_records(a, 3);
    Detail *det = tu_detail("{\"_id\":\"r0\",\"status\":\"ONGOING\",\"updatedAt\":\"2025-05-01T00:00:00Z\"}");
    long rec = (long)store_put_detail(&a->store, det);
    cr_assert(view_select_rec(&a->view, rec));
    detail_follow_now(a);
    cr_assert_eq(detail_state(a), DS_LOADED);
    cr_assert_eq(a->det.fetch_due, 0);

    for (int visible = 1; visible >= 0; visible--) {
        a->lay.detail = visible;
        a->det.fetch_due = 0;
        SummaryInit in = { .status = ST_FAILED, .created_ms = 3000, .updated_ms = 2000 + visible };
        in.str[SS_ID] = "r0";
        bool ins;
        cr_assert_eq((long)store_put(&a->store, summary_new(&in), &ins), rec);
        cr_assert_null(store_detail(&a->store, (size_t)rec), "updatedAt moved: the full form is dropped");
        detail_record_changed(a, rec);
        if (visible)
            cr_assert_gt(a->det.fetch_due, 0, "fetched again");
        else
            cr_assert_eq(a->det.fetch_due, 0, "not while the pane is hidden");
    }
    a->lay.detail = true;
    detail_follow_now(a); /* the pane came back (a wider terminal) */
    cr_assert_gt(a->det.fetch_due, 0, "the record it shows is asked for");
    app_done(a);
}
