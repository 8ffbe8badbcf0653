/* Error envelopes, every variant of reference §6.5 (A–G), and bodies that are not JSON. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/parse.h"
#include "core/parse_internal.h"
#include "core/strbuf.h"
#include "core/safetext.h"
#include "core/utf8.h"

static void copy_safe(char *dst, size_t n, const char *src)
{
    Arena a;
    arena_init(&a);
    const char *s = safetext_arena(&a, src, strlen(src), SAFE_LINE);
    size_t len = utf8_prefix(s, strlen(s), n - 1);
    memcpy(dst, s, len);
    dst[len] = '\0';
    arena_free(&a);
}

static const char *string_of(const cJSON *v)
{
    return cJSON_IsString(v) && v->valuestring ? v->valuestring : NULL;
}

/* A machine code has no blanks: "DOCUMENT_VALIDATION_NOT_FOUND", "invalid_otp". */
static bool looks_like_code(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (isspace((unsigned char)*s))
            return false;
    return true;
}

/* "404:AppRegistration_not_found@detail" → status 404, message, detail. */
static void split_message(ApiError *e)
{
    char *m = e->message;
    if (isdigit((unsigned char)m[0]) && isdigit((unsigned char)m[1]) && isdigit((unsigned char)m[2]) &&
        m[3] == ':') {
        e->status = (m[0] - '0') * 100 + (m[1] - '0') * 10 + (m[2] - '0');
        memmove(m, m + 4, strlen(m + 4) + 1);
    }
    char *at = strchr(m, '@');
    if (at && looks_like_code(m)) {
        copy_safe(e->detail, sizeof e->detail, at + 1); /* cut on a character boundary */
        *at = '\0';
    }
}

void parse_api_error(int http, char *body, size_t len, ApiError *out)
{
    memset(out, 0, sizeof *out);
    out->http = out->status = http;
    char err[128];
    cJSON *root = len ? json_parse_body(body, len, err, sizeof err) : NULL;
    if (!cJSON_IsObject(root)) {
        bool html = len && (strstr(body, "<html") || strstr(body, "<HTML") || strstr(body, "<!DOCTYPE"));
        snprintf(out->message, sizeof out->message, "%s",
                 !len ? "empty response" : html ? "an HTML error page instead of JSON" : "a response that is not JSON");
        cJSON_Delete(root);
        return;
    }
    const char *code = string_of(jget(root, "code"));
    const char *message = string_of(jget(root, "message"));
    const char *error = string_of(jget(root, "error"));
    if (!code && error && message && looks_like_code(message)) {
        /* Variant E: {"error": "Document validation not found", "message": "DOCUMENT_…"} */
        code = message;
        message = error;
    } else if (!message) {
        message = error;
    }
    if (!code)
        code = error && looks_like_code(error) ? error : "";
    copy_safe(out->code, sizeof out->code, code);
    copy_safe(out->message, sizeof out->message, message ? message : "");
    Num st = field_count(jget(root, "status"));
    if (st.st == FS_OK && st.v >= 100 && st.v <= 599)
        out->status = (int)st.v;
    split_message(out);
    cJSON_Delete(root);
}

static bool contains_ci(const char *hay, const char *needle)
{
    return strcasestr(hay, needle) != NULL;
}

bool api_error_is_auth(const ApiError *e)
{
    if (e->http == 401)
        return true; /* missing, invalid or expired: the token was refused */
    return e->http == 403 && contains_ci(e->message, "expired");
}

void api_error_describe(const ApiError *e, char *buf, size_t n)
{
    const char *what = e->message[0] ? e->message : e->code[0] ? e->code : "no details";
    if (e->code[0] && strcmp(e->code, e->message))
        fmt_bounded(buf, n, "the API answered HTTP %d: %s (%s%s%s)", e->http, what, e->code,
                 e->detail[0] ? ", " : "", e->detail);
    else
        fmt_bounded(buf, n, "the API answered HTTP %d: %s%s%s", e->http, what, e->detail[0] ? " @ " : "",
                 e->detail);
}
