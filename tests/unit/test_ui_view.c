/* The list's view: filter, sort, and a selection that follows its record while pages
 * merge in, the filter and the sort change, and records change. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/store.h"
#include "model/view.h"
#include "testmodel.h"

static void add(Store *st, View *v, const char *id, Status status, int64_t created, const char *name)
{
    SummaryInit in = { .status = status, .created_ms = created, .updated_ms = created };
    in.str[SS_ID] = id;
    in.str[SS_NAME] = name;
    tm_put_noted(st, v, &in);
}

static const char *sel_id(const View *v, const Store *st)
{
    return v->sel_rec < 0 ? "" : summary_str(st->recs[v->sel_rec], SS_ID);
}

static Filter *compile(const char *expr)
{
    FilterError err;
    Filter *f = filter_compile(expr, 0, &err);
    cr_assert_not_null(f, "%s", err.msg);
    return f;
}

/* r000 … r(n-1), created 1000*i: newest is the last. */
static void fill(Store *st, View *v, int from, int to)
{
    for (int i = from; i < to; i++) {
        char id[32], name[32];
        snprintf(id, sizeof id, "r%03d", i);
        snprintf(name, sizeof name, "name %03d", i);
        add(st, v, id, i % 3 == 0 ? ST_NEEDS_MANUAL_VERIFICATION : ST_ONGOING, 1000 * (int64_t)i, name);
    }
}

/* Ongoing records r(first), r(first+2) … below r100, named "name NNN", created at NNN ms. */
static void every_other(Store *st, View *v, int first)
{
    for (int i = first; i < 100; i += 2) {
        char id[32], name[32];
        snprintf(id, sizeof id, "r%03d", i);
        snprintf(name, sizeof name, "name %03d", i);
        add(st, v, id, ST_ONGOING, i, name);
    }
}

/* An empty store and a view of `rows` rows over it in order `sort`. */
static void open_view(Store *st, View *v, SortSpec sort, int rows)
{
    store_init(st);
    view_init(v, sort);
    view_set_rows(v, rows);
}

/* A view of `rows` rows, oldest first, over records r000 … r(n-1) merged in. */
static void start(Store *st, View *v, int rows, int n)
{
    open_view(st, v, (SortSpec){ SORT_CREATED, false }, rows);
    fill(st, v, 0, n);
    view_sync(v, st);
}

Test(ui_view, first_rows_select_the_top)
{
    Store st;
    View v;
    open_view(&st, &v, (SortSpec){ SORT_CREATED, true }, 10);
    cr_assert_eq(v.sel, -1);
    fill(&st, &v, 0, 5);
    view_sync(&v, &st);
    cr_assert_eq(v.n, 5);
    cr_assert_eq(v.sel, 0);
    cr_assert_str_eq(sel_id(&v, &st), "r004", "newest first");
    view_free(&v);
    store_free(&st);
}

Test(ui_view, selection_and_screen_row_stay_while_pages_arrive)
{
    Store st;
    View v;
    open_view(&st, &v, (SortSpec){ SORT_NAME, false }, 10);
    /* Even names first, so later pages (odd) land above and below the selection. */
    every_other(&st, &v, 0);
    view_sync(&v, &st);
    view_goto(&v, 30); /* name 060 */
    long screen_row = v.sel - v.top;
    cr_assert_str_eq(sel_id(&v, &st), "r060");
    every_other(&st, &v, 1);
    view_sync(&v, &st);
    cr_assert_eq(v.n, 100);
    cr_assert_str_eq(sel_id(&v, &st), "r060", "the same record stays selected");
    cr_assert_eq(v.sel, 60, "it moved down in the list…");
    cr_assert_eq(v.sel - v.top, screen_row, "…but not on the screen");
    for (size_t i = 1; i < v.n; i++)
        cr_assert_lt(sort_compare(st.recs[v.idx[i - 1]], st.recs[v.idx[i]], v.sort), 0, "merged in order");
    view_free(&v);
    store_free(&st);
}

Test(ui_view, filter_keeps_the_record_or_goes_to_the_top)
{
    Store st;
    View v;
    start(&st, &v, 5, 30);
    view_goto(&v, 9); /* r009: NEEDS_MANUAL_VERIFICATION */
    view_set_filter(&v, &st, compile("status:review"));
    cr_assert_eq(v.n, 10);
    cr_assert_str_eq(sel_id(&v, &st), "r009", "still matches: still selected");
    view_goto(&v, 1);
    cr_assert_str_eq(sel_id(&v, &st), "r003");
    view_set_filter(&v, &st, compile("status:ongoing"));
    cr_assert_eq(v.sel, 0, "filtered out: the first row");
    cr_assert_eq(v.top, 0);
    cr_assert_str_eq(sel_id(&v, &st), "r001");
    view_set_filter(&v, &st, compile(""));
    cr_assert_str_eq(sel_id(&v, &st), "r001", "clearing the filter keeps it");
    cr_assert_eq(v.n, 30);
    view_free(&v);
    store_free(&st);
}

Test(ui_view, sort_change_follows_the_record)
{
    Store st;
    View v;
    start(&st, &v, 5, 20);
    view_goto(&v, 3);
    view_set_sort(&v, &st, (SortSpec){ SORT_CREATED, true });
    cr_assert_str_eq(sel_id(&v, &st), "r003");
    cr_assert_eq(v.sel, 16);
    cr_assert(v.sel >= v.top && v.sel < v.top + v.rows, "visible");
    view_free(&v);
    store_free(&st);
}

Test(ui_view, changed_record_moves_leaves_and_joins)
{
    Store st;
    View v;
    start(&st, &v, 5, 9);
    view_set_filter(&v, &st, compile("status:review")); /* r000 r003 r006 */
    cr_assert_eq(v.n, 3);
    view_goto(&v, 1);
    add(&st, &v, "r003", ST_COMPLETED, 3000, "done now");   /* leaves */
    add(&st, &v, "r004", ST_NEEDS_MANUAL_VERIFICATION, 4000, "now review"); /* joins */
    view_sync(&v, &st);
    cr_assert_eq(v.n, 3);
    cr_assert_str_eq(summary_str(st.recs[v.idx[0]], SS_ID), "r000");
    cr_assert_str_eq(summary_str(st.recs[v.idx[1]], SS_ID), "r004");
    cr_assert_str_eq(summary_str(st.recs[v.idx[2]], SS_ID), "r006");
    cr_assert_eq(v.sel, 1, "the selected record left: the same row stays selected");
    view_free(&v);
    store_free(&st);
}

Test(ui_view, moves_pages_and_scrolls_within_bounds)
{
    Store st;
    View v;
    start(&st, &v, 10, 100);
    view_move(&v, -5);
    cr_assert_eq(v.sel, 0);
    view_page(&v, 2);
    cr_assert_eq(v.sel, 10);
    cr_assert_eq(v.top, 10);
    view_page(&v, 1);
    cr_assert_eq(v.sel, 15);
    view_goto(&v, 1000);
    cr_assert_eq(v.sel, 99);
    cr_assert_eq(v.top, 90);
    view_scroll(&v, -50);
    cr_assert_eq(v.top, 40);
    cr_assert_eq(v.sel, 49, "the selection is dragged to stay on screen");
    view_set_rows(&v, 3);
    cr_assert(v.sel >= v.top && v.sel < v.top + 3);
    view_free(&v);
    store_free(&st);
}

Test(ui_view, hundred_thousand_rows_merge_quickly_and_in_order)
{
    Store st;
    View v;
    open_view(&st, &v, (SortSpec){ SORT_CREATED, true }, 50);
    for (int page = 0; page < 1000; page++) {
        for (int i = 0; i < 100; i++) {
            int k = page * 100 + i;
            char id[32];
            snprintf(id, sizeof id, "id%06d", k);
            add(&st, &v, id, ST_ONGOING, (int64_t)((k * 7919) % 100000), "n");
        }
        if (page % 10 == 9)
            view_sync(&v, &st);
    }
    view_sync(&v, &st);
    cr_assert_eq(v.n, 100000);
    for (size_t i = 1; i < v.n; i++)
        cr_assert_leq(st.recs[v.idx[i]]->created_ms, st.recs[v.idx[i - 1]]->created_ms);
    view_free(&v);
    store_free(&st);
}

/* The rows a filter shows, rebuilt from scratch by a view that has no kept order. */
static void assert_same_as_fresh(const View *v, const Store *st, const char *expr, const char *when)
{
    View fresh;
    view_init(&fresh, v->sort);
    view_set_filter(&fresh, st, compile(expr));
    cr_assert_eq(v->n, fresh.n, "%s, '%s': %zu rows, a fresh sort gives %zu", when, expr, v->n, fresh.n);
    for (size_t i = 0; i < v->n; i++)
        cr_assert_eq(v->idx[i], fresh.idx[i], "%s, '%s': row %zu differs", when, expr, i);
    view_free(&fresh);
}

/* A filter typed over the whole list picks its rows out of the kept order instead of
 * sorting per keystroke: the rows must be exactly the ones a sort gives, ties included,
 * and a changed store or sort must not reuse a stale order. */
Test(ui_view, filtering_over_the_kept_order_matches_a_fresh_sort)
{
    Store st;
    View v;
    store_init(&st);
    view_init(&v, (SortSpec){ SORT_NAME, false });
    for (int i = 0; i < 400; i++) {
        char id[32], name[32];
        snprintf(id, sizeof id, "r%03d", (i * 37) % 400);
        snprintf(name, sizeof name, "%s %d", i % 2 ? "Ruiz" : "Díaz", i % 7); /* many ties */
        add(&st, &v, id, i % 3 ? ST_ONGOING : ST_NEEDS_MANUAL_VERIFICATION, 1000 * (int64_t)(i % 13), name);
    }
    view_sync(&v, &st);
    const char *typed[] = { "r", "ru", "ruiz", "ruiz status:review", "ruiz 3", "d", "díaz", "" };
    size_t n = sizeof typed / sizeof *typed;
    /* From the whole list (the order is kept), through every keystroke. */
    for (size_t k = 0; k < n; k++) {
        view_set_filter(&v, &st, compile(typed[k]));
        assert_same_as_fresh(&v, &st, typed[k], "typed over the whole list");
    }
    /* A record changes while a filter hides part of the list: the kept order is stale. */
    view_set_filter(&v, &st, compile("ruiz"));
    add(&st, &v, "r005", ST_FAILED, 99999, "Aaron Ruiz");
    add(&st, &v, "r399", ST_FAILED, 5, "Zoe Díaz");
    view_sync(&v, &st);
    for (size_t k = 0; k < n; k++) {
        view_set_filter(&v, &st, compile(typed[k]));
        assert_same_as_fresh(&v, &st, typed[k], "after the store changed");
    }
    /* A saved view sets the sort directly, and the filter's rebuild applies it. */
    v.sort = (SortSpec){ SORT_CREATED, true };
    view_set_filter(&v, &st, compile("ruiz"));
    assert_same_as_fresh(&v, &st, "ruiz", "sort set with the filter");
    view_set_filter(&v, &st, compile(""));
    view_set_sort(&v, &st, (SortSpec){ SORT_STATUS, false });
    for (size_t k = 0; k < n; k++) {
        view_set_filter(&v, &st, compile(typed[k]));
        assert_same_as_fresh(&v, &st, typed[k], "after a sort change");
    }
    view_free(&v);
    store_free(&st);
}

/* Pages merged into the view one by one give exactly the order one full sort gives,
 * whether new records sort after the shown ones, before them, or among them, with many
 * ties (equal times and names); checked after every page. */
Test(view, pages_merge_into_the_order_a_full_sort_gives)
{
    static const struct { const char *how; int step, mod; } orders[] = {
        { "newest first", -1, 0 }, { "oldest first", 1, 0 }, { "scattered", 7919, 0 }, { "equal times", 1, 1 },
    };
    enum { N = 1200, PAGE = 100 };
    for (size_t o = 0; o < sizeof orders / sizeof *orders; o++) {
        for (int key = 0; key < 3; key++) {
            SortSpec spec = key == 0 ? (SortSpec){ SORT_CREATED, true }
                            : key == 1 ? (SortSpec){ SORT_NAME, false } : (SortSpec){ SORT_STATUS, false };
            Store st;
            View v;
            store_init(&st);
            view_init(&v, spec);
            view_set_rows(&v, 20);
            uint32_t *want = malloc(N * sizeof *want);
            for (int i = 0; i < N; i++) {
                int j = orders[o].step < 0 ? N - 1 - i : (i * orders[o].step) % N;
                char id[32], name[32];
                snprintf(id, sizeof id, "r%04d", j);
                snprintf(name, sizeof name, "name %d", j % 37);
                add(&st, &v, id, (Status)(ST_STARTED + j % 6), orders[o].mod ? 5000 : 1000 * (int64_t)j, name);
                if (i % PAGE == PAGE - 1 || i == N - 1) {
                    view_sync(&v, &st);
                    for (size_t r = 0; r < st.n; r++)
                        want[r] = (uint32_t)r;
                    sort_indices(want, st.n, st.recs, spec);
                    cr_assert_eq(v.n, st.n);
                    for (size_t r = 0; r < st.n; r++)
                        cr_assert_eq(v.idx[r], want[r], "%s, key %d, after %d records: row %zu", orders[o].how,
                                     key, i + 1, r);
                }
            }
            free(want);
            view_free(&v);
            store_free(&st);
        }
    }
}
