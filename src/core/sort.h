#ifndef REGDESK_CORE_SORT_H
#define REGDESK_CORE_SORT_H
/* Sorting the view: an array of record indices into the store. Every order is total and
 * stable: ties fall back to the id, so a re-sort never shuffles equal rows. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/record.h"

typedef enum SortKey {
    SORT_CREATED,
    SORT_UPDATED,
    SORT_AGE, /* oldest first when ascending: the review queue's natural order */
    SORT_STATUS, /* workflow order: NEEDS_MANUAL_VERIFICATION, ONGOING, STARTED, FAILED,
                    EXPIRED, COMPLETED_WITHOUT_KYC, COMPLETED, then unrecognised ones by
                    their text */
    SORT_FLAGS,
    SORT_FAILED, /* all kinds together */
    SORT_NAME,   /* case- and accent-insensitive (core/fold.h), then byte order */
    SORT_EMAIL,
    SORT__COUNT
} SortKey;

typedef struct SortSpec {
    SortKey key;
    bool descending;
} SortSpec;

const char *sort_key_name(SortKey k); /* "created", "updated", "age", ... */
/* "created", "-created", "flags", "+name": leading - means descending; names are
 * case-insensitive. */
bool sort_parse(const char *s, SortSpec *out);
/* Formats back to the same syntax. */
void sort_format(SortSpec spec, char *buf, size_t n);

/* Compares two summaries under spec (id as the last key, in the same direction). Missing
 * values sort last in either direction: no time, no status (UNKNOWN), an empty name or
 * email, a flags or failed count that arrived invalid (SUMF_REDFLAGS, SUMF_FAILED). */
int sort_compare(const Summary *a, const Summary *b, SortSpec spec);
/* Sorts idx[0..n) (indices into recs) in place; records that compare equal (a duplicate
 * id) keep their index order. */
void sort_indices(uint32_t *idx, size_t n, Summary *const *recs, SortSpec spec);
/* A record's sort digest under spec, two words compared in order: when two records'
 * digests differ, the smaller sorts first (sort_compare agrees); when equal, ask
 * sort_compare. Lets a merge compare most pairs without reading the records again. */
typedef struct SortDigest {
    uint64_t k0, k1;
} SortDigest;
SortDigest sort_digest(const Summary *s, SortSpec spec);
/* The server's `sort` value for the same order ("-createdAt"), or NULL when the server
 * cannot sort that way (the client sorts anyway). */
const char *sort_server_param(SortSpec spec);

#endif
