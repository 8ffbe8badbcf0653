#include "sim/sim_routes.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "sim/sim_auth.h"
#include "sim/sim_emit.h"
#include "sim/sim_fault.h"
#include "sim/sim_json.h"
#include "sim/sim_projects.h"
#include "sim/sim_query.h"
#include "sim/sim_store.h"

static const char REGS[] = "/v2/app-registrations";
static const char LOGIN[] = "/v2/projects/email-login";
static const char PROJECTS[] = "/v3/projects"; /* the documented projects list (D-PROJ-LIST) */

/* Copies the next path segment of p into seg; returns what follows it. */
static const char *segment(const char *p, char *seg, size_t n)
{
    size_t len = strcspn(p, "/");
    snprintf(seg, n, "%.*s", (int)(len < n ? len : n - 1), p);
    return p + len + (p[len] == '/');
}

/* rest: what follows "/v2/app-registrations/": "", "statistics", "{id}", "{id}/sync",
 * "{id}/resend-link". */
static SimRoute match_registrations(SimMethod m, const char *rest, char *id, size_t n,
                                    bool *ok)
{
    if (!*rest) {
        *ok = m == M_GET || m == M_POST;
        return m == M_POST ? R_CREATE : R_LIST;
    }
    char tail[32] = "";
    const char *after = segment(rest, id, n);
    const char *more = *after ? segment(after, tail, sizeof tail) : after;
    if (*more)
        return R_UNKNOWN;
    if (!*tail && strcmp(id, "statistics") == 0) {
        *ok = m == M_GET;
        return R_STATISTICS;
    }
    if (!*tail) {
        *ok = m == M_GET || m == M_DELETE;
        return m == M_DELETE ? R_DELETE : R_RETRIEVE;
    }
    if (strcmp(tail, "sync") == 0) {
        *ok = m == M_PUT || m == M_POST; /* PUT documented; POST in an older page */
        return R_SYNC;
    }
    if (strcmp(tail, "resend-link") == 0) {
        *ok = m == M_POST;
        return R_RESEND;
    }
    return R_UNKNOWN;
}

SimRoute sim_route_match(const SimReq *rq, char *id, size_t n, bool *method_ok)
{
    char path[512];
    snprintf(path, sizeof path, "%s", rq->path);
    size_t len = strlen(path);
    while (len > 1 && path[len - 1] == '/')
        path[--len] = '\0';
    *method_ok = true;
    id[0] = '\0';
    size_t rl = sizeof REGS - 1, ll = sizeof LOGIN - 1;
    if (strncmp(path, REGS, rl) == 0 && (path[rl] == '\0' || path[rl] == '/'))
        return match_registrations(rq->method, path + rl + (path[rl] == '/'), id, n, method_ok);
    if (strcmp(path, PROJECTS) == 0) {
        *method_ok = rq->method == M_GET;
        return R_PROJECTS;
    }
    if (strcmp(path, LOGIN) == 0) {
        *method_ok = rq->method == M_POST;
        return R_LOGIN;
    }
    if (strncmp(path, LOGIN, ll) == 0 && strcmp(path + ll, "/confirm") == 0) {
        *method_ok = rq->method == M_POST;
        return R_LOGIN_CONFIRM;
    }
    return R_UNKNOWN;
}

static void run_locked(Sim *sim, SimRoute r, const char *id, const SimReq *rq, SimResp *out)
{
    switch (r) {
    case R_LIST: sim_route_list(sim, rq, out); break;
    case R_RETRIEVE: sim_route_retrieve(sim, id, rq, out); break;
    case R_CREATE: sim_route_create(sim, rq, out); break;
    case R_SYNC: sim_route_sync(sim, id, rq, out); break;
    case R_RESEND: sim_route_resend(sim, id, rq, out); break;
    case R_DELETE: sim_route_delete(sim, id, out); break;
    case R_STATISTICS: sim_route_statistics(sim, rq, out); break;
    case R_PROJECTS: sim_route_projects(sim, rq, out); break;
    default: break;
    }
}

void sim_route_run(Sim *sim, SimRoute r, const char *id, const SimReq *rq, SimResp *out)
{
    if (r == R_LOGIN) {
        sim_route_login(sim, rq, out);
        return;
    }
    if (r == R_LOGIN_CONFIRM) {
        sim_route_login_confirm(sim, rq, out);
        return;
    }
    SimAuthResult a = sim_auth_check(sim->auth, rq->authorization);
    if (a != AUTH_OK) {
        sim_auth_reject(a, out);
        return;
    }
    pthread_mutex_lock(&sim->store->lock);
    run_locked(sim, r, id, rq, out);
    pthread_mutex_unlock(&sim->store->lock);
}

void sim_write_registration(Sim *sim, size_t idx, uint32_t pop, SimResp *out)
{
    JsonW w;
    jw_init(&w, &out->body);
    jw_obj(&w);
    jw_key(&w, "data");
    sim_emit_registration(&w, sim->store, idx, pop);
    jw_obj_end(&w);
}

/* The query's paging (and filters); false after answering the documented 409. */
static bool query_or_409(Sim *sim, const SimReq *rq, SimQuery *q, SimResp *out)
{
    char err[160];
    if (sim_query_parse(rq, sim->cfg.seed, q, err, sizeof err))
        return true;
    sim_resp_error(out, 409, "MissingParameter", err);
    return false;
}

void sim_route_list(Sim *sim, const SimReq *rq, SimResp *out)
{
    SimQuery q;
    if (!query_or_409(sim, rq, &q, out))
        return;
    sim_query_fault(&q, rq->fault, sim->cfg.fault.dupes_n, sim->cfg.fault.drift_n);
    JsonW w;
    jw_init(&w, &out->body);
    sim_query_page(sim->store, &q, &w);
}

void sim_route_retrieve(Sim *sim, const char *id, const SimReq *rq, SimResp *out)
{
    long idx = sim_store_find(sim->store, id);
    if (idx < 0) {
        sim_resp_error(out, 404, "NotFound", "AppRegistration_not_found");
        return;
    }
    if (rq->fault == FK_ASLIST) { /* a list page where one registration was asked for */
        SimQuery q;
        SimReq none = { .method = M_GET, .path = REGS };
        if (!query_or_409(sim, &none, &q, out))
            return;
        JsonW w;
        jw_init(&w, &out->body);
        sim_query_page(sim->store, &q, &w);
        return;
    }
    if (rq->fault == FK_OTHERID) /* the next registration instead */
        idx = (long)(((size_t)idx + 1) % sim->store->n);
    sim_write_registration(sim, (size_t)idx, sim_query_populates(rq), out);
}

/* GET /v3/projects: the client's projects, each with its flows populated, in the
 * standard list envelope. */
void sim_route_projects(Sim *sim, const SimReq *rq, SimResp *out)
{
    if (sim->cfg.no_projects) {
        sim_resp_no_route(out, rq->path);
        return;
    }
    SimQuery q;
    if (!query_or_409(sim, rq, &q, out))
        return;
    JsonW w;
    jw_init(&w, &out->body);
    jw_obj(&w);
    jw_karr(&w, "data");
    for (unsigned p = (q.page - 1) * q.limit; p < SIM_PROJECTS && p < q.page * q.limit; p++)
        sim_emit_project(&w, sim->cfg.seed, p, true);
    jw_arr_end(&w);
    jw_kint(&w, "total", SIM_PROJECTS);
    jw_kint(&w, "limit", q.limit);
    jw_kint(&w, "page", q.page);
    jw_kint(&w, "pages", (SIM_PROJECTS + q.limit - 1) / q.limit);
    jw_obj_end(&w);
}

void sim_route_delete(Sim *sim, const char *id, SimResp *out)
{
    long idx = sim_store_find(sim->store, id);
    if (idx < 0) {
        sim_resp_error(out, 404, "NotFound", "AppRegistration_not_found");
        return;
    }
    sim_store_delete(sim->store, (size_t)idx);
    JsonW w;
    jw_init(&w, &out->body);
    jw_obj(&w);
    jw_kobj(&w, "data");
    jw_kstr(&w, "_id", id);
    jw_kbool(&w, "deleted", true);
    jw_obj_end(&w);
    jw_obj_end(&w);
}
