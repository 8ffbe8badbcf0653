#ifndef REGDESK_CORE_STORE_H
#define REGDESK_CORE_STORE_H
/* The record store: a master array that owns every summary (and any loaded detail), plus
 * an id index. A record keeps its index for the life of the store, so views (arrays of
 * indices) stay valid while pages merge in; an update replaces the record in place.
 * Only the main thread touches a store. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/parse.h"
#include "core/record.h"

enum { STORE_JOURNAL = 1024 };

/* The populated records that arrived (few: the ones a user opened), by record index. */
typedef struct DetailSlot {
    uint32_t idx1; /* record index + 1, 0 = empty */
    Detail *d;     /* NULL once dropped (the record changed on the server) */
} DetailSlot;

typedef struct Store {
    Summary **recs;
    DetailSlot *details; /* open addressing on the record index */
    size_t ndetails, details_used;
    size_t n, cap;
    uint32_t *slots;  /* open addressing: record index + 1, 0 = empty */
    size_t nslots;
    uint64_t version; /* bumped by every change, so caches know when to rebuild */
    /* Replacements so far, and the indices of the last STORE_JOURNAL of them (entry
     * k % STORE_JOURNAL is the k-th): a cache over the records redoes only those, unless
     * it fell more than STORE_JOURNAL behind. New records are indices >= an old n. */
    uint64_t replaced;
    uint32_t journal[STORE_JOURNAL];
    /* Duplicates within one load: the same id twice among the pages (or records) of
     * the load now running. seen[i] is the load that last delivered record i. */
    uint32_t *seen;
    uint32_t load;     /* 0 until store_begin_load */
    size_t load_dups;  /* records of this load whose id it had already delivered */
} Store;

void store_init(Store *st);
void store_free(Store *st);

/* Inserts s, or replaces the record with the same id (taking ownership either way).
 * A replacement keeps fields the new summary lacks but the old one had (a list page
 * without the document populated must not erase the document number a detail brought),
 * and drops a loaded detail when the record changed on the server (updatedAt moved).
 * Returns the record's index; *inserted (may be NULL) tells which happened. */
size_t store_put(Store *st, Summary *s, bool *inserted);
/* A new load starts (a full list, a dump file): from here, a record that arrives with
 * an id this load already delivered is a duplicate; it still replaces the one kept (the
 * later copy is the fresher), and load_dups counts it. A reload of what is already
 * there is not a duplicate. */
void store_begin_load(Store *st);
/* Moves every item of the page into the store; returns how many were new. */
size_t store_merge_page(Store *st, Page *p);
/* Attaches a populated record and refreshes its summary; takes ownership (never counted
 * as a duplicate). */
size_t store_put_detail(Store *st, Detail *d);

/* Forgets record idx's populated form (it is known to be stale); the summary stays. */
void store_drop_detail(Store *st, size_t idx);

/* Sizes the id index for n records (at most STORE_RESERVE_MAX), so that a load whose
 * size is known up front does not stop to re-index every record at each doubling (at
 * 1M records one re-index takes 100-200 ms, a frozen screen). Never shrinks it; the
 * cap bounds what a server announcing a huge total can make regdesk allocate. */
enum { STORE_RESERVE_MAX = 4u << 20 };
void store_reserve(Store *st, size_t n);

long store_find(const Store *st, const char *id); /* index or -1 */
const Detail *store_detail(const Store *st, size_t idx);

/* Heap bytes held by summaries, the arrays and the index (details not included). */
size_t store_memory(const Store *st);

#endif
