#ifndef REGDESK_LOCAL_AUDIT_H
#define REGDESK_LOCAL_AUDIT_H
/* The audit log file, shared by the CLI and the dashboard: one JSON line (core/audit.h)
 * per decision, resend, create, copy of a link (and, from issue 12, reveal, lock, unlock
 * and export), appended with one write(2) on an O_APPEND descriptor and fsync'd, so
 * several regdesk processes of one user can share it and a crash leaves whole lines.
 *
 * The file is $XDG_STATE_HOME/regdesk/audit.log (~/.local/state/regdesk/audit.log);
 * main works the path out (core/paths.h) and hands it down. Directories regdesk creates
 * get mode 0700, the file 0600. An action whose line cannot be written does not happen:
 * callers ask audit_check first and refuse with its sentence. */
#include <stdbool.h>
#include <stddef.h>

#include "core/audit.h"

typedef struct AuditLog AuditLog;

/* A writer for the log at path; via is "dashboard" or "cli", api the API's host[:port].
 * Looks up the local user and host name; touches no file. */
AuditLog *audit_open(const char *path, const char *via, const char *api);
void audit_close(AuditLog *a);
const char *audit_path(const AuditLog *a);

/* Whether a line can be written now: creates the directories (0700) and the file (0600)
 * if missing, and refuses (one sentence in err, naming the file and what to do) a file
 * that is a link, not a regular file, someone else's, or not writable; a file other
 * people may read or write is put back to 0600. */
bool audit_check(AuditLog *a, char *err, size_t n);
/* The one way to write: ev stamped with the time, user, host, via and api, as one line.
 * A line that cannot be written whole is taken back (the file is cut to its old length),
 * and err says why. */
bool audit_append(AuditLog *a, const AuditEvent *ev, char *err, size_t n);

/* Reads the log at path line by line: fn gets each line (without its '\n') and its
 * 1-based number; false from fn stops. *missing is set (and true returned) when there is
 * no log yet; otherwise false with err when the file cannot be read. */
typedef bool (*AuditLineFn)(void *ctx, size_t lineno, const char *line, size_t len);
bool audit_read(const char *path, AuditLineFn fn, void *ctx, bool *missing, char *err, size_t n);

#endif
