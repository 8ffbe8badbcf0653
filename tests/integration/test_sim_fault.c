/* --fault: every mode as the client sees it over a real socket, determinism of the
 * draws, and /__sim/stats counting requests, connections, parallelism and faults. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "simhttp.h"
#include "simsuite.h"
#include "simstats.h"

TestSuite(sim_fault, .fini = stop_sims, .timeout = 60);
TestSuite(sim_stats, .fini = stop_sims, .timeout = 60);

static const char PAGE[] = "/v2/app-registrations?limit=20";

static SimProc *start(const char *fault)
{
    return simsuite_start((const char *[]){ "--count", "200", "--seed", "4", NULL },
                          (const char *[]){ "--fault", fault, NULL });
}

static int fault_index(const char *name)
{
    for (int k = 0; k < SIMSTATS_FAULTS; k++)
        if (strcmp(simstats_fault_name(k), name) == 0)
            return k;
    cr_assert_fail("no fault %s", name);
    return -1;
}

/* After n requests, /__sim/stats counted exactly n of this fault. */
static void assert_counted(const char *name, unsigned long n)
{
    SimStats s;
    simstats_get(sim, &s);
    cr_assert_eq(s.faults[fault_index(name)], n, "%s counted %lu", name, s.faults[fault_index(name)]);
    cr_assert_eq(s.requests, n);
}

Test(sim_fault, error_is_500_or_503_json)
{
    sim = start("error=1");
    bool saw500 = false, saw503 = false;
    for (int i = 0; i < 4; i++) {
        SimHttpResp r = simhttp_get(sim, PAGE);
        cr_assert(r.status == 500 || r.status == 503, "%ld", r.status);
        saw500 |= r.status == 500;
        saw503 |= r.status == 503;
        cJSON *j = simhttp_json(&r);
        cr_assert_not_null(sj_str(j, "code"));
        cr_assert_not_null(sj_str(j, "message"));
        cJSON_Delete(j);
        simhttp_free(&r);
    }
    cr_assert(saw500 && saw503);
    assert_counted("error", 4);
}

Test(sim_fault, too_many_requests_with_retry_after)
{
    sim = start("429=1,retry-after=7");
    SimHttpResp r = simhttp_get(sim, PAGE);
    cr_assert_eq(r.status, 429);
    cr_assert_str_eq(r.retry_after, "7");
    cr_assert_str_eq(r.body, "{\"code\":\"TooManyRequests\",\"message\":\"429:too_many_requests\"}");
    simhttp_free(&r);
    assert_counted("429", 1);
}

Test(sim_fault, html_error_page)
{
    sim = start("html=1");
    SimHttpResp r = simhttp_get(sim, PAGE);
    cr_assert_eq(r.status, 502);
    cr_assert(strncmp(r.content_type, "text/html", 9) == 0, "%s", r.content_type);
    cr_assert(strstr(r.body, "<html>"));
    cr_assert_null(simhttp_json(&r));
    simhttp_free(&r);
    assert_counted("html", 1);
}

Test(sim_fault, truncated_bodies_look_like_an_early_close)
{
    sim = start("truncate=1");
    bool with_length = false, chunked = false;
    for (int i = 0; i < 2; i++) {
        SimHttpResp r = simhttp_get(sim, PAGE);
        cr_assert_eq(r.rc, CURLE_PARTIAL_FILE, "curl says %s", curl_easy_strerror(r.rc));
        cr_assert_eq(r.status, 200);
        cr_assert_gt(r.len, 100);
        cr_assert_null(simhttp_json(&r), "cut mid-JSON");
        if (r.content_length >= 0) {
            with_length = true;
            cr_assert_gt((size_t)r.content_length, r.len, "Content-Length is the full size");
        } else {
            chunked = true;
        }
        simhttp_free(&r);
    }
    cr_assert(with_length && chunked, "both an honest Content-Length and chunked");
    assert_counted("truncate", 2);
}

Test(sim_fault, malformed_json_in_a_complete_response)
{
    sim = start("malformed=1");
    for (int i = 0; i < 3; i++) {
        SimHttpResp r = simhttp_get(sim, PAGE);
        cr_assert_eq(r.rc, CURLE_OK);
        cr_assert_eq(r.status, 200);
        cr_assert_eq((long long)r.len, r.content_length, "the transfer itself is complete");
        cr_assert_null(simhttp_json(&r), "variant %d parses strictly: %.80s", i, r.body);
        simhttp_free(&r);
    }
    assert_counted("malformed", 3);
}

Test(sim_fault, reset_connection)
{
    sim = start("reset=1");
    SimHttpResp r = simhttp_get(sim, PAGE);
    cr_assert(r.rc == CURLE_RECV_ERROR || r.rc == CURLE_GOT_NOTHING, "curl says %s",
              curl_easy_strerror(r.rc));
    cr_assert_eq(r.len, 0);
    simhttp_free(&r);
    assert_counted("reset", 1);
}

Test(sim_fault, slow_drip_takes_its_time_and_arrives_whole)
{
    sim = start("slow=1,slow-ms=600");
    SimHttpResp r = simhttp_get(sim, PAGE);
    cr_assert_eq(r.rc, CURLE_OK);
    cr_assert_geq(r.seconds, 0.5, "took %.3f s", r.seconds);
    cJSON *j = simhttp_json(&r);
    cr_assert_not_null(j, "complete and valid");
    cr_assert_eq(cJSON_GetArraySize(sj_path(j, "data")), 20);
    cJSON_Delete(j);
    simhttp_free(&r);
    assert_counted("slow", 1);
}

Test(sim_fault, huge_body_is_streamed)
{
    sim = start("huge=1");
    SimHttpReq rq = { .path = PAGE, .token = SIM_TOKEN, .max_body = 1u << 20 };
    SimHttpResp r = simhttp_do(sim, &rq);
    cr_assert_eq(r.rc, CURLE_WRITE_ERROR, "the client stopped at 1 MB");
    cr_assert_eq(r.status, 200);
    cr_assert_eq(r.content_length, 200LL << 20, "a 200 MB body announced");
    cr_assert(strncmp(r.body, "{\"data\":[", 9) == 0);
    simhttp_free(&r);
    simproc_stop(sim);
    sim = start("huge=1,huge-mb=2");
    r = simhttp_get(sim, PAGE);
    cr_assert_eq(r.len, 2u << 20);
    cJSON *j = simhttp_json(&r);
    cr_assert_not_null(j, "read to the end it is valid JSON");
    cr_assert_gt(cJSON_GetArraySize(sj_path(j, "data")), 1000);
    cJSON_Delete(j);
    simhttp_free(&r);
}

Test(sim_fault, latency_is_added_to_every_api_request)
{
    sim = start("latency=250");
    SimHttpResp r = simhttp_get(sim, PAGE);
    cr_assert_eq(r.status, 200);
    cr_assert_geq(r.seconds, 0.24, "took %.3f s", r.seconds);
    simhttp_free(&r);
    SimHttpReq rq = { .path = "/__sim/stats" };
    r = simhttp_do(sim, &rq);
    cr_assert_lt(r.seconds, 0.2, "never on /__sim/");
    simhttp_free(&r);
    SimStats s;
    simstats_get(sim, &s);
    cr_assert_eq(s.latency, 1);
}

/* The status (or curl error) of each of n sequential requests, as a string. */
static void outcomes(SimProc *p, int n, char *out, size_t size)
{
    size_t len = 0;
    for (int i = 0; i < n; i++) {
        SimHttpResp r = simhttp_get(p, PAGE);
        cJSON *j = simhttp_json(&r);
        len += (size_t)snprintf(out + len, size - len, "%ld/%d/%d ", r.status, (int)r.rc, j != NULL);
        cJSON_Delete(j);
        simhttp_free(&r);
    }
}

Test(sim_fault, draws_repeat_for_the_same_seed)
{
    const char *spec = "error=0.15,429=0.15,truncate=0.1,malformed=0.1,reset=0.1,html=0.1";
    sim = start(spec);
    other = start(spec);
    char a[2048], b[2048];
    outcomes(sim, 40, a, sizeof a);
    outcomes(other, 40, b, sizeof b);
    cr_assert_str_eq(a, b, "same seed, same sequence of faults");
    cr_assert(strstr(a, "200/0/1"), "some requests get through: %s", a);
    cr_assert(strstr(a, "429/0/1") && strstr(a, "502/0/0"), "%s", a);
    SimStats s;
    simstats_get(sim, &s);
    unsigned long injected = 0;
    for (int k = 0; k < SIMSTATS_FAULTS; k++)
        injected += s.faults[k];
    cr_assert(injected > 10 && injected < 40, "about 70 %% of 40: %lu", injected);
}

/* ---- /__sim/stats -------------------------------------------------------------------- */

Test(sim_stats, never_faulted_and_counts_routes_and_statuses)
{
    sim = start("error=1");
    for (int i = 0; i < 5; i++) {
        SimHttpResp r = simhttp_get(sim, "/__sim/stats");
        cr_assert_eq(r.status, 200, "stats are exempt from faults");
        simhttp_free(&r);
    }
    simstats_reset(sim);
    SimHttpResp r = simhttp_get(sim, PAGE);
    simhttp_free(&r);
    r = simhttp_get(sim, "/v2/app-registrations/0123456789abcdef01234567");
    simhttp_free(&r);
    cJSON *j = simhttp_stats(sim);
    cr_assert_eq(sj_num(j, "requests"), 2);
    cr_assert_eq(sj_num(j, "routes.list"), 1);
    cr_assert_eq(sj_num(j, "routes.retrieve"), 1);
    cr_assert_eq(sj_num(j, "statuses.500") + sj_num(j, "statuses.503"), 2);
    cr_assert_eq(sj_num(j, "faults.error"), 2);
    cJSON_Delete(j);
    simstats_reset(sim);
    SimStats s;
    simstats_get(sim, &s);
    cr_assert_eq(s.requests + s.faults[0] + s.status_5xx, 0, "reset zeroes the counters");
}

Test(sim_stats, counts_connections_reused)
{
    sim = simproc_start((const char *[]){ "--count", "100", NULL });
    cr_assert_not_null(sim);
    simstats_reset(sim);
    CURL *h = curl_easy_init();
    for (int i = 0; i < 5; i++) {
        SimHttpReq rq = { .path = PAGE, .token = SIM_TOKEN, .handle = h };
        SimHttpResp r = simhttp_do(sim, &rq);
        cr_assert_eq(r.status, 200);
        simhttp_free(&r);
    }
    curl_easy_cleanup(h);
    SimStats s;
    simstats_get(sim, &s);
    cr_assert_eq(s.requests, 5);
    cr_assert_eq(s.list_requests, 5);
    cr_assert_eq(s.status_2xx, 5);
    /* one connection for the five requests, one for this stats probe */
    cr_assert_eq(s.connections, 2, "saw %lu", s.connections);
}

Test(sim_stats, sees_parallel_connections)
{
    sim = start("latency=300");
    simstats_reset(sim);
    CURLM *m = curl_multi_init();
    CURL *h[4];
    char url[256];
    snprintf(url, sizeof url, "%s%s", simproc_url(sim), PAGE);
    struct curl_slist *hdr = curl_slist_append(NULL, "Authorization: Bearer " SIM_TOKEN);
    FILE *null = fopen("/dev/null", "w");
    for (int i = 0; i < 4; i++) {
        h[i] = curl_easy_init();
        curl_easy_setopt(h[i], CURLOPT_URL, url);
        curl_easy_setopt(h[i], CURLOPT_PROXY, "");
        curl_easy_setopt(h[i], CURLOPT_HTTPHEADER, hdr);
        curl_easy_setopt(h[i], CURLOPT_WRITEDATA, null);
        curl_multi_add_handle(m, h[i]);
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int running = 1;
    while (running) {
        curl_multi_perform(m, &running);
        curl_multi_poll(m, NULL, 0, 100, NULL);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    for (int i = 0; i < 4; i++) {
        long code;
        curl_easy_getinfo(h[i], CURLINFO_RESPONSE_CODE, &code);
        cr_assert_eq(code, 200);
        curl_multi_remove_handle(m, h[i]);
        curl_easy_cleanup(h[i]);
    }
    curl_multi_cleanup(m);
    curl_slist_free_all(hdr);
    fclose(null);
    SimStats s;
    simstats_get(sim, &s);
    cr_assert_geq(s.max_concurrent, 4, "saw %lu at once", s.max_concurrent);
    cr_assert_lt(secs, 1.0, "4 × 300 ms in parallel took %.2f s", secs);
}
