/* One registration's summary, from the registration table's scan (core/parse_table.h):
 * the list page, the dump and the detail all build it the same way. */
#include <stdio.h>
#include <string.h>

#include "core/parse_internal.h"
#include "core/parse_stream.h"
#include "core/parse_table.h"
#include "core/reasons.h"

/* regdesk's JSON export writes these for the Summary.invalid bits; a dump reads them back. */
const char *const SUMMARY_INVALID_NAMES[] = { "id",        "status",    "name",     "email",
                                              "phone",     "step",      "createdAt", "updatedAt",
                                              "redFlags",  "failed",    "project",  "flow",
                                              NULL };

#define HIT(name) fields_value(&FIELDS_REGISTRATION, hits, ROW_Detail_##name)

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

Str registration_name(Arena *a, const FieldHits hits)
{
    Str full = field_str(a, HIT(full_name));
    if (*full.s)
        return full;
    Str first = field_str(a, HIT(first_name)), last = field_str(a, HIT(last_name));
    if (*first.s || *last.s) {
        FieldState st = first.st == FS_INVALID || last.st == FS_INVALID ? FS_INVALID : FS_OK;
        return (Str){ join_names(a, first.s, last.s), st };
    }
    Str name = field_str(a, HIT(name));
    if (*name.s)
        return name;
    /* The sign-up form's names (present only when informationValidation is an object). */
    const cJSON *info_name = HIT(info_full_name) ? HIT(info_full_name) : HIT(info_name);
    Str n = field_str(a, info_name);
    if (*n.s)
        return n;
    first = field_str(a, HIT(info_first_name));
    last = field_str(a, HIT(info_last_name));
    if (*first.s || *last.s)
        return (Str){ join_names(a, first.s, last.s), FS_OK };
    return full.st != FS_ABSENT ? full : name;
}

/* A top-level value, else the same key inside a populated sub-object. */
static Str str_or_sub(Arena *a, const cJSON *top, const cJSON *sub)
{
    Str s = field_str(a, top);
    if (*s.s)
        return s;
    Str t = field_str(a, sub);
    return *t.s ? t : s;
}

static void read_status(Arena *a, const cJSON *v, SummaryInit *in)
{
    Str st = field_str(a, v);
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

const int FAILED_ROWS[FAIL__COUNT] = {
    [FAIL_EMAIL] = ROW_Detail_failed_email,
    [FAIL_PHONE] = ROW_Detail_failed_phone,
    [FAIL_DOC] = ROW_Detail_failed_doc,
    [FAIL_BIO] = ROW_Detail_failed_bio,
};

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

static void read_counts(const FieldHits hits, SummaryInit *in)
{
    Num flags = field_count(HIT(red_flags));
    if (flags.st == FS_OK) {
        in->red_flags = (unsigned)(flags.v > 65535 ? 65535 : flags.v);
    } else if (flags.st == FS_INVALID) {
        in->invalid |= SUMF_REDFLAGS;
    } else {
        /* No count but details present: count the details rather than show 0. */
        const cJSON *det = HIT(red_flags_details);
        if (cJSON_IsObject(det))
            in->red_flags = (unsigned)cJSON_GetArraySize(det);
    }
    for (int k = 0; k < FAIL__COUNT; k++) {
        const cJSON *arr = hits[FAILED_ROWS[k]];
        if (!arr || cJSON_IsNull(arr))
            continue;
        if (!cJSON_IsArray(arr)) {
            in->invalid |= SUMF_FAILED;
            continue;
        }
        for (const cJSON *e = arr->child; e; e = e->next)
            in->failed[k] += !cJSON_IsNull(e);
    }
    in->bio_quality = count_quality_rejects(hits[FAILED_ROWS[FAIL_BIO]]);
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

/* The export's "failed" counts (unless the record has the API's arrays) and its
 * "invalid" list of field names, applied after the summary is built. */
static void apply_export_fields(const FieldHits hits, Summary *s)
{
    static const char *const kinds[FAIL__COUNT] = { "email", "phone", "document", "biometric" };
    const cJSON *failed = HIT(export_failed);
    bool api_form = false;
    for (int k = 0; k < FAIL__COUNT; k++)
        api_form |= hits[FAILED_ROWS[k]] != NULL;
    if (cJSON_IsObject(failed) && !api_form)
        for (int k = 0; k < FAIL__COUNT; k++) {
            Num c = field_count(jget(failed, kinds[k]));
            if (c.st == FS_OK)
                s->failed[k] = (uint16_t)(c.v > 65535 ? 65535 : c.v);
        }
    const cJSON *inv = HIT(export_invalid);
    if (!cJSON_IsArray(inv))
        return;
    for (const cJSON *e = inv->child; e; e = e->next) {
        if (!cJSON_IsString(e))
            continue;
        for (unsigned b = 0; SUMMARY_INVALID_NAMES[b]; b++)
            if (!strcmp(e->valuestring, SUMMARY_INVALID_NAMES[b]))
                s->invalid |= 1u << b;
    }
}

static void read_identity(Arena *a, const cJSON *obj, const FieldHits hits, SummaryInit *in)
{
    Str id = field_str(a, HIT(id));
    if (id.st == FS_OK && *id.s) {
        in->str[SS_ID] = id.s;
    } else {
        in->str[SS_ID] = synthetic_id(a, obj);
        in->invalid |= SUMF_ID;
    }
    Str name = registration_name(a, hits);
    Str email = str_or_sub(a, HIT(email), HIT(sub_email));
    Str phone = str_or_sub(a, HIT(phone), HIT(sub_phone));
    Str cc = str_or_sub(a, HIT(country_code), HIT(sub_country_code));
    in->str[SS_NAME] = name.s;
    in->str[SS_EMAIL] = email.s;
    in->str[SS_PHONE] = phone.s;
    in->str[SS_COUNTRY_CODE] = cc.s;
    in->invalid |= (name.st == FS_INVALID ? SUMF_NAME : 0) | (email.st == FS_INVALID ? SUMF_EMAIL : 0) |
                   (phone.st == FS_INVALID ? SUMF_PHONE : 0);
}

Summary *summary_from_hits(Arena *a, const cJSON *obj, const FieldHits hits, bool export)
{
    SummaryInit in = { .created_ms = TIME_NONE, .updated_ms = TIME_NONE };
    read_identity(a, obj, hits, &in);
    const cJSON *step = HIT(step);
    Str st = field_str(a, step);
    in.str[SS_STEP] = st.s;
    if (st.st == FS_INVALID && !cJSON_IsNumber(step)) /* "1" sent as 1 is harmless */
        in.invalid |= SUMF_STEP;

    in.str[SS_PROJECT] = ref_id(a, HIT(project), &in.invalid, SUMF_PROJECT);
    in.str[SS_FLOW] = ref_id(a, HIT(flow), &in.invalid, SUMF_FLOW);
    in.str[SS_DOCNUM] = str_or_sub(a, HIT(document_number), HIT(sub_doc_number)).s;
    if (!*in.str[SS_DOCNUM])
        in.str[SS_DOCNUM] = str_or_sub(a, HIT(document_number), HIT(info_doc_number)).s;

    read_status(a, HIT(status), &in);
    read_counts(hits, &in);
    read_time(a, HIT(created_at), &in.created_ms, &in.invalid, SUMF_CREATED);
    read_time(a, HIT(updated_at), &in.updated_ms, &in.invalid, SUMF_UPDATED);
    Summary *s = summary_new(&in);
    if (export)
        apply_export_fields(hits, s);
    return s;
}

Summary *summary_from_json(Arena *a, const cJSON *obj, bool export)
{
    FieldHits hits;
    fields_scan(&FIELDS_REGISTRATION, obj, export, hits, NULL, NULL);
    return summary_from_hits(a, obj, hits, export);
}
