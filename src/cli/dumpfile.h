#ifndef REGDESK_CLI_DUMPFILE_H
#define REGDESK_CLI_DUMPFILE_H
/* Reading a dump for `list --file`: the file side only (what is read, and every way that
 * can go wrong), apart from splitting it into records (core/parse_stream).
 *
 *   - a directory, a missing or unreadable file: one sentence;
 *   - a FIFO: opened without blocking, then waited on for a writer for at most the
 *     timeout (saying so on a terminal), instead of hanging in open();
 *   - a zero byte, which no JSON text holds (binary data, /dev/zero, a file a crash or a
 *     full disk left padded with zeros): a sentence at once, not a read to the end;
 *   - progress on a terminal's stderr for a large file (or a pipe), cleared at the end. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct DumpFile DumpFile;

/* path "-" is standard input. timeout_s: how long to wait for a FIFO's writer. NULL with
 * a sentence in err when it cannot be read. */
DumpFile *dump_open(const char *path, long timeout_s, char *err, size_t n);
/* The next chunk into buf: bytes read, 0 at the end, -1 with a sentence in err. */
long dump_read(DumpFile *f, char *buf, size_t cap, char *err, size_t n);
/* How the file is named in messages ("standard input" for -). */
const char *dump_name(const DumpFile *f);
void dump_close(DumpFile *f);

#endif
