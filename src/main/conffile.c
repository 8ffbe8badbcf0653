/* Reading the config language's files: whole, bounded, regular files only. */
#include "main/conffile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/buildinfo.h"
#include "core/paths.h"
#include "core/safetext.h"
#include "core/xalloc.h"

bool conffile_read(const char *path, char **text, size_t *len, char *why, size_t n)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        safetext_format(why, n, "cannot read %s: %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return false;
    }
    if (!S_ISREG(st.st_mode) || st.st_size > CONFFILE_MAX) {
        safetext_format(why, n, "%s is %s; regdesk reads regular files of at most 1 MiB", path,
                        S_ISREG(st.st_mode) ? "too large" : "not a regular file");
        close(fd);
        return false;
    }
    char *buf = xmalloc((size_t)st.st_size + 1);
    size_t got = 0;
    for (ssize_t r; got < (size_t)st.st_size && (r = read(fd, buf + got, (size_t)st.st_size - got)) != 0;) {
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            safetext_format(why, n, "cannot read %s: %s", path, strerror(errno));
            free(buf);
            close(fd);
            return false;
        }
        got += (size_t)r;
    }
    close(fd);
    buf[got] = '\0';
    *text = buf;
    *len = got;
    return true;
}

bool conffile_include(void *ctx, const char *from, const char *path, char **text, size_t *len, char **name,
                      char *why, size_t n)
{
    const char *home = ctx;
    char joined[4096], full[4096];
    const char *slash = strrchr(from, '/');
    if (path[0] == '/' || path[0] == '~' || !slash)
        snprintf(joined, sizeof joined, "%s", path);
    else
        snprintf(joined, sizeof joined, "%.*s/%s", (int)(slash - from), from, path);
    /* ~/ is the home folder, in the path and in the including file's name alike */
    if (!strncmp(joined, "~/", 2) && home && *home)
        snprintf(full, sizeof full, "%s/%s", home, joined + 2);
    else
        snprintf(full, sizeof full, "%s", joined);
    if (!conffile_read(full, text, len, why, n))
        return false;
    char *real = realpath(full, NULL); /* one name per file, so a cycle is seen */
    *name = real ? real : xstrdup(full);
    return true;
}

int conffile_theme_dirs(char dirs[CONFFILE_THEME_DIRS][512])
{
    int n = 0;
    config_dir_path("themes", dirs[n++], 512);
    snprintf(dirs[n++], 512, "%s/regdesk/themes", buildinfo_datadir);
    if (*buildinfo_srcdir)
        snprintf(dirs[n++], 512, "%s/themes", buildinfo_srcdir);
    return n;
}
