#ifndef REGDESK_TESTS_TESTMODEL_H
#define REGDESK_TESTS_TESTMODEL_H
/* A dashboard model for tests: no curses, no worker. Its jobs are recorded (and get ids,
 * as the worker's would), its clock is a number the test moves, and results are built
 * here the way the worker posts them. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/model.h"

typedef struct FakeJobs {
    int lists, retrieves, cancels, overrides, resends, creates;
    uint64_t last_job;
    uint64_t last_gen;     /* of the last job posted */
    char last_id[64];      /* of the last retrieve, override or resend */
    ListQuery last_query;  /* of the last list */
    char last_sort[32];
    Status last_to;        /* of the last override */
    char last_note[512];
    CreateParams last_create;
    uint64_t cancelled_below;
    int job_cancels;
    uint64_t cancelled_job; /* the last one cancelled alone */
} FakeJobs;

/* The audit log and the clipboard, recorded. */
typedef struct FakeHost {
    bool refuse;           /* the audit log cannot be written */
    int lines;
    AuditEvent last;       /* the last line (its strings copied below) */
    char action[32], id[64], from[40], to[40];
    StrBuf line;           /* the last line, formatted as the log writes it */
    char copied[1100];
    int copies;
} FakeHost;

/* The test's clock (monotonic ms); every TestModel reads it. */
extern int64_t tm_clock;

typedef struct TestModel {
    Model m;
    FakeJobs jobs;
    FakeHost host;
} TestModel;

/* A model on a wide screen (the detail beside the list, 20 list rows) with the clock at
 * 1000 and no record; personal data masked with the default set, reveals last 60 s. */
void tm_init(TestModel *t);
/* The same with the live refresh every refresh_ms. */
void tm_init_refresh(TestModel *t, long refresh_ms);
void tm_free(TestModel *t);
/* tm_init, a list load started (one list job), and its first page of n records
 * (tm_page); returns the model. */
Model *tm_start(TestModel *t, size_t n);
/* The geometry of a wide (detail shown) or narrow terminal; returns the reactions. */
unsigned tm_screen(TestModel *t, bool detail_shown);

/* A summary with id `id`, created at created_ms, in status st. */
Summary *tm_summary(const char *id, Status st, int64_t created_ms);
/* A page of n records r0…r(n-1), newest first, as the worker posts it (generation: the
 * model's current one); returns model_apply's reactions. */
unsigned tm_page(TestModel *t, size_t n);
/* One summary as a page of one (an update from the server). */
unsigned tm_page_of(TestModel *t, Summary *s);
/* tm_init, then each of s[0..n) as a page of its own, then model_flush: the list shows them. */
Model *tm_list_of(TestModel *t, Summary *const *s, size_t n);
/* A record from `in` put into st, and v told it is new or changed (no model involved). */
void tm_put_noted(Store *st, View *v, const SummaryInit *in);
/* The populated record arriving for the last retrieve (json: its body). */
unsigned tm_detail(TestModel *t, const char *json);
/* The list load finishing. */
unsigned tm_done(TestModel *t, int failed_pages);
/* A server whose registrations are truth[0..n): answers the last list job the way the API
 * would (only the statuses it asked for, when it asked for some) with one page and the
 * end of the load; returns the reactions. truth stays the caller's. */
unsigned tm_serve(TestModel *t, Summary *const *truth, size_t n);
/* The answer to the last job (a retrieve or an override): a record (json), an error
 * (http, message), or RES_DONE. */
unsigned tm_answer_record(TestModel *t, const char *json);
unsigned tm_answer_error(TestModel *t, ErrorClass ec, int http, const char *message);
unsigned tm_answer_done(TestModel *t);
/* Moves the clock to `ms` and runs the model's timers; *next gets the next deadline. */
unsigned tm_tick_at(TestModel *t, int64_t ms, int64_t *next);

#endif
