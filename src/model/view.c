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
}

void view_free(View *v)
{
    free(v->idx);
    free(v->pend);
    free(v->changed);
    free(v->order);
    filter_free(v->filter);
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
    filter_free(v->filter);
    v->filter = f;
    long screen_row = v->sel - v->top;
    full_rebuild(v, st);
    follow(v, screen_row, true);
}

void view_set_sort(View *v, const Store *st, SortSpec s)
{
    v->sort = s;
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
        if (sort_compare(st->recs[v->idx[mid]], st->recs[rec], v->sort) <= 0)
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
    sort_indices(v->pend, k, st->recs, v->sort);
    v->idx = xgrow(v->idx, &v->cap, v->n + k, sizeof *v->idx);
    /* Merge from the back so it can be done in place. */
    size_t a = v->n, b = k, out = v->n + k;
    while (b > 0) {
        if (a > 0 && sort_compare(st->recs[v->idx[a - 1]], st->recs[v->pend[b - 1]], v->sort) > 0)
            v->idx[--out] = v->idx[--a];
        else
            v->idx[--out] = v->pend[--b];
    }
    v->n += k;
}

void view_sync(View *v, const Store *st)
{
    if (!view_has_pending(v))
        return;
    long screen_row = v->sel - v->top;
    if (v->full || v->npend > v->n) {
        long pin_at = v->pin_rec >= 0 ? view_find(v, v->pin_rec) : -1;
        full_rebuild(v, st);
        if (pin_at >= 0 && view_find(v, v->pin_rec) < 0) /* a pinned row keeps its place anyway */
            insert_at(v, (size_t)pin_at < v->n ? (size_t)pin_at : v->n, (uint32_t)v->pin_rec);
    } else {
        for (size_t i = 0; i < v->nchanged; i++)
            fix_changed(v, st, v->changed[i]);
        v->nchanged = 0;
        merge_new(v, st);
    }
    if (v->sel_rec < 0 && v->n > 0) { /* the first rows arrived */
        v->sel = 0;
        v->top = 0;
        fix_top(v);
        return;
    }
    follow(v, screen_row, false);
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
