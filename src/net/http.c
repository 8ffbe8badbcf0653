#include "net/http.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buildinfo.h"
#include "core/safetext.h"

static size_t on_body(char *data, size_t size, size_t nmemb, void *userp)
{
    Exchange *ex = userp;
    size_t n = size * nmemb;
    /* The cap lives here, on decoded bytes: MAXFILESIZE does not stop a chunked body
     * in libcurl 7.88, and a compressed body can expand without limit. */
    if (ex->body.len + n > ex->cap) {
        ex->too_big = true;
        return 0;
    }
    strbuf_append(&ex->body, data, n);
    return n;
}

bool exchange_setup(Exchange *ex, const Request *req, const WorkerConfig *cfg, const char *token,
                    void *private_ptr)
{
    memset(ex, 0, sizeof *ex);
    ex->cap = cfg->max_response;
    ex->easy = curl_easy_init();
    if (!ex->easy)
        return false;
    CURL *e = ex->easy;
    bool plain_ok = !cfg->base.https; /* api_base_parse only lets http through when allowed */
    curl_easy_setopt(e, CURLOPT_URL, req->url);
    curl_easy_setopt(e, CURLOPT_PRIVATE, private_ptr);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, plain_ok ? "https,http" : "https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L); /* a redirect is reported, never followed */
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
    if (cfg->cacert)
        curl_easy_setopt(e, CURLOPT_CAINFO, cfg->cacert);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, cfg->connect_timeout_ms);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, cfg->total_timeout_ms);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, cfg->low_speed_bytes);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, cfg->low_speed_time_s);
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L);
    curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
    char agent[64]; /* libcurl copies it */
    snprintf(agent, sizeof agent, "regdesk/%s", buildinfo_version);
    curl_easy_setopt(e, CURLOPT_USERAGENT, agent);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, ex->errbuf);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, ex);
    if (token) {
        /* libcurl keeps its own copy; the Authorization header it builds is dropped on
         * any redirect to another host, and redirects are not followed anyway. */
        curl_easy_setopt(e, CURLOPT_HTTPAUTH, (long)CURLAUTH_BEARER);
        curl_easy_setopt(e, CURLOPT_XOAUTH2_BEARER, token);
    }
    ex->headers = curl_slist_append(ex->headers, "Accept: application/json");
    switch (req->method) {
    case M_GET: break;
    case M_DELETE: curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, "DELETE"); break;
    case M_PUT: curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, "PUT"); /* fall through */
    case M_POST:
        /* A fresh connection: on a reused one that turns out dead, libcurl sends the request
         * again by itself, and an action that reached the API would be done twice. */
        curl_easy_setopt(e, CURLOPT_FRESH_CONNECT, 1L);
        curl_easy_setopt(e, CURLOPT_POST, 1L);
        curl_easy_setopt(e, CURLOPT_POSTFIELDS, req->body ? req->body : "");
        ex->headers = curl_slist_append(ex->headers, "Content-Type: application/json");
        break;
    }
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, ex->headers);
    return ex->headers != NULL;
}

void exchange_cleanup(Exchange *ex)
{
    if (ex->easy)
        curl_easy_cleanup(ex->easy);
    curl_slist_free_all(ex->headers);
    strbuf_free(&ex->body);
    memset(ex, 0, sizeof *ex);
}

/* Transport failures where the request provably never reached the server: safe to
 * repeat even a POST. */
static bool never_sent(CURLcode res)
{
    return res == CURLE_COULDNT_RESOLVE_HOST || res == CURLE_COULDNT_CONNECT ||
           res == CURLE_COULDNT_RESOLVE_PROXY;
}

static bool transient(CURLcode res)
{
    switch (res) {
    case CURLE_COULDNT_RESOLVE_HOST: case CURLE_COULDNT_CONNECT: case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR: case CURLE_RECV_ERROR: case CURLE_GOT_NOTHING: case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2: case CURLE_HTTP2_STREAM: case CURLE_SSL_CONNECT_ERROR:
    case CURLE_BAD_CONTENT_ENCODING: case CURLE_WRITE_ERROR:
        return true;
    default:
        return false;
    }
}

static void transport_message(const Exchange *ex, CURLcode res, char *msg, size_t n)
{
    if (ex->too_big) {
        fmt_bounded(msg, n, "the API sent a response larger than the %zu MB limit; raise max_response "
                         "in the config if this is expected", ex->cap / (1024 * 1024));
        return;
    }
    const char *what = ex->errbuf[0] ? ex->errbuf : curl_easy_strerror(res);
    StrBuf safe = STRBUF_INIT; /* libcurl's text can quote server bytes */
    safetext_append(&safe, what, strlen(what), SAFE_LINE);
    switch (res) {
    case CURLE_COULDNT_RESOLVE_HOST:
        fmt_bounded(msg, n, "cannot find the API host (%s); check --api and your DNS", strbuf_cstr(&safe));
        break;
    case CURLE_COULDNT_CONNECT:
        fmt_bounded(msg, n, "cannot connect to the API (%s); is it reachable from here?", strbuf_cstr(&safe));
        break;
    case CURLE_OPERATION_TIMEDOUT:
        fmt_bounded(msg, n, "the API did not answer in time (%s)", strbuf_cstr(&safe));
        break;
    case CURLE_PEER_FAILED_VERIFICATION: case CURLE_SSL_CACERT_BADFILE:
        fmt_bounded(msg, n, "the API's TLS certificate could not be verified (%s); use --cacert FILE "
                         "for a private CA", strbuf_cstr(&safe));
        break;
    case CURLE_UNSUPPORTED_PROTOCOL:
        fmt_bounded(msg, n, "refused to use that protocol (%s); regdesk talks https only", strbuf_cstr(&safe));
        break;
    default:
        fmt_bounded(msg, n, "network error talking to the API: %s", strbuf_cstr(&safe));
    }
    strbuf_free(&safe);
}

static long retry_after(CURL *e, long cap_ms)
{
    curl_off_t ra = -1;
    if (curl_easy_getinfo(e, CURLINFO_RETRY_AFTER, &ra) != CURLE_OK || ra <= 0)
        return ra == 0 ? 0 : -1;
    /* 7.88 can return a huge negative for a date in the past; above, ra > 0. */
    long ms = ra > cap_ms / 1000 ? cap_ms : (long)ra * 1000;
    return ms;
}

static void redirect_message(CURL *e, long http, char *msg, size_t n)
{
    char *loc = NULL;
    curl_easy_getinfo(e, CURLINFO_REDIRECT_URL, &loc);
    StrBuf safe = STRBUF_INIT;
    if (loc)
        safetext_append(&safe, loc, strlen(loc) > 200 ? 200 : strlen(loc), SAFE_LINE);
    fmt_bounded(msg, n, "the API answered HTTP %ld, a redirect to %s; regdesk does not follow redirects "
                     "(the token would go along): set --api to the final address",
             http, safe.len ? strbuf_cstr(&safe) : "an unnamed place");
    strbuf_free(&safe);
}

Outcome exchange_outcome(Exchange *ex, CURLcode res, Method method, const WorkerConfig *cfg, ErrorClass *ec,
                         ApiError *api, int *http, long *retry_after_ms, char *msg, size_t n)
{
    long code = 0;
    curl_easy_getinfo(ex->easy, CURLINFO_RESPONSE_CODE, &code);
    *http = (int)code;
    *retry_after_ms = -1;
    *ec = EC_NONE;
    bool idempotent = method == M_GET;
    if (res != CURLE_OK) {
        *ec = EC_NETWORK;
        transport_message(ex, res, msg, n);
        bool retry = transient(res) && (idempotent || never_sent(res));
        return retry ? OUT_RETRY : OUT_FAIL;
    }
    if (code >= 200 && code < 300)
        return OUT_OK;
    if (code >= 300 && code < 400) {
        *ec = EC_SERVER;
        redirect_message(ex->easy, code, msg, n);
        return OUT_FAIL;
    }
    parse_api_error((int)code, ex->body.s ? ex->body.s : (char *)"", ex->body.len, api);
    if (code == 429 || code >= 500) {
        *ec = EC_SERVER;
        *retry_after_ms = retry_after(ex->easy, cfg->retry_max_ms);
        char what[300];
        api_error_describe(api, what, sizeof what);
        fmt_bounded(msg, n, "%s", what);
        /* 429 means "not processed": safe to repeat anything. A 5xx on a POST/PUT may
         * have done the work, so only reads are repeated. */
        return code == 429 || idempotent ? OUT_RETRY : OUT_FAIL;
    }
    if (api_error_is_auth(api)) {
        *ec = EC_AUTH;
        token_refused_sentence(&cfg->token_origin, (int)code, api->message[0] ? api->message : api->code, msg, n);
        return OUT_FAIL;
    }
    *ec = EC_SERVER;
    api_error_describe(api, msg, n);
    return OUT_FAIL;
}
