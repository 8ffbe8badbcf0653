/* GET /v2/app-registrations/{id}: every populate of reference §5, unpopulated refs, the
 * documented 404, populated failed attempts, and evidence consistent with the outcome. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "simhttp.h"
#include "simsuite.h"

TestSuite(sim_detail, .fini = stop_sims, .timeout = 60);

static void start(const char *count)
{
    sim = simsuite_start((const char *[]){ "--count", count, "--seed", "9", "--now",
                                           "2025-06-01T12:00:00Z", NULL }, NULL);
}

static const char *const all_populates[] = {
    "project", "projectFlow", "emailValidation", "phoneValidation", "biometricValidation.face",
    "documentValidation.documentLiveness", "informationValidation", "person", "face",
    "documentFace", "compareFaceVerification", "cryptoValidation", "formSubmittion",
    "signature", "accessControlLog", "consentSession", "failedDocumentValidations",
    "failedBiometricValidations.face", "failedEmailValidations", "failedPhoneValidations",
    "manualReviewLog.reviewedByClient", "manualReviewLog.reviewedByStaff",
};
enum { N_POP = sizeof all_populates / sizeof *all_populates };

static void populate_query(char *q, size_t n)
{
    size_t len = 0;
    q[0] = '\0';
    for (size_t i = 0; i < N_POP; i++)
        len += (size_t)snprintf(q + len, n - len, "&populates[]=%s", all_populates[i]);
}

/* The flow whose steps include a mandatory form (it produces formSubmittion). */
static void flow_with_form(char *out)
{
    cJSON *j = simhttp_get_json(sim, "/v2/app-registrations?limit=100&populates[]=projectFlow");
    const cJSON *r;
    out[0] = '\0';
    cJSON_ArrayForEach(r, sj_path(j, "data")) {
        const char *form = sj_str(r, "projectFlow.steps.form");
        if (form && strcmp(form, "mandatory") == 0)
            snprintf(out, 25, "%s", sj_str(r, "projectFlow._id"));
    }
    cJSON_Delete(j);
    cr_assert(out[0], "no flow with a form step");
}

static bool is_id(const cJSON *v)
{
    return cJSON_IsString(v) && strlen(v->valuestring) == 24;
}

static const char *const ref_keys[] = {
    "project", "projectFlow", "emailValidation", "phoneValidation", "biometricValidation",
    "documentValidation", "informationValidation", "person", "face", "documentFace",
    "compareFaceVerification", "formSubmittion", "signature", "accessControlLog",
    "consentSession",
};
enum { N_REFS = sizeof ref_keys / sizeof *ref_keys };

/* Every ref is null or a populated object; counts the populated ones per key. */
static void count_populated(const cJSON *d, int *seen)
{
    for (size_t i = 0; i < N_REFS; i++) {
        const cJSON *v = sj_path(d, ref_keys[i]);
        cr_assert(cJSON_IsNull(v) || is_id(sj_path(v, "_id")), "%s: null or populated", ref_keys[i]);
        seen[i] += cJSON_IsObject(v);
    }
    cr_assert(cJSON_IsNull(sj_path(d, "cryptoValidation")), "no schema: never set");
    if (cJSON_IsObject(sj_path(d, "biometricValidation")))
        cr_assert(cJSON_IsObject(sj_path(d, "biometricValidation.face")));
    if (cJSON_IsObject(sj_path(d, "documentValidation"))) {
        cr_assert(cJSON_IsBool(sj_path(d, "documentValidation.documentLiveness.isLive")));
        cr_assert(cJSON_IsString(sj_path(d, "documentValidation.documentNumber")));
        cr_assert(cJSON_IsObject(sj_path(d, "documentValidation.OCRExtraction")));
    }
    if (cJSON_IsObject(sj_path(d, "compareFaceVerification")))
        cr_assert(cJSON_IsNumber(sj_path(d, "compareFaceVerification.result.score")));
}

Test(sim_detail, every_populate_of_completed_registrations)
{
    start("800");
    char flow[25], path[2048], pops[1500];
    flow_with_form(flow);
    populate_query(pops, sizeof pops);
    /* the form flow has a form step; the first page of all flows has e-mail validations */
    const char *filters[] = { "&where_projectFlow=", "&x=" };
    int seen[N_REFS] = { 0 };
    for (int f = 0; f < 2; f++) {
        snprintf(path, sizeof path, "/v2/app-registrations?limit=20&where_status=COMPLETED%s%s",
                 filters[f], flow);
        cJSON *list = simhttp_get_json(sim, path);
        const cJSON *r;
        cJSON_ArrayForEach(r, sj_path(list, "data")) {
            snprintf(path, sizeof path, "/v2/app-registrations/%s?x=1%s", sj_str(r, "_id"), pops);
            cJSON *j = simhttp_get_json(sim, path);
            cr_assert_str_eq(sj_str(j, "data._id"), sj_str(r, "_id"));
            count_populated(sj_path(j, "data"), seen);
            cJSON_Delete(j);
        }
        cJSON_Delete(list);
    }
    for (size_t i = 0; i < N_REFS; i++)
        cr_assert_gt(seen[i], 0, "%s never populated", ref_keys[i]);

    snprintf(path, sizeof path, "/v2/app-registrations?limit=1&where_status=COMPLETED"
                                "&where_projectFlow=%s", flow);
    cJSON *list = simhttp_get_json(sim, path);
    snprintf(path, sizeof path, "/v2/app-registrations/%s?populates[]=formSubmission",
             sj_str(list, "data.0._id"));
    cJSON_Delete(list);
    cJSON *j = simhttp_get_json(sim, path);
    cr_assert(is_id(sj_path(j, "data.formSubmittion._id")), "the GitBook spelling populates too");
    cr_assert(is_id(sj_path(j, "data.documentValidation")), "not asked for: an id");
    cJSON_Delete(j);
}

Test(sim_detail, unknown_id_is_the_documented_404)
{
    start("50");
    const char *ids[] = { "0123456789abcdef01234567", "6650aa01c0ffee0000000001", "nope" };
    for (size_t i = 0; i < 3; i++) {
        char path[128];
        snprintf(path, sizeof path, "/v2/app-registrations/%s", ids[i]);
        SimHttpResp r = simhttp_get(sim, path);
        cr_assert_eq(r.status, 404);
        cr_assert_str_eq(r.body, "{\"code\":\"NotFound\",\"message\":\"AppRegistration_not_found\"}");
        simhttp_free(&r);
    }
}

static const char *const bio_codes[] = {
    "face_close_to_border", "face_not_centered", "face_occluded", "face_rotation_too_large",
    "face_too_close", "face_too_far", "multiple_faces_detected", "no_face_detected",
    "poor_lighting", "liveness_failed", "liveness_error", "ERR_LIVENESS_FACE_TOO_SMALL",
    "ERR_NO_FACE_DETECTED",
};

/* "409:liveness_failed@0.31" → is the code one of the documented ones? */
static bool known_bio_code(const char *reason)
{
    const char *p = reason;
    while (*p >= '0' && *p <= '9')
        p++;
    p = *p == ':' ? p + 1 : reason;
    size_t len = strcspn(p, "@");
    for (size_t i = 0; i < sizeof bio_codes / sizeof *bio_codes; i++)
        if (strlen(bio_codes[i]) == len && strncmp(p, bio_codes[i], len) == 0)
            return true;
    return false;
}

static double flow_live_min(const cJSON *flow)
{
    double v = sj_num(flow, "liveness.minScore");
    return isnan(v) ? sj_num(flow, "onboardingSettings.liveness.livenessMinScore") : v;
}

static double flow_compare_min(const cJSON *flow)
{
    double v = sj_num(flow, "liveness.compareMinScore");
    return isnan(v) ? sj_num(flow, "onboardingSettings.document.compareMinScore") : v;
}

static double score01(double v)
{
    return v > 1.0 ? v / 100.0 : v;
}

Test(sim_detail, failed_attempts_carry_reasons_and_scores)
{
    start("1500");
    cJSON *j = simhttp_get_json(sim, "/v2/app-registrations?limit=100&where_status=FAILED"
                                     "&populates[]=failedBiometricValidations.face"
                                     "&populates[]=failedDocumentValidations&populates[]=projectFlow");
    int bio = 0, doc = 0, prefixed = 0, liveness_failures = 0;
    const cJSON *r, *a;
    cJSON_ArrayForEach(r, sj_path(j, "data")) {
        double min = flow_live_min(sj_path(r, "projectFlow"));
        bool flagged = cJSON_IsObject(sj_path(r, "redFlagsDetails.livenessFailed"));
        int scoring = 0;
        cJSON_ArrayForEach(a, sj_path(r, "failedBiometricValidations")) {
            const char *reason = sj_str(a, "failedReason");
            cr_assert_not_null(reason);
            cr_assert(known_bio_code(reason), "%s", reason);
            cr_assert(cJSON_IsNumber(sj_path(a, "livenessScore")));
            cr_assert_not_null(sj_str(a, "updatedAt"));
            cr_assert_str_eq(sj_str(a, "face.failedReason.message"), reason);
            prefixed += strncmp(reason, "409:", 4) == 0;
            if (strstr(reason, "liveness_failed")) {
                scoring++;
                cr_assert_lt(score01(sj_num(a, "livenessScore")), min, "a scoring failure is below the minimum");
            }
            bio++;
        }
        if (flagged && cJSON_IsNull(sj_path(r, "biometricValidation"))) {
            cr_assert_gt(scoring + 0, 0, "failed on liveness: liveness failures");
            liveness_failures++;
        }
        cJSON_ArrayForEach(a, sj_path(r, "failedDocumentValidations")) {
            cr_assert_not_null(sj_str(a, "failedReason"));
            cr_assert_not_null(sj_str(a, "documentType"));
            cr_assert_str_eq(sj_str(a, "status"), "FAILED");
            doc++;
        }
    }
    cr_assert_gt(bio, 10);
    cr_assert_gt(doc, 5);
    cr_assert_gt(prefixed, 0, "some reasons carry the 409: prefix");
    cr_assert_gt(liveness_failures, 0);
    cJSON_Delete(j);
}

/* reference §9.2: at least one concrete reason for every registration in the queue. */
static bool has_review_reason(const cJSON *r)
{
    const cJSON *flow = sj_path(r, "projectFlow");
    double live_min = flow_live_min(flow), cmp_min = flow_compare_min(flow);
    const cJSON *cmp = sj_path(r, "compareFaceVerification");
    double live = score01(sj_num(r, "biometricValidation.livenessScore"));
    double pct = sj_num(r, "documentValidation.fullNameMatchPercentage");
    const char *doc_status = sj_str(r, "documentValidation.status");
    const char *category = sj_str(r, "documentValidation.documentCategory");
    if (cJSON_IsNull(cmp) && cJSON_IsObject(sj_path(r, "biometricValidation")))
        return true; /* compare never ran */
    if (cJSON_IsObject(cmp) && (sj_num(cmp, "result.score") < cmp_min ||
                                fabs(sj_num(cmp, "result.compare_min_score") - cmp_min) > 1e-9))
        return true; /* below the threshold, or scored against a stale one */
    return live <= live_min + 1e-9 || (!isnan(pct) && pct < 80) ||
           (doc_status && strcmp(doc_status, "NEEDS_MANUAL_VERIFICATION") == 0) ||
           (category && strcmp(category, "Unknown") == 0) ||
           sj_str(r, "documentValidation.manualVerificationReason");
}

Test(sim_detail, every_review_case_has_a_concrete_reason)
{
    start("2000");
    int n = 0;
    for (int page = 1; page <= 3; page++) {
        char path[512];
        snprintf(path, sizeof path,
                 "/v2/app-registrations?limit=100&page=%d&where_status=NEEDS_MANUAL_VERIFICATION"
                 "&populates[]=projectFlow&populates[]=biometricValidation"
                 "&populates[]=documentValidation&populates[]=compareFaceVerification", page);
        cJSON *j = simhttp_get_json(sim, path);
        const cJSON *r;
        cJSON_ArrayForEach(r, sj_path(j, "data")) {
            cr_assert(has_review_reason(r), "no reason for %s", sj_str(r, "_id"));
            cr_assert_str_eq(sj_str(r, "currentStep"), "end");
            n++;
        }
        cJSON_Delete(j);
    }
    cr_assert_gt(n, 150);
}

Test(sim_detail, completed_registrations_passed_their_thresholds)
{
    start("1000");
    cJSON *j = simhttp_get_json(sim, "/v2/app-registrations?limit=100&where_status=COMPLETED"
                                     "&populates[]=projectFlow&populates[]=biometricValidation"
                                     "&populates[]=compareFaceVerification");
    const cJSON *r;
    int checked = 0, percent = 0;
    cJSON_ArrayForEach(r, sj_path(j, "data")) {
        if (cJSON_GetArraySize(sj_path(r, "manualReviewLog")) > 0)
            continue; /* approved by a reviewer despite a reason */
        const cJSON *flow = sj_path(r, "projectFlow");
        double raw = sj_num(r, "biometricValidation.livenessScore");
        percent += raw > 1.0;
        cr_assert_gt(score01(raw), flow_live_min(flow));
        cr_assert_geq(sj_num(r, "compareFaceVerification.result.score"), flow_compare_min(flow));
        cr_assert(cJSON_IsTrue(sj_path(r, "compareFaceVerification.result.passed")));
        checked++;
    }
    cr_assert_gt(checked, 50);
    cr_assert_lt(percent, checked / 4, "the 0–100 scale is a rare variant");
    cJSON_Delete(j);
}
