#ifndef REGDESK_MODEL_VIEW_H
#define REGDESK_MODEL_VIEW_H
/* The list's view of the store: the records that pass the filter, in sort order, as an
 * array of store indices (a store index is a record's for life), plus the selection and
 * the scroll position. No curses: unit-tested on its own.
 *
 * The selection follows the record, not the row (htop's "follow"): when pages merge in,
 * the filter or the sort changes, or a record changes, the same record stays selected.
 * While pages merge in, the selected row also keeps its place on the screen, so the list
 * never jumps under the reader. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/filter.h"
#include "core/sort.h"
#include "core/store.h"
#include "model/view_slice.h"

/* From this many input rows on, a rebuild (a filter or a sort) runs in slices between
 * input polls (view_work), so a keystroke never waits for it; below, it is done at once. */
enum { VIEW_SLICE_MIN = 200000, VIEW_SLICE_BUDGET = 32768 };

typedef struct View {
    uint32_t *idx; /* store indices in display order */
    size_t n, cap;
    Filter *filter; /* owned; never NULL after view_init */
    SortSpec sort;     /* may be set directly before a view_set_filter, which applies it */
    SortSpec idx_sort; /* the order idx is in */
    long sel;     /* selected row, -1 when the view is empty */
    long sel_rec; /* store index of the selected record, -1 when none */
    long top;     /* first row on screen */
    int rows;     /* rows on screen, >= 1 */
    uint32_t *pend; /* records inserted since the last view_sync */
    size_t npend, cappend;
    uint32_t *changed; /* records replaced since the last view_sync */
    size_t nchanged, capchanged;
    long pin_rec; /* a changed record that keeps its row (under the cursor), -1 none */
    bool full; /* a full rebuild is due */
    /* The whole store in sort order, kept from when the view last showed all of it: a
     * filter typed over it is then one pass over this array, not a sort per keystroke.
     * Valid while the store's version and the sort are the ones it was taken at. */
    uint32_t *order;
    size_t norder, caporder;
    uint64_t order_version;
    SortSpec order_sort;
    /* The rebuild in slices under way. The rows above stay what they are (and on screen)
     * until it lands; pages noted meanwhile wait and merge in when it does. */
    struct {
        bool active;
        uint64_t gen, landed; /* rebuilds started; the one whose rows are shown */
        Filter *filter;       /* the filter it builds for (owned); NULL: the view's own */
        bool keep_or_first;   /* the selection goes to the first row if its record left */
        bool show_top;        /* view_show_top was asked for while it ran */
        Slicer s;
    } rb;
    size_t slice_min;    /* VIEW_SLICE_MIN; tests lower it */
    size_t slice_budget; /* work units per view_work (VIEW_SLICE_BUDGET) */
} View;

void view_init(View *v, SortSpec sort);
void view_free(View *v);

/* Takes ownership of f (the previous filter is freed) and rebuilds. The selection stays
 * on its record when the record still matches; otherwise the first row is selected. */
void view_set_filter(View *v, const Store *st, Filter *f);
void view_set_sort(View *v, const Store *st, SortSpec s);

/* Tell the view what the store did; view_sync applies it. */
void view_note_new(View *v, uint32_t rec);
void view_note_changed(View *v, uint32_t rec);
bool view_has_pending(const View *v);
/* Merges what was noted (new records are filtered, sorted and merged; changed ones are
 * moved, added or removed — except pin_rec, which keeps its row, so a refresh never
 * moves the row a reviewer is reading), keeping the selected record and its screen row. */
void view_sync(View *v, const Store *st);

/* A rebuild is running in slices: view_work must be called until it lands. */
bool view_busy(const View *v);
/* One slice of it (about slice_budget units); true when its rows landed in this call
 * (the selection followed its record, what waited was merged in). */
bool view_work(View *v, const Store *st);
/* The filter the view shows, or the one it is being rebuilt for. */
const Filter *view_filter(const View *v);

/* Rows on screen (the layout tells); keeps the selection visible. */
void view_set_rows(View *v, int rows);
/* Moves the selection by delta rows (clamped). */
void view_move(View *v, long delta);
/* Selects row pos (clamped); keeps it visible with as little scrolling as possible. */
void view_goto(View *v, long pos);
/* Page moves scroll the list by a page and the selection with it. */
void view_page(View *v, long pages_x2); /* in half pages: 2 = one page down, -1 = half up */
/* Scrolls the list by delta rows (mouse wheel), dragging the selection only when it
 * would leave the screen. */
void view_scroll(View *v, long delta);
/* Row of store record rec, or -1. */
long view_find(const View *v, long rec);
/* Shows the view from its first row; the selection stays on its record when that record
 * is on this first screen, else it goes to the first row. */
void view_show_top(View *v);
/* Selects record rec if it is in the view; returns whether it is. */
bool view_select_rec(View *v, long rec);

#endif
