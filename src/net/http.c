#include "net/http.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buildinfo.h"
#include "core/msg.h"
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
                    void *private_ptr, int64_t time_left_ms)
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
    long left = time_left_ms < 1 ? 1 : time_left_ms > cfg->total_timeout_ms ? cfg->total_timeout_ms : (long)time_left_ms;
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, cfg->connect_timeout_ms < left ? cfg->connect_timeout_ms : left);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, left); /* an overall deadline: a trickle cannot outlast it */
    if (cfg->base.loopback) /* a proxy would see a loopback API's token; loopback never needs one */
        curl_easy_setopt(e, CURLOPT_PROXY, "");
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
        msg_format(msg, n, "the API sent a response larger than the %zu MB limit; raise max_response_mb "
                         "in the config if this is expected", ex->cap / (1024 * 1024));
        return;
    }
    /* libcurl's text can quote server bytes: quoted, so it is made safe and shrinks first. */
    const char *what = ex->errbuf[0] ? ex->errbuf : curl_easy_strerror(res);
    switch (res) {
    case CURLE_COULDNT_RESOLVE_HOST:
        msg_format(msg, n, "cannot find the API host (" QS "); check --api and your DNS", what);
        break;
    case CURLE_COULDNT_CONNECT:
        msg_format(msg, n, "cannot connect to the API (" QS "); is it reachable from here?", what);
        break;
    case CURLE_OPERATION_TIMEDOUT:
        msg_format(msg, n, "the API did not answer in time (" QS ")", what);
        break;
    case CURLE_PEER_FAILED_VERIFICATION: case CURLE_SSL_CACERT_BADFILE:
        msg_format(msg, n, "the API's TLS certificate could not be verified (" QS "); use --cacert FILE "
                         "for a private CA", what);
        break;
    case CURLE_UNSUPPORTED_PROTOCOL:
        msg_format(msg, n, "refused to use that protocol (" QS "); regdesk talks https only", what);
        break;
    default:
        msg_format(msg, n, "network error talking to the API: " QS, what);
    }
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

/* scheme, host and port of an absolute URL, lower-cased, for comparing origins. */
static bool origin_of(const char *url, char *out, size_t n)
{
    CURLU *u = curl_url();
    char *scheme = NULL, *host = NULL, *port = NULL;
    bool ok = u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
              curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
              curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
              curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK;
    if (ok)
        snprintf(out, n, "%s://%s:%s", scheme, host, port);
    for (char *p = out; ok && *p; p++)
        *p = (char)tolower((unsigned char)*p);
    curl_free(scheme);
    curl_free(host);
    curl_free(port);
    curl_url_cleanup(u);
    return ok;
}

/* Follows a read to the same origin; refuses everything else with a sentence. */
static Outcome redirect(CURL *e, long http, const ExchangeCtx *ctx, Verdict *v)
{
    char *loc = NULL, here[600], there[600];
    curl_easy_getinfo(e, CURLINFO_REDIRECT_URL, &loc);
    v->ec = EC_SERVER;
    if (!loc) {
        msg_format(v->msg, sizeof v->msg, "the API answered HTTP %ld, a redirect that names no address: set --api to "
                   "the final address", http);
    } else if (!origin_of(loc, there, sizeof there) || !origin_of(ctx->cfg->base.url, here, sizeof here) ||
               strcmp(here, there)) {
        msg_format(v->msg, sizeof v->msg, "the API answered HTTP %ld, a redirect to " QS "; regdesk follows redirects "
                   "only within " QS " (the token would go along): set --api to the final address", http, loc,
                   ctx->cfg->base.url);
    } else if (ctx->method != M_GET) {
        msg_format(v->msg, sizeof v->msg, "the API answered HTTP %ld, a redirect to " QS "; regdesk does not send a "
                   "change (override, resend-link, create, login) on to another address: set --api to the final "
                   "address", http, loc);
    } else if (ctx->redirects >= REDIRECTS_MAX) {
        msg_format(v->msg, sizeof v->msg, "the API redirected %d times in a row, the last time to " QS " (a loop?): "
                   "set --api to the final address", ctx->redirects + 1, loc);
    } else {
        snprintf(v->location, sizeof v->location, "%s", loc);
        return strlen(loc) < sizeof v->location ? OUT_REDIRECT : OUT_FAIL;
    }
    return OUT_FAIL;
}

Outcome exchange_outcome(Exchange *ex, CURLcode res, const ExchangeCtx *ctx, Verdict *v)
{
    memset(v, 0, sizeof *v);
    long code = 0;
    curl_easy_getinfo(ex->easy, CURLINFO_RESPONSE_CODE, &code);
    v->http = (int)code;
    v->retry_after_ms = -1;
    bool idempotent = ctx->method == M_GET;
    if (res != CURLE_OK) {
        v->ec = EC_NETWORK;
        transport_message(ex, res, v->msg, sizeof v->msg);
        bool retry = !ex->too_big && transient(res) && (idempotent || never_sent(res));
        return retry ? OUT_RETRY : OUT_FAIL;
    }
    if (code >= 200 && code < 300)
        return OUT_OK;
    if (code >= 300 && code < 400)
        return redirect(ex->easy, code, ctx, v);
    ApiError *api = &v->api;
    parse_api_error((int)code, ex->body.s ? ex->body.s : (char *)"", ex->body.len, api);
    if (code == 429 || code >= 500) {
        v->ec = EC_SERVER;
        v->retry_after_ms = retry_after(ex->easy, ctx->cfg->retry_max_ms);
        api_error_describe(api, v->msg, sizeof v->msg);
        /* 429 means "not processed": safe to repeat anything. A 5xx on a POST/PUT may
         * have done the work, so only reads are repeated. */
        return code == 429 || idempotent ? OUT_RETRY : OUT_FAIL;
    }
    if (api_error_is_auth(api)) {
        v->ec = EC_AUTH;
        token_refused_sentence(&ctx->cfg->token_origin, (int)code, api->message[0] ? api->message : api->code, v->msg,
                               sizeof v->msg);
        return OUT_FAIL;
    }
    v->ec = EC_SERVER;
    api_error_describe(api, v->msg, sizeof v->msg);
    return OUT_FAIL;
}
