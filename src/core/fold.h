#ifndef REGDESK_CORE_FOLD_H
#define REGDESK_CORE_FOLD_H
/* Case- and accent-folding for search and collation, with no locale involved.
 *
 * Folding maps text to a canonical lower-case form, one code point at a time:
 *   - ASCII letters are lower-cased;
 *   - Latin letters with diacritics (Latin-1 Supplement, Latin Extended-A, Romanian Ș/Ț)
 *     become their base letter: "Á" → "a", "Ñ" → "n", "Ł" → "l", "ı"/"İ" → "i";
 *   - a few letters expand: "ß"/"ẞ" → "ss", "Æ" → "ae", "Œ" → "oe", "Ĳ" → "ij",
 *     "Þ" → "th" (so "Straße" matches "strasse");
 *   - combining marks U+0300–036F vanish, so decomposed "Lucı́a" equals "Lucía";
 *   - Greek and Cyrillic capitals are lower-cased;
 *   - everything else (digits, punctuation, scripts without case) is left as it is, so
 *     only a letter or a mark folds to something else, and an ASCII digit or punctuation
 *     mark in a needle only ever matches itself (filter_server.c relies on that).
 * Invalid UTF-8 folds to U+FFFD, one per bad byte, like safe text shows it. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Folds one code point ("Á" → 'a', "ß" → 's': the first letter of an expansion). A
 * combining mark folds to 0 (nothing); non-letters come back unchanged. */
uint32_t fold_cp(uint32_t cp);
/* The folded form of one code point as UTF-8 (0–4 bytes, expansions included). */
size_t fold_cp_utf8(uint32_t cp, char out[4]);

/* A new folded copy of s (free() it). */
char *fold_string(const char *s);
/* The first (at most) n bytes of s's folded form, into out (not NUL-terminated); returns
 * how many. For sort keys. */
size_t fold_prefix(const char *s, char *out, size_t n);

/* Byte offset of the first folded match of needle (already folded, UTF-8) in hay, or -1.
 * An empty needle matches at 0. */
long fold_find(const char *hay, const char *folded_needle);
/* Same, and *hay_len gets the length in hay's bytes of the matched text, including
 * combining marks that follow it: what a search highlight should paint. */
long fold_find_len(const char *hay, const char *folded_needle, size_t *hay_len);
/* True when the folded hay starts with the folded needle. */
bool fold_has_prefix(const char *hay, const char *folded_needle);

/* Collation for sorting: compares the folded forms (so "lucía" and "LUCIA" are equal);
 * <0, 0 or >0 like strcmp. */
int fold_compare(const char *a, const char *b);

#endif
