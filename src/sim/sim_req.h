#ifndef REGDESK_SIM_REQ_H
#define REGDESK_SIM_REQ_H
/* A request as the route handlers see it (decoded query arguments, body, the
 * Authorization header) and the response they fill in. Nothing here knows about
 * libmicrohttpd; sim_http.c translates. */
#include <stdbool.h>
#include <stddef.h>

#include "core/strbuf.h"

typedef enum SimMethod { M_GET, M_POST, M_PUT, M_DELETE, M_OTHER } SimMethod;

typedef struct SimArg {
    const char *key, *value; /* percent-decoded */
} SimArg;

typedef struct SimReq {
    SimMethod method;
    const char *method_name;
    const char *path;
    const SimArg *args;
    size_t n_args;
    const char *body; /* NUL-terminated */
    size_t body_len;
    const char *authorization; /* NULL when absent */
    int fault;                 /* the SimFaultKind drawn for it, when a route applies it */
} SimReq;

typedef struct SimResp {
    unsigned status;
    StrBuf body;
    const char *content_type; /* NULL = application/json */
    unsigned retry_after;     /* seconds; 0 = no Retry-After header */
    char location[2048];      /* a Location header, "" = none */
} SimResp;

/* First value of a query argument, or NULL. */
const char *sim_req_arg(const SimReq *rq, const char *key);

/* {"code":…,"message":…} */
void sim_resp_error(SimResp *out, unsigned status, const char *code, const char *message);
/* 404 ResourceNotFound: nothing is served at this path. */
void sim_resp_no_route(SimResp *out, const char *path);
/* {"message":…,"code":…,"status":N}: the create page's variant (reference §6.5 C). */
void sim_resp_error_status(SimResp *out, unsigned status, const char *code,
                           const char *message);

#endif
