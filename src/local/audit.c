/* The audit log file (audit.h). */
#include "local/audit.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/timeutil.h"
#include "core/xalloc.h"
#include "local/files.h"

struct AuditLog {
    char *path, *via, *api;
    char user[64], host[256];
};

static void who(AuditLog *a)
{
    uid_t uid = geteuid();
    struct passwd *pw = getpwuid(uid);
    if (pw && pw->pw_name && *pw->pw_name)
        snprintf(a->user, sizeof a->user, "%s", pw->pw_name);
    else
        snprintf(a->user, sizeof a->user, "uid %ld", (long)uid);
    if (gethostname(a->host, sizeof a->host) != 0 || !a->host[0])
        snprintf(a->host, sizeof a->host, "unknown");
    a->host[sizeof a->host - 1] = '\0';
}

AuditLog *audit_open(const char *path, const char *via, const char *api)
{
    AuditLog *a = xcalloc(1, sizeof *a);
    a->path = xstrdup(path);
    a->via = xstrdup(via);
    a->api = xstrdup(api ? api : "");
    who(a);
    return a;
}

void audit_close(AuditLog *a)
{
    if (!a)
        return;
    free(a->path);
    free(a->via);
    free(a->api);
    free(a);
}

const char *audit_path(const AuditLog *a)
{
    return a->path;
}

static bool refuse(const AuditLog *a, const char *why, char *err, size_t n)
{
    safetext_format(err, n, "the audit log " QS " cannot be written (" QS "); fix that first: regdesk acts only where "
                            "it can leave a trace", a->path, why);
    return false;
}

bool audit_check(AuditLog *a, char *err, size_t n)
{
    char why[300];
    if (!files_make_private_dirs(a->path, why, sizeof why))
        return refuse(a, why, err, n);
    int fd = files_open_append(a->path, why, sizeof why);
    if (fd < 0)
        return refuse(a, why, err, n);
    close(fd);
    return true;
}

bool audit_append(AuditLog *a, const AuditEvent *ev, char *err, size_t n)
{
    if (!audit_check(a, err, n))
        return false;
    StrBuf line = STRBUF_INIT;
    AuditStamp st = { time_now_ms(), a->user, a->host, a->via, a->api };
    audit_format(&st, ev, &line);
    char why[300];
    bool ok = files_append_record(a->path, line.s, line.len, why, sizeof why);
    strbuf_free(&line);
    if (!ok)
        safetext_format(err, n, "the audit log " QS " could not take its line (" QS ")", a->path, why);
    return ok;
}

bool audit_read(const char *path, AuditLineFn fn, void *ctx, bool *missing, char *err, size_t n)
{
    *missing = false;
    FILE *f = fopen(path, "re");
    if (!f) {
        if (errno == ENOENT) {
            *missing = true;
            return true;
        }
        safetext_format(err, n, "cannot read the audit log " QS ": %s", path, strerror(errno));
        return false;
    }
    char *buf = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t len;
    bool go = true;
    while (go && (len = getline(&buf, &cap, f)) >= 0) {
        lineno++;
        if (len > 0 && buf[len - 1] == '\n')
            len--;
        go = fn(ctx, lineno, buf, (size_t)len);
    }
    bool ok = !ferror(f);
    if (!ok)
        safetext_format(err, n, "cannot read the audit log " QS ": %s", path, strerror(errno));
    free(buf);
    fclose(f);
    return ok;
}
