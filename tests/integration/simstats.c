#include "simstats.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "simhttp.h"

static const char *const fault_names[SIMSTATS_FAULTS] = {
    "error",   "429",     "truncate",  "malformed", "reset", "slow",    "huge",      "html",
    "trickle", "hang",    "redirect",  "deep",      "empty", "wrongtype", "echo",    "otherid", "aslist",
    "dupes",   "drift",   "endless",   "growing",   "wrongpage", "wronglimit",
};

const char *simstats_fault_name(int k)
{
    return k >= 0 && k < SIMSTATS_FAULTS ? fault_names[k] : "?";
}

void simstats_reset(const SimProc *sp)
{
    SimHttpReq rq = { .method = "POST", .path = "/__sim/reset-stats" };
    SimHttpResp r = simhttp_do(sp, &rq);
    cr_assert_eq(r.status, 200, "reset-stats: %ld (%s)", r.status, curl_easy_strerror(r.rc));
    simhttp_free(&r);
}

static unsigned long count(const cJSON *j, const char *path)
{
    double v = sj_num(j, path);
    return v == v ? (unsigned long)v : 0; /* absent (NAN) counts as 0 */
}

static unsigned long status_range(const cJSON *statuses, int lo, int hi)
{
    unsigned long n = 0;
    const cJSON *s;
    cJSON_ArrayForEach(s, statuses) {
        int code = atoi(s->string);
        if (code >= lo && code <= hi && cJSON_IsNumber(s))
            n += (unsigned long)s->valuedouble;
    }
    return n;
}

void simstats_get(const SimProc *sp, SimStats *out)
{
    cJSON *j = simhttp_stats(sp);
    memset(out, 0, sizeof *out);
    out->requests = count(j, "requests");
    out->list_requests = count(j, "routes.list");
    out->retrieve_requests = count(j, "routes.retrieve");
    out->sync_requests = count(j, "routes.sync");
    out->create_requests = count(j, "routes.create");
    out->resend_requests = count(j, "routes.resendLink");
    out->connections = count(j, "connections");
    out->max_concurrent = count(j, "maxConcurrentConnections");
    out->latency = count(j, "faults.latency");
    out->with_authorization = count(j, "withAuthorization");
    const cJSON *st = sj_path(j, "statuses");
    out->status_2xx = status_range(st, 200, 299);
    out->status_4xx = status_range(st, 400, 499);
    out->status_5xx = status_range(st, 500, 599);
    out->status_429 = status_range(st, 429, 429);
    for (int k = 0; k < SIMSTATS_FAULTS; k++) {
        char path[32];
        snprintf(path, sizeof path, "faults.%s", fault_names[k]);
        out->faults[k] = count(j, path);
    }
    cJSON_Delete(j);
}
