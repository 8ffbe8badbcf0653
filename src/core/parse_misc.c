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
    JsonArena arena; /* cJSON's copies of the token are wiped with it */
    json_arena_init(&arena, true);
    json_arena_enter(&arena);
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
    json_arena_leave(&arena);
    json_arena_free(&arena);
    explicit_bzero(body, len);
    return token;
}

static bool read_link(const cJSON *root, ResendLink *out, char *err, size_t errlen)
{
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
    return ok;
}

bool parse_resend_link(char *body, size_t len, ResendLink *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    out->expires_ms = TIME_NONE;
    JsonArena arena; /* the link carries the enrollee's token: wiped with the arena */
    json_arena_init(&arena, true);
    json_arena_enter(&arena);
    cJSON *root = json_parse_body(body, len, err, errlen);
    bool ok = root && read_link(root, out, err, errlen);
    json_arena_leave(&arena);
    json_arena_free(&arena);
    return ok;
}
