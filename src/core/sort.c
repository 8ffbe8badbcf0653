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

/* Folded first ("lucía" next to "Lucia"), then bytes, so the order is total: the folded
 * forms were made with the summary (record.h). */
static int key_text_compare(const Summary *a, const Summary *b, SumStr raw, SumStr key)
{
    int c = strcmp(summary_str(a, key), summary_str(b, key));
    return c ? c : strcmp(summary_str(a, raw), summary_str(b, raw));
}

/* The same for a field without a stored folded form. */
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
    case SORT_NAME: return key_text_compare(a, b, SS_NAME, SS_KEY_NAME);
    case SORT_EMAIL: return key_text_compare(a, b, SS_EMAIL, SS_KEY_EMAIL);
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

/* sort_indices works on an order-preserving digest of each record's sort keys, two
 * 64-bit words: k0 < k0' (or k0 = k0' and k1 < k1') means the first sorts first, and only
 * records equal in both need sort_compare. The index is radix-sorted on k0 (LSD, eight
 * bits a pass; a byte no record differs in costs no pass), a long run of equal k0 on k1
 * the same way, and what is left equal is sorted by comparison: a few records a run. */
typedef struct Keyed {
    uint64_t k0, k1;
    uint32_t idx;
    uint32_t pos; /* in the input: where its Tail is */
} Keyed;

typedef struct Tail Tail;
typedef struct TailSlot TailSlot;
typedef struct SortCtx {
    Summary *const *recs;
    SortSpec spec;
    Tail *tails; /* text sorts: each record's sort string past 16 bytes, by input position */
    TailSlot *slots; /* scratch for one tie run */
    size_t nslots;
} SortCtx;

static uint64_t time_key(int64_t t)
{
    return (uint64_t)t ^ (1ULL << 63);
}

/* Bytes b[from, from + 8) of a string of len bytes, big-endian, zeros past its end: text
 * holds no NUL, so padding keeps "ab" before "abc" as strcmp does. */
static uint64_t pack(const char *b, size_t len, size_t from)
{
    uint64_t w = 0;
    for (size_t i = from; i < from + 8; i++)
        w = w << 8 | (i < len ? (unsigned char)b[i] : 0);
    return w;
}

/* A small value in the top `bits` of k0, the start of the id after it (sort_compare
 * breaks ties by the id). */
static void value_then_id(const Summary *s, uint64_t v, unsigned bits, Keyed *k)
{
    const char *id = summary_str(s, SS_ID);
    size_t len = strnlen(id, 24), skip = bits / 8;
    k->k0 = v << (64 - bits) | pack(id, len, 0) >> bits;
    k->k1 = pack(id, len, 8 - skip);
}

static void sort_key(const Summary *s, SortSpec spec, Keyed *k)
{
    const char *text;
    switch (spec.key) {
    case SORT_CREATED:
    case SORT_AGE:
    case SORT_UPDATED: {
        const char *id = summary_str(s, SS_ID);
        k->k0 = time_key(spec.key == SORT_UPDATED ? s->updated_ms : s->created_ms);
        k->k1 = pack(id, strnlen(id, 8), 0);
        break;
    }
    case SORT_STATUS:
        /* An unrecognised status sorts by its text before the id: sort_compare does that. */
        if (summary_status(s) == ST_OTHER)
            k->k0 = (uint64_t)status_rank[ST_OTHER] << 56, k->k1 = 0;
        else
            value_then_id(s, status_rank[summary_status(s)], 8, k);
        break;
    case SORT_FLAGS: value_then_id(s, s->red_flags, 16, k); break;
    case SORT_FAILED: value_then_id(s, summary_failed_total(s), 24, k); break;
    case SORT_NAME:
    case SORT_EMAIL:
        text = summary_str(s, spec.key == SORT_NAME ? SS_KEY_NAME : SS_KEY_EMAIL);
        size_t len = strnlen(text, 16);
        k->k0 = pack(text, len, 0);
        k->k1 = pack(text, len, 8);
        break;
    default: k->k0 = k->k1 = 0; break;
    }
    if (spec.descending)
        k->k0 = ~k->k0, k->k1 = ~k->k1;
    if (missing(s, spec.key))
        k->k0 = k->k1 = UINT64_MAX;
}

SortDigest sort_digest(const Summary *s, SortSpec spec)
{
    Keyed k;
    sort_key(s, spec, &k);
    return (SortDigest){ k.k0, k.k1 };
}

static int keyed_compare(const void *x, const void *y, void *arg)
{
    const Keyed *a = x, *b = y;
    const SortCtx *ctx = arg;
    if (a->k0 != b->k0)
        return a->k0 < b->k0 ? -1 : 1;
    if (a->k1 != b->k1)
        return a->k1 < b->k1 ? -1 : 1;
    int c = sort_compare(ctx->recs[a->idx], ctx->recs[b->idx], ctx->spec);
    /* Two records with one id (hostile data) keep their store order. */
    return c ? c : (a->idx > b->idx) - (a->idx < b->idx);
}

/* Stable LSD radix sort of a[0..n) on its k0 (word 0) or k1 (word 1); tmp holds n. A
 * long array takes 11-bit digits (a millisecond time varies in 41 bits: four passes, not
 * six); a short one 8-bit ones, whose counts are cheap to clear and sum. */
static void radix(Keyed *a, Keyed *tmp, size_t n, int word)
{
    unsigned bits = n >= 65536 ? 11 : 8, digits = (64 + bits - 1) / bits;
    size_t radix_n = (size_t)1 << bits, mask = radix_n - 1;
#define DIGIT(e, d) ((size_t)((word ? (e).k1 : (e).k0) >> (bits * (d))) & mask)
    size_t *count = xcalloc(digits * radix_n, sizeof *count);
    for (size_t i = 0; i < n; i++)
        for (unsigned d = 0; d < digits; d++)
            count[d * radix_n + DIGIT(a[i], d)]++;
    Keyed *src = a, *dst = tmp;
    for (unsigned d = 0; d < digits; d++) {
        size_t *c = count + d * radix_n;
        if (c[DIGIT(src[0], d)] == n)
            continue; /* every record has this digit */
        size_t at = 0;
        for (size_t v = 0; v < radix_n; v++) {
            size_t m = c[v];
            c[v] = at;
            at += m;
        }
        for (size_t i = 0; i < n; i++)
            dst[c[DIGIT(src[i], d)]++] = src[i];
        Keyed *t = src;
        src = dst;
        dst = t;
    }
    if (src != a)
        memcpy(a, src, n * sizeof *a);
    free(count);
#undef DIGIT
}

enum { RADIX_RUN_MIN = 32, TAIL = 64 };

/* A text sort compares the string folded text, NUL, raw text, NUL, id (the NULs keep the
 * parts apart as the order wants: a shorter folded text sorts first). k0 and k1 hold its
 * first 16 bytes; its next TAIL bytes are copied in the same pass over the records, into
 * an array by input position, so a run that ties on 16 bytes sorts on compact local
 * bytes instead of reaching into every summary, in random order, per comparison. */
struct Tail {
    unsigned char b[TAIL];
    bool whole; /* the string ended inside b */
};

static void tail_of(const Summary *s, SortKey key, Tail *t)
{
    const char *parts[3] = { summary_str(s, key == SORT_NAME ? SS_KEY_NAME : SS_KEY_EMAIL),
                             summary_str(s, key == SORT_NAME ? SS_NAME : SS_EMAIL), summary_str(s, SS_ID) };
    size_t n = 0, skip = 16;
    for (int p = 0; p < 3; p++) {
        size_t len = strlen(parts[p]);
        const char *from = parts[p] + (p == 0 ? (len < skip ? len : skip) : 0);
        len -= (size_t)(from - parts[p]);
        size_t take = len < TAIL - n ? len : TAIL - n;
        memcpy(t->b + n, from, take);
        n += take;
        if (take < len || n == TAIL) {
            t->whole = false;
            return;
        }
        t->b[n++] = '\0';
    }
    memset(t->b + n, 0, TAIL - n);
    t->whole = true;
}

struct TailSlot {
    Tail t; /* copied in: comparisons stay in the run's own memory */
    Keyed k;
};

static int tail_compare(const void *x, const void *y, void *arg)
{
    const TailSlot *a = x, *b = y;
    const SortCtx *ctx = arg;
    int c = memcmp(a->t.b, b->t.b, TAIL);
    if (c)
        return ctx->spec.descending ? -c : c;
    return keyed_compare(&a->k, &b->k, arg); /* still equal: the whole order decides */
}

enum { INSERTION_MAX = 24 };

static void sort_text_run(Keyed *run, size_t m, SortCtx *ctx)
{
    if (m > ctx->nslots) {
        ctx->slots = xrealloc(ctx->slots, m * sizeof *ctx->slots);
        ctx->nslots = m;
    }
    TailSlot *slots = ctx->slots;
    for (size_t i = 0; i < m; i++) {
        slots[i].t = ctx->tails[run[i].pos];
        slots[i].k = run[i];
    }
    if (m <= INSERTION_MAX) {
        for (size_t i = 1; i < m; i++)
            for (size_t j = i; j > 0 && tail_compare(&slots[j - 1], &slots[j], ctx) > 0; j--) {
                TailSlot t = slots[j];
                slots[j] = slots[j - 1];
                slots[j - 1] = t;
            }
    } else {
        qsort_r(slots, m, sizeof *slots, tail_compare, ctx);
    }
    for (size_t i = 0; i < m; i++)
        run[i] = slots[i].k;
}

/* Orders a run of equal k0 on k1: radix when long, insertion when short. */
static void by_k1(Keyed *k, Keyed *tmp, size_t m)
{
    if (m > RADIX_RUN_MIN) {
        radix(k, tmp, m, 1);
        return;
    }
    for (size_t i = 1; i < m; i++) {
        Keyed x = k[i];
        size_t j = i;
        for (; j > 0 && k[j - 1].k1 > x.k1; j--)
            k[j] = k[j - 1];
        k[j] = x;
    }
}

/* Sorts each run of equal k0 (word 0) or k0 and k1 (word 1) by the rest of the order:
 * a long run of equal k0 is radix-sorted on k1 first. */
static void sort_runs(Keyed *k, Keyed *tmp, size_t n, SortCtx *ctx, int word)
{
    bool text = ctx->spec.key == SORT_NAME || ctx->spec.key == SORT_EMAIL;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && k[j].k0 == k[i].k0 && (word == 0 || k[j].k1 == k[i].k1))
            j++;
        if (word == 0 && j - i > 1 && text) {
            by_k1(k + i, tmp, j - i);
            sort_runs(k + i, tmp, j - i, ctx, 1);
        } else if (word == 0 && j - i > RADIX_RUN_MIN) {
            radix(k + i, tmp, j - i, 1);
            sort_runs(k + i, tmp, j - i, ctx, 1);
        } else if (j - i > 1 && text) {
            sort_text_run(k + i, j - i, ctx); /* ties on 16 bytes */
        } else if (j - i > 1) {
            qsort_r(k + i, j - i, sizeof *k, keyed_compare, ctx);
        }
        i = j;
    }
}

void sort_indices(uint32_t *idx, size_t n, Summary *const *recs, SortSpec spec)
{
    if (n < 2)
        return;
    bool text = spec.key == SORT_NAME || spec.key == SORT_EMAIL;
    Keyed *k = xmalloc(2 * n * sizeof *k);
    SortCtx ctx = { recs, spec, text ? xmalloc(n * sizeof(Tail)) : NULL, NULL, 0 };
    for (size_t i = 0; i < n; i++) {
        k[i].idx = idx[i];
        k[i].pos = (uint32_t)i;
        sort_key(recs[idx[i]], spec, &k[i]);
        if (text)
            tail_of(recs[idx[i]], spec.key, &ctx.tails[i]);
    }
    radix(k, k + n, n, 0);
    sort_runs(k, k + n, n, &ctx, 0);
    for (size_t i = 0; i < n; i++)
        idx[i] = k[i].idx;
    free(ctx.tails);
    free(ctx.slots);
    free(k);
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
