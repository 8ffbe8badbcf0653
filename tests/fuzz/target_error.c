/* The error envelope (parse_api_error, api_error_is_auth, api_error_describe), and the
 * other two small responses that share its shape of input: the login token
 * (parse_access_token) and resend-link (parse_resend_link).
 *
 * Properties: every field ends inside its buffer and is display-safe; the HTTP status is
 * kept and the claimed one has three digits at most; the auth decision follows its rule; a
 * described error is a safe sentence, naming the HTTP status or the code in brackets, whose
 * own words a smaller buffer never cuts (only the server's quoted text shrinks,
 * core/msg.h); a token holds
 * only token characters and the body it came from is wiped; a resend link is safe and
 * present exactly when the parse succeeds. */
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/parse.h"
#include "core/timeutil.h"
#include "fuzz.h"

static void check_describe(const ApiError *e)
{
    static const size_t sizes[] = { MSG_MAX, 100, 17, 1 };
    char full[MSG_MAX], plain[MSG_MAX];
    api_error_describe(e, full, sizeof full);
    msg_plain(plain, sizeof plain, full);
    fuzz_check_buf("api_error_describe", plain, sizeof plain, false);
    /* A translated code says what it means and keeps the code in brackets; anything else
     * names the HTTP status. */
    FUZZ_CHECK(strstr(plain, "HTTP") || (strchr(plain, '[') && strchr(plain, ']')),
               "the description names neither the HTTP status nor the code: \"%s\"", plain);
    for (size_t i = 1; i < sizeof sizes / sizeof *sizes; i++) {
        char small[MSG_MAX + 1];
        memset(small, 0x5A, sizeof small);
        api_error_describe(e, small, sizes[i]);
        FUZZ_CHECK(small[sizes[i]] == 0x5A, "api_error_describe wrote past %zu bytes", sizes[i]);
        fuzz_check_msg("api_error_describe (short)", full, small, sizes[i]);
    }
}

static void check_error(const uint8_t *data, size_t size, int http)
{
    char *body = fuzz_dup(data, size);
    ApiError e;
    parse_api_error(http, body, size, &e);
    free(body);
    FUZZ_CHECK(e.http == http, "http %d became %d", http, e.http);
    /* a numeric "status" is taken only in 100-599; a "NNN:" prefix is any three digits */
    FUZZ_CHECK(e.status == http || (e.status >= 0 && e.status <= 999), "status %d", e.status);
    fuzz_check_buf("ApiError.code", e.code, sizeof e.code, false);
    fuzz_check_buf("ApiError.message", e.message, sizeof e.message, false);
    fuzz_check_buf("ApiError.detail", e.detail, sizeof e.detail, false);
    FUZZ_CHECK(e.message[0] || e.code[0] || size, "an empty body gave no message");
    bool auth = api_error_is_auth(&e);
    if (http == 401)
        FUZZ_CHECK(auth, "a 401 is not an auth error");
    else if (http == 403)
        FUZZ_CHECK(auth == (strcasestr(e.message, "expired") != NULL), "403 \"%s\": auth %d", e.message, auth);
    else
        FUZZ_CHECK(!auth, "HTTP %d counted as an auth error", http);
    check_describe(&e);
}

static bool token_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c && strchr("-_.~+/=", c));
}

static void check_token(const uint8_t *data, size_t size)
{
    char *body = fuzz_dup(data, size);
    char *tok = parse_access_token(body, size);
    for (size_t i = 0; i < size; i++)
        FUZZ_CHECK(body[i] == '\0', "parse_access_token left byte %zu of the body unwiped", i);
    free(body);
    if (!tok)
        return;
    size_t n = strlen(tok);
    FUZZ_CHECK(n > 0 && n <= 8192, "a token of %zu bytes", n);
    for (size_t i = 0; i < n; i++)
        FUZZ_CHECK(token_char(tok[i]), "the token holds byte 0x%02X", (unsigned char)tok[i]);
    explicit_bzero(tok, n);
    free(tok);
}

static void check_resend(const uint8_t *data, size_t size)
{
    char *body = fuzz_dup(data, size);
    ResendLink r;
    char err[160];
    memset(err, 0x5A, sizeof err);
    bool ok = parse_resend_link(body, size, &r, err, sizeof err);
    free(body);
    fuzz_check_buf("ResendLink.link", r.link, sizeof r.link, false);
    fuzz_check_buf("ResendLink.email", r.email, sizeof r.email, false);
    FUZZ_CHECK(ok == (r.link[0] != '\0'), "parse_resend_link returned %d with link \"%s\"", ok, r.link);
    if (!ok)
        fuzz_check_buf("parse_resend_link's error", err, sizeof err, false);
    if (r.expires_ms != TIME_NONE) {
        char iso[32];
        time_format_iso(r.expires_ms, iso, sizeof iso);
        fuzz_check_buf("expires", iso, sizeof iso, false);
    }
}

FUZZ_TARGET(error)
{
    static const int codes[] = { 400, 401, 403, 404, 409, 429, 500, 502 };
    /* 403 (where the auth rule reads the message), plus one status chosen by a hash of
     * the input, so that a corpus covers them all. */
    FuzzRng rng;
    fuzz_rng_seed(&rng, data, size);
    check_error(data, size, codes[fuzz_rng_next(&rng) % (sizeof codes / sizeof *codes)]);
    check_error(data, size, 403);
    check_token(data, size);
    check_resend(data, size);
    return 0;
}
