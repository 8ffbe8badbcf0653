#ifndef REGDESK_CORE_JSON_DEPTH_H
#define REGDESK_CORE_JSON_DEPTH_H
/* How deep a JSON text nests, found by a byte scan (no parse, no allocation), so that a
 * body nested deeper than any parser should follow is refused with a sentence before it
 * reaches cJSON, and is not fetched again: the same body comes back the same. */
#include <stdbool.h>
#include <stddef.h>

/* cJSON's own limit (CJSON_NESTING_LIMIT); regdesk's records nest far less. */
enum { JSON_DEPTH_MAX = 1000 };

/* True when s[0..len) opens more than `limit` arrays or objects inside one another
 * (brackets inside strings do not count); *at receives the byte offset of the bracket
 * that went past the limit. */
bool json_too_deep(const char *s, size_t len, unsigned limit, size_t *at);

#endif
