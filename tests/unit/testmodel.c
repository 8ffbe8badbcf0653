/* A dashboard model for tests (testmodel.h). */
#include "testmodel.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../testutil.h"
#include "core/pii.h"

int64_t tm_clock;

static int64_t clock_now(void)
{
    return tm_clock;
}

static uint64_t fake_list(void *ctx, const ListQuery *q, uint64_t gen)
{
    FakeJobs *j = ctx;
    j->lists++;
    j->last_gen = gen;
    j->last_query = *q;
    snprintf(j->last_sort, sizeof j->last_sort, "%s", q->sort ? q->sort : "");
    return ++j->last_job;
}

static uint64_t fake_retrieve(void *ctx, const char *id, uint64_t gen)
{
    FakeJobs *j = ctx;
    j->last_gen = gen;
    j->retrieves++;
    snprintf(j->last_id, sizeof j->last_id, "%s", id);
    return ++j->last_job;
}

static void fake_cancel(void *ctx, uint64_t gen)
{
    FakeJobs *j = ctx;
    j->cancels++;
    j->cancelled_below = gen;
}

static uint64_t fake_override(void *ctx, const char *id, Status to, const char *note, uint64_t gen)
{
    FakeJobs *j = ctx;
    j->overrides++;
    j->last_gen = gen;
    j->last_to = to;
    snprintf(j->last_id, sizeof j->last_id, "%s", id);
    snprintf(j->last_note, sizeof j->last_note, "%s", note);
    return ++j->last_job;
}

static uint64_t fake_resend(void *ctx, const char *id, bool email, uint64_t gen)
{
    (void)email;
    FakeJobs *j = ctx;
    j->resends++;
    j->last_gen = gen;
    snprintf(j->last_id, sizeof j->last_id, "%s", id);
    return ++j->last_job;
}

static uint64_t fake_create(void *ctx, const CreateParams *p, uint64_t gen)
{
    FakeJobs *j = ctx;
    j->creates++;
    j->last_gen = gen;
    j->last_create = *p; /* the pointers are the model's, alive until it answers */
    return ++j->last_job;
}

static bool fake_ready(void *ctx, char *err, size_t n)
{
    FakeHost *h = ctx;
    if (h->refuse)
        snprintf(err, n, "the audit log /x/audit.log cannot be written (Read-only file system)");
    return !h->refuse;
}

static bool fake_audit(void *ctx, const AuditEvent *ev, char *err, size_t n)
{
    FakeHost *h = ctx;
    if (h->refuse) {
        snprintf(err, n, "the audit log /x/audit.log could not take its line (No space left on device)");
        return false;
    }
    h->lines++;
    h->last = *ev;
    snprintf(h->action, sizeof h->action, "%s", ev->action);
    snprintf(h->id, sizeof h->id, "%s", ev->id ? ev->id : "");
    snprintf(h->from, sizeof h->from, "%s", ev->from ? ev->from : "");
    snprintf(h->to, sizeof h->to, "%s", ev->to ? ev->to : "");
    strbuf_reset(&h->line);
    AuditStamp st = { 1, "lucia", "bastion", "dashboard", "127.0.0.1" };
    audit_format(&st, ev, &h->line);
    return true;
}

static bool fake_copy(void *ctx, const char *text)
{
    FakeHost *h = ctx;
    h->copies++;
    snprintf(h->copied, sizeof h->copied, "%s", text);
    return true;
}

static void fake_cancel_job(void *ctx, uint64_t job)
{
    FakeJobs *j = ctx;
    j->job_cancels++;
    j->cancelled_job = job;
}

void tm_init(TestModel *t)
{
    tm_init_refresh(t, 0);
}

void tm_init_refresh(TestModel *t, long refresh_ms)
{
    memset(t, 0, sizeof *t);
    tm_clock = 1000;
    t->host.line = (StrBuf)STRBUF_INIT;
    ModelEnv env = { .jobs = { &t->jobs, fake_list, fake_retrieve, fake_cancel, fake_cancel_job, fake_override,
                               fake_resend, fake_create },
                     .host = { &t->host, fake_ready, fake_audit, fake_copy },
                     .sort = { SORT_CREATED, true },
                     .refresh_ms = refresh_ms,
                     .mask = MASK_DEFAULT, /* as the dashboard starts */
                     .reveal_secs = 60,
                     .fixed_now = 1748174400000LL, /* 2025-05-25T12:00Z */
                     .mono = clock_now,
                     .request_timeout_ms = 60000 };
    model_init(&t->m, &env);
    tm_screen(t, true);
}

Model *tm_start(TestModel *t, size_t n)
{
    tm_init(t);
    model_load(&t->m, true);
    tm_page(t, n);
    return &t->m;
}

void tm_free(TestModel *t)
{
    model_free(&t->m);
    strbuf_free(&t->host.line);
}

unsigned tm_screen(TestModel *t, bool detail_shown)
{
    Geometry g = { .wide = detail_shown, .detail_shown = detail_shown, .list_rows = 20, .detail_rows = 30,
                   .detail_width = 80 };
    return model_set_geometry(&t->m, &g);
}

Summary *tm_summary(const char *id, Status st, int64_t created_ms)
{
    SummaryInit in = { .status = st, .created_ms = created_ms, .updated_ms = created_ms };
    in.str[SS_ID] = id;
    in.str[SS_EMAIL] = "same@example.org";
    return summary_new(&in);
}

static unsigned apply_page(TestModel *t, Summary **items, size_t n)
{
    Result r = { .kind = RES_PAGE, .generation = t->m.gen, .job = t->m.load.job };
    r.page.items = items;
    r.page.n = n;
    r.loaded = (long)(t->m.store.n + n);
    r.total = -1;
    unsigned react = model_apply(&t->m, &r);
    for (size_t i = 0; i < r.page.n; i++) /* what the model did not take */
        free(r.page.items[i]);
    return react;
}

unsigned tm_page(TestModel *t, size_t n)
{
    Summary **items = calloc(n ? n : 1, sizeof *items);
    for (size_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "r%zu", i);
        items[i] = tm_summary(id, ST_ONGOING, 1000 * (int64_t)(n - i));
    }
    unsigned r = apply_page(t, items, n);
    free(items);
    return r;
}

unsigned tm_page_of(TestModel *t, Summary *s)
{
    Summary *items[1] = { s };
    return apply_page(t, items, 1);
}

Model *tm_list_of(TestModel *t, Summary *const *s, size_t n)
{
    tm_init(t);
    for (size_t i = 0; i < n; i++)
        tm_page_of(t, s[i]);
    model_flush(&t->m);
    return &t->m;
}

void tm_put_noted(Store *st, View *v, const SummaryInit *in)
{
    bool ins;
    size_t idx = store_put(st, summary_new(in), &ins);
    if (ins)
        view_note_new(v, (uint32_t)idx);
    else
        view_note_changed(v, (uint32_t)idx);
}

unsigned tm_detail(TestModel *t, const char *json)
{
    Result r = { .kind = RES_DETAIL, .generation = t->m.gen, .job = t->jobs.last_job };
    r.detail = tu_detail(json);
    unsigned react = model_apply(&t->m, &r);
    if (r.detail)
        detail_free(r.detail);
    return react;
}

unsigned tm_done(TestModel *t, int failed_pages)
{
    Result r = { .kind = RES_LIST_DONE, .generation = t->m.gen, .job = t->m.load.job,
                 .loaded = (long)t->m.store.n, .total = (long)t->m.store.n, .failed_pages = failed_pages };
    return model_apply(&t->m, &r);
}

unsigned tm_tick_at(TestModel *t, int64_t ms, int64_t *next)
{
    tm_clock = ms;
    int64_t n;
    return model_tick(&t->m, next ? next : &n);
}

static bool asked_for(const ServerParams *sp, const Summary *s)
{
    if (!sp->n_status)
        return true;
    for (size_t i = 0; i < sp->n_status; i++)
        if (sp->in_status[i] == summary_status(s))
            return true;
    return false;
}

unsigned tm_serve(TestModel *t, Summary *const *truth, size_t n)
{
    Summary **items = calloc(n ? n : 1, sizeof *items);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (asked_for(&t->jobs.last_query.server, truth[i])) {
            items[k] = malloc(summary_size(truth[i]));
            memcpy(items[k++], truth[i], summary_size(truth[i]));
        }
    unsigned r = apply_page(t, items, k);
    free(items);
    return r | tm_done(t, 0);
}

unsigned tm_answer_record(TestModel *t, const char *json)
{
    Result r = { .kind = RES_DETAIL, .generation = t->jobs.last_gen, .job = t->jobs.last_job, .http = 200 };
    r.detail = tu_detail(json);
    unsigned react = model_apply(&t->m, &r);
    if (r.detail)
        detail_free(r.detail);
    return react;
}

unsigned tm_answer_error(TestModel *t, ErrorClass ec, int http, const char *message)
{
    Result r = { .kind = RES_ERROR, .generation = t->jobs.last_gen, .job = t->jobs.last_job, .error = ec,
                 .http = http };
    snprintf(r.message, sizeof r.message, "%s", message);
    return model_apply(&t->m, &r);
}

unsigned tm_answer_done(TestModel *t)
{
    Result r = { .kind = RES_DONE, .generation = t->jobs.last_gen, .job = t->jobs.last_job, .http = 200 };
    return model_apply(&t->m, &r);
}
