/* One App Registration object → Summary (always) and Detail (retrieve). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/parse.h"
#include "core/parse_internal.h"
#include "core/reasons.h"
#include "core/safetext.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"

#define KEYS(...) ((const char *const[]){ __VA_ARGS__, NULL })

enum { RAW_JSON_CAP = 256 * 1024, UNKNOWN_VALUE_CAP = 400 };

static const char *const fail_keys[FAIL__COUNT] = {
    [FAIL_EMAIL] = "failedEmailValidations",
    [FAIL_PHONE] = "failedPhoneValidations",
    [FAIL_DOC] = "failedDocumentValidations",
    [FAIL_BIO] = "failedBiometricValidations",
};

/* A record without a usable id still has to be shown and kept apart from the others,
 * and a reload must find it again: its key is a hash of its content, marked with '~'. */
static const char *synthetic_id(Arena *a, const cJSON *obj)
{
    char *printed = cJSON_PrintUnformatted(obj);
    uint64_t h = 1469598103934665603ULL;
    for (const char *p = printed; p && *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    cJSON_free(printed);
    char buf[24];
    snprintf(buf, sizeof buf, "~%016llx", (unsigned long long)h);
    return arena_strdup(a, buf);
}

/* Joins two name parts with one space, skipping empty ones. */
static const char *join_names(Arena *a, const char *first, const char *last)
{
    size_t nf = strlen(first), nl = strlen(last);
    char *s = arena_alloc(a, nf + nl + 2);
    memcpy(s, first, nf);
    size_t pos = nf;
    if (nf && nl)
        s[pos++] = ' ';
    memcpy(s + pos, last, nl);
    s[pos + nl] = '\0';
    return s;
}

/* fullName, else firstName + lastName, else name, else the sign-up form's names. */
static Str resolve_name(Arena *a, const cJSON *o)
{
    Str full = field_str(a, jget(o, "fullName"));
    if (*full.s)
        return full;
    Str first = field_str(a, jget(o, "firstName")), last = field_str(a, jget(o, "lastName"));
    if (*first.s || *last.s) {
        FieldState st = first.st == FS_INVALID || last.st == FS_INVALID ? FS_INVALID : FS_OK;
        return (Str){ join_names(a, first.s, last.s), st };
    }
    Str name = field_str(a, jget(o, "name"));
    if (*name.s)
        return name;
    const cJSON *info = jget(o, "informationValidation");
    if (cJSON_IsObject(info)) {
        Str n = field_str(a, jget_any(info, KEYS("fullName", "name")));
        if (*n.s)
            return n;
        first = field_str(a, jget(info, "firstName"));
        last = field_str(a, jget(info, "lastName"));
        if (*first.s || *last.s)
            return (Str){ join_names(a, first.s, last.s), FS_OK };
    }
    return full.st != FS_ABSENT ? full : name;
}

/* A top-level value, else the same key inside a populated sub-object. */
static Str str_or_sub(Arena *a, const cJSON *o, const char *key, const char *sub, const char *subkey)
{
    Str s = field_str(a, jget(o, key));
    if (*s.s)
        return s;
    const cJSON *obj = jget(o, sub);
    if (cJSON_IsObject(obj)) {
        Str t = field_str(a, jget(obj, subkey));
        if (*t.s)
            return t;
    }
    return s;
}

static void read_status(Arena *a, const cJSON *o, SummaryInit *in)
{
    Str st = field_str(a, jget(o, "status"));
    if (st.st == FS_INVALID) {
        in->status = ST_UNKNOWN;
        in->invalid |= SUMF_STATUS;
        in->str[SS_STATUS_RAW] = st.s;
        return;
    }
    in->status = status_parse(st.s, strlen(st.s));
    if (in->status == ST_OTHER || (in->status != ST_UNKNOWN && strcmp(st.s, status_name(in->status))))
        in->str[SS_STATUS_RAW] = st.s; /* "completed", "PAUSED": shown as sent */
}

/* The failedReason of a populated attempt: a string, or {message}. */
static const char *failed_reason(const cJSON *e)
{
    const cJSON *fr = jget(e, "failedReason");
    if (cJSON_IsObject(fr))
        fr = jget(fr, "message");
    return cJSON_IsString(fr) && fr->valuestring ? fr->valuestring : "";
}

/* Populated liveness attempts whose reason is a capture-quality reject. */
static unsigned count_quality_rejects(const cJSON *arr)
{
    unsigned n = 0;
    for (const cJSON *e = cJSON_IsArray(arr) ? arr->child : NULL; e; e = e->next) {
        char code[64];
        reason_normalize(failed_reason(e), code, sizeof code);
        n += cJSON_IsObject(e) && reason_is_quality(code);
    }
    return n;
}

static void read_counts(const cJSON *o, SummaryInit *in)
{
    Num flags = field_count(jget(o, "redFlags"));
    if (flags.st == FS_OK) {
        in->red_flags = (unsigned)(flags.v > 65535 ? 65535 : flags.v);
    } else if (flags.st == FS_INVALID) {
        in->invalid |= SUMF_REDFLAGS;
    } else {
        /* No count but details present: count the details rather than show 0. */
        const cJSON *det = jget(o, "redFlagsDetails");
        if (cJSON_IsObject(det))
            in->red_flags = (unsigned)cJSON_GetArraySize(det);
    }
    for (int k = 0; k < FAIL__COUNT; k++) {
        const cJSON *arr = jget(o, fail_keys[k]);
        if (!arr || cJSON_IsNull(arr))
            continue;
        if (!cJSON_IsArray(arr)) {
            in->invalid |= SUMF_FAILED;
            continue;
        }
        for (const cJSON *e = arr->child; e; e = e->next)
            in->failed[k] += !cJSON_IsNull(e);
    }
    in->bio_quality = count_quality_rejects(jget(o, fail_keys[FAIL_BIO]));
}

static void read_time(Arena *a, const cJSON *v, int64_t *ms, uint32_t *invalid, uint32_t bit)
{
    Time t = field_time(a, v);
    *ms = t.st == FS_OK ? t.ms : TIME_NONE;
    if (t.st == FS_INVALID)
        *invalid |= bit;
}

static const char *ref_id(Arena *a, const cJSON *v, uint32_t *invalid, uint32_t bit)
{
    Ref r = field_ref(a, v);
    if (r.st == REF_INVALID)
        *invalid |= bit;
    return r.st == REF_ID || r.st == REF_POPULATED ? r.id : NULL;
}

Summary *summary_from_json(Arena *a, const cJSON *o)
{
    SummaryInit in = { .created_ms = TIME_NONE, .updated_ms = TIME_NONE };
    Str id = field_str(a, jget_any(o, KEYS("_id", "id")));
    if (id.st == FS_OK && *id.s) {
        in.str[SS_ID] = id.s;
    } else {
        in.str[SS_ID] = synthetic_id(a, o);
        in.invalid |= SUMF_ID;
    }
    Str name = resolve_name(a, o);
    Str email = str_or_sub(a, o, "email", "emailValidation", "email");
    Str phone = str_or_sub(a, o, "phone", "phoneValidation", "phone");
    Str cc = str_or_sub(a, o, "countryCode", "phoneValidation", "countryCode");
    in.str[SS_NAME] = name.s;
    in.str[SS_EMAIL] = email.s;
    in.str[SS_PHONE] = phone.s;
    in.str[SS_COUNTRY_CODE] = cc.s;
    in.invalid |= (name.st == FS_INVALID ? SUMF_NAME : 0) | (email.st == FS_INVALID ? SUMF_EMAIL : 0) |
                  (phone.st == FS_INVALID ? SUMF_PHONE : 0);

    const cJSON *step = jget(o, "currentStep");
    Str st = field_str(a, step);
    in.str[SS_STEP] = st.s;
    if (st.st == FS_INVALID && !cJSON_IsNumber(step)) /* "1" sent as 1 is harmless */
        in.invalid |= SUMF_STEP;

    in.str[SS_PROJECT] = ref_id(a, jget(o, "project"), &in.invalid, SUMF_PROJECT);
    in.str[SS_FLOW] = ref_id(a, jget(o, "projectFlow"), &in.invalid, SUMF_FLOW);
    in.str[SS_DOCNUM] = str_or_sub(a, o, "documentNumber", "documentValidation", "documentNumber").s;
    if (!*in.str[SS_DOCNUM])
        in.str[SS_DOCNUM] = str_or_sub(a, o, "documentNumber", "informationValidation", "documentNumber").s;

    read_status(a, o, &in);
    read_counts(o, &in);
    read_time(a, jget(o, "createdAt"), &in.created_ms, &in.invalid, SUMF_CREATED);
    read_time(a, jget(o, "updatedAt"), &in.updated_ms, &in.invalid, SUMF_UPDATED);
    return summary_new(&in);
}

/* ---- Detail ----------------------------------------------------------------------- */

static const char *const known_keys[] = {
    "_id", "id", "__v", "client", "project", "projectFlow", "smartLink", "status", "currentStep",
    "email", "phone", "countryCode", "fullName", "firstName", "lastName", "name", "language",
    "informationValidation", "emailValidation", "phoneValidation", "biometricValidation",
    "documentValidation", "person", "assignedCollection", "face", "documentFace",
    "compareFaceVerification", "cryptoValidation", "formSubmission", "formSubmittion",
    "signature", "redFlags", "redFlagsDetails", "accessControlLog", "failedEmailValidations",
    "failedPhoneValidations", "failedBiometricValidations", "failedDocumentValidations", "notes",
    "deleted", "consentSession", "manualReviewLog", "token", "ipAddress", "userAgent",
    "expiresAt", "completedAt", "createdAt", "updatedAt", "documentNumber", NULL
};

static bool is_known(const char *key)
{
    for (int i = 0; known_keys[i]; i++)
        if (!strcmp(key, known_keys[i]))
            return true;
    return false;
}

static void read_unknown(Detail *d, const cJSON *o)
{
    size_t n = 0;
    for (const cJSON *c = o->child; c; c = c->next)
        n += c->string && !is_known(c->string);
    if (!n)
        return;
    d->unknown.items = arena_alloc(&d->arena, n * sizeof(KV));
    for (const cJSON *c = o->child; c; c = c->next) {
        if (!c->string || is_known(c->string))
            continue;
        KV *kv = &d->unknown.items[d->unknown.n++];
        kv->key = safetext_arena(&d->arena, c->string, strlen(c->string), SAFE_LINE);
        kv->value = field_json(&d->arena, c, UNKNOWN_VALUE_CAP);
    }
}

static void read_attempt(Arena *a, FailKind kind, const cJSON *e, Attempt *at)
{
    at->kind = kind;
    at->ref = field_ref(a, e);
    if (at->ref.st != REF_POPULATED)
        e = NULL; /* an id only: every field below comes out absent */
    const cJSON *fr = jget(e, "failedReason");
    at->reason_raw = cJSON_IsObject(fr) ? field_str(a, jget(fr, "message")) : field_str(a, fr);
    char code[64];
    reason_normalize(at->reason_raw.s, code, sizeof code);
    at->reason_code = arena_strdup(a, code);
    at->score = field_score(jget(e, "livenessScore"));
    at->status = field_str(a, jget(e, "status"));
    at->document_type = field_str(a, jget(e, "documentType"));
    at->category = field_str(a, jget(e, "documentCategory"));
    at->country = field_str(a, jget(e, "country"));
    Ref face = field_ref(a, jget(e, "face"));
    at->has_face = face.st == REF_ID || face.st == REF_POPULATED;
    at->at = field_time(a, jget(e, "updatedAt"));
    if (at->at.st != FS_OK)
        at->at = field_time(a, jget(e, "createdAt"));
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

static void read_attempts(Detail *d, const cJSON *o)
{
    size_t n = 0;
    for (int k = 0; k < FAIL__COUNT; k++) {
        const cJSON *arr = jget(o, fail_keys[k]);
        if (cJSON_IsArray(arr))
            for (const cJSON *e = arr->child; e; e = e->next)
                n += !cJSON_IsNull(e);
    }
    if (!n)
        return;
    d->attempts = arena_alloc(&d->arena, n * sizeof *d->attempts);
    for (int k = 0; k < FAIL__COUNT; k++) {
        const cJSON *arr = jget(o, fail_keys[k]);
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
    if (cJSON_IsObject(v)) {
        Str name = field_str(a, jget(v, "name")), email = field_str(a, jget(v, "email"));
        if (*name.s && *email.s) {
            StrBuf b = STRBUF_INIT;
            strbuf_printf(&b, "%s <%s>", name.s, email.s);
            Str s = { arena_strdup(a, strbuf_cstr(&b)), FS_OK };
            strbuf_free(&b);
            return s;
        }
        if (*name.s || *email.s)
            return *name.s ? name : email;
        return field_str(a, jget_any(v, KEYS("_id", "id")));
    }
    return field_str(a, v);
}

static void read_reviews(Detail *d, const cJSON *o)
{
    const cJSON *log = jget(o, "manualReviewLog");
    if (!cJSON_IsArray(log) || !log->child)
        return;
    size_t n = (size_t)cJSON_GetArraySize(log);
    d->reviews = arena_alloc(&d->arena, n * sizeof *d->reviews);
    for (const cJSON *e = log->child; e; e = e->next) {
        if (!cJSON_IsObject(e))
            continue;
        Arena *a = &d->arena;
        ReviewEntry *r = &d->reviews[d->n_reviews++];
        r->previous_status = field_str(a, jget(e, "previousStatus"));
        r->new_status = field_str(a, jget(e, "newStatus"));
        r->note = field_text(a, jget(e, "note"));
        const cJSON *staff = jget(e, "reviewedByStaff");
        r->by_staff = staff && !cJSON_IsNull(staff);
        r->reviewer = reviewer_of(a, r->by_staff ? staff : jget(e, "reviewedByClient"));
        r->created_at = field_time(a, jget(e, "createdAt"));
    }
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

static void read_identity(Detail *d, const cJSON *o)
{
    Arena *a = &d->arena;
    d->first_name = field_str(a, jget(o, "firstName"));
    d->last_name = field_str(a, jget(o, "lastName"));
    d->full_name = resolve_name(a, o);
    d->language = field_str(a, jget(o, "language"));
    d->notes = field_text(a, jget(o, "notes"));
    d->ip_address = field_str(a, jget(o, "ipAddress"));
    d->user_agent = field_str(a, jget(o, "userAgent"));
    d->smart_link = field_str(a, jget(o, "smartLink"));
    d->client = field_str(a, jget(o, "client"));
    if (d->client.st == FS_INVALID) /* a populated client: show its id */
        d->client = (Str){ field_ref(a, jget(o, "client")).id, FS_OK };
    d->created_at = field_time(a, jget(o, "createdAt"));
    d->updated_at = field_time(a, jget(o, "updatedAt"));
    d->completed_at = field_time(a, jget(o, "completedAt"));
    d->expires_at = field_time(a, jget(o, "expiresAt"));
    d->deleted = field_flag(jget(o, "deleted"));
    d->red_flags = field_count(jget(o, "redFlags"));
    d->red_flags_details = field_kv(a, jget(o, "redFlagsDetails"));
}

static void read_subobjects(Detail *d, const cJSON *o)
{
    Arena *a = &d->arena;
    parse_project(a, jget(o, "project"), &d->project);
    parse_flow(a, jget(o, "projectFlow"), &d->flow);
    parse_email_val(a, jget(o, "emailValidation"), &d->email_val);
    parse_phone_val(a, jget(o, "phoneValidation"), &d->phone_val);
    parse_bio_val(a, jget(o, "biometricValidation"), &d->bio);
    parse_doc_val(a, jget(o, "documentValidation"), &d->doc);
    parse_info_val(a, jget(o, "informationValidation"), &d->info);
    parse_person(a, jget(o, "person"), &d->person);
    parse_image(a, jget(o, "face"), &d->face);
    parse_image(a, jget(o, "documentFace"), &d->document_face);
    parse_compare(a, jget(o, "compareFaceVerification"), &d->compare);
    parse_consent(a, jget(o, "consentSession"), &d->consent);
    d->crypto_validation = field_ref(a, jget(o, "cryptoValidation"));
    d->form_submission = field_ref(a, jget_any(o, KEYS("formSubmission", "formSubmittion")));
    d->signature = field_ref(a, jget(o, "signature"));
    d->access_control_log = field_ref(a, jget(o, "accessControlLog"));
    d->assigned_collection = field_ref(a, jget(o, "assignedCollection"));
}

static Detail *detail_from_json(const cJSON *o)
{
    Arena a;
    arena_init(&a);
    Detail *d = arena_alloc(&a, sizeof *d);
    d->arena = a; /* from here on every allocation goes through d->arena */

    Arena scratch;
    arena_init(&scratch);
    d->summary = summary_from_json(&scratch, o);
    arena_free(&scratch);

    read_identity(d, o);
    read_subobjects(d, o);
    read_attempts(d, o);
    read_reviews(d, o);
    read_unknown(d, o);
    read_raw(d, o);
    return d;
}

/* Credentials and images never enter a record, not even its raw view: the enrollee
 * token some responses carry, OTP hashes, and base64 photos. */
static void redact_secrets(cJSON *v, int depth)
{
    static const char *const secret[] = { "token", "accessToken", "otp", "base64", NULL };
    if (depth > 64)
        return;
    for (cJSON *c = v->child; c; c = c->next) {
        bool hit = false;
        for (int i = 0; secret[i] && c->string && !hit; i++)
            hit = !strcmp(c->string, secret[i]);
        if (hit && !cJSON_IsNull(c)) {
            bool present = !cJSON_IsString(c) || (c->valuestring && *c->valuestring);
            cJSON *r = cJSON_CreateString(present ? "[redacted]" : "");
            r->string = c->string; /* the replacement takes over the key */
            c->string = NULL;
            cJSON_ReplaceItemViaPointer(v, c, r);
            c = r;
        } else if (cJSON_IsObject(c) || cJSON_IsArray(c)) {
            redact_secrets(c, depth + 1);
        }
    }
}

Detail *parse_detail(char *body, size_t len, char *err, size_t errlen)
{
    cJSON *root = json_parse_body(body, len, err, errlen);
    if (!root)
        return NULL;
    redact_secrets(root, 0);
    const cJSON *obj = jget(root, "data");
    if (!obj)
        obj = root;
    Detail *d = NULL;
    if (cJSON_IsObject(obj) && jget(obj, "appRegistration") && cJSON_IsObject(jget(obj, "appRegistration")))
        obj = jget(obj, "appRegistration"); /* create's response shape */
    if (cJSON_IsObject(obj))
        d = detail_from_json(obj);
    else
        snprintf(err, errlen, "the response holds no registration object");
    cJSON_Delete(root);
    return d;
}
