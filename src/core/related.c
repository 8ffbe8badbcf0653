#include "core/related.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

/* Each record's three keys are hashed once (32 bits of FNV-1a over the normalised key,
 * the kind mixed in; 0 = no key), in arrays parallel to the store: 12 bytes a record. A
 * lookup compares hashes over the whole store once, then only over what arrived since:
 * the last answer (its total and its newest hits) is kept for its record, so a store
 * that grows by a page costs a page, however large a group of equal keys gets. Every
 * hash match is confirmed on the keys themselves, so totals are exact. */

enum { KEY_MAX = 160, MIN_PHONE_DIGITS = 6, MIN_DOC_CHARS = 4, TOP_MAX = 32 };

static const unsigned kinds[3] = { REL_EMAIL, REL_PHONE, REL_DOC };

struct Related {
    uint32_t *hash[3]; /* per kind, per record */
    size_t n, cap;     /* records hashed */
    uint64_t replaced; /* the store's replacements seen */
    /* the last answer */
    long q_idx;        /* its record, -1 = none */
    uint32_t q_hash[3];
    char q_key[3][KEY_MAX];
    size_t q_upto;     /* records [0, q_upto) are counted in it */
    size_t q_total;
    RelatedHit q_top[TOP_MAX]; /* newest first */
    size_t q_ntop;
    uint64_t work;
};

Related *related_new(void)
{
    Related *r = xcalloc(1, sizeof(Related));
    r->q_idx = -1;
    return r;
}

void related_free(Related *r)
{
    if (!r)
        return;
    for (int k = 0; k < 3; k++)
        free(r->hash[k]);
    free(r);
}

void related_key_email(const char *email, char *out, size_t n)
{
    size_t len = 0;
    for (const char *p = email; *p && len + 1 < n; p++)
        if (!isspace((unsigned char)*p))
            out[len++] = (char)tolower((unsigned char)*p);
    out[len] = '\0';
    if (!strchr(out, '@'))
        out[0] = '\0';
}

void related_key_phone(const char *country_code, const char *phone, char *out, size_t n)
{
    size_t len = 0, digits = 0;
    for (const char *p = country_code; *p && len + 1 < n; p++)
        if (isdigit((unsigned char)*p))
            out[len++] = *p;
    if (len + 1 < n)
        out[len++] = '-'; /* keeps "+57 300…" apart from "+573 00…" */
    for (const char *p = phone; *p && len + 1 < n; p++)
        if (isdigit((unsigned char)*p)) {
            out[len++] = *p;
            digits++;
        }
    out[digits >= MIN_PHONE_DIGITS ? len : 0] = '\0';
}

void related_key_doc(const char *num, char *out, size_t n)
{
    size_t len = 0;
    for (const char *p = num; *p && len + 1 < n; p++)
        if (isalnum((unsigned char)*p))
            out[len++] = (char)toupper((unsigned char)*p);
    out[len >= MIN_DOC_CHARS ? len : 0] = '\0';
}

/* The record's key of one kind; "" when it has none. */
static void key_of(const Summary *s, int k, char *out)
{
    if (kinds[k] == REL_EMAIL)
        related_key_email(summary_str(s, SS_EMAIL), out, KEY_MAX);
    else if (kinds[k] == REL_PHONE)
        related_key_phone(summary_str(s, SS_COUNTRY_CODE), summary_str(s, SS_PHONE), out, KEY_MAX);
    else
        related_key_doc(summary_str(s, SS_DOCNUM), out, KEY_MAX);
}

static uint32_t key_hash(const Summary *s, int k)
{
    char key[KEY_MAX];
    key_of(s, k, key);
    if (!*key)
        return 0;
    uint32_t h = 2166136261u ^ kinds[k];
    for (const char *p = key; *p; p++)
        h = (h ^ (unsigned char)*p) * 16777619u;
    return h ? h : 1;
}

static void hash_record(Related *r, const Store *st, size_t i)
{
    r->work++;
    for (int k = 0; k < 3; k++)
        r->hash[k][i] = key_hash(st->recs[i], k);
}

/* Brings the hashes up to the store: new records, then the replaced ones (all of them
 * when the store's journal no longer reaches back far enough). Returns false when a
 * replacement happened, since the last answer may then be stale. */
static bool sync(Related *r, const Store *st)
{
    if (st->n > r->cap) {
        size_t cap = r->cap;
        for (int k = 0; k < 3; k++) {
            cap = r->cap;
            r->hash[k] = xgrow(r->hash[k], &cap, st->n, sizeof *r->hash[k]);
        }
        r->cap = cap;
    }
    for (size_t i = r->n; i < st->n; i++)
        hash_record(r, st, i);
    size_t old_n = r->n;
    r->n = st->n;
    if (st->replaced == r->replaced)
        return true;
    if (st->replaced - r->replaced > STORE_JOURNAL) {
        for (size_t i = 0; i < old_n; i++)
            hash_record(r, st, i);
    } else {
        for (uint64_t j = r->replaced; j < st->replaced; j++)
            if (st->journal[j % STORE_JOURNAL] < old_n)
                hash_record(r, st, st->journal[j % STORE_JOURNAL]);
    }
    r->replaced = st->replaced;
    return false;
}

/* Newest first, then by id: does a come before b? */
static bool newer(const Store *st, uint32_t a, uint32_t b)
{
    const Summary *x = st->recs[a], *y = st->recs[b];
    if (x->created_ms != y->created_ms)
        return x->created_ms > y->created_ms;
    return strcmp(summary_str(x, SS_ID), summary_str(y, SS_ID)) < 0;
}

/* Keeps the TOP_MAX newest hits, in order. */
static void consider(Related *r, const Store *st, uint32_t j, unsigned bits)
{
    size_t n = r->q_ntop;
    if (n == TOP_MAX && !newer(st, j, r->q_top[n - 1].idx))
        return;
    size_t at = n < TOP_MAX ? n : TOP_MAX - 1;
    while (at > 0 && newer(st, j, r->q_top[at - 1].idx)) {
        r->q_top[at] = r->q_top[at - 1];
        at--;
    }
    r->q_top[at] = (RelatedHit){ j, bits };
    if (n < TOP_MAX)
        r->q_ntop++;
}

/* Which of bits record j really shares with the question's record, key by key. */
static unsigned confirm(const Related *r, const Store *st, size_t j, unsigned bits)
{
    unsigned out = 0;
    for (int k = 0; k < 3; k++) {
        if (!(bits & kinds[k]))
            continue;
        char key[KEY_MAX];
        key_of(st->recs[j], k, key);
        out |= strcmp(key, r->q_key[k]) ? 0 : kinds[k];
    }
    return out;
}

/* Counts the records [from, to) that share a key with the question's record. */
static void scan(Related *r, const Store *st, size_t from, size_t to)
{
    const uint32_t q0 = r->q_hash[0], q1 = r->q_hash[1], q2 = r->q_hash[2];
    for (size_t j = from; j < to; j++) {
        unsigned bits = (q0 && r->hash[0][j] == q0 ? REL_EMAIL : 0) | (q1 && r->hash[1][j] == q1 ? REL_PHONE : 0) |
                        (q2 && r->hash[2][j] == q2 ? REL_DOC : 0);
        if (!bits || j == (size_t)r->q_idx || !(bits = confirm(r, st, j, bits)))
            continue;
        r->q_total++;
        consider(r, st, (uint32_t)j, bits);
    }
    r->work += to - from;
    r->q_upto = to;
}

size_t related_find(Related *r, const Store *st, size_t idx, RelatedHit *out, size_t max, size_t *total)
{
    bool same = sync(r, st) && r->q_idx == (long)idx;
    if (idx >= st->n) {
        if (total)
            *total = 0;
        return 0;
    }
    if (!same) {
        r->q_idx = (long)idx;
        for (int k = 0; k < 3; k++) {
            r->q_hash[k] = r->hash[k][idx];
            key_of(st->recs[idx], k, r->q_key[k]);
        }
        r->q_upto = r->q_total = r->q_ntop = 0;
    }
    scan(r, st, r->q_upto, st->n);
    size_t written = r->q_ntop < max ? r->q_ntop : max;
    if (written)
        memcpy(out, r->q_top, written * sizeof *out);
    if (total)
        *total = r->q_total;
    return written;
}

uint64_t related_work(const Related *r)
{
    return r->work;
}
