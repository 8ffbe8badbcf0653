/* Typed, tolerant readers for single JSON values. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/parse_internal.h"
#include "core/safetext.h"
#include "core/timeutil.h"
#include "core/utf8.h"
#include "core/xalloc.h"

enum {
    KV_MAX_ROWS = 200, /* a redFlagsDetails with more rows is cut, and says so */
    KV_MAX_DEPTH = 6,
    INVALID_TEXT_CAP = 120, /* how much of a wrong-typed value is kept for display */
};

const cJSON *jget(const cJSON *obj, const char *key)
{
    return cJSON_IsObject(obj) ? cJSON_GetObjectItemCaseSensitive(obj, key) : NULL;
}

const cJSON *jget_any(const cJSON *obj, const char *const *keys)
{
    for (; *keys; keys++) {
        const cJSON *v = jget(obj, *keys);
        if (v)
            return v;
    }
    return NULL;
}

static void num_text(double v, char *buf, size_t n)
{
    if (!isfinite(v))
        snprintf(buf, n, "%s", isnan(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
    else if (v == floor(v) && fabs(v) < 1e15)
        snprintf(buf, n, "%.0f", v);
    else
        snprintf(buf, n, "%.15g", v);
}

const char *field_json(Arena *a, const cJSON *v, size_t cap)
{
    char *printed = cJSON_PrintUnformatted(v);
    if (!printed)
        return arena_strdup(a, "?");
    size_t len = strlen(printed);
    const char *res;
    if (len > cap) {
        cap = utf8_prefix(printed, len, cap);
        StrBuf b = STRBUF_INIT;
        safetext_append(&b, printed, cap, SAFE_LINE);
        strbuf_puts(&b, "\xE2\x80\xA6");
        res = arena_strdup(a, strbuf_cstr(&b));
        strbuf_free(&b);
    } else {
        res = safetext_arena(a, printed, len, SAFE_LINE);
    }
    cJSON_free(printed);
    return res;
}

/* Text of a value that is not a string, for showing it as an invalid field. */
static const char *value_text(Arena *a, const cJSON *v)
{
    char buf[64];
    if (cJSON_IsNumber(v)) {
        num_text(v->valuedouble, buf, sizeof buf);
        return arena_strdup(a, buf);
    }
    if (cJSON_IsBool(v))
        return cJSON_IsTrue(v) ? "true" : "false";
    return field_json(a, v, INVALID_TEXT_CAP);
}

static Str str_of(Arena *a, const cJSON *v, SafeMode mode)
{
    if (!v)
        return (Str){ "", FS_ABSENT };
    if (cJSON_IsNull(v))
        return (Str){ "", FS_NULL };
    if (cJSON_IsString(v) && v->valuestring)
        return (Str){ safetext_arena(a, v->valuestring, strlen(v->valuestring), mode), FS_OK };
    return (Str){ value_text(a, v), FS_INVALID };
}

Str field_str(Arena *a, const cJSON *v)
{
    return str_of(a, v, SAFE_LINE);
}

Str field_text(Arena *a, const cJSON *v)
{
    return str_of(a, v, SAFE_MULTILINE);
}

/* A number, or a string that holds exactly one ("0.71", " 3 "). */
static bool number_of(const cJSON *v, double *out)
{
    if (cJSON_IsNumber(v)) {
        *out = v->valuedouble;
        return true;
    }
    if (!cJSON_IsString(v) || !v->valuestring)
        return false;
    const char *s = v->valuestring;
    char *end;
    while (*s == ' ')
        s++;
    if (!*s)
        return false;
    double d = strtod(s, &end);
    while (*end == ' ')
        end++;
    if (*end || end == s)
        return false;
    *out = d;
    return true;
}

Num field_num(const cJSON *v)
{
    double d;
    if (!v)
        return (Num){ 0, FS_ABSENT };
    if (cJSON_IsNull(v))
        return (Num){ 0, FS_NULL };
    if (number_of(v, &d) && isfinite(d))
        return (Num){ d, FS_OK };
    return (Num){ 0, FS_INVALID };
}

Num field_count(const cJSON *v)
{
    Num n = field_num(v);
    if (n.st == FS_OK && (n.v < 0 || n.v > 1e9 || n.v != floor(n.v)))
        return (Num){ 0, FS_INVALID };
    return n;
}

Score field_score(const cJSON *v)
{
    Num n = field_num(v);
    Score s = { 0, n.st, false };
    if (n.st != FS_OK)
        return s;
    if (n.v < 0 || n.v > 100) {
        s.st = FS_INVALID;
    } else if (n.v > 1) {
        s.v = n.v / 100;
        s.was_percent = true;
    } else {
        s.v = n.v;
    }
    return s;
}

Flag field_flag(const cJSON *v)
{
    if (!v)
        return (Flag){ false, FS_ABSENT };
    if (cJSON_IsNull(v))
        return (Flag){ false, FS_NULL };
    if (cJSON_IsBool(v))
        return (Flag){ cJSON_IsTrue(v), FS_OK };
    if (cJSON_IsNumber(v) && (v->valuedouble == 0 || v->valuedouble == 1))
        return (Flag){ v->valuedouble == 1, FS_OK };
    if (cJSON_IsString(v) && v->valuestring) {
        static const char *const yes[] = { "true", "1", "yes", NULL };
        static const char *const no[] = { "false", "0", "no", NULL };
        for (int i = 0; yes[i]; i++) {
            if (!strcasecmp(v->valuestring, yes[i]))
                return (Flag){ true, FS_OK };
            if (!strcasecmp(v->valuestring, no[i]))
                return (Flag){ false, FS_OK };
        }
    }
    return (Flag){ false, FS_INVALID };
}

Time field_time(Arena *a, const cJSON *v)
{
    Time t = { TIME_NONE, FS_ABSENT, NULL };
    if (!v)
        return t;
    if (cJSON_IsNull(v)) {
        t.st = FS_NULL;
        return t;
    }
    if (cJSON_IsObject(v) && jget(v, "$date")) /* MongoDB extended JSON */
        return field_time(a, jget(v, "$date"));
    if (cJSON_IsString(v) && v->valuestring && time_parse_iso(v->valuestring, &t.ms)) {
        t.st = FS_OK;
        return t;
    }
    /* Epoch numbers: milliseconds when large, seconds otherwise. */
    if (cJSON_IsNumber(v) && isfinite(v->valuedouble) && fabs(v->valuedouble) < 1e15) {
        double d = v->valuedouble;
        t.ms = (int64_t)(fabs(d) >= 1e11 ? d : d * 1000);
        t.st = FS_OK;
        return t;
    }
    t.st = FS_INVALID;
    t.raw = cJSON_IsString(v) && v->valuestring
                ? safetext_arena(a, v->valuestring, strlen(v->valuestring), SAFE_LINE)
                : value_text(a, v);
    return t;
}

Ref field_ref(Arena *a, const cJSON *v)
{
    if (!v)
        return (Ref){ REF_ABSENT, "" };
    if (cJSON_IsNull(v))
        return (Ref){ REF_NULL, "" };
    if (cJSON_IsString(v) && v->valuestring)
        return (Ref){ REF_ID, field_str(a, v).s };
    if (cJSON_IsObject(v)) {
        static const char *const id_keys[] = { "_id", "id", NULL };
        Str id = field_str(a, jget_any(v, id_keys));
        return (Ref){ REF_POPULATED, id.s };
    }
    return (Ref){ REF_INVALID, value_text(a, v) };
}

typedef struct KVBuild {
    Arena *a;
    KV *rows;
    size_t n, cap;
    bool truncated;
} KVBuild;

static void kv_push(KVBuild *b, const char *key, const char *value, int depth)
{
    if (b->n == KV_MAX_ROWS) {
        b->truncated = true;
        return;
    }
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 8;
        KV *rows = arena_alloc(b->a, cap * sizeof *rows);
        if (b->n)
            memcpy(rows, b->rows, b->n * sizeof *rows);
        b->rows = rows;
        b->cap = cap;
    }
    b->rows[b->n++] = (KV){ key, value, (uint8_t)depth };
}

static const char *scalar_text(Arena *a, const cJSON *v)
{
    if (cJSON_IsNull(v))
        return "null";
    if (cJSON_IsString(v) && v->valuestring)
        return safetext_arena(a, v->valuestring, strlen(v->valuestring), SAFE_LINE);
    return value_text(a, v);
}

static void kv_walk(KVBuild *b, const cJSON *v, int depth)
{
    int i = 0;
    for (const cJSON *c = v->child; c && !b->truncated; c = c->next, i++) {
        char idx[24];
        const char *key;
        if (cJSON_IsArray(v)) {
            snprintf(idx, sizeof idx, "[%d]", i);
            key = arena_strdup(b->a, idx);
        } else {
            key = c->string ? safetext_arena(b->a, c->string, strlen(c->string), SAFE_LINE) : "?";
        }
        if (cJSON_IsObject(c) || cJSON_IsArray(c)) {
            if (!c->child) {
                kv_push(b, key, cJSON_IsArray(c) ? "[]" : "{}", depth);
            } else if (depth + 1 >= KV_MAX_DEPTH) {
                kv_push(b, key, field_json(b->a, c, INVALID_TEXT_CAP), depth);
            } else {
                kv_push(b, key, NULL, depth);
                kv_walk(b, c, depth + 1);
            }
        } else {
            kv_push(b, key, scalar_text(b->a, c), depth);
        }
    }
}

KVList field_kv(Arena *a, const cJSON *v)
{
    KVBuild b = { a, NULL, 0, 0, false };
    if (cJSON_IsObject(v) || cJSON_IsArray(v))
        kv_walk(&b, v, 0);
    else if (v && !cJSON_IsNull(v))
        kv_push(&b, "(value)", scalar_text(a, v), 0);
    return (KVList){ b.rows, b.n, b.truncated };
}

cJSON *json_parse_body(char *body, size_t len, char *err, size_t errlen)
{
    if (!body || len == 0) {
        snprintf(err, errlen, "the response was empty");
        return NULL;
    }
    JsonError je;
    cJSON *root = json_parse(body, len, &je);
    if (!root)
        snprintf(err, errlen, "the response is not valid JSON (error at byte %zu of %zu)", je.at, len);
    return root;
}
