#ifndef REGDESK_NET_FILELOAD_H
#define REGDESK_NET_FILELOAD_H
/* The dashboard's --file: an export (anything list --file reads) read, split and parsed
 * on a thread of its own, its records posted through the worker's result queue as
 * RES_PAGE results, exactly like API pages (so they reach the model through
 * model_apply), then one RES_LIST_DONE. Same reader as list --file (local/dumpfile),
 * same parser (net/fileparse).
 *
 *   - progress: every result carries bytes read and the file's size (0 for a pipe);
 *   - a FIFO with no writer: a RES_RETRYING that says it waits (retry_in_ms: the wait),
 *     then the data or a RES_LIST_DONE with the timeout's sentence;
 *   - a file that cannot be read at all: RES_LIST_DONE with error set and the sentence
 *     in message; a truncated last record: the good records, then RES_LIST_DONE with a
 *     warning in message (error EC_NONE);
 *   - the queue holds at most a few of its pages: the reader waits for the dashboard
 *     rather than pile up results it would then have to drain in one go;
 *   - worker_cancel_before / worker_cancel_job stop it like any job; fileload_free
 *     stops every wait at once (q while a FIFO has no writer). */
#include <stdint.h>

#include "net/worker.h"

typedef struct FileLoadConfig {
    const char *path; /* "-": standard input, read from fd */
    int fd;           /* with "-": the data's descriptor, taken over (closed at the end); else -1 */
    long timeout_s;   /* how long to wait for a FIFO's writer */
    long max_records; /* stop there, with a sentence */
} FileLoadConfig;

typedef struct FileLoad FileLoad;

/* Nothing is read yet; the strings are copied. */
FileLoad *fileload_new(Worker *w, const FileLoadConfig *c);
/* Starts the reading thread, once (a file is read one time: later calls return 0); the
 * job id its results carry, 0 when the thread cannot start. */
uint64_t fileload_start(FileLoad *fl, uint64_t generation);
/* Stops the thread wherever it waits and joins it. Before worker_stop. */
void fileload_free(FileLoad *fl);

#endif
