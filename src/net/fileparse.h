#ifndef REGDESK_NET_FILEPARSE_H
#define REGDESK_NET_FILEPARSE_H
/* A dump (list --file) parsed on several threads, with the record order kept.
 *
 * The caller's thread reads and splits (core/parse_stream.h hands over runs of complete
 * records); worker threads parse runs, the caller's thread parses too whenever it would
 * otherwise wait; the summaries reach the sink on the caller's thread, run after run in
 * input order. Same contract as rstream_feed/rstream_finish: the first error in the
 * input is the one reported, and only the records before it reach the sink. At most a
 * few runs are in flight, so memory stays bounded whatever the file's size. */
#include <stdbool.h>
#include <stddef.h>

#include "core/parse_stream.h"

typedef struct FileParse FileParse;

/* threads: how many threads parse, the caller's included (1: no thread is started). */
FileParse *fileparse_new(RecordSink sink, void *ctx, int threads);
bool fileparse_feed(FileParse *fp, const char *chunk, size_t len, char *err, size_t n);
bool fileparse_finish(FileParse *fp, char *err, size_t n);
void fileparse_stats(const FileParse *fp, RecordStreamStats *out);
/* Stops the workers and frees what is still in flight. */
void fileparse_free(FileParse *fp);

/* Parsing threads worth using on this machine (its cores, at most 4). */
int fileparse_threads(void);

#endif
