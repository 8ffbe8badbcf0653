#ifndef REGDESK_TESTS_WORKERTEST_H
#define REGDESK_TESTS_WORKERTEST_H
/* What the worker tests share (test_worker.c, test_worker_lies.c; both also run under
 * ThreadSanitizer): one simulator and one worker per test, results waited for on the
 * wake fd as the dashboard does, and a full load merged into a store. */
#include <stdbool.h>

#include "core/msg.h"
#include "core/store.h"
#include "net/worker.h"
#include "simproc.h"

extern SimProc *sim;
extern Worker *w;

/* Starts the worker on the simulator's address, with a fast backoff; tweak (may be NULL)
 * adjusts the config first. */
void start_worker_with(const char *token, int parallel, void (*tweak)(WorkerConfig *));
void start_sim(const char *const args[]);
/* Stops both (a suite's .fini). */
void teardown(void);
/* Next result within timeout_ms, or NULL. */
Result *next_result(int timeout_ms);

typedef struct LoadOutcome {
    Store store;
    long total, first_total;
    int pages, retrying, errors, failed_pages;
    bool data_changed;
    ListCap capped;
    char last_error[MSG_MAX]; /* without quote marks */
    char done[MSG_MAX];       /* RES_LIST_DONE's sentence, without quote marks */
} LoadOutcome;

/* Runs a full list load (sp may be NULL) to RES_LIST_DONE, merging pages into a store
 * (store_begin_load first, so store.load_dups counts repeats). */
void full_load(uint64_t gen, const ServerParams *sp, LoadOutcome *out, int timeout_ms);

#endif
