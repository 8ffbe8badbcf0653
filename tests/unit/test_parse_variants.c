/* One test per contradiction of reference §10 that the parser has to tolerate, plus the
 * wrong-type and missing-field cases: a bad field is marked, never fatal. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../testutil.h"
#include "core/parse.h"

/* Parses one registration object through the list path. */
static Summary *one(const char *obj)
{
    char *json = malloc(strlen(obj) + 32);
    sprintf(json, "{\"data\":[%s]}", obj);
    Page p = tu_page(json);
    cr_assert_eq(p.n, 1, "%s", obj);
    Summary *s = p.items[0];
    p.n = 0;
    page_free(&p);
    free(json);
    return s;
}

Test(parse_variants, id_or__id)
{
    Summary *a = one("{\"_id\":\"674de8df21c72be3cc42b8a7\"}");
    Summary *b = one("{\"id\":\"app_registration_123456789\"}");
    cr_assert_str_eq(summary_str(a, SS_ID), "674de8df21c72be3cc42b8a7");
    cr_assert_str_eq(summary_str(b, SS_ID), "app_registration_123456789");
    cr_assert_eq(a->invalid | b->invalid, 0);
    free(a);
    free(b);
}

Test(parse_variants, overview_page_shape_is_kept)
{
    /* §10.7: D-OVR's {id,userId,projectId,flowId,status:"completed",steps[],verificationResults{}} */
    Detail *d = tu_detail("{\"id\":\"reg_1\",\"userId\":\"u1\",\"projectId\":\"p1\",\"flowId\":\"f1\","
                       "\"status\":\"completed\",\"steps\":[{\"type\":\"email\",\"status\":\"completed\"}],"
                       "\"verificationResults\":{\"liveness\":0.9}}");
    cr_assert_str_eq(summary_str(d->summary, SS_ID), "reg_1");
    cr_assert_eq(summary_status(d->summary), ST_COMPLETED);
    cr_assert_eq(d->unknown.n, 5, "userId, projectId, flowId, steps, verificationResults kept for the raw view");
    cr_assert_str_eq(d->unknown.items[0].key, "userId");
    cr_assert_str_eq(d->unknown.items[0].value, "\"u1\"");
    detail_free(d);
}

Test(parse_variants, name_spellings)
{
    struct { const char *obj, *want; } c[] = {
        { "{\"_id\":\"1\",\"fullName\":\"Ana Ruiz\",\"name\":\"ignored\"}", "Ana Ruiz" },
        { "{\"_id\":\"1\",\"firstName\":\"Ana\",\"lastName\":\"Ruiz\"}", "Ana Ruiz" },
        { "{\"_id\":\"1\",\"firstName\":\"Ana\"}", "Ana" },
        { "{\"_id\":\"1\",\"name\":\"João Souza\"}", "João Souza" },
        { "{\"_id\":\"1\",\"informationValidation\":{\"_id\":\"i\",\"fullName\":\"Lucía Gómez\"}}", "Lucía Gómez" },
        { "{\"_id\":\"1\",\"informationValidation\":{\"_id\":\"i\",\"firstName\":\"Ana\",\"lastName\":\"Ruiz\"}}", "Ana Ruiz" },
        { "{\"_id\":\"1\"}", "" },
    };
    for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
        Summary *s = one(c[i].obj);
        cr_assert_str_eq(summary_str(s, SS_NAME), c[i].want, "%s", c[i].obj);
        cr_assert_eq(s->invalid & SUMF_NAME, 0);
        free(s);
    }
}

Test(parse_variants, status_casing_and_unknown_values)
{
    struct { const char *status; Status want; const char *raw; } c[] = {
        { "\"NEEDS_MANUAL_VERIFICATION\"", ST_NEEDS_MANUAL_VERIFICATION, "" },
        { "\"completed\"", ST_COMPLETED, "completed" },
        { "\"Completed_Without_Kyc\"", ST_COMPLETED_WITHOUT_KYC, "Completed_Without_Kyc" },
        { "\"PAUSED\"", ST_OTHER, "PAUSED" },
        { "\"\"", ST_UNKNOWN, "" },
        { "null", ST_UNKNOWN, "" },
    };
    for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
        char obj[128];
        snprintf(obj, sizeof obj, "{\"_id\":\"1\",\"status\":%s}", c[i].status);
        Summary *s = one(obj);
        cr_assert_eq(summary_status(s), c[i].want, "%s", c[i].status);
        cr_assert_str_eq(summary_str(s, SS_STATUS_RAW), c[i].raw, "%s", c[i].status);
        cr_assert_eq(s->invalid & SUMF_STATUS, 0);
        free(s);
    }
    Summary *s = one("{\"_id\":\"1\"}");
    cr_assert_eq(summary_status(s), ST_UNKNOWN, "missing status");
    free(s);
}

/* One spelling on screen and in exports whatever casing came in; the text as sent only
 * for what regdesk does not know. */
Test(parse_variants, status_display_is_the_same_for_every_casing)
{
    struct { const char *status, *badge, *name; } c[] = {
        { "\"NEEDS_MANUAL_VERIFICATION\"", "REVIEW", "NEEDS_MANUAL_VERIFICATION" },
        { "\"needs_manual_verification\"", "REVIEW", "NEEDS_MANUAL_VERIFICATION" },
        { "\"Needs-Manual-Verification\"", "REVIEW", "NEEDS_MANUAL_VERIFICATION" },
        { "\"completed\"", "DONE", "COMPLETED" },
        { "\"completed_without_kyc\"", "NO-KYC", "COMPLETED_WITHOUT_KYC" },
        { "\"PAUSED\"", "PAUSED", "PAUSED" },
        { "42", "42", "42" },
        { "null", "", "" },
    };
    for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
        char obj[128];
        snprintf(obj, sizeof obj, "{\"_id\":\"1\",\"status\":%s}", c[i].status);
        Summary *s = one(obj);
        cr_assert_str_eq(status_display(s, true), c[i].badge, "%s", c[i].status);
        cr_assert_str_eq(status_display(s, false), c[i].name, "%s", c[i].status);
        free(s);
    }
    cr_assert(status_is_final(ST_COMPLETED) && status_is_final(ST_COMPLETED_WITHOUT_KYC) && status_is_final(ST_FAILED));
    cr_assert_not(status_is_final(ST_EXPIRED) || status_is_final(ST_NEEDS_MANUAL_VERIFICATION) ||
                  status_is_final(ST_STARTED) || status_is_final(ST_UNKNOWN));
}

Test(parse_variants, refs_as_id_object_null_or_absent)
{
    Summary *s = one("{\"_id\":\"1\",\"project\":\"p1\",\"projectFlow\":{\"_id\":\"f1\",\"type\":\"onboarding\"}}");
    cr_assert_str_eq(summary_str(s, SS_PROJECT), "p1");
    cr_assert_str_eq(summary_str(s, SS_FLOW), "f1");
    free(s);
    Detail *d = tu_detail("{\"_id\":\"1\",\"project\":null,\"projectFlow\":\"f1\",\"biometricValidation\":null,"
                       "\"documentValidation\":{\"_id\":\"d1\",\"status\":\"ACTIVE\"}}");
    cr_assert_eq(d->project.ref.st, REF_NULL);
    cr_assert_eq(d->flow.ref.st, REF_ID);
    cr_assert_str_eq(d->flow.ref.id, "f1");
    cr_assert_eq(d->bio.ref.st, REF_NULL);
    cr_assert_eq(d->doc.ref.st, REF_POPULATED);
    cr_assert_str_eq(d->doc.status.s, "ACTIVE");
    cr_assert_eq(d->email_val.ref.st, REF_ABSENT);
    cr_assert_eq(d->email_val.email.st, FS_ABSENT, "unpopulated objects leave their fields absent");
    detail_free(d);
}

Test(parse_variants, numbers_sent_as_strings)
{
    Summary *s = one("{\"_id\":\"1\",\"redFlags\":\"3\"}");
    cr_assert_eq(s->red_flags, 3);
    cr_assert_eq(s->invalid, 0);
    free(s);
    Detail *d = tu_detail("{\"_id\":\"1\",\"biometricValidation\":{\"_id\":\"b\",\"livenessScore\":\"0.71\"}}");
    cr_assert_eq(d->bio.liveness.st, FS_OK);
    cr_assert_float_eq(d->bio.liveness.v, 0.71, 1e-9);
    detail_free(d);
}

Test(parse_variants, scores_on_both_scales)
{
    Detail *d = tu_detail("{\"_id\":\"1\",\"biometricValidation\":{\"_id\":\"b\",\"livenessScore\":71},"
                       "\"person\":{\"_id\":\"p\",\"livenessScore\":0.71},"
                       "\"compareFaceVerification\":{\"result\":{\"score\":78,\"compare_min_score\":0.85}}}");
    cr_assert_float_eq(d->bio.liveness.v, 0.71, 1e-9);
    cr_assert(d->bio.liveness.was_percent);
    cr_assert_float_eq(d->person.liveness.v, 0.71, 1e-9);
    cr_assert_not(d->person.liveness.was_percent);
    cr_assert_float_eq(d->compare.score.v, 0.78, 1e-9);
    cr_assert_float_eq(d->compare.min_score.v, 0.85, 1e-9);
    detail_free(d);
    d = tu_detail("{\"_id\":\"1\",\"biometricValidation\":{\"_id\":\"b\",\"livenessScore\":140}}");
    cr_assert_eq(d->bio.liveness.st, FS_INVALID, "above 100 is on no scale");
    detail_free(d);
}

Test(parse_variants, form_submission_both_spellings)
{
    Detail *a = tu_detail("{\"_id\":\"1\",\"formSubmittion\":\"fs1\"}");
    Detail *b = tu_detail("{\"_id\":\"1\",\"formSubmission\":{\"_id\":\"fs2\",\"answers\":{}}}");
    cr_assert_eq(a->form_submission.st, REF_ID);
    cr_assert_str_eq(a->form_submission.id, "fs1");
    cr_assert_eq(b->form_submission.st, REF_POPULATED);
    cr_assert_str_eq(b->form_submission.id, "fs2");
    cr_assert_eq(a->unknown.n + b->unknown.n, 0, "neither spelling is an unknown field");
    detail_free(a);
    detail_free(b);
}

Test(parse_variants, liveness_score_location)
{
    /* §10.19: biometricData.livenessScore (object page) vs top-level livenessScore (clients). */
    Detail *d = tu_detail("{\"_id\":\"1\",\"biometricValidation\":{\"_id\":\"b\",\"status\":\"completed\","
                       "\"biometricData\":{\"livenessScore\":0.66}}}");
    cr_assert_float_eq(d->bio.liveness.v, 0.66, 1e-9);
    cr_assert_str_eq(d->bio.status.s, "completed", "object-page status enum shown verbatim");
    detail_free(d);
}

Test(parse_variants, document_schemas)
{
    /* §10.20: OCRExtraction (real) vs documentData (aspirational schema). */
    Detail *a = tu_detail("{\"_id\":\"1\",\"documentValidation\":{\"_id\":\"d\",\"status\":\"ASSESSING\","
                       "\"OCRExtraction\":{\"lastName\":\"RUIZ\",\"category\":\"x\",\"fullName\":\"ANA RUIZ\",\"extra\":\"e\"}}}");
    cr_assert_eq(a->doc.ocr.n, 3, "category hidden");
    cr_assert_str_eq(a->doc.ocr.items[0].key, "fullName", "dashboard order: fullName first");
    cr_assert_str_eq(a->doc.ocr.items[1].key, "lastName");
    cr_assert_str_eq(a->doc.ocr.items[2].key, "extra", "unordered keys after the known ones");
    Detail *b = tu_detail("{\"_id\":\"1\",\"documentValidation\":{\"_id\":\"d\",\"status\":\"completed\","
                       "\"documentType\":\"passport\",\"documentData\":{\"documentNumber\":\"X1\"}}}");
    cr_assert_eq(b->doc.ocr.n, 1);
    cr_assert_str_eq(b->doc.document_type.s, "passport");
    detail_free(a);
    detail_free(b);
}

Test(parse_variants, flow_v3_and_legacy_v2)
{
    Detail *v3 = tu_detail("{\"_id\":\"1\",\"projectFlow\":{\"_id\":\"f\",\"version\":3,"
                        "\"liveness\":{\"minScore\":0.65,\"compareMinScore\":0.85,\"attemptLimit\":3},"
                        "\"documents\":{\"attemptLimit\":2,\"informationVerification\":true}}}");
    cr_assert_float_eq(v3->flow.liveness_min.v, 0.65, 1e-9);
    cr_assert_float_eq(v3->flow.compare_min.v, 0.85, 1e-9);
    cr_assert_float_eq(v3->flow.liveness_attempt_limit.v, 3, 1e-9);
    cr_assert_float_eq(v3->flow.doc_attempt_limit.v, 2, 1e-9);
    cr_assert(v3->flow.verify_names.v);
    Detail *v2 = tu_detail("{\"_id\":\"1\",\"projectFlow\":{\"_id\":\"f\",\"version\":2,\"onboardingSettings\":{"
                        "\"liveness\":{\"livenessMinScore\":0.6,\"maxAttempts\":5},"
                        "\"document\":{\"compareMinScore\":80,\"maxAttempts\":4,\"verifyNames\":false},"
                        "\"steps\":{\"document\":\"optional\"}}}}");
    cr_assert_float_eq(v2->flow.liveness_min.v, 0.6, 1e-9);
    cr_assert_float_eq(v2->flow.compare_min.v, 0.80, 1e-9);
    cr_assert_float_eq(v2->flow.liveness_attempt_limit.v, 5, 1e-9);
    cr_assert_float_eq(v2->flow.doc_attempt_limit.v, 4, 1e-9);
    cr_assert_eq(v2->flow.verify_names.st, FS_OK);
    cr_assert_not(v2->flow.verify_names.v);
    cr_assert_eq(v2->flow.steps.n, 1);
    cr_assert_str_eq(v2->flow.steps.items[0].value, "optional");
    detail_free(v3);
    detail_free(v2);
}

Test(parse_variants, document_liveness_is_live)
{
    Detail *d = tu_detail("{\"_id\":\"1\",\"documentValidation\":{\"_id\":\"d\",\"documentLiveness\":{\"isLive\":true,"
                       "\"validationResults\":{\"screenReplay\":{\"passed\":true}}}}}");
    cr_assert_eq(d->doc.document_live.st, FS_OK);
    cr_assert(d->doc.document_live.v);
    detail_free(d);
}

Test(parse_variants, red_flags_absent_or_only_details)
{
    /* §10.8: current docs dropped redFlags; older ones carry it. */
    Summary *a = one("{\"_id\":\"1\"}");
    cr_assert_eq(a->red_flags, 0);
    cr_assert_eq(a->invalid, 0);
    Summary *b = one("{\"_id\":\"1\",\"redFlagsDetails\":{\"blacklistHit\":{\"count\":1},\"namesMismatch\":{}}}");
    cr_assert_eq(b->red_flags, 2, "no count but two detail entries");
    free(a);
    free(b);
}

Test(parse_variants, smart_link_id_or_string_and_step_as_number)
{
    Detail *d = tu_detail("{\"_id\":\"1\",\"smartLink\":\"https://link.verifik.co/x\",\"currentStep\":1,\"countryCode\":\"US\"}");
    cr_assert_str_eq(d->smart_link.s, "https://link.verifik.co/x");
    cr_assert_str_eq(summary_str(d->summary, SS_STEP), "1");
    cr_assert_eq(d->summary->invalid, 0, "a numeric \"1\" step is harmless");
    cr_assert_str_eq(summary_str(d->summary, SS_COUNTRY_CODE), "US", "old example's country code kept as sent");
    detail_free(d);
}

Test(parse_variants, token_response_keys)
{
    const char *bodies[] = { "{\"data\":{\"accessToken\":\"eyJ.a.b\",\"tokenType\":\"bearer\"}}",
                             "{\"accessToken\":\"eyJ.a.b\",\"tokenType\":\"bearer\"}", "{\"token\":\"eyJ.a.b\"}" };
    for (size_t i = 0; i < 3; i++) {
        size_t len;
        char *body = tu_dup(bodies[i], &len);
        char *t = parse_access_token(body, len);
        cr_assert_not_null(t, "%s", bodies[i]);
        cr_assert_str_eq(t, "eyJ.a.b");
        for (size_t k = 0; k < len; k++)
            cr_assert_eq(body[k], 0, "body wiped after reading the token");
        free(t);
        free(body);
    }
    size_t len;
    char *body = tu_dup("{\"data\":{\"accessToken\":\"bad token\\u001b[2J\"}}", &len);
    cr_assert_null(parse_access_token(body, len), "a token with blanks or escapes is refused");
    free(body);
}

Test(parse_variants, resend_link_expires_format)
{
    /* §10.25: "YYYY-MM-DD HH:MM:SS" in resend-link, ISO elsewhere. */
    size_t len;
    char *body = tu_dup("{\"data\":{\"token\":\"eyJ.x\",\"link\":\"https://access.verifik.co/sign-up/p1?token=eyJ.x\","
                        "\"expiresAt\":\"2026-09-09 22:14:14\",\"emailSent\":{\"sent\":true,\"email\":\"a@b.co\"}}}", &len);
    ResendLink r;
    char err[100];
    cr_assert(parse_resend_link(body, len, &r, err, sizeof err), "%s", err);
    cr_assert_str_eq(r.link, "https://access.verifik.co/sign-up/p1?token=eyJ.x");
    cr_assert_eq(r.expires_ms, 1788992054000LL);
    cr_assert(r.email_sent);
    cr_assert_str_eq(r.email, "a@b.co");
    free(body);
    body = tu_dup("{\"data\":{\"link\":\"https://x/y\",\"expiresAt\":\"2026-09-09T22:14:14.000Z\",\"emailSent\":null}}", &len);
    cr_assert(parse_resend_link(body, len, &r, err, sizeof err));
    cr_assert_eq(r.expires_ms, 1788992054000LL);
    cr_assert_not(r.email_sent);
    free(body);
}
