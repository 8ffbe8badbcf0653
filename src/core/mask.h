#ifndef REGDESK_CORE_MASK_H
#define REGDESK_CORE_MASK_H
/* PII masking for the screen and for exports, pure functions on sanitised text.
 * Masked values keep enough to recognise a person on a call and hide the rest. */
#include <stddef.h>

/* "ana.ruiz@example.org" → "a***@example.org"; no '@' → first char + "***". */
void mask_email(const char *email, char *out, size_t n);
/* ("+57", "3001234567") → "+57 ******4567"; fewer than 5 digits → all stars. Either part
 * may be empty. */
void mask_phone(const char *country_code, const char *phone, char *out, size_t n);
/* "1020304050" → "******4050" (only the last 4 kept); 4 or fewer chars → all stars. */
void mask_docnum(const char *num, char *out, size_t n);
/* Replaces the value of token=, access_token= and jwt= query parameters in a URL with
 * "***", e.g. resend-link's https://access.verifik.co/sign-up/ID?token=eyJ… */
void mask_url_token(const char *url, char *out, size_t n);

#endif
