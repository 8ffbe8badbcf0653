#ifndef REGDESK_TESTS_SIMHTTP_H
#define REGDESK_TESTS_SIMHTTP_H
/* A small libcurl client for the simulator tests (loopback only: proxies are disabled),
 * plus cJSON helpers for reading what came back. */
#include <cjson/cJSON.h>
#include <curl/curl.h>
#include <stdbool.h>
#include <stddef.h>

#include "simproc.h"

#define SIM_TOKEN "demo-token"

typedef struct SimHttpReq {
    const char *method; /* NULL = GET */
    const char *path;   /* appended to the simulator's URL */
    const char *token;  /* NULL = no Authorization header */
    const char *auth;   /* a whole Authorization header value, overrides token */
    const char *body;   /* NULL = none; sent as application/json */
    size_t max_body;    /* stop reading after this many bytes (0 = 32 MB) */
    long timeout_ms;    /* 0 = 30 s */
    CURL *handle;       /* reuse this handle (and its connection); NULL = a fresh one */
} SimHttpReq;

typedef struct SimHttpResp {
    CURLcode rc;
    long status;
    char *body; /* NUL-terminated, may contain NULs */
    size_t len;
    char content_type[128];
    char retry_after[32];
    char location[2048];
    long long content_length; /* Content-Length header, -1 when absent */
    double seconds;           /* total transfer time */
} SimHttpResp;

SimHttpResp simhttp_do(const SimProc *sp, const SimHttpReq *rq);
/* GET / send with the demo token. */
SimHttpResp simhttp_get(const SimProc *sp, const char *path);
SimHttpResp simhttp_send(const SimProc *sp, const char *method, const char *path, const char *body);
void simhttp_free(SimHttpResp *r);

/* Strict parse of the body (the whole body must be one JSON value); NULL when invalid. */
cJSON *simhttp_json(const SimHttpResp *r);
/* Value at a dotted path ("data.0._id": numbers index arrays), or NULL. */
const cJSON *sj_path(const cJSON *root, const char *path);
const char *sj_str(const cJSON *root, const char *path); /* NULL unless a string */
double sj_num(const cJSON *root, const char *path);     /* NAN unless a number */

/* GET with the demo token, parsed; asserts status 200 and valid JSON. Caller deletes. */
cJSON *simhttp_get_json(const SimProc *sp, const char *path);
/* GET /__sim/stats, parsed. */
cJSON *simhttp_stats(const SimProc *sp);

/* Another reviewer: the e-mail login with the demo code; the token (free it). */
char *simhttp_login(const SimProc *sp, const char *email);
/* An adminOverride made with that token (another reviewer deciding first); asserts 200. */
void simhttp_override_as(const SimProc *sp, const char *token, const char *id, const char *status, const char *note);

#endif
