#include "sim/sim_store.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/xalloc.h"
#include "sim/sim_ids.h"
#include "sim/sim_projects.h"
#include "sim/sim_rng.h"

void sim_rec_id(const SimStore *st, size_t idx, char *out)
{
    sim_id(out, st->seed, K_REG, (uint32_t)idx, st->recs[idx].created_ms);
}

long sim_store_find(const SimStore *st, const char *id)
{
    unsigned kind;
    uint32_t counter;
    if (!sim_id_parse(id, &kind, &counter) || kind != K_REG || counter >= st->n)
        return -1;
    if (st->recs[counter].flags & RF_DELETED)
        return -1;
    char buf[SIM_ID_LEN + 1];
    sim_rec_id(st, counter, buf);
    return strcasecmp(buf, id) == 0 ? (long)counter : -1;
}

/* ---- cached orders ----------------------------------------------------------------- */

/* Alphabetical position of each status: the server sorts strings, not the enum. */
static const uint8_t status_rank[RS__COUNT] = {
    [RS_COMPLETED] = 0, [RS_COMPLETED_WITHOUT_KYC] = 1, [RS_EXPIRED] = 2, [RS_FAILED] = 3,
    [RS_NEEDS_MANUAL_VERIFICATION] = 4, [RS_ONGOING] = 5, [RS_STARTED] = 6,
};

typedef struct OrderCtx {
    const SimStore *st;
    SimSortKey key;
    const char **text; /* string keys: one pointer per record, so compares skip the pool walk */
} OrderCtx;

static int cmp_i64(int64_t a, int64_t b)
{
    return (a > b) - (a < b);
}

static int cmp_key(const OrderCtx *c, uint32_t a, uint32_t b)
{
    const SimRec *x = &c->st->recs[a], *y = &c->st->recs[b];
    switch (c->key) {
    case SK_CREATED: return cmp_i64(x->created_ms, y->created_ms);
    case SK_UPDATED: return cmp_i64(x->updated_ms, y->updated_ms);
    case SK_STATUS: return status_rank[x->status] - status_rank[y->status];
    case SK_REDFLAGS: return __builtin_popcount(x->redflags) - __builtin_popcount(y->redflags);
    case SK_EMAIL:
    case SK_NAME: return strcmp(c->text[a], c->text[b]);
    case SK_STEP: return strcmp(sim_step_name(x->step), sim_step_name(y->step));
    default: return 0;
    }
}

static int order_cmp(const void *pa, const void *pb, void *arg)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    int d = cmp_key(arg, a, b);
    return d ? d : (a > b) - (a < b);
}

const uint32_t *sim_store_order(SimStore *st, SimSortKey key)
{
    if (st->perm[key] && st->perm_ver[key] == st->key_ver[key])
        return st->perm[key];
    free(st->perm[key]);
    size_t n = st->n ? st->n : 1;
    uint32_t *p = xmalloc(n * sizeof *p);
    for (size_t i = 0; i < st->n; i++)
        p[i] = (uint32_t)i;
    OrderCtx c = { st, key, NULL };
    if (key == SK_EMAIL || key == SK_NAME) {
        c.text = xmalloc(n * sizeof *c.text);
        for (size_t i = 0; i < st->n; i++) {
            SimText t = sim_rec_text(st, &st->recs[i]);
            c.text[i] = key == SK_EMAIL ? t.email : t.name;
        }
    }
    if (key != SK_NATURAL)
        qsort_r(p, st->n, sizeof *p, order_cmp, &c);
    free(c.text);
    st->perm[key] = p;
    st->perm_ver[key] = st->key_ver[key];
    return p;
}

static void touch(SimStore *st, unsigned keys)
{
    for (int k = 0; k < SK__COUNT; k++)
        if (keys & (1u << k))
            st->key_ver[k]++;
}

/* ---- changes ------------------------------------------------------------------------ */

void sim_store_set_status(SimStore *st, size_t idx, SimStatus s, SimStep step, int64_t now_ms)
{
    SimRec *r = &st->recs[idx];
    st->counts[r->flow][r->status]--;
    st->counts[r->flow][s]++;
    r->status = (uint8_t)s;
    r->step = (uint8_t)step;
    r->updated_ms = now_ms;
    touch(st, 1u << SK_STATUS | 1u << SK_STEP | 1u << SK_UPDATED);
}

static SimExtra *extra_for(SimStore *st, size_t idx)
{
    SimRec *r = &st->recs[idx];
    if (!r->extra) {
        st->extras = xgrow(st->extras, &st->cap_extras, st->n_extras + 1, sizeof *st->extras);
        memset(&st->extras[st->n_extras], 0, sizeof *st->extras);
        r->extra = (uint32_t)++st->n_extras;
    }
    return &st->extras[r->extra - 1];
}

void sim_store_add_review(SimStore *st, size_t idx, SimStatus prev, SimStatus next,
                          const char *note, const char *reviewer, int64_t now_ms)
{
    SimExtra *e = extra_for(st, idx);
    e->log = xgrow(e->log, &e->cap, e->n + 1, sizeof *e->log);
    e->log[e->n++] = (SimReview){ (uint8_t)prev, (uint8_t)next, note ? xstrdup(note) : NULL,
                                  reviewer && *reviewer ? xstrdup(reviewer) : NULL, now_ms };
}

const SimExtra *sim_store_extra(const SimStore *st, size_t idx)
{
    uint32_t e = st->recs[idx].extra;
    return e ? &st->extras[e - 1] : NULL;
}

void sim_store_delete(SimStore *st, size_t idx)
{
    st->recs[idx].flags |= RF_DELETED;
    st->counts[st->recs[idx].flow][st->recs[idx].status]--;
    st->live--;
}

long sim_store_create(SimStore *st, const SimNewReg *in, int64_t now_ms)
{
    if (st->n >= SIM_ID_MAX_COUNTER)
        return -1;
    st->recs = xgrow(st->recs, &st->cap, st->n + 1, sizeof *st->recs);
    size_t idx = st->n;
    SimRec *r = &st->recs[idx];
    memset(r, 0, sizeof *r);
    r->rseed = (uint32_t)sim_mix2(st->seed ^ 0x6e6577ULL, idx);
    r->flow = (uint8_t)in->flow;
    r->status = r->gen_status = RS_STARTED;
    r->step = r->reach = STEP_NONE;
    r->variant = V_CREATED;
    r->split = (uint8_t)(in->split < 255 ? in->split : 0);
    r->created_ms = r->updated_ms = now_ms;
    r->text = sim_pool_add(st, in->name, in->email, in->phone, in->dial, "");
    SimExtra *e = extra_for(st, idx);
    strncpy(e->language, in->language, sizeof e->language - 1);
    st->n++;
    st->live++;
    st->counts[r->flow][r->status]++;
    touch(st, ~0u);
    return (long)idx;
}

long sim_store_find_email(const SimStore *st, unsigned project, const char *email)
{
    for (size_t i = 0; i < st->n; i++) {
        const SimRec *r = &st->recs[i];
        if ((r->flags & RF_DELETED) || sim_flow(r->flow)->project != project)
            continue;
        if (strcasecmp(sim_rec_text(st, r).email, email) == 0)
            return (long)i;
    }
    return -1;
}

long sim_store_find_phone(const SimStore *st, unsigned project, const char *dial,
                          const char *phone)
{
    for (size_t i = 0; i < st->n; i++) {
        const SimRec *r = &st->recs[i];
        if ((r->flags & RF_DELETED) || sim_flow(r->flow)->project != project)
            continue;
        SimText t = sim_rec_text(st, r);
        if (strcmp(t.phone, phone) == 0 && strcmp(t.dial, dial) == 0)
            return (long)i;
    }
    return -1;
}
