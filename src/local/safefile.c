/* Whole-or-nothing file writes (safefile.h). */
#include "local/safefile.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/msg.h"
#include "core/xalloc.h"
#include "local/files.h"

struct SafeFile {
    int fd;
    unsigned flags;
    char *path, *tmp;
};

static void say(char *err, size_t n, const char *path, int e)
{
    char cause[200];
    files_cause(cause, sizeof cause, e);
    msg_format(err, n, "cannot write " QS ": %s (the file is as it was)", path, cause);
}

/* The directory a path is in ("." for a bare name). */
static char *dir_of(const char *path)
{
    char *copy = xstrdup(path), *d = xstrdup(dirname(copy));
    free(copy);
    return d;
}

SafeFile *safefile_open(const char *path, unsigned flags, char *err, size_t n)
{
    struct stat st;
    bool exists = lstat(path, &st) == 0;
    if (exists && S_ISLNK(st.st_mode)) {
        msg_format(err, n, "cannot write " QS ": it is a symbolic link; give the real file", path);
        return NULL;
    }
    if (exists && !S_ISREG(st.st_mode)) {
        msg_format(err, n, "cannot write " QS ": it is not a regular file (a device, a directory or a FIFO); give "
                   "a file name", path);
        return NULL;
    }
    if ((flags & SAFEFILE_EXCL) && exists) {
        msg_format(err, n, "cannot write " QS ": it exists already; give another name", path);
        return NULL;
    }
    SafeFile *f = xcalloc(1, sizeof *f);
    f->flags = flags;
    f->path = xstrdup(path);
    size_t len = strlen(path) + 16;
    f->tmp = xmalloc(len);
    snprintf(f->tmp, len, "%s.tmp-XXXXXX", path);
    f->fd = mkostemp(f->tmp, O_CLOEXEC); /* mode 0600 */
    if (f->fd < 0) {
        say(err, n, path, errno);
        free(f->tmp);
        f->tmp = NULL;
        safefile_abort(f);
        return NULL;
    }
    return f;
}

bool safefile_write(SafeFile *f, const void *data, size_t len, char *err, size_t n)
{
    const char *p = data;
    while (len > 0) {
        ssize_t w = write(f->fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            say(err, n, f->path, w < 0 ? errno : ENOSPC);
            return false;
        }
        p += w;
        len -= (size_t)w;
    }
    return true;
}

/* The rename is durable once the directory entry is on disk too. */
static void sync_dir(const char *path)
{
    char *d = dir_of(path);
    int fd = open(d, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(d);
}

bool safefile_commit(SafeFile *f, char *err, size_t n)
{
    bool ok = fsync(f->fd) == 0;
    int e = errno;
    if (close(f->fd) != 0 && ok) {
        ok = false;
        e = errno;
    }
    f->fd = -1;
    if (ok && (f->flags & SAFEFILE_EXCL)) { /* link() fails if the name appeared meanwhile */
        ok = link(f->tmp, f->path) == 0;
        e = errno;
        if (!ok && e == EEXIST) {
            msg_format(err, n, "cannot write " QS ": it exists already; give another name", f->path);
            safefile_abort(f);
            return false;
        }
    } else if (ok) {
        ok = rename(f->tmp, f->path) == 0;
        e = errno;
    }
    if (!ok) {
        say(err, n, f->path, e);
        safefile_abort(f);
        return false;
    }
    sync_dir(f->path);
    safefile_abort(f); /* after link(): the temporary name goes; after rename() it is gone */
    return true;
}

void safefile_abort(SafeFile *f)
{
    if (!f)
        return;
    if (f->fd >= 0)
        close(f->fd);
    if (f->tmp)
        unlink(f->tmp);
    free(f->tmp);
    free(f->path);
    free(f);
}

bool safefile_write_all(const char *path, const void *data, size_t len, unsigned flags, char *err, size_t n)
{
    SafeFile *f = safefile_open(path, flags, err, n);
    if (!f)
        return false;
    if (!safefile_write(f, data, len, err, n)) {
        safefile_abort(f);
        return false;
    }
    return safefile_commit(f, err, n);
}
