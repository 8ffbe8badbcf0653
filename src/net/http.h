#ifndef REGDESK_NET_HTTP_H
#define REGDESK_NET_HTTP_H
/* One HTTP exchange on a libcurl easy handle: the safe option set every request gets,
 * the capped body buffer, and what a finished exchange means (retry, fail, done).
 * Used only by the worker thread. */
#include <curl/curl.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/strbuf.h"
#include "net/request.h"
#include "net/worker.h"

typedef struct Exchange {
    CURL *easy;
    struct curl_slist *headers;
    StrBuf body;
    size_t cap;
    bool too_big;
    char errbuf[CURL_ERROR_SIZE];
} Exchange;

/* Prepares ex->easy for req with cfg's limits and the bearer token; the attempt may take
 * at most time_left_ms (what remains of the request's timeout). */
bool exchange_setup(Exchange *ex, const Request *req, const WorkerConfig *cfg, const char *token,
                    void *private_ptr, int64_t time_left_ms);
void exchange_cleanup(Exchange *ex);

typedef enum Outcome {
    OUT_OK,       /* 2xx: the body is ready to parse */
    OUT_RETRY,    /* worth another attempt (after a backoff) */
    OUT_FAIL,     /* final */
    OUT_REDIRECT, /* a read redirected within the API's own address: ask there (location) */
} Outcome;

/* Redirects regdesk follows: a GET, to the same scheme, host and port as --api, at most
 * this many in a row. Anything else would carry the token (and the request) elsewhere. */
enum { REDIRECTS_MAX = 5 };

typedef struct ExchangeCtx {
    Method method;
    const WorkerConfig *cfg; /* base (where redirects may go), retry_max_ms (the Retry-After
                                clamp), token_origin (named when the token is refused) */
    int redirects;           /* already followed for this request */
} ExchangeCtx;

typedef struct Verdict {
    ErrorClass ec;
    ApiError api;         /* server errors */
    int http;             /* status seen, 0 if none */
    long retry_after_ms;  /* what the server asked for (clamped), or -1 */
    char msg[MSG_MAX];    /* OUT_RETRY / OUT_FAIL: one sentence (core/msg.h) */
    char location[2048];  /* OUT_REDIRECT */
} Verdict;

/* Classifies a finished exchange. A response over the size cap is final (it would be as
 * large again). */
Outcome exchange_outcome(Exchange *ex, CURLcode res, const ExchangeCtx *ctx, Verdict *v);

#endif
