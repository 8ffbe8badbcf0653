#include "core/store.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

static uint64_t hash_id(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

void store_init(Store *st)
{
    memset(st, 0, sizeof *st);
}

void store_free(Store *st)
{
    for (size_t i = 0; i < st->n; i++)
        free(st->recs[i]);
    for (size_t i = 0; i < st->ndetails; i++)
        detail_free(st->details[i].d);
    free(st->recs);
    free(st->details);
    free(st->slots);
    free(st->seen);
    memset(st, 0, sizeof *st);
}

/* ---- details: a small open-addressing map, keys never removed ---------------------- */

static DetailSlot *detail_slot(const Store *st, size_t idx)
{
    if (!st->ndetails)
        return NULL;
    size_t mask = st->ndetails - 1, i = (idx * 2654435761u) & mask;
    while (st->details[i].idx1 && st->details[i].idx1 != idx + 1)
        i = (i + 1) & mask;
    return &st->details[i];
}

static void detail_set(Store *st, size_t idx, Detail *d)
{
    DetailSlot *at = detail_slot(st, idx);
    if (at && at->idx1) {
        detail_free(at->d);
        at->d = d;
        return;
    }
    if (!d)
        return;
    if ((st->details_used + 1) * 2 > st->ndetails) {
        DetailSlot *old = st->details;
        size_t nold = st->ndetails;
        st->ndetails = nold ? nold * 2 : 16;
        st->details = xcalloc(st->ndetails, sizeof *st->details);
        for (size_t i = 0; i < nold; i++)
            if (old[i].idx1)
                *detail_slot(st, old[i].idx1 - 1) = old[i];
        free(old);
    }
    at = detail_slot(st, idx);
    *at = (DetailSlot){ (uint32_t)(idx + 1), d };
    st->details_used++;
}

void store_begin_load(Store *st)
{
    st->load++;
    st->load_dups = 0;
}

/* Slot holding id, or the empty slot where it would go. */
static size_t slot_of(const Store *st, const char *id)
{
    size_t mask = st->nslots - 1, i = (size_t)hash_id(id) & mask;
    while (st->slots[i] && strcmp(summary_str(st->recs[st->slots[i] - 1], SS_ID), id))
        i = (i + 1) & mask;
    return i;
}

/* A new index of n slots (a power of two, at least twice the records), every record
 * placed again: it reads every record's id, so it should happen rarely. */
static void rehash_to(Store *st, size_t n)
{
    free(st->slots);
    st->slots = xcalloc(n, sizeof *st->slots);
    st->nslots = n;
    for (size_t r = 0; r < st->n; r++)
        st->slots[slot_of(st, summary_str(st->recs[r], SS_ID))] = (uint32_t)(r + 1);
}

static void rehash(Store *st)
{
    rehash_to(st, st->nslots ? st->nslots * 2 : 1024);
}

void store_reserve(Store *st, size_t n)
{
    if (n > STORE_RESERVE_MAX)
        n = STORE_RESERVE_MAX;
    size_t want = st->nslots ? st->nslots : 1024;
    while (n * 2 > want)
        want *= 2;
    if (want > st->nslots)
        rehash_to(st, want);
}

long store_find(const Store *st, const char *id)
{
    if (!st->nslots)
        return -1;
    uint32_t v = st->slots[slot_of(st, id)];
    return v ? (long)v - 1 : -1;
}

/* The new summary, with the document number carried over from the old one if the new
 * one has none. */
static Summary *merged(Summary *old, Summary *fresh)
{
    if (fresh->has_docnum || !old->has_docnum)
        return fresh;
    SummaryInit in;
    summary_init_from(fresh, &in);
    in.str[SS_DOCNUM] = summary_str(old, SS_DOCNUM);
    Summary *s = summary_new(&in);
    free(fresh);
    return s;
}

static size_t put(Store *st, Summary *s, bool *inserted, bool from_load)
{
    /* One probe finds the record, or the empty slot a new one takes. */
    size_t slot = st->nslots ? slot_of(st, summary_str(s, SS_ID)) : 0;
    long at = st->nslots && st->slots[slot] ? (long)st->slots[slot] - 1 : -1;
    st->version++;
    if (at >= 0) {
        if (from_load && st->load) {
            st->load_dups += st->seen[at] == st->load;
            st->seen[at] = st->load;
        }
        Summary *old = st->recs[at];
        s = merged(old, s);
        if (store_detail(st, (size_t)at) && old->updated_ms != s->updated_ms)
            detail_set(st, (size_t)at, NULL);
        free(old);
        st->recs[at] = s;
        st->journal[st->replaced++ % STORE_JOURNAL] = (uint32_t)at;
        if (inserted)
            *inserted = false;
        return (size_t)at;
    }
    if (st->n == st->cap) {
        size_t cap = st->cap;
        st->recs = xgrow(st->recs, &cap, st->n + 1, sizeof *st->recs);
        st->seen = xrealloc(st->seen, cap * sizeof *st->seen);
        st->cap = cap;
    }
    size_t idx = st->n++;
    st->recs[idx] = s;
    st->seen[idx] = from_load ? st->load : 0;
    if (st->n * 2 > st->nslots)
        rehash(st);
    else
        st->slots[slot] = (uint32_t)(idx + 1);
    if (inserted)
        *inserted = true;
    return idx;
}

size_t store_put(Store *st, Summary *s, bool *inserted)
{
    return put(st, s, inserted, true);
}

size_t store_merge_page(Store *st, Page *p)
{
    size_t added = 0;
    for (size_t i = 0; i < p->n; i++) {
        bool ins;
        store_put(st, p->items[i], &ins);
        added += ins;
    }
    p->n = 0;
    return added;
}

size_t store_put_detail(Store *st, Detail *d)
{
    Summary *s = d->summary;
    d->summary = NULL;
    size_t idx = put(st, s, NULL, false);
    detail_set(st, idx, d);
    return idx;
}

void store_drop_detail(Store *st, size_t idx)
{
    if (idx >= st->n || !store_detail(st, idx))
        return;
    detail_set(st, idx, NULL);
    st->version++;
}

const Detail *store_detail(const Store *st, size_t idx)
{
    const DetailSlot *at = idx < st->n ? detail_slot(st, idx) : NULL;
    return at && at->idx1 ? at->d : NULL;
}

size_t store_memory(const Store *st)
{
    size_t bytes = st->cap * (sizeof *st->recs + sizeof *st->seen) + st->ndetails * sizeof *st->details +
                   st->nslots * sizeof *st->slots;
    for (size_t i = 0; i < st->n; i++)
        bytes += summary_size(st->recs[i]);
    return bytes;
}
