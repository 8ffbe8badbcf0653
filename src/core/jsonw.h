#ifndef REGDESK_CORE_JSONW_H
#define REGDESK_CORE_JSONW_H
/* A small JSON writer for the CLI's exports and the audit log. Every string and key goes
 * through safetext_json_escape (controls, DEL, C1, bidi and invisible characters as \u
 * escapes), never through cJSON_Print, which lets C1 and bidi characters out raw. A NULL
 * key means "inside an array" (or the top level). */
#include <stdbool.h>
#include <stdint.h>

#include "core/strbuf.h"

enum { JSONOUT_MAX_DEPTH = 16 };

typedef struct JsonOut {
    StrBuf *b;
    int depth;
    bool first[JSONOUT_MAX_DEPTH + 1];
} JsonOut;

void jo_init(JsonOut *w, StrBuf *b);
void jo_object(JsonOut *w, const char *key); /* opens {; close with jo_end */
void jo_array(JsonOut *w, const char *key);  /* opens [; close with jo_end */
void jo_end(JsonOut *w, char close);         /* '}' or ']' */
void jo_str(JsonOut *w, const char *key, const char *v); /* NULL → null */
void jo_text(JsonOut *w, const char *key, const char *v); /* "" → null too */
void jo_num(JsonOut *w, const char *key, double v);       /* NaN or infinite → null */
void jo_uint(JsonOut *w, const char *key, unsigned long long v);
void jo_int(JsonOut *w, const char *key, long long v);
void jo_bool(JsonOut *w, const char *key, bool v);
void jo_null(JsonOut *w, const char *key);
/* An ISO time, or null for TIME_NONE. */
void jo_time(JsonOut *w, const char *key, int64_t ms);

#endif
