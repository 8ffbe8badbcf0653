/* Authentication: the bearer token, the e-mail OTP login flow, token expiry, and the
 * documented error bodies (reference §6). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "simhttp.h"
#include "simsuite.h"

TestSuite(sim_auth, .fini = stop_sims, .timeout = 60);

static void start(const char *const extra[])
{
    sim = simsuite_start((const char *[]){ "--count", "50", NULL }, extra);
}

static const char UNAUTHORIZED[] = "{\"code\":\"Unauthorized\",\"message\":\"Invalid or expired token.\"}";
static const char EXPIRED[] = "{\"code\":\"Forbidden\",\"message\":\"expired_token\"}";
static const char LIST[] = "/v2/app-registrations?limit=1";

static SimHttpResp with_auth(const char *method, const char *path, const char *auth)
{
    SimHttpReq rq = { .method = method, .path = path, .auth = auth };
    return simhttp_do(sim, &rq);
}

Test(sim_auth, missing_or_wrong_token_is_401)
{
    start(NULL);
    const char *bad[] = { NULL, "Bearer", "Bearer ", "Bearer wrong-token", "demo-token",
                          "JWT demo-token", "Basic ZGVtbzpkZW1v", "Bearer demo-token-x" };
    const char *paths[] = { LIST, "/v2/app-registrations/0123456789abcdef01234567",
                            "/v2/app-registrations/statistics?funnel=true" };
    for (size_t p = 0; p < 3; p++) {
        for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
            SimHttpResp r = with_auth("GET", paths[p], bad[i]);
            cr_assert_eq(r.status, 401, "%s with '%s' → %ld", paths[p], bad[i] ? bad[i] : "(none)", r.status);
            cr_assert_str_eq(r.body, UNAUTHORIZED);
            simhttp_free(&r);
        }
    }
    SimHttpResp r = with_auth("PUT", "/v2/app-registrations/0123456789abcdef01234567/sync", NULL);
    cr_assert_eq(r.status, 401, "auth comes before the lookup");
    simhttp_free(&r);
    r = with_auth("GET", LIST, "bearer demo-token");
    cr_assert_eq(r.status, 200, "the scheme is case-insensitive");
    simhttp_free(&r);
}

Test(sim_auth, custom_token)
{
    start((const char *[]){ "--token", "s3cr3t", NULL });
    SimHttpResp r = with_auth("GET", LIST, "Bearer s3cr3t");
    cr_assert_eq(r.status, 200);
    simhttp_free(&r);
    r = with_auth("GET", LIST, "Bearer demo-token");
    cr_assert_eq(r.status, 401, "the default token is replaced");
    simhttp_free(&r);
}

Test(sim_auth, email_login_flow_issues_a_working_token)
{
    start(NULL);
    SimHttpResp r = with_auth("POST", "/v2/projects/email-login?email=lucia%40example.com", NULL);
    cr_assert_eq(r.status, 200, "%s", r.body);
    cJSON *j = simhttp_json(&r);
    cr_assert_str_eq(sj_str(j, "data.status"), "sent");
    cr_assert_str_eq(sj_str(j, "data.email"), "lucia@example.com");
    cr_assert_not_null(sj_str(j, "data.expiresAt"));
    cJSON_Delete(j);
    simhttp_free(&r);

    SimHttpReq rq = { .method = "POST", .path = "/v2/projects/email-login/confirm",
                      .body = "{\"email\":\"lucia@example.com\",\"otp\":\"654321\"}" };
    r = simhttp_do(sim, &rq);
    cr_assert_eq(r.status, 400);
    cr_assert_str_eq(r.body, "{\"message\":\"invalid_otp\",\"code\":\"ERROR\"}");
    simhttp_free(&r);

    rq.body = "{\"email\":\"lucia@example.com\",\"otp\":\"123456\"}";
    r = simhttp_do(sim, &rq);
    cr_assert_eq(r.status, 200, "%s", r.body);
    j = simhttp_json(&r);
    cr_assert_str_eq(sj_str(j, "data.tokenType"), "bearer");
    char auth[1024];
    snprintf(auth, sizeof auth, "Bearer %s", sj_str(j, "data.accessToken"));
    cr_assert_gt(strlen(auth), 40);
    cJSON_Delete(j);
    simhttp_free(&r);

    r = with_auth("GET", LIST, auth);
    cr_assert_eq(r.status, 200, "the new token is accepted");
    simhttp_free(&r);
    r = with_auth("GET", LIST, "Bearer demo-token");
    cr_assert_eq(r.status, 200, "and the demo token still is");
    simhttp_free(&r);
    r = simhttp_do(sim, &rq);
    j = simhttp_json(&r);
    cr_assert_str_neq(auth + 7, sj_str(j, "data.accessToken"), "every login gets a fresh token");
    cJSON_Delete(j);
    simhttp_free(&r);
}

Test(sim_auth, login_errors)
{
    start(NULL);
    SimHttpResp r = with_auth("POST", "/v2/projects/email-login", NULL);
    cr_assert_eq(r.status, 409);
    cr_assert(strstr(r.body, "MissingParameter"));
    simhttp_free(&r);
    r = with_auth("POST", "/v2/projects/email-login?email=not-an-address", NULL);
    cr_assert_eq(r.status, 404);
    cr_assert_str_eq(r.body, "{\"code\":\"NotFound\",\"message\":\"invalid_email\"}");
    simhttp_free(&r);
    SimHttpReq rq = { .method = "POST", .path = "/v2/projects/email-login/confirm", .body = "{}" };
    r = simhttp_do(sim, &rq);
    cr_assert_eq(r.status, 409);
    cr_assert(strstr(r.body, "missing_email_and_otp"), "%s", r.body);
    simhttp_free(&r);
    r = with_auth("GET", "/v2/projects/email-login?email=a%40b.co", NULL);
    cr_assert_eq(r.status, 405);
    simhttp_free(&r);
}

Test(sim_auth, tokens_expire_after_n_requests)
{
    start((const char *[]){ "--expire-after", "3", NULL });
    for (int i = 0; i < 3; i++) {
        SimHttpResp r = with_auth("GET", LIST, "Bearer demo-token");
        cr_assert_eq(r.status, 200, "request %d", i + 1);
        simhttp_free(&r);
    }
    SimHttpResp r = with_auth("GET", LIST, "Bearer demo-token");
    cr_assert_eq(r.status, 403);
    cr_assert_str_eq(r.body, EXPIRED);
    simhttp_free(&r);
    r = with_auth("GET", LIST, "Bearer nobody");
    cr_assert_eq(r.status, 401, "an unknown token is still 401, not 403");
    simhttp_free(&r);

    SimHttpReq rq = { .method = "POST", .path = "/v2/projects/email-login/confirm",
                      .body = "{\"email\":\"diego@example.com\",\"otp\":\"123456\"}" };
    r = simhttp_do(sim, &rq);
    cr_assert_eq(r.status, 200, "logging in needs no token");
    cJSON *j = simhttp_json(&r);
    char auth[1024];
    snprintf(auth, sizeof auth, "Bearer %s", sj_str(j, "data.accessToken"));
    cJSON_Delete(j);
    simhttp_free(&r);
    for (int i = 0; i < 4; i++) {
        r = with_auth("GET", LIST, auth);
        cr_assert_eq(r.status, i < 3 ? 200 : 403, "fresh token, request %d", i + 1);
        simhttp_free(&r);
    }
}

Test(sim_auth, simulator_routes_need_no_token_and_unknown_routes_are_404)
{
    start(NULL);
    SimHttpResp r = with_auth("GET", "/__sim/stats", NULL);
    cr_assert_eq(r.status, 200);
    simhttp_free(&r);
    r = with_auth("GET", "/v2/nothing-here", "Bearer demo-token");
    cr_assert_eq(r.status, 404);
    cr_assert(strstr(r.body, "ResourceNotFound"), "%s", r.body);
    simhttp_free(&r);
    r = with_auth("PATCH", "/v2/app-registrations", "Bearer demo-token");
    cr_assert_eq(r.status, 405);
    simhttp_free(&r);
}
