#include "sim/sim_auth.h"

#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/xalloc.h"
#include "sim/sim_json.h"
#include "sim/sim_rng.h"

typedef struct Token {
    char *value;
    char *email; /* who logged in for it; NULL for --token (the account itself) */
    long uses;
} Token;

struct SimAuth {
    pthread_mutex_t lock;
    Token *tokens;
    size_t n, cap;
    long expire_after;
    long countdown; /* /__sim/expire: requests until every token expires; -1 = never */
};

static atomic_ulong token_counter;

static void add_token(SimAuth *a, const char *value, const char *email)
{
    pthread_mutex_lock(&a->lock);
    a->tokens = xgrow(a->tokens, &a->cap, a->n + 1, sizeof *a->tokens);
    a->tokens[a->n++] = (Token){ xstrdup(value), email ? xstrdup(email) : NULL, 0 };
    pthread_mutex_unlock(&a->lock);
}

SimAuth *sim_auth_new(const char *token, long expire_after)
{
    SimAuth *a = xcalloc(1, sizeof *a);
    pthread_mutex_init(&a->lock, NULL);
    a->expire_after = expire_after;
    a->countdown = -1;
    add_token(a, token, NULL);
    return a;
}

void sim_auth_free(SimAuth *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->n; i++) {
        free(a->tokens[i].value);
        free(a->tokens[i].email);
    }
    free(a->tokens);
    pthread_mutex_destroy(&a->lock);
    free(a);
}

/* The token an Authorization header names, or NULL; the caller holds the lock. */
static Token *find(SimAuth *a, const char *authorization)
{
    if (!authorization || strncasecmp(authorization, "Bearer ", 7) != 0)
        return NULL;
    const char *tok = authorization + 7;
    while (*tok == ' ')
        tok++;
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->tokens[i].value, tok) == 0)
            return &a->tokens[i];
    return NULL;
}

SimAuthResult sim_auth_check(SimAuth *a, const char *authorization)
{
    SimAuthResult r = AUTH_INVALID;
    pthread_mutex_lock(&a->lock);
    Token *t = find(a, authorization);
    if (t) {
        t->uses++;
        bool spent = a->countdown == 0;
        if (a->countdown > 0)
            a->countdown--;
        r = spent || (a->expire_after > 0 && t->uses > a->expire_after) ? AUTH_EXPIRED : AUTH_OK;
    }
    pthread_mutex_unlock(&a->lock);
    return r;
}

void sim_auth_who(SimAuth *a, const char *authorization, char *out, size_t n)
{
    pthread_mutex_lock(&a->lock);
    Token *t = find(a, authorization);
    snprintf(out, n, "%s", t && t->email ? t->email : "");
    pthread_mutex_unlock(&a->lock);
}

void sim_auth_expire_in(SimAuth *a, long requests)
{
    pthread_mutex_lock(&a->lock);
    a->countdown = requests;
    pthread_mutex_unlock(&a->lock);
}

void sim_auth_reject(SimAuthResult r, SimResp *out)
{
    if (r == AUTH_EXPIRED)
        sim_resp_error(out, 403, "Forbidden", "expired_token");
    else
        sim_resp_error(out, 401, "Unauthorized", "Invalid or expired token.");
}

static void base64url(StrBuf *out, const unsigned char *in, size_t n)
{
    static const char tbl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)in[i] << 16;
        if (i + 1 < n)
            v |= (uint32_t)in[i + 1] << 8;
        if (i + 2 < n)
            v |= in[i + 2];
        strbuf_putc(out, tbl[v >> 18 & 63]);
        strbuf_putc(out, tbl[v >> 12 & 63]);
        if (i + 1 < n)
            strbuf_putc(out, tbl[v >> 6 & 63]);
        if (i + 2 < n)
            strbuf_putc(out, tbl[v & 63]);
    }
}

void sim_make_jwt(StrBuf *out, const char *payload_json, uint64_t salt)
{
    static const char header[] = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    unsigned char sig[32];
    uint64_t h = sim_mix2(sim_hash_str(payload_json), salt);
    for (size_t i = 0; i < sizeof sig; i++, h = sim_mix(h))
        sig[i] = (unsigned char)h;
    base64url(out, (const unsigned char *)header, sizeof header - 1);
    strbuf_putc(out, '.');
    base64url(out, (const unsigned char *)payload_json, strlen(payload_json));
    strbuf_putc(out, '.');
    base64url(out, sig, sizeof sig);
}

/* The signature block many Verifik endpoints add; worded so no one mistakes the sim. */
static void signature(JsonW *w, int64_t now_ms)
{
    jw_kobj(w, "signature");
    jw_ktime(w, "dateTime", now_ms);
    jw_kstr(w, "message", "Certified by regdesk-sim (not Verifik)");
    jw_obj_end(w);
    jw_kstr(w, "id", "SIM01");
}

static bool plausible_email(const char *s)
{
    const char *at = strchr(s, '@');
    return at && at > s && strchr(at, '.') && !strchr(s, ' ');
}

void sim_route_login(Sim *sim, const SimReq *rq, SimResp *out)
{
    const char *email = sim_req_arg(rq, "email");
    if (!email || !*email) {
        sim_resp_error(out, 409, "MissingParameter", "missing email");
        return;
    }
    if (!plausible_email(email)) {
        sim_resp_error(out, 404, "NotFound", "invalid_email");
        return;
    }
    JsonW w;
    jw_init(&w, &out->body);
    jw_obj(&w);
    jw_kobj(&w, "data");
    jw_kstr(&w, "status", "sent");
    jw_kstr(&w, "email", email);
    jw_ktime(&w, "expiresAt", sim_now_ms(sim) + 600000);
    jw_obj_end(&w);
    signature(&w, sim_now_ms(sim));
    jw_obj_end(&w);
}

void sim_route_login_confirm(Sim *sim, const SimReq *rq, SimResp *out)
{
    cJSON *body = cJSON_ParseWithLength(rq->body, rq->body_len);
    const cJSON *email = cJSON_GetObjectItemCaseSensitive(body, "email");
    const cJSON *otp = cJSON_GetObjectItemCaseSensitive(body, "otp");
    if (!cJSON_IsString(email) || !cJSON_IsString(otp) || !*email->valuestring) {
        sim_resp_error(out, 409, "MissingParameter", "missing_email_and_otp");
    } else if (strcmp(otp->valuestring, SIM_DEMO_OTP) != 0) {
        out->status = 400;
        JsonW w;
        jw_init(&w, &out->body);
        jw_obj(&w);
        jw_kstr(&w, "message", "invalid_otp");
        jw_kstr(&w, "code", "ERROR");
        jw_obj_end(&w);
    } else {
        StrBuf payload = STRBUF_INIT, tok = STRBUF_INIT;
        int64_t now = sim_now_ms(sim);
        JsonW pw;
        jw_init(&pw, &payload);
        jw_obj(&pw);
        jw_kstr(&pw, "email", email->valuestring);
        jw_kint(&pw, "iat", now / 1000);
        jw_kint(&pw, "exp", now / 1000 + 30 * 86400);
        jw_obj_end(&pw);
        sim_make_jwt(&tok, payload.s, sim->cfg.seed ^ atomic_fetch_add(&token_counter, 1));
        add_token(sim->auth, tok.s, email->valuestring);
        JsonW w;
        jw_init(&w, &out->body);
        jw_obj(&w);
        jw_kobj(&w, "data");
        jw_kstr(&w, "accessToken", tok.s);
        jw_kstr(&w, "tokenType", "bearer");
        jw_obj_end(&w);
        signature(&w, now);
        jw_obj_end(&w);
        strbuf_free(&payload);
        strbuf_free(&tok);
    }
    cJSON_Delete(body);
}
