#ifndef REGDESK_CORE_PARSE_H
#define REGDESK_CORE_PARSE_H
/* JSON → records. The only core module that knows cJSON; nothing it returns exposes it.
 *
 * Tolerant by design (reference §10): list pages in every documented envelope, `_id` or
 * `id`, every name spelling, any status casing, refs as ids, objects, null or absent,
 * numbers sent as strings, scores on 0–1 or 0–100. A field of the wrong type is kept and
 * marked invalid; it never costs the record, and a bad record never costs its neighbours.
 *
 * Bodies are passed as (buf, len) with buf[len] == '\0'. The parser may rewrite the
 * escape \u0000 inside strings to \u2400 in place (cJSON would silently cut the string
 * there), so the buffer must be writable. */
#include <stdbool.h>
#include <stddef.h>

#include "core/record.h"

typedef struct Page {
    Summary **items; /* owned; take them with store_merge_page */
    size_t n;
    long total, page, pages, limit; /* -1 when the envelope did not say */
    size_t skipped;       /* array elements that were not objects */
    size_t with_invalid;  /* records kept with at least one invalid field */
} Page;

bool parse_page(char *body, size_t len, Page *out, char *err, size_t errlen);
void page_free(Page *p);

/* A page of the projects list (GET /v3/projects, D-PROJ-LIST): each project with the
 * flows it lists (objects, or ids only). Strings are display-safe, "" when absent. */
typedef struct FlowInfo {
    const char *id, *name, *type, *status;
} FlowInfo;
typedef struct ProjectInfo {
    const char *id, *name, *status;
    FlowInfo *flows;
    size_t n_flows;
} ProjectInfo;
typedef struct ProjectPage {
    Arena arena; /* everything below */
    ProjectInfo *items;
    size_t n;
    long total, pages; /* -1 when the envelope did not say */
} ProjectPage;
/* False (nothing to free) with err filled when the body holds no projects list. */
bool parse_projects(char *body, size_t len, ProjectPage *out, char *err, size_t errlen);
void project_page_free(ProjectPage *p);

/* One registration, from `{"data": {...}}` or a bare object (retrieve, adminOverride). */
Detail *parse_detail(char *body, size_t len, char *err, size_t errlen);

/* The error envelope of any variant in reference §6.5 (A–G), plus HTML or empty bodies. */
typedef struct ApiError {
    int http;          /* HTTP status of the response */
    int status;        /* status the body claims ("404:…" prefix or numeric `status`), else http */
    char code[64];     /* "NotFound", "AppRegistration_not_found", "MissingParameter"… */
    char message[256]; /* machine message without the "NNN:" prefix and "@detail" */
    char detail[64];   /* what followed '@', e.g. "0.45" in 409:liveness_failed@0.45 */
} ApiError;

void parse_api_error(int http, char *body, size_t len, ApiError *out);
/* The token was refused: any 401, or a 403 whose message says it expired
 * (Forbidden/expired_token, FORBIDDEN/token_expired; reference §6.6). A plain 403
 * "Access forbidden" is a permission problem, not an expired session. */
bool api_error_is_auth(const ApiError *e);
/* One sentence for a person, the code kept in brackets: every documented code is
 * translated ("this registration's status does not allow a new link …
 * [cannot_resend_link_for_this_status]"), a free-text message under a category code
 * is quoted ("the API refused a parameter: missing countryCode [MissingParameter]"),
 * anything else reads "the API answered HTTP 409: <message> [<code>]". Made with
 * msg_format: the server's words are quoted (core/msg.h). */
void api_error_describe(const ApiError *e, char *buf, size_t n);

/* The token of a login confirm or renew response, in any documented place:
 * data.accessToken, accessToken, token or data.token (reference §10.14). Returns a
 * malloc'd copy the caller must explicit_bzero and free, or NULL when there is none or it
 * holds characters no token has. The body is wiped before returning. */
char *parse_access_token(char *body, size_t len);

/* resend-link's answer. The link carries a 30-minute enrollee token: show it masked. */
typedef struct ResendLink {
    char link[1024];    /* sanitised; empty when absent */
    int64_t expires_ms; /* TIME_NONE when absent; accepts "YYYY-MM-DD HH:MM:SS" and ISO */
    bool email_sent;
    char email[256];    /* where it was sent, when it was */
} ResendLink;
bool parse_resend_link(char *body, size_t len, ResendLink *out, char *err, size_t errlen);

#endif
