#ifndef REGDESK_CORE_RELATED_H
#define REGDESK_CORE_RELATED_H
/* Related registrations: other records in the store that share an email, a phone number
 * (country code included) or a document number with a given one — the same person
 * registering again, or a fraud signal. Keys are normalised (email case and blanks,
 * phone punctuation, document number case and separators) so formatting cannot hide a
 * match. The index follows the store by itself: asked again about the same record as
 * pages arrive, it looks only at what arrived (and what was replaced), so the work per
 * page stays proportional to the page, even when every record shares one phone. */
#include <stddef.h>
#include <stdint.h>

#include "core/store.h"

enum { REL_EMAIL = 1, REL_PHONE = 2, REL_DOC = 4 };

typedef struct RelatedHit {
    uint32_t idx;
    unsigned kinds; /* REL_* bits: what is shared */
} RelatedHit;

typedef struct Related Related;

Related *related_new(void);
void related_free(Related *r);
/* Hits for record idx (never idx itself), newest first; returns how many were written
 * (at most max, and at most 32); *total, if given, receives how many exist. */
size_t related_find(Related *r, const Store *st, size_t idx, RelatedHit *out, size_t max, size_t *total);
/* Records looked at so far (hashed or compared), for tests and the benchmark. */
uint64_t related_work(const Related *r);

/* Normalised keys, exposed for tests. Empty output = no usable key. */
void related_key_email(const char *email, char *out, size_t n);
void related_key_phone(const char *country_code, const char *phone, char *out, size_t n);
void related_key_doc(const char *num, char *out, size_t n);

#endif
