#ifndef REGDESK_CORE_FILTER_H
#define REGDESK_CORE_FILTER_H
/* The filter language, shared by the dashboard's / prompt, `regdesk list --filter` and
 * saved views. Space-separated terms are ANDed; a leading ! negates a term.
 *
 *   status:NEEDS_MANUAL_VERIFICATION   status, case-insensitive; a prefix of a status or
 *   status:manual  status:review          of a word in it is enough when unambiguous;
 *   status:failed,expired                 a comma means any of
 *   step:liveness                      currentStep (case-insensitive, exact or prefix)
 *   project:ID  flow:ID                project / projectFlow id (exact or prefix)
 *   flags>0  flags>=2  flags=0         red flag count (ops: = != < <= > >=)
 *   failed>0                           all failed attempts; failed.email, failed.phone,
 *   failed.doc>0  failed.bio>=3           failed.doc, failed.bio per kind
 *   created>=2025-05-01  created<2025-06-01T12:00Z   creation time (ISO date/date-time,
 *   updated>…                             UTC); `updated` likewise
 *   age>2d  age<12h                    now − createdAt (s, m, h, d, w)
 *   email:@gmail.com  phone:4567       substring of that field (case/accent-insensitive;
 *   name:ruiz  id:6650  doc:4050          phone matches with or without country code)
 *   ruiz                               bare word: substring of name, email, phone or id
 *   "ana ruiz"                         quotes keep spaces inside one word
 *
 * Compiled once; filter_match allocates nothing and does not touch the clock (age is
 * measured against the `now` given to filter_compile). */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/record.h"

typedef struct Filter Filter;

typedef struct FilterError {
    char msg[200]; /* one sentence naming the term, e.g. "unknown field 'stauts' in 'stauts:x'" */
    int column;    /* 1-based column (in characters) of the bad term within the expression */
    int length;    /* its length in characters */
} FilterError;

/* NULL on error (err filled). An empty or all-blank expression compiles to a filter that
 * matches everything. */
Filter *filter_compile(const char *expr, int64_t now_ms, FilterError *err);
bool filter_match(const Filter *f, const Summary *s);
bool filter_is_empty(const Filter *f);
void filter_free(Filter *f);

/* What the server can do for us. Only positive, ANDed terms are pushed down, and only
 * when the server's matching cannot drop a row the client would keep (for example a
 * bare word with letters is not pushed down, because the server's like_ is not known to
 * ignore accents, and a bare word could also match the id). The caller always re-applies
 * the whole filter to what comes back. */
enum { SERVER_MAX_STATUS = ST__COUNT };
typedef struct ServerParams {
    Status in_status[SERVER_MAX_STATUS]; /* one → where_status, several → in_status[] */
    size_t n_status;
    const char *current_step;  /* where_currentStep (exact value) */
    const char *project, *flow; /* where_project, where_projectFlow */
    const char *like_name, *like_email, *like_phone;
    bool like_or;               /* send the like_ terms as the ?like_ OR group (bare word) */
    int64_t created_gte, created_lte; /* TIME_NONE when not set */
} ServerParams;

/* Pointers in *out stay valid for the life of the filter. */
void filter_server_params(const Filter *f, ServerParams *out);

/* Accent- and case-folding used by the matcher, exposed for tests and for the search
 * highlight: folds one code point ("Á" → 'a', "ß" → 's', "Ñ" → 'n'); non-letters and
 * scripts without case come back unchanged. */
uint32_t fold_cp(uint32_t cp);
/* Byte offset of the first folded match of needle (already folded, UTF-8) in hay, or -1. */
long fold_find(const char *hay, const char *folded_needle);

#endif
