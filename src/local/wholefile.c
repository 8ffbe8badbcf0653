/* A file written whole or not at all (wholefile.h). */
#include "local/wholefile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/xalloc.h"

struct WholeFile {
    int fd;
    unsigned flags;
    char path[PATH_MAX];
    char tmp[PATH_MAX];
    char dir[PATH_MAX];
};

/* What to do about errno e, after "cannot write PATH: <strerror>". */
static const char *advice(int e)
{
    switch (e) {
    case EACCES: case EPERM: case EROFS: return "; choose a directory you may write to";
    case ENOSPC: case EDQUOT: return "; free some space or choose another directory";
    case ENOENT: case ENOTDIR: return "; the directory must exist";
    case EFBIG: return "; the file is larger than this system allows";
    default: return "";
    }
}

static void say(char *err, size_t n, const char *path, int e)
{
    snprintf(err, n, "cannot write %s: %s%s", path, strerror(e), advice(e));
}

static void exists(char *err, size_t n, const char *path)
{
    snprintf(err, n, "%s exists; give another name (regdesk never writes over a file)", path);
}

WholeFile *wholefile_open(const char *path, unsigned flags, char *err, size_t n)
{
    size_t len = strlen(path);
    if (!len || path[len - 1] == '/') {
        snprintf(err, n, "\"%s\" names a directory; give a file name", path);
        return NULL;
    }
    struct stat st;
    if ((flags & WHOLEFILE_EXCL) && lstat(path, &st) == 0) {
        exists(err, n, path);
        return NULL;
    }
    WholeFile *f = xcalloc(1, sizeof *f);
    f->flags = flags;
    const char *slash = strrchr(path, '/');
    int dl = slash ? (int)(slash - path) : 1;
    if (len >= sizeof f->path ||
        snprintf(f->dir, sizeof f->dir, "%.*s", slash == path ? 1 : dl, slash ? path : ".") >= (int)sizeof f->dir ||
        snprintf(f->tmp, sizeof f->tmp, "%s/.regdesk-XXXXXX", f->dir) >= (int)sizeof f->tmp) {
        snprintf(err, n, "the path is too long");
        free(f);
        return NULL;
    }
    memcpy(f->path, path, len + 1);
    f->fd = mkostemp(f->tmp, O_CLOEXEC); /* O_EXCL and mode 0600 */
    if (f->fd < 0) {
        say(err, n, path, errno);
        free(f);
        return NULL;
    }
    return f;
}

bool wholefile_write(WholeFile *f, const void *data, size_t len, char *err, size_t n)
{
    const char *p = data;
    while (len) {
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

/* The temporary file at the target's name, never over another file with EXCL. */
static int place(WholeFile *f)
{
    if (!(f->flags & WHOLEFILE_EXCL))
        return rename(f->tmp, f->path);
    if (renameat2(AT_FDCWD, f->tmp, AT_FDCWD, f->path, RENAME_NOREPLACE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return -1;
    if (link(f->tmp, f->path) != 0) /* a file system without RENAME_NOREPLACE */
        return -1;
    unlink(f->tmp);
    return 0;
}

bool wholefile_commit(WholeFile *f, char *err, size_t n)
{
    bool ok = false;
    int synced = fsync(f->fd) == 0 ? 0 : errno, closed = close(f->fd) == 0 ? 0 : errno;
    f->fd = -1;
    if (synced || closed)
        say(err, n, f->path, synced ? synced : closed);
    else if (place(f) != 0)
        errno == EEXIST ? exists(err, n, f->path) : say(err, n, f->path, errno);
    else
        ok = true;
    if (ok) {
        int d = open(f->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (d >= 0) { /* the new name survives a crash */
            fsync(d);
            close(d);
        }
        free(f);
    } else {
        wholefile_abort(f);
    }
    return ok;
}

void wholefile_abort(WholeFile *f)
{
    if (!f)
        return;
    if (f->fd >= 0)
        close(f->fd);
    unlink(f->tmp);
    free(f);
}
