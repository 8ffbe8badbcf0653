#include "sim/sim_json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/timeutil.h"

void jw_init(JsonW *w, StrBuf *b)
{
    w->b = b;
    w->first = 0;
    w->depth = 0;
    w->after_key = false;
}

/* Writes the comma that separates this value from the previous one, if any. */
static void sep(JsonW *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth == 0)
        return;
    uint64_t bit = 1ULL << (w->depth - 1);
    if (w->first & bit)
        w->first &= ~bit;
    else
        strbuf_putc(w->b, ',');
}

static void begin(JsonW *w, char c)
{
    sep(w);
    strbuf_putc(w->b, c);
    if (w->depth < JW_MAX_DEPTH) {
        w->depth++;
        w->first |= 1ULL << (w->depth - 1);
    }
}

static void finish(JsonW *w, char c)
{
    strbuf_putc(w->b, c);
    if (w->depth > 0)
        w->depth--;
}

void jw_obj(JsonW *w)
{
    begin(w, '{');
}

void jw_obj_end(JsonW *w)
{
    finish(w, '}');
}

void jw_arr(JsonW *w)
{
    begin(w, '[');
}

void jw_arr_end(JsonW *w)
{
    finish(w, ']');
}

void jw_key(JsonW *w, const char *key)
{
    sep(w);
    strbuf_putc(w->b, '"');
    jw_escape(w->b, key, strlen(key));
    strbuf_append(w->b, "\":", 2);
    w->after_key = true;
}

void jw_escape(StrBuf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t run = 0; /* start of the current run of bytes that need no escaping */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        strbuf_append(b, s + run, i - run);
        run = i + 1;
        char esc[6] = { '\\', 0, 0, 0, 0, 0 };
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\n': esc[1] = 'n'; break;
        case '\t': esc[1] = 't'; break;
        case '\r': esc[1] = 'r'; break;
        default:
            memcpy(esc + 1, "u00", 3);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            strbuf_append(b, esc, 6);
            continue;
        }
        strbuf_append(b, esc, 2);
    }
    strbuf_append(b, s + run, n - run);
}

void jw_strn(JsonW *w, const char *s, size_t n)
{
    sep(w);
    strbuf_putc(w->b, '"');
    jw_escape(w->b, s, n);
    strbuf_putc(w->b, '"');
}

void jw_str(JsonW *w, const char *s)
{
    jw_strn(w, s, strlen(s));
}

void jw_int(JsonW *w, long long v)
{
    char buf[24];
    int n = snprintf(buf, sizeof buf, "%lld", v);
    jw_raw(w, buf, (size_t)n);
}

void jw_num(JsonW *w, double v, int decimals)
{
    if (!isfinite(v)) {
        jw_null(w);
        return;
    }
    char buf[48];
    int n = snprintf(buf, sizeof buf, "%.*f", decimals, v);
    if (memchr(buf, '.', (size_t)n)) {
        while (n > 1 && buf[n - 1] == '0')
            n--;
        if (buf[n - 1] == '.')
            n--;
    }
    if (n == 2 && buf[0] == '-' && buf[1] == '0')
        n = 1, buf[0] = '0';
    jw_raw(w, buf, (size_t)n);
}

void jw_bool(JsonW *w, bool v)
{
    jw_raw(w, v ? "true" : "false", v ? 4 : 5);
}

void jw_null(JsonW *w)
{
    jw_raw(w, "null", 4);
}

static void put2(char *p, unsigned v)
{
    p[0] = (char)('0' + v / 10);
    p[1] = (char)('0' + v % 10);
}

void jw_format_time(int64_t ms, char *buf)
{
    int64_t days = ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000);
    int64_t rem = ms - days * 86400000;
    /* civil date from days since the epoch (Hinnant), inverse of time_days_from_civil */
    int64_t z = days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    int64_t y = (int64_t)yoe + era * 400 + (m <= 2);
    if (y < 0 || y > 9999) {
        time_format_iso(ms, buf, 25);
        return;
    }
    unsigned secs = (unsigned)(rem / 1000), milli = (unsigned)(rem % 1000);
    put2(buf, (unsigned)(y / 100));
    put2(buf + 2, (unsigned)(y % 100));
    buf[4] = '-';
    put2(buf + 5, m);
    buf[7] = '-';
    put2(buf + 8, d);
    buf[10] = 'T';
    put2(buf + 11, secs / 3600);
    buf[13] = ':';
    put2(buf + 14, secs / 60 % 60);
    buf[16] = ':';
    put2(buf + 17, secs % 60);
    buf[19] = '.';
    buf[20] = (char)('0' + milli / 100);
    put2(buf + 21, milli % 100);
    memcpy(buf + 23, "Z", 2);
}

void jw_time(JsonW *w, int64_t ms)
{
    char buf[32];
    jw_format_time(ms, buf);
    sep(w);
    strbuf_putc(w->b, '"');
    strbuf_append(w->b, buf, strlen(buf));
    strbuf_putc(w->b, '"');
}

void jw_raw(JsonW *w, const char *text, size_t n)
{
    sep(w);
    strbuf_append(w->b, text, n);
}

void jw_kstr(JsonW *w, const char *key, const char *s)
{
    jw_key(w, key);
    jw_str(w, s);
}

void jw_kstr_or_null(JsonW *w, const char *key, const char *s)
{
    jw_key(w, key);
    if (s)
        jw_str(w, s);
    else
        jw_null(w);
}

void jw_kint(JsonW *w, const char *key, long long v)
{
    jw_key(w, key);
    jw_int(w, v);
}

void jw_knum(JsonW *w, const char *key, double v, int decimals)
{
    jw_key(w, key);
    jw_num(w, v, decimals);
}

void jw_kbool(JsonW *w, const char *key, bool v)
{
    jw_key(w, key);
    jw_bool(w, v);
}

void jw_knull(JsonW *w, const char *key)
{
    jw_key(w, key);
    jw_null(w);
}

void jw_ktime(JsonW *w, const char *key, int64_t ms)
{
    jw_key(w, key);
    jw_time(w, ms);
}

void jw_kobj(JsonW *w, const char *key)
{
    jw_key(w, key);
    jw_obj(w);
}

void jw_karr(JsonW *w, const char *key)
{
    jw_key(w, key);
    jw_arr(w);
}
