#ifndef REGDESK_TESTS_UNIT_MASKFNS_H
#define REGDESK_TESTS_UNIT_MASKFNS_H
/* Every core/mask.h masker behind one signature (a, b, out, n), so one size and
 * truncation check serves them all; b is the phone number for mask_phone, unused else.
 * Shared by the unit tests and the fuzz harness. */
#include <stddef.h>

#include "core/mask.h"

typedef void (*MaskFn)(const char *a, const char *b, char *out, size_t n);

static inline void maskfn_email(const char *a, const char *b, char *out, size_t n)
{
    (void)b;
    mask_email(a, out, n);
}

static inline void maskfn_phone(const char *a, const char *b, char *out, size_t n)
{
    mask_phone(a, b, out, n);
}

static inline void maskfn_docnum(const char *a, const char *b, char *out, size_t n)
{
    (void)b;
    mask_docnum(a, out, n);
}

static inline void maskfn_url(const char *a, const char *b, char *out, size_t n)
{
    (void)b;
    mask_url_token(a, out, n);
}

static inline void maskfn_ip(const char *a, const char *b, char *out, size_t n)
{
    (void)b;
    mask_ip(a, out, n);
}

static inline void maskfn_name(const char *a, const char *b, char *out, size_t n)
{
    (void)b;
    mask_name(a, out, n);
}

#endif
