#include "sim/sim_data.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "sim/sim_names.h"
#include "sim/sim_projects.h"
#include "sim/sim_rng.h"

#define N(a) (sizeof(a) / sizeof *(a))

static const char *const status_names[RS__COUNT] = {
    "STARTED", "ONGOING", "COMPLETED", "COMPLETED_WITHOUT_KYC", "FAILED",
    "NEEDS_MANUAL_VERIFICATION", "EXPIRED",
};
static const char *const step_names[STEP__COUNT] = {
    "1", "instructions", "signUpForm", "basicInformation", "document", "liveness", "form",
    "end", "skipKYC",
};
static const char *const flag_names[FLAG__COUNT] = {
    "livenessFailed", "faceCompareFailed", "namesMismatch", "documentAttemptsExceeded",
    "blacklistHit", "sharedIdentity", "ipCountryMismatch", "multipleDevices",
};

const char *sim_status_name(SimStatus s)
{
    return s < RS__COUNT ? status_names[s] : "UNKNOWN";
}

/* The index of s in a table of n names, or -1. */
static int name_index(const char *const *names, int n, const char *s)
{
    for (int i = 0; i < n; i++)
        if (strcmp(s, names[i]) == 0)
            return i;
    return -1;
}

int sim_status_parse(const char *s)
{
    return name_index(status_names, RS__COUNT, s);
}

const char *sim_step_name(SimStep s)
{
    return s < STEP__COUNT ? step_names[s] : "1";
}

int sim_step_parse(const char *s)
{
    return name_index(step_names, STEP__COUNT, s);
}

const char *sim_flag_name(SimFlag f)
{
    return flag_names[f];
}

bool sim_cause_is_review(SimCause c)
{
    return c >= C_NMV_COMPARE_LOW && c <= C_NMV_STALE_THRESHOLD;
}

/* ---- the string pool ------------------------------------------------------------ */

static void pool_put(SimStore *st, const char *s)
{
    size_t n = strlen(s) + 1;
    st->pool = xgrow(st->pool, &st->pool_cap, st->pool_len + n, 1);
    memcpy(st->pool + st->pool_len, s, n);
    st->pool_len += n;
}

uint32_t sim_pool_add(SimStore *st, const char *name, const char *email, const char *phone,
                      const char *dial, const char *docnum)
{
    uint32_t off = (uint32_t)st->pool_len;
    pool_put(st, name);
    pool_put(st, email);
    pool_put(st, phone);
    pool_put(st, dial);
    pool_put(st, docnum);
    return off;
}

SimText sim_rec_text(const SimStore *st, const SimRec *r)
{
    SimText t;
    t.name = st->pool + r->text;
    t.email = t.name + strlen(t.name) + 1;
    t.phone = t.email + strlen(t.email) + 1;
    t.dial = t.phone + strlen(t.phone) + 1;
    t.docnum = t.dial + strlen(t.dial) + 1;
    return t;
}

/* ---- one generated registration --------------------------------------------------- */

static const unsigned status_weight[RS__COUNT] = { 9, 24, 33, 5, 10, 13, 6 };
static const unsigned flow_weight[SIM_FLOWS] = { 30, 10, 20, 10, 20, 10 };
/* NEEDS_MANUAL_VERIFICATION reasons, C_NMV_COMPARE_LOW .. C_NMV_STALE_THRESHOLD */
static const unsigned review_weight[] = { 25, 4, 20, 15, 12, 8, 8, 5, 3 };

static SimCause pick_review_cause(SimRng *r, const SimFlow *f, unsigned country)
{
    SimCause c = (SimCause)(C_NMV_COMPARE_LOW + sim_rng_weighted(r, review_weight,
                                                                 N(review_weight)));
    /* a name-match percentage exists only where the registry lookup runs */
    if (c == C_NMV_NAME_MATCH && !(f->verify_names && sim_country(country)->registry))
        c = C_NMV_COMPARE_LOW;
    return c;
}

/* currentStep of a registration still in progress: a step the flow does not skip. */
static SimStep pick_open_step(SimRng *r, const SimFlow *f, bool with_early)
{
    SimStep cand[8];
    size_t n = 0;
    if (with_early)
        cand[n++] = STEP_INSTRUCTIONS;
    cand[n++] = STEP_SIGNUP;
    if (f->steps[FS_BASIC] != REQ_SKIP)
        cand[n++] = STEP_BASIC;
    cand[n++] = STEP_DOCUMENT;
    cand[n++] = STEP_LIVENESS;
    return cand[sim_rng_below(r, (uint32_t)n)];
}

static void shape_finished(SimRec *rec, SimRng *r, const SimFlow *f)
{
    rec->step = rec->reach = STEP_END;
    if (rec->status == RS_NEEDS_MANUAL_VERIFICATION) {
        rec->cause = (uint8_t)pick_review_cause(r, f, rec->country);
    } else if (rec->status == RS_COMPLETED && sim_rng_pct(r, 12)) {
        rec->variant |= V_RESOLVED; /* approved after review: the evidence still shows why */
        rec->cause = (uint8_t)pick_review_cause(r, f, rec->country);
    } else if (rec->status == RS_FAILED) {
        static const unsigned w[] = { 40, 25, 20, 15 };
        rec->cause = (uint8_t)(C_FAIL_LIVENESS + sim_rng_weighted(r, w, N(w)));
        if (rec->cause == C_FAIL_LIVENESS)
            rec->reach = STEP_DOCUMENT;
        else if (rec->cause == C_FAIL_DOCUMENT)
            rec->reach = f->steps[FS_BASIC] == REQ_SKIP ? STEP_SIGNUP : STEP_BASIC;
        if (sim_rng_pct(r, 15)) { /* rejected by a reviewer instead */
            rec->variant |= V_RESOLVED;
            rec->cause = (uint8_t)pick_review_cause(r, f, rec->country);
            rec->reach = STEP_END;
        }
    }
}

static void shape_progress(SimRec *rec, SimRng *r, const SimFlow *f)
{
    switch ((SimStatus)rec->status) {
    case RS_STARTED:
        rec->step = rec->reach = sim_rng_pct(r, 80) ? STEP_NONE : STEP_INSTRUCTIONS;
        break;
    case RS_ONGOING:
    case RS_EXPIRED:
        rec->step = rec->reach = (uint8_t)pick_open_step(r, f, rec->status == RS_ONGOING);
        if (rec->step == STEP_DOCUMENT && sim_rng_pct(r, 50))
            rec->cause = C_STUCK_LIVENESS;
        else if ((rec->step == STEP_SIGNUP || rec->step == STEP_BASIC) && sim_rng_pct(r, 30))
            rec->cause = C_STUCK_DOCUMENT;
        break;
    case RS_COMPLETED_WITHOUT_KYC:
        rec->step = STEP_SKIPKYC;
        rec->reach = STEP_SIGNUP;
        break;
    default:
        shape_finished(rec, r, f);
        break;
    }
}

static void set_attempts(SimRec *rec, SimRng *r, const SimFlow *f)
{
    if (rec->reach >= STEP_SIGNUP || rec->step == STEP_SKIPKYC) {
        rec->fails[SF_EMAIL] = sim_rng_pct(r, 8) ? (uint8_t)sim_rng_range(r, 1, 2) : 0;
        rec->fails[SF_PHONE] = sim_rng_pct(r, 6) ? (uint8_t)sim_rng_range(r, 1, 2) : 0;
    }
    switch ((SimCause)rec->cause) {
    case C_FAIL_DOCUMENT:
        rec->fails[SF_DOC] = (uint8_t)f->doc_limit;
        break;
    case C_STUCK_DOCUMENT:
        rec->fails[SF_DOC] = (uint8_t)sim_rng_range(r, 1, f->doc_limit > 1 ? f->doc_limit - 1 : 1);
        break;
    case C_FAIL_LIVENESS:
        rec->fails[SF_BIO] = (uint8_t)(f->live_limit + sim_rng_range(r, 0, 2));
        break;
    case C_STUCK_LIVENESS:
        rec->fails[SF_BIO] = (uint8_t)sim_rng_range(r, 1, 3); /* quality rejects only */
        break;
    case C_NMV_LIVENESS_AT_MIN:
        rec->fails[SF_BIO] = (uint8_t)sim_rng_range(r, 1, 2);
        break;
    default:
        if (rec->reach >= STEP_DOCUMENT && rec->step != STEP_SKIPKYC && sim_rng_pct(r, 15))
            rec->fails[SF_DOC] = 1;
        if (rec->reach >= STEP_LIVENESS && sim_rng_pct(r, 25))
            rec->fails[SF_BIO] = (uint8_t)sim_rng_range(r, 1, 2);
        break;
    }
}

static void set_flags(SimRec *rec, SimRng *r)
{
    unsigned m = 0;
    switch ((SimCause)rec->cause) {
    case C_FAIL_LIVENESS:
    case C_NMV_LIVENESS_AT_MIN: m |= 1u << FLAG_LIVENESS; break;
    case C_FAIL_COMPARE:
    case C_NMV_COMPARE_LOW: m |= 1u << FLAG_COMPARE; break;
    case C_NMV_NAME_MATCH: m |= 1u << FLAG_NAMES; break;
    case C_FAIL_DOCUMENT: m |= 1u << FLAG_DOC_ATTEMPTS; break;
    case C_FAIL_BLACKLIST: m |= 1u << FLAG_BLACKLIST; break;
    default: break;
    }
    if (rec->flags & RF_SHARES_IDENTITY)
        m |= 1u << FLAG_SHARED_IDENTITY;
    bool risky = rec->status == RS_FAILED || rec->status == RS_NEEDS_MANUAL_VERIFICATION;
    if (sim_rng_pct(r, risky ? 20 : 4))
        m |= 1u << FLAG_IP_COUNTRY;
    if (sim_rng_pct(r, risky ? 15 : 3))
        m |= 1u << FLAG_DEVICES;
    if (risky && sim_rng_pct(r, 10))
        m |= 1u << FLAG_BLACKLIST;
    rec->redflags = (uint8_t)m;
}

int64_t sim_rec_step_ms(const SimRec *r)
{
    return 60000 + (int64_t)(r->rseed % 300000);
}

int64_t sim_rec_finished_ms(const SimRec *r, int64_t now_ms)
{
    int64_t dur = (int64_t)(r->reach + 2) * sim_rec_step_ms(r);
    dur += (int64_t)r->fails[SF_BIO] * 45000 + (int64_t)r->fails[SF_DOC] * 90000;
    if (r->variant & V_RESOLVED) /* waited in the review queue */
        dur += (int64_t)(1 + (r->rseed >> 8) % 40) * 3600000LL;
    if (r->status == RS_EXPIRED)
        dur += 3600000LL;
    return r->created_ms + dur > now_ms ? now_ms : r->created_ms + dur;
}

/* Registrations arrive in index order over the last 90 days, with jitter, so ids grow
 * with time as ObjectIds do, and a scan in createdAt order walks memory sequentially. */
static void set_times(SimRec *rec, SimRng *r, uint32_t i, uint32_t count, int64_t now_ms)
{
    const int64_t span = 90LL * 86400000LL;
    int64_t slot = span / (count ? count : 1);
    rec->created_ms = now_ms - span + (int64_t)((double)span * i / (count ? count : 1)) +
                      (int64_t)(sim_rng_unit(r) * (double)slot);
    rec->updated_ms = sim_rec_finished_ms(rec, now_ms);
}

static void set_variants(SimRec *rec, SimRng *r, bool hostile)
{
    if (sim_rng_pct(r, 3))
        rec->variant |= V_NAME_KEY;
    if (sim_rng_pct(r, 3))
        rec->variant |= V_DUP_ID;
    if (sim_rng_pct(r, 2))
        rec->variant |= V_LOWER_STATUS;
    if (sim_rng_pct(r, 5))
        rec->variant |= V_PERCENT;
    if (hostile && sim_rng_pct(r, 20))
        rec->variant |= V_HOSTILE;
}

/* Who registered: usually a new person; sometimes someone seen before (same e-mail,
 * same phone, or — the fraud signal — the same document number under another name). */
static void set_identity(SimStore *st, SimRec *rec, uint32_t i, SimRng *r)
{
    SimPerson p;
    int dup = i > 10 && sim_rng_pct(r, 3) ? (int)sim_rng_range(r, 1, 4) : 0;
    uint32_t j = dup ? i - 1 - sim_rng_below(r, i - 1 < 5000 ? i - 1 : 5000) : i;
    const SimRec *src = &st->recs[j];
    if (dup == 1 || dup == 2) /* the same person again */
        rec->country = src->country;
    sim_person_make(&p, sim_mix2(st->seed ^ 0x7065727336ULL, dup <= 2 ? j : i), rec->country);
    char phone[24], dial[8], docnum[24];
    snprintf(phone, sizeof phone, "%s", p.phone);
    snprintf(dial, sizeof dial, "%s", sim_country(rec->country)->dial);
    snprintf(docnum, sizeof docnum, "%s", p.docnum);
    if (dup) {
        SimText t = sim_rec_text(st, src);
        if (dup == 3) {
            snprintf(phone, sizeof phone, "%s", t.phone);
            snprintf(dial, sizeof dial, "%s", t.dial);
        }
        if (dup == 4)
            snprintf(docnum, sizeof docnum, "%s", t.docnum);
        rec->flags |= RF_SHARES_IDENTITY;
    }
    const char *email = p.email;
    if (!dup && sim_rng_pct(r, 4))
        email = "";
    else if (!dup && sim_rng_pct(r, 4))
        phone[0] = dial[0] = '\0';
    rec->split = (uint8_t)p.split;
    if (p.east_asian)
        rec->variant |= V_EAST_ASIAN;
    rec->text = sim_pool_add(st, p.full, email, phone, dial, docnum);
}

static void gen_one(SimStore *st, uint32_t i, uint32_t count, bool hostile)
{
    SimRng r;
    sim_rng_init(&r, sim_mix2(st->seed, i));
    SimRec *rec = &st->recs[i];
    memset(rec, 0, sizeof *rec);
    rec->rseed = (uint32_t)sim_rng_next(&r);
    rec->flow = (uint8_t)sim_rng_weighted(&r, flow_weight, SIM_FLOWS);
    const SimFlow *f = sim_flow(rec->flow);
    rec->country = (uint8_t)sim_project_pick_country(f->project, &r);
    set_identity(st, rec, i, &r);
    rec->status = (uint8_t)sim_rng_weighted(&r, status_weight, RS__COUNT);
    if (rec->status == RS_COMPLETED_WITHOUT_KYC && !sim_flow_allows_skip(f))
        rec->status = RS_COMPLETED;
    shape_progress(rec, &r, f);
    set_attempts(rec, &r, f);
    set_flags(rec, &r);
    set_variants(rec, &r, hostile);
    set_times(rec, &r, i, count, st->now_ms);
    rec->gen_status = rec->status;
}

SimStore *sim_store_generate(uint64_t seed, uint32_t count, int64_t now_ms, bool hostile)
{
    SimStore *st = xcalloc(1, sizeof *st);
    pthread_mutex_init(&st->lock, NULL);
    st->seed = seed;
    st->now_ms = now_ms;
    st->cap = count ? count : 1;
    st->recs = xmalloc(st->cap * sizeof *st->recs);
    st->pool_cap = (size_t)count * 80 + 64;
    st->pool = xmalloc(st->pool_cap);
    for (uint32_t i = 0; i < count; i++) {
        gen_one(st, i, count, hostile);
        st->counts[st->recs[i].flow][st->recs[i].status]++;
    }
    st->n = st->live = count;
    return st;
}

void sim_store_same_person(SimStore *st)
{
    if (!st->n)
        return;
    const SimRec *first = &st->recs[0];
    for (size_t i = 1; i < st->n; i++) {
        SimRec *r = &st->recs[i];
        r->text = first->text;
        r->country = first->country;
        r->split = first->split;
        r->variant = (uint8_t)((r->variant & ~V_EAST_ASIAN) | (first->variant & V_EAST_ASIAN));
        r->flags |= RF_SHARES_IDENTITY;
        r->created_ms = first->created_ms;
        r->updated_ms = sim_rec_finished_ms(r, st->now_ms);
    }
}

void sim_store_free(SimStore *st)
{
    if (!st)
        return;
    for (size_t i = 0; i < st->n_extras; i++) {
        for (size_t k = 0; k < st->extras[i].n; k++) {
            free(st->extras[i].log[k].note);
            free(st->extras[i].log[k].reviewer);
        }
        free(st->extras[i].log);
    }
    free(st->extras);
    for (int k = 0; k < SK__COUNT; k++)
        free(st->perm[k]);
    free(st->recs);
    free(st->pool);
    pthread_mutex_destroy(&st->lock);
    free(st);
}
