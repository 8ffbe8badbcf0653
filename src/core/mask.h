#ifndef REGDESK_CORE_MASK_H
#define REGDESK_CORE_MASK_H
/* PII masking for the screen and for exports, pure functions on sanitised text.
 * Masked values keep enough to recognise a person on a call and hide the rest.
 * Every function writes at most n bytes including the NUL (nothing when n is 0), always
 * terminates, and when the result does not fit cuts it on a UTF-8 character boundary.
 * A NULL input counts as "". Bytes that are not UTF-8 come out as U+FFFD. */
#include <stddef.h>

/* "ana.ruiz@example.org" → "a***@example.org"; no '@' → first char + "***". The first
 * character is kept whole (with its combining marks); the domain follows the last '@';
 * "" → "". */
void mask_email(const char *email, char *out, size_t n);
/* ("+57", "3001234567") → "+57 ******4567"; fewer than 5 digits → all stars. Either part
 * may be empty. Only digits count: the code is written '+' and its digits ("57" →
 * "+57"), the number's formatting ("300 123-4567") is dropped. */
void mask_phone(const char *country_code, const char *phone, char *out, size_t n);
/* "1020304050" → "******4050" (only the last 4 kept); 4 or fewer chars → all stars.
 * One star per character; separators (space . - /) stay in place and do not count:
 * "1.020.304.050" → "*.***.**4.050". */
void mask_docnum(const char *num, char *out, size_t n);
/* Replaces the value of token=, access_token=, refresh_token=, id_token= and jwt=
 * parameters (name case-insensitive, in the query or the fragment) in a URL with "***",
 * e.g. resend-link's https://access.verifik.co/sign-up/ID?token=eyJ… An empty value
 * stays empty. */
void mask_url_token(const char *url, char *out, size_t n);
/* "183.120.4.5" → "183.120.x.x"; IPv6 keeps its first two groups ("2001:db8::x"), an
 * IPv4-mapped one its IPv4 part masked ("::ffff:183.120.x.x"). A list ("a, b", as
 * X-Forwarded-For sends) masks each address; text that is not an address becomes "***". */
void mask_ip(const char *ip, char *out, size_t n);
/* "Ana María Ruiz" → "A*** M*** R***": each word's first character (whole, with its
 * marks) and three stars. */
void mask_name(const char *name, char *out, size_t n);

#endif
