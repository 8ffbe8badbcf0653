#ifndef REGDESK_CORE_UTF8_H
#define REGDESK_CORE_UTF8_H
#include <stddef.h>
#include <stdint.h>

/* Decodes one UTF-8 sequence strictly (no overlongs, no surrogates, nothing above
 * U+10FFFF). Returns its length (1–4) and the code point, or 0 with *cp = 0xFFFD when the
 * bytes at s do not start a valid sequence (the caller skips one byte). len 0 → 0. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encodes a valid scalar value; returns bytes written (1–4). out needs 4 bytes. */
size_t utf8_encode(uint32_t cp, char *out);

/* Cutting text without splitting a character. Two situations, two helpers:
 * utf8_prefix: s[0..len) is whole and must be cut to at most max bytes; the byte at max
 * is still there to say whether a character goes on, so the cut steps back over it.
 * utf8_drop_partial: s[0..len) has already been cut (snprintf) and what followed is
 * gone; returns len without a multi-byte sequence that its end cut short. Bytes that
 * were invalid to begin with are left for safetext to show. */
size_t utf8_prefix(const char *s, size_t len, size_t max);
size_t utf8_drop_partial(const char *s, size_t len);

#endif
