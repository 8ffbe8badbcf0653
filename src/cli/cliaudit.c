/* The commands' audit lines (cliaudit.h). */
#include "cli/cliaudit.h"

#include <string.h>

#include "cli/clirun.h"

AuditLog *cli_audit_start(const CliSettings *s, int *rc)
{
    const char *url = s->worker.base.url, *scheme = strstr(url, "://");
    AuditLog *a = audit_open(s->audit_log, "cli", scheme ? scheme + 3 : url);
    char err[600];
    if (audit_check(a, err, sizeof err)) {
        *rc = EXIT_OK;
        return a;
    }
    cli_error("%s; nothing was sent", err);
    audit_close(a);
    *rc = EXIT_INTERNAL;
    return NULL;
}

bool cli_audit_write(AuditLog *a, const AuditEvent *ev)
{
    char err[600];
    if (audit_append(a, ev, err, sizeof err))
        return true;
    cli_error("%s: the %s itself %s, but it left no trace here; note it by hand", err, ev->action,
              ev->outcome == AO_OK ? "was done" : ev->outcome == AO_UNKNOWN ? "may have been done" : "was not done");
    return false;
}
