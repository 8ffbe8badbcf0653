/* A run of complete records from the dump splitter, and its parse: the records' text
 * through cJSON, BATCH records at a time (in the parser's arena, reset per batch), into
 * summaries. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/parse_internal.h"
#include "core/parse_run.h"
#include "core/xalloc.h"

struct RunParser {
    JsonArena arena;
    const JsonLock *lock;
};

RunParser *rrun_parser_new(const JsonLock *lock)
{
    RunParser *p = xmalloc(sizeof *p);
    json_arena_init(&p->arena, false);
    p->lock = lock;
    return p;
}

void rrun_parser_free(RunParser *p)
{
    if (!p)
        return;
    json_arena_free(&p->arena);
    free(p);
}

RecordRun *rrun_new(void)
{
    return xcalloc(1, sizeof(RecordRun));
}

void rrun_free(RecordRun *run)
{
    if (!run)
        return;
    for (size_t i = 0; i < run->nout; i++)
        free(run->out[i]);
    free(run->out);
    free(run->recs);
    strbuf_free(&run->text);
    free(run);
}

void rrun_clear(RecordRun *run)
{
    strbuf_reset(&run->text);
    run->n = run->nout = run->skipped = 0;
    run->failed = false;
}

void rrun_begin_record(RecordRun *run, uint64_t at)
{
    run->recs = xgrow(run->recs, &run->cap, run->n + 1, sizeof *run->recs);
    run->recs[run->n] = (RunRecord){ run->text.len, 0, at, run->skipped, false };
}

size_t rrun_open_len(const RecordRun *run)
{
    return run->text.len - run->recs[run->n].off;
}

void rrun_end_record(RecordRun *run, bool plain)
{
    RunRecord *r = &run->recs[run->n];
    r->len = run->text.len - r->off;
    r->plain = plain;
    strbuf_putc(&run->text, '\0'); /* json_parse wants the text NUL-terminated */
    run->n++;
}

void rrun_skip(RecordRun *run)
{
    run->skipped++;
}

size_t rrun_skipped(const RecordRun *run)
{
    return run->failed ? run->recs[run->nout].skipped_before : run->skipped;
}

size_t rrun_records(const RecordRun *run)
{
    return run->n;
}

/* Records parsed under one hold of the parser's lock (core/json.h): then their summaries
 * are built with the lock free for another thread's batch. */
enum { BATCH = 64 };

static void parse_batch(RunParser *p, RecordRun *run, size_t from, size_t n, Arena *scratch)
{
    /* Zeroed: gcc's ASan build cannot see that n > 0 fills them (maybe-uninitialized). */
    const char *texts[BATCH] = { 0 };
    size_t lens[BATCH] = { 0 };
    bool plain[BATCH] = { 0 };
    cJSON *roots[BATCH];
    JsonError errs[BATCH];
    for (size_t i = 0; i < n; i++) {
        texts[i] = run->text.s + run->recs[from + i].off;
        lens[i] = run->recs[from + i].len;
        plain[i] = run->recs[from + i].plain;
    }
    json_parse_many(texts, lens, plain, n, roots, errs, p->lock);
    for (size_t i = 0; i < n && !run->failed; i++) {
        const RunRecord *r = &run->recs[from + i];
        if (roots[i]) {
            run->out[run->nout++] = summary_from_json(scratch, roots[i], true); /* the export's names too */
            arena_free(scratch);
        } else {
            snprintf(run->err, sizeof run->err,
                     "the record starting at byte offset %llu is not valid JSON (error at byte offset %llu)",
                     (unsigned long long)r->at, (unsigned long long)(r->at + errs[i].at));
            run->failed = true;
        }
    }
}

void rrun_parse(RunParser *p, RecordRun *run)
{
    run->out = xgrow(run->out, &run->outcap, run->n ? run->n : 1, sizeof *run->out);
    Arena scratch;
    arena_init(&scratch);
    json_arena_enter(&p->arena);
    for (size_t i = 0; i < run->n && !run->failed; i += BATCH) {
        parse_batch(p, run, i, run->n - i < BATCH ? run->n - i : BATCH, &scratch);
        json_arena_reset(&p->arena); /* the batch's trees */
    }
    json_arena_leave(&p->arena);
}

Summary **rrun_take(RecordRun *run, size_t *n)
{
    Summary **out = run->out;
    *n = run->nout;
    run->out = NULL;
    run->nout = run->outcap = 0;
    return out;
}

bool rrun_failed(const RecordRun *run, char *err, size_t n)
{
    if (run->failed)
        snprintf(err, n, "%s", run->err);
    return run->failed;
}
