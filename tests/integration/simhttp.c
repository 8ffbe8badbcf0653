#include "simhttp.h"

#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct Sink {
    SimHttpResp *r;
    size_t cap, max;
} Sink;

static size_t on_body(char *data, size_t size, size_t n, void *arg)
{
    Sink *s = arg;
    size_t len = size * n;
    if (s->r->len + len > s->max)
        return 0; /* abort the transfer: CURLE_WRITE_ERROR */
    if (s->r->len + len + 1 > s->cap) {
        s->cap = (s->r->len + len + 1) * 2;
        s->r->body = realloc(s->r->body, s->cap);
    }
    memcpy(s->r->body + s->r->len, data, len);
    s->r->len += len;
    s->r->body[s->r->len] = '\0';
    return len;
}

static void header_value(const char *line, size_t len, const char *name, char *out, size_t n)
{
    size_t nl = strlen(name);
    if (len <= nl || strncasecmp(line, name, nl) != 0)
        return;
    const char *v = line + nl;
    size_t vl = len - nl;
    for (; vl && *v == ' '; vl--)
        v++;
    while (vl && (v[vl - 1] == '\r' || v[vl - 1] == '\n'))
        vl--;
    snprintf(out, n, "%.*s", (int)vl, v);
}

static size_t on_header(char *line, size_t size, size_t n, void *arg)
{
    SimHttpResp *r = arg;
    size_t len = size * n;
    char cl[32] = "";
    header_value(line, len, "Content-Type:", r->content_type, sizeof r->content_type);
    header_value(line, len, "Retry-After:", r->retry_after, sizeof r->retry_after);
    header_value(line, len, "Location:", r->location, sizeof r->location);
    header_value(line, len, "Content-Length:", cl, sizeof cl);
    if (*cl)
        r->content_length = atoll(cl);
    return len;
}

SimHttpResp simhttp_do(const SimProc *sp, const SimHttpReq *rq)
{
    SimHttpResp r = { .content_length = -1 };
    Sink sink = { &r, 0, rq->max_body ? rq->max_body : 32u << 20 };
    CURL *h = rq->handle ? rq->handle : curl_easy_init();
    char url[4096], auth[512];
    snprintf(url, sizeof url, "%s%s", simproc_url(sp), rq->path);
    struct curl_slist *hdrs = NULL;
    if (rq->auth || rq->token) {
        if (rq->auth)
            snprintf(auth, sizeof auth, "Authorization: %s", rq->auth);
        else
            snprintf(auth, sizeof auth, "Authorization: Bearer %s", rq->token);
        hdrs = curl_slist_append(hdrs, auth);
    }
    if (rq->body)
        hdrs = curl_slist_append(hdrs, "Content-Type: application/json");
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_PROXY, "");
    curl_easy_setopt(h, CURLOPT_NOPROXY, "*");
    curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, rq->method ? rq->method : "GET");
    curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    if (rq->body)
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, rq->body);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &r);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, rq->timeout_ms ? rq->timeout_ms : 30000L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    r.rc = curl_easy_perform(h);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &r.status);
    curl_easy_getinfo(h, CURLINFO_TOTAL_TIME, &r.seconds);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, NULL);
    curl_slist_free_all(hdrs);
    if (!rq->handle)
        curl_easy_cleanup(h);
    if (!r.body)
        r.body = calloc(1, 1);
    return r;
}

SimHttpResp simhttp_get(const SimProc *sp, const char *path)
{
    SimHttpReq rq = { .path = path, .token = SIM_TOKEN };
    return simhttp_do(sp, &rq);
}

SimHttpResp simhttp_send(const SimProc *sp, const char *method, const char *path, const char *body)
{
    SimHttpReq rq = { .method = method, .path = path, .token = SIM_TOKEN, .body = body };
    return simhttp_do(sp, &rq);
}

void simhttp_free(SimHttpResp *r)
{
    free(r->body);
    r->body = NULL;
}

cJSON *simhttp_json(const SimHttpResp *r)
{
    /* the length includes the terminating NUL: cJSON's strict mode wants it that way */
    return cJSON_ParseWithLengthOpts(r->body, r->len + 1, NULL, 1);
}

const cJSON *sj_path(const cJSON *root, const char *path)
{
    char key[128];
    const cJSON *cur = root;
    while (cur && *path) {
        size_t n = strcspn(path, ".");
        snprintf(key, sizeof key, "%.*s", (int)n, path);
        path += n + (path[n] == '.');
        char *end;
        long i = strtol(key, &end, 10);
        if (cJSON_IsArray(cur) && *key && !*end)
            cur = cJSON_GetArrayItem(cur, (int)i);
        else
            cur = cJSON_GetObjectItemCaseSensitive(cur, key);
    }
    return cur;
}

const char *sj_str(const cJSON *root, const char *path)
{
    const cJSON *v = sj_path(root, path);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

double sj_num(const cJSON *root, const char *path)
{
    const cJSON *v = sj_path(root, path);
    return cJSON_IsNumber(v) ? v->valuedouble : NAN;
}

cJSON *simhttp_get_json(const SimProc *sp, const char *path)
{
    SimHttpResp r = simhttp_get(sp, path);
    cr_assert_eq(r.rc, CURLE_OK, "GET %s: %s", path, curl_easy_strerror(r.rc));
    cr_assert_eq(r.status, 200, "GET %s: status %ld body %.300s", path, r.status, r.body);
    cJSON *j = simhttp_json(&r);
    cr_assert_not_null(j, "GET %s: invalid JSON %.300s", path, r.body);
    simhttp_free(&r);
    return j;
}

cJSON *simhttp_stats(const SimProc *sp)
{
    SimHttpReq rq = { .path = "/__sim/stats" };
    SimHttpResp r = simhttp_do(sp, &rq);
    cr_assert_eq(r.status, 200, "stats: %ld", r.status);
    cJSON *j = simhttp_json(&r);
    cr_assert_not_null(j);
    simhttp_free(&r);
    return j;
}

char *simhttp_login(const SimProc *sp, const char *email)
{
    char path[300], body[300];
    snprintf(path, sizeof path, "/v2/projects/email-login?email=%s", email);
    SimHttpReq start = { .method = "POST", .path = path };
    SimHttpResp r = simhttp_do(sp, &start);
    cr_assert_eq(r.status, 200, "email-login: %ld", r.status);
    simhttp_free(&r);
    snprintf(body, sizeof body, "{\"email\":\"%s\",\"otp\":\"123456\"}", email);
    SimHttpReq confirm = { .method = "POST", .path = "/v2/projects/email-login/confirm", .body = body };
    r = simhttp_do(sp, &confirm);
    cJSON *j = simhttp_json(&r);
    const char *tok = sj_str(j, "data.accessToken");
    cr_assert_not_null(tok, "no token in %s", r.body);
    char *out = strdup(tok);
    cJSON_Delete(j);
    simhttp_free(&r);
    return out;
}

void simhttp_override_as(const SimProc *sp, const char *token, const char *id, const char *status, const char *note)
{
    char path[200], body[600];
    snprintf(path, sizeof path, "/v2/app-registrations/%s/sync", id);
    snprintf(body, sizeof body, "{\"step\":\"adminOverride\",\"status\":\"%s\",\"note\":\"%s\"}", status, note);
    SimHttpReq rq = { .method = "PUT", .path = path, .token = token, .body = body };
    SimHttpResp r = simhttp_do(sp, &rq);
    cr_assert_eq(r.status, 200, "the other reviewer's override: %ld %s", r.status, r.body ? r.body : "");
    simhttp_free(&r);
}
