#include "net/token.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/paths.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "local/safefile.h"

enum { TOKEN_FILE_MAX = 16 * 1024 };

void token_default_path(char *buf, size_t n)
{
    config_dir_path("token", buf, n);
}

/* Tokens are one line of printable ASCII; the file may end in a newline. */
static char *clean_token(char *buf, size_t len, char *err, size_t n, const char *where)
{
    while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r' || buf[len - 1] == ' '))
        len--;
    size_t start = 0;
    while (start < len && buf[start] == ' ')
        start++;
    for (size_t i = start; i < len; i++)
        if ((unsigned char)buf[i] <= ' ' || (unsigned char)buf[i] >= 0x7f) {
            fmt_bounded(err, n, QS " holds a blank or a control character inside the token; "
                             "it should hold only the token", where);
            return NULL;
        }
    if (start == len) {
        fmt_bounded(err, n, QS " is empty; run `regdesk login` to get a token", where);
        return NULL;
    }
    return xstrndup(buf + start, len - start);
}

static char *read_token_file(const char *path, char *err, size_t n)
{
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        if (errno == ELOOP)
            fmt_bounded(err, n, "token file " QS " is a symbolic link; point token_file at the real file", path);
        else
            fmt_bounded(err, n, "cannot open token file " QS ": %s", path, strerror(errno));
        return NULL;
    }
    struct stat st;
    char *token = NULL;
    /* fstat the open file, not the path: nothing can be swapped in between. */
    if (fstat(fd, &st) != 0) {
        fmt_bounded(err, n, "cannot check token file " QS ": %s", path, strerror(errno));
    } else if (!S_ISREG(st.st_mode)) {
        fmt_bounded(err, n, "token file " QS " is not a regular file", path);
    } else if (st.st_uid != geteuid()) {
        fmt_bounded(err, n, "token file " QS " belongs to another user (uid %u); it must be yours", path,
                 (unsigned)st.st_uid);
    } else if (st.st_mode & 077) {
        fmt_bounded(err, n, "token file " QS " is readable by others (mode %04o); run chmod 600 on it", path,
                 (unsigned)(st.st_mode & 07777));
    } else if (st.st_size > TOKEN_FILE_MAX) {
        fmt_bounded(err, n, "token file " QS " is too large (%lld bytes) to hold a token", path, (long long)st.st_size);
    } else {
        char buf[TOKEN_FILE_MAX + 1];
        ssize_t got = read(fd, buf, sizeof buf - 1);
        if (got < 0)
            fmt_bounded(err, n, "cannot read token file " QS ": %s", path, strerror(errno));
        else
            token = clean_token(buf, (size_t)got, err, n, path);
        explicit_bzero(buf, sizeof buf);
    }
    close(fd);
    return token;
}

char *token_load(const char *file, TokenOrigin *origin, bool *missing, char *err, size_t n)
{
    TokenOrigin scratch;
    if (!origin)
        origin = &scratch;
    *origin = (TokenOrigin){ TOKEN_FROM_NOWHERE, "" };
    *missing = false;
    char *env = getenv("VERIFIK_TOKEN");
    if (env && *env) {
        origin->source = TOKEN_FROM_ENV;
        char *token = clean_token(env, strlen(env), err, n, "VERIFIK_TOKEN");
        /* Wipe the variable where it lives, so /proc/PID/environ and children lose it. */
        explicit_bzero(env, strlen(env));
        unsetenv("VERIFIK_TOKEN");
        return token;
    }
    char def[512];
    if (!file) {
        token_default_path(def, sizeof def);
        file = def;
        if (access(file, F_OK) != 0) {
            *missing = true;
            fmt_bounded(err, n, "no API token: set VERIFIK_TOKEN, or run `regdesk login` to create " QS, file);
            return NULL;
        }
    }
    char *token = read_token_file(file, err, n);
    if (token) {
        origin->source = TOKEN_FROM_FILE;
        snprintf(origin->path, sizeof origin->path, "%s", file);
    }
    return token;
}

void token_refused_sentence(const TokenOrigin *o, int http, const char *said, char *buf, size_t n)
{
    /* The API's words and the path are quoted (core/msg.h): they shrink, the advice stays. */
    char status[MSG_MAX];
    msg_format(status, sizeof status, "HTTP %d%s" QS, http, *said ? ": " : "", said);
    if (o && o->source == TOKEN_FROM_ENV)
        msg_format(buf, n, "the API refused the token in VERIFIK_TOKEN (%s); that variable wins over the token "
                           "file, so set it to a valid token or unset it (`regdesk login` alone will not help)",
                   status);
    else if (o && o->source == TOKEN_FROM_FILE)
        msg_format(buf, n, "the API refused the token in " QS " (%s); it may have expired: run `regdesk login` for "
                           "a new one", o->path, status);
    else
        msg_format(buf, n, "the API refused the token (%s); it may have expired: run `regdesk login` or set "
                           "VERIFIK_TOKEN", status);
}

/* mkdir -p for the token's directory, private. */
static bool make_dirs(const char *file, char *err, size_t n)
{
    char dir[512];
    snprintf(dir, sizeof dir, "%s", file);
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir)
        return true;
    *slash = '\0';
    for (char *p = dir + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
            fmt_bounded(err, n, "cannot create directory " QS ": %s", dir, strerror(errno));
            return false;
        }
        *p = '/';
    }
    if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
        fmt_bounded(err, n, "cannot create directory " QS ": %s", dir, strerror(errno));
        return false;
    }
    return true;
}

bool token_save(const char *file, const char *token, char *err, size_t n)
{
    char def[512];
    if (!file) {
        token_default_path(def, sizeof def);
        file = def;
    }
    if (!make_dirs(file, err, n))
        return false;
    SafeFile *f = safefile_open(file, 0, err, n); /* mode 0600, whole or not at all */
    if (!f)
        return false;
    if (!safefile_write(f, token, strlen(token), err, n) || !safefile_write(f, "\n", 1, err, n)) {
        safefile_abort(f);
        return false;
    }
    return safefile_commit(f, err, n);
}

void token_free(char *token)
{
    if (!token)
        return;
    explicit_bzero(token, strlen(token));
    free(token);
}
