#include "core/related.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

enum { KEY_MAX = 160, MIN_PHONE_DIGITS = 6, MIN_DOC_CHARS = 4 };

typedef struct Entry {
    uint64_t hash; /* of kind + key; 0 = empty slot */
    uint32_t idx;
} Entry;

struct Related {
    Entry *slots;
    size_t nslots;
    uint64_t built_version;
    size_t built_n;
    int built;
};

Related *related_new(void)
{
    return xcalloc(1, sizeof(Related));
}

void related_free(Related *r)
{
    if (!r)
        return;
    free(r->slots);
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
static void key_of(const Summary *s, unsigned kind, char *out)
{
    if (kind == REL_EMAIL)
        related_key_email(summary_str(s, SS_EMAIL), out, KEY_MAX);
    else if (kind == REL_PHONE)
        related_key_phone(summary_str(s, SS_COUNTRY_CODE), summary_str(s, SS_PHONE), out, KEY_MAX);
    else
        related_key_doc(summary_str(s, SS_DOCNUM), out, KEY_MAX);
}

static uint64_t hash_key(unsigned kind, const char *key)
{
    uint64_t h = 1469598103934665603ULL ^ kind;
    for (; *key; key++)
        h = (h ^ (unsigned char)*key) * 1099511628211ULL;
    return h ? h : 1;
}

static void insert(Related *r, uint64_t h, uint32_t idx)
{
    size_t mask = r->nslots - 1, i = (size_t)h & mask;
    while (r->slots[i].hash)
        i = (i + 1) & mask;
    r->slots[i] = (Entry){ h, idx };
}

static const unsigned kinds[] = { REL_EMAIL, REL_PHONE, REL_DOC };

static void rebuild(Related *r, const Store *st)
{
    size_t want = 1024;
    while (want < st->n * 3 * 2)
        want *= 2;
    free(r->slots);
    r->slots = xcalloc(want, sizeof *r->slots);
    r->nslots = want;
    char key[KEY_MAX];
    for (size_t i = 0; i < st->n; i++)
        for (size_t k = 0; k < 3; k++) {
            key_of(st->recs[i], kinds[k], key);
            if (*key)
                insert(r, hash_key(kinds[k], key), (uint32_t)i);
        }
    r->built_version = st->version;
    r->built_n = st->n;
    r->built = 1;
}

static void add_hit(RelatedHit *hits, size_t *n, uint32_t idx, unsigned kind)
{
    for (size_t i = 0; i < *n; i++)
        if (hits[i].idx == idx) {
            hits[i].kinds |= kind;
            return;
        }
    hits[(*n)++] = (RelatedHit){ idx, kind };
}

static int newest_first(const void *pa, const void *pb, void *ctx)
{
    const Store *st = ctx;
    const Summary *a = st->recs[((const RelatedHit *)pa)->idx];
    const Summary *b = st->recs[((const RelatedHit *)pb)->idx];
    if (a->created_ms != b->created_ms)
        return a->created_ms > b->created_ms ? -1 : 1;
    return strcmp(summary_str(a, SS_ID), summary_str(b, SS_ID));
}

size_t related_find(Related *r, const Store *st, size_t idx, RelatedHit *out, size_t max, size_t *total)
{
    if (!r->built || r->built_version != st->version || r->built_n != st->n)
        rebuild(r, st);
    RelatedHit *hits = NULL;
    size_t n = 0, cap = 0;
    char key[KEY_MAX], other[KEY_MAX];
    for (size_t k = 0; k < 3 && idx < st->n; k++) {
        key_of(st->recs[idx], kinds[k], key);
        if (!*key)
            continue;
        uint64_t h = hash_key(kinds[k], key);
        size_t mask = r->nslots - 1;
        for (size_t i = (size_t)h & mask; r->slots[i].hash; i = (i + 1) & mask) {
            uint32_t j = r->slots[i].idx;
            if (r->slots[i].hash != h || j == idx)
                continue;
            key_of(st->recs[j], kinds[k], other); /* a hash collision must not count */
            if (strcmp(key, other))
                continue;
            hits = xgrow(hits, &cap, n + 1, sizeof *hits);
            add_hit(hits, &n, j, kinds[k]);
        }
    }
    if (n)
        qsort_r(hits, n, sizeof *hits, newest_first, (void *)st);
    size_t written = n < max ? n : max;
    if (written)
        memcpy(out, hits, written * sizeof *out);
    if (total)
        *total = n;
    free(hits);
    return written;
}
