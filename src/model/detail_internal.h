#ifndef REGDESK_MODEL_DETAIL_INTERNAL_H
#define REGDESK_MODEL_DETAIL_INTERNAL_H
/* Shared by detail_sections.c, detail_attempts.c and detail_objects.c: formatting one
 * field of a record. */
#include "core/pii.h"
#include "core/record.h"
#include "model/detail_build.h"
#include "model/dlines.h"

enum { IND = 2 }; /* body indent under a section header */

/* "2025-05-24 14:02:11" (UTC) */
void fmt_time(int64_t ms, char *buf, size_t n);

/* Label/value rows that show only what the API sent: absent and null fields print
 * nothing; a field that arrived with the wrong type prints its raw text marked. */
void kv_str(DLines *d, const char *label, Str s);
/* A field that may be personal: masked when the mask set has its kind (then in the
 * masked slot); tokens in links are masked always (PII_NONE for a link). */
void kv_pii(DLines *d, unsigned mask, const char *label, Str s, PiiKind k);
void kv_num(DLines *d, const char *label, Num v, const char *unit);
void kv_score(DLines *d, const char *label, Score s);
void kv_time(DLines *d, const char *label, Time t);
void kv_flag(DLines *d, const char *label, Flag f);
/* Rows of a free-form object, each masked by its key (and what hangs under a personal
 * key by that key's kind). */
void kv_list(DLines *d, unsigned mask, const KVList *l, int indent);
/* Rows first..last of an object's table (core/record_fields.h), each member shown the way
 * its kind is shown, under the table's label: a field is named where it is declared, and
 * masked under mask by the personal kind its row declares (FR_PII, FR_LINK). */
void kv_fields(DLines *d, unsigned mask, const FieldSet *fs, const void *obj, int first, int last);
/* An unpopulated reference: "id 6650… · not loaded". Returns true when it printed one
 * (the caller then stops: there is nothing else to show). */
bool ref_not_loaded(DLines *d, const Ref *r);
/* True when the ref has something to show (populated or just an id). */
bool ref_present(const Ref *r);

/* Red flags and failed attempts (detail_attempts.c). */
void build_flags(DLines *d, const DetailCtx *c, const Summary *s, const Detail *det);
void build_attempts(DLines *d, const DetailCtx *c, const Summary *s, const Detail *det);
/* The reasons and the checks (detail_checks.c). */
void build_reasons(DLines *d, const DetailCtx *c, const Summary *s, const Detail *det);
void build_checks(DLines *d, const DetailCtx *c, const Summary *s, const Detail *det);

/* The validation sections (detail_objects.c). */
void build_identity(DLines *d, const DetailCtx *c, const Summary *s, const Detail *det);
void build_document(DLines *d, const DetailCtx *c, const Detail *det);
void build_liveness(DLines *d, const Detail *det);
void build_compare(DLines *d, const Detail *det);
/* Email, phone, information, person and consent, in that order: their fields only. */
void build_plain_objects(DLines *d, const DetailCtx *c, const Detail *det);
void build_flow(DLines *d, const Detail *det);

/* The liveness score a reviewer should see: the biometric validation's, else the
 * person's. */
Score detail_liveness(const Detail *det);

#endif
