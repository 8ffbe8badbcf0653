/* "Why it is stuck" (core/diagnose): the findings support reads first, each from evidence
 * that is in the record, for every status that is not a review. */
#include <criterion/criterion.h>
#include <string.h>

#include "../testutil.h"
#include "core/diagnose.h"
#include "core/safetext.h"
#include "core/steps.h"
#include "core/timeutil.h"

/* 2025-05-25T12:00:00Z */
static const int64_t NOW = 1748174400000LL;

typedef struct Dx {
    Detail *d;
    Finding f[DIAGNOSIS_MAX];
    size_t n;
} Dx;

static Dx run(const char *json)
{
    Dx x = { .d = tu_detail(json) };
    x.n = diagnose(x.d->summary, x.d, NOW, x.f);
    return x;
}

/* The finding of that kind, or NULL. */
static const Finding *kind(const Dx *x, FindingKind k)
{
    for (size_t i = 0; i < x->n; i++)
        if (x->f[i].kind == k)
            return &x->f[i];
    return NULL;
}

static void all(const Dx *x, char *buf, size_t n)
{
    buf[0] = '\0';
    for (size_t i = 0; i < x->n; i++)
        snprintf(buf + strlen(buf), n - strlen(buf), "[%s] %s\n", finding_kind_name(x->f[i].kind), x->f[i].text);
}

/* The finding of kind k says exactly want. */
static void has(const Dx *x, FindingKind k, const char *want)
{
    char dump[4096];
    all(x, dump, sizeof dump);
    const Finding *f = kind(x, k);
    cr_assert_not_null(f, "no %s finding in:\n%s", finding_kind_name(k), dump);
    cr_assert_str_eq(f->text, want, "in:\n%s", dump);
}

static void hasnt(const Dx *x, FindingKind k)
{
    char dump[4096];
    all(x, dump, sizeof dump);
    cr_assert_null(kind(x, k), "unexpected %s finding in:\n%s", finding_kind_name(k), dump);
}

Test(diagnose, started_with_nothing_done_says_so_and_nothing_else)
{
    Dx x = run("{\"_id\":\"s1\",\"status\":\"STARTED\",\"currentStep\":\"1\",\"emailValidation\":null,"
               "\"phoneValidation\":null,\"documentValidation\":null,\"biometricValidation\":null,\"face\":null,"
               "\"documentFace\":null,\"compareFaceVerification\":null,\"failedPhoneValidations\":[],"
               "\"createdAt\":\"2025-05-25T11:25:00Z\",\"updatedAt\":\"2025-05-25T11:30:00Z\","
               "\"expiresAt\":\"2025-05-25T12:25:00Z\"}");
    cr_assert_eq(x.n, 2);
    cr_assert_eq(x.f[0].kind, FD_NOT_STARTED, "where it is comes first");
    has(&x, FD_NOT_STARTED, "The applicant has not reported any step since it was created, 2025-05-25 11:25 UTC "
                           "(35m ago).");
    has(&x, FD_LINK_VALID, "Its registration link is valid until 2025-05-25 12:25 UTC (in 25m).");
    hasnt(&x, FD_CHECK_FAILED);
    detail_free(x.d);
}

/* An Expires date twelve weeks ago is said, with what to do. */
Test(diagnose, an_expired_link_says_to_send_a_new_one)
{
    Dx x = run("{\"_id\":\"6650aa01c0ffee0000000002\",\"status\":\"ONGOING\",\"currentStep\":\"document\","
               "\"updatedAt\":\"2025-03-02T10:00:00Z\",\"expiresAt\":\"2025-03-02T11:00:00Z\"}");
    cr_assert_eq(x.f[0].kind, FD_WAITING);
    has(&x, FD_WAITING, "It waits on the liveness step (the last one reported was document); nothing has changed "
                       "since 2025-03-02 10:00 UTC (12w ago).");
    has(&x, FD_LINK_EXPIRED, "Its registration link expired 2025-03-02 11:00 UTC (12w ago); send a new one with "
                            "`regdesk resend-link 6650aa01c0ffee0000000002`.");
    detail_free(x.d);
}

/* The step after the last one reported is the next one the flow does not skip. */
Test(diagnose, the_step_it_waits_on_follows_the_flow)
{
    Dx x = run("{\"_id\":\"w\",\"status\":\"ONGOING\",\"currentStep\":\"basicInformation\",\"projectFlow\":{\"_id\":"
               "\"f\",\"steps\":{\"basicInformation\":\"mandatory\",\"document\":\"skip\",\"liveness\":\"mandatory\"}},"
               "\"updatedAt\":\"2025-05-25T09:00:00Z\"}");
    has(&x, FD_WAITING, "It waits on the liveness step (the last one reported was basic information); nothing has "
                       "changed since 2025-05-25 09:00 UTC (3h ago).");
    detail_free(x.d);
    Dx e = run("{\"_id\":\"e\",\"status\":\"EXPIRED\",\"currentStep\":\"signUpForm\",\"updatedAt\":"
               "\"2025-05-25T09:00:00Z\"}");
    has(&e, FD_WAITING, "It expired waiting on the basic information step (the last one reported was sign-up form); "
                       "its last change was 2025-05-25 09:00 UTC (3h ago).");
    cr_assert_str_eq(diagnosis_title(ST_EXPIRED), "How it ended");
    cr_assert_str_eq(diagnosis_title(ST_ONGOING), "Why it is stuck");
    detail_free(e.d);
}

/* A failed registration that ran out of document attempts says that, not a compare reason. */
Test(diagnose, failed_with_document_attempts_used_up)
{
    Dx x = run("{\"_id\":\"f1\",\"status\":\"FAILED\",\"currentStep\":\"end\",\"projectFlow\":{\"_id\":\"f\","
               "\"documents\":{\"attemptLimit\":3}},\"documentValidation\":null,\"documentFace\":null,\"face\":null,"
               "\"compareFaceVerification\":null,\"failedDocumentValidations\":["
               "{\"_id\":\"d1\",\"failedReason\":\"image_is_required\",\"updatedAt\":\"2025-05-25T08:00:00Z\"},"
               "{\"_id\":\"d2\",\"failedReason\":\"document_type_not_detected\",\"updatedAt\":\"2025-05-25T08:01:00Z\"},"
               "{\"_id\":\"d3\",\"failedReason\":\"500:document_number_is_not_extracted\",\"updatedAt\":"
               "\"2025-05-25T08:02:00Z\"}],\"updatedAt\":\"2025-05-25T08:05:00Z\"}");
    cr_assert_eq(x.f[0].kind, FD_ENDED);
    has(&x, FD_ENDED, "It ended FAILED on 2025-05-25 08:05 UTC (3h ago).");
    has(&x, FD_ATTEMPTS_OUT, "3 of 3 document attempts failed: none is left.");
    has(&x, FD_LAST_FAILURE, "The last failure was a document attempt on 2025-05-25 08:02 UTC (3h ago): Document "
                            "number could not be read [document_number_is_not_extracted].");
    hasnt(&x, FD_CHECK_FAILED);
    detail_free(x.d);
}

/* Diego's ticket: quality rejects that used no attempt, said as such. */
Test(diagnose, quality_rejects_are_not_used_attempts)
{
    Dx x = run("{\"_id\":\"q\",\"status\":\"ONGOING\",\"currentStep\":\"document\",\"projectFlow\":{\"_id\":\"f\","
               "\"liveness\":{\"attemptLimit\":5}},\"failedBiometricValidations\":["
               "{\"_id\":\"b1\",\"failedReason\":\"face_too_far\",\"updatedAt\":\"2025-05-25T11:40:00Z\"},"
               "{\"_id\":\"b2\",\"failedReason\":\"poor_lighting\",\"updatedAt\":\"2025-05-25T11:44:00Z\"},"
               "{\"_id\":\"b3\",\"failedReason\":\"poor_lighting\",\"updatedAt\":\"2025-05-25T11:50:00Z\"}]}");
    has(&x, FD_LAST_FAILURE, "The last failure was a liveness attempt on 2025-05-25 11:50 UTC (10m ago): Lighting "
                            "too poor [poor_lighting], a quality reject that used no attempt.");
    has(&x, FD_ATTEMPTS_LEFT, "0 of 5 liveness attempts used, 5 left; 3 quality rejects did not count.");
    hasnt(&x, FD_ATTEMPTS_OUT);
    detail_free(x.d);
}

/* A country code or a phone the API sent long (here 60 "é") shortens inside the sentence,
 * on a character boundary: the finding stays valid UTF-8 and says the whole thing (found
 * by make fuzz: the phone was cut in the middle of a character). */
Test(diagnose, a_long_phone_shortens_and_the_sentence_stays_whole)
{
    char cc[200] = "", json[1024];
    for (int i = 0; i < 60; i++)
        strcat(cc, "\xc3\xa9");
    snprintf(json, sizeof json,
             "{\"_id\":\"c\",\"status\":\"ONGOING\",\"currentStep\":\"instructions\","
             "\"phoneValidation\":{\"_id\":\"p1\",\"countryCode\":\"%s\",\"phone\":\"3001234567\","
             "\"status\":\"sent\",\"createdAt\":\"2025-05-25T11:00:00Z\"}}",
             cc);
    Dx x = run(json);
    const Finding *f = kind(&x, FD_CODE_PENDING);
    cr_assert_not_null(f);
    cr_assert(safetext_is_safe(f->text, strlen(f->text), SAFE_LINE), "%s", f->text);
    cr_assert(strstr(f->text, "was never confirmed (status sent)."), "%s", f->text);
    detail_free(x.d);
}

Test(diagnose, codes_never_confirmed)
{
    Dx x = run("{\"_id\":\"c\",\"status\":\"ONGOING\",\"currentStep\":\"instructions\",\"projectFlow\":{\"_id\":\"f\","
               "\"signUpForm\":{\"emailGateway\":\"none\",\"phoneGateway\":\"sms\"}},"
               "\"emailValidation\":{\"_id\":\"e1\",\"email\":\"ana@example.org\",\"status\":\"new\"},"
               "\"phoneValidation\":{\"_id\":\"p1\",\"countryCode\":\"+57\",\"phone\":\"3001234567\",\"status\":\"sent\","
               "\"createdAt\":\"2025-05-25T11:00:00Z\"},\"failedPhoneValidations\":[{\"_id\":\"p0\",\"status\":"
               "\"expired\",\"updatedAt\":\"2025-05-25T10:50:00Z\"}]}");
    has(&x, FD_CODE_PENDING, "The phone code sent to +57 3001234567 on 2025-05-25 11:00 UTC (1h ago) was never "
                            "confirmed (status sent); 1 earlier code failed.");
    cr_assert_eq(strstr(kind(&x, FD_CODE_PENDING)->text, "e-mail"), NULL, "the flow sends no e-mail code");
    has(&x, FD_LAST_FAILURE, "The last failure was a phone code on 2025-05-25 10:50 UTC (1h ago): Code expired "
                            "before it was entered.");
    detail_free(x.d);
    Dx y = run("{\"_id\":\"c\",\"status\":\"STARTED\",\"currentStep\":\"instructions\",\"emailValidation\":null,"
               "\"failedEmailValidations\":[{\"_id\":\"e0\",\"status\":\"failed\"},\"e9\"]}");
    has(&y, FD_CODES_FAILED, "2 e-mail codes failed and none was confirmed.");
    detail_free(y.d);
}

Test(diagnose, finished_ones_say_how_they_ended_and_who_decided)
{
    Dx x = run("{\"_id\":\"d\",\"status\":\"completed\",\"currentStep\":\"end\",\"completedAt\":\"2025-05-24T12:00:00Z\","
               "\"expiresAt\":\"2025-05-01T00:00:00Z\",\"manualReviewLog\":[{\"previousStatus\":"
               "\"NEEDS_MANUAL_VERIFICATION\",\"newStatus\":\"COMPLETED\",\"note\":\"document and selfie match\","
               "\"reviewedByClient\":{\"_id\":\"c1\",\"name\":\"Lucía\"},\"createdAt\":\"2025-05-24T12:00:00Z\"}]}");
    cr_assert_eq(x.n, 2, "a finished registration's old link is not news");
    has(&x, FD_ENDED, "It completed on 2025-05-24 12:00 UTC (24h ago); nothing is pending.");
    has(&x, FD_DECIDED, "A reviewer Lucía set it to COMPLETED on 2025-05-24 12:00 UTC (24h ago): \"document and "
                       "selfie match\".");
    detail_free(x.d);
}

Test(diagnose, a_case_in_review_is_explained_by_its_reasons)
{
    Dx x = run("{\"_id\":\"r\",\"status\":\"NEEDS_MANUAL_VERIFICATION\",\"currentStep\":\"end\","
               "\"expiresAt\":\"2025-05-01T00:00:00Z\"}");
    cr_assert_eq(x.n, 0);
    detail_free(x.d);
}

Test(diagnose, steps_read_as_words)
{
    cr_assert_str_eq(step_label("1"), "not started");
    cr_assert_str_eq(step_label(""), "not started");
    cr_assert_str_eq(step_label("signUpForm"), "sign-up form");
    cr_assert_str_eq(step_label("skipKYC"), "KYC skipped");
    cr_assert_str_eq(step_label("Document Verification"), "Document Verification", "unknown: as sent");
    cr_assert_str_eq(step_next("1", NULL), "instructions");
    cr_assert_str_eq(step_next("form", NULL), "end");
    cr_assert_null(step_next("end", NULL));
    cr_assert_null(step_next("Document Verification", NULL));
}
