/* Big views rebuild in slices between input polls (issue 14: a keystroke never waits):
 * the rows that land are exactly a synchronous rebuild's, no slice does more than its
 * budget, the old rows stay until then, a newer rebuild replaces one under way, and
 * pages that arrive meanwhile merge in when it lands. The slicing threshold is lowered
 * here; the real one (VIEW_SLICE_MIN) and the times at 1M are make bench's. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/store.h"
#include "model/view.h"
#include "testmodel.h"

enum { N = 20000, BUDGET = 1000 };

static void put(Store *st, View *v, int i, int64_t created, const char *name)
{
    char id[32];
    snprintf(id, sizeof id, "r%05d", i);
    SummaryInit in = { .status = (Status)(ST_STARTED + i % 6), .created_ms = created, .updated_ms = created % 7 };
    in.str[SS_ID] = id;
    in.str[SS_NAME] = name;
    in.str[SS_EMAIL] = i % 5 ? "a@example.org" : "";
    tm_put_noted(st, v, &in);
}

/* N records with many ties (times, names, statuses) in a view that slices from 100 rows. */
static void big(Store *st, View *v, SortSpec sort)
{
    store_init(st);
    view_init(v, sort);
    v->slice_min = 100;
    v->slice_budget = BUDGET;
    view_set_rows(v, 30);
    for (int i = 0; i < N; i++) {
        char name[32];
        snprintf(name, sizeof name, "%s %d", i % 2 ? "Ruiz" : "Díaz", (i * 7919) % 53);
        put(st, v, i, 1000 * (int64_t)((i * 31) % 997), name);
    }
    view_sync(v, st); /* lands at once or starts slicing: the load's own rebuild */
    while (view_busy(v))
        view_work(v, st);
}

static Filter *compile(const char *expr)
{
    FilterError err;
    Filter *f = filter_compile(expr, 0, &err);
    cr_assert_not_null(f, "%s", err.msg);
    return f;
}

/* The rows a view that never slices shows for the same filter and sort. */
static void assert_as_synchronous(const View *v, const Store *st, const char *expr, const char *when)
{
    View sync;
    view_init(&sync, v->sort);
    sync.slice_min = SIZE_MAX;
    view_set_filter(&sync, st, compile(expr));
    cr_assert_eq(v->n, sync.n, "%s: %zu rows, a synchronous rebuild gives %zu", when, v->n, sync.n);
    for (size_t i = 0; i < v->n; i++)
        cr_assert_eq(v->idx[i], sync.idx[i], "%s: row %zu differs", when, i);
    view_free(&sync);
}

/* Runs the rebuild to its end, checking each slice: at most its budget (a sorted run is
 * one step), and the rows shown are the old ones until it lands. Returns the slices. */
static int finish(View *v, const Store *st, const uint32_t *old, size_t nold)
{
    int slices = 0;
    while (view_busy(v)) {
        uint64_t before = v->rb.s.work;
        cr_assert_eq(v->n, nold, "the old rows stay until the new ones land");
        cr_assert(!memcmp(v->idx, old, nold * sizeof *old), "the old rows stay as they were");
        bool landed = view_work(v, st);
        slices++;
        if (!landed)
            cr_assert_leq(v->rb.s.work - before, (uint64_t)BUDGET + SLICE_RUN * SLICE_RUN_COST,
                          "slice %d did %llu units", slices, (unsigned long long)(v->rb.s.work - before));
        cr_assert_lt(slices, 100000, "the rebuild never lands");
    }
    return slices;
}

static uint32_t *copy_rows(const View *v)
{
    uint32_t *c = malloc((v->n ? v->n : 1) * sizeof *c);
    memcpy(c, v->idx, v->n * sizeof *c);
    return c;
}

Test(view_slice, every_sort_and_filter_lands_the_rows_a_synchronous_rebuild_gives)
{
    const char *filters[] = { "", "ruiz", "status:review,failed", "díaz 7", "ruiz status:failed" };
    for (int key = 0; key < SORT__COUNT; key++) {
        for (int desc = 0; desc < 2; desc++) {
            SortSpec spec = { (SortKey)key, desc };
            Store st;
            View v;
            big(&st, &v, (SortSpec){ SORT_CREATED, true });
            uint32_t *old = copy_rows(&v);
            size_t nold = v.n;
            view_set_sort(&v, &st, spec);
            cr_assert(view_busy(&v), "a sort of %d rows runs in slices", N);
            int slices = finish(&v, &st, old, nold);
            cr_assert_gt(slices, 5, "sorting %d rows took %d slices", N, slices);
            char when[64];
            snprintf(when, sizeof when, "sort %s%s", desc ? "-" : "", sort_key_name((SortKey)key));
            assert_as_synchronous(&v, &st, "", when);
            for (size_t f = 0; f < sizeof filters / sizeof *filters; f++) {
                free(old);
                old = copy_rows(&v);
                nold = v.n;
                view_set_filter(&v, &st, compile(filters[f]));
                finish(&v, &st, old, nold);
                snprintf(when, sizeof when, "sort %s%s, filter '%s'", desc ? "-" : "",
                         sort_key_name((SortKey)key), filters[f]);
                assert_as_synchronous(&v, &st, filters[f], when);
            }
            free(old);
            view_free(&v);
            store_free(&st);
        }
    }
}

/* Typing: each keystroke starts a rebuild over the one under way; only the last lands,
 * and while it runs the view says which filter it is building for (the server side of
 * a load is read from it). */
Test(view_slice, a_new_rebuild_replaces_the_one_under_way)
{
    Store st;
    View v;
    big(&st, &v, (SortSpec){ SORT_NAME, false });
    const char *typed[] = { "r", "ru", "rui", "ruiz" };
    for (size_t k = 0; k < 4; k++) {
        view_set_filter(&v, &st, compile(typed[k]));
        view_work(&v, &st);
        view_work(&v, &st);
        cr_assert(view_busy(&v));
    }
    cr_assert(filter_is_empty(v.filter), "the rows shown are still the unfiltered ones");
    cr_assert(!filter_is_empty(view_filter(&v)));
    view_set_sort(&v, &st, (SortSpec){ SORT_EMAIL, true }); /* a sort keeps the typed filter */
    uint64_t last = v.rb.gen;
    while (view_busy(&v))
        view_work(&v, &st);
    cr_assert_eq(v.rb.landed, last, "the last rebuild asked for is the one shown");
    assert_as_synchronous(&v, &st, "ruiz", "after four keystrokes and a sort");
    view_free(&v);
    store_free(&st);
}

/* A load goes on while a rebuild runs: new pages and changed records wait, then merge
 * into the landed rows; the selected record stays selected on its screen row. */
Test(view_slice, pages_during_a_rebuild_merge_when_it_lands)
{
    Store st;
    View v;
    big(&st, &v, (SortSpec){ SORT_CREATED, false });
    view_goto(&v, 500);
    long rec = v.sel_rec;
    view_set_filter(&v, &st, compile("status:started,ongoing,review,failed"));
    view_work(&v, &st);
    for (int i = N; i < N + 300; i++)
        put(&st, &v, i, 1000 * (int64_t)(i % 991), "Ruiz new");
    put(&st, &v, 7, 123, "Ruiz changed"); /* r00007 again: a changed record */
    view_sync(&v, &st);                    /* a page's merge: it waits */
    cr_assert(view_busy(&v));
    while (view_busy(&v))
        view_work(&v, &st);
    cr_assert(!view_has_pending(&v));
    assert_as_synchronous(&v, &st, "status:started,ongoing,review,failed", "pages during the rebuild");
    if (filter_match(v.filter, st.recs[rec]))
        cr_assert_eq(v.sel_rec, rec, "the selection stays on its record");
    view_free(&v);
    store_free(&st);
}

/* The model drives the slices from its timers: each tick does one and asks to be called
 * again at once, so the loop looks at the keyboard between slices. */
Test(view_slice, the_model_slices_between_input_polls)
{
    TestModel t;
    Model *m = tm_start(&t, 20000);
    m->view.slice_min = 100;
    m->view.slice_budget = 500;
    unsigned r = model_set_sort(m, (SortSpec){ SORT_NAME, false });
    (void)r;
    cr_assert(view_busy(&m->view));
    int ticks = 0;
    int64_t next = 0;
    while (view_busy(&m->view)) {
        r = tm_tick_at(&t, tm_clock, &next);
        ticks++;
        if (view_busy(&m->view))
            cr_assert_eq(next, tm_clock, "another slice is due at once");
    }
    cr_assert_gt(ticks, 2);
    cr_assert(r & R_LIST, "the landed rows are drawn");
    for (size_t i = 1; i < m->view.n; i++)
        cr_assert_leq(sort_compare(m->store.recs[m->view.idx[i - 1]], m->store.recs[m->view.idx[i]], m->view.sort), 0);
    tm_free(&t);
}
