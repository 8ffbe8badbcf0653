/* Populated sub-objects of the KYC part of a registration: document validation, liveness
 * (biometric validation, person, faces), face compare, and failed attempts. */
#include <stdio.h>
#include <string.h>

#include "sim/sim_emit.h"
#include "sim/sim_hostile.h"
#include "sim/sim_ids.h"
#include "sim/sim_names.h"

static void begin(SimEmit *e, unsigned kind)
{
    char id[SIM_ID_LEN + 1];
    sim_sub_id(e, kind, id);
    jw_obj(e->w);
    jw_kstr(e->w, "_id", id);
}

static void image_url(SimEmit *e, const char *key, unsigned kind, const char *what)
{
    char id[SIM_ID_LEN + 1], url[120];
    sim_sub_id(e, kind, id);
    snprintf(url, sizeof url, "https://cdn.example.com/regdesk-sim/%s/%s.jpg", id, what);
    jw_kstr(e->w, key, url);
}

static void ocr(SimEmit *e, bool partial)
{
    JsonW *w = e->w;
    const SimDerived *d = &e->d;
    char up[sizeof e->d.first];
    jw_kobj(w, "OCRExtraction");
    snprintf(up, sizeof up, "%s", d->first);
    sim_upper_latin(up);
    jw_key(w, "firstName");
    if (e->hostile)
        sim_hostile_text(w, e->hostile, up);
    else
        jw_str(w, up);
    snprintf(up, sizeof up, "%s", d->last);
    sim_upper_latin(up);
    jw_kstr(w, "lastName", up);
    if (!partial) {
        jw_kstr(w, "documentNumber", d->text.docnum);
        char dob[16];
        snprintf(dob, sizeof dob, "%04u-%02u-%02u", 1960 + d->rec->rseed % 45,
                 1 + (d->rec->rseed >> 6) % 12, 1 + (d->rec->rseed >> 10) % 28);
        jw_kstr(w, "dateOfBirth", dob);
        jw_kstr(w, "documentType", d->doc_type);
        jw_kstr(w, "country", sim_country(d->rec->country)->name);
    }
    jw_obj_end(w);
}

static void doc_liveness(SimEmit *e)
{
    JsonW *w = e->w;
    jw_key(w, "documentLiveness");
    if (!POP(e->pop, P_DOC_LIVE)) {
        char id[SIM_ID_LEN + 1];
        sim_sub_id(e, K_DOCLIVE, id);
        jw_str(w, id);
        return;
    }
    begin(e, K_DOCLIVE);
    jw_kstr(w, "status", "completed");
    jw_kbool(w, "isLive", e->d.doc_live);
    jw_knum(w, "riskScore", e->d.doc_live ? 0.08 : 0.71, 2);
    jw_obj_end(w);
}

static void registry(SimEmit *e)
{
    JsonW *w = e->w;
    const SimDerived *d = &e->d;
    jw_kobj(w, "scoreValidation");
    jw_kstr(w, "fullName", d->registry_name);
    jw_kstr(w, "documentType", d->doc_type);
    jw_kstr(w, "documentNumber", d->text.docnum);
    jw_ktime(w, "validatedAt", sim_derived_at(d, STEP_DOCUMENT));
    jw_obj_end(w);
}

void sim_emit_doc(SimEmit *e)
{
    JsonW *w = e->w;
    const SimDerived *d = &e->d;
    int64_t at = sim_derived_at(d, STEP_DOCUMENT);
    begin(e, K_DOC);
    jw_kstr(w, "status", d->doc_status);
    jw_kstr(w, "documentType", d->doc_type);
    jw_kstr(w, "documentCategory", d->doc_category);
    jw_kstr(w, "country", sim_country(d->rec->country)->name);
    jw_kstr(w, "documentNumber", d->text.docnum);
    jw_kstr(w, "validationMethod", "SCAN_PROMPT");
    jw_kstr(w, "inputMethod", d->rec->rseed % 4 ? "CAMERA" : "FILE_UPLOAD");
    jw_kstr(w, "type", "signup");
    image_url(e, "url", K_DOC, "front");
    image_url(e, "backUrl", K_DOC, "back");
    ocr(e, false);
    jw_kbool(w, "imageValidated", true);
    jw_kbool(w, "scoreValidated", d->lookup_ran);
    jw_kbool(w, "infoValidationSupported", d->lookup_ran);
    if (d->info_reason)
        jw_kstr(w, "infoValidationSupportedReason", d->info_reason);
    if (d->lookup_ran) {
        jw_kbool(w, "namesMatch", d->full_pct >= 80);
        jw_kint(w, "fullNameMatchPercentage", d->full_pct);
        jw_kint(w, "firstNameMatchPercentage", d->first_pct);
        jw_kint(w, "lastNameMatchPercentage", d->last_pct);
        registry(e);
    }
    if (d->manual_reason)
        jw_kstr(w, "manualVerificationReason", d->manual_reason);
    if (d->face_reason)
        jw_kstr(w, "documentFaceReason", d->face_reason);
    doc_liveness(e);
    jw_kbool(w, "requiresBackSide", strcmp(d->doc_category, "Passport") != 0);
    jw_ktime(w, "createdAt", at - 20000);
    jw_ktime(w, "updatedAt", at);
    jw_obj_end(w);
}

void sim_emit_face(SimEmit *e, unsigned kind)
{
    begin(e, kind);
    jw_kstr(e->w, "category", kind == K_DOCFACE ? "documentFace" : "face");
    image_url(e, "url", kind, kind == K_DOCFACE ? "document-face" : "selfie");
    jw_ktime(e->w, "createdAt", sim_derived_at(&e->d, kind == K_DOCFACE ? STEP_DOCUMENT
                                                                        : STEP_LIVENESS));
    jw_obj_end(e->w);
}

void sim_emit_bio(SimEmit *e)
{
    JsonW *w = e->w;
    const SimDerived *d = &e->d;
    int64_t at = sim_derived_at(d, STEP_LIVENESS);
    begin(e, K_BIO);
    jw_kstr(w, "status", "validated");
    jw_kstr(w, "type", "onboarding");
    jw_kstr(w, "os", d->os);
    if (HOSTILE(e->hostile, H_BIGNUM)) {
        jw_key(w, "livenessScore");
        jw_raw(w, "1e999", 5);
    } else {
        sim_emit_liveness(e, "livenessScore", d->liveness);
    }
    jw_key(w, "face");
    if (POP(e->pop, P_BIO_FACE)) {
        sim_emit_face(e, K_FACE);
    } else {
        char id[SIM_ID_LEN + 1];
        sim_sub_id(e, K_FACE, id);
        jw_str(w, id);
    }
    char id[SIM_ID_LEN + 1];
    sim_sub_id(e, K_REG, id);
    jw_kstr(w, "appRegistration", id);
    jw_ktime(w, "createdAt", at - 15000);
    jw_ktime(w, "updatedAt", at);
    jw_obj_end(w);
}

void sim_emit_person(SimEmit *e)
{
    JsonW *w = e->w;
    const SimDerived *d = &e->d;
    begin(e, K_PERSON);
    jw_kstr(w, "name", d->text.name);
    jw_kstr(w, "gender", d->rec->rseed & 2 ? "F" : "M");
    jw_kstr(w, "nationality", sim_country(d->rec->country)->name);
    jw_kstr(w, "status", "active");
    jw_karr(w, "collections");
    char id[SIM_ID_LEN + 1];
    sim_sub_id(e, K_COLLECTION, id);
    jw_str(w, id);
    jw_arr_end(w);
    sim_emit_liveness(e, "livenessScore", d->liveness);
    jw_ktime(w, "createdAt", sim_derived_at(d, STEP_LIVENESS));
    jw_obj_end(w);
}

void sim_emit_compare(SimEmit *e)
{
    JsonW *w = e->w;
    const SimDerived *d = &e->d;
    int64_t at = sim_derived_at(d, STEP_LIVENESS) + 5000;
    begin(e, K_COMPARE);
    jw_kobj(w, "result");
    jw_knum(w, "score", d->compare_score, 3);
    jw_kbool(w, "passed", d->compare_passed);
    jw_knum(w, "compare_min_score", d->compare_min, 2);
    jw_obj_end(w);
    jw_ktime(w, "comparedAt", at);
    jw_ktime(w, "createdAt", at);
    jw_obj_end(w);
}

void sim_emit_failed_doc(SimEmit *e, unsigned k)
{
    JsonW *w = e->w;
    const SimDerived *d = &e->d;
    SimAttempt a;
    sim_attempt(d, SF_DOC, k, &a);
    begin(e, K_FAIL_DOC + k);
    jw_kstr(w, "status", a.status);
    jw_kstr(w, "failedReason", a.reason);
    jw_kstr(w, "documentType", d->doc_type);
    jw_kstr(w, "documentCategory", k % 2 ? "Unknown" : d->doc_category);
    jw_kstr(w, "country", sim_country(d->rec->country)->name);
    jw_kstr(w, "inputMethod", "CAMERA");
    ocr(e, true);
    image_url(e, "url", K_FAIL_DOC + k, "front");
    jw_ktime(w, "createdAt", a.at_ms - 20000);
    jw_ktime(w, "updatedAt", a.at_ms);
    jw_obj_end(w);
}

void sim_emit_failed_bio(SimEmit *e, unsigned k)
{
    JsonW *w = e->w;
    SimAttempt a;
    sim_attempt(&e->d, SF_BIO, k, &a);
    begin(e, K_FAIL_BIO + k);
    jw_kstr(w, "status", a.status);
    jw_kstr(w, "failedReason", a.reason);
    sim_emit_liveness(e, "livenessScore", a.score);
    jw_key(w, "face");
    char id[SIM_ID_LEN + 1];
    sim_sub_id(e, K_FAIL_BIOFACE + k, id);
    if (POP(e->pop, P_FAIL_BIO_FACE)) {
        jw_obj(w);
        jw_kstr(w, "_id", id);
        jw_kstr(w, "category", "face");
        image_url(e, "url", K_FAIL_BIOFACE + k, "selfie");
        jw_kobj(w, "failedReason");
        jw_kstr(w, "message", a.reason);
        jw_obj_end(w);
        jw_obj_end(w);
    } else {
        jw_str(w, id);
    }
    jw_ktime(w, "createdAt", a.at_ms - 8000);
    jw_ktime(w, "updatedAt", a.at_ms);
    jw_obj_end(w);
}
