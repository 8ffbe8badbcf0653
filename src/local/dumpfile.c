/* The dump reader of list --file and the dashboard's --file: open, wait for a FIFO's
 * writer, read in chunks, refuse binary zeros, show progress on a terminal (dumpfile.h). */
#include "local/dumpfile.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/msg.h"
#include "core/xalloc.h"

enum { PROGRESS_MIN_BYTES = 8 << 20, PROGRESS_EVERY_MS = 250 };

struct DumpFile {
    int fd, cancel_fd;
    bool is_stdin, owns_fd, progress, quiet, cancelled;
    char *name;
    uint64_t size, done; /* size 0: unknown (a pipe) */
    int64_t shown_ms;
};

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Waits for f's descriptor to be readable, or its cancel descriptor: poll's answer
 * (0 on timeout), with f->cancelled set when the cancel came first. */
static int wait_readable(DumpFile *f, int timeout_ms)
{
    struct pollfd p[2] = { { f->fd, POLLIN, 0 }, { f->cancel_fd, POLLIN, 0 } };
    int r;
    while ((r = poll(p, f->cancel_fd >= 0 ? 2 : 1, timeout_ms)) < 0 && errno == EINTR)
        ;
    if (r > 0 && f->cancel_fd >= 0 && (p[1].revents & POLLIN))
        f->cancelled = true;
    return r;
}

static bool tty_line(const DumpFile *f)
{
    return !f->quiet && isatty(STDERR_FILENO);
}

/* A FIFO opened without blocking reads as empty until a writer opens it: wait for one. */
static bool wait_for_writer(DumpFile *f, const DumpOpen *o, char *err, size_t n)
{
    long timeout_s = o->timeout_s;
    if (tty_line(f))
        fprintf(stderr, "regdesk: waiting up to %ld s for a program to write to %s…\r", timeout_s, f->name);
    if (o->waiting)
        o->waiting(o->ctx, f->name, timeout_s);
    int r = wait_readable(f, (int)(timeout_s * 1000));
    if (tty_line(f))
        fputs("\r\033[K", stderr);
    if (f->cancelled) {
        snprintf(err, n, "stopped waiting for a writer");
        return false;
    }
    if (r == 0) {
        msg_format(err, n, QS " is a FIFO and no program wrote to it in %ld s; start the writer first, or raise "
                   "--timeout", f->name, timeout_s);
        return false;
    }
    int flags = fcntl(f->fd, F_GETFL);
    return fcntl(f->fd, F_SETFL, flags & ~O_NONBLOCK) == 0;
}

DumpFile *dump_open(const char *path, long timeout_s, char *err, size_t n)
{
    DumpOpen o = { .path = path, .timeout_s = timeout_s, .fd = -1, .cancel_fd = -1 };
    return dump_open_with(&o, err, n);
}

DumpFile *dump_open_with(const DumpOpen *o, char *err, size_t n)
{
    const char *path = o->path;
    DumpFile *f = xcalloc(1, sizeof *f);
    f->is_stdin = !strcmp(path, "-");
    f->owns_fd = f->is_stdin && o->fd >= 0;
    f->quiet = o->quiet;
    f->cancel_fd = o->cancel_fd;
    f->name = xstrdup(f->is_stdin ? "standard input" : path);
    f->fd = f->owns_fd ? o->fd : f->is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    struct stat st;
    bool ok = f->fd >= 0 && fstat(f->fd, &st) == 0;
    if (!ok) {
        msg_format(err, n, "cannot open " QS ": %s", f->name, strerror(errno));
    } else if (S_ISDIR(st.st_mode)) {
        msg_format(err, n, QS " is a directory; --file takes a JSON file (or - for standard input)", f->name);
        ok = false;
    } else if (S_ISFIFO(st.st_mode) && !f->is_stdin) {
        ok = wait_for_writer(f, o, err, n);
    } else if (!f->is_stdin) {
        int flags = fcntl(f->fd, F_GETFL);
        fcntl(f->fd, F_SETFL, flags & ~O_NONBLOCK);
    }
    if (!ok) {
        dump_close(f);
        return NULL;
    }
    f->size = S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0;
    f->progress = tty_line(f) && (f->size == 0 ? !isatty(f->fd) : f->size >= PROGRESS_MIN_BYTES);
    return f;
}

static void show_progress(DumpFile *f, bool end)
{
    if (!f->progress)
        return;
    int64_t t = now_ms();
    if (end) {
        if (f->shown_ms)
            fputs("\r\033[K", stderr);
    } else if (t - f->shown_ms >= PROGRESS_EVERY_MS) {
        if (f->size)
            fprintf(stderr, "\rregdesk: reading %s: %.1f of %.1f MB (%d %%)", f->name, f->done / 1048576.0,
                    f->size / 1048576.0, (int)(f->done * 100 / f->size));
        else
            fprintf(stderr, "\rregdesk: reading %s: %.1f MB", f->name, f->done / 1048576.0);
        f->shown_ms = t;
    } else {
        return;
    }
    fflush(stderr);
}

long dump_read(DumpFile *f, char *buf, size_t cap, char *err, size_t n)
{
    if (f->cancel_fd >= 0 && (wait_readable(f, -1) < 0 || f->cancelled)) {
        snprintf(err, n, "stopped reading %s", f->name);
        return -1;
    }
    ssize_t got;
    while ((got = read(f->fd, buf, cap)) < 0 && errno == EINTR)
        ;
    if (got < 0) {
        show_progress(f, true);
        msg_format(err, n, "cannot read " QS ": %s", f->name, strerror(errno));
        return -1;
    }
    const char *zero = memchr(buf, '\0', (size_t)got);
    bool utf16 = zero && f->done == 0 && got >= 2 && ((buf[0] == '\xFF' && buf[1] == '\xFE') ||
                                                      (buf[0] == '\xFE' && buf[1] == '\xFF'));
    if (utf16) {
        show_progress(f, true);
        msg_format(err, n, QS " is UTF-16 text; save it as UTF-8 (JSON is UTF-8)", f->name);
        return -1;
    }
    if (zero) {
        show_progress(f, true);
        msg_format(err, n, QS " holds a zero byte at byte offset %llu, which no JSON text does: it is not a dump, "
                   "or a crash or a full disk left it padded with zeros", f->name,
                   (unsigned long long)(f->done + (uint64_t)(zero - buf)));
        return -1;
    }
    f->done += (uint64_t)got;
    show_progress(f, got == 0);
    return (long)got;
}

const char *dump_name(const DumpFile *f)
{
    return f->name;
}

uint64_t dump_size(const DumpFile *f)
{
    return f->size;
}

uint64_t dump_done(const DumpFile *f)
{
    return f->done;
}

bool dump_cancelled(const DumpFile *f)
{
    return f->cancelled;
}

void dump_close(DumpFile *f)
{
    if (!f)
        return;
    if ((!f->is_stdin || f->owns_fd) && f->fd >= 0)
        close(f->fd);
    free(f->name);
    free(f);
}
