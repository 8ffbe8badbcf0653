#ifndef REGDESK_CLI_CLIAUDIT_H
#define REGDESK_CLI_CLIAUDIT_H
/* The audit log for the commands that change data (override, resend-link, create): it
 * must be writable before anything is sent, and every action that was sent leaves one
 * line (local/audit.h). */
#include <stdbool.h>

#include "cli/cli.h"
#include "local/audit.h"

/* The log, checked writable; NULL with the reason printed and *rc set when it is not
 * (then nothing may be sent). */
AuditLog *cli_audit_start(const CliSettings *s, int *rc);
/* Writes the action's line; when it cannot, prints why (the action itself happened, as
 * the sentence says) and returns false. */
bool cli_audit_write(AuditLog *a, const AuditEvent *ev);

#endif
