/* Every key the simulator sends, fully populated, plain and hostile: the raw view hides
 * exactly its credentials (core/parse_redact.c) and nothing else. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "core/parse.h"
#include "core/parse_internal.h"
#include "simhttp.h"
#include "simproc.h"

static SimProc *sim;

static void stop_sim(void)
{
    simproc_stop(sim);
    sim = NULL;
}

TestSuite(sim_redact, .fini = stop_sim, .timeout = 60);

/* What the simulator sends that is a credential: the enrollee token, OTP hashes, the
 * project's demo OTP, and photos. */
static bool credential(const char *key)
{
    static const char *const keys[] = { "token", "accessToken", "otp", "demoOTP", "base64", NULL };
    for (int i = 0; keys[i]; i++)
        if (!strcmp(key, keys[i]))
            return true;
    return false;
}

typedef struct Seen {
    size_t keys, hidden;
} Seen;

static void walk(const cJSON *v, Seen *seen)
{
    for (const cJSON *c = v->child; c; c = c->next) {
        if (c->string) {
            seen->keys++;
            bool want = credential(c->string) && !cJSON_IsNull(c) &&
                        !(cJSON_IsString(c) && !*c->valuestring);
            char *text = cJSON_PrintUnformatted(c);
            cr_assert_eq(redact_wanted(c->string, c), want, "\"%s\": %.80s is %s a credential", c->string, text,
                         want ? "" : "not");
            cJSON_free(text);
            seen->hidden += want;
        }
        if (cJSON_IsObject(c) || cJSON_IsArray(c))
            walk(c, seen);
    }
}

static void every_key(const char *mode)
{
    sim = simproc_start((const char *[]){ "--count", "300", "--seed", "4", "--now", "2025-06-01T12:00:00Z", mode,
                                          NULL });
    cr_assert_not_null(sim);
    static const char q[] =
        "/v2/app-registrations?limit=100&populates[]=project&populates[]=projectFlow"
        "&populates[]=emailValidation&populates[]=phoneValidation&populates[]=biometricValidation.face"
        "&populates[]=documentValidation.documentLiveness&populates[]=informationValidation"
        "&populates[]=person&populates[]=face&populates[]=documentFace&populates[]=compareFaceVerification"
        "&populates[]=cryptoValidation&populates[]=formSubmittion&populates[]=signature"
        "&populates[]=accessControlLog&populates[]=consentSession&populates[]=failedDocumentValidations"
        "&populates[]=failedBiometricValidations.face&populates[]=failedEmailValidations"
        "&populates[]=failedPhoneValidations&populates[]=manualReviewLog.reviewedByClient"
        "&populates[]=manualReviewLog.reviewedByStaff";
    Seen seen = { 0 };
    for (int page = 1; page <= 3; page++) {
        char path[sizeof q + 32];
        snprintf(path, sizeof path, "%s&page=%d", q, page);
        cJSON *j = simhttp_get_json(sim, path);
        cr_assert_not_null(j);
        walk(j, &seen);
        /* And through the parser: the demo OTP never reaches a raw view. */
        for (const cJSON *r = cJSON_GetObjectItem(j, "data")->child; r; r = r->next) {
            char *body = cJSON_PrintUnformatted(r);
            char err[200];
            Detail *d = parse_detail(body, strlen(body), err, sizeof err);
            cr_assert_not_null(d, "%s", err);
            cr_assert_null(strstr(d->raw_json, "\"123456\""), "%s", d->raw_json);
            detail_free(d);
            cJSON_free(body);
        }
        cJSON_Delete(j);
    }
    cr_assert_gt(seen.keys, 10000, "only %zu keys seen", seen.keys);
    cr_assert_gt(seen.hidden, 0);
}

Test(sim_redact, every_key_of_populated_records)
{
    every_key(NULL); /* NULL ends the arguments: plain records */
}

Test(sim_redact, every_key_of_hostile_records)
{
    every_key("--hostile");
}
