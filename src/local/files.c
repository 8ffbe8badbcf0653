/* Private directories and whole-record appends (files.h). */
#include "local/files.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/strbuf.h"

void files_cause(char *why, size_t n, int e)
{
    const char *todo;
    switch (e) {
    case ENOSPC: case EDQUOT: todo = "the disk is full; free some space and try again"; break;
    case EFBIG: todo = "the file would pass the size this process may write (ulimit -f)"; break;
    case EROFS: todo = "the file system is read-only; choose another place"; break;
    case EACCES: case EPERM: todo = "check the permissions of the file and its directory"; break;
    case ELOOP: todo = "it is a symbolic link, which regdesk does not follow here"; break;
    case ENOENT: todo = "its directory does not exist"; break;
    default: todo = NULL;
    }
    fmt_bounded(why, n, "%s%s%s", strerror(e), todo ? "; " : "", todo ? todo : "");
}

/* The directory must be yours and closed to other people's writes. */
static bool dir_ok(const char *dir, char *why, size_t n)
{
    struct stat st;
    if (lstat(dir, &st) != 0) {
        files_cause(why, n, errno);
        return false;
    }
    if (!S_ISDIR(st.st_mode)) {
        safetext_format(why, n, QS " is not a directory", dir);
        return false;
    }
    if (st.st_uid != geteuid() || (st.st_mode & 022)) {
        safetext_format(why, n, QS " is %s; it must be yours and writable by you alone (chmod 700 " QS ")", dir,
                        st.st_uid != geteuid() ? "someone else's" : "writable by other people", dir);
        return false;
    }
    return true;
}

bool files_make_private_dirs(const char *file, char *why, size_t n)
{
    char dir[4096];
    if (snprintf(dir, sizeof dir, "%s", file) >= (int)sizeof dir) {
        fmt_bounded(why, n, "the path is too long");
        return false;
    }
    char *slash = strrchr(dir, '/');
    if (!slash)
        return dir_ok(".", why, n);
    if (slash == dir)
        return dir_ok("/", why, n);
    *slash = '\0';
    for (char *p = dir + 1;; p++) {
        if (*p && *p != '/')
            continue;
        char c = *p;
        *p = '\0';
        if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
            int e = errno;
            char cause[200];
            files_cause(cause, sizeof cause, e);
            safetext_format(why, n, "cannot create " QS ": %s", dir, cause);
            return false;
        }
        *p = c;
        if (!c)
            break;
    }
    return dir_ok(dir, why, n);
}

int files_open_append(const char *path, char *why, size_t n)
{
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY, 0600);
    if (fd < 0) {
        files_cause(why, n, errno);
        return -1;
    }
    struct stat st;
    const char *bad = NULL;
    if (fstat(fd, &st) != 0)
        bad = strerror(errno);
    else if (!S_ISREG(st.st_mode))
        bad = "it is not a regular file";
    else if (st.st_uid != geteuid())
        bad = "it belongs to someone else";
    else if ((st.st_mode & 077) && fchmod(fd, 0600) != 0)
        bad = "other people may read or write it, and it could not be set back to mode 0600";
    if (bad) {
        fmt_bounded(why, n, "%s", bad);
        close(fd);
        return -1;
    }
    return fd;
}

bool files_append_record(const char *path, const char *data, size_t len, char *why, size_t n)
{
    int fd = files_open_append(path, why, n);
    if (fd < 0)
        return false;
    int e = 0;
    size_t done = 0;
    /* One write puts the whole record at the end (O_APPEND). A regular file writes short
     * only at a limit (a full disk, ulimit -f): the next write names it. */
    while (!e && done < len) {
        ssize_t w = write(fd, data + done, len - done);
        if (w > 0)
            done += (size_t)w;
        else if (w == 0 || errno != EINTR)
            e = w == 0 ? ENOSPC : errno;
    }
    if (!e && fsync(fd) != 0)
        e = errno;
    if (e && done > 0) { /* take back what went in: the record starts `done` bytes before the offset */
        off_t end = lseek(fd, 0, SEEK_CUR);
        if (end < 0 || ftruncate(fd, end - (off_t)done) != 0)
            e = errno;
    }
    if (close(fd) != 0 && !e)
        e = errno;
    if (e)
        files_cause(why, n, e);
    return e == 0;
}
