/* The routes that change data: sync (with adminOverride), resend-link, create, delete;
 * and that every change is visible to later reads. Plus the statistics funnel. */
#include <criterion/criterion.h>
#include <regex.h>
#include <stdio.h>
#include <string.h>

#include "simhttp.h"
#include "simsuite.h"

TestSuite(sim_sync, .fini = stop_sims, .timeout = 60);
TestSuite(sim_resend, .fini = stop_sims, .timeout = 60);
TestSuite(sim_create, .fini = stop_sims, .timeout = 60);
TestSuite(sim_delete, .fini = stop_sims, .timeout = 60);
TestSuite(sim_funnel, .fini = stop_sims, .timeout = 60);

static void start(const char *const extra[])
{
    sim = simsuite_start((const char *[]){ "--count", "400", "--seed", "21", "--now",
                                           "2025-06-01T12:00:00Z", NULL }, extra);
}

/* The list's first page of one registration for a query, parsed. */
static cJSON *first_page(const char *query)
{
    char path[512];
    snprintf(path, sizeof path, "/v2/app-registrations?limit=1&%s", query);
    return simhttp_get_json(sim, path);
}

/* Id of the first registration matching a list query. */
static void first_id(const char *query, char *out)
{
    cJSON *j = first_page(query);
    cr_assert_not_null(sj_str(j, "data.0._id"), "nothing matches %s", query);
    snprintf(out, 25, "%s", sj_str(j, "data.0._id"));
    cJSON_Delete(j);
}

/* How many registrations match a query. */
static long total(const char *query)
{
    cJSON *j = first_page(query);
    long t = (long)sj_num(j, "total");
    cJSON_Delete(j);
    return t;
}

static SimHttpResp sync_(const char *id, const char *method, const char *body)
{
    char path[128];
    snprintf(path, sizeof path, "/v2/app-registrations/%s/sync", id);
    return simhttp_send(sim, method, path, body);
}

static cJSON *retrieve(const char *id, const char *extra)
{
    char path[256];
    snprintf(path, sizeof path, "/v2/app-registrations/%s%s", id, extra);
    return simhttp_get_json(sim, path);
}

Test(sim_sync, admin_override_changes_status_logs_and_persists)
{
    start(NULL);
    char id[25];
    first_id("where_status=NEEDS_MANUAL_VERIFICATION", id);
    long queue = total("where_status=NEEDS_MANUAL_VERIFICATION");
    long done = total("where_status=COMPLETED");
    SimHttpResp r = sync_(id, "PUT", "{\"step\":\"adminOverride\",\"status\":\"COMPLETED\","
                                     "\"note\":\"second surname omitted on the form; ñ ok\"}");
    cr_assert_eq(r.status, 200, "%s", r.body);
    cJSON *j = simhttp_json(&r);
    cr_assert_str_eq(sj_str(j, "data._id"), id, "the full updated registration");
    cr_assert_str_eq(sj_str(j, "data.status"), "COMPLETED");
    cr_assert_str_eq(sj_str(j, "data.currentStep"), "end");
    cr_assert(cJSON_IsArray(sj_path(j, "data.failedBiometricValidations")));
    const cJSON *log = sj_path(j, "data.manualReviewLog");
    const cJSON *last = cJSON_GetArrayItem(log, cJSON_GetArraySize(log) - 1);
    cr_assert_str_eq(sj_str(last, "previousStatus"), "NEEDS_MANUAL_VERIFICATION");
    cr_assert_str_eq(sj_str(last, "newStatus"), "COMPLETED");
    cr_assert_str_eq(sj_str(last, "note"), "second surname omitted on the form; ñ ok");
    cr_assert_eq(strlen(sj_str(last, "reviewedByClient")), 24);
    cr_assert_not_null(sj_str(last, "createdAt"));
    cr_assert_gt(strcmp(sj_str(j, "data.updatedAt"), "2025-06-01T12:00:00.000Z"), 0, "stamped now");
    cJSON_Delete(j);
    simhttp_free(&r);

    j = retrieve(id, "?populates[]=manualReviewLog.reviewedByClient");
    cr_assert_str_eq(sj_str(j, "data.status"), "COMPLETED", "a later read sees it");
    log = sj_path(j, "data.manualReviewLog");
    last = cJSON_GetArrayItem(log, cJSON_GetArraySize(log) - 1);
    cr_assert_not_null(sj_str(last, "reviewedByClient.name"), "reviewer populated");
    cJSON_Delete(j);
    cr_assert_eq(total("where_status=NEEDS_MANUAL_VERIFICATION"), queue - 1);
    cr_assert_eq(total("where_status=COMPLETED"), done + 1);
    char latest[25];
    first_id("where_status=COMPLETED&sort=-updatedAt", latest);
    cr_assert_str_eq(latest, id, "most recently updated");
}

Test(sim_sync, override_to_each_status_sets_a_sensible_step)
{
    start(NULL);
    const char *cases[][2] = { { "COMPLETED_WITHOUT_KYC", "skipKYC" }, { "FAILED", "end" },
                               { "STARTED", "1" }, { "NEEDS_MANUAL_VERIFICATION", "end" } };
    char id[25];
    first_id("where_status=ONGOING", id);
    for (int i = 0; i < 4; i++) {
        char body[128];
        snprintf(body, sizeof body, "{\"step\":\"adminOverride\",\"status\":\"%s\"}", cases[i][0]);
        SimHttpResp r = sync_(id, "PUT", body);
        cJSON *j = simhttp_json(&r);
        cr_assert_eq(r.status, 200);
        cr_assert_str_eq(sj_str(j, "data.status"), cases[i][0]);
        cr_assert_str_eq(sj_str(j, "data.currentStep"), cases[i][1], "%s", cases[i][0]);
        cr_assert_eq(cJSON_GetArraySize(sj_path(j, "data.manualReviewLog")), i + 1, "one entry per override");
        cr_assert_null(sj_path(j, "data.manualReviewLog.0.note"), "no note sent, none logged");
        cJSON_Delete(j);
        simhttp_free(&r);
    }
}

Test(sim_sync, normal_steps_answer_the_documented_shape)
{
    start(NULL);
    char id[25];
    first_id("where_status=STARTED", id);
    SimHttpResp r = sync_(id, "PUT", "{\"step\":\"instructions\",\"status\":\"ONGOING\"}");
    cr_assert_eq(r.status, 200, "%s", r.body);
    cJSON *j = simhttp_json(&r);
    cr_assert_not_null(sj_str(j, "data.token"));
    cr_assert_str_eq(sj_str(j, "data.step"), "instructions");
    cr_assert_str_eq(sj_str(j, "data.status"), "ONGOING");
    cr_assert_str_eq(sj_str(j, "data.appRegistrationId"), id);
    cr_assert_not_null(sj_str(j, "data.steps.liveness"));
    cr_assert_not_null(sj_str(j, "data.fullName"));
    cJSON_Delete(j);
    simhttp_free(&r);
    r = sync_(id, "POST", "{\"step\":\"document\",\"status\":\"ONGOING\"}");
    cr_assert_eq(r.status, 200, "POST is accepted too");
    simhttp_free(&r);
    j = retrieve(id, "");
    cr_assert_str_eq(sj_str(j, "data.status"), "ONGOING");
    cr_assert_str_eq(sj_str(j, "data.currentStep"), "document");
    cJSON_Delete(j);
}

Test(sim_sync, end_lets_the_server_decide)
{
    start(NULL);
    char id[25];
    first_id("where_status=NEEDS_MANUAL_VERIFICATION", id);
    SimHttpResp r = sync_(id, "PUT", "{\"step\":\"end\",\"status\":\"COMPLETED\"}");
    cJSON *j = simhttp_json(&r);
    cr_assert_eq(r.status, 200);
    cr_assert_str_eq(sj_str(j, "data.status"), "NEEDS_MANUAL_VERIFICATION",
                     "asking for COMPLETED with a review reason");
    cJSON_Delete(j);
    simhttp_free(&r);
    r = sync_(id, "PUT", "{\"step\":\"end\",\"status\":\"FAILED\"}");
    j = simhttp_json(&r);
    cr_assert_str_eq(sj_str(j, "data.status"), "FAILED");
    cJSON_Delete(j);
    simhttp_free(&r);
}

Test(sim_sync, documented_errors)
{
    start(NULL);
    char id[25];
    first_id("where_status=ONGOING", id);
    SimHttpResp r = sync_(id, "PUT", "{\"step\":\"teleport\",\"status\":\"ONGOING\"}");
    cr_assert_eq(r.status, 500);
    cr_assert_str_eq(r.body, "{\"code\":\"step_not_supported\",\"message\":\"500:step_not_supported\"}");
    simhttp_free(&r);
    const char *bad_status[] = { "{\"step\":\"document\",\"status\":\"COMPLETED\"}",
                                 "{\"step\":\"end\",\"status\":\"ONGOING\"}",
                                 "{\"step\":\"skipKYC\",\"status\":\"COMPLETED\"}",
                                 "{\"step\":\"adminOverride\",\"status\":\"APPROVED\"}",
                                 "{\"step\":\"adminOverride\",\"status\":\"completed\"}" };
    for (int i = 0; i < 5; i++) {
        r = sync_(id, "PUT", bad_status[i]);
        cr_assert_eq(r.status, 409, "%s → %ld", bad_status[i], r.status);
        cr_assert(strstr(r.body, "\"code\":\"MissingParameter\""), "%s", r.body);
        simhttp_free(&r);
    }
    const char *missing[] = { "{\"status\":\"ONGOING\"}", "{\"step\":\"document\"}", "not json", "" };
    for (int i = 0; i < 4; i++) {
        r = sync_(id, "PUT", missing[i]);
        cr_assert_eq(r.status, 409, "'%s'", missing[i]);
        simhttp_free(&r);
    }
    r = sync_("0123456789abcdef01234567", "PUT", "{\"step\":\"adminOverride\",\"status\":\"FAILED\"}");
    cr_assert_eq(r.status, 404);
    cr_assert_str_eq(r.body, "{\"code\":\"AppRegistration_not_found\",\"message\":\"404:AppRegistration_not_found\"}");
    simhttp_free(&r);
    r = sync_(id, "DELETE", NULL);
    cr_assert_eq(r.status, 405);
    simhttp_free(&r);
    cJSON *j = retrieve(id, "");
    cr_assert_str_eq(sj_str(j, "data.status"), "ONGOING", "failed syncs change nothing");
    cr_assert_eq(cJSON_GetArraySize(sj_path(j, "data.manualReviewLog")), 0);
    cJSON_Delete(j);
}

Test(sim_sync, skip_kyc_only_where_the_flow_allows_it)
{
    start(NULL);
    char skip_id[25], strict_id[25];
    first_id("where_status=COMPLETED_WITHOUT_KYC", skip_id);
    cJSON *j = retrieve(skip_id, "?populates[]=projectFlow");
    char q[128];
    snprintf(q, sizeof q, "where_projectFlow=%s&where_status=ONGOING", sj_str(j, "data.projectFlow._id"));
    cJSON_Delete(j);
    first_id(q, skip_id);
    SimHttpResp r = sync_(skip_id, "PUT", "{\"step\":\"skipKYC\",\"status\":\"COMPLETED_WITHOUT_KYC\"}");
    cr_assert_eq(r.status, 200, "%s", r.body);
    simhttp_free(&r);
    j = retrieve(skip_id, "");
    cr_assert_str_eq(sj_str(j, "data.currentStep"), "skipKYC");
    cJSON_Delete(j);
    /* a flow with mandatory KYC steps: the record's flow has liveness mandatory */
    j = simhttp_get_json(sim, "/v2/app-registrations?limit=100&where_status=ONGOING&populates[]=projectFlow");
    const cJSON *rec;
    strict_id[0] = '\0';
    cJSON_ArrayForEach(rec, sj_path(j, "data")) {
        const char *live = sj_str(rec, "projectFlow.steps.liveness");
        if (live && strcmp(live, "mandatory") == 0)
            snprintf(strict_id, sizeof strict_id, "%s", sj_str(rec, "_id"));
    }
    cJSON_Delete(j);
    cr_assert(strict_id[0]);
    r = sync_(strict_id, "PUT", "{\"step\":\"skipKYC\",\"status\":\"COMPLETED_WITHOUT_KYC\"}");
    cr_assert_eq(r.status, 409);
    simhttp_free(&r);
}

/* ---- resend-link ---------------------------------------------------------------------- */

static bool matches(const char *s, const char *re)
{
    regex_t rx;
    cr_assert_eq(regcomp(&rx, re, REG_EXTENDED | REG_NOSUB), 0);
    bool ok = s && regexec(&rx, s, 0, NULL, 0) == 0;
    regfree(&rx);
    return ok;
}

static SimHttpResp resend(const char *id, const char *body)
{
    char path[128];
    snprintf(path, sizeof path, "/v2/app-registrations/%s/resend-link", id);
    return simhttp_send(sim, "POST", path, body);
}

Test(sim_resend, refused_for_finished_registrations)
{
    start(NULL);
    const char *finished[] = { "COMPLETED", "COMPLETED_WITHOUT_KYC", "FAILED" };
    for (int i = 0; i < 3; i++) {
        char q[64], id[25];
        snprintf(q, sizeof q, "where_status=%s", finished[i]);
        first_id(q, id);
        SimHttpResp r = resend(id, NULL);
        cr_assert_eq(r.status, 409, "%s", finished[i]);
        cr_assert_str_eq(r.body, "{\"code\":\"cannot_resend_link_for_this_status\","
                                 "\"message\":\"409:cannot_resend_link_for_this_status\"}");
        simhttp_free(&r);
    }
    SimHttpResp r = resend("0123456789abcdef01234567", NULL);
    cr_assert_eq(r.status, 404);
    simhttp_free(&r);
}

Test(sim_resend, mints_a_link)
{
    start(NULL);
    char id[25];
    first_id("where_status=ONGOING&populates[]=projectFlow", id);
    cJSON *reg = retrieve(id, "");
    char project[25];
    snprintf(project, sizeof project, "%s", sj_str(reg, "data.project"));
    cJSON_Delete(reg);
    SimHttpResp r = resend(id, NULL);
    cr_assert_eq(r.status, 200, "%s", r.body);
    cJSON *j = simhttp_json(&r);
    const char *token = sj_str(j, "data.token"), *link = sj_str(j, "data.link");
    cr_assert(matches(token, "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$"), "%s", token);
    char want[600];
    snprintf(want, sizeof want, "https://access.verifik.co/sign-up/%s?token=%s", project, token);
    cr_assert_str_eq(link, want);
    cr_assert(matches(sj_str(j, "data.expiresAt"), "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$"),
              "%s", sj_str(j, "data.expiresAt"));
    cr_assert_str_eq(sj_str(j, "data.accessType"), "app_registration_initiated");
    cr_assert_gt(sj_num(j, "data.issuedAt"), 1.7e9, "epoch seconds");
    cr_assert(cJSON_IsNull(sj_path(j, "data.emailSent")));
    cJSON_Delete(j);
    simhttp_free(&r);
    r = resend(id, "{\"sendEmail\":\"true\"}");
    j = simhttp_json(&r);
    cr_assert(cJSON_IsObject(sj_path(j, "data.emailSent")), "the dashboard's string \"true\"");
    cJSON_Delete(j);
    simhttp_free(&r);
    r = resend(id, "{\"sendEmail\":true,\"recipientEmail\":\"ops@example.com\"}");
    j = simhttp_json(&r);
    cr_assert_str_eq(sj_str(j, "data.emailSent.email"), "ops@example.com");
    cr_assert(cJSON_IsTrue(sj_path(j, "data.emailSent.sent")));
    cJSON_Delete(j);
    simhttp_free(&r);
}

/* ---- create ------------------------------------------------------------------------------ */

static void project_and_flow(char *project, char *flow)
{
    cJSON *j = simhttp_get_json(sim, "/v2/app-registrations?limit=1&populates[]=projectFlow");
    snprintf(project, 25, "%s", sj_str(j, "data.0.project"));
    snprintf(flow, 25, "%s", sj_str(j, "data.0.projectFlow._id"));
    cJSON_Delete(j);
}

static SimHttpResp create(const char *body)
{
    return simhttp_send(sim, "POST", "/v2/app-registrations", body);
}

static void expect_409(const char *body, const char *code, const char *message)
{
    SimHttpResp r = create(body);
    cr_assert_eq(r.status, 409, "%s → %ld %s", body, r.status, r.body);
    cJSON *j = simhttp_json(&r);
    cr_assert_str_eq(sj_str(j, "code"), code, "%s", r.body);
    cr_assert_str_eq(sj_str(j, "message"), message, "%s", r.body);
    cJSON_Delete(j);
    simhttp_free(&r);
}

Test(sim_create, documented_validation_errors)
{
    start((const char *[]){ "--block-domains", "spam.example,trash.example", NULL });
    char p[25], f[25], body[512];
    project_and_flow(p, f);
    expect_409("{\"projectFlow\":\"x\",\"email\":\"a@b.co\"}", "MissingParameter", "missing project");
    snprintf(body, sizeof body, "{\"project\":\"%s\",\"email\":\"a@b.co\"}", p);
    expect_409(body, "MissingParameter", "missing projectFlow");
    snprintf(body, sizeof body, "{\"project\":\"%s\",\"projectFlow\":\"%s\",\"fullName\":\"Ana Ruiz\"}", p, f);
    expect_409(body, "MissingParameter", "Needs an email or a phone at least");
    snprintf(body, sizeof body, "{\"project\":\"%s\",\"projectFlow\":\"%s\",\"phone\":\"3001234567\"}", p, f);
    expect_409(body, "MissingParameter", "missing countryCode");
    snprintf(body, sizeof body, "{\"project\":\"%s\",\"projectFlow\":\"%s\",\"email\":\"x@Spam.Example\"}", p, f);
    expect_409(body, "PreconditionFailed", "email domain not allowed");
    SimHttpResp r = create(body);
    cr_assert(strstr(r.body, "\"status\":409"), "the create page's variant carries status: %s", r.body);
    simhttp_free(&r);
    snprintf(body, sizeof body, "{\"project\":\"%s\",\"projectFlow\":\"0123456789abcdef01234567\",\"email\":\"a@b.co\"}", p);
    r = create(body);
    cr_assert_eq(r.status, 404);
    cr_assert(strstr(r.body, "projectFlow_not_found"));
    simhttp_free(&r);
    snprintf(body, sizeof body, "{\"project\":\"%s\",\"projectFlow\":\"%s\",\"phone\":\"30a\",\"countryCode\":\"+57\"}", p, f);
    r = create(body);
    cr_assert_eq(r.status, 400);
    simhttp_free(&r);
}

Test(sim_create, creates_a_started_registration_visible_to_reads)
{
    start(NULL);
    char p[25], f[25], body[512];
    project_and_flow(p, f);
    long before = total("x=1");
    snprintf(body, sizeof body,
             "{\"project\":\"%s\",\"projectFlow\":\"%s\",\"email\":\" Nueva.Persona@Example.COM \","
             "\"phone\":\"3005550101\",\"countryCode\":\"+57\",\"fullName\":\"Núñez Peña Ximena\","
             "\"language\":\"es\"}", p, f);
    SimHttpResp r = create(body);
    cr_assert_eq(r.status, 200, "%s", r.body);
    cJSON *j = simhttp_json(&r);
    char id[25];
    snprintf(id, sizeof id, "%s", sj_str(j, "data.appRegistration._id"));
    cr_assert_eq(strlen(id), 24);
    cr_assert_str_eq(sj_str(j, "data.appRegistration.status"), "STARTED");
    cr_assert_str_eq(sj_str(j, "data.appRegistration.currentStep"), "1");
    cr_assert_str_eq(sj_str(j, "data.appRegistration.email"), "nueva.persona@example.com", "trimmed, lower-cased");
    cr_assert_str_eq(sj_str(j, "data.informationValidation.fullName"), "Núñez Peña Ximena");
    cr_assert_eq(strlen(sj_str(j, "data.informationValidation._id")), 24);
    cr_assert_not_null(sj_str(j, "data.token"));
    cJSON_Delete(j);
    simhttp_free(&r);
    cr_assert_eq(total("x=1"), before + 1);
    char newest[25];
    first_id("sort=-createdAt", newest);
    cr_assert_str_eq(newest, id, "the newest registration");
    cr_assert_eq(total("like_email=nueva.persona"), 1);
    j = retrieve(id, "?populates[]=informationValidation");
    cr_assert_str_eq(sj_str(j, "data.phone"), "3005550101");
    cr_assert_str_eq(sj_str(j, "data.countryCode"), "+57");
    cr_assert_str_eq(sj_str(j, "data.informationValidation.fullName"), "Núñez Peña Ximena");
    cJSON_Delete(j);
    r = create(body);
    cr_assert_eq(r.status, 409);
    cr_assert_str_eq(r.body, "{\"code\":\"email_is_registered_already\",\"message\":\"409:email_is_registered_already\"}");
    simhttp_free(&r);
    snprintf(body, sizeof body, "{\"project\":\"%s\",\"projectFlow\":\"%s\",\"email\":\"other@example.com\","
                                "\"phone\":\"3005550101\",\"countryCode\":\"57\"}", p, f);
    r = create(body);
    cr_assert_eq(r.status, 409);
    cr_assert(strstr(r.body, "phone_is_registered_already"), "%s", r.body);
    simhttp_free(&r);
}

Test(sim_create, sign_up_form_needs_a_verified_channel)
{
    start(NULL);
    /* a flow that verifies e-mail but not phone: a phone-only registration cannot pass */
    cJSON *j = simhttp_get_json(sim, "/v2/app-registrations?limit=100&populates[]=projectFlow");
    const cJSON *rec;
    char p[25] = "", f[25] = "";
    cJSON_ArrayForEach(rec, sj_path(j, "data")) {
        const char *phone_gw = sj_str(rec, "projectFlow.signUpForm.phoneGateway");
        if (phone_gw && strcmp(phone_gw, "none") == 0) {
            snprintf(p, sizeof p, "%s", sj_str(rec, "project"));
            snprintf(f, sizeof f, "%s", sj_str(rec, "projectFlow._id"));
        }
    }
    cJSON_Delete(j);
    cr_assert(f[0], "a flow without a phone gateway");
    char body[256];
    snprintf(body, sizeof body, "{\"project\":\"%s\",\"projectFlow\":\"%s\",\"phone\":\"3001112233\",\"countryCode\":\"+57\"}", p, f);
    SimHttpResp r = create(body);
    cr_assert_eq(r.status, 200, "%s", r.body);
    j = simhttp_json(&r);
    char id[25];
    snprintf(id, sizeof id, "%s", sj_str(j, "data.appRegistration._id"));
    cJSON_Delete(j);
    simhttp_free(&r);
    r = sync_(id, "PUT", "{\"step\":\"signUpForm\",\"status\":\"ONGOING\"}");
    cr_assert_eq(r.status, 409);
    cr_assert(strstr(r.body, "signUpForm_validation_not_passed"), "%s", r.body);
    simhttp_free(&r);
}

/* ---- delete -------------------------------------------------------------------------------- */

Test(sim_delete, deleted_registrations_are_gone)
{
    start(NULL);
    char id[25], path[128];
    first_id("where_status=EXPIRED", id);
    long all = total("x=1"), expired = total("where_status=EXPIRED");
    snprintf(path, sizeof path, "/v2/app-registrations/%s", id);
    SimHttpResp r = simhttp_send(sim, "DELETE", path, NULL);
    cr_assert_eq(r.status, 200, "%s", r.body);
    simhttp_free(&r);
    r = simhttp_get(sim, path);
    cr_assert_eq(r.status, 404);
    simhttp_free(&r);
    cr_assert_eq(total("x=1"), all - 1);
    cr_assert_eq(total("where_status=EXPIRED"), expired - 1);
    r = simhttp_send(sim, "DELETE", path, NULL);
    cr_assert_eq(r.status, 404);
    cr_assert_str_eq(r.body, "{\"code\":\"NotFound\",\"message\":\"AppRegistration_not_found\"}");
    simhttp_free(&r);
}

/* ---- statistics ---------------------------------------------------------------------------- */

static long bucket_sum(const cJSON *arr)
{
    long s = 0;
    const cJSON *b;
    cJSON_ArrayForEach(b, arr) {
        cr_assert_not_null(sj_str(b, "label"));
        s += (long)sj_num(b, "count");
    }
    return s;
}

Test(sim_funnel, funnel_counts_add_up)
{
    start(NULL);
    cJSON *j = simhttp_get_json(sim, "/v2/app-registrations/statistics?funnel=true");
    const cJSON *f = sj_path(j, "data.funnel");
    cr_assert_eq(sj_num(f, "total"), 400);
    cr_assert_eq(bucket_sum(sj_path(f, "byStatus")), 400);
    cr_assert_eq(bucket_sum(sj_path(f, "byCurrentStep")), 400);
    const cJSON *b;
    cJSON_ArrayForEach(b, sj_path(f, "byStatus")) {
        char q[64];
        snprintf(q, sizeof q, "where_status=%s", sj_str(b, "label"));
        cr_assert_eq((long)sj_num(b, "count"), total(q), "%s", q);
    }
    cr_assert_gt(bucket_sum(sj_path(f, "documentFailures")), 0);
    cr_assert_gt(bucket_sum(sj_path(f, "livenessFailures")), 0);
    cJSON_ArrayForEach(b, sj_path(f, "livenessFailures"))
        cr_assert(!strchr(sj_str(b, "label"), ':') && !strchr(sj_str(b, "label"), '@'),
                  "labels are bare codes: %s", sj_str(b, "label"));
    cJSON_Delete(j);
    char project[25], path[160];
    j = simhttp_get_json(sim, "/v2/app-registrations?limit=1");
    snprintf(project, sizeof project, "%s", sj_str(j, "data.0.project"));
    cJSON_Delete(j);
    snprintf(path, sizeof path, "/v2/app-registrations/statistics?funnel=true&project=%s", project);
    j = simhttp_get_json(sim, path);
    char q[64];
    snprintf(q, sizeof q, "where_project=%s", project);
    cr_assert_eq((long)sj_num(j, "data.funnel.total"), total(q));
    cJSON_Delete(j);
    SimHttpResp r = simhttp_get(sim, "/v2/app-registrations/statistics?funnel=true&project=0123456789abcdef01234567");
    cr_assert_eq(r.status, 404);
    simhttp_free(&r);
}
