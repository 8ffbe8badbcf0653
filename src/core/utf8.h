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

#endif
