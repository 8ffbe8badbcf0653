#ifndef REGDESK_SIM_JSON_H
#define REGDESK_SIM_JSON_H
/* A small streaming JSON writer into a StrBuf. The simulator writes pages of up to 100
 * registrations per request; building a cJSON tree for that would cost more than the
 * whole scan, so values are appended directly. Commas are tracked per nesting level.
 * Strings are escaped (quotes, backslash, C0 controls); bytes >= 0x80 pass through, so
 * text that is not valid UTF-8 goes out raw, which --hostile relies on. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/strbuf.h"

enum { JW_MAX_DEPTH = 64 };

typedef struct JsonW {
    StrBuf *b;
    uint64_t first;  /* bit d set: nothing written yet at depth d */
    int depth;
    bool after_key;  /* a key was written; the next value needs no comma */
} JsonW;

void jw_init(JsonW *w, StrBuf *b);

void jw_obj(JsonW *w);
void jw_obj_end(JsonW *w);
void jw_arr(JsonW *w);
void jw_arr_end(JsonW *w);
void jw_key(JsonW *w, const char *key);

void jw_str(JsonW *w, const char *s);
void jw_strn(JsonW *w, const char *s, size_t n);
void jw_int(JsonW *w, long long v);
/* A number with at most `decimals` decimals, trailing zeros removed. */
void jw_num(JsonW *w, double v, int decimals);
void jw_bool(JsonW *w, bool v);
void jw_null(JsonW *w);
void jw_time(JsonW *w, int64_t ms); /* ISO-8601 UTC with ms */
/* A value that is already JSON text (or deliberately not, for --hostile). */
void jw_raw(JsonW *w, const char *text, size_t n);

/* key + value in one call. */
void jw_kstr(JsonW *w, const char *key, const char *s);
void jw_kstr_or_null(JsonW *w, const char *key, const char *s); /* NULL → null */
void jw_kint(JsonW *w, const char *key, long long v);
void jw_knum(JsonW *w, const char *key, double v, int decimals);
void jw_kbool(JsonW *w, const char *key, bool v);
void jw_knull(JsonW *w, const char *key);
void jw_ktime(JsonW *w, const char *key, int64_t ms);
void jw_kobj(JsonW *w, const char *key);
void jw_karr(JsonW *w, const char *key);

/* Appends s escaped as the inside of a JSON string (no quotes). */
void jw_escape(StrBuf *b, const char *s, size_t n);
/* "2025-05-24T14:00:00.000Z" into buf (at least 25 bytes), without printf. */
void jw_format_time(int64_t ms, char *buf);

#endif
