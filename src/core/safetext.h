#ifndef REGDESK_CORE_SAFETEXT_H
#define REGDESK_CORE_SAFETEXT_H
/* Display-safe text. Every string that came from the network is attacker text; it goes
 * through safetext_sanitize once, where it enters a record, and is then safe to draw or
 * export. The rules (reference/reliability-perf.md §1.3), all replacements visible:
 *   - invalid, overlong, surrogate, out-of-range or truncated UTF-8 → U+FFFD per bad
 *     sequence; an embedded NUL byte → "␀";
 *   - C0 controls and DEL → their Control Pictures (ESC → "␛", BEL → "␇", DEL → "␡");
 *     in SAFE_MULTILINE mode LF is kept and TAB becomes one space; CR, BS always replaced;
 *   - C1 controls U+0080–U+009F (8-bit CSI U+009B included) → U+FFFD;
 *   - bidi controls (U+061C, U+200E–200F, U+202A–202E, U+2066–2069), zero-width and
 *     invisible characters (U+200B–200D, U+2060–2064, U+180E, U+FEFF), line/paragraph
 *     separators, interlinear annotation (U+FFF9–FFFB), tag characters (U+E0000–E007F),
 *     noncharacters and private use → "◌" (U+25CC), so a reviewer sees that something
 *     was there;
 *   - more than SAFETEXT_MAX_COMBINING combining marks on one base are dropped.
 * Output is valid UTF-8 with no control characters except LF in SAFE_MULTILINE mode.
 * Width and fitting use regdesk's own Unicode tables (no locale needed), so a CLI run
 * under LANG=C computes the same columns as the dashboard. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/strbuf.h"
#include "core/utf8.h"

typedef enum SafeMode { SAFE_LINE = 0, SAFE_MULTILINE = 1 } SafeMode;

enum { SAFETEXT_MAX_COMBINING = 3 };

/* Appends the sanitised form of in[0..len) (NULs allowed) to out. */
void safetext_append(StrBuf *out, const char *in, size_t len, SafeMode mode);
/* Same, into a new string: malloc'd, or in an arena. */
char *safetext_dup(const char *in, size_t len, SafeMode mode);
char *safetext_arena(Arena *a, const char *in, size_t len, SafeMode mode);
/* True when in[0..len) would come out of safetext_append unchanged. */
bool safetext_is_safe(const char *in, size_t len, SafeMode mode);

/* Terminal columns of one code point: 0 for combining marks, 2 for East Asian wide and
 * fullwidth characters and emoji presentation, 1 otherwise (safe text only). */
int cp_width(uint32_t cp);
/* Columns of a sanitised string. */
int safetext_width(const char *s);
/* How many bytes of s fit in `cols` columns without splitting a character (combining
 * marks stay with their base). *used, if given, receives the columns those bytes take
 * (a wide character that would straddle the edge is left out, so used may be cols-1). */
size_t safetext_fit(const char *s, int cols, int *used);

/* Exports. JSON string body (no quotes) escaping ", \, control characters, DEL, C1,
 * bidi and invisible characters, U+2028/2029 as \uXXXX, so that jq or a browser cannot
 * be tricked by the export either. */
void safetext_json_escape(StrBuf *out, const char *s);
/* One RFC 4180 cell: quoted when it holds the separator, a quote, CR or LF; a cell that
 * starts with = + - @ (or TAB/CR) is prefixed with ' so spreadsheets show it as text. */
void safetext_csv_cell(StrBuf *out, const char *s, char sep);

#endif
