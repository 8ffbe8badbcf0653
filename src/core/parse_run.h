#ifndef REGDESK_CORE_PARSE_RUN_H
#define REGDESK_CORE_PARSE_RUN_H
/* Inside a run (core/parse_stream.h): the splitter fills it, rrun_parse reads it. */
#include "core/parse_stream.h"
#include "core/strbuf.h"

typedef struct RunRecord {
    size_t off, len;       /* in text; text[off + len] is '\0' */
    uint64_t at;           /* where the record starts in the input */
    size_t skipped_before; /* non-object elements in the run before this record */
    bool plain;            /* no backslash and no NUL inside its strings */
} RunRecord;

struct RecordRun {
    StrBuf text; /* the records' text back to back */
    RunRecord *recs;
    size_t n, cap;
    size_t skipped; /* non-object elements in the run */
    Summary **out;  /* rrun_parse's summaries */
    size_t nout, outcap;
    bool failed;
    char err[240];
};

RecordRun *rrun_new(void);
/* Empties a run for reuse (its summaries must have been taken). */
void rrun_clear(RecordRun *run);
/* A record starts at input offset `at`: its bytes follow in text. */
void rrun_begin_record(RecordRun *run, uint64_t at);
/* ... and ends at text's end; plain: no backslash or NUL was seen inside its strings. */
void rrun_end_record(RecordRun *run, bool plain);
/* An array element that is not an object went by. */
void rrun_skip(RecordRun *run);
/* Bytes of the record being captured so far. */
size_t rrun_open_len(const RecordRun *run);

#endif
