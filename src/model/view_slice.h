#ifndef REGDESK_MODEL_VIEW_SLICE_H
#define REGDESK_MODEL_VIEW_SLICE_H
/* A view's rows rebuilt a slice at a time, so that at a million records no step holds the
 * main thread longer than a small part of a frame (issue 14: a keystroke never waits).
 * The work is the synchronous rebuild's, cut where it can resume: a filter pass over the
 * input, runs of RUN rows sorted by sort_indices, then bottom-up merge passes. Every order
 * is total (core/sort.h), so the rows come out exactly as one sort_indices would leave
 * them. The merges compare each row's sort_digest, kept beside it, and read the records
 * only when two digests are equal. No curses, no threads: model/view.c drives it between input polls. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/filter.h"
#include "core/sort.h"
#include "core/store.h"

typedef enum SlicePhase { SLICE_FILTER, SLICE_RUNS, SLICE_MERGE, SLICE_DONE } SlicePhase;

typedef struct Slicer {
    SlicePhase phase;
    SortSpec sort;
    const uint32_t *input; /* the records to filter, in this order; NULL: the store's */
    size_t total, pos;     /* input size; the next input record, or the next run */
    bool sorted_input;     /* the input is in sort order already: no sort phases */
    uint32_t *out, *tmp;   /* the rows so far; the merge's other half */
    size_t n, capout, captmp;
    SortDigest *kout, *ktmp; /* each row's sort_digest, beside out and tmp, for the merge */
    size_t capkout, capktmp;
    size_t width, lo, i, j, k; /* merge: run width, the pair's start, its cursors */
    uint64_t work;         /* units done, for the tests' bound on a slice */
} Slicer;

/* Rows of one sorted run, and the units of work a row costs in each phase, weighed so
 * that a unit is about the same time at 1M records (make bench's scale row): a filter
 * reads each record, a run sorts them, a merge mostly compares digests side by side;
 * two rows equal in their digests (names sharing 16 folded bytes: common) are compared
 * in full, two records read from anywhere in the store, so that step costs more. */
enum { SLICE_RUN = 8192, SLICE_FILTER_COST = 2, SLICE_RUN_COST = 4, SLICE_MERGE_COST = 1, SLICE_TIE_COST = 16 };

/* Filters input[0..total) (store indices; NULL: 0..total-1) then sorts; sorted_input:
 * input is in sort's order already, so the matches are too. */
void slicer_filter(Slicer *s, const uint32_t *input, size_t total, bool sorted_input, SortSpec sort);
/* Sorts rows[0..n) (copied: the caller's array stays as it is). */
void slicer_sort(Slicer *s, const uint32_t *rows, size_t n, SortSpec sort);
/* About `budget` units of work (a run is sorted whole, so one may go over by a run);
 * true when the rows are done (s->out[0..s->n)). */
bool slicer_step(Slicer *s, const Store *st, const Filter *f, size_t budget);
void slicer_free(Slicer *s);

#endif
