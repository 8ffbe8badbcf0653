/* The detail pane's per-object sections: identity and every populated validation,
 * shown field by field (only what the API sent). */
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
    kv_time(d, label_title(LBL_UPDATED), det->updated_at);
    kv_time(d, label_title(LBL_COMPLETED), det->completed_at);
    kv_time(d, label_title(LBL_EXPIRES), det->expires_at);
    kv_pii(d, c->mask, "First name", det->first_name, PII_NAME);
    kv_pii(d, c->mask, "Last name", det->last_name, PII_NAME);
    kv_str(d, label_title(LBL_LANGUAGE), det->language);
    kv_pii(d, c->mask, "IP address", det->ip_address, PII_IP);
    kv_str(d, "User agent", det->user_agent);
    kv_pii(d, c->mask, "Smart link", det->smart_link, PII_NONE);
    kv_str(d, "Client", det->client);
    kv_flag(d, "Deleted", det->deleted);
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
    kv_str(d, "Status", doc->status);
    kv_str(d, "Type", doc->document_type);
    kv_str(d, "Category", doc->category);
    kv_pii(d, c->mask, "Number", doc->number, PII_DOCUMENT);
    kv_str(d, "Country", doc->country);
    kv_str(d, "Nationality", doc->nationality);
    kv_str(d, "Method", doc->validation_method);
    kv_str(d, "Input", doc->input_method);
    name_match(d, doc);
    kv_flag(d, "Names match", doc->names_match);
    kv_flag(d, "Image checked", doc->image_validated);
    kv_flag(d, "Registry ran", doc->score_validated);
    kv_flag(d, "Registry usable", doc->info_supported);
    kv_str(d, "Registry note", doc->info_supported_reason);
    kv_str(d, "Manual reason", doc->manual_verification_reason);
    kv_str(d, "Name review", doc->manual_name_decision);
    kv_str(d, "Review note", doc->manual_name_note);
    kv_str(d, "Face on doc", doc->face_reason);
    kv_flag(d, "Document live", doc->document_live);
    kv_str(d, "Failed reason", doc->failed_reason);
    kv_pii(d, c->mask, "Front image", doc->url, PII_NONE);
    kv_pii(d, c->mask, "Back image", doc->back_url, PII_NONE);
    kv_time(d, label_title(LBL_CREATED), doc->created_at);
    kv_time(d, label_title(LBL_UPDATED), doc->updated_at);
    if (doc->registry.n) {
        dl_begin(d, IND);
        dl_add(d, SL_LABEL, "Government registry answer");
        dl_end(d);
        kv_list(d, c->mask, &doc->registry, IND + 2);
    }
    if (doc->ocr.n) {
        dl_begin(d, IND);
        dl_add(d, SL_LABEL, "Read from the document (OCR)");
        dl_end(d);
        kv_list(d, c->mask, &doc->ocr, IND + 2);
    }
}

void build_liveness(DLines *d, const Detail *det)
{
    const BioVal *bio = &det->bio;
    if (!ref_present(&bio->ref) || !dl_section(d, SEC_LIVENESS, "Liveness (selfie)", NULL))
        return;
    if (ref_not_loaded(d, &bio->ref))
        return;
    kv_str(d, "Status", bio->status);
    kv_score(d, "Score", bio->liveness);
    kv_score(d, "Flow minimum", det->flow.liveness_min);
    AttemptTally t;
    attempt_tally(NULL, det, FAIL_BIO, &t);
    if (t.limit || t.failed) {
        char buf[120];
        attempt_tally_text(&t, buf, sizeof buf);
        dl_kv(d, IND, "Attempts", t.limit && t.counted >= t.limit ? SL_BAD : SL_NORMAL, buf);
    }
    kv_str(d, "Failed reason", bio->failed_reason);
    if (bio->face.ref.st == REF_POPULATED)
        dl_kv(d, IND, "Selfie", SL_NORMAL, bio->face.has_image ? "image present" : "no image");
    kv_str(d, "Type", bio->type);
    kv_time(d, label_title(LBL_CREATED), bio->created_at);
    kv_time(d, label_title(LBL_UPDATED), bio->updated_at);
}

void build_compare(DLines *d, const Detail *det)
{
    const Compare *c = &det->compare;
    if (!ref_present(&c->ref) || !dl_section(d, SEC_COMPARE, "Face compare (selfie vs document)", NULL))
        return;
    if (ref_not_loaded(d, &c->ref))
        return;
    kv_score(d, "Score", c->score);
    kv_score(d, "Threshold used", c->min_score);
    kv_score(d, "Flow threshold", det->flow.compare_min);
    kv_flag(d, "Passed", c->passed);
    kv_time(d, "Compared at", c->compared_at);
    if (det->document_face.ref.st == REF_POPULATED)
        dl_kv(d, IND, "Document face", SL_NORMAL, det->document_face.has_image ? "image present" : "no image");
}

void build_email(DLines *d, const DetailCtx *c, const Detail *det)
{
    const EmailVal *e = &det->email_val;
    if (!ref_present(&e->ref) || !dl_section(d, SEC_EMAIL, "Email validation", NULL))
        return;
    if (ref_not_loaded(d, &e->ref))
        return;
    kv_pii(d, c->mask, label_title(LBL_EMAIL), e->email, PII_EMAIL);
    kv_str(d, "Status", e->status);
    kv_str(d, "Method", e->method);
    kv_str(d, "Type", e->type);
    kv_num(d, "Attempts", e->attempts, NULL);
    kv_num(d, "Max attempts", e->max_attempts, NULL);
    kv_time(d, "Validated at", e->validated_at);
    kv_time(d, label_title(LBL_EXPIRES), e->expires_at);
    kv_time(d, label_title(LBL_CREATED), e->created_at);
    kv_time(d, label_title(LBL_UPDATED), e->updated_at);
}

void build_phone(DLines *d, const DetailCtx *c, const Detail *det)
{
    const PhoneVal *p = &det->phone_val;
    if (!ref_present(&p->ref) || !dl_section(d, SEC_PHONE, "Phone validation", NULL))
        return;
    if (ref_not_loaded(d, &p->ref))
        return;
    kv_str(d, "Country code", p->country_code);
    kv_pii(d, c->mask, label_title(LBL_PHONE), p->phone, PII_PHONE);
    kv_str(d, "Gateway", p->gateway);
    kv_str(d, "Status", p->status);
    kv_str(d, "Method", p->method);
    kv_str(d, "Type", p->type);
    kv_num(d, "Attempts", p->attempts, NULL);
    kv_num(d, "Max attempts", p->max_attempts, NULL);
    kv_time(d, "Validated at", p->validated_at);
    kv_time(d, label_title(LBL_EXPIRES), p->expires_at);
    kv_time(d, label_title(LBL_CREATED), p->created_at);
    kv_time(d, label_title(LBL_UPDATED), p->updated_at);
}

void build_info(DLines *d, const DetailCtx *c, const Detail *det)
{
    const InfoVal *i = &det->info;
    if (!ref_present(&i->ref) || !dl_section(d, SEC_INFO, "Information validation (sign-up data)", NULL))
        return;
    if (ref_not_loaded(d, &i->ref))
        return;
    kv_pii(d, c->mask, "Full name", i->full_name, PII_NAME);
    kv_pii(d, c->mask, "First name", i->first_name, PII_NAME);
    kv_pii(d, c->mask, "Last name", i->last_name, PII_NAME);
    kv_num(d, label_title(LBL_NAME_MATCH), i->full_name_pct, " %");
    kv_str(d, "Date of birth", i->date_of_birth);
    kv_str(d, "Gender", i->gender);
    kv_str(d, "Country", i->country);
    kv_str(d, "City", i->city);
    kv_str(d, "Address", i->address);
    kv_str(d, "Document type", i->document_type);
    kv_pii(d, c->mask, "Document no.", i->document_number, PII_DOCUMENT);
    kv_str(d, "Status", i->status);
    kv_pii(d, c->mask, "IP address", i->ip_address, PII_IP);
    kv_str(d, "User agent", i->user_agent);
}

void build_person(DLines *d, const DetailCtx *c, const Detail *det)
{
    const Person *p = &det->person;
    if (!ref_present(&p->ref) || !dl_section(d, SEC_PERSON, "Person (face recognition)", NULL))
        return;
    if (ref_not_loaded(d, &p->ref))
        return;
    kv_pii(d, c->mask, "Name", p->name, PII_NAME);
    kv_str(d, "Gender", p->gender);
    kv_str(d, "Nationality", p->nationality);
    kv_str(d, "Status", p->status);
    kv_score(d, label_title(LBL_LIVENESS), p->liveness);
}

void build_consent(DLines *d, const DetailCtx *ctx, const Detail *det)
{
    const Consent *c = &det->consent;
    if (!ref_present(&c->ref) || !dl_section(d, SEC_CONSENT, "Consent", NULL))
        return;
    if (ref_not_loaded(d, &c->ref))
        return;
    kv_str(d, "Status", c->status);
    kv_str(d, "Source", c->source);
    kv_time(d, "Accepted at", c->accepted_at);
    kv_pii(d, ctx->mask, "Privacy policy", c->privacy_url, PII_NONE);
    kv_pii(d, ctx->mask, "Terms", c->terms_url, PII_NONE);
}

void build_flow(DLines *d, const Detail *det)
{
    const Project *p = &det->project;
    const Flow *f = &det->flow;
    if ((!ref_present(&p->ref) && !ref_present(&f->ref)) || !dl_section(d, SEC_FLOW, "Project and flow", NULL))
        return;
    if (p->ref.st == REF_POPULATED) {
        kv_str(d, label_title(LBL_PROJECT), p->name);
        kv_str(d, "Project status", p->status);
        kv_flag(d, "Demo mode", p->demo_mode);
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
    kv_str(d, label_title(LBL_FLOW), f->name);
    kv_str(d, "Flow type", f->type);
    kv_str(d, "Target", f->target);
    kv_str(d, "Flow status", f->status);
    kv_num(d, "Version", f->version, NULL);
    kv_score(d, "Liveness min", f->liveness_min);
    kv_score(d, "Compare min", f->compare_min);
    kv_score(d, "Search min", f->search_min);
    kv_num(d, "Liveness tries", f->liveness_attempt_limit, NULL);
    kv_num(d, "Document tries", f->doc_attempt_limit, NULL);
    kv_flag(d, "Registry check", f->verify_names);
    kv_str(d, "Email gateway", f->email_gateway);
    kv_str(d, "Phone gateway", f->phone_gateway);
    if (f->steps.n) {
        dl_begin(d, IND);
        dl_add(d, SL_LABEL, "Steps");
        dl_end(d);
        kv_list(d, MASK_NONE, &f->steps, IND + 2);
    }
}
