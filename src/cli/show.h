#ifndef REGDESK_CLI_SHOW_H
#define REGDESK_CLI_SHOW_H
/* `regdesk show`: one populated registration as text for a person or JSON for a program.
 * Both render only the typed Detail (already display-safe), reasons first. */
#include <stdint.h>

#include "core/record.h"
#include "core/strbuf.h"

/* now_ms: for "30h ago" and whether a link has expired; mask: the personal data masked
 * (a core/pii set). */
void show_text(const Detail *d, int64_t now_ms, unsigned mask, StrBuf *b);
/* One JSON object and a newline; the field set is documented in README.md. */
void show_json(const Detail *d, int64_t now_ms, unsigned mask, StrBuf *b);

#endif
