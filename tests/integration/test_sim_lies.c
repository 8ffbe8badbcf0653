/* --fault modes of a server that answers, but not what was asked: a trickle, a request
 * held forever, redirects, deep nesting, empty and wrong-typed bodies, another
 * registration or a list for a retrieve, and list pages that lie about pagination. Each
 * is seen over a real socket and counted in /__sim/stats (and only where it applies). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "simhttp.h"
#include "simproc.h"
#include "simstats.h"

static SimProc *sim, *clean;

static void stop_sims(void)
{
    simproc_stop(sim);
    simproc_stop(clean);
    sim = clean = NULL;
}

TestSuite(sim_lies, .fini = stop_sims, .timeout = 60);

static SimProc *start(const char *fault)
{
    SimProc *p = simproc_start((const char *[]){ "--count", "200", "--seed", "4", "--now", "2025-05-25T12:00:00Z",
                                                 "--fault", fault, NULL });
    cr_assert_not_null(p, "--fault %s", fault);
    return p;
}

static unsigned long counted(const char *name)
{
    SimStats s;
    simstats_get(sim, &s);
    for (int k = 0; k < SIMSTATS_FAULTS; k++)
        if (!strcmp(simstats_fault_name(k), name))
            return s.faults[k];
    cr_assert_fail("no fault %s", name);
    return 0;
}

/* The ids of a list page, and its envelope numbers (-1 when absent). */
typedef struct PageView {
    int n;
    char ids[100][32];
    long total, page, pages, limit;
} PageView;

static long num_or(const cJSON *j, const char *key)
{
    double v = sj_num(j, key);
    return v == v ? (long)v : -1;
}

static PageView get_page(SimProc *p, const char *path)
{
    PageView v = { 0 };
    SimHttpResp r = simhttp_get(p, path);
    cr_assert_eq(r.status, 200, "%s: %ld %s", path, r.status, r.body);
    cJSON *j = simhttp_json(&r);
    cr_assert_not_null(j, "%s: not JSON", path);
    const cJSON *e;
    cJSON_ArrayForEach(e, sj_path(j, "data")) {
        cr_assert_lt(v.n, 100);
        snprintf(v.ids[v.n++], sizeof v.ids[0], "%s", sj_str(e, "_id"));
    }
    v.total = num_or(j, "total");
    v.page = num_or(j, "page");
    v.pages = num_or(j, "pages");
    v.limit = num_or(j, "limit");
    cJSON_Delete(j);
    simhttp_free(&r);
    return v;
}

static SimProc *start_clean(void)
{
    return start("latency=0");
}

Test(sim_lies, trickle_sends_one_byte_at_a_time)
{
    sim = start("trickle=1,trickle-ms=40");
    SimHttpResp r = simhttp_get(sim, "/v2/app-registrations?limit=1&page=999");
    cr_assert_eq(r.status, 200);
    cr_assert_gt(r.len, 40);
    /* len bytes, one per 40 ms: the whole body took at least (len - 1) ticks */
    cr_assert_geq(r.seconds, (double)(r.len - 1) * 0.038, "%zu bytes in %.2f s", r.len, r.seconds);
    cJSON *j = simhttp_json(&r);
    cr_assert_not_null(j, "the trickled body is complete: %s", r.body);
    cJSON_Delete(j);
    simhttp_free(&r);
    cr_assert_eq(counted("trickle"), 1);
}

Test(sim_lies, hang_accepts_and_never_answers)
{
    sim = start("hang=1");
    SimHttpReq rq = { .path = "/v2/app-registrations", .token = SIM_TOKEN, .timeout_ms = 800 };
    SimHttpResp r = simhttp_do(sim, &rq);
    cr_assert_eq(r.rc, CURLE_OPERATION_TIMEDOUT, "%s", curl_easy_strerror(r.rc));
    cr_assert_eq(r.status, 0, "no status line ever came");
    simhttp_free(&r);
    cr_assert_eq(counted("hang"), 1);
    /* the stats route is never held */
    SimStats s;
    simstats_get(sim, &s);
    cr_assert_eq(s.requests, 1);
}

Test(sim_lies, redirect_to_itself_or_elsewhere_keeps_path_and_query)
{
    sim = start("redirect=1");
    SimHttpResp r = simhttp_get(sim, "/v2/app-registrations?limit=3&populates[]=a%20b");
    cr_assert_eq(r.status, 302);
    char want[256];
    snprintf(want, sizeof want, "%s/v2/app-registrations?limit=3&populates[]=a%%20b", simproc_url(sim));
    cr_assert_str_eq(r.location, want);
    simhttp_free(&r);
    cr_assert_eq(counted("redirect"), 1);
    simproc_stop(sim);
    sim = start("redirect=1,redirect-to=http://127.0.0.1:9/base");
    r = simhttp_get(sim, "/v2/app-registrations/abc");
    cr_assert_str_eq(r.location, "http://127.0.0.1:9/base/v2/app-registrations/abc");
    simhttp_free(&r);
    cr_assert_null(simproc_start((const char *[]){ "--fault", "redirect=1,redirect-to=http://example.org:80", NULL }),
                   "the simulator never points anywhere but loopback");
}

Test(sim_lies, deep_empty_and_wrong_typed_bodies)
{
    const struct {
        const char *fault, *name, *starts;
        size_t min_len;
    } cases[] = {
        { "deep=1,deep-levels=50000", "deep", "{\"data\":[[[[", 100000 },
        { "empty=1", "empty", "{}", 2 },
        { "wrongtype=1", "wrongtype", "{\"data\":\"", 10 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sim = start(cases[i].fault);
        SimHttpResp r = simhttp_get(sim, "/v2/app-registrations?limit=5");
        cr_assert_eq(r.status, 200, "%s", cases[i].fault);
        cr_assert(!strncmp(r.body, cases[i].starts, strlen(cases[i].starts)), "%s: %.40s", cases[i].fault, r.body);
        cr_assert_geq(r.len, cases[i].min_len, "%s", cases[i].fault);
        simhttp_free(&r);
        cr_assert_eq(counted(cases[i].name), 1);
        simproc_stop(sim);
        sim = NULL;
    }
}

Test(sim_lies, a_retrieve_gets_another_registration_or_a_list)
{
    clean = start_clean();
    PageView v = get_page(clean, "/v2/app-registrations?limit=5");
    char path[128];
    snprintf(path, sizeof path, "/v2/app-registrations/%s", v.ids[2]);
    sim = start("otherid=1");
    SimHttpResp r = simhttp_get(sim, path);
    cJSON *j = simhttp_json(&r);
    cr_assert_eq(r.status, 200);
    cr_assert_str_neq(sj_str(j, "data._id"), v.ids[2], "another registration than the one asked for");
    cJSON_Delete(j);
    simhttp_free(&r);
    cr_assert_eq(counted("otherid"), 1);
    get_page(sim, "/v2/app-registrations?limit=5"); /* not a retrieve: no fault */
    cr_assert_eq(counted("otherid"), 1, "otherid is injected only into a retrieve");
    simproc_stop(sim);
    sim = start("aslist=1");
    r = simhttp_get(sim, path);
    j = simhttp_json(&r);
    cr_assert(cJSON_IsArray(sj_path(j, "data")), "a list where one registration was asked for: %.80s", r.body);
    cJSON_Delete(j);
    simhttp_free(&r);
    cr_assert_eq(counted("aslist"), 1);
}

Test(sim_lies, dupes_repeat_the_end_of_the_previous_page)
{
    clean = start_clean();
    PageView p1 = get_page(clean, "/v2/app-registrations?limit=20&page=1");
    sim = start("dupes=1,dupes-n=5");
    PageView p2 = get_page(sim, "/v2/app-registrations?limit=20&page=2");
    cr_assert_eq(p2.n, 20);
    cr_assert_eq(p2.page, 2, "the envelope still says page 2");
    for (int i = 0; i < 5; i++)
        cr_assert_str_eq(p2.ids[i], p1.ids[15 + i], "record %d of page 2 repeats page 1", i);
    PageView again = get_page(sim, "/v2/app-registrations?limit=20&page=1");
    cr_assert_str_eq(again.ids[0], p1.ids[0], "page 1 cannot start early");
    cr_assert_eq(counted("dupes"), 2);
}

Test(sim_lies, drift_grows_the_total_page_by_page)
{
    sim = start("drift=1,drift-n=30");
    PageView a = get_page(sim, "/v2/app-registrations?limit=20&page=1");
    PageView b = get_page(sim, "/v2/app-registrations?limit=20&page=3");
    cr_assert_eq(a.total, 200);
    cr_assert_eq(a.pages, 10);
    cr_assert_eq(b.total, 260);
    cr_assert_eq(b.pages, 13);
    cr_assert_eq(counted("drift"), 2);
}

Test(sim_lies, endless_and_growing_pages_are_always_full)
{
    sim = start("endless=1");
    PageView far = get_page(sim, "/v2/app-registrations?limit=20&page=50");
    PageView farther = get_page(sim, "/v2/app-registrations?limit=20&page=51");
    cr_assert_eq(far.n, 20, "full beyond the 200 records");
    cr_assert_eq(far.total, -1, "no total");
    cr_assert_eq(far.pages, -1, "no page count");
    for (int i = 0; i < 20; i++)
        for (int k = 0; k < 20; k++)
            cr_assert_str_neq(far.ids[i], farther.ids[k], "fresh ids on every page");
    simproc_stop(sim);
    sim = start("growing=1");
    PageView g = get_page(sim, "/v2/app-registrations?limit=20&page=70");
    cr_assert_eq(g.n, 20);
    cr_assert_eq(g.pages, 71, "always one page more than asked");
}

Test(sim_lies, wrong_page_and_wrong_limit_say_what_they_did)
{
    clean = start_clean();
    PageView p1 = get_page(clean, "/v2/app-registrations?limit=20&page=1");
    sim = start("wrongpage=1");
    PageView w = get_page(sim, "/v2/app-registrations?limit=20&page=4");
    cr_assert_eq(w.page, 1);
    cr_assert_str_eq(w.ids[0], p1.ids[0], "page 1's records");
    simproc_stop(sim);
    sim = start("wronglimit=1");
    w = get_page(sim, "/v2/app-registrations?limit=20&page=1");
    cr_assert_eq(w.limit, 10);
    cr_assert_eq(w.n, 10);
    cr_assert_eq(w.pages, 20);
    cr_assert_eq(counted("wronglimit"), 1);
}

Test(sim_lies, stats_count_requests_that_carry_a_token)
{
    sim = start_clean();
    SimHttpReq anon = { .path = "/v2/app-registrations" };
    SimHttpResp r = simhttp_do(sim, &anon);
    cr_assert_eq(r.status, 401);
    simhttp_free(&r);
    get_page(sim, "/v2/app-registrations?limit=2");
    SimStats s;
    simstats_get(sim, &s);
    cr_assert_eq(s.requests, 2);
    cr_assert_eq(s.with_authorization, 1);
}
