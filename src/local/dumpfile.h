#ifndef REGDESK_LOCAL_DUMPFILE_H
#define REGDESK_LOCAL_DUMPFILE_H
/* Reading a dump (`list --file`, the dashboard's --file): the file side only (what is
 * read, and every way that can go wrong), apart from splitting it into records
 * (core/parse_stream).
 *
 *   - a directory, a missing or unreadable file: one sentence;
 *   - a FIFO: opened without blocking, then waited on for a writer for at most the
 *     timeout (saying so on a terminal), instead of hanging in open();
 *   - a zero byte, which no JSON text holds (binary data, /dev/zero, a file a crash or a
 *     full disk left padded with zeros): a sentence at once, not a read to the end;
 *   - progress on a terminal's stderr for a large file (or a pipe), cleared at the end.
 *
 * The dashboard reads on a thread of its own while curses owns the terminal: it opens
 * the file quietly (nothing on stderr; dump_size and dump_done give the progress), and
 * with a cancel descriptor every wait (for a FIFO's writer, for a pipe's next bytes)
 * ends as soon as that descriptor becomes readable. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct DumpFile DumpFile;

typedef struct DumpOpen {
    const char *path;  /* "-" is standard input (or fd, below) */
    long timeout_s;    /* how long to wait for a FIFO's writer */
    bool quiet;        /* nothing on stderr: no wait line, no progress */
    int fd;            /* >= 0: read this descriptor as "standard input" (path "-") */
    int cancel_fd;     /* >= 0: readable means stop waiting (dump_read then fails) */
    /* Called once before a FIFO is waited on (the dashboard says so on screen). */
    void (*waiting)(void *ctx, const char *name, long timeout_s);
    void *ctx;
} DumpOpen;

/* path "-" is standard input. timeout_s: how long to wait for a FIFO's writer. NULL with
 * a sentence in err when it cannot be read. */
DumpFile *dump_open(const char *path, long timeout_s, char *err, size_t n);
DumpFile *dump_open_with(const DumpOpen *o, char *err, size_t n);
/* The next chunk into buf: bytes read, 0 at the end, -1 with a sentence in err. */
long dump_read(DumpFile *f, char *buf, size_t cap, char *err, size_t n);
/* How the file is named in messages ("standard input" for -). */
const char *dump_name(const DumpFile *f);
/* Its size when it is a regular file (0: unknown, a pipe), and the bytes read so far. */
uint64_t dump_size(const DumpFile *f);
uint64_t dump_done(const DumpFile *f);
/* The cancel descriptor became readable (the last failure was that, not the file). */
bool dump_cancelled(const DumpFile *f);
void dump_close(DumpFile *f);

#endif
