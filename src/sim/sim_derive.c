#include "sim/sim_derive.h"

#include <stdio.h>
#include <string.h>

#include "sim/sim_names.h"
#include "sim/sim_rng.h"
#include "sim/sim_store.h"

#define N(a) (sizeof(a) / sizeof *(a))

static const char *const user_agents[] = {
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
};
static const char *const oses[] = { "IOS", "ANDROID", "DESKTOP", "DESKTOP" };

static const char *const quality_reasons[] = {
    "face_close_to_border", "face_not_centered", "face_occluded", "face_rotation_too_large",
    "face_too_close", "face_too_far", "multiple_faces_detected", "no_face_detected",
    "poor_lighting", "poor_lighting", "ERR_LIVENESS_FACE_TOO_SMALL", "ERR_NO_FACE_DETECTED",
};
static const char *const doc_reasons[] = {
    "document_number_is_not_extracted", "document_type_not_detected",
    "existing_document_validation_with_document_number", "image_is_required",
    "insecure_image_url", "prompt_template_not_found", "unspecified", "blurry_document_image",
};

static void derive_presence(SimDerived *d, SimRng *r)
{
    const SimRec *rec = d->rec;
    SimCause c = (SimCause)rec->cause;
    unsigned reach = rec->reach;
    d->consent = reach >= STEP_INSTRUCTIONS;
    d->email_val = reach >= STEP_SIGNUP && *d->text.email && strcmp(d->flow->email_gw, "none");
    d->phone_val = reach >= STEP_SIGNUP && *d->text.phone && strcmp(d->flow->phone_gw, "none");
    d->info = reach >= STEP_SIGNUP || (rec->variant & V_CREATED); /* create makes one */
    d->acl = reach >= STEP_SIGNUP;
    d->doc = reach >= STEP_DOCUMENT;
    d->doc_face = d->doc && !(c == C_NMV_COMPARE_NOT_RUN && sim_rng_pct(r, 50));
    if (d->doc && !d->doc_face)
        d->face_reason = "document_face_not_provided";
    d->bio = reach >= STEP_LIVENESS;
    d->compare = d->bio && d->doc_face && c != C_NMV_COMPARE_NOT_RUN;
    d->form = reach >= STEP_FORM && d->flow->steps[FS_FORM] != REQ_SKIP;
    d->signature = rec->status == RS_COMPLETED && reach >= STEP_END;
}

static void derive_scores(SimDerived *d, SimRng *r)
{
    const SimFlow *f = d->flow;
    SimCause c = (SimCause)d->rec->cause;
    double u = sim_rng_unit(r);
    if (c == C_NMV_LIVENESS_AT_MIN)
        d->liveness = sim_rng_pct(r, 30) ? f->live_min : f->live_min - 0.01 - u * 0.04;
    else
        d->liveness = f->live_min + 0.02 + u * (0.99 - f->live_min - 0.02);
    u = sim_rng_unit(r);
    d->compare_min = f->compare_min;
    if (c == C_NMV_COMPARE_LOW)
        d->compare_score = f->compare_min - 0.01 - u * 0.13;
    else if (c == C_FAIL_COMPARE)
        d->compare_score = 0.10 + u * 0.40;
    else if (c == C_NMV_STALE_THRESHOLD) {
        d->compare_min = f->compare_min - 0.05; /* scored against an older threshold */
        d->compare_score = d->compare_min + u * 0.04;
    } else
        d->compare_score = f->compare_min + 0.01 + u * (0.99 - f->compare_min - 0.01);
    d->compare_passed = d->compare_score >= d->compare_min;
}

static void derive_document(SimDerived *d, SimRng *r)
{
    const SimCountry *country = sim_country(d->rec->country);
    SimCause c = (SimCause)d->rec->cause;
    bool passport = sim_rng_pct(r, 12) && c != C_NMV_NAME_MATCH; /* the lookup needs an ID */
    d->doc_type = passport ? "Passport" : country->doc_type;
    d->doc_category = c == C_NMV_DOC_UNKNOWN ? "Unknown" : passport ? "Passport" : "ID";
    if (c == C_NMV_DOC_UNKNOWN)
        d->doc_type = "CUSTOM";
    d->lookup_ran = d->doc && d->flow->verify_names && country->registry && !passport &&
                    c != C_NMV_TIMEOUT && c != C_NMV_DOC_UNKNOWN;
    if (d->doc && !d->lookup_ran)
        d->info_reason = c == C_NMV_TIMEOUT ? "validation_not_available"
                         : c == C_NMV_DOC_UNKNOWN ? "document_type_not_detected"
                         : d->flow->verify_names ? "document_not_supported" : "manual_review";
    d->doc_status = c == C_NMV_DOC_STATUS ? "NEEDS_MANUAL_VERIFICATION"
                    : d->lookup_ran       ? "ACTIVE"
                                          : "ACTIVE_BUT_UNVERIFIED";
    if (c == C_NMV_TIMEOUT)
        d->manual_reason = "validation_timeout";
    else if (c == C_NMV_REQUESTED)
        d->manual_reason = "manual_review_requested";
    d->doc_live = !(c == C_NMV_DOC_STATUS && sim_rng_pct(r, 40));

    snprintf(d->registry_name, sizeof d->registry_name, "%s", d->text.name);
    sim_upper_latin(d->registry_name);
    if (c == C_NMV_NAME_MATCH) {
        /* the registry knows a second surname and a middle name the form left out */
        size_t n = strlen(d->registry_name);
        snprintf(d->registry_name + n, sizeof d->registry_name - n, " %s",
                 sim_rng_pct(r, 50) ? "DE LA CRUZ GOMEZ" : "ALEJANDRA VILLEGAS");
        d->full_pct = sim_rng_range(r, 40, 79);
        d->first_pct = sim_rng_range(r, 50, 100);
        d->last_pct = sim_rng_range(r, 20, 79);
    } else {
        d->full_pct = sim_rng_pct(r, 70) ? 100 : sim_rng_range(r, 85, 99);
        d->first_pct = 100;
        d->last_pct = sim_rng_pct(r, 80) ? 100 : sim_rng_range(r, 80, 99);
    }
}

static void derive_misc(SimDerived *d, SimRng *r)
{
    const SimRec *rec = d->rec;
    unsigned ua = sim_rng_below(r, N(user_agents));
    d->user_agent = user_agents[ua];
    d->os = oses[ua];
    snprintf(d->ip, sizeof d->ip, "%u.%u.%u.%u", 181 + sim_rng_below(r, 20),
             sim_rng_below(r, 256), sim_rng_below(r, 256), 1 + sim_rng_below(r, 254));
    d->step_ms = sim_rec_step_ms(rec);
    if (rec->status == RS_COMPLETED || rec->status == RS_COMPLETED_WITHOUT_KYC)
        d->completed_ms = rec->updated_ms;
    if (rec->status == RS_STARTED || rec->status == RS_ONGOING || rec->status == RS_EXPIRED)
        d->expires_ms = rec->created_ms + 3600000LL;
    SimCause c = (SimCause)rec->cause;
    d->scoring_fails = c == C_FAIL_LIVENESS ? (unsigned)d->flow->live_limit
                       : c == C_NMV_LIVENESS_AT_MIN ? 1 : 0;
    if (d->scoring_fails > rec->fails[SF_BIO])
        d->scoring_fails = rec->fails[SF_BIO];
}

void sim_derive(const SimStore *st, size_t idx, SimDerived *d)
{
    memset(d, 0, sizeof *d);
    const SimRec *rec = &st->recs[idx];
    d->rec = rec;
    d->idx = idx;
    d->flow = sim_flow(rec->flow);
    d->text = sim_rec_text(st, rec);
    sim_name_parts(d->text.name, rec->split, rec->variant & V_EAST_ASIAN, d->first, d->last,
                   sizeof d->first);
    const SimExtra *e = sim_store_extra(st, idx);
    d->language = e && e->language[0] ? e->language : sim_country(rec->country)->language;
    SimRng r;
    sim_rng_init(&r, sim_mix(rec->rseed));
    derive_presence(d, &r);
    derive_scores(d, &r);
    derive_document(d, &r);
    derive_misc(d, &r);
}

int64_t sim_derived_at(const SimDerived *d, SimStep s)
{
    int64_t t = d->rec->created_ms + (int64_t)s * d->step_ms;
    return t < d->rec->updated_ms ? t : d->rec->updated_ms;
}

static void bio_attempt(const SimDerived *d, unsigned k, SimRng *r, SimAttempt *out)
{
    unsigned quality = d->rec->fails[SF_BIO] - d->scoring_fails;
    out->status = "failed";
    if (k < quality) {
        snprintf(out->reason, sizeof out->reason, "%s",
                 quality_reasons[sim_rng_below(r, N(quality_reasons))]);
        return;
    }
    const SimFlow *f = d->flow;
    out->scoring = true;
    bool near = d->rec->cause == C_NMV_LIVENESS_AT_MIN || sim_rng_pct(r, 40);
    out->score = f->live_min - (near ? 0.01 + sim_rng_unit(r) * 0.13 : 0.16 + sim_rng_unit(r) * 0.3);
    if (out->score < 0.01)
        out->score = 0.01;
    switch (sim_rng_below(r, 4)) {
    case 0: snprintf(out->reason, sizeof out->reason, "409:liveness_failed@%.2f", out->score); break;
    case 1: snprintf(out->reason, sizeof out->reason, "409:liveness_failed"); break;
    default: snprintf(out->reason, sizeof out->reason, "liveness_failed"); break;
    }
    if (sim_rng_pct(r, 5))
        snprintf(out->reason, sizeof out->reason, "liveness_error");
}

static void doc_attempt(SimRng *r, SimAttempt *out)
{
    const char *code = doc_reasons[sim_rng_below(r, N(doc_reasons))];
    out->status = "FAILED";
    switch (sim_rng_below(r, 6)) {
    case 0:
        snprintf(out->reason, sizeof out->reason, "409:%s", code);
        break;
    case 1: /* what a server leaks when it stores an exception message */
        snprintf(out->reason, sizeof out->reason,
                 "500:%s\n    at ScanPrompt.extract (/srv/app/services/scan.js:214:11)", code);
        break;
    default:
        snprintf(out->reason, sizeof out->reason, "%s", code);
        break;
    }
}

void sim_attempt(const SimDerived *d, SimFail kind, unsigned k, SimAttempt *out)
{
    memset(out, 0, sizeof *out);
    SimRng r;
    sim_rng_init(&r, sim_mix2(d->rec->rseed, (uint64_t)kind << 8 | k));
    unsigned n = d->rec->fails[kind];
    static const SimStep during[SF__COUNT] = { STEP_INSTRUCTIONS, STEP_INSTRUCTIONS,
                                               STEP_BASIC, STEP_DOCUMENT };
    out->at_ms = sim_derived_at(d, during[kind]) + (int64_t)(k + 1) * d->step_ms / (n + 1);
    if (out->at_ms > d->rec->updated_ms)
        out->at_ms = d->rec->updated_ms;
    switch (kind) {
    case SF_BIO: bio_attempt(d, k, &r, out); break;
    case SF_DOC: doc_attempt(&r, out); break;
    default:
        out->status = sim_rng_pct(&r, 70) ? "failed" : "expired";
        snprintf(out->reason, sizeof out->reason, "%s",
                 out->status[0] == 'f' ? "otp_does_not_match" : "validation_has_expired");
        break;
    }
}
