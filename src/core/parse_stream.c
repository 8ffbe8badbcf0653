/* A streaming splitter for large dumps: a byte-level scanner finds the array's elements
 * (tracking strings, escapes and bracket nesting across chunk boundaries) and gathers the
 * records into runs; each run is parsed (core/parse_run.c) here or by the caller. The
 * scanner never parses JSON, and skips string bodies and the bytes between brackets and
 * quotes 16 at a time. */
#include "core/parse_stream.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/parse_run.h"
#include "core/strbuf.h"
#include "core/xalloc.h"


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
    RecordSink sink;   /* records, parsed here */
    RunSink run_sink;  /* or runs, parsed by the caller */
    void *ctx;
    RunParser *parser; /* when parsing here */
    Mode mode, after;   /* after: where M_VALUE returns */
    bool in_envelope, data_seen;
    /* the value scanner */
    unsigned depth;
    bool in_str, esc, bare, capture;
    bool plain; /* the captured record has no backslash and no NUL in its strings */
    uint8_t stack[RSTREAM_MAX_DEPTH / 8]; /* one bit per level: 1 = '{', 0 = '[' */
    /* the current envelope key: only "data" matters */
    char key[8];
    size_t key_len;
    bool key_other;
    RecordRun *run;     /* complete records, and the one being captured at its end */
    uint64_t rec_start; /* the captured record's offset in the input */
    uint64_t off;       /* offset of the current chunk */
    bool failed;
    char err[240];
    RecordStreamStats st;
};

static RecordStream *stream_new(RecordSink sink, RunSink run_sink, void *ctx)
{
    RecordStream *rs = xcalloc(1, sizeof *rs);
    rs->sink = sink;
    rs->run_sink = run_sink;
    rs->ctx = ctx;
    rs->mode = M_TOP;
    rs->run = rrun_new();
    if (sink)
        rs->parser = rrun_parser_new(NULL);
    return rs;
}

RecordStream *rstream_new(RecordSink sink, void *ctx)
{
    return stream_new(sink, NULL, ctx);
}

RecordStream *rstream_new_runs(RunSink sink, void *ctx)
{
    return stream_new(NULL, sink, ctx);
}

void rstream_free(RecordStream *rs)
{
    if (!rs)
        return;
    rrun_free(rs->run);
    rrun_parser_free(rs->parser);
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

/* Hands the complete records over: parsed here (summaries to the sink; a bad record
 * stops the stream with its sentence), or as a run to the caller. */
static void flush_run(RecordStream *rs)
{
    RecordRun *run = rs->run;
    if (!rrun_records(run) && !run->skipped)
        return;
    if (rs->run_sink) {
        rs->st.records += rrun_records(run);
        rs->run = rrun_new();
        rs->run_sink(rs->ctx, run);
        return;
    }
    rrun_parse(rs->parser, run);
    size_t n;
    Summary **out = rrun_take(run, &n);
    for (size_t i = 0; i < n; i++)
        rs->sink(rs->ctx, out[i]);
    free(out);
    rs->st.records += n;
    rs->st.skipped += rrun_skipped(run);
    /* A bad record comes before anything the scanner found since: its error wins. */
    if (rrun_failed(run, rs->err, sizeof rs->err))
        rs->failed = true;
    rrun_clear(run);
}

static bool record_done(RecordStream *rs)
{
    rrun_end_record(rs->run, rs->plain);
    if (rs->run->text.len >= RSTREAM_RUN_BYTES)
        flush_run(rs);
    return !rs->failed;
}

static bool capture(RecordStream *rs, const char *p, size_t n)
{
    if (rrun_open_len(rs->run) + n > RSTREAM_RECORD_MAX) {
        snprintf(rs->err, sizeof rs->err, "the record starting at byte offset %llu is larger than %d MB",
                 (unsigned long long)rs->rec_start, RSTREAM_RECORD_MAX >> 20);
        rs->failed = true;
        return false;
    }
    strbuf_append(&rs->run->text, p, n);
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

/* Index of the first '"', '\\' or NUL in p[i..len), or len. */
static size_t string_body_end(const char *p, size_t i, size_t len)
{
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'), nul = _mm_setzero_si128();
    for (; i + 16 <= len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bslash)),
                                   _mm_cmpeq_epi8(v, nul));
        unsigned m = (unsigned)_mm_movemask_epi8(hit);
        if (m)
            return i + (size_t)__builtin_ctz(m);
    }
#endif
    while (i < len && p[i] != '"' && p[i] != '\\' && p[i] != '\0')
        i++;
    return i;
}

/* Index of the first '"', '{', '}', '[' or ']' in p[i..len), or len. ('[' and '{', ']'
 * and '}' differ only in bit 0x20.) */
static size_t structure_end(const char *p, size_t i, size_t len)
{
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), bit = _mm_set1_epi8(0x20);
    const __m128i open = _mm_set1_epi8('{'), close = _mm_set1_epi8('}');
    for (; i + 16 <= len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + i)), f = _mm_or_si128(v, bit);
        __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, quote),
                                   _mm_or_si128(_mm_cmpeq_epi8(f, open), _mm_cmpeq_epi8(f, close)));
        unsigned m = (unsigned)_mm_movemask_epi8(hit);
        if (m)
            return i + (size_t)__builtin_ctz(m);
    }
#endif
    for (; i < len; i++) {
        char f = (char)(p[i] | 0x20);
        if (p[i] == '"' || f == '{' || f == '}')
            break;
    }
    return i;
}

/* A bare value (number, true, false, null) ends at the first byte that cannot be in it. */
static size_t bare_scan(const char *p, size_t i, size_t len, bool *done)
{
    while (i < len && bare_char(p[i]))
        i++;
    *done = i < len; /* the delimiter belongs to whatever follows */
    return i;
}

/* Scans from p[i]; returns the index just past the value's last byte, or len when the
 * value continues in the next chunk (*done false). SIZE_MAX on malformed input. */
static size_t value_scan(RecordStream *rs, const char *p, size_t i, size_t len, bool *done)
{
    *done = false;
    if (rs->bare)
        return bare_scan(p, i, len, done);
    while (i < len) {
        if (rs->in_str) {
            if (rs->esc) { /* the escaped byte, whatever it is */
                rs->esc = false;
                i++;
                continue;
            }
            i = string_body_end(p, i, len);
            if (i == len)
                break;
            char c = p[i++];
            if (c == '\\' || c == '\0') {
                rs->esc = c == '\\';
                rs->plain = false; /* json_parse must look for NULs (core/json.h) */
                continue;
            }
            rs->in_str = false;
            if (rs->depth == 0) {
                *done = true;
                return i;
            }
            continue;
        }
        i = structure_end(p, i, len);
        if (i == len)
            break;
        char c = p[i];
        if (c == '"') {
            rs->in_str = true;
        } else if (c == '{' || c == '[') {
            if (!push(rs, c, rs->off + i))
                return SIZE_MAX;
        } else {
            if (!pop(rs, c, rs->off + i))
                return SIZE_MAX;
            if (rs->depth == 0) {
                *done = true;
                return i + 1;
            }
        }
        i++;
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
        rs->plain = true;
        rrun_begin_record(rs->run, at);
        strbuf_putc(&rs->run->text, c); /* the scanner starts after this byte */
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
        rrun_skip(rs->run);
        return true;
    }
    return record_done(rs);
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
        flush_run(rs); /* the records before the error; a bad one among them comes first */
        snprintf(err, n, "%s", rs->err);
        return false;
    }
    rs->off += len;
    rs->st.bytes = rs->off;
    return true;
}

bool rstream_finish(RecordStream *rs, char *err, size_t n)
{
    flush_run(rs);
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
