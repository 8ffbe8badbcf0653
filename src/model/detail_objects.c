/* The detail pane's per-object sections: identity and every populated validation,
 * shown field by field (only what the API sent). */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "core/pii.h"
#include "core/reasons.h"
#include "core/safetext.h"
#include "core/steps.h"
#include "core/strbuf.h"
#include "core/timeutil.h"
#include "model/detail_internal.h"
#include "core/glyphs.h"
#include "core/labels.h"

/* ---- field helpers ------------------------------------------------------------------ */

void fmt_time(int64_t ms, char *buf, size_t n)
{
    char iso[32];
    time_format_iso(ms, iso, sizeof iso);
    iso[10] = ' ';
    iso[19] = '\0';
    snprintf(buf, n, "%s", iso);
}

static void kv_invalid(DLines *d, const char *label, const char *raw)
{
    char buf[600];
    fmt_bounded(buf, sizeof buf, "%s (invalid)", *raw ? raw : "?");
    dl_kv(d, IND, label, SL_INVALID, buf);
}

void kv_str(DLines *d, const char *label, Str s)
{
    if (s.st == FS_OK && *s.s)
        dl_kv(d, IND, label, SL_NORMAL, s.s);
    else if (s.st == FS_INVALID)
        kv_invalid(d, label, s.s);
}

void kv_pii(DLines *d, unsigned mask, const char *label, Str s, PiiKind k)
{
    if ((s.st != FS_OK || !*s.s) && s.st != FS_INVALID)
        return;
    StrBuf b = STRBUF_INIT;
    mask_text_append(mask, k, s.s, &b);
    if (s.st == FS_INVALID)
        kv_invalid(d, label, strbuf_cstr(&b));
    else
        dl_kv(d, IND, label, mask_has(mask, k) ? SL_MASKED : SL_NORMAL, strbuf_cstr(&b));
    strbuf_free(&b);
}

void kv_num(DLines *d, const char *label, Num v, const char *unit)
{
    if (v.st == FS_OK) {
        char buf[64];
        snprintf(buf, sizeof buf, "%g%s", v.v, unit ? unit : "");
        dl_kv(d, IND, label, SL_NORMAL, buf);
    } else if (v.st == FS_INVALID) {
        kv_invalid(d, label, "");
    }
}

void kv_score(DLines *d, const char *label, Score s)
{
    if (s.st == FS_OK) {
        char buf[64];
        snprintf(buf, sizeof buf, "%.2f%s", s.v, s.was_percent ? " (sent as a percentage)" : "");
        dl_kv(d, IND, label, SL_NORMAL, buf);
    } else if (s.st == FS_INVALID) {
        kv_invalid(d, label, "");
    }
}

void kv_time(DLines *d, const char *label, Time t)
{
    if (t.st == FS_OK) {
        char buf[32];
        fmt_time(t.ms, buf, sizeof buf);
        dl_kv(d, IND, label, SL_NORMAL, buf);
    } else if (t.st == FS_INVALID) {
        kv_invalid(d, label, t.raw ? t.raw : "");
    }
}

void kv_flag(DLines *d, const char *label, Flag f)
{
    if (f.st == FS_OK)
        dl_kv(d, IND, label, SL_NORMAL, f.v ? "yes" : "no");
    else if (f.st == FS_INVALID)
        kv_invalid(d, label, "");
}

enum { KV_LABEL_MAX = 28 }; /* a key wider than this pushes only its own value right */

/* The label column for the rows at `depth`: the widest key among them, within bounds. */
static int kv_width(const KVList *l, unsigned depth)
{
    int w = DL_LABEL_W;
    for (size_t i = 0; i < l->n; i++)
        if (l->items[i].depth == depth && l->items[i].value) {
            int kw = safetext_width(l->items[i].key);
            if (kw > w)
                w = kw < KV_LABEL_MAX ? kw : KV_LABEL_MAX;
        }
    return w;
}

/* A row's value as shown, into `b`: masked by its own key, or by the personal key of the
 * object it sits in (`under`). Returns the kind it was masked as. */
static PiiKind kv_masked(unsigned mask, const KV *kv, PiiKind under, StrBuf *b)
{
    PiiKind k = pii_kind_of_key(kv->key);
    strbuf_reset(b);
    if (k == PII_NONE && under != PII_NONE)
        mask_text_append(mask, k = under, kv->value, b);
    else
        mask_kv_value(mask, kv->key, kv->value, b);
    return k;
}

void kv_list(DLines *d, unsigned mask, const KVList *l, int indent)
{
    int width[8] = { 0 };
    StrBuf b = STRBUF_INIT;
    PiiKind under = PII_NONE; /* a nested object under a personal key: its rows are too */
    unsigned under_depth = 0;
    for (size_t i = 0; i < l->n; i++) {
        const KV *kv = &l->items[i];
        int ind = indent + 2 * (int)kv->depth;
        if (under != PII_NONE && kv->depth <= under_depth)
            under = PII_NONE;
        if (!kv->value) { /* a nested object's header */
            dl_wrap(d, ind, 2, SL_LABEL, kv->key);
            if (under == PII_NONE && (under = pii_kind_of_key(kv->key)) != PII_NONE)
                under_depth = kv->depth;
            continue;
        }
        int w = DL_LABEL_W;
        if (kv->depth < sizeof width / sizeof *width) {
            if (!width[kv->depth])
                width[kv->depth] = kv_width(l, kv->depth);
            w = width[kv->depth];
        }
        PiiKind k = kv_masked(mask, kv, under, &b);
        dl_kv_as(d, ind, w, SL_LABEL, kv->key, mask_has(mask, k) ? SL_MASKED : SL_NORMAL, strbuf_cstr(&b));
    }
    strbuf_free(&b);
    if (l->truncated) {
        dl_begin(d, indent);
        dl_add(d, SL_DIM, "(more fields were sent than regdesk keeps)");
        dl_end(d);
    }
}

/* A list of rows under a heading of its own (OCR fields, a registry's answer, steps). */
static void kv_titled_list(DLines *d, unsigned mask, const char *label, const KVList *l)
{
    if (!l->n)
        return;
    dl_begin(d, IND);
    dl_add(d, SL_LABEL, label);
    dl_end(d);
    kv_list(d, mask, l, IND + 2);
}

void kv_fields(DLines *d, unsigned mask, const FieldSet *fs, const void *obj, int first, int last)
{
    for (int r = first; r <= last; r++) {
        const FieldDesc *f = &fs->rows[r];
        const void *at = (const char *)obj + f->offset;
        switch ((ReadKind)f->kind) {
        case RK_STR:
        case RK_TEXT:
        case RK_REASON:
            if (field_pii(f) != PII_NONE || (f->flags & FR_LINK))
                kv_pii(d, mask, f->label, *(const Str *)at, field_pii(f));
            else
                kv_str(d, f->label, *(const Str *)at);
            break;
        case RK_NUM:
        case RK_COUNT: kv_num(d, f->label, *(const Num *)at, NULL); break;
        case RK_PCT: kv_num(d, f->label, *(const Num *)at, " %"); break;
        case RK_SCORE: kv_score(d, f->label, *(const Score *)at); break;
        case RK_FLAG: kv_flag(d, f->label, *(const Flag *)at); break;
        case RK_TIME: kv_time(d, f->label, *(const Time *)at); break;
        case RK_KV:
        case RK_KVOBJ:
        case RK_OCR: kv_titled_list(d, mask, f->label, at); break;
        case RK_IMAGE: {
            const Image *img = at; /* only whether there is one: the picture is never kept */
            if (img->ref.st == REF_POPULATED)
                dl_kv(d, IND, f->label, SL_NORMAL, img->has_image ? "image present" : "no image");
            break;
        }
        default: break; /* a sub-object has a section of its own */
        }
    }
}

bool ref_present(const Ref *r)
{
    return r->st == REF_ID || r->st == REF_POPULATED || r->st == REF_INVALID;
}

bool ref_not_loaded(DLines *d, const Ref *r)
{
    if (r->st == REF_POPULATED)
        return false;
    char state[160];
    ref_state_text(*r, state, sizeof state);
    dl_wrap(d, IND, 2, r->st == REF_INVALID ? SL_INVALID : SL_DIM, state);
    return true;
}

Score detail_liveness(const Detail *det)
{
    return det->bio.liveness.st == FS_OK ? det->bio.liveness : det->person.liveness;
}

/* ---- sections ------------------------------------------------------------------------ */

/* "status, created": the fields that arrived with the wrong type. */
static void invalid_fields(DLines *d, const Summary *s)
{
    static const struct {
        uint32_t bit;
        const char *name;
    } names[] = { { SUMF_ID, "id" },           { SUMF_STATUS, "status" },   { SUMF_NAME, "name" },
                  { SUMF_EMAIL, "email" },     { SUMF_PHONE, "phone" },     { SUMF_STEP, "currentStep" },
                  { SUMF_CREATED, "createdAt" }, { SUMF_UPDATED, "updatedAt" }, { SUMF_REDFLAGS, "redFlags" },
                  { SUMF_FAILED, "failed attempts" }, { SUMF_PROJECT, "project" }, { SUMF_FLOW, "projectFlow" } };
    if (!s->invalid)
        return;
    char buf[200] = "";
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (s->invalid & names[i].bit)
            snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", *buf ? ", " : "", names[i].name);
    dl_kv(d, IND, "Wrong type", SL_INVALID, buf);
}

void build_identity(DLines *d, const DetailCtx *c, const Summary *s, const Detail *det)
{
    if (!dl_section(d, SEC_IDENTITY, "Registration", NULL))
        return;
    dl_kv(d, IND, label_title(LBL_ID), SL_NORMAL, summary_str(s, SS_ID));
    invalid_fields(d, s);
    const char *status = status_display(s, false);
    dl_kv(d, IND, "Status", (s->invalid & SUMF_STATUS) ? SL_INVALID : SL_NORMAL,
          *status ? status : status_name(ST_UNKNOWN));
    const char *step = summary_str(s, SS_STEP);
    if (*step) { /* the words show uses, and the API's value the filter takes */
        char buf[SUMMARY_STR_MAX + 40];
        if (strcmp(step_label(step), step))
            fmt_bounded(buf, sizeof buf, "%s (%s)", step_label(step), step);
        else
            fmt_bounded(buf, sizeof buf, "%s", step);
        dl_kv(d, IND, "Current step", (s->invalid & SUMF_STEP) ? SL_INVALID : SL_NORMAL, buf);
    }
    if (s->created_ms != TIME_NONE) {
        char when[32], age[16], buf[80];
        fmt_time(s->created_ms, when, sizeof when);
        time_format_age(c->now_ms - s->created_ms, age, sizeof age);
        snprintf(buf, sizeof buf, "%s (%s ago)", when, age);
        dl_kv(d, IND, label_title(LBL_CREATED), SL_NORMAL, buf);
    }
    if (!det) {
        if (s->updated_ms != TIME_NONE) {
            char when[32];
            fmt_time(s->updated_ms, when, sizeof when);
            dl_kv(d, IND, label_title(LBL_UPDATED), SL_NORMAL, when);
        }
        return;
    }
    kv_fields(d, c->mask, &FIELDS_REGISTRATION, det, ROW_Detail_updated_at, ROW_Detail_deleted);
}

static void name_match(DLines *d, const DocVal *doc)
{
    bool ran = doc->image_validated.v && doc->score_validated.v;
    if (doc->full_name_pct.st != FS_OK && doc->first_name_pct.st != FS_OK)
        return;
    char buf[160];
    if (!ran) {
        dl_kv(d, IND, label_title(LBL_NAME_MATCH), SL_DIM, "registry lookup did not run (percentages not meaningful)");
        return;
    }
    snprintf(buf, sizeof buf, "full %.0f %%, first %.0f %%, last %.0f %%", doc->full_name_pct.v,
             doc->first_name_pct.v, doc->last_name_pct.v);
    dl_kv(d, IND, label_title(LBL_NAME_MATCH), doc->full_name_pct.v < 80 ? SL_BAD : SL_GOOD, buf);
}

void build_document(DLines *d, const DetailCtx *c, const Detail *det)
{
    const DocVal *doc = &det->doc;
    if (!ref_present(&doc->ref) || !dl_section(d, SEC_DOCUMENT, label_title(LBL_DOCUMENT), NULL))
        return;
    if (ref_not_loaded(d, &doc->ref))
        return;
    kv_fields(d, c->mask, &FIELDS_DOC_VAL, doc, ROW_DocVal_status, ROW_DocVal_input_method);
    name_match(d, doc);
    kv_fields(d, c->mask, &FIELDS_DOC_VAL, doc, ROW_DocVal_names_match, ROW_DocVal_ocr);
}

void build_liveness(DLines *d, const Detail *det)
{
    const BioVal *bio = &det->bio;
    if (!ref_present(&bio->ref) || !dl_section(d, SEC_LIVENESS, "Liveness (selfie)", NULL))
        return;
    if (ref_not_loaded(d, &bio->ref))
        return;
    kv_fields(d, MASK_NONE, &FIELDS_BIO_VAL, bio, ROW_BioVal_status, ROW_BioVal_liveness);
    kv_score(d, "Flow minimum", det->flow.liveness_min);
    AttemptTally t;
    attempt_tally(NULL, det, FAIL_BIO, &t);
    if (t.limit || t.failed) {
        char buf[120];
        attempt_tally_text(&t, buf, sizeof buf);
        dl_kv(d, IND, "Attempts", t.limit && t.counted >= t.limit ? SL_BAD : SL_NORMAL, buf);
    }
    kv_fields(d, MASK_NONE, &FIELDS_BIO_VAL, bio, ROW_BioVal_failed_reason, ROW_BioVal_updated_at);
}

void build_compare(DLines *d, const Detail *det)
{
    const Compare *c = &det->compare;
    if (!ref_present(&c->ref) || !dl_section(d, SEC_COMPARE, "Face compare (selfie vs document)", NULL))
        return;
    if (ref_not_loaded(d, &c->ref))
        return;
    kv_fields(d, MASK_NONE, &FIELDS_COMPARE, c, ROW_Compare_score, ROW_Compare_min_score);
    kv_score(d, "Flow threshold", det->flow.compare_min);
    kv_fields(d, MASK_NONE, &FIELDS_COMPARE, c, ROW_Compare_passed, ROW_Compare_compared_at);
    kv_fields(d, MASK_NONE, &FIELDS_REGISTRATION, det, ROW_Detail_document_face, ROW_Detail_document_face);
}

/* The validations shown as nothing but their fields: where the populated object sits in
 * the detail, its section, and the rows of its table. */
#define OBJ(member, sec, title, fields, first, last) \
    { offsetof(Detail, member), offsetof(Detail, member.ref), sec, title, &fields, first, last }
static const struct {
    size_t obj, ref;
    SectionId sec;
    const char *title;
    const FieldSet *fields;
    int first, last;
} plain_objects[] = {
    OBJ(email_val, SEC_EMAIL, "Email validation", FIELDS_EMAIL_VAL, ROW_EmailVal_email, ROW_EmailVal_updated_at),
    OBJ(phone_val, SEC_PHONE, "Phone validation", FIELDS_PHONE_VAL, ROW_PhoneVal_country_code,
        ROW_PhoneVal_updated_at),
    OBJ(info, SEC_INFO, "Information validation (sign-up data)", FIELDS_INFO_VAL, ROW_InfoVal_full_name,
        ROW_InfoVal_user_agent),
    OBJ(person, SEC_PERSON, "Person (face recognition)", FIELDS_PERSON, ROW_Person_name, ROW_Person_liveness),
    OBJ(consent, SEC_CONSENT, "Consent", FIELDS_CONSENT, ROW_Consent_status, ROW_Consent_terms_url),
};
#undef OBJ

void build_plain_objects(DLines *d, const DetailCtx *c, const Detail *det)
{
    for (size_t i = 0; i < sizeof plain_objects / sizeof *plain_objects; i++) {
        const Ref *ref = (const Ref *)((const char *)det + plain_objects[i].ref);
        if (!ref_present(ref) || !dl_section(d, plain_objects[i].sec, plain_objects[i].title, NULL))
            continue;
        if (!ref_not_loaded(d, ref))
            kv_fields(d, c->mask, plain_objects[i].fields, (const char *)det + plain_objects[i].obj,
                      plain_objects[i].first, plain_objects[i].last);
    }
}

void build_flow(DLines *d, const Detail *det)
{
    const Project *p = &det->project;
    const Flow *f = &det->flow;
    if ((!ref_present(&p->ref) && !ref_present(&f->ref)) || !dl_section(d, SEC_FLOW, "Project and flow", NULL))
        return;
    if (p->ref.st == REF_POPULATED) {
        kv_fields(d, MASK_NONE, &FIELDS_PROJECT, p, ROW_Project_name, ROW_Project_demo_mode);
    } else if (ref_present(&p->ref)) {
        dl_kv(d, IND, label_title(LBL_PROJECT), SL_DIM, *p->ref.id ? p->ref.id : "(invalid reference)");
    }
    if (f->ref.st != REF_POPULATED) {
        char state[160];
        ref_state_text(f->ref, state, sizeof state);
        if (ref_present(&f->ref))
            dl_kv(d, IND, label_title(LBL_FLOW), SL_DIM, state);
        return;
    }
    kv_fields(d, MASK_NONE, &FIELDS_FLOW, f, ROW_Flow_name, ROW_Flow_steps);
}
