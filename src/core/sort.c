#include "core/sort.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/fold.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

static const char *const key_names[SORT__COUNT] = {
    [SORT_CREATED] = "created", [SORT_UPDATED] = "updated", [SORT_AGE] = "age",
    [SORT_STATUS] = "status",   [SORT_FLAGS] = "flags",     [SORT_FAILED] = "failed",
    [SORT_NAME] = "name",       [SORT_EMAIL] = "email",
};

/* Workflow order: what waits for a reviewer, then sessions still open (the user is in
 * the middle of it, then has not begun), then the closed ones from the least to the most
 * settled, then statuses regdesk does not know. A missing status (UNKNOWN) sorts last
 * as every missing value does. */
static const uint8_t status_rank[ST__COUNT] = {
    [ST_NEEDS_MANUAL_VERIFICATION] = 0,
    [ST_ONGOING] = 1,
    [ST_STARTED] = 2,
    [ST_FAILED] = 3,
    [ST_EXPIRED] = 4,
    [ST_COMPLETED_WITHOUT_KYC] = 5,
    [ST_COMPLETED] = 6,
    [ST_OTHER] = 7,
    [ST_UNKNOWN] = 8,
};

const char *sort_key_name(SortKey k)
{
    return k < SORT__COUNT ? key_names[k] : "?";
}

bool sort_parse(const char *s, SortSpec *out)
{
    bool desc = *s == '-';
    if (*s == '-' || *s == '+')
        s++;
    for (int k = 0; k < SORT__COUNT; k++) {
        if (!strcasecmp(s, key_names[k])) {
            *out = (SortSpec){ .key = (SortKey)k, .descending = desc };
            return true;
        }
    }
    return false;
}

void sort_format(SortSpec spec, char *buf, size_t n)
{
    snprintf(buf, n, "%s%s", spec.descending ? "-" : "", sort_key_name(spec.key));
}

/* A value the record does not have (or has in a form that cannot be trusted). */
static bool missing(const Summary *s, SortKey k)
{
    switch (k) {
    case SORT_CREATED:
    case SORT_AGE: return s->created_ms == TIME_NONE;
    case SORT_UPDATED: return s->updated_ms == TIME_NONE;
    case SORT_STATUS: return summary_status(s) == ST_UNKNOWN;
    case SORT_FLAGS: return s->invalid & SUMF_REDFLAGS;
    case SORT_FAILED: return s->invalid & SUMF_FAILED;
    case SORT_NAME: return !*summary_str(s, SS_NAME);
    case SORT_EMAIL: return !*summary_str(s, SS_EMAIL);
    default: return false;
    }
}

static int cmp_i64(int64_t a, int64_t b)
{
    return (a > b) - (a < b);
}

/* Folded first ("lucía" next to "Lucia"), then bytes, so the order is total. Equal
 * strings (common: the ties sort_indices hands over) skip the folding. */
static int text_compare(const char *a, const char *b)
{
    int c = strcmp(a, b);
    if (c == 0)
        return 0;
    int f = fold_compare(a, b);
    return f ? f : c;
}

static int status_compare(const Summary *a, const Summary *b)
{
    Status sa = summary_status(a), sb = summary_status(b);
    int c = status_rank[sa] - status_rank[sb];
    if (c || sa != ST_OTHER)
        return c;
    return text_compare(summary_str(a, SS_STATUS_RAW), summary_str(b, SS_STATUS_RAW));
}

static int key_compare(const Summary *a, const Summary *b, SortKey k)
{
    switch (k) {
    case SORT_CREATED:
    case SORT_AGE: return cmp_i64(a->created_ms, b->created_ms);
    case SORT_UPDATED: return cmp_i64(a->updated_ms, b->updated_ms);
    case SORT_STATUS: return status_compare(a, b);
    case SORT_FLAGS: return cmp_i64(a->red_flags, b->red_flags);
    case SORT_FAILED: return cmp_i64(summary_failed_total(a), summary_failed_total(b));
    case SORT_NAME: return text_compare(summary_str(a, SS_NAME), summary_str(b, SS_NAME));
    case SORT_EMAIL: return text_compare(summary_str(a, SS_EMAIL), summary_str(b, SS_EMAIL));
    default: return 0;
    }
}

/* Missing values go last whichever the direction; the id breaks ties and follows the
 * direction, so "-created" is exactly "created" reversed apart from the missing ones. */
int sort_compare(const Summary *a, const Summary *b, SortSpec spec)
{
    bool ma = missing(a, spec.key), mb = missing(b, spec.key);
    if (ma != mb)
        return ma ? 1 : -1;
    int c = ma ? 0 : key_compare(a, b, spec.key);
    if (!c)
        c = strcmp(summary_str(a, SS_ID), summary_str(b, SS_ID));
    return spec.descending ? -c : c;
}

/* sort_indices works on an index with an order-preserving digest of its sort keys:
 * key(a) < key(b) implies a sorts first, and only equal keys need a closer look.
 * Comparing integers instead of following pointers and folding names each time makes a
 * 100k sort several times faster. */
typedef struct Keyed {
    uint64_t key[2];
    size_t folded; /* name/email orders: offset of the folded text in SortCtx.folded */
    uint32_t idx;
} Keyed;

typedef struct SortCtx {
    Summary *const *recs;
    SortSpec spec;
    const char *folded; /* every folded name (email), NUL-separated; NULL for other keys */
} SortCtx;

static uint64_t time_key(int64_t t)
{
    return (uint64_t)t ^ (1ULL << 63);
}

/* The first 8·words bytes of b[0..len), big-endian: folded text and ids hold no NUL, so
 * padding with zeros keeps "ab" before "abc" as strcmp does. */
static void pack(const char *b, size_t len, uint64_t *key, size_t words)
{
    for (size_t i = 0; i < 8 * words; i++)
        key[i / 8] = key[i / 8] << 8 | (i < len ? (unsigned char)b[i] : 0);
}

/* The folded text goes into *folded; its first 16 bytes make the key. */
static void text_key(const char *s, Keyed *k, StrBuf *folded)
{
    char tmp[3 * SUMMARY_STR_MAX + 1]; /* folding at most triples a string */
    size_t n = fold_prefix(s, tmp, sizeof tmp - 1);
    tmp[n] = '\0';
    k->folded = folded->len;
    strbuf_append(folded, tmp, n + 1);
    pack(tmp, n, k->key, 2);
}

/* A time, count or status rank fits in key[0], and the start of the id follows it. */
static void value_key(const Summary *s, SortKey key, Keyed *k)
{
    switch (key) {
    case SORT_CREATED:
    case SORT_AGE: k->key[0] = time_key(s->created_ms); break;
    case SORT_UPDATED: k->key[0] = time_key(s->updated_ms); break;
    case SORT_STATUS: k->key[0] = status_rank[summary_status(s)]; break;
    case SORT_FLAGS: k->key[0] = s->red_flags; break;
    default: k->key[0] = summary_failed_total(s); break;
    }
    /* Unrecognised statuses sort by their text before the id: sort_compare does that. */
    if (!(key == SORT_STATUS && summary_status(s) == ST_OTHER)) {
        const char *id = summary_str(s, SS_ID);
        pack(id, strnlen(id, 8), k->key + 1, 1);
    }
}

static void sort_key(const Summary *s, SortSpec spec, Keyed *k, StrBuf *folded)
{
    k->key[0] = k->key[1] = 0;
    if (spec.key == SORT_NAME || spec.key == SORT_EMAIL)
        text_key(summary_str(s, spec.key == SORT_NAME ? SS_NAME : SS_EMAIL), k, folded);
    else
        value_key(s, spec.key, k);
    if (spec.descending)
        k->key[0] = ~k->key[0], k->key[1] = ~k->key[1];
    if (missing(s, spec.key))
        k->key[0] = k->key[1] = UINT64_MAX;
}

static int keyed_compare(const void *x, const void *y, void *arg)
{
    const Keyed *a = x, *b = y;
    const SortCtx *ctx = arg;
    for (int i = 0; i < 2; i++)
        if (a->key[i] != b->key[i])
            return a->key[i] < b->key[i] ? -1 : 1;
    int c = ctx->folded ? strcmp(ctx->folded + a->folded, ctx->folded + b->folded) : 0;
    if (c)
        return ctx->spec.descending ? -c : c;
    c = sort_compare(ctx->recs[a->idx], ctx->recs[b->idx], ctx->spec);
    /* Two records with one id (hostile data) keep their store order. */
    return c ? c : (a->idx > b->idx) - (a->idx < b->idx);
}

void sort_indices(uint32_t *idx, size_t n, Summary *const *recs, SortSpec spec)
{
    StrBuf folded = STRBUF_INIT;
    Keyed *k = xmalloc(n * sizeof *k);
    for (size_t i = 0; i < n; i++) {
        k[i].idx = idx[i];
        sort_key(recs[idx[i]], spec, &k[i], &folded);
    }
    SortCtx ctx = { recs, spec, folded.s };
    qsort_r(k, n, sizeof *k, keyed_compare, &ctx);
    for (size_t i = 0; i < n; i++)
        idx[i] = k[i].idx;
    free(k);
    strbuf_free(&folded);
}

/* Only the time orders: the server sorts status by its text, not in workflow order;
 * redFlags is gone from the documented object (reference §10.8); the failed counts are
 * array lengths it cannot sort by; its name field is not known to be the one the
 * summary shows; and it compares emails byte by byte, not folded. */
const char *sort_server_param(SortSpec spec)
{
    switch (spec.key) {
    case SORT_CREATED:
    case SORT_AGE: return spec.descending ? "-createdAt" : "createdAt";
    case SORT_UPDATED: return spec.descending ? "-updatedAt" : "updatedAt";
    default: return NULL;
    }
}
