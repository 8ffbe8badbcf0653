#ifndef REGDESK_CORE_PARSE_INTERNAL_H
#define REGDESK_CORE_PARSE_INTERNAL_H
/* Field readers shared by the parse_*.c files. Every string they return is sanitised
 * into the arena; every reader reports how the field arrived (FieldState). */
#include <cJSON.h>

#include "core/arena.h"
#include "core/json.h"
#include "core/parse_table.h"
#include "core/record.h"

/* Case-sensitive lookup (cJSON_GetObjectItem ignores case, which would confuse `id`
 * with `ID` and `name` with `Name`). NULL for a non-object. */
const cJSON *jget(const cJSON *obj, const char *key);
/* First present key of a NULL-terminated list. */
const cJSON *jget_any(const cJSON *obj, const char *const *keys);

Str field_str(Arena *a, const cJSON *v);
Str field_text(Arena *a, const cJSON *v); /* multi-line text (notes) */
Num field_num(const cJSON *v);
Num field_count(const cJSON *v); /* non-negative whole number */
Score field_score(const cJSON *v);
Flag field_flag(const cJSON *v);
Time field_time(Arena *a, const cJSON *v);
Ref field_ref(Arena *a, const cJSON *v);
/* Flattens an object or array into key → value rows, depth- and row-capped. */
KVList field_kv(Arena *a, const cJSON *v);
/* Compact JSON of any value, capped, sanitised. */
const char *field_json(Arena *a, const cJSON *v, size_t cap);

/* Sub-objects of a registration (parse_objects.c). `v` is the field's value. */
void parse_project(Arena *a, const cJSON *v, Project *out);
void parse_flow(Arena *a, const cJSON *v, Flow *out);
void parse_email_val(Arena *a, const cJSON *v, EmailVal *out);
void parse_phone_val(Arena *a, const cJSON *v, PhoneVal *out);
void parse_bio_val(Arena *a, const cJSON *v, BioVal *out);
void parse_doc_val(Arena *a, const cJSON *v, DocVal *out);
void parse_info_val(Arena *a, const cJSON *v, InfoVal *out);
void parse_person(Arena *a, const cJSON *v, Person *out);
void parse_image(Arena *a, const cJSON *v, Image *out);
void parse_compare(Arena *a, const cJSON *v, Compare *out);
void parse_consent(Arena *a, const cJSON *v, Consent *out);

/* The raw view's redaction (parse_redact.c): whether key's value v is hidden, and the
 * walk that replaces every such value in a tree with "[redacted]". */
bool redact_wanted(const char *key, const cJSON *v);
void redact_secrets(cJSON *v, int depth);

/* Reads every member of fs's struct at obj from a scan's hits (core/parse_table.h). */
void fields_read(Arena *a, const FieldSet *fs, const FieldHits hits, void *obj);

/* The summary of one registration object from its scan; strings sanitised through
 * `scratch`. `export`: the record may be in regdesk's own export form (list --file). */
Summary *summary_from_hits(Arena *scratch, const cJSON *obj, const FieldHits hits, bool export);
Summary *summary_from_json(Arena *scratch, const cJSON *obj, bool export);
/* fullName, else firstName + lastName, else name, else the sign-up form's names. */
Str registration_name(Arena *a, const FieldHits hits);
/* The registration table's rows of failedEmailValidations… by FailKind. */
extern const int FAILED_ROWS[FAIL__COUNT];

/* Parses body (core/json.h: NULs made visible); NULL with err filled on failure. */
cJSON *json_parse_body(char *body, size_t len, char *err, size_t errlen);

#endif
