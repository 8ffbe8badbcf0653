#ifndef REGDESK_CORE_PARSE_STREAM_H
#define REGDESK_CORE_PARSE_STREAM_H
/* Reading a large dump of registrations without holding the whole file as a JSON tree.
 *
 * The input is a JSON array of registration objects, or a list envelope whose "data" key
 * holds that array (other keys are skipped, whatever they hold). The caller reads the
 * file and feeds it in chunks of any size; the splitter finds each complete element of
 * the array, parses just that element and hands its summary to the sink. Memory stays at
 * one record's text plus what the sink keeps.
 *
 * It also reads regdesk's own JSON export (regdesk list --format json), whose records
 * use short names: "step", "flow", "failed": {"email":N,…} counts and an "invalid" list.
 *
 * Malformed input (a bad character, a mismatched bracket, a record cJSON rejects, a
 * truncated file, trailing data) stops the stream with one sentence naming the byte
 * offset (0-based, from the start of the input).
 *
 * Inside, the splitter gathers complete records into runs (their text back to back), and
 * a run is what gets parsed, here or, with rstream_new_runs, on another thread: the
 * splitter does no JSON parsing itself. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/record.h"

typedef struct RecordStream RecordStream;
typedef struct RecordRun RecordRun;

/* Receives each record's summary and takes ownership of it. */
typedef void (*RecordSink)(void *ctx, Summary *s);
/* Receives each run of complete records, in input order, and takes ownership of it. */
typedef void (*RunSink)(void *ctx, RecordRun *run);

typedef struct RecordStreamStats {
    size_t records; /* summaries handed to the sink (runs mode: records handed over in runs) */
    size_t skipped; /* array elements that were not objects (before the first error; runs
                       mode: counted by whoever parses the runs, rrun_skipped) */
    uint64_t bytes; /* input consumed */
    bool truncated; /* rstream_finish failed because the input ended inside the JSON */
} RecordStreamStats;

/* One record's text may not exceed this (a populated record with images is a few MB).
 * Records are handed over in runs of about RSTREAM_RUN_BYTES. */
enum { RSTREAM_RECORD_MAX = 64 << 20, RSTREAM_MAX_DEPTH = 512, RSTREAM_RUN_BYTES = 256 << 10 };

/* Splits and parses: every record's summary goes to the sink. */
RecordStream *rstream_new(RecordSink sink, void *ctx);
/* Only splits: the records go to the sink in runs, to be parsed where the caller likes
 * (rrun_parse may run on any thread). A malformed record is then found by whoever parses
 * its run; rstream_feed and rstream_finish report only what the splitter finds, after
 * handing over every run before it (so the first error in the input is the earliest
 * failing run's, else the splitter's). */
RecordStream *rstream_new_runs(RunSink sink, void *ctx);
/* Feeds the next chunk. False once the input is known to be malformed (err filled; every
 * later call fails with the same sentence). */
bool rstream_feed(RecordStream *rs, const char *chunk, size_t len, char *err, size_t n);
/* The input ended: false when it stopped before the JSON did, or held no records array. */
bool rstream_finish(RecordStream *rs, char *err, size_t n);
void rstream_stats(const RecordStream *rs, RecordStreamStats *out);
void rstream_free(RecordStream *rs);

/* ---- runs (core/parse_run.c) ------------------------------------------------------- */

/* A lock for callers that parse on several threads at once (core/json.h says why). */
typedef struct JsonLock {
    void (*lock)(void *ctx);
    void (*unlock)(void *ctx);
    void *ctx;
} JsonLock;

/* What parses runs: it holds cJSON's arena, so keep one per thread and reuse it. lock
 * (may be NULL: one thread) is shared by every parser that runs at the same time; it
 * must outlive the parser. */
typedef struct RunParser RunParser;
RunParser *rrun_parser_new(const JsonLock *lock);
void rrun_parser_free(RunParser *p);

/* Parses the run's records in order, stopping at the first that is not valid JSON. */
void rrun_parse(RunParser *p, RecordRun *run);
size_t rrun_records(const RecordRun *run);
/* After rrun_parse: the summaries of the records before the first bad one (the caller
 * owns them, and the array; *n gets their number), and whether a record failed (err
 * gets the sentence naming its byte offsets). */
Summary **rrun_take(RecordRun *run, size_t *n);
bool rrun_failed(const RecordRun *run, char *err, size_t n);
/* Non-object elements of the run (before its bad record, when one failed). */
size_t rrun_skipped(const RecordRun *run);
void rrun_free(RecordRun *run);

/* Names regdesk's JSON export gives the Summary.invalid bits (index = bit number),
 * NULL-terminated; the export writes them and the stream reads them back. */
extern const char *const SUMMARY_INVALID_NAMES[];

#endif
