#include "sim/sim_emit.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "sim/sim_hostile.h"
#include "sim/sim_ids.h"
#include "sim/sim_projects.h"
#include "sim/sim_rng.h"
#include "sim/sim_store.h"

static const struct {
    const char *path;
    uint32_t bits;
} populate_paths[] = {
    { "project", 1u << P_PROJECT },
    { "projectFlow", 1u << P_FLOW },
    { "emailValidation", 1u << P_EMAIL },
    { "phoneValidation", 1u << P_PHONE },
    { "biometricValidation", 1u << P_BIO },
    { "biometricValidation.face", 1u << P_BIO | 1u << P_BIO_FACE },
    { "documentValidation", 1u << P_DOC },
    { "documentValidation.documentLiveness", 1u << P_DOC | 1u << P_DOC_LIVE },
    { "informationValidation", 1u << P_INFO },
    { "person", 1u << P_PERSON },
    { "face", 1u << P_FACE },
    { "documentFace", 1u << P_DOCFACE },
    { "compareFaceVerification", 1u << P_COMPARE },
    { "cryptoValidation", 1u << P_CRYPTO },
    { "formSubmittion", 1u << P_FORM }, /* sic: the spelling of the current docs */
    { "formSubmission", 1u << P_FORM },
    { "signature", 1u << P_SIGNATURE },
    { "accessControlLog", 1u << P_ACL },
    { "consentSession", 1u << P_CONSENT },
    { "failedEmailValidations", 1u << P_FAIL_EMAIL },
    { "failedPhoneValidations", 1u << P_FAIL_PHONE },
    { "failedDocumentValidations", 1u << P_FAIL_DOC },
    { "failedBiometricValidations", 1u << P_FAIL_BIO },
    { "failedBiometricValidations.face", 1u << P_FAIL_BIO | 1u << P_FAIL_BIO_FACE },
    { "manualReviewLog.reviewedByClient", 1u << P_REVIEW_CLIENT },
    { "manualReviewLog.reviewedByStaff", 1u << P_REVIEW_STAFF },
};

uint32_t sim_populate_bits(const char *path)
{
    for (size_t i = 0; i < sizeof populate_paths / sizeof *populate_paths; i++)
        if (strcmp(path, populate_paths[i].path) == 0)
            return populate_paths[i].bits;
    return 0;
}

void sim_sub_id(const SimEmit *e, unsigned kind, char *out)
{
    sim_id(out, e->st->seed, kind, (uint32_t)e->d.idx, e->d.rec->created_ms);
}

typedef void (*EmitFn)(SimEmit *e);

/* A reference: null when the object does not exist, its id, or the object itself. */
static void ref(SimEmit *e, const char *key, unsigned kind, bool exists, SimPop p, EmitFn fn)
{
    jw_key(e->w, key);
    if (!exists) {
        jw_null(e->w);
    } else if (POP(e->pop, p)) {
        fn(e);
    } else {
        char id[SIM_ID_LEN + 1];
        sim_sub_id(e, kind, id);
        jw_str(e->w, id);
    }
}

static void emit_project(SimEmit *e)
{
    sim_emit_project(e->w, e->st->seed, e->d.flow->project, false);
}

static void emit_flow(SimEmit *e)
{
    sim_emit_flow(e->w, e->st->seed, e->d.rec->flow);
}

static void emit_docface(SimEmit *e)
{
    sim_emit_face(e, K_DOCFACE);
}

static void emit_face(SimEmit *e)
{
    sim_emit_face(e, K_FACE);
}

/* A reference that is never populated. */
static void idref(SimEmit *e, const char *key, unsigned kind, bool exists)
{
    char id[SIM_ID_LEN + 1];
    sim_sub_id(e, kind, id);
    jw_kstr_or_null(e->w, key, exists ? id : NULL);
}

static void emit_identity(SimEmit *e)
{
    JsonW *w = e->w;
    const SimRec *r = e->d.rec;
    char id[SIM_ID_LEN + 1];
    sim_rec_id(e->st, e->d.idx, id);
    if (e->id)
        snprintf(id, sizeof id, "%s", e->id);
    if (!HOSTILE(e->hostile, H_NO_ID))
        jw_kstr(w, "_id", id);
    if (r->variant & V_DUP_ID)
        jw_kstr(w, "id", id);
    sim_client_id(id, e->st->seed);
    jw_kstr(w, "client", id);
    jw_key(w, "project");
    if (POP(e->pop, P_PROJECT)) {
        emit_project(e);
    } else {
        sim_project_id(id, e->st->seed, e->d.flow->project);
        jw_str(w, id);
    }
    jw_key(w, "projectFlow");
    if (POP(e->pop, P_FLOW)) {
        emit_flow(e);
    } else {
        sim_flow_id(id, e->st->seed, r->flow);
        jw_str(w, id);
    }
}

static void emit_status(SimEmit *e)
{
    JsonW *w = e->w;
    const SimRec *r = e->d.rec;
    jw_key(w, "status");
    if (HOSTILE(e->hostile, H_TYPES)) {
        jw_int(w, r->status);
    } else if (r->variant & V_LOWER_STATUS) {
        char low[32];
        const char *s = sim_status_name((SimStatus)r->status);
        size_t i = 0;
        for (; s[i] && i < sizeof low - 1; i++)
            low[i] = (char)tolower((unsigned char)s[i]);
        low[i] = '\0';
        jw_str(w, low);
    } else {
        jw_str(w, sim_status_name((SimStatus)r->status));
    }
    jw_key(w, "currentStep");
    if (HOSTILE(e->hostile, H_NULLS))
        jw_null(w);
    else
        jw_str(w, sim_step_name((SimStep)r->step));
}

static void emit_name_value(SimEmit *e, const char *text)
{
    if (HOSTILE(e->hostile, H_NULLS))
        jw_null(e->w);
    else if (e->hostile)
        sim_hostile_text(e->w, e->hostile, text);
    else
        jw_str(e->w, text);
}

static void emit_person_fields(SimEmit *e)
{
    JsonW *w = e->w;
    const SimDerived *d = &e->d;
    if (d->rec->variant & V_NAME_KEY) {
        jw_key(w, "name");
        emit_name_value(e, d->text.name);
    } else {
        jw_key(w, "fullName");
        emit_name_value(e, d->text.name);
        jw_key(w, "firstName");
        emit_name_value(e, d->first);
        jw_kstr(w, "lastName", d->last);
    }
    if (*d->text.email) {
        jw_key(w, "email");
        if (HOSTILE(e->hostile, H_NULLS))
            jw_null(w);
        else if (e->hostile)
            sim_hostile_email(w, e->hostile, d->text.email);
        else
            jw_str(w, d->text.email);
    }
    if (*d->text.phone) {
        jw_kstr(w, "phone", d->text.phone);
        jw_kstr(w, "countryCode", d->text.dial);
    }
    jw_kstr(w, "language", d->language);
}

static void emit_refs(SimEmit *e)
{
    const SimDerived *d = &e->d;
    ref(e, "consentSession", K_CONSENT, d->consent, P_CONSENT, sim_emit_consent);
    ref(e, "informationValidation", K_INFO, d->info, P_INFO, sim_emit_info);
    ref(e, "emailValidation", K_EMAIL, d->email_val, P_EMAIL, sim_emit_email_val);
    ref(e, "phoneValidation", K_PHONE, d->phone_val, P_PHONE, sim_emit_phone_val);
    ref(e, "documentValidation", K_DOC, d->doc, P_DOC, sim_emit_doc);
    ref(e, "biometricValidation", K_BIO, d->bio, P_BIO, sim_emit_bio);
    ref(e, "person", K_PERSON, d->bio, P_PERSON, sim_emit_person);
    idref(e, "assignedCollection", K_COLLECTION, d->bio);
    ref(e, "face", K_FACE, d->bio, P_FACE, emit_face);
    ref(e, "documentFace", K_DOCFACE, d->doc_face, P_DOCFACE, emit_docface);
    ref(e, "compareFaceVerification", K_COMPARE, d->compare, P_COMPARE, sim_emit_compare);
    jw_knull(e->w, "cryptoValidation"); /* no schema published: never set here */
    ref(e, "formSubmittion", K_FORM, d->form, P_FORM, sim_emit_form);
    ref(e, "signature", K_SIGNATURE, d->signature, P_SIGNATURE, sim_emit_signature);
    ref(e, "accessControlLog", K_ACL, d->acl, P_ACL, sim_emit_acl);
}

static void emit_redflags(SimEmit *e)
{
    JsonW *w = e->w;
    int n = __builtin_popcount(e->d.rec->redflags);
    jw_key(w, "redFlags");
    if (HOSTILE(e->hostile, H_BIGNUM)) {
        jw_raw(w, "1e999", 5);
    } else if (HOSTILE(e->hostile, H_TYPES)) {
        if (e->d.rec->rseed & 1) {
            char s[4] = { (char)('0' + n), 0, 0, 0 };
            jw_str(w, s);
        } else {
            jw_obj(w);
            jw_kint(w, "count", n);
            jw_obj_end(w);
        }
    } else {
        jw_int(w, n);
    }
    jw_key(w, "redFlagsDetails");
    sim_emit_redflags_details(e);
}

static void emit_failed_list(SimEmit *e, const char *key, SimFail kind, SimPop p,
                             unsigned base_kind)
{
    JsonW *w = e->w;
    jw_karr(w, key);
    for (unsigned k = 0; k < e->d.rec->fails[kind]; k++) {
        if (!POP(e->pop, p)) {
            char id[SIM_ID_LEN + 1];
            sim_sub_id(e, base_kind + k, id);
            jw_str(w, id);
        } else if (kind == SF_DOC) {
            sim_emit_failed_doc(e, k);
        } else if (kind == SF_BIO) {
            sim_emit_failed_bio(e, k);
        } else {
            sim_emit_failed_contact(e, kind, k);
        }
    }
    jw_arr_end(w);
}

/* reviewer: who logged in for the override's token, NULL for the account itself. */
static void emit_reviewer(SimEmit *e, bool staff, const char *reviewer)
{
    JsonW *w = e->w;
    char id[SIM_ID_LEN + 1];
    jw_key(w, "reviewedByClient");
    sim_client_id(id, e->st->seed);
    if (staff) {
        jw_null(w);
    } else if (POP(e->pop, P_REVIEW_CLIENT) && reviewer) {
        jw_obj(w);
        jw_kstr(w, "_id", id);
        jw_kstr(w, "email", reviewer);
        jw_obj_end(w);
    } else if (POP(e->pop, P_REVIEW_CLIENT)) {
        sim_emit_client(w, e->st->seed);
    } else {
        jw_str(w, id);
    }
    jw_key(w, "reviewedByStaff");
    sim_id(id, e->st->seed, K_STAFF, 1, 1700000000000LL);
    if (!staff) {
        jw_null(w);
    } else if (POP(e->pop, P_REVIEW_STAFF)) {
        jw_obj(w);
        jw_kstr(w, "_id", id);
        jw_kstr(w, "name", "Support (staff)");
        jw_kstr(w, "email", "support@staff.example");
        jw_obj_end(w);
    } else {
        jw_str(w, id);
    }
}

static void emit_review(SimEmit *e, unsigned prev, unsigned next, const char *note,
                        const char *reviewer, int64_t at_ms, bool staff)
{
    JsonW *w = e->w;
    jw_obj(w);
    jw_kstr(w, "previousStatus", sim_status_name((SimStatus)prev));
    jw_kstr(w, "newStatus", sim_status_name((SimStatus)next));
    if (note) {
        jw_key(w, "note");
        if (e->hostile)
            sim_hostile_text(w, e->hostile, note);
        else
            jw_str(w, note);
    }
    emit_reviewer(e, staff, reviewer);
    jw_ktime(w, "createdAt", at_ms);
    jw_obj_end(w);
}

static void emit_reviews(SimEmit *e)
{
    const SimRec *r = e->d.rec;
    jw_karr(e->w, "manualReviewLog");
    if (r->variant & V_RESOLVED) {
        bool approved = r->gen_status == RS_COMPLETED;
        emit_review(e, RS_NEEDS_MANUAL_VERIFICATION, r->gen_status,
                    approved ? "Verificado por videollamada; documento y selfie coinciden."
                             : "El documento no corresponde al titular.",
                    NULL, sim_rec_finished_ms(r, e->st->now_ms), r->rseed % 5 == 0);
    }
    const SimExtra *x = sim_store_extra(e->st, e->d.idx);
    for (size_t i = 0; x && i < x->n; i++)
        emit_review(e, x->log[i].prev, x->log[i].next, x->log[i].note, x->log[i].reviewer, x->log[i].at_ms,
                    false);
    jw_arr_end(e->w);
}

static void emit_tail(SimEmit *e)
{
    JsonW *w = e->w;
    const SimDerived *d = &e->d;
    const SimRec *r = d->rec;
    if (e->hostile) {
        jw_key(w, "notes");
        sim_hostile_notes(w, e->hostile);
    } else if (r->rseed % 20 == 0) {
        jw_kstr(w, "notes", "Cliente llamó a soporte: no recibió el código por SMS.");
    }
    jw_kbool(w, "deleted", false);
    jw_kstr(w, "ipAddress", d->ip);
    jw_kstr(w, "userAgent", d->user_agent);
    if (d->expires_ms)
        jw_ktime(w, "expiresAt", d->expires_ms);
    if (d->completed_ms)
        jw_ktime(w, "completedAt", d->completed_ms);
    jw_key(w, "createdAt");
    if (HOSTILE(e->hostile, H_TYPES))
        jw_int(w, r->created_ms);
    else
        jw_time(w, r->created_ms);
    jw_ktime(w, "updatedAt", r->updated_ms);
    const SimExtra *x = sim_store_extra(e->st, d->idx);
    jw_kint(w, "__v", x ? (long long)x->n : 0);
}

void sim_emit_registration(JsonW *w, const SimStore *st, size_t idx, uint32_t pop)
{
    sim_emit_registration_as(w, st, idx, pop, NULL);
}

void sim_emit_registration_as(JsonW *w, const SimStore *st, size_t idx, uint32_t pop, const char *id)
{
    SimEmit e = { .w = w, .st = st, .pop = pop, .id = id };
    sim_derive(st, idx, &e.d);
    e.hostile = sim_hostile_traits(e.d.rec);
    jw_obj(w);
    emit_identity(&e);
    emit_status(&e);
    emit_person_fields(&e);
    emit_refs(&e);
    emit_redflags(&e);
    emit_failed_list(&e, "failedEmailValidations", SF_EMAIL, P_FAIL_EMAIL, K_FAIL_EMAIL);
    emit_failed_list(&e, "failedPhoneValidations", SF_PHONE, P_FAIL_PHONE, K_FAIL_PHONE);
    emit_failed_list(&e, "failedDocumentValidations", SF_DOC, P_FAIL_DOC, K_FAIL_DOC);
    emit_failed_list(&e, "failedBiometricValidations", SF_BIO, P_FAIL_BIO, K_FAIL_BIO);
    emit_reviews(&e);
    emit_tail(&e);
    jw_obj_end(w);
}
