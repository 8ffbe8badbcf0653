/* One App Registration object → Summary (always) and Detail (retrieve). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/parse.h"
#include "core/parse_internal.h"
#include "core/parse_table.h"
#include "core/reasons.h"
#include "core/safetext.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"

enum { RAW_JSON_CAP = 256 * 1024, UNKNOWN_VALUE_CAP = 400 };

/* ---- Detail ----------------------------------------------------------------------- */

/* Top-level keys no table row knows, collected by the scan in the order they came. */
typedef struct Unknown {
    const cJSON **items;
    size_t n, cap;
} Unknown;

static void unknown_key(void *ctx, const cJSON *c)
{
    Unknown *u = ctx;
    u->items = xgrow(u->items, &u->cap, u->n + 1, sizeof *u->items);
    u->items[u->n++] = c;
}

static void read_unknown(Detail *d, const Unknown *u)
{
    if (!u->n)
        return;
    d->unknown.items = arena_alloc(&d->arena, u->n * sizeof(KV));
    for (size_t i = 0; i < u->n; i++) {
        const cJSON *c = u->items[i];
        KV *kv = &d->unknown.items[d->unknown.n++];
        kv->key = safetext_arena(&d->arena, c->string, strlen(c->string), SAFE_LINE);
        kv->value = field_json(&d->arena, c, UNKNOWN_VALUE_CAP);
    }
}

static void read_attempt(Arena *a, FailKind kind, const cJSON *e, Attempt *at)
{
    FieldHits hits;
    at->kind = kind;
    at->ref = field_ref(a, e);
    if (at->ref.st == REF_POPULATED) /* an id only: every field below comes out absent */
        fields_scan(&FIELDS_ATTEMPT, e, false, hits, NULL, NULL);
    else
        memset(hits, 0, sizeof hits);
    fields_read(a, &FIELDS_ATTEMPT, hits, at);
    const cJSON *fr = hits[ROW_Attempt_reason_raw];
    at->reason_raw = cJSON_IsObject(fr) ? field_str(a, jget(fr, "message")) : field_str(a, fr);
    char code[64];
    reason_normalize(at->reason_raw.s, code, sizeof code);
    at->reason_code = arena_strdup(a, code);
    Ref face = field_ref(a, hits[ROW_Attempt_face]);
    at->has_face = face.st == REF_ID || face.st == REF_POPULATED;
    at->at = field_time(a, hits[ROW_Attempt_at]);
    if (at->at.st != FS_OK)
        at->at = field_time(a, hits[ROW_Attempt_created_at]);
}

static int attempt_cmp(const void *pa, const void *pb)
{
    const Attempt *a = pa, *b = pb;
    bool ta = a->at.st == FS_OK, tb = b->at.st == FS_OK;
    if (ta != tb)
        return ta ? -1 : 1;
    if (ta && a->at.ms != b->at.ms)
        return a->at.ms < b->at.ms ? -1 : 1;
    if (a->kind != b->kind)
        return (int)a->kind - (int)b->kind;
    return strcmp(a->ref.id, b->ref.id);
}

static void read_attempts(Detail *d, const FieldHits hits)
{
    size_t n = 0;
    for (int k = 0; k < FAIL__COUNT; k++) {
        const cJSON *arr = hits[FAILED_ROWS[k]];
        if (cJSON_IsArray(arr))
            for (const cJSON *e = arr->child; e; e = e->next)
                n += !cJSON_IsNull(e);
    }
    if (!n)
        return;
    d->attempts = arena_alloc(&d->arena, n * sizeof *d->attempts);
    for (int k = 0; k < FAIL__COUNT; k++) {
        const cJSON *arr = hits[FAILED_ROWS[k]];
        if (!cJSON_IsArray(arr))
            continue;
        for (const cJSON *e = arr->child; e; e = e->next)
            if (!cJSON_IsNull(e))
                read_attempt(&d->arena, (FailKind)k, e, &d->attempts[d->n_attempts++]);
    }
    qsort(d->attempts, d->n_attempts, sizeof *d->attempts, attempt_cmp);
}

/* reviewedBy…: an id, {_id, name?, email?} or null. */
static Str reviewer_of(Arena *a, const cJSON *v)
{
    if (!cJSON_IsObject(v))
        return field_str(a, v);
    FieldHits hits;
    fields_scan(&FIELDS_REVIEWER, v, false, hits, NULL, NULL);
    Str name = field_str(a, hits[ROW_Reviewer_name]), email = field_str(a, hits[ROW_Reviewer_email]);
    if (*name.s && *email.s) {
        StrBuf b = STRBUF_INIT;
        strbuf_printf(&b, "%s <%s>", name.s, email.s);
        Str s = { arena_strdup(a, strbuf_cstr(&b)), FS_OK };
        strbuf_free(&b);
        return s;
    }
    if (*name.s || *email.s)
        return *name.s ? name : email;
    return field_str(a, fields_value(&FIELDS_REVIEWER, hits, ROW_Reviewer_id));
}

static void read_review(Arena *a, const cJSON *e, ReviewEntry *r)
{
    FieldHits hits;
    fields_scan(&FIELDS_REVIEW, e, false, hits, NULL, NULL);
    fields_read(a, &FIELDS_REVIEW, hits, r);
    const cJSON *staff = hits[ROW_ReviewEntry_reviewer];
    r->by_staff = staff && !cJSON_IsNull(staff);
    r->reviewer = reviewer_of(a, r->by_staff ? staff : hits[ROW_ReviewEntry_by_client]);
}

static void read_reviews(Detail *d, const cJSON *log)
{
    if (!cJSON_IsArray(log) || !log->child)
        return;
    size_t n = (size_t)cJSON_GetArraySize(log);
    d->reviews = arena_alloc(&d->arena, n * sizeof *d->reviews);
    for (const cJSON *e = log->child; e; e = e->next)
        if (cJSON_IsObject(e))
            read_review(&d->arena, e, &d->reviews[d->n_reviews++]);
}

static void read_raw(Detail *d, const cJSON *o)
{
    char *printed = cJSON_Print(o);
    if (!printed)
        return;
    size_t len = strlen(printed);
    StrBuf b = STRBUF_INIT;
    if (len > RAW_JSON_CAP) {
        size_t cut = utf8_prefix(printed, len, RAW_JSON_CAP);
        safetext_append(&b, printed, cut, SAFE_MULTILINE);
        strbuf_printf(&b, "\n… (%zu more bytes not shown)", len - cut);
    } else {
        safetext_append(&b, printed, len, SAFE_MULTILINE);
    }
    cJSON_free(printed);
    d->raw_json = arena_strdup(&d->arena, strbuf_cstr(&b));
    strbuf_free(&b);
}

static Detail *detail_from_json(const cJSON *o)
{
    Arena a;
    arena_init(&a);
    Detail *d = arena_alloc(&a, sizeof *d);
    d->arena = a; /* from here on every allocation goes through d->arena */

    FieldHits hits;
    Unknown unknown = { 0 };
    fields_scan(&FIELDS_REGISTRATION, o, false, hits, unknown_key, &unknown);
    Arena scratch;
    arena_init(&scratch);
    d->summary = summary_from_hits(&scratch, o, hits, false);
    arena_free(&scratch);

    fields_read(&d->arena, &FIELDS_REGISTRATION, hits, d);
    d->full_name = registration_name(&d->arena, hits);
    const cJSON *client = hits[ROW_Detail_client];
    d->client = field_str(&d->arena, client);
    if (d->client.st == FS_INVALID) /* a populated client: show its id */
        d->client = (Str){ field_ref(&d->arena, client).id, FS_OK };
    read_attempts(d, hits);
    read_reviews(d, hits[ROW_Detail_review_log]);
    read_unknown(d, &unknown);
    free(unknown.items);
    read_raw(d, o);
    return d;
}

Detail *parse_detail(char *body, size_t len, char *err, size_t errlen)
{
    /* The record may carry the enrollee token and OTP hashes: the arena is wiped. */
    JsonArena arena;
    json_arena_init(&arena, true);
    json_arena_enter(&arena);
    cJSON *root = json_parse_body(body, len, err, errlen);
    Detail *d = NULL;
    if (root) {
        redact_secrets(root, 0);
        const cJSON *obj = jget(root, "data");
        if (!obj)
            obj = root;
        if (cJSON_IsObject(obj) && jget(obj, "appRegistration") && cJSON_IsObject(jget(obj, "appRegistration")))
            obj = jget(obj, "appRegistration"); /* create's response shape */
        if (cJSON_IsObject(obj))
            d = detail_from_json(obj);
        else
            snprintf(err, errlen, "the response holds no registration object");
    }
    json_arena_leave(&arena);
    json_arena_free(&arena);
    return d;
}
