/* A view rebuild in resumable slices: filter, sorted runs, bottom-up merges. */
#include "model/view_slice.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

static void reset(Slicer *s, SortSpec sort, size_t cap)
{
    Slicer keep = *s;
    memset(s, 0, sizeof *s);
    s->out = xgrow(keep.out, &keep.capout, cap ? cap : 1, sizeof *s->out);
    s->capout = keep.capout;
    s->tmp = keep.tmp, s->captmp = keep.captmp;
    s->kout = keep.kout, s->capkout = keep.capkout;
    s->ktmp = keep.ktmp, s->capktmp = keep.capktmp;
    s->sort = sort;
}

void slicer_filter(Slicer *s, const uint32_t *input, size_t total, bool sorted_input, SortSpec sort)
{
    reset(s, sort, total);
    s->input = input;
    s->total = total;
    s->sorted_input = sorted_input;
    s->phase = SLICE_FILTER;
}

void slicer_sort(Slicer *s, const uint32_t *rows, size_t n, SortSpec sort)
{
    reset(s, sort, n);
    memcpy(s->out, rows, n * sizeof *rows);
    s->n = n;
    s->phase = SLICE_RUNS;
}

void slicer_free(Slicer *s)
{
    free(s->out);
    free(s->tmp);
    free(s->kout);
    free(s->ktmp);
    memset(s, 0, sizeof *s);
}

/* The merge of the pair of runs starting at s->lo begins. */
static void pair_start(Slicer *s)
{
    s->i = s->k = s->lo;
    s->j = s->lo + s->width < s->n ? s->lo + s->width : s->n;
}

static void after_filter(Slicer *s)
{
    s->pos = 0;
    s->phase = s->sorted_input || s->n < 2 ? SLICE_DONE : SLICE_RUNS;
}

static void after_runs(Slicer *s)
{
    if (s->n <= SLICE_RUN) {
        s->phase = SLICE_DONE;
        return;
    }
    s->tmp = xgrow(s->tmp, &s->captmp, s->n, sizeof *s->tmp);
    s->ktmp = xgrow(s->ktmp, &s->capktmp, s->n, sizeof *s->ktmp);
    s->width = SLICE_RUN;
    s->lo = 0;
    pair_start(s);
    s->phase = SLICE_MERGE;
}

static size_t filter_some(Slicer *s, const Store *st, const Filter *f, size_t budget)
{
    size_t rows = budget / SLICE_FILTER_COST + 1;
    size_t end = s->total - s->pos < rows ? s->total : s->pos + rows, done = (end - s->pos) * SLICE_FILTER_COST;
    for (; s->pos < end; s->pos++) {
        uint32_t rec = s->input ? s->input[s->pos] : (uint32_t)s->pos;
        if (filter_match(f, st->recs[rec]))
            s->out[s->n++] = rec;
    }
    if (s->pos == s->total)
        after_filter(s);
    return done;
}

static size_t sort_some(Slicer *s, const Store *st, size_t budget)
{
    size_t done = 0;
    while (s->pos < s->n && done < budget) {
        size_t len = s->n - s->pos < SLICE_RUN ? s->n - s->pos : SLICE_RUN;
        sort_indices(s->out + s->pos, len, st->recs, s->sort);
        if (s->n > SLICE_RUN) { /* merges follow */
            s->kout = xgrow(s->kout, &s->capkout, s->n, sizeof *s->kout);
            for (size_t i = s->pos; i < s->pos + len; i++)
                s->kout[i] = sort_digest(st->recs[s->out[i]], s->sort);
        }
        s->pos += len;
        done += len * SLICE_RUN_COST;
    }
    if (s->pos >= s->n)
        after_runs(s);
    return done;
}

/* Whether row i of out sorts before or with row j: by the digests when they differ.
 * Adds the step's units to *done: a tie on the digests reads both records. */
static bool left_first(const Slicer *s, const Store *st, size_t i, size_t j, size_t *done)
{
    const SortDigest *a = &s->kout[i], *b = &s->kout[j];
    if (a->k0 != b->k0 || a->k1 != b->k1) {
        *done += SLICE_MERGE_COST;
        return a->k0 != b->k0 ? a->k0 < b->k0 : a->k1 < b->k1;
    }
    *done += SLICE_TIE_COST;
    return sort_compare(st->recs[s->out[i]], st->recs[s->out[j]], s->sort) <= 0;
}

/* Merges out[lo, mid) and out[mid, hi) into tmp, resuming where the last slice stopped;
 * ties take the left row, so equal rows keep their order. */
static size_t merge_some(Slicer *s, const Store *st, size_t budget)
{
    size_t done = 0;
    while (done < budget) {
        size_t mid = s->lo + s->width < s->n ? s->lo + s->width : s->n;
        size_t hi = s->lo + 2 * s->width < s->n ? s->lo + 2 * s->width : s->n;
        while (s->k < hi && done < budget) {
            if (s->i < mid && s->j < hi) {
                size_t from = left_first(s, st, s->i, s->j, &done) ? s->i++ : s->j++;
                s->ktmp[s->k] = s->kout[from];
                s->tmp[s->k++] = s->out[from];
            } else { /* one side is used up: the rest of the other is copied whole */
                size_t from = s->i < mid ? s->i : s->j, len = hi - s->k;
                memcpy(s->tmp + s->k, s->out + from, len * sizeof *s->tmp);
                memcpy(s->ktmp + s->k, s->kout + from, len * sizeof *s->ktmp);
                s->k = hi;
                done += len / 16 + 1;
            }
        }
        if (s->k < hi)
            break;
        s->lo = hi;
        if (s->lo >= s->n) { /* a pass is done: the runs are twice as long */
            uint32_t *t = s->out;
            s->out = s->tmp;
            s->tmp = t;
            size_t c = s->capout;
            s->capout = s->captmp;
            s->captmp = c;
            SortDigest *kt = s->kout;
            s->kout = s->ktmp;
            s->ktmp = kt;
            c = s->capkout;
            s->capkout = s->capktmp;
            s->capktmp = c;
            s->width *= 2;
            s->lo = 0;
            if (s->width >= s->n) {
                s->phase = SLICE_DONE;
                break;
            }
        }
        pair_start(s);
    }
    return done;
}

bool slicer_step(Slicer *s, const Store *st, const Filter *f, size_t budget)
{
    size_t done = 0;
    while (s->phase != SLICE_DONE && done < budget) {
        switch (s->phase) {
        case SLICE_FILTER: done += filter_some(s, st, f, budget - done); break;
        case SLICE_RUNS: done += sort_some(s, st, budget - done); break;
        case SLICE_MERGE: done += merge_some(s, st, budget - done); break;
        case SLICE_DONE: break;
        }
    }
    s->work += done;
    return s->phase == SLICE_DONE;
}
