/* A fully populated registration (reference §11.2 extended) and the error envelopes. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../testutil.h"
#include "core/msg.h"
#include "core/parse.h"

/* api_error_describe without its quote marks (core/msg.h), as a person reads it. */
static void describe(const ApiError *e, char *buf, size_t n)
{
    char marked[MSG_MAX];
    api_error_describe(e, marked, sizeof marked);
    msg_plain(buf, n, marked);
}

Test(parse_detail, identity_and_summary)
{
    Detail *d = tu_detail_file(TU_FIXTURE_ANA);
    const Summary *s = d->summary;
    cr_assert_str_eq(summary_str(s, SS_ID), "6650aa01c0ffee0000000001");
    cr_assert_str_eq(summary_str(s, SS_NAME), "Ana Ruiz");
    cr_assert_str_eq(summary_str(s, SS_EMAIL), "ana.ruiz@example.org");
    cr_assert_str_eq(summary_str(s, SS_PHONE), "3001234567");
    cr_assert_str_eq(summary_str(s, SS_COUNTRY_CODE), "+57");
    cr_assert_str_eq(summary_str(s, SS_STEP), "end");
    cr_assert_str_eq(summary_str(s, SS_PROJECT), "6650aa01c0ffee0000000p01");
    cr_assert_str_eq(summary_str(s, SS_FLOW), "6650aa01c0ffee00000000f1");
    cr_assert_str_eq(summary_str(s, SS_DOCNUM), "1020304050");
    cr_assert_eq(summary_status(s), ST_NEEDS_MANUAL_VERIFICATION);
    cr_assert_eq(s->red_flags, 2);
    cr_assert_eq(s->failed[FAIL_BIO], 3);
    cr_assert_eq(s->failed[FAIL_DOC], 1);
    cr_assert_eq(s->failed[FAIL_EMAIL] + s->failed[FAIL_PHONE], 0);
    cr_assert_eq(summary_failed_total(s), 4);
    cr_assert_eq(s->created_ms, 1748095200000LL);
    cr_assert_eq(s->invalid, 0);
    cr_assert_str_eq(d->language.s, "es");
    cr_assert_str_eq(d->notes.s, "first line\nsecond line");
    cr_assert_str_eq(d->project.name.s, "Onboarding CO");
    detail_free(d);
}

Test(parse_detail, validations)
{
    Detail *d = tu_detail_file(TU_FIXTURE_ANA);
    cr_assert_str_eq(d->email_val.status.s, "validated");
    cr_assert_str_eq(d->phone_val.gateway.s, "whatsapp");
    cr_assert_float_eq(d->bio.liveness.v, 0.71, 1e-9);
    cr_assert_eq(d->bio.face.ref.st, REF_POPULATED);
    cr_assert(d->bio.face.has_image);
    cr_assert_str_eq(d->doc.status.s, "NEEDS_MANUAL_VERIFICATION");
    cr_assert_float_eq(d->doc.full_name_pct.v, 62, 1e-9);
    cr_assert(d->doc.image_validated.v && d->doc.score_validated.v);
    cr_assert_not(d->doc.names_match.v);
    cr_assert_eq(d->doc.ocr.n, 4, "extractedText is hidden");
    cr_assert_str_eq(d->doc.ocr.items[0].key, "firstName");
    cr_assert_str_eq(d->doc.ocr.items[1].key, "lastName");
    cr_assert_str_eq(d->doc.ocr.items[2].key, "documentNumber");
    cr_assert_str_eq(d->doc.ocr.items[3].key, "dateOfBirth");
    cr_assert_str_eq(d->doc.registry.items[0].value, "ANA MARIA RUIZ GOMEZ");
    cr_assert_float_eq(d->compare.score.v, 0.78, 1e-9);
    cr_assert_float_eq(d->compare.min_score.v, 0.85, 1e-9);
    cr_assert_eq(d->compare.passed.st, FS_OK);
    cr_assert_not(d->compare.passed.v);
    cr_assert_eq(d->face.ref.st, REF_ID);
    cr_assert_eq(d->document_face.ref.st, REF_POPULATED);
    cr_assert(d->document_face.has_image);
    cr_assert_str_eq(d->consent.status.s, "accepted");
    cr_assert_eq(d->form_submission.st, REF_NULL);
    cr_assert_float_eq(d->flow.liveness_min.v, 0.65, 1e-9);
    detail_free(d);
}

Test(parse_detail, failed_attempts_timeline)
{
    Detail *d = tu_detail_file(TU_FIXTURE_ANA);
    cr_assert_eq(d->n_attempts, 4);
    /* oldest first, the unpopulated id last */
    cr_assert_eq(d->attempts[0].kind, FAIL_DOC);
    cr_assert_str_eq(d->attempts[0].reason_code, "document_type_not_detected", "stack text dropped");
    cr_assert_str_eq(d->attempts[1].reason_code, "poor_lighting");
    cr_assert_str_eq(d->attempts[2].reason_code, "liveness_failed", "409: prefix and @detail dropped");
    cr_assert_str_eq(d->attempts[2].reason_raw.s, "409:liveness_failed@0.41", "raw code kept for 'show raw'");
    cr_assert_float_eq(d->attempts[2].score.v, 0.41, 1e-9);
    cr_assert_eq(d->attempts[3].ref.st, REF_ID);
    cr_assert_str_eq(d->attempts[3].ref.id, "6650aa01c0ffee00000000ba");
    cr_assert_eq(d->attempts[3].at.st, FS_ABSENT);
    detail_free(d);
}

Test(parse_detail, red_flags_reviews_and_unknown_fields)
{
    Detail *d = tu_detail_file(TU_FIXTURE_ANA);
    cr_assert_float_eq(d->red_flags.v, 2, 1e-9);
    const KVList *rf = &d->red_flags_details;
    cr_assert_eq(rf->n, 6);
    cr_assert_str_eq(rf->items[0].key, "faceCompareFailed");
    cr_assert_null(rf->items[0].value, "a nested object is a header row");
    cr_assert_eq(rf->items[1].depth, 1);
    cr_assert_str_eq(rf->items[3].key, "detail");
    cr_assert_str_eq(rf->items[3].value, "0.78 < 0.85");
    cr_assert_eq(d->n_reviews, 1);
    cr_assert_str_eq(d->reviews[0].new_status.s, "NEEDS_MANUAL_VERIFICATION");
    cr_assert(d->reviews[0].by_staff);
    cr_assert_str_eq(d->reviews[0].reviewer.s, "Ops <ops@verifik.example>");
    cr_assert_eq(d->unknown.n, 2);
    cr_assert_str_eq(d->unknown.items[0].key, "zelfKey");
    cr_assert_str_eq(d->unknown.items[0].value, "{\"k\":1}");
    cr_assert_str_eq(d->unknown.items[1].key, "MATiD");
    detail_free(d);
}

Test(parse_detail, secrets_never_enter_the_record)
{
    Detail *d = tu_detail_file(TU_FIXTURE_ANA);
    cr_assert_not_null(d->raw_json);
    cr_assert(strstr(d->raw_json, "\"fullName\""), "the raw view holds the record");
    cr_assert_null(strstr(d->raw_json, "enrollee-secret"), "the enrollee token is redacted");
    cr_assert_null(strstr(d->raw_json, "$2a$10$"), "the OTP hash is redacted");
    cr_assert_null(strstr(d->raw_json, "AAAA"), "images are not kept");
    cr_assert(strstr(d->raw_json, "[redacted]"));
    detail_free(d);
}

Test(parse_detail, create_response_and_bare_object)
{
    size_t len;
    char *body = tu_dup("{\"data\":{\"appRegistration\":{\"_id\":\"new1\",\"status\":\"STARTED\",\"currentStep\":\"1\"},"
                        "\"informationValidation\":{\"_id\":\"i\"},\"token\":\"eyJ.secret\"}}", &len);
    char err[100];
    Detail *d = parse_detail(body, len, err, sizeof err);
    cr_assert_not_null(d, "%s", err);
    cr_assert_str_eq(summary_str(d->summary, SS_ID), "new1");
    cr_assert_eq(summary_status(d->summary), ST_STARTED);
    detail_free(d);
    free(body);
    body = tu_dup("{\"_id\":\"bare\",\"status\":\"ONGOING\"}", &len);
    d = parse_detail(body, len, err, sizeof err);
    cr_assert_not_null(d, "%s", err);
    cr_assert_str_eq(summary_str(d->summary, SS_ID), "bare");
    detail_free(d);
    free(body);
    body = tu_dup("{\"data\":[1,2]}", &len);
    cr_assert_null(parse_detail(body, len, err, sizeof err));
    cr_assert(strstr(err, "no registration"), "%s", err);
    free(body);
}

/* ---- error envelopes (reference §6.5 A–G, §10.10–10.11) ---------------------------- */

static ApiError err_of(int http, const char *json)
{
    size_t len;
    char *body = tu_dup(json, &len);
    ApiError e;
    parse_api_error(http, body, len, &e);
    free(body);
    return e;
}

Test(parse_error, not_found_in_three_spellings)
{
    ApiError a = err_of(404, "{\"code\":\"NotFound\",\"message\":\"AppRegistration_not_found\"}");
    ApiError b = err_of(404, "{\"code\":\"AppRegistration_not_found\",\"message\":\"404:AppRegistration_not_found\"}");
    ApiError c = err_of(404, "{\"code\":\"appRegistration_not_found\",\"message\":\"404:appRegistration_not_found\"}");
    cr_assert_str_eq(a.code, "NotFound");
    cr_assert_str_eq(a.message, "AppRegistration_not_found");
    cr_assert_str_eq(b.message, "AppRegistration_not_found", "404: prefix split off");
    cr_assert_eq(b.status, 404);
    cr_assert_str_eq(c.message, "appRegistration_not_found");
    cr_assert_eq(a.status, 404);
}

Test(parse_error, detail_after_at_and_numeric_status)
{
    ApiError e = err_of(409, "{\"code\":\"liveness_failed\",\"message\":\"409:liveness_failed@0.45\"}");
    cr_assert_str_eq(e.message, "liveness_failed");
    cr_assert_str_eq(e.detail, "0.45");
    cr_assert_eq(e.status, 409);
    e = err_of(409, "{\"message\":\"missing countryCode\",\"code\":\"MissingParameter\",\"status\":409}");
    cr_assert_str_eq(e.message, "missing countryCode");
    cr_assert_str_eq(e.detail, "", "a sentence with @ is not split");
    e = err_of(409, "{\"code\":\"PreconditionFailed\",\"message\":\"email domain not allowed\",\"status\":409}");
    cr_assert_eq(e.status, 409, "precondition failures come as 409, not 412");
    e = err_of(422, "{\"code\":\"MissingParameter\",\"message\":\"missing image\"}");
    cr_assert_eq(e.status, 422);
    e = err_of(412, "{\"code\":\"emailValidation_has_expired\",\"message\":\"412:emailValidation_has_expired\"}");
    cr_assert_eq(e.status, 412);
}

Test(parse_error, error_key_variants)
{
    ApiError e = err_of(404, "{\"error\":\"Document validation not found\",\"message\":\"DOCUMENT_VALIDATION_NOT_FOUND\"}");
    cr_assert_str_eq(e.code, "DOCUMENT_VALIDATION_NOT_FOUND", "variant E: the upper-case message is the code");
    cr_assert_str_eq(e.message, "Document validation not found");
    e = err_of(400, "{\"success\":false,\"error\":\"Invalid query parameters\",\"code\":\"INVALID_PARAMETERS\"}");
    cr_assert_str_eq(e.code, "INVALID_PARAMETERS");
    cr_assert_str_eq(e.message, "Invalid query parameters");
    e = err_of(401, "{\"code\":\"Unauthorized\",\"message\":\"Invalid or expired token.\",\"signature\":{\"message\":\"x\"}}");
    cr_assert_str_eq(e.code, "Unauthorized");
    cr_assert(api_error_is_auth(&e));
}

Test(parse_error, auth_classification)
{
    ApiError e = err_of(403, "{\"code\":\"Forbidden\",\"message\":\"expired_token\"}");
    cr_assert(api_error_is_auth(&e));
    e = err_of(403, "{\"message\":\"token_expired\",\"code\":\"FORBIDDEN\"}");
    cr_assert(api_error_is_auth(&e));
    e = err_of(403, "{\"message\":\"Access forbidden\",\"code\":\"Forbidden\"}");
    cr_assert_not(api_error_is_auth(&e), "a permission problem is not an expired session");
    e = err_of(409, "{\"code\":\"MissingParameter\",\"message\":\"expired\"}");
    cr_assert_not(api_error_is_auth(&e));
}

Test(parse_error, bodies_that_are_not_json)
{
    ApiError e = err_of(502, "<!DOCTYPE html><html><title>502</title></html>");
    cr_assert_eq(e.http, 502);
    cr_assert(strstr(e.message, "HTML"), "%s", e.message);
    e = err_of(500, "");
    cr_assert_str_eq(e.message, "empty response");
    e = err_of(500, "{\"code\":\"\\u001b[2Jx\",\"message\":\"\\u009bbad\"}");
    cr_assert_null(strchr(e.code, 0x1b), "error text is sanitised too");
    char buf[300];
    e = err_of(404, "{\"code\":\"NotFound\",\"message\":\"AppRegistration_not_found\"}");
    describe(&e, buf, sizeof buf);
    cr_assert_str_eq(buf, "there is no registration with this id (regdesk list shows the ids) "
                          "[AppRegistration_not_found]");
}

/* Every documented code reaches a person as a sentence, the code kept in brackets. */
Test(parse_error, documented_codes_become_sentences)
{
    static const struct { int http; const char *body, *want; } c[] = {
        { 409, "{\"code\":\"cannot_resend_link_for_this_status\",\"message\":\"409:cannot_resend_link_for_this_status\"}",
          "this registration's status does not allow a new link (the API refuses one once it is COMPLETED, "
          "COMPLETED_WITHOUT_KYC or FAILED) [cannot_resend_link_for_this_status]" },
        { 400, "{\"message\":\"invalid_otp\",\"code\":\"ERROR\"}",
          "the code is wrong or has expired; run regdesk login again for a new one [invalid_otp]" },
        { 409, "{\"code\":\"email_is_registered_already\",\"message\":\"409:email_is_registered_already\"}",
          "a registration with this e-mail address exists already [email_is_registered_already]" },
        { 404, "{\"code\":\"appRegistration_not_found\",\"message\":\"404:appRegistration_not_found\"}",
          "there is no registration with this id (regdesk list shows the ids) [appRegistration_not_found]" },
        { 409, "{\"message\":\"missing countryCode\",\"code\":\"MissingParameter\",\"status\":409}",
          "the API refused a parameter: missing countryCode [MissingParameter]" },
        { 409, "{\"code\":\"PreconditionFailed\",\"message\":\"email domain not allowed\"}",
          "the project does not accept this (an e-mail domain it blocks, or another rule): email domain not "
          "allowed [PreconditionFailed]" },
        { 409, "{\"code\":\"liveness_failed\",\"message\":\"409:liveness_failed@0.45\"}",
          "the liveness check failed (score 0.45) [liveness_failed]" },
        { 412, "{\"code\":\"emailValidation_has_expired\",\"message\":\"412:emailValidation_has_expired\"}",
          "the e-mail code has expired; ask for a new one [emailValidation_has_expired]" },
        { 404, "{\"error\":\"Document validation not found\",\"message\":\"DOCUMENT_VALIDATION_NOT_FOUND\"}",
          "the API has no such document validation [DOCUMENT_VALIDATION_NOT_FOUND]" },
        { 500, "{\"code\":\"step_not_supported\",\"message\":\"500:step_not_supported\"}",
          "the API does not support this step [step_not_supported]" },
        { 409, "{\"code\":\"Conflict\",\"message\":\"signUpForm_validation_not_passed\"}",
          "the sign-up form's requirements are not met yet (a confirmed e-mail or phone) "
          "[signUpForm_validation_not_passed]" },
        { 418, "{\"code\":\"teapot_mode\",\"message\":\"the kettle is on\"}",
          "the API answered HTTP 418: the kettle is on [teapot_mode]" },
        { 418, "{\"message\":\"no code here\"}", "the API answered HTTP 418: no code here" },
    };
    for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
        ApiError e = err_of(c[i].http, c[i].body);
        char buf[400];
        describe(&e, buf, sizeof buf);
        cr_assert_str_eq(buf, c[i].want, "%s", c[i].body);
    }
    /* Every code the reference's tables name has its own sentence. */
    static const char *const documented[] = {
        "NotFound", "AppRegistration_not_found", "document_settings_not_set", "email_validation_not_found",
        "phone_validation_not_found", "project_not_found", "projectFlow_not_found", "security_not_set",
        "invalid_email", "MissingParameter", "PreconditionFailed", "signUpForm_validation_not_passed",
        "cannot_resend_link_for_this_status", "already_exists", "person_already_set", "liveness_failed",
        "collection_not_set", "email_is_registered_already", "phone_is_registered_already",
        "emailValidation_has_expired", "phoneValidation_has_expired", "only_images_in_base64", "step_not_supported",
        "internal_error", "InternalServerError", "BadRequest", "Unauthorized", "Forbidden", "access_denied",
        "otp_does_not_match", "expired_token", "token_expired", "invalid_otp", "missing_email_and_otp",
        "INVALID_PARAMETERS", "DOCUMENT_VALIDATION_NOT_FOUND", "Conflict", "ERROR",
    };
    for (size_t i = 0; i < sizeof documented / sizeof *documented; i++) {
        char body[200];
        snprintf(body, sizeof body, "{\"code\":\"%s\",\"message\":\"%s\"}", documented[i], documented[i]);
        ApiError e = err_of(409, body);
        char buf[400];
        describe(&e, buf, sizeof buf);
        cr_assert_null(strstr(buf, "the API answered HTTP"), "%s has no sentence: %s", documented[i], buf);
        cr_assert(strstr(buf, documented[i]), "the code is kept: %s", buf);
    }
}
