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
 * offset (0-based, from the start of the input). */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/record.h"

typedef struct RecordStream RecordStream;

/* Receives each record's summary and takes ownership of it. */
typedef void (*RecordSink)(void *ctx, Summary *s);

typedef struct RecordStreamStats {
    size_t records; /* summaries handed to the sink */
    size_t skipped; /* array elements that were not objects */
    uint64_t bytes; /* input consumed */
    bool truncated; /* rstream_finish failed because the input ended inside the JSON */
} RecordStreamStats;

/* One record's text may not exceed this (a populated record with images is a few MB). */
enum { RSTREAM_RECORD_MAX = 64 << 20, RSTREAM_MAX_DEPTH = 512 };

RecordStream *rstream_new(RecordSink sink, void *ctx);
/* Feeds the next chunk. False once the input is known to be malformed (err filled; every
 * later call fails with the same sentence). */
bool rstream_feed(RecordStream *rs, const char *chunk, size_t len, char *err, size_t n);
/* The input ended: false when it stopped before the JSON did, or held no records array. */
bool rstream_finish(RecordStream *rs, char *err, size_t n);
void rstream_stats(const RecordStream *rs, RecordStreamStats *out);
void rstream_free(RecordStream *rs);

/* Names regdesk's JSON export gives the Summary.invalid bits (index = bit number),
 * NULL-terminated; the export writes them and the stream reads them back. */
extern const char *const SUMMARY_INVALID_NAMES[];

#endif
