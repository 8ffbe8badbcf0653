/* The CLI's JSON writer. */
#include "cli/jsonw.h"

#include <math.h>
#include <stdio.h>

#include "core/record.h"
#include "core/safetext.h"
#include "core/timeutil.h"

void jw_init(JsonW *w, StrBuf *b)
{
    w->b = b;
    w->depth = 0;
    w->first[0] = true;
}

/* The separator and "key": before a value. */
static void lead(JsonW *w, const char *key)
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

static void open_with(JsonW *w, const char *key, char c)
{
    lead(w, key);
    strbuf_putc(w->b, c);
    if (w->depth < JSONW_MAX_DEPTH)
        w->depth++;
    w->first[w->depth] = true;
}

void jw_object(JsonW *w, const char *key)
{
    open_with(w, key, '{');
}

void jw_array(JsonW *w, const char *key)
{
    open_with(w, key, '[');
}

void jw_end(JsonW *w, char close)
{
    strbuf_putc(w->b, close);
    if (w->depth > 0)
        w->depth--;
}

void jw_str(JsonW *w, const char *key, const char *v)
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

void jw_text(JsonW *w, const char *key, const char *v)
{
    jw_str(w, key, v && *v ? v : NULL);
}

void jw_num(JsonW *w, const char *key, double v)
{
    lead(w, key);
    if (isfinite(v))
        strbuf_printf(w->b, "%.6g", v);
    else
        strbuf_puts(w->b, "null");
}

void jw_uint(JsonW *w, const char *key, unsigned long long v)
{
    lead(w, key);
    strbuf_printf(w->b, "%llu", v);
}

void jw_bool(JsonW *w, const char *key, bool v)
{
    lead(w, key);
    strbuf_puts(w->b, v ? "true" : "false");
}

void jw_null(JsonW *w, const char *key)
{
    lead(w, key);
    strbuf_puts(w->b, "null");
}

void jw_time(JsonW *w, const char *key, int64_t ms)
{
    char buf[32];
    if (ms == TIME_NONE) {
        jw_null(w, key);
        return;
    }
    time_format_iso(ms, buf, sizeof buf);
    jw_str(w, key, buf);
}
