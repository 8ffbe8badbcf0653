/* The list's view: filter, sort and a selection that follows its record. */
#include "model/view.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

enum { CHANGED_MAX = 64 }; /* more changes than this at once: rebuild instead */

void view_init(View *v, SortSpec sort)
{
    memset(v, 0, sizeof *v);
    FilterError err;
    v->filter = filter_compile("", 0, &err);
    v->sort = v->idx_sort = sort;
    v->sel = -1;
    v->sel_rec = -1;
    v->pin_rec = -1;
    v->rows = 1;
    v->slice_min = VIEW_SLICE_MIN;
    v->slice_budget = VIEW_SLICE_BUDGET;
}

void view_free(View *v)
{
    free(v->idx);
    free(v->pend);
    free(v->changed);
    free(v->order);
    filter_free(v->filter);
    filter_free(v->rb.filter);
    slicer_free(&v->rb.s);
    memset(v, 0, sizeof *v);
}

long view_find(const View *v, long rec)
{
    if (rec < 0)
        return -1;
    for (size_t i = 0; i < v->n; i++)
        if (v->idx[i] == (uint32_t)rec)
            return (long)i;
    return -1;
}

static long clamp(long x, long lo, long hi)
{
    return x < lo ? lo : x > hi ? hi : x;
}

/* Puts top where the selection is visible and the screen is as full as it can be. */
static void fix_top(View *v)
{
    if (v->n == 0) {
        v->sel = -1;
        v->sel_rec = -1;
        v->top = 0;
        return;
    }
    v->sel = clamp(v->sel, 0, (long)v->n - 1);
    v->sel_rec = v->idx[v->sel];
    if (v->sel < v->top)
        v->top = v->sel;
    if (v->sel >= v->top + v->rows)
        v->top = v->sel - v->rows + 1;
    long max_top = (long)v->n - v->rows;
    v->top = clamp(v->top, 0, max_top < 0 ? 0 : max_top);
}

/* After the rows changed under the selection: find its record again and keep its row on
 * the screen where it was (screen_row = sel - top before the change). */
static void follow(View *v, long screen_row, bool keep_or_first)
{
    long at = view_find(v, v->sel_rec);
    if (at < 0) {
        if (keep_or_first) {
            v->sel = 0;
            v->top = 0;
        }
        /* else: the record left; the same row keeps the selection (clamped) */
    } else {
        v->sel = at;
        v->top = at - screen_row;
    }
    fix_top(v);
}

static void add_pending(uint32_t **arr, size_t *n, size_t *cap, uint32_t rec)
{
    *arr = xgrow(*arr, cap, *n + 1, sizeof **arr);
    (*arr)[(*n)++] = rec;
}

void view_note_new(View *v, uint32_t rec)
{
    add_pending(&v->pend, &v->npend, &v->cappend, rec);
}

void view_note_changed(View *v, uint32_t rec)
{
    if (v->nchanged >= CHANGED_MAX) {
        v->full = true;
        return;
    }
    add_pending(&v->changed, &v->nchanged, &v->capchanged, rec);
}

bool view_has_pending(const View *v)
{
    return v->npend || v->nchanged || v->full;
}

/* When idx holds every record of the store in order, keeps a copy as the order. */
static void remember_order(View *v, const Store *st)
{
    if (!filter_is_empty(v->filter) || view_has_pending(v) || v->n != st->n || !v->n ||
        v->idx_sort.key != v->sort.key || v->idx_sort.descending != v->sort.descending)
        return;
    v->order = xgrow(v->order, &v->caporder, v->n, sizeof *v->order);
    memcpy(v->order, v->idx, v->n * sizeof *v->idx);
    v->norder = v->n;
    v->order_version = st->version;
    v->order_sort = v->sort;
}

static bool order_valid(const View *v, const Store *st)
{
    return v->norder && v->norder == st->n && v->order_version == st->version &&
           v->order_sort.key == v->sort.key && v->order_sort.descending == v->sort.descending;
}

/* ---- rebuilds in slices ------------------------------------------------------------------- */

bool view_busy(const View *v)
{
    return v->rb.active;
}

const Filter *view_filter(const View *v)
{
    return v->rb.active && v->rb.filter ? v->rb.filter : v->filter;
}

/* Starts (or starts again) a rebuild of the whole store in slices. f: the new filter
 * (owned); NULL keeps the one a running rebuild builds for, or the view's own. What was
 * noted so far is in the store, so the rebuild covers it; what comes later waits. */
static void start_slices(View *v, const Store *st, Filter *f, bool keep_or_first)
{
    bool was = v->rb.active;
    if (f) {
        filter_free(v->rb.filter);
        v->rb.filter = f;
    } else if (!was) {
        v->rb.filter = NULL;
    }
    v->rb.keep_or_first = keep_or_first || (was && v->rb.keep_or_first);
    if (!was)
        v->rb.show_top = false;
    v->rb.active = true;
    v->rb.gen++;
    v->npend = v->nchanged = 0;
    v->full = false;
    bool ordered = order_valid(v, st);
    slicer_filter(&v->rb.s, ordered ? v->order : NULL, st->n, ordered, v->sort);
}

/* Sorts the view's own rows in slices (a new sort, the same filter). */
static void start_sort_slices(View *v)
{
    v->rb.filter = NULL;
    v->rb.keep_or_first = true;
    v->rb.show_top = false;
    v->rb.active = true;
    v->rb.gen++;
    slicer_sort(&v->rb.s, v->idx, v->n, v->sort);
}

static void full_rebuild(View *v, const Store *st)
{
    v->idx = xgrow(v->idx, &v->cap, st->n ? st->n : 1, sizeof *v->idx);
    v->n = 0;
    if (order_valid(v, st)) {
        /* Match in store order (the summaries lie in memory that way), then pick the
         * matches out of the order: the order is total, so they come out sorted. */
        uint64_t *hit = xcalloc(st->n / 64 + 1, sizeof *hit);
        for (size_t i = 0; i < st->n; i++)
            if (filter_match(v->filter, st->recs[i]))
                hit[i / 64] |= 1ULL << (i % 64);
        for (size_t k = 0; k < v->norder; k++)
            if (hit[v->order[k] / 64] >> (v->order[k] % 64) & 1)
                v->idx[v->n++] = v->order[k];
        free(hit);
    } else {
        for (size_t i = 0; i < st->n; i++)
            if (filter_match(v->filter, st->recs[i]))
                v->idx[v->n++] = (uint32_t)i;
        sort_indices(v->idx, v->n, st->recs, v->sort);
    }
    v->idx_sort = v->sort;
    v->npend = v->nchanged = 0;
    v->full = false;
    remember_order(v, st);
}

void view_set_filter(View *v, const Store *st, Filter *f)
{
    remember_order(v, st); /* the view may show everything now, in order: worth keeping */
    if (v->rb.active || st->n >= v->slice_min) {
        start_slices(v, st, f, true);
        return;
    }
    filter_free(v->filter);
    v->filter = f;
    long screen_row = v->sel - v->top;
    full_rebuild(v, st);
    follow(v, screen_row, true);
}

void view_set_sort(View *v, const Store *st, SortSpec s)
{
    v->sort = s;
    if (v->rb.active || (st->n >= v->slice_min && (v->full || order_valid(v, st)))) {
        start_slices(v, st, NULL, true);
        return;
    }
    if (v->n >= v->slice_min) {
        view_sync(v, st); /* the rows to sort are all of them */
        start_sort_slices(v);
        return;
    }
    long screen_row = v->sel - v->top;
    full_rebuild(v, st);
    follow(v, screen_row, true);
}

/* Position where rec belongs in the sorted idx[0..n). */
static size_t insertion_point(const View *v, const Store *st, uint32_t rec)
{
    size_t lo = 0, hi = v->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sort_compare(st->recs[v->idx[mid]], st->recs[rec], v->idx_sort) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static void remove_at(View *v, size_t pos)
{
    memmove(v->idx + pos, v->idx + pos + 1, (v->n - pos - 1) * sizeof *v->idx);
    v->n--;
}

static void insert_at(View *v, size_t pos, uint32_t rec)
{
    v->idx = xgrow(v->idx, &v->cap, v->n + 1, sizeof *v->idx);
    memmove(v->idx + pos + 1, v->idx + pos, (v->n - pos) * sizeof *v->idx);
    v->idx[pos] = rec;
    v->n++;
}

/* A replaced record may have left, joined or moved. */
static void fix_changed(View *v, const Store *st, uint32_t rec)
{
    long at = view_find(v, rec);
    if (at >= 0 && (long)rec == v->pin_rec)
        return;
    if (at >= 0)
        remove_at(v, (size_t)at);
    if (filter_match(v->filter, st->recs[rec]))
        insert_at(v, insertion_point(v, st, rec), rec);
}

/* Filters the pending new records, sorts them and merges them into idx. */
static void merge_new(View *v, const Store *st)
{
    size_t k = 0;
    for (size_t i = 0; i < v->npend; i++)
        if (filter_match(v->filter, st->recs[v->pend[i]]))
            v->pend[k++] = v->pend[i];
    v->npend = 0;
    if (!k)
        return;
    /* A pinned row may be out of order (it keeps its place while the reviewer reads it),
     * which bisection cannot take: it steps out of the merge and back into its place. */
    long pin_at = v->pin_rec >= 0 ? view_find(v, v->pin_rec) : -1;
    if (pin_at >= 0)
        remove_at(v, (size_t)pin_at);
    sort_indices(v->pend, k, st->recs, v->idx_sort);
    v->idx = xgrow(v->idx, &v->cap, v->n + k, sizeof *v->idx);
    /* Merge from the back so it can be done in place. The shown records that sort after
     * each new one are found by bisection and moved in one block: a page costs k log n
     * comparisons, where a comparison per shifted record cost the whole view whenever new
     * records sort first (equal createdAt, larger ids: issue 17's stall). */
    size_t a = v->n, b = k, out = v->n + k;
    while (b > 0) {
        const Summary *x = st->recs[v->pend[b - 1]];
        size_t lo = 0, hi = a;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (sort_compare(st->recs[v->idx[mid]], x, v->idx_sort) > 0)
                hi = mid;
            else
                lo = mid + 1;
        }
        memmove(v->idx + out - (a - lo), v->idx + lo, (a - lo) * sizeof *v->idx);
        out -= a - lo;
        a = lo;
        v->idx[--out] = v->pend[--b];
    }
    v->n += k;
    if (pin_at >= 0)
        insert_at(v, (size_t)pin_at < v->n ? (size_t)pin_at : v->n, (uint32_t)v->pin_rec);
}

/* Changed and new records into the rows as they are. */
static void merge_pending(View *v, const Store *st)
{
    for (size_t i = 0; i < v->nchanged; i++)
        fix_changed(v, st, v->changed[i]);
    v->nchanged = 0;
    merge_new(v, st);
}

/* A rebuild is due rather than a merge: many changes, or more new records than rows in
 * a small store (a big one merges: k log n beats a pass over everything). */
static bool rebuild_due(const View *v, const Store *st)
{
    return v->full || (v->npend > v->n && st->n < v->slice_min);
}

/* The selection after the rows changed: on the first row when the first rows arrived,
 * else on its record, in its screen row. */
static void settle(View *v, long screen_row, bool keep_or_first)
{
    if (v->sel_rec < 0 && v->n > 0) {
        v->sel = 0;
        v->top = 0;
        fix_top(v);
        return;
    }
    follow(v, screen_row, keep_or_first);
}

void view_sync(View *v, const Store *st)
{
    if (v->rb.active || !view_has_pending(v))
        return; /* a rebuild under way takes what waits when it lands */
    long screen_row = v->sel - v->top;
    if (rebuild_due(v, st)) {
        if (st->n >= v->slice_min) {
            start_slices(v, st, NULL, false);
            return;
        }
        long pin_at = v->pin_rec >= 0 ? view_find(v, v->pin_rec) : -1;
        full_rebuild(v, st);
        if (pin_at >= 0 && view_find(v, v->pin_rec) < 0) /* a pinned row keeps its place anyway */
            insert_at(v, (size_t)pin_at < v->n ? (size_t)pin_at : v->n, (uint32_t)v->pin_rec);
    } else {
        merge_pending(v, st);
    }
    settle(v, screen_row, false);
}

/* The rebuild's rows replace the view's; what waited merges in; the selection follows. */
static void land(View *v, const Store *st)
{
    Slicer *s = &v->rb.s;
    long screen_row = v->sel - v->top;
    free(v->idx);
    v->idx = s->out;
    v->cap = s->capout;
    v->n = s->n;
    s->out = NULL;
    slicer_free(s);
    if (v->rb.filter) {
        filter_free(v->filter);
        v->filter = v->rb.filter;
        v->rb.filter = NULL;
    }
    v->idx_sort = v->sort;
    v->rb.active = false;
    v->rb.landed = v->rb.gen;
    remember_order(v, st);
    bool again = rebuild_due(v, st);
    if (!again)
        merge_pending(v, st);
    settle(v, screen_row, v->rb.keep_or_first);
    if (v->rb.show_top)
        view_show_top(v);
    if (again)
        start_slices(v, st, NULL, false);
}

bool view_work(View *v, const Store *st)
{
    if (!v->rb.active)
        return false;
    if (!slicer_step(&v->rb.s, st, view_filter(v), v->slice_budget))
        return false;
    land(v, st);
    return true;
}

void view_set_rows(View *v, int rows)
{
    v->rows = rows < 1 ? 1 : rows;
    fix_top(v);
}

void view_goto(View *v, long pos)
{
    if (v->n == 0)
        return;
    v->sel = clamp(pos, 0, (long)v->n - 1);
    fix_top(v);
}

void view_move(View *v, long delta)
{
    view_goto(v, v->sel + delta);
}

void view_page(View *v, long halves)
{
    if (v->n == 0)
        return;
    long step = halves * v->rows / 2;
    if (step == 0)
        step = halves > 0 ? 1 : -1;
    long max_top = (long)v->n - v->rows;
    long top = clamp(v->top + step, 0, max_top < 0 ? 0 : max_top);
    v->top = top;
    v->sel += step; /* at either end of the list the selection still goes the whole way */
    fix_top(v);
}

void view_scroll(View *v, long delta)
{
    if (v->n == 0)
        return;
    long max_top = (long)v->n - v->rows;
    v->top = clamp(v->top + delta, 0, max_top < 0 ? 0 : max_top);
    v->sel = clamp(v->sel, v->top, v->top + v->rows - 1);
    fix_top(v);
}

void view_show_top(View *v)
{
    if (v->rb.active) { /* for the rows it will show */
        v->rb.show_top = true;
        return;
    }
    v->top = 0;
    if (v->sel < 0 || v->sel >= v->rows)
        v->sel = 0;
    fix_top(v);
}

bool view_select_rec(View *v, long rec)
{
    long at = view_find(v, rec);
    if (at < 0)
        return false;
    view_goto(v, at);
    return true;
}
