#ifndef REGDESK_CORE_STRBUF_H
#define REGDESK_CORE_STRBUF_H
/* A growable, always NUL-terminated byte string. */
#include <stdarg.h>
#include <stddef.h>

#include "core/msg.h" /* fmt_bounded */

typedef struct StrBuf {
    char *s; /* NULL until the first append; use strbuf_cstr() for a safe "" */
    size_t len, cap;
} StrBuf;

#define STRBUF_INIT { NULL, 0, 0 }

void strbuf_append(StrBuf *b, const char *s, size_t n);
void strbuf_puts(StrBuf *b, const char *s);
void strbuf_putc(StrBuf *b, char c);
void strbuf_printf(StrBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_vprintf(StrBuf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
void strbuf_reset(StrBuf *b); /* length 0, keeps the memory */
const char *strbuf_cstr(const StrBuf *b);
char *strbuf_steal(StrBuf *b); /* caller frees; b is empty afterwards */
/* Overwrites the bytes before freeing: for buffers that held a token. */
void strbuf_wipe(StrBuf *b);
void strbuf_free(StrBuf *b);

#endif
