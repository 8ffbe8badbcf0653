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

/* Row indices of each table: ROW_<T>_<member or key name>. */
#define FIELD_ENUM(T, kind, member, path, label, flags) ROW_##T##_##member,
#define KEY_ENUM(T, name, path, flags) ROW_##T##_##name,
#define ALIAS_ENUM(T, name, member, path, flags) ROW_##T##_##name,
#define FIELD_ROWS_ENUM(OBJ, T)                                                                    \
    enum { OBJ##_FIELDS(FIELD_ENUM, T) OBJ##_KEYS(KEY_ENUM, T) OBJ##_ALIASES(ALIAS_ENUM, T) ROWS_##T };
FIELD_ROWS_ENUM(PROJECT, Project)
FIELD_ROWS_ENUM(FLOW, Flow)
FIELD_ROWS_ENUM(EMAIL_VAL, EmailVal)
FIELD_ROWS_ENUM(PHONE_VAL, PhoneVal)
FIELD_ROWS_ENUM(IMAGE, Image)
FIELD_ROWS_ENUM(BIO_VAL, BioVal)
FIELD_ROWS_ENUM(DOC_VAL, DocVal)
FIELD_ROWS_ENUM(INFO_VAL, InfoVal)
FIELD_ROWS_ENUM(PERSON, Person)
FIELD_ROWS_ENUM(COMPARE, Compare)
FIELD_ROWS_ENUM(CONSENT, Consent)
FIELD_ROWS_ENUM(REVIEW, ReviewEntry)
FIELD_ROWS_ENUM(REVIEWER, Reviewer)
FIELD_ROWS_ENUM(ATTEMPT, Attempt)
FIELD_ROWS_ENUM(REGISTRATION, Detail)
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
