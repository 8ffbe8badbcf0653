/* Populated sub-objects of a registration (reference §5), each read in one pass over its
 * children through its table (core/record_fields.h). Each reader fills `ref` first: from
 * a reference that is only an id (or null, or absent) every field comes out absent with
 * "" strings, so no reader ever meets a NULL string. */
#include <string.h>

#include "core/parse_internal.h"
#include "core/parse_table.h"

/* failedReason is a string in most records and {message} in identity images. */
static Str reason_of(Arena *a, const cJSON *v)
{
    if (cJSON_IsObject(v) && jget(v, "message"))
        return field_str(a, jget(v, "message"));
    return field_str(a, v);
}

/* Name-match percentages are documented 0–100; a fraction (0.62) is read as 62 %. */
static Num percent_of(const cJSON *v)
{
    Num n = field_num(v);
    if (n.st == FS_OK && n.v > 0 && n.v < 1)
        n.v *= 100;
    if (n.st == FS_OK && (n.v < 0 || n.v > 100))
        n.st = FS_INVALID;
    return n;
}

/* OCR fields in the order Verifik's dashboard shows them; bookkeeping keys hidden. */
static KVList ocr_fields(Arena *a, const cJSON *ocr)
{
    static const char *const order[] = {
        "fullName", "firstName", "firstNameMRZ", "name1", "name2", "name3", "middleName",
        "lastName", "secondLastName", "secondLastNameMRZ", "firstLastNameMRZ",
        "documentNumber", "documentType", "address", "age", "dateOfBirth", NULL
    };
    static const char *const hidden[] = { "category", "country", "documentCategory",
                                          "extractedText", NULL };
    KVList all = field_kv(a, ocr);
    KV *sorted = arena_alloc(a, (all.n ? all.n : 1) * sizeof *sorted);
    size_t n = 0;
    for (int o = 0; order[o]; o++)
        for (size_t i = 0; i < all.n; i++)
            if (all.items[i].depth == 0 && !strcmp(all.items[i].key, order[o]))
                sorted[n++] = all.items[i];
    for (size_t i = 0; i < all.n; i++) {
        const KV *kv = &all.items[i];
        bool skip = false;
        for (int o = 0; order[o] && !skip; o++)
            skip = kv->depth == 0 && !strcmp(kv->key, order[o]);
        for (int h = 0; hidden[h] && !skip; h++)
            skip = kv->depth == 0 && !strcmp(kv->key, hidden[h]);
        if (!skip)
            sorted[n++] = *kv;
    }
    return (KVList){ sorted, n, all.truncated };
}

/* One member of kind k from v (NULL: absent) into dst. */
static void read_kind(Arena *a, ReadKind k, const cJSON *v, void *dst)
{
    switch (k) {
    case RK_STR: *(Str *)dst = field_str(a, v); break;
    case RK_TEXT: *(Str *)dst = field_text(a, v); break;
    case RK_NUM: *(Num *)dst = field_num(v); break;
    case RK_COUNT: *(Num *)dst = field_count(v); break;
    case RK_SCORE: *(Score *)dst = field_score(v); break;
    case RK_PCT: *(Num *)dst = percent_of(v); break;
    case RK_FLAG: *(Flag *)dst = field_flag(v); break;
    case RK_TIME: *(Time *)dst = field_time(a, v); break;
    case RK_REF: *(Ref *)dst = field_ref(a, v); break;
    case RK_KV: *(KVList *)dst = field_kv(a, v); break;
    case RK_KVOBJ:
        if (cJSON_IsObject(v))
            *(KVList *)dst = field_kv(a, v);
        break;
    case RK_REASON: *(Str *)dst = reason_of(a, v); break;
    case RK_OCR:
        if (cJSON_IsObject(v))
            *(KVList *)dst = ocr_fields(a, v);
        break;
    case RK_PROJECT: parse_project(a, v, dst); break;
    case RK_FLOW: parse_flow(a, v, dst); break;
    case RK_EMAIL_VAL: parse_email_val(a, v, dst); break;
    case RK_PHONE_VAL: parse_phone_val(a, v, dst); break;
    case RK_IMAGE: parse_image(a, v, dst); break;
    case RK_BIO_VAL: parse_bio_val(a, v, dst); break;
    case RK_DOC_VAL: parse_doc_val(a, v, dst); break;
    case RK_INFO_VAL: parse_info_val(a, v, dst); break;
    case RK_PERSON: parse_person(a, v, dst); break;
    case RK_COMPARE: parse_compare(a, v, dst); break;
    case RK_CONSENT: parse_consent(a, v, dst); break;
    case RK_NONE: break;
    }
}

void fields_read(Arena *a, const FieldSet *fs, const FieldHits hits, void *obj)
{
    for (size_t r = 0; r < fs->n_fields; r++) {
        const FieldDesc *d = &fs->rows[r];
        if (!(d->flags & FR_CUSTOM))
            read_kind(a, (ReadKind)d->kind, fields_value(fs, hits, (int)r), (char *)obj + d->offset);
    }
}

/* The reference, then one scan of the object when it came populated (hits stay empty
 * otherwise, so every field reads as absent), then every member the table reads. */
static void read_object(Arena *a, const FieldSet *fs, const cJSON *v, Ref *ref, void *out, FieldHits hits)
{
    *ref = field_ref(a, v);
    if (ref->st == REF_POPULATED)
        fields_scan(fs, v, false, hits, NULL, NULL);
    else
        memset(hits, 0, fs->n * sizeof *hits);
    fields_read(a, fs, hits, out);
}

#define SIMPLE_READER(fn, T, SET)                                              \
    void fn(Arena *a, const cJSON *v, T *out)                                 \
    {                                                                          \
        FieldHits hits;                                                        \
        read_object(a, &SET, v, &out->ref, out, hits);                         \
    }

SIMPLE_READER(parse_project, Project, FIELDS_PROJECT)
SIMPLE_READER(parse_flow, Flow, FIELDS_FLOW)
SIMPLE_READER(parse_email_val, EmailVal, FIELDS_EMAIL_VAL)
SIMPLE_READER(parse_phone_val, PhoneVal, FIELDS_PHONE_VAL)
SIMPLE_READER(parse_bio_val, BioVal, FIELDS_BIO_VAL)
SIMPLE_READER(parse_doc_val, DocVal, FIELDS_DOC_VAL)
SIMPLE_READER(parse_info_val, InfoVal, FIELDS_INFO_VAL)
SIMPLE_READER(parse_person, Person, FIELDS_PERSON)
SIMPLE_READER(parse_consent, Consent, FIELDS_CONSENT)

void parse_image(Arena *a, const cJSON *v, Image *out)
{
    FieldHits hits;
    read_object(a, &FIELDS_IMAGE, v, &out->ref, out, hits);
    /* The image itself (base64) is never kept: a terminal cannot show it, and it is
     * the most sensitive thing in the record. Only its presence and URL are. */
    const cJSON *b64 = hits[ROW_Image_base64];
    out->has_image = (cJSON_IsString(b64) && b64->valuestring && *b64->valuestring) ||
                     (out->url.st == FS_OK && *out->url.s);
}

void parse_compare(Arena *a, const cJSON *v, Compare *out)
{
    FieldHits hits;
    read_object(a, &FIELDS_COMPARE, v, &out->ref, out, hits);
    /* With a "result" key the fields are read from it (whatever it holds); without one
     * they are tolerated at the top level. */
    bool nested = hits[ROW_Compare_result] != NULL;
    out->score = field_score(hits[nested ? ROW_Compare_score : ROW_Compare_top_score]);
    out->passed = field_flag(hits[nested ? ROW_Compare_passed : ROW_Compare_top_passed]);
    out->min_score = field_score(hits[nested ? ROW_Compare_min_score : ROW_Compare_top_min_score]);
}
