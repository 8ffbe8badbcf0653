/* The field tables (generated from core/record_fields.h) and the one-pass scan. */
#include "core/parse_table.h"

#include <stdlib.h>
#include <string.h>

#include "core/parse_internal.h"

/* ---- the key index: one node per object level, keys hashed into buckets ------------------- */

enum { NODE_BUCKETS = 32, NODES_MAX = 10, ENTS_MAX = 96, NODE_KEYS_MAX = 64 };

typedef struct KeyEnt {
    const char *key; /* the path segment, not NUL-terminated */
    uint16_t len;
    int8_t row;      /* the row whose value this key is, or -1 */
    int8_t child;    /* node of the sub-object's keys, or -1 */
    uint8_t bit;     /* its number in the node, for the first-occurrence mask */
    bool export_only;
    uint8_t next;    /* next entry in the bucket, + 1 */
} KeyEnt;

typedef struct KeyNode {
    uint8_t head[NODE_BUCKETS]; /* first entry + 1 */
    uint8_t n;
} KeyNode;

struct FieldIndex {
    KeyNode node[NODES_MAX];
    KeyEnt ent[ENTS_MAX];
    int8_t next_spelling[FIELD_ROWS_MAX]; /* a member's next alias row, or -1 */
    uint8_t nnodes, nents;
};
typedef struct FieldIndex FieldIndex;


/* ---- the tables ------------------------------------------------------------------------- */

#define FIELD_ROW(T, kind, member, path, label, flags) \
    { path, label, (uint16_t)offsetof(T, member), RK_##kind, flags, ROW_##T##_##member },
#define KEY_ROW(T, name, path, flags) { path, NULL, 0, RK_NONE, flags, ROW_##T##_##name },
#define ALIAS_ROW(T, name, member, path, flags) { path, NULL, 0, RK_NONE, flags, ROW_##T##_##member },
#define COUNT_FIELD(T, kind, member, path, label, flags) +1
#define FIELD_SET(OBJ, T)                                                                          \
    static const FieldDesc OBJ##_ROWS[] = { OBJ##_FIELDS(FIELD_ROW, T) OBJ##_KEYS(KEY_ROW, T)       \
                                                OBJ##_ALIASES(ALIAS_ROW, T) };                     \
    static FieldIndex OBJ##_INDEX;                                                                 \
    const FieldSet FIELDS_##OBJ = { #T, OBJ##_ROWS, sizeof OBJ##_ROWS / sizeof *OBJ##_ROWS,       \
                                    0 OBJ##_FIELDS(COUNT_FIELD, T), &OBJ##_INDEX };

typedef struct Reviewer Reviewer; /* key-only tables: the type names only their rows */
typedef struct Envelope Envelope;

FIELD_SET(PROJECT, Project)
FIELD_SET(FLOW, Flow)
FIELD_SET(EMAIL_VAL, EmailVal)
FIELD_SET(PHONE_VAL, PhoneVal)
FIELD_SET(IMAGE, Image)
FIELD_SET(BIO_VAL, BioVal)
FIELD_SET(DOC_VAL, DocVal)
FIELD_SET(INFO_VAL, InfoVal)
FIELD_SET(PERSON, Person)
FIELD_SET(COMPARE, Compare)
FIELD_SET(CONSENT, Consent)
FIELD_SET(REVIEW, ReviewEntry)
FIELD_SET(REVIEWER, Reviewer)
FIELD_SET(ATTEMPT, Attempt)
FIELD_SET(REGISTRATION, Detail)
FIELD_SET(ENVELOPE, Envelope)

static const FieldSet *const all_sets[] = {
    &FIELDS_PROJECT, &FIELDS_FLOW,    &FIELDS_EMAIL_VAL, &FIELDS_PHONE_VAL, &FIELDS_IMAGE,
    &FIELDS_BIO_VAL, &FIELDS_DOC_VAL, &FIELDS_INFO_VAL,  &FIELDS_PERSON,    &FIELDS_COMPARE,
    &FIELDS_CONSENT, &FIELDS_REVIEW,  &FIELDS_REVIEWER,  &FIELDS_ATTEMPT,   &FIELDS_REGISTRATION,
    &FIELDS_ENVELOPE,
};
enum { N_SETS = sizeof all_sets / sizeof *all_sets };

static unsigned bucket_of(const char *key, size_t len)
{
    unsigned h = (unsigned)len * 31u;
    if (len)
        h += (unsigned char)key[0] * 7u + (unsigned char)key[len - 1];
    return h % NODE_BUCKETS;
}

/* A table that cannot be indexed is a bug in record_fields.h: stop at once. */
static void table_bug(void)
{
    abort();
}

static KeyEnt *ent_find(FieldIndex *ix, int node, const char *key, size_t len)
{
    for (unsigned e = ix->node[node].head[bucket_of(key, len)]; e; e = ix->ent[e - 1].next) {
        KeyEnt *k = &ix->ent[e - 1];
        if (k->len == len && !memcmp(k->key, key, len))
            return k;
    }
    return NULL;
}

static KeyEnt *ent_add(FieldIndex *ix, int node, const char *key, size_t len)
{
    KeyEnt *k = ent_find(ix, node, key, len);
    if (k)
        return k;
    KeyNode *n = &ix->node[node];
    if (ix->nents == ENTS_MAX || n->n == NODE_KEYS_MAX)
        table_bug();
    unsigned b = bucket_of(key, len);
    k = &ix->ent[ix->nents++];
    *k = (KeyEnt){ key, (uint16_t)len, -1, -1, n->n++, false, n->head[b] };
    n->head[b] = ix->nents;
    return k;
}

static void index_row(FieldIndex *ix, const FieldDesc *r, int row)
{
    int node = 0;
    const char *p = r->path;
    for (const char *dot; (dot = strchr(p, '.')); p = dot + 1) {
        KeyEnt *k = ent_add(ix, node, p, (size_t)(dot - p));
        if (k->child < 0) {
            if (ix->nnodes == NODES_MAX)
                table_bug();
            k->child = (int8_t)ix->nnodes++;
        }
        node = k->child;
    }
    KeyEnt *k = ent_add(ix, node, p, strlen(p));
    if (k->row >= 0)
        table_bug(); /* two rows for one path */
    k->row = (int8_t)row;
    k->export_only = (r->flags & FR_EXPORT) && k->child < 0;
}

static void build_index(const FieldSet *fs, FieldIndex *ix)
{
    if (fs->n > FIELD_ROWS_MAX)
        table_bug();
    ix->nnodes = 1;
    memset(ix->next_spelling, -1, sizeof ix->next_spelling);
    for (size_t r = 0; r < fs->n; r++) {
        index_row(ix, &fs->rows[r], (int)r);
        int m = fs->rows[r].member;
        if (m == (int)r)
            continue;
        while (ix->next_spelling[m] >= 0) /* aliases are tried in table order */
            m = ix->next_spelling[m];
        ix->next_spelling[m] = (int8_t)r;
    }
}

/* Before main, while the process has one thread; read-only from then on. */
__attribute__((constructor)) static void build_all(void)
{
    for (int i = 0; i < N_SETS; i++)
        build_index(all_sets[i], all_sets[i]->index);
}


/* ---- scanning ------------------------------------------------------------------------------ */

typedef struct Scan {
    const FieldIndex *ix;
    bool export;
    const cJSON **hits;
    UnknownKey unknown;
    void *ctx;
} Scan;

static void scan_node(const Scan *s, int node, const cJSON *obj)
{
    uint64_t seen = 0;
    for (const cJSON *c = obj->child; c; c = c->next) {
        const KeyEnt *k = c->string ? ent_find((FieldIndex *)s->ix, node, c->string, strlen(c->string)) : NULL;
        if (!k || (k->export_only && !s->export)) {
            if (node == 0 && s->unknown)
                s->unknown(s->ctx, c);
            continue;
        }
        if (seen >> k->bit & 1)
            continue; /* a repeated key: only the first counts */
        seen |= 1ULL << k->bit;
        if (k->row >= 0)
            s->hits[k->row] = c;
        if (k->child >= 0 && cJSON_IsObject(c))
            scan_node(s, k->child, c);
    }
}

void fields_scan(const FieldSet *fs, const cJSON *obj, bool export, FieldHits hits, UnknownKey unknown,
                 void *ctx)
{
    memset(hits, 0, fs->n * sizeof *hits);
    Scan s = { fs->index, export, hits, unknown, ctx };
    scan_node(&s, 0, obj);
}

const cJSON *fields_value(const FieldSet *fs, const FieldHits hits, int row)
{
    const FieldIndex *ix = fs->index;
    bool skip_null = fs->rows[row].flags & FR_SKIP_NULL;
    for (int r = row; r >= 0; r = ix->next_spelling[r]) {
        const cJSON *v = hits[r];
        if (v && !(skip_null && cJSON_IsNull(v)))
            return v;
    }
    return NULL;
}
