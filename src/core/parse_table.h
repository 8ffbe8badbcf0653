#ifndef REGDESK_CORE_PARSE_TABLE_H
#define REGDESK_CORE_PARSE_TABLE_H
/* One pass over an object's children, dispatching each key to the row that reads it
 * (the rows are core/record_fields.h's X-macros). The scan records, per row, the value
 * of the first occurrence of its key (cJSON keeps duplicate keys; a lookup would see the
 * first), descending into sub-objects for dotted paths; keys no row knows go to a
 * callback. Then a member's value is the first of its spellings that is present. */
#include <cJSON.h>
#include <stdbool.h>

#include "core/record.h"

enum { FIELD_ROWS_MAX = 72 };

/* The list envelope (reference §4.3): no struct, every key read by hand. */
#define ENVELOPE_FIELDS NO_ROWS
#define ENVELOPE_KEYS(K, T)                                                    \
    K(T, data, "data", 0)                                                      \
    K(T, success, "success", 0)                                                \
    K(T, total, "total", 0)                                                    \
    K(T, page, "page", 0)                                                      \
    K(T, limit, "limit", 0)                                                    \
    K(T, per_page, "perPage", 0)                                               \
    K(T, pages, "pages", 0)                                                    \
    K(T, total_pages, "totalPages", 0)                                         \
    K(T, p_total, "pagination.total", 0)                                       \
    K(T, p_page, "pagination.page", 0)                                         \
    K(T, p_limit, "pagination.limit", 0)                                       \
    K(T, p_per_page, "pagination.perPage", 0)                                  \
    K(T, p_pages, "pagination.pages", 0)                                       \
    K(T, p_total_pages, "pagination.totalPages", 0)
#define ENVELOPE_ALIASES NO_ROWS
FIELD_ROWS_ENUM(ENVELOPE, Envelope)
extern const FieldSet FIELDS_ENVELOPE;

typedef const cJSON *FieldHits[FIELD_ROWS_MAX];
typedef void (*UnknownKey)(void *ctx, const cJSON *child);

/* Clears hits, then scans obj's children (obj must be an object). Rows flagged FR_EXPORT
 * take part only when `export` is set (otherwise their keys are unknown). */
void fields_scan(const FieldSet *fs, const cJSON *obj, bool export, FieldHits hits, UnknownKey unknown,
                 void *ctx);
/* The member's value: the first present of its spellings (present and not null, when
 * the member is FR_SKIP_NULL); NULL when none is. Also right for a key's row. */
const cJSON *fields_value(const FieldSet *fs, const FieldHits hits, int row);

#endif
