/* The JSON writer (jsonw.h). */
#include "core/jsonw.h"

#include <math.h>
#include <stdio.h>

#include "core/record.h"
#include "core/safetext.h"
#include "core/timeutil.h"

void jo_init(JsonOut *w, StrBuf *b)
{
    w->b = b;
    w->depth = 0;
    w->first[0] = true;
}

/* The separator and "key": before a value. */
static void lead(JsonOut *w, const char *key)
{
    if (!w->first[w->depth])
        strbuf_putc(w->b, ',');
    w->first[w->depth] = false;
    if (key) {
        strbuf_putc(w->b, '"');
        safetext_json_escape(w->b, key);
        strbuf_puts(w->b, "\":");
    }
}

static void open_with(JsonOut *w, const char *key, char c)
{
    lead(w, key);
    strbuf_putc(w->b, c);
    if (w->depth < JSONOUT_MAX_DEPTH)
        w->depth++;
    w->first[w->depth] = true;
}

void jo_object(JsonOut *w, const char *key)
{
    open_with(w, key, '{');
}

void jo_array(JsonOut *w, const char *key)
{
    open_with(w, key, '[');
}

void jo_end(JsonOut *w, char close)
{
    strbuf_putc(w->b, close);
    if (w->depth > 0)
        w->depth--;
}

void jo_str(JsonOut *w, const char *key, const char *v)
{
    lead(w, key);
    if (!v) {
        strbuf_puts(w->b, "null");
        return;
    }
    strbuf_putc(w->b, '"');
    safetext_json_escape(w->b, v);
    strbuf_putc(w->b, '"');
}

void jo_text(JsonOut *w, const char *key, const char *v)
{
    jo_str(w, key, v && *v ? v : NULL);
}

void jo_num(JsonOut *w, const char *key, double v)
{
    lead(w, key);
    if (isfinite(v))
        strbuf_printf(w->b, "%.6g", v);
    else
        strbuf_puts(w->b, "null");
}

void jo_uint(JsonOut *w, const char *key, unsigned long long v)
{
    lead(w, key);
    strbuf_printf(w->b, "%llu", v);
}

void jo_int(JsonOut *w, const char *key, long long v)
{
    lead(w, key);
    strbuf_printf(w->b, "%lld", v);
}

void jo_bool(JsonOut *w, const char *key, bool v)
{
    lead(w, key);
    strbuf_puts(w->b, v ? "true" : "false");
}

void jo_null(JsonOut *w, const char *key)
{
    lead(w, key);
    strbuf_puts(w->b, "null");
}

void jo_time(JsonOut *w, const char *key, int64_t ms)
{
    char buf[32];
    if (ms == TIME_NONE) {
        jo_null(w, key);
        return;
    }
    time_format_iso(ms, buf, sizeof buf);
    jo_str(w, key, buf);
}
