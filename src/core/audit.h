#ifndef REGDESK_CORE_AUDIT_H
#define REGDESK_CORE_AUDIT_H
/* The audit log's records: what an action did (AuditEvent, filled by whoever acted),
 * stamped with when, who, where and through what (AuditStamp, filled by the writer in
 * local/audit), as one JSON line; and a line read back (AuditEntry) for `regdesk audit`.
 * Pure: the file itself is local/audit's.
 *
 * A line, with every key (README "Audit log" and regdesk(1) document them):
 *   {"time":"2026-12-03T14:08:29.123Z","user":"lucia","host":"bastion","via":"dashboard",
 *    "api":"api.verifik.co","action":"override","id":"6650aa01c0ffee0000000001",
 *    "from":"NEEDS_MANUAL_VERIFICATION","to":"COMPLETED","outcome":"ok","http":200}
 * then the action's own keys, if any (create: "project", "flow"; resend-link: "emailed").
 * A line never holds a name, an e-mail, a phone, a document number, a note, a link or a
 * token: the event has no room for them, and extras carry ids, counts and flags only. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/strbuf.h"

typedef enum AuditOutcome {
    AO_OK,       /* done */
    AO_FAILED,   /* not done: the API refused it, or it provably never arrived */
    AO_CONFLICT, /* not sent: the record changed since it was opened (another reviewer) */
    AO_UNKNOWN,  /* sent, and neither its answer nor a re-read says whether it was done */
    AO__COUNT
} AuditOutcome;

/* "ok", "failed", "conflict", "unknown". */
const char *audit_outcome_name(AuditOutcome o);

/* An action's own key: lower-case letters and '_' only, never one of the fixed keys. */
typedef enum AuditValueKind { AV_TEXT, AV_NUM, AV_BOOL } AuditValueKind;
typedef struct AuditExtra {
    const char *key;
    AuditValueKind kind;
    const char *text; /* AV_TEXT (NULL writes null) */
    long long num;    /* AV_NUM; AV_BOOL: 0 or 1 */
} AuditExtra;

enum { AUDIT_EXTRA_MAX = 6 };

typedef struct AuditEvent {
    const char *action;  /* "override", "resend-link", "create", "copy-link", … */
    const char *id;      /* the registration, or NULL */
    const char *from;    /* status before (status_name), or NULL where it does not apply */
    const char *to;      /* status asked for, or NULL */
    AuditOutcome outcome;
    int http;            /* HTTP status of the answer that settled it; 0: none came */
    AuditExtra extra[AUDIT_EXTRA_MAX];
    size_t n_extra;
} AuditEvent;

/* Adds an action's own key to ev (ignored past AUDIT_EXTRA_MAX). */
void audit_extra_text(AuditEvent *ev, const char *key, const char *text);
void audit_extra_num(AuditEvent *ev, const char *key, long long num);
void audit_extra_bool(AuditEvent *ev, const char *key, bool v);

typedef struct AuditStamp {
    int64_t time_ms;
    const char *user, *host;
    const char *via; /* "dashboard" or "cli" */
    const char *api; /* the API's host[:port] */
} AuditStamp;

/* The record as one line of JSON ending in '\n', appended to out. */
void audit_format(const AuditStamp *st, const AuditEvent *ev, StrBuf *out);

/* ---- reading back (parse_audit.c) ----------------------------------------------------- */

enum { AUDIT_FIELDS_MAX = 24, AUDIT_KEY_MAX = 32, AUDIT_TEXT_MAX = 200 };

typedef struct AuditField {
    char key[AUDIT_KEY_MAX];
    enum { AT_STRING, AT_NUMBER, AT_BOOLEAN, AT_NULL } kind;
    char text[AUDIT_TEXT_MAX]; /* the value as text (display-safe); "" for null */
    double num;
} AuditField;

/* One line of the log, its members in order; strings made display-safe. */
typedef struct AuditEntry {
    AuditField f[AUDIT_FIELDS_MAX];
    size_t n;
    int64_t time_ms; /* the "time" key */
} AuditEntry;

/* False when the line is not a JSON object with a "time" and an "action" (a cut line,
 * or not one of regdesk's). */
bool audit_parse(const char *line, size_t len, AuditEntry *out);
/* The value of key as text ("" when absent or null). */
const char *audit_entry_text(const AuditEntry *e, const char *key);
/* Whether key is one of the fixed keys every line has; and all of them, in line order. */
bool audit_key_fixed(const char *key);
const char *const *audit_fixed_keys(size_t *n);

#endif
