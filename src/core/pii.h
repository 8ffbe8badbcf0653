#ifndef REGDESK_CORE_PII_H
#define REGDESK_CORE_PII_H
/* What is personal, and the masking policy: which kinds of field a setting masks
 * (`mask = email,phone,document,ip,name`, or `none`), the kind of a field by its JSON
 * key, and masking a value, a key/value row or a whole JSON text by kind. The maskers
 * themselves are in core/mask.h.
 *
 * Masking is for showing: the store keeps the real values, the filter and the related
 * registrations work on them, and a caller masks at draw (or write) time. Tokens in
 * links are masked whatever the set says: a credential is not data to review. */
#include <stdbool.h>
#include <stddef.h>

#include "core/strbuf.h"

typedef enum PiiKind { PII_NONE, PII_EMAIL, PII_PHONE, PII_DOCUMENT, PII_IP, PII_NAME, PII__COUNT } PiiKind;

/* A mask set: bit (1u << (kind - 1)) per kind masked; the same bits as the `mask`
 * setting's (conf/config.h: its choices are the kinds, in this order). */
enum {
    MASK_EMAIL = 1u << (PII_EMAIL - 1),
    MASK_PHONE = 1u << (PII_PHONE - 1),
    MASK_DOCUMENT = 1u << (PII_DOCUMENT - 1),
    MASK_IP = 1u << (PII_IP - 1),
    MASK_NAME = 1u << (PII_NAME - 1),
    MASK_NONE = 0,
    MASK_DEFAULT = MASK_EMAIL | MASK_PHONE | MASK_DOCUMENT | MASK_IP, /* names stay: a reviewer needs them */
    MASK_ALL = MASK_DEFAULT | MASK_NAME,
};

/* "email,phone,document,ip" (the setting's words) or "none". */
void mask_set_format(unsigned set, char *buf, size_t n);

/* The kind of a field by its JSON key, wherever it stands (a registration, a validation,
 * OCR fields, a registry's answer): "email", "phone", "documentNumber", "ipAddress",
 * "fullName", … (case and punctuation ignored). PII_NONE for any other key. */
PiiKind pii_kind_of_key(const char *key);

/* v as the screen shows it under set: masked when set has kind k, else v itself (buf
 * unused). Links always have their tokens masked. Returns v or buf. */
const char *mask_text(unsigned set, PiiKind k, const char *v, char *buf, size_t n);

/* The same, of any length, appended to out. */
void mask_text_append(unsigned set, PiiKind k, const char *v, StrBuf *out);
/* Whether set masks kind k. */
static inline bool mask_has(unsigned set, PiiKind k)
{
    return k != PII_NONE && (set & (1u << (k - 1)));
}

/* Free text (notes, a reviewer "Ops <ops@x.org>", a red flag's detail): under set, every
 * word that holds an '@' is masked as an e-mail (MASK_EMAIL), and every number of 7 or
 * more digits standing alone as a phone or document number (MASK_PHONE or
 * MASK_DOCUMENT), last 4 kept; tokens in links are masked. Appended to out. */
void mask_free_text(unsigned set, const char *text, StrBuf *out);

/* A key/value row (OCR fields, red-flag details, unknown fields): masked by its key's
 * kind, a value holding JSON masked field by field, any other as free text; appended
 * to out. */
void mask_kv_value(unsigned set, const char *key, const char *value, StrBuf *out);

/* JSON text (the raw view: pretty-printed and already display-safe) with every string
 * or number value whose key is personal masked by its kind, and tokens in links masked;
 * keys, structure and layout stay. Text that is not JSON passes through. */
void mask_json_text(unsigned set, const char *json, StrBuf *out);

#endif
