#ifndef REGDESK_CLI_JSONW_H
#define REGDESK_CLI_JSONW_H
/* A small JSON writer for the CLI's exports. Every string and key goes through
 * safetext_json_escape (controls, DEL, C1, bidi and invisible characters as \u escapes),
 * never through cJSON_Print, which lets C1 and bidi characters out raw. A NULL key
 * means "inside an array" (or the top level). */
#include <stdbool.h>
#include <stdint.h>

#include "core/strbuf.h"

enum { JSONW_MAX_DEPTH = 16 };

typedef struct JsonW {
    StrBuf *b;
    int depth;
    bool first[JSONW_MAX_DEPTH + 1];
} JsonW;

void jw_init(JsonW *w, StrBuf *b);
void jw_object(JsonW *w, const char *key); /* opens {; close with jw_end */
void jw_array(JsonW *w, const char *key);  /* opens [; close with jw_end */
void jw_end(JsonW *w, char close);         /* '}' or ']' */
void jw_str(JsonW *w, const char *key, const char *v); /* NULL → null */
void jw_text(JsonW *w, const char *key, const char *v); /* "" → null too */
void jw_num(JsonW *w, const char *key, double v);       /* NaN or infinite → null */
void jw_uint(JsonW *w, const char *key, unsigned long long v);
void jw_bool(JsonW *w, const char *key, bool v);
void jw_null(JsonW *w, const char *key);
/* An ISO time, or null for TIME_NONE. */
void jw_time(JsonW *w, const char *key, int64_t ms);

#endif
