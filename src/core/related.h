#ifndef REGDESK_CORE_RELATED_H
#define REGDESK_CORE_RELATED_H
/* Related registrations: other records in the store that share an email, a phone number
 * (country code included) or a document number with a given one — the same person
 * registering again, or a fraud signal. Keys are normalised (email case and blanks,
 * phone punctuation, document number case and separators) so formatting cannot hide a
 * match. The index rebuilds itself when the store has changed since it was built. */
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
 * (at most max); *total, if given, receives how many exist. */
size_t related_find(Related *r, const Store *st, size_t idx, RelatedHit *out, size_t max, size_t *total);

/* Normalised keys, exposed for tests. Empty output = no usable key. */
void related_key_email(const char *email, char *out, size_t n);
void related_key_phone(const char *country_code, const char *phone, char *out, size_t n);
void related_key_doc(const char *num, char *out, size_t n);

#endif
