#ifndef REGDESK_TESTS_UNIT_MASKFNS_H
#define REGDESK_TESTS_UNIT_MASKFNS_H
/* Every core/mask.h masker behind one signature (a, b, out, n), so one size and
 * truncation check serves them all; b is the phone number for mask_phone, unused else.
 * Shared by the unit tests and the fuzz harness. */
#include <stddef.h>

#include "core/mask.h"

typedef void (*MaskFn)(const char *a, const char *b, char *out, size_t n);

static inline void maskfn_phone(const char *a, const char *b, char *out, size_t n)
{
    mask_phone(a, b, out, n);
}

/* The maskers that take one value. */
#define MASKFN_ONE(name, fn)                                                                  \
    static inline void maskfn_##name(const char *a, const char *b, char *out, size_t n)     \
    {                                                                                         \
        (void)b;                                                                              \
        fn(a, out, n);                                                                        \
    }
MASKFN_ONE(email, mask_email)
MASKFN_ONE(docnum, mask_docnum)
MASKFN_ONE(url, mask_url_token)
MASKFN_ONE(ip, mask_ip)
MASKFN_ONE(name, mask_name)
#undef MASKFN_ONE

#endif
