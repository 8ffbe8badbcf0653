#include "sim/sim_fault.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/sim_rng.h"

static const char *const names[FK__COUNT] = {
    "none", "error", "429", "truncate", "malformed", "reset", "slow", "huge", "html",
};

const char *sim_fault_name(SimFaultKind k)
{
    return names[k];
}

void sim_fault_defaults(SimFaultSpec *f)
{
    memset(f, 0, sizeof *f);
    f->retry_after = 1;
    f->slow_ms = 2000;
    f->huge_mb = 200;
}

static bool set_key(SimFaultSpec *f, const char *key, double v)
{
    for (int k = FK_ERROR; k < FK__COUNT; k++) {
        if (strcmp(key, names[k]) == 0) {
            if (v < 0 || v > 1)
                return false;
            f->p[k] = v;
            return true;
        }
    }
    if (v < 0 || v > 1e7)
        return false;
    if (strcmp(key, "latency") == 0)
        f->latency_ms = (unsigned)v;
    else if (strcmp(key, "retry-after") == 0)
        f->retry_after = (unsigned)v;
    else if (strcmp(key, "slow-ms") == 0)
        f->slow_ms = (unsigned)v;
    else if (strcmp(key, "huge-mb") == 0 && v >= 1 && v <= 4096)
        f->huge_mb = (unsigned)v;
    else
        return false;
    return true;
}

bool sim_fault_parse(const char *spec, SimFaultSpec *f, char *err, size_t n)
{
    char *copy = strdup(spec), *save = NULL;
    bool ok = copy != NULL;
    for (char *tok = strtok_r(copy, ",", &save); ok && tok; tok = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(tok, '='), *end;
        if (!eq) {
            snprintf(err, n, "--fault: '%s' is not key=value", tok);
            ok = false;
            break;
        }
        *eq = '\0';
        if (strcmp(tok, "only") == 0) { /* a route's name, checked where routes are known */
            snprintf(f->only, sizeof f->only, "%s", eq + 1);
            continue;
        }
        double v = strtod(eq + 1, &end);
        if (end == eq + 1 || *end || !set_key(f, tok, v)) {
            snprintf(err, n, "--fault: bad key or value in '%s=%s'", tok, eq + 1);
            ok = false;
        }
    }
    free(copy);
    double sum = 0;
    for (int k = FK_ERROR; k < FK__COUNT; k++)
        sum += f->p[k];
    if (ok && sum > 1.0 + 1e-9) {
        snprintf(err, n, "--fault: probabilities add up to %.3f (at most 1)", sum);
        ok = false;
    }
    return ok;
}

SimFaultKind sim_fault_pick(const SimFaultSpec *f, uint64_t seed, uint64_t seq)
{
    double u = (double)(sim_mix2(seed ^ 0x6661756c74ULL, seq) >> 11) * 0x1.0p-53;
    for (int k = FK_ERROR; k < FK__COUNT; k++) {
        if (u < f->p[k])
            return (SimFaultKind)k;
        u -= f->p[k];
    }
    return FK_NONE;
}

bool sim_fault_is_canned(SimFaultKind k)
{
    return k == FK_ERROR || k == FK_429 || k == FK_HTML;
}

void sim_fault_canned(SimFaultKind k, const SimFaultSpec *f, uint64_t seq, SimResp *resp)
{
    if (k == FK_429) {
        sim_resp_error(resp, 429, "TooManyRequests", "429:too_many_requests");
        resp->retry_after = f->retry_after;
    } else if (k == FK_HTML) {
        resp->status = 502;
        resp->content_type = "text/html; charset=utf-8";
        strbuf_reset(&resp->body);
        strbuf_puts(&resp->body,
                    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
                    "</body>\r\n</html>\r\n");
    } else if (seq % 2) {
        sim_resp_error(resp, 503, "ServiceUnavailable", "503:service_unavailable");
    } else {
        sim_resp_error(resp, 500, "InternalServerError", "500:internal_error");
    }
}

void sim_fault_corrupt(uint64_t seq, SimResp *resp)
{
    StrBuf *b = &resp->body;
    if (b->len < 2)
        strbuf_puts(b, "{\"data\":[]}");
    size_t half = b->len / 2;
    switch (seq % 3) {
    case 0: /* cut in the middle, with an honest Content-Length */
        b->len = half;
        b->s[half] = '\0';
        break;
    case 1: /* a complete document followed by garbage: a lenient parser accepts it */
        strbuf_puts(b, "\n<!-- upstream: cache miss -->");
        break;
    default: { /* garbage in the middle */
        StrBuf out = STRBUF_INIT;
        strbuf_append(&out, b->s, half);
        strbuf_append(&out, "\",,}\x01{\"", 7);
        strbuf_append(&out, b->s + half, b->len - half);
        strbuf_free(b);
        *b = out;
        break;
    }
    }
}
