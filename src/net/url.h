#ifndef REGDESK_NET_URL_H
#define REGDESK_NET_URL_H
/* The API address rules, and percent-encoding. Pure: nothing here sends anything.
 *
 * regdesk talks https only. Plain http is allowed to a loopback host (127.0.0.0/8,
 * ::1, localhost — the bundled simulator) or when the user passes --allow-http. An
 * address with a user name or password in it is refused (it would end up in `ps` and in
 * config files), as are other schemes, fragments and query strings. */
#include <stdbool.h>
#include <stddef.h>

#include "core/strbuf.h"

typedef struct ApiBase {
    char url[512];  /* normalised: scheme://host[:port][/path] without a trailing '/' */
    char host[256]; /* for the header line and messages */
    bool https;
    bool loopback;
} ApiBase;

/* Validates and normalises `url`. On refusal, err gets one sentence saying what to do. */
bool api_base_parse(const char *url, bool allow_http, ApiBase *out, char *err, size_t n);
bool host_is_loopback(const char *host);

/* RFC 3986: everything but unreserved characters is %XX-encoded. */
void url_encode(StrBuf *b, const char *s);

#endif
