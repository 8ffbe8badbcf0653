#include "sim/sim_fault.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/sim_rng.h"
#include "sim/sim_stats.h"

static const char *const names[FK__COUNT] = {
    "none", "error", "429", "truncate", "malformed", "reset", "slow", "huge", "html",
    "trickle", "hang", "redirect", "deep", "empty", "wrongtype", "echo", "otherid", "aslist",
    "dupes", "drift", "endless", "growing", "wrongpage", "wronglimit",
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
    f->trickle_ms = 1000;
    f->hang_ms = 600000;
    f->deep_levels = 100000;
    f->dupes_n = 5;
    f->drift_n = 7;
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
    else if (strcmp(key, "trickle-ms") == 0 && v >= 1)
        f->trickle_ms = (unsigned)v;
    else if (strcmp(key, "hang-ms") == 0)
        f->hang_ms = (unsigned)v;
    else if (strcmp(key, "deep-levels") == 0 && v >= 1 && v <= 1e6)
        f->deep_levels = (unsigned)v;
    else if (strcmp(key, "dupes-n") == 0 && v >= 1 && v <= 100)
        f->dupes_n = (unsigned)v;
    else if (strcmp(key, "drift-n") == 0 && v >= 1)
        f->drift_n = (unsigned)v;
    else
        return false;
    return true;
}

/* redirect-to=URL: an http:// base on 127.0.0.1 or localhost only (the simulator never
 * sends anyone anywhere else). */
static bool set_redirect(SimFaultSpec *f, const char *url)
{
    static const char *const ok[] = { "http://127.0.0.1:", "http://localhost:", "https://127.0.0.1:" };
    bool local = false;
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
        local |= strncmp(url, ok[i], strlen(ok[i])) == 0;
    if (!local || strlen(url) >= sizeof f->redirect_to || strpbrk(url, "?# \r\n"))
        return false;
    snprintf(f->redirect_to, sizeof f->redirect_to, "%s", url);
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
        if (strcmp(tok, "redirect-to") == 0) {
            if (!set_redirect(f, eq + 1)) {
                snprintf(err, n, "--fault: redirect-to must be http://127.0.0.1:PORT or http://localhost:PORT "
                                 "(optionally with a path), not '%s'", eq + 1);
                ok = false;
            }
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

bool sim_fault_applies(SimFaultKind k, int route)
{
    if (k == FK_OTHERID || k == FK_ASLIST)
        return route == R_RETRIEVE;
    if (k >= FK_DUPES)
        return route == R_LIST;
    return k != FK_NONE;
}

bool sim_fault_is_data(SimFaultKind k)
{
    return k >= FK_OTHERID;
}

bool sim_fault_is_canned(SimFaultKind k)
{
    return k == FK_ERROR || k == FK_429 || k == FK_HTML || k == FK_DEEP || k == FK_EMPTY || k == FK_WRONGTYPE;
}

/* {"data": [[[…]]]}: deeper than any JSON parser should follow. */
static void deep_body(unsigned levels, StrBuf *b)
{
    strbuf_reset(b);
    strbuf_puts(b, "{\"data\":");
    for (unsigned i = 0; i < levels; i++)
        strbuf_putc(b, '[');
    for (unsigned i = 0; i < levels; i++)
        strbuf_putc(b, ']');
    strbuf_putc(b, '}');
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
    } else if (k == FK_DEEP || k == FK_EMPTY || k == FK_WRONGTYPE) {
        resp->status = 200;
        if (k == FK_DEEP) {
            deep_body(f->deep_levels, &resp->body);
        } else {
            strbuf_reset(&resp->body);
            strbuf_puts(&resp->body, k == FK_EMPTY ? "{}" : "{\"data\":\"not a registration\",\"total\":\"many\"}");
        }
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
