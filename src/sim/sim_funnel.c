/* GET /v2/app-registrations/statistics?funnel=true[&project=ID]: the dashboard's funnel
 * (reference §2 row 9): totals by status and by current step, and failure reasons of
 * document and liveness attempts, each as [{label, count}]. */
#include <stdlib.h>
#include <string.h>

#include "sim/sim_derive.h"
#include "sim/sim_projects.h"
#include "sim/sim_routes.h"
#include "sim/sim_store.h"

enum { MAX_LABELS = 64 };

typedef struct Bucket {
    char label[64];
    unsigned long count;
} Bucket;

typedef struct Buckets {
    Bucket b[MAX_LABELS];
    size_t n;
} Buckets;

static void bump(Buckets *bs, const char *label)
{
    for (size_t i = 0; i < bs->n; i++) {
        if (strcmp(bs->b[i].label, label) == 0) {
            bs->b[i].count++;
            return;
        }
    }
    if (bs->n == MAX_LABELS)
        return;
    strncpy(bs->b[bs->n].label, label, sizeof bs->b[0].label - 1);
    bs->b[bs->n++].count = 1;
}

/* "409:liveness_failed@0.31" → "liveness_failed"; stack text after a newline dropped. */
static void reason_code(const char *raw, char *out, size_t n)
{
    const char *p = raw;
    while (*p >= '0' && *p <= '9')
        p++;
    p = *p == ':' && p > raw ? p + 1 : raw;
    size_t len = strcspn(p, "@\n");
    if (len >= n)
        len = n - 1;
    memcpy(out, p, len);
    out[len] = '\0';
}

static int by_count(const void *a, const void *b)
{
    const Bucket *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return strcmp(x->label, y->label);
}

static void write_buckets(JsonW *w, const char *key, Buckets *bs, bool sort)
{
    if (sort)
        qsort(bs->b, bs->n, sizeof bs->b[0], by_count);
    jw_karr(w, key);
    for (size_t i = 0; i < bs->n; i++) {
        jw_obj(w);
        jw_kstr(w, "label", bs->b[i].label);
        jw_kint(w, "count", (long long)bs->b[i].count);
        jw_obj_end(w);
    }
    jw_arr_end(w);
}

static void count_failures(const SimStore *st, size_t idx, Buckets *doc, Buckets *bio)
{
    const SimRec *r = &st->recs[idx];
    if (!r->fails[SF_DOC] && !r->fails[SF_BIO])
        return;
    SimDerived d;
    SimAttempt a;
    char code[64];
    sim_derive(st, idx, &d);
    for (unsigned k = 0; k < r->fails[SF_DOC]; k++) {
        sim_attempt(&d, SF_DOC, k, &a);
        reason_code(a.reason, code, sizeof code);
        bump(doc, code);
    }
    for (unsigned k = 0; k < r->fails[SF_BIO]; k++) {
        sim_attempt(&d, SF_BIO, k, &a);
        reason_code(a.reason, code, sizeof code);
        bump(bio, code);
    }
}

static void write_funnel(const SimStore *st, int project, JsonW *w)
{
    static Buckets status, step, doc, bio; /* big: kept off the stack; store lock held */
    memset(&status, 0, sizeof status);
    memset(&step, 0, sizeof step);
    memset(&doc, 0, sizeof doc);
    memset(&bio, 0, sizeof bio);
    for (int s = 0; s < RS__COUNT; s++)
        strcpy(status.b[status.n++].label, sim_status_name((SimStatus)s));
    for (int s = 0; s < STEP__COUNT; s++)
        strcpy(step.b[step.n++].label, sim_step_name((SimStep)s));
    unsigned long total = 0;
    for (size_t i = 0; i < st->n; i++) {
        const SimRec *r = &st->recs[i];
        if ((r->flags & RF_DELETED) || (project >= 0 && sim_flow(r->flow)->project != (unsigned)project))
            continue;
        total++;
        status.b[r->status].count++;
        step.b[r->step].count++;
        count_failures(st, i, &doc, &bio);
    }
    jw_kobj(w, "funnel");
    jw_kint(w, "total", (long long)total);
    write_buckets(w, "byStatus", &status, false);
    write_buckets(w, "byCurrentStep", &step, false);
    write_buckets(w, "documentFailures", &doc, true);
    write_buckets(w, "livenessFailures", &bio, true);
    jw_obj_end(w);
}

void sim_route_statistics(Sim *sim, const SimReq *rq, SimResp *out)
{
    const char *p = sim_req_arg(rq, "project");
    if (!p)
        p = sim_req_arg(rq, "where_project");
    int project = p ? sim_project_find(sim->cfg.seed, p) : -1;
    if (p && project < 0) {
        sim_resp_error(out, 404, "NotFound", "project_not_found");
        return;
    }
    const char *funnel = sim_req_arg(rq, "funnel");
    JsonW w;
    jw_init(&w, &out->body);
    jw_obj(&w);
    jw_kobj(&w, "data");
    if (funnel && strcmp(funnel, "true") == 0) {
        write_funnel(sim->store, project, &w);
    } else {
        unsigned long total = 0;
        for (size_t i = 0; i < sim->store->n; i++) {
            const SimRec *r = &sim->store->recs[i];
            total += !(r->flags & RF_DELETED) &&
                     (project < 0 || sim_flow(r->flow)->project == (unsigned)project);
        }
        jw_kint(&w, "total", (long long)total);
    }
    jw_obj_end(&w);
    jw_obj_end(&w);
}
