/* The API address rules (api_base_parse, host_is_loopback; src/net/url.c), on any text
 * (cut at the first NUL), with and without --allow-http.
 *
 * An accepted address is: http(s)://AUTHORITY[/PATH], where the authority is exactly the
 * reported host (bracketed when it is an IPv6 address) and an optional :PORT of 1-65535;
 * no user info, query or fragment, no blank, control or non-ASCII byte anywhere, no
 * trailing '/'; plain http only to loopback or when allowed; `loopback` agrees with
 * host_is_loopback; and parsing the normalised URL again gives the same result. A refused
 * one leaves a sentence. url_encode leaves only unreserved characters and %XX. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "net/url.h"
#include "fuzz.h"

static void check_port(const char *url, const char *p, size_t n)
{
    FUZZ_CHECK(n > 0, "\"%s\": an empty port", url);
    long v = 0;
    for (size_t i = 0; i < n; i++) { /* leading zeros are allowed: curl reads "080" as 80 */
        FUZZ_CHECK(p[i] >= '0' && p[i] <= '9', "\"%s\": a port with '%c'", url, p[i]);
        v = v * 10 + (p[i] - '0');
        FUZZ_CHECK(v <= 65535, "\"%s\": port above 65535", url);
    }
    FUZZ_CHECK(v >= 1 && v <= 65535, "\"%s\": port %ld", url, v);
}

static void check_accepted(const char *in, bool allow_http, const ApiBase *b)
{
    fuzz_check_buf("ApiBase.url", b->url, sizeof b->url, false);
    fuzz_check_buf("ApiBase.host", b->host, sizeof b->host, false);
    const char *url = b->url;
    for (const char *p = url; *p; p++)
        FUZZ_CHECK((unsigned char)*p > ' ' && (unsigned char)*p < 0x7F, "\"%s\": byte 0x%02X", url,
                   (unsigned char)*p);
    size_t scheme = b->https ? 8 : 7;
    FUZZ_CHECK(!strncasecmp(url, b->https ? "https://" : "http://", scheme), "\"%s\": scheme and https=%d disagree",
               url, b->https);
    FUZZ_CHECK(!strpbrk(url, "?#"), "\"%s\" has a query or fragment", url); /* '@' may be in the path */
    size_t len = strlen(url);
    FUZZ_CHECK(len > scheme && url[len - 1] != '/', "\"%s\": empty or ends in '/'", url);
    FUZZ_CHECK(!strncmp(in, url, len), "\"%s\" is not a prefix of the input", url);

    const char *auth = url + scheme;
    size_t alen = strcspn(auth, "/");
    size_t hlen = strlen(b->host);
    FUZZ_CHECK(hlen > 0, "\"%s\": an empty host", url);
    FUZZ_CHECK(!strpbrk(b->host, "[]"), "\"%s\": a bracket inside the host \"%s\"", url, b->host);
    const char *after;
    if (auth[0] == '[') {
        FUZZ_CHECK(alen >= hlen + 2 && !strncmp(auth + 1, b->host, hlen) && auth[hlen + 1] == ']',
                   "\"%s\": the bracketed host is not \"%s\"", url, b->host);
        after = auth + hlen + 2;
    } else {
        FUZZ_CHECK(alen >= hlen && !strncmp(auth, b->host, hlen), "\"%s\": the host is not \"%s\"", url, b->host);
        after = auth + hlen;
    }
    size_t rest = alen - (size_t)(after - auth);
    if (rest)
        FUZZ_CHECK(after[0] == ':', "\"%s\": \"%.*s\" after the host", url, (int)rest, after);
    if (rest)
        check_port(url, after + 1, rest - 1);
    FUZZ_CHECK(b->loopback == host_is_loopback(b->host), "\"%s\": loopback flag disagrees", url);
    FUZZ_CHECK(b->https || b->loopback || allow_http, "\"%s\": plain http to a remote host", url);

    ApiBase again;
    char err[300];
    FUZZ_CHECK(api_base_parse(url, allow_http, &again, err, sizeof err), "the normalised \"%s\" is refused: %s", url,
               err);
    FUZZ_CHECK(!strcmp(again.url, b->url) && !strcmp(again.host, b->host) && again.https == b->https &&
                   again.loopback == b->loopback,
               "\"%s\" does not parse to itself", url);
}

static void one(const char *in, bool allow_http)
{
    ApiBase b;
    char err[300];
    memset(err, 0x5A, sizeof err);
    if (api_base_parse(in, allow_http, &b, err, sizeof err)) {
        check_accepted(in, allow_http, &b);
    } else {
        /* The sentence may quote the input; its printers sanitise it (cli_error). */
        FUZZ_CHECK(memchr(err, '\0', sizeof err) && strlen(err) > 10, "refused without a sentence");
    }
}

FUZZ_TARGET(url)
{
    char *in = fuzz_dup(data, size);
    one(in, false);
    one(in, true);
    (void)host_is_loopback(in);
    StrBuf b = STRBUF_INIT;
    url_encode(&b, in);
    for (const char *p = strbuf_cstr(&b); *p; p++)
        FUZZ_CHECK((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                       strchr("-._~%", *p),
                   "url_encode let '%c' through", *p);
    FUZZ_CHECK(b.len <= 3 * strlen(in), "url_encode grew more than 3x");
    strbuf_free(&b);
    free(in);
    return 0;
}
