/* Failed-attempt codes and the derived manual-review reasons: only for a registration in
 * review, and only from evidence that is there. */
#include <criterion/criterion.h>
#include <string.h>

#include "../testutil.h"
#include "core/reasons.h"

Test(reasons, normalise_codes)
{
    char c[64];
    struct { const char *raw, *want; } cases[] = {
        { "409:liveness_failed@0.45", "liveness_failed" }, { "poor_lighting", "poor_lighting" },
        { "ERR_LIVENESS_FACE_TOO_SMALL", "face_too_far" }, { "ERR_NO_FACE_DETECTED", "no_face_detected" },
        { "500:Error: boom\n at x.js:1", "error" }, { "", "" }, { "  Face_Too_Far ", "face_too_far" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        reason_normalize(cases[i].raw, c, sizeof c);
        cr_assert_str_eq(c, cases[i].want, "%s", cases[i].raw);
    }
    reason_normalize("a_very_long_reason_code_that_keeps_going", c, 8);
    cr_assert_str_eq(c, "a_very_");
}

Test(reasons, translations_and_quality)
{
    cr_assert(reason_is_quality("poor_lighting"));
    cr_assert(reason_is_quality("face_too_far"));
    cr_assert_not(reason_is_quality("liveness_failed"));
    cr_assert_not(reason_is_quality("document_type_not_detected"));
    cr_assert_str_eq(reason_text(FAIL_BIO, "face_too_far"), "Face too far from the camera");
    cr_assert_str_eq(reason_text(FAIL_DOC, "document_type_not_detected"), "Document type not recognised");
    cr_assert_str_eq(reason_text(FAIL_DOC, "internal_thing"), "Document scan failed", "unknown doc codes: generic");
    cr_assert_str_eq(reason_text(FAIL_EMAIL, ""), "Failed (no reason recorded)");
}

Test(reasons, ana_ruiz_case)
{
    Detail *d = tu_detail_file(TU_FIXTURE_ANA);
    ReviewReason r[REVIEW_REASONS_MAX];
    size_t n = review_reasons(d->summary, d, r);
    cr_assert_eq(n, 3, "compare below threshold, name match, document status");
    cr_assert_eq(r[0].kind, RR_COMPARE_BELOW);
    cr_assert_str_eq(r[0].text, "Face compare scored 0.78, below the threshold of 0.85.");
    cr_assert_eq(r[1].kind, RR_NAME_MATCH_LOW);
    cr_assert_str_eq(r[1].text, "Name match with the government registry is 62 % (below 80 %).");
    cr_assert_eq(r[2].kind, RR_DOC_NEEDS_REVIEW);
    unsigned used, limit;
    liveness_attempts(d, &used, &limit);
    cr_assert_eq(limit, 3);
    cr_assert_eq(used, 2, "liveness_failed and the unpopulated one count; poor_lighting does not");
    detail_free(d);
}

Test(reasons, liveness_stale_threshold_and_manual_reason)
{
    Detail *d = tu_detail(
        "{\"_id\":\"x\",\"status\":\"NEEDS_MANUAL_VERIFICATION\",\"projectFlow\":{\"_id\":\"f\",\"liveness\":{\"minScore\":0.65,\"compareMinScore\":0.90}},"
        "\"biometricValidation\":{\"_id\":\"b\",\"livenessScore\":0.65},"
        "\"compareFaceVerification\":{\"result\":{\"score\":0.88,\"passed\":true,\"compare_min_score\":0.85}},"
        "\"documentValidation\":{\"_id\":\"d\",\"documentCategory\":\"Unknown\",\"manualVerificationReason\":\"validation_timeout\","
        "\"imageValidated\":true,\"scoreValidated\":false,\"fullNameMatchPercentage\":10}}");
    ReviewReason r[REVIEW_REASONS_MAX];
    size_t n = review_reasons(d->summary, d, r);
    cr_assert_eq(n, 4);
    cr_assert_eq(r[0].kind, RR_COMPARE_STALE_THRESHOLD, "0.88 passed its own 0.85 but the flow now says 0.90");
    cr_assert_str_eq(r[0].text, "Face compare ran with threshold 0.85; the flow now requires 0.90.");
    cr_assert_eq(r[1].kind, RR_LIVENESS_LOW, "at the minimum counts");
    cr_assert_eq(r[2].kind, RR_DOC_CATEGORY_UNKNOWN);
    cr_assert_eq(r[3].kind, RR_MANUAL_REASON, "name match ignored: the registry lookup did not run");
    cr_assert_str_eq(r[3].text, "The government registry did not answer in time.");
    detail_free(d);
}

/* A review case with the given fields after its id and status. */
#define REVIEW(id, rest) "{\"_id\":\"" id "\",\"status\":\"NEEDS_MANUAL_VERIFICATION\"," rest "}"

Test(reasons, compare_not_run_or_no_document_face)
{
    Detail *a = tu_detail(REVIEW("a", "\"face\":\"f1\",\"documentValidation\":{\"_id\":\"d1\"},\"documentFace\":null"));
    Detail *b = tu_detail(REVIEW("b", "\"face\":\"f1\",\"documentFace\":\"df1\",\"compareFaceVerification\":null"));
    Detail *c = tu_detail(REVIEW("c", "\"face\":\"f1\",\"compareFaceVerification\":\"cf1\""));
    Detail *e = tu_detail(REVIEW("e", "\"documentValidation\":{\"_id\":\"d1\",\"documentFaceReason\":"
                                      "\"document_face_not_provided\"}"));
    ReviewReason r[REVIEW_REASONS_MAX];
    cr_assert_eq(review_reasons(a->summary, a, r), 1);
    cr_assert_eq(r[0].kind, RR_COMPARE_NO_DOC_FACE, "a scanned document without a portrait");
    cr_assert_eq(review_reasons(b->summary, b, r), 1);
    cr_assert_eq(r[0].kind, RR_COMPARE_NOT_RUN);
    cr_assert_str_eq(r[0].text, "Face compare never ran, although the selfie and the document portrait are "
                                "both there.");
    cr_assert_eq(review_reasons(c->summary, c, r), 0, "ran, just not populated: no invented reason");
    cr_assert_eq(review_reasons(e->summary, e, r), 1);
    cr_assert_eq(r[0].kind, RR_COMPARE_NO_DOC_FACE, "the document says so itself");
    detail_free(a);
    detail_free(b);
    detail_free(c);
    detail_free(e);
}

/* Null sub-objects are steps not done yet: no reason may come from them. */
Test(reasons, nothing_done_yet_is_not_a_failure)
{
    Detail *d = tu_detail(REVIEW("n", "\"emailValidation\":null,\"phoneValidation\":null,\"documentValidation\":null,"
                                      "\"biometricValidation\":null,\"face\":null,\"documentFace\":null,"
                                      "\"compareFaceVerification\":null,\"person\":null"));
    ReviewReason r[REVIEW_REASONS_MAX];
    cr_assert_eq(review_reasons(d->summary, d, r), 0, "first: %s", r[0].text);
    detail_free(d);
}

/* The same evidence on a registration that is not in review gives no review reason:
 * STARTED with every validation null, NO-KYC, EXPIRED, and a FAILED one whose document
 * attempts ran out (the diagnosis says that instead). */
Test(reasons, only_a_registration_in_review_has_reasons)
{
    static const char *const others[] = { "STARTED", "ONGOING", "COMPLETED", "COMPLETED_WITHOUT_KYC", "FAILED",
                                          "EXPIRED", "", "PAUSED" };
    ReviewReason r[REVIEW_REASONS_MAX];
    for (size_t i = 0; i < sizeof others / sizeof *others; i++) {
        char json[600];
        snprintf(json, sizeof json,
                 "{\"_id\":\"o\",\"status\":\"%s\",\"documentValidation\":{\"_id\":\"d1\",\"status\":"
                 "\"NEEDS_MANUAL_VERIFICATION\"},\"documentFace\":null,\"face\":\"f1\",\"compareFaceVerification\":null,"
                 "\"failedDocumentValidations\":[\"x1\",\"x2\",\"x3\"]}",
                 others[i]);
        Detail *d = tu_detail(json);
        cr_assert_eq(review_reasons(d->summary, d, r), 0, "status \"%s\" got \"%s\"", others[i], r[0].text);
        detail_free(d);
    }
    Detail *d = tu_detail(REVIEW("o", "\"documentValidation\":{\"_id\":\"d1\",\"status\":\"NEEDS_MANUAL_VERIFICATION\"},"
                                      "\"documentFace\":null"));
    cr_assert_eq(review_reasons(d->summary, d, r), 2, "in review the same evidence does count");
    detail_free(d);
    Detail *lower = tu_detail("{\"_id\":\"l\",\"status\":\"needs_manual_verification\",\"documentValidation\":{\"_id\":"
                              "\"d1\",\"status\":\"NEEDS_MANUAL_VERIFICATION\"}}");
    cr_assert_eq(review_reasons(lower->summary, lower, r), 1, "whatever the casing");
    detail_free(lower);
}

/* Diego's case: liveness rejects for poor lighting and distance are listed as failed
 * attempts but used none of the flow's five. Every place that counts them agrees. */
Test(reasons, attempts_that_counted_and_quality_rejects_apart)
{
    static const char json[] =
        "{\"_id\":\"q\",\"status\":\"ONGOING\",\"projectFlow\":{\"_id\":\"f\",\"liveness\":{\"attemptLimit\":5},"
        "\"documents\":{\"attemptLimit\":3}},"
        "\"failedBiometricValidations\":[{\"_id\":\"b1\",\"failedReason\":\"face_too_far\"},"
        "{\"_id\":\"b2\",\"failedReason\":{\"message\":\"poor_lighting\"}},"
        "{\"_id\":\"b3\",\"failedReason\":\"ERR_NO_FACE_DETECTED\"}],"
        "\"failedDocumentValidations\":[\"d1\",\"d2\",\"d3\"],\"failedPhoneValidations\":[{\"_id\":\"p1\"}]}";
    Detail *d = tu_detail(json);
    AttemptTally t;
    char text[120];
    attempt_tally(NULL, d, FAIL_BIO, &t);
    cr_assert_eq(t.failed, 3);
    cr_assert_eq(t.quality, 3, "a legacy provider code is a quality reject too");
    cr_assert_eq(t.counted, 0);
    cr_assert_eq(t.limit, 5);
    attempt_tally_text(&t, text, sizeof text);
    cr_assert_str_eq(text, "0 of 5 used; 3 quality rejects did not count");
    attempt_tally(d->summary, NULL, FAIL_BIO, &t);
    cr_assert(t.failed == 3 && t.quality == 3 && t.counted == 0, "the list counts them the same way");
    attempt_tally(NULL, d, FAIL_DOC, &t);
    cr_assert(t.failed == 3 && t.counted == 3 && t.limit == 3, "an id-only attempt counts");
    attempt_tally_text(&t, text, sizeof text);
    cr_assert_str_eq(text, "3 of 3 used");
    attempt_tally(NULL, d, FAIL_PHONE, &t);
    attempt_tally_text(&t, text, sizeof text);
    cr_assert_str_eq(text, "1 failed", "no limit for phone codes");
    unsigned used, limit;
    liveness_attempts(d, &used, &limit);
    cr_assert(used == 0 && limit == 5);
    detail_free(d);

    Detail *ids = tu_detail("{\"_id\":\"i\",\"failedBiometricValidations\":[\"b1\",\"b2\"]}");
    attempt_tally(ids->summary, NULL, FAIL_BIO, &t);
    cr_assert(t.failed == 2 && t.quality == 0 && t.counted == 2, "ids only: nothing known to be a quality reject");
    detail_free(ids);
}
