#include "net/url.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

bool host_is_loopback(const char *host)
{
    if (!strcasecmp(host, "localhost") || !strcmp(host, "::1") || !strcmp(host, "[::1]"))
        return true;
    struct in_addr a;
    if (inet_pton(AF_INET, host, &a) == 1)
        return (ntohl(a.s_addr) >> 24) == 127;
    return false;
}

static bool valid_host_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '.' || c == '[' || c == ']' || c == ':';
}

/* Splits "host[:port]" (IPv6 in brackets) and checks the port. */
static bool split_authority(const char *auth, size_t len, char *host, size_t hn, char *err, size_t n)
{
    size_t hlen = len;
    const char *port = NULL;
    if (auth[0] == '[') {
        const char *close = memchr(auth, ']', len);
        if (!close) {
            fmt_bounded(err, n, "the API address has an unclosed '[' in its host");
            return false;
        }
        hlen = (size_t)(close - auth) + 1;
        if (hlen < len && auth[hlen] != ':') { /* "[::1]x": the host would not be what is checked */
            fmt_bounded(err, n, "the API address has an unexpected character in its host");
            return false;
        }
        if (hlen < len)
            port = auth + hlen + 1;
    } else {
        const char *colon = memchr(auth, ':', len);
        if (colon) {
            hlen = (size_t)(colon - auth);
            port = colon + 1;
        }
    }
    if (hlen == 0 || hlen >= hn || (auth[0] == '[' && hlen == 2)) {
        fmt_bounded(err, n, "the API address has no host; use https://HOST");
        return false;
    }
    for (size_t i = 0; i < hlen; i++) /* brackets only around an IPv6 address */
        if (!valid_host_char(auth[i]) ||
            ((auth[i] == '[' || auth[i] == ']') && !(auth[0] == '[' && (i == 0 || i == hlen - 1)))) {
            fmt_bounded(err, n, "the API address has an unexpected character in its host");
            return false;
        }
    if (port) {
        size_t plen = (size_t)(auth + len - port);
        long v = 0;
        for (size_t i = 0; i < plen; i++) {
            if (port[i] < '0' || port[i] > '9' || v > 65535) {
                fmt_bounded(err, n, "the API address has an invalid port");
                return false;
            }
            v = v * 10 + (port[i] - '0');
        }
        if (plen == 0 || v < 1 || v > 65535) {
            fmt_bounded(err, n, "the API address has an invalid port");
            return false;
        }
    }
    memcpy(host, auth, hlen);
    host[hlen] = '\0';
    if (host[0] == '[') { /* keep the bare address for the loopback check */
        memmove(host, host + 1, hlen - 2);
        host[hlen - 2] = '\0';
    }
    return true;
}

bool api_base_parse(const char *url, bool allow_http, ApiBase *out, char *err, size_t n)
{
    memset(out, 0, sizeof *out);
    const char *rest;
    if (!strncasecmp(url, "https://", 8)) {
        out->https = true;
        rest = url + 8;
    } else if (!strncasecmp(url, "http://", 7)) {
        rest = url + 7;
    } else {
        fmt_bounded(err, n, "the API address must start with https:// (got \"%.60s\")", url);
        return false;
    }
    size_t auth_len = strcspn(rest, "/?#");
    if (memchr(rest, '@', auth_len)) {
        fmt_bounded(err, n, "the API address must not contain a user name or password; "
                         "regdesk reads the token from VERIFIK_TOKEN or the token file");
        return false;
    }
    if (strpbrk(rest + auth_len, "?#")) {
        fmt_bounded(err, n, "the API address must not contain '?' or '#'; give only the base, "
                         "such as https://api.verifik.co");
        return false;
    }
    for (const char *p = rest + auth_len; *p; p++)
        if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7f) {
            fmt_bounded(err, n, "the API address contains a space or a control character");
            return false;
        }
    if (!split_authority(rest, auth_len, out->host, sizeof out->host, err, n))
        return false;
    out->loopback = host_is_loopback(out->host);
    if (!out->https && !out->loopback && !allow_http) {
        fmt_bounded(err, n, "refusing plain http to %s: the token would cross the network unencrypted; "
                         "use https:// (or --allow-http if you really mean it)", out->host);
        return false;
    }
    size_t len = strlen(url);
    while (len > 0 && url[len - 1] == '/')
        len--;
    if (len >= sizeof out->url) {
        fmt_bounded(err, n, "the API address is too long");
        return false;
    }
    memcpy(out->url, url, len);
    out->url[len] = '\0';
    return true;
}

void url_encode(StrBuf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
            c == '.' || c == '_' || c == '~') {
            strbuf_putc(b, (char)c);
        } else {
            char enc[3] = { '%', hex[c >> 4], hex[c & 15] };
            strbuf_append(b, enc, 3);
        }
    }
}
