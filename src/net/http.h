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

/* Prepares ex->easy for req with cfg's limits and the bearer token. */
bool exchange_setup(Exchange *ex, const Request *req, const WorkerConfig *cfg, const char *token,
                    void *private_ptr);
void exchange_cleanup(Exchange *ex);

typedef enum Outcome {
    OUT_OK,    /* 2xx: the body is ready to parse */
    OUT_RETRY, /* worth another attempt (after a backoff) */
    OUT_FAIL,  /* final */
} Outcome;

/* Classifies a finished exchange. For OUT_RETRY/OUT_FAIL, fills error class, message
 * (one sentence; a refused token names where it came from, cfg->token_origin), *http and
 * (for server errors) api. retry_after_ms: what the server asked for (Retry-After,
 * clamped to [0, cfg->retry_max_ms]), or -1. */
Outcome exchange_outcome(Exchange *ex, CURLcode res, Method method, const WorkerConfig *cfg, ErrorClass *ec,
                         ApiError *api, int *http, long *retry_after_ms, char *msg, size_t n);

#endif
