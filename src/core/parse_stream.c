/* A streaming splitter for large dumps: a byte-level scanner finds the array's elements
 * (tracking strings, escapes and bracket nesting across chunk boundaries) and only one
 * element at a time is parsed with cJSON. */
#include "core/parse_stream.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/parse_internal.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

const char *const SUMMARY_INVALID_NAMES[] = { "id",        "status",    "name",     "email",
                                              "phone",     "step",      "createdAt", "updatedAt",
                                              "redFlags",  "failed",    "project",  "flow",
                                              NULL };

typedef enum Mode {
    M_TOP,       /* before the first value */
    M_ENV_OPEN,  /* after the envelope's '{': a key or '}' */
    M_ENV_KEY,   /* after ',' in the envelope: a key */
    M_KEY,       /* inside a key string */
    M_COLON,
    M_ENV_VALUE, /* after ':' */
    M_ENV_AFTER, /* after a value in the envelope: ',' or '}' */
    M_ARR_OPEN,  /* after '[': an element or ']' */
    M_ARR_ELEM,  /* after ',' in the array: an element */
    M_ARR_AFTER, /* after an element: ',' or ']' */
    M_VALUE,     /* scanning a value (an element, or an envelope value being skipped) */
    M_END,       /* after the top-level value: only blanks */
} Mode;

struct RecordStream {
    RecordSink sink;
    void *ctx;
    Mode mode, after;   /* after: where M_VALUE returns */
    bool in_envelope, data_seen;
    /* the value scanner */
    unsigned depth;
    bool in_str, esc, bare, capture;
    uint8_t stack[RSTREAM_MAX_DEPTH / 8]; /* one bit per level: 1 = '{', 0 = '[' */
    /* the current envelope key: only "data" matters */
    char key[8];
    size_t key_len;
    bool key_other;
    StrBuf rec;         /* the element being captured */
    uint64_t rec_start; /* its offset in the input */
    uint64_t off;       /* offset of the current chunk */
    bool failed;
    char err[240];
    RecordStreamStats st;
};

RecordStream *rstream_new(RecordSink sink, void *ctx)
{
    RecordStream *rs = xcalloc(1, sizeof *rs);
    rs->sink = sink;
    rs->ctx = ctx;
    rs->mode = M_TOP;
    return rs;
}

void rstream_free(RecordStream *rs)
{
    if (!rs)
        return;
    strbuf_free(&rs->rec);
    free(rs);
}

void rstream_stats(const RecordStream *rs, RecordStreamStats *out)
{
    *out = rs->st;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A byte quoted in a message: printable ASCII as itself, anything else in hex. */
static void describe_byte(char c, char *buf, size_t n)
{
    unsigned char u = (unsigned char)c;
    if (u > ' ' && u < 0x7f && u != '\'')
        snprintf(buf, n, "'%c'", c);
    else
        snprintf(buf, n, "byte 0x%02X", u);
}

static bool fail_at(RecordStream *rs, uint64_t at, const char *what, char c)
{
    char b[16];
    describe_byte(c, b, sizeof b);
    snprintf(rs->err, sizeof rs->err, "%s, found %s at byte offset %llu", what, b, (unsigned long long)at);
    rs->failed = true;
    return false;
}

/* ---- one record ------------------------------------------------------------------ */

/* Rewrites regdesk's own export names onto the API's, so summary_from_json reads them. */
static void rename_key(cJSON *o, const char *from, const char *to)
{
    cJSON *v = (cJSON *)jget(o, from);
    if (!v || jget(o, to))
        return;
    cJSON_DetachItemViaPointer(o, v);
    cJSON_AddItemToObject(o, to, v);
}

/* The export's "failed" counts and "invalid" list, applied after the summary is built. */
static void apply_export_fields(const cJSON *o, Summary *s)
{
    static const char *const kinds[FAIL__COUNT] = { "email", "phone", "document", "biometric" };
    static const char *const api_keys[] = { "failedEmailValidations", "failedPhoneValidations",
                                            "failedDocumentValidations", "failedBiometricValidations" };
    const cJSON *failed = jget(o, "failed");
    bool api_form = false;
    for (int k = 0; k < FAIL__COUNT; k++)
        api_form |= jget(o, api_keys[k]) != NULL;
    if (cJSON_IsObject(failed) && !api_form)
        for (int k = 0; k < FAIL__COUNT; k++) {
            Num c = field_count(jget(failed, kinds[k]));
            if (c.st == FS_OK)
                s->failed[k] = (uint16_t)(c.v > 65535 ? 65535 : c.v);
        }
    const cJSON *inv = jget(o, "invalid");
    if (!cJSON_IsArray(inv))
        return;
    for (const cJSON *e = inv->child; e; e = e->next) {
        if (!cJSON_IsString(e))
            continue;
        for (unsigned b = 0; SUMMARY_INVALID_NAMES[b]; b++)
            if (!strcmp(e->valuestring, SUMMARY_INVALID_NAMES[b]))
                s->invalid |= 1u << b;
    }
}

static bool emit_record(RecordStream *rs)
{
    char *buf = rs->rec.s;
    size_t len = rs->rec.len;
    char perr[160];
    cJSON *o = json_parse_body(buf, len, perr, sizeof perr);
    if (!o) {
        /* Parse again only to learn where cJSON stopped (json_parse_body says it in prose). */
        const char *end = NULL;
        cJSON_Delete(cJSON_ParseWithLengthOpts(buf, len + 1, &end, 1));
        size_t at = end && end >= buf && end <= buf + len ? (size_t)(end - buf) : 0;
        snprintf(rs->err, sizeof rs->err,
                 "the record starting at byte offset %llu is not valid JSON (error at byte offset %llu)",
                 (unsigned long long)rs->rec_start, (unsigned long long)(rs->rec_start + at));
        rs->failed = true;
        return false;
    }
    rename_key(o, "step", "currentStep");
    rename_key(o, "flow", "projectFlow");
    Arena scratch;
    arena_init(&scratch);
    Summary *s = summary_from_json(&scratch, o);
    arena_free(&scratch);
    apply_export_fields(o, s);
    cJSON_Delete(o);
    rs->st.records++;
    strbuf_reset(&rs->rec);
    rs->sink(rs->ctx, s);
    return true;
}

static bool capture(RecordStream *rs, const char *p, size_t n)
{
    if (rs->rec.len + n > RSTREAM_RECORD_MAX) {
        snprintf(rs->err, sizeof rs->err, "the record starting at byte offset %llu is larger than %d MB",
                 (unsigned long long)rs->rec_start, RSTREAM_RECORD_MAX >> 20);
        rs->failed = true;
        return false;
    }
    strbuf_append(&rs->rec, p, n);
    return true;
}

/* ---- the value scanner --------------------------------------------------------------- */

static bool push(RecordStream *rs, char c, uint64_t at)
{
    if (rs->depth >= RSTREAM_MAX_DEPTH)
        return fail_at(rs, at, "the JSON is nested too deeply", c);
    unsigned d = rs->depth++;
    if (c == '{')
        rs->stack[d / 8] |= (uint8_t)(1u << (d % 8));
    else
        rs->stack[d / 8] &= (uint8_t)~(1u << (d % 8));
    return true;
}

static bool pop(RecordStream *rs, char c, uint64_t at)
{
    unsigned d = rs->depth - 1;
    bool object = rs->stack[d / 8] & (1u << (d % 8));
    if (object != (c == '}'))
        return fail_at(rs, at, object ? "expected '}' to close an object" : "expected ']' to close an array", c);
    rs->depth--;
    return true;
}

static bool bare_char(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
           c == '+' || c == '.';
}

/* Starts scanning the value whose first byte is c; false when c cannot start one. */
static bool value_start(RecordStream *rs, char c, uint64_t at, Mode after)
{
    rs->after = after;
    rs->depth = 0;
    rs->in_str = rs->esc = rs->bare = false;
    if (c == '{' || c == '[') {
        if (!push(rs, c, at))
            return false;
    } else if (c == '"') {
        rs->in_str = true;
    } else if (bare_char(c)) {
        rs->bare = true;
    } else {
        return fail_at(rs, at, "expected a value", c);
    }
    rs->mode = M_VALUE;
    return true;
}

/* Scans from p[i]; returns the index just past the value's last byte, or len when the
 * value continues in the next chunk (*done false). SIZE_MAX on malformed input. */
static size_t value_scan(RecordStream *rs, const char *p, size_t i, size_t len, bool *done)
{
    *done = false;
    for (; i < len; i++) {
        char c = p[i];
        if (rs->in_str) {
            if (rs->esc)
                rs->esc = false;
            else if (c == '\\')
                rs->esc = true;
            else if (c == '"') {
                rs->in_str = false;
                if (rs->depth == 0) {
                    *done = true;
                    return i + 1;
                }
            }
        } else if (rs->bare) {
            if (!bare_char(c)) {
                *done = true;
                return i; /* the delimiter belongs to whatever follows */
            }
        } else if (c == '"') {
            rs->in_str = true;
        } else if (c == '{' || c == '[') {
            if (!push(rs, c, rs->off + i))
                return SIZE_MAX;
        } else if (c == '}' || c == ']') {
            if (!pop(rs, c, rs->off + i))
                return SIZE_MAX;
            if (rs->depth == 0) {
                *done = true;
                return i + 1;
            }
        }
    }
    return len;
}

/* ---- the structure around the values -------------------------------------------------- */

static void close_array(RecordStream *rs)
{
    rs->mode = rs->in_envelope ? M_ENV_AFTER : M_END;
}

static bool element_start(RecordStream *rs, char c, uint64_t at)
{
    rs->capture = c == '{';
    if (rs->capture) {
        rs->rec_start = at;
        strbuf_putc(&rs->rec, c); /* the scanner starts after this byte */
    }
    return value_start(rs, c, at, M_ARR_AFTER);
}

static bool key_char(RecordStream *rs, char c)
{
    if (rs->esc) {
        rs->esc = false;
        rs->key_other = true; /* an escaped key is never plain "data" */
    } else if (c == '\\') {
        rs->esc = true;
    } else if (c == '"') {
        rs->mode = M_COLON;
    } else if (rs->key_len + 1 < sizeof rs->key) {
        rs->key[rs->key_len++] = c;
    } else {
        rs->key_other = true;
    }
    return true;
}

static void key_begin(RecordStream *rs)
{
    rs->mode = M_KEY;
    rs->key_len = 0;
    rs->key_other = rs->esc = false;
}

static bool is_data_key(const RecordStream *rs)
{
    return !rs->key_other && rs->key_len == 4 && !memcmp(rs->key, "data", 4);
}

/* One structural byte outside any value. */
static bool structural(RecordStream *rs, char c, uint64_t at)
{
    if (rs->mode == M_KEY)
        return key_char(rs, c);
    unsigned char u = (unsigned char)c;
    bool bom = rs->mode == M_TOP && ((at == 0 && u == 0xEF) || (at == 1 && u == 0xBB) || (at == 2 && u == 0xBF));
    if (is_blank(c) || bom)
        return true; /* blanks, and a UTF-8 byte order mark */
    switch (rs->mode) {
    case M_TOP:
        if (c != '[' && c != '{')
            return fail_at(rs, at, "expected a JSON array of registrations or an object with a \"data\" array", c);
        rs->in_envelope = c == '{';
        rs->mode = c == '[' ? M_ARR_OPEN : M_ENV_OPEN;
        return true;
    case M_ENV_OPEN: case M_ENV_KEY:
        if (c == '}' && rs->mode == M_ENV_OPEN) {
            rs->mode = M_END;
            return true;
        }
        if (c != '"')
            return fail_at(rs, at, "expected a key in the envelope object", c);
        key_begin(rs);
        return true;
    case M_COLON:
        if (c != ':')
            return fail_at(rs, at, "expected ':' after a key", c);
        rs->mode = M_ENV_VALUE;
        return true;
    case M_ENV_VALUE:
        if (!is_data_key(rs)) {
            rs->capture = false;
            return value_start(rs, c, at, M_ENV_AFTER);
        }
        if (c != '[')
            return fail_at(rs, at, "expected \"data\" to be an array of registrations", c);
        rs->data_seen = true;
        rs->mode = M_ARR_OPEN;
        return true;
    case M_ENV_AFTER:
        if (c != ',' && c != '}')
            return fail_at(rs, at, "expected ',' or '}' in the envelope object", c);
        rs->mode = c == ',' ? M_ENV_KEY : M_END;
        return true;
    case M_ARR_OPEN:
        if (c == ']') {
            close_array(rs);
            return true;
        }
        return element_start(rs, c, at);
    case M_ARR_ELEM:
        return element_start(rs, c, at);
    case M_ARR_AFTER:
        if (c != ',' && c != ']')
            return fail_at(rs, at, "expected ',' or ']' after a record", c);
        if (c == ',')
            rs->mode = M_ARR_ELEM;
        else
            close_array(rs);
        return true;
    default:
        return fail_at(rs, at, "unexpected data after the end of the JSON", c);
    }
}

/* The value that just ended: a record to emit, a non-object element, or a skipped value. */
static bool value_done(RecordStream *rs)
{
    rs->mode = rs->after;
    if (rs->after != M_ARR_AFTER)
        return true;
    if (!rs->capture) {
        rs->st.skipped++;
        return true;
    }
    return emit_record(rs);
}

bool rstream_feed(RecordStream *rs, const char *chunk, size_t len, char *err, size_t n)
{
    size_t i = 0;
    while (!rs->failed && i < len) {
        if (rs->mode != M_VALUE) {
            if (structural(rs, chunk[i], rs->off + i))
                i++;
            continue;
        }
        bool done;
        size_t from = i;
        i = value_scan(rs, chunk, i, len, &done);
        if (i == SIZE_MAX)
            break;
        if (rs->capture && !capture(rs, chunk + from, i - from))
            break;
        if (done && !value_done(rs))
            break;
    }
    if (rs->failed) {
        snprintf(err, n, "%s", rs->err);
        return false;
    }
    rs->off += len;
    rs->st.bytes = rs->off;
    return true;
}

bool rstream_finish(RecordStream *rs, char *err, size_t n)
{
    if (!rs->failed && rs->mode == M_TOP) {
        snprintf(rs->err, sizeof rs->err, "the input is empty: expected a JSON array of registrations");
        rs->failed = true;
    } else if (!rs->failed && rs->mode != M_END) {
        snprintf(rs->err, sizeof rs->err, "the input ends before the JSON does (at byte offset %llu): is it truncated?",
                 (unsigned long long)rs->off);
        rs->failed = rs->st.truncated = true;
    } else if (!rs->failed && rs->in_envelope && !rs->data_seen) {
        snprintf(rs->err, sizeof rs->err, "the object has no \"data\" array of registrations");
        rs->failed = true;
    }
    if (rs->failed)
        snprintf(err, n, "%s", rs->err);
    return !rs->failed;
}
