/* Small responses: login tokens and resend-link. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/parse.h"
#include "core/parse_internal.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

#define KEYS(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* JWTs and opaque API tokens use base64url, dots and a few separators. */
static bool token_chars_ok(const char *t)
{
    if (!*t || strlen(t) > 8192)
        return false;
    for (; *t; t++) {
        char c = *t;
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  strchr("-_.~+/=", c);
        if (!ok)
            return false;
    }
    return true;
}

char *parse_access_token(char *body, size_t len)
{
    char err[64];
    cJSON *root = json_parse_body(body, len, err, sizeof err);
    char *token = NULL;
    const cJSON *data = jget(root, "data");
    const cJSON *cands[] = { jget(data, "accessToken"), jget(root, "accessToken"), jget(root, "token"),
                             jget(data, "token") };
    for (size_t i = 0; i < sizeof cands / sizeof *cands && !token; i++) {
        const cJSON *v = cands[i];
        if (cJSON_IsString(v) && v->valuestring && token_chars_ok(v->valuestring))
            token = xstrdup(v->valuestring);
    }
    /* cJSON's copies of the token go back to the heap: wipe them first. */
    for (size_t i = 0; i < sizeof cands / sizeof *cands; i++)
        if (cJSON_IsString(cands[i]) && cands[i]->valuestring)
            explicit_bzero(cands[i]->valuestring, strlen(cands[i]->valuestring));
    cJSON_Delete(root);
    explicit_bzero(body, len);
    return token;
}

bool parse_resend_link(char *body, size_t len, ResendLink *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    out->expires_ms = TIME_NONE;
    cJSON *root = json_parse_body(body, len, err, errlen);
    if (!root)
        return false;
    const cJSON *data = jget(root, "data");
    if (!cJSON_IsObject(data))
        data = root;
    Arena a;
    arena_init(&a);
    Str link = field_str(&a, jget(data, "link"));
    fmt_bounded(out->link, sizeof out->link, "%s", link.st == FS_OK ? link.s : "");
    Time t = field_time(&a, jget(data, "expiresAt"));
    if (t.st == FS_OK)
        out->expires_ms = t.ms;
    const cJSON *sent = jget(data, "emailSent");
    if (cJSON_IsObject(sent)) {
        Flag f = field_flag(jget(sent, "sent"));
        out->email_sent = f.st == FS_OK ? f.v : true;
        fmt_bounded(out->email, sizeof out->email, "%s", field_str(&a, jget_any(sent, KEYS("email", "recipient"))).s);
    } else {
        out->email_sent = field_flag(sent).v;
    }
    arena_free(&a);
    bool ok = out->link[0] != '\0';
    if (!ok)
        snprintf(err, errlen, "the response has no link");
    cJSON_Delete(root);
    return ok;
}
