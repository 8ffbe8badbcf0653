#ifndef REGDESK_CORE_BASE64_H
#define REGDESK_CORE_BASE64_H
/* RFC 4648 base64 (with padding), for the OSC 52 clipboard sequence. */
#include <stddef.h>

#include "core/strbuf.h"

void base64_append(StrBuf *out, const void *data, size_t len);

#endif
