#ifndef REGDESK_NET_REQUEST_H
#define REGDESK_NET_REQUEST_H
/* Request builders: method, URL and JSON body for every call regdesk makes. Pure and
 * unit-tested; the worker only sends what these build. */
#include <stdbool.h>
#include <stddef.h>

#include "core/filter.h"
#include "core/record.h"
#include "net/url.h"

typedef enum Method { M_GET, M_POST, M_PUT, M_DELETE } Method;

typedef struct Request {
    Method method;
    char *url;  /* malloc'd */
    char *body; /* malloc'd JSON, or NULL */
} Request;

/* Frees both strings; the body is overwritten first (it may hold a one-time code). */
void request_free(Request *r);

/* The populate sets. The list asks for what the list and the related index need; the
 * retrieve asks for what a reviewer needs (the set Verifik's own dashboard uses). */
extern const char *const LIST_POPULATES[];
extern const char *const REVIEW_POPULATES[];

enum { PAGE_SIZE_MAX = 100 };

/* GET /v2/app-registrations with the server-side part of a filter, page, both `limit`
 * and `perPage` (older deployments read one, newer the other), sort and populates[]. */
Request request_list(const ApiBase *base, const ServerParams *sp, const char *sort, int page, int limit);
Request request_retrieve(const ApiBase *base, const char *id);
/* PUT /{id}/sync {"step":"adminOverride","status":…,"note":…}. */
Request request_override(const ApiBase *base, const char *id, Status status, const char *note);
Request request_resend_link(const ApiBase *base, const char *id, bool send_email);
typedef struct CreateParams {
    const char *project, *flow, *email, *phone, *country_code, *language; /* NULL = not sent */
} CreateParams;
Request request_create(const ApiBase *base, const CreateParams *p);
/* GET /v3/projects (D-PROJ-LIST): the account's projects with their flows. */
Request request_projects(const ApiBase *base, int page, int limit);
Request request_login(const ApiBase *base, const char *email);
Request request_login_confirm(const ApiBase *base, const char *email, const char *otp);

/* Statuses a reviewer may set by override (what Verifik's dashboard offers). */
bool override_status_allowed(Status s);

#endif
