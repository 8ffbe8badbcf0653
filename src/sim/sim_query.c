#include "sim/sim_query.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/timeutil.h"
#include "sim/sim_fault.h"
#include "sim/sim_emit.h"
#include "sim/sim_ids.h"
#include "sim/sim_projects.h"
#include "sim/sim_store.h"

enum { ALL_STATUSES = (1u << RS__COUNT) - 1 };

static bool parse_count(const char *s, unsigned *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < 0 || v > 1000000000L)
        return false;
    *out = (unsigned)v;
    return true;
}

static bool parse_size(const SimReq *rq, const char *key, unsigned *limit, char *err, size_t n)
{
    const char *v = sim_req_arg(rq, key);
    if (!v)
        return true;
    unsigned x;
    if (!parse_count(v, &x) || x < 1 || x > 100) {
        snprintf(err, n, "Invalid parameter: %s must be between 1 and 100", key);
        return false;
    }
    *limit = x;
    return true;
}

static bool parse_date(const SimReq *rq, const char *key, int64_t *out, char *err, size_t n)
{
    const char *v = sim_req_arg(rq, key);
    if (v && !time_parse_iso(v, out)) {
        snprintf(err, n, "Invalid parameter: %s must be an ISO-8601 date", key);
        return false;
    }
    return true;
}

static unsigned status_bit(const char *v)
{
    int s = sim_status_parse(v);
    return s < 0 ? 0 : 1u << s;
}

static void parse_statuses(const SimReq *rq, SimQuery *q)
{
    unsigned in = 0;
    bool any_in = false;
    for (size_t i = 0; i < rq->n_args; i++) {
        const char *k = rq->args[i].key;
        if (strcmp(k, "in_status[]") == 0 || strcmp(k, "in_status") == 0) {
            in |= status_bit(rq->args[i].value);
            any_in = true;
        }
    }
    const char *where = sim_req_arg(rq, "where_status");
    q->status_mask = (where ? status_bit(where) : ALL_STATUSES) & (any_in ? in : ALL_STATUSES);
}

/* -1 when the filter was not given, -2 when its value matches nothing. */
static int filter_value(const char *given, int found)
{
    return !given ? -1 : found >= 0 ? found : -2;
}

static void parse_refs(const SimReq *rq, uint64_t seed, SimQuery *q)
{
    const char *v = sim_req_arg(rq, "where_project");
    q->project = filter_value(v, v ? sim_project_find(seed, v) : -1);
    v = sim_req_arg(rq, "where_projectFlow");
    q->flow = filter_value(v, v ? sim_flow_find(seed, v) : -1);
    v = sim_req_arg(rq, "where_currentStep");
    q->step = filter_value(v, v ? sim_step_parse(v) : -1);
}

/* Case folding for like_: ASCII and the Latin-1 capitals À–Þ (UTF-8 C3 80–9E). Accents
 * are kept, so "jose" ≠ "josé". prev is the byte before c. */
static unsigned char fold_byte(unsigned char prev, unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return (unsigned char)(c + 32);
    if (prev == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97)
        return (unsigned char)(c + 0x20);
    return c;
}

static void fold(const char *s, char *out, size_t n)
{
    size_t o = 0;
    for (unsigned char prev = 0; *s && o + 1 < n; prev = (unsigned char)*s++)
        out[o++] = (char)fold_byte(prev, (unsigned char)*s);
    out[o] = '\0';
}

static void parse_likes(const SimReq *rq, SimQuery *q)
{
    static const char *const and_keys[LIKE__COUNT] = { "like_name", "like_email", "like_phone" };
    static const char *const or_keys[LIKE__COUNT] = { "?like_name", "?like_email", "?like_phone" };
    for (int i = 0; i < LIKE__COUNT; i++) {
        const char *v = sim_req_arg(rq, and_keys[i]), *o = sim_req_arg(rq, or_keys[i]);
        fold(v ? v : "", q->like[i], sizeof q->like[i]);
        fold(o ? o : "", q->or_like[i], sizeof q->or_like[i]);
    }
}

static void parse_sort(const SimReq *rq, SimQuery *q)
{
    static const struct {
        const char *field;
        SimSortKey key;
    } fields[] = {
        { "createdAt", SK_CREATED }, { "updatedAt", SK_UPDATED }, { "status", SK_STATUS },
        { "redFlags", SK_REDFLAGS }, { "email", SK_EMAIL },       { "fullName", SK_NAME },
        { "name", SK_NAME },         { "currentStep", SK_STEP },  { "_id", SK_NATURAL },
    };
    const char *v = sim_req_arg(rq, "sort");
    q->sort = SK_CREATED;
    q->desc = true;
    if (!v || !*v)
        return;
    q->desc = *v == '-';
    if (*v == '-' || *v == '+')
        v++;
    size_t len = strcspn(v, " ,"); /* multi-field sorts: only the first field counts */
    q->sort = SK_NATURAL;          /* an unknown field leaves the natural order */
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (strlen(fields[i].field) == len && strncmp(v, fields[i].field, len) == 0)
            q->sort = fields[i].key;
}

uint32_t sim_query_populates(const SimReq *rq)
{
    uint32_t pop = 0;
    for (size_t i = 0; i < rq->n_args; i++)
        if (strcmp(rq->args[i].key, "populates[]") == 0 || strcmp(rq->args[i].key, "populates") == 0)
            pop |= sim_populate_bits(rq->args[i].value);
    return pop;
}

bool sim_query_parse(const SimReq *rq, uint64_t seed, SimQuery *q, char *err, size_t n)
{
    memset(q, 0, sizeof *q);
    q->page = 1;
    q->limit = 10;
    const char *page = sim_req_arg(rq, "page");
    if (page && (!parse_count(page, &q->page) || q->page < 1)) {
        snprintf(err, n, "Invalid parameter: page must be a positive integer");
        return false;
    }
    /* limit wins over perPage when both are sent */
    if (!parse_size(rq, "perPage", &q->limit, err, n) || !parse_size(rq, "limit", &q->limit, err, n))
        return false;
    q->gte = INT64_MIN;
    q->lte = INT64_MAX;
    if (!parse_date(rq, "whereGTE_createdAt", &q->gte, err, n) ||
        !parse_date(rq, "whereLTE_createdAt", &q->lte, err, n))
        return false;
    parse_statuses(rq, q);
    parse_refs(rq, seed, q);
    parse_likes(rq, q);
    parse_sort(rq, q);
    q->pop = sim_query_populates(rq);
    return true;
}

/* Is the folded needle a substring of hay, folding hay on the fly? */
static bool like(const char *hay, const char *needle)
{
    for (size_t i = 0; hay[i]; i++) {
        size_t j = 0;
        while (needle[j] && hay[i + j] &&
               fold_byte(i + j ? (unsigned char)hay[i + j - 1] : 0, (unsigned char)hay[i + j]) ==
                   (unsigned char)needle[j])
            j++;
        if (!needle[j])
            return true;
    }
    return false;
}

static bool like_field(const SimStore *st, const SimRec *r, int field, const char *needle)
{
    const char *name = st->pool + r->text; /* the pool holds name, email, phone, dial */
    if (field == LIKE_NAME)
        return like(name, needle);
    const char *email = name + strlen(name) + 1;
    if (field == LIKE_EMAIL)
        return like(email, needle);
    SimText t = sim_rec_text(st, r);
    char full[48]; /* phone matches with or without its dial code */
    snprintf(full, sizeof full, "%s%s", t.dial, t.phone);
    return like(full, needle);
}

static bool match_likes(const SimStore *st, const SimQuery *q, const SimRec *r)
{
    bool any_or = false, or_hit = false;
    for (int i = 0; i < LIKE__COUNT; i++) {
        if (q->like[i][0] && !like_field(st, r, i, q->like[i]))
            return false;
        if (q->or_like[i][0]) {
            any_or = true;
            or_hit = or_hit || like_field(st, r, i, q->or_like[i]);
        }
    }
    return !any_or || or_hit;
}

static bool has_likes(const SimQuery *q)
{
    for (int i = 0; i < LIKE__COUNT; i++)
        if (q->like[i][0] || q->or_like[i][0])
            return true;
    return false;
}

bool sim_query_match(const SimStore *st, const SimQuery *q, const SimRec *r)
{
    if (!(q->status_mask & (1u << r->status)))
        return false;
    if (q->flow != -1 && q->flow != r->flow)
        return false;
    if (q->project != -1 && q->project != (int)sim_flow(r->flow)->project)
        return false;
    if (q->step != -1 && q->step != r->step)
        return false;
    if (r->created_ms < q->gte || r->created_ms > q->lte)
        return false;
    return !has_likes(q) || match_likes(st, q, r);
}

/* For filters on status, project and flow only, the total comes from the store's
 * counts, so the scan can stop as soon as the page is full. -1 when a scan must count. */
static long counted_total(const SimStore *st, const SimQuery *q)
{
    if (q->step != -1 || q->gte != INT64_MIN || q->lte != INT64_MAX || has_likes(q))
        return -1;
    long total = 0;
    for (int f = 0; f < SIM_FLOWS; f++) {
        if ((q->flow != -1 && q->flow != f) ||
            (q->project != -1 && q->project != (int)sim_flow((unsigned)f)->project))
            continue;
        for (int s = 0; s < RS__COUNT; s++)
            if (q->status_mask & (1u << s))
                total += (long)st->counts[f][s];
    }
    return total;
}

void sim_query_fault(SimQuery *q, int fault, unsigned dupes_n, unsigned drift_n)
{
    switch ((SimFaultKind)fault) {
    case FK_DUPES: q->start_early = dupes_n * (q->page - 1); break;
    case FK_DRIFT: q->total_extra = (long)drift_n * (long)(q->page - 1); break;
    case FK_ENDLESS: q->endless = true; break;
    case FK_GROWING: q->growing = true; break;
    case FK_WRONGPAGE: q->page = 1; break;
    case FK_WRONGLIMIT: q->limit = q->limit > 1 ? q->limit / 2 : 1; break;
    default: break;
    }
}

/* Past the end of the data an endless page goes on with records of the data under fresh
 * ids, so nothing collapses as a duplicate. */
static void emit_endless(SimStore *st, const SimQuery *q, JsonW *w, uint64_t from)
{
    const uint32_t *order = sim_store_order(st, q->sort);
    for (uint64_t k = from; k < (uint64_t)(q->page - 1) * q->limit + q->limit && st->n; k++) {
        char id[SIM_ID_LEN + 1];
        snprintf(id, sizeof id, "e%011llx%012llx", (unsigned long long)q->page & 0xFFFFFFFFFFFULL,
                 (unsigned long long)k & 0xFFFFFFFFFFFFULL);
        sim_emit_registration_as(w, st, order[k % st->n], q->pop, id);
    }
}

void sim_query_page(SimStore *st, const SimQuery *q, JsonW *w)
{
    const uint32_t *order = sim_store_order(st, q->sort);
    uint64_t first = (uint64_t)(q->page - 1) * q->limit;
    first = first > q->start_early ? first - q->start_early : 0;
    uint64_t end = first + q->limit;
    long known = counted_total(st, q);
    uint64_t total = 0, served = 0;
    jw_obj(w);
    jw_karr(w, "data");
    for (size_t i = 0; i < st->n; i++) {
        uint32_t idx = order[q->desc ? st->n - 1 - i : i];
        const SimRec *r = &st->recs[idx];
        if ((r->flags & RF_DELETED) || !sim_query_match(st, q, r))
            continue;
        if (total >= first && total < end) {
            sim_emit_registration(w, st, idx, q->pop);
            served++;
        }
        total++;
        if (known >= 0 && total >= end)
            break;
    }
    if (known >= 0)
        total = (uint64_t)known;
    if ((q->endless || q->growing) && served < end - first)
        emit_endless(st, q, w, first + served);
    jw_arr_end(w);
    if (q->growing)
        total = (uint64_t)q->page * q->limit + 1;
    total += (uint64_t)q->total_extra;
    if (!q->endless)
        jw_kint(w, "total", (long long)total);
    jw_kint(w, "limit", q->limit);
    jw_kint(w, "page", q->page);
    if (!q->endless)
        jw_kint(w, "pages", (long long)((total + q->limit - 1) / q->limit));
    jw_obj_end(w);
}
