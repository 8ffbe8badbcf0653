#ifndef REGDESK_CORE_MSG_H
#define REGDESK_CORE_MSG_H
/* Sentences for a person that quote outside text (the server's words, a URL, a file
 * name, the command line) into a fixed buffer. regdesk's own words are never cut: when a
 * sentence does not fit, only the quoted text is shortened, on a character boundary (at
 * a blank when one is near) and ending in "…", the longest quotes first.
 *
 * Quoted text is marked in the format with QS (or QSN for "%.*s"):
 *     msg_format(buf, n, "a redirect to " QS "; set --api to the final address", loc);
 * The marks are two control bytes (U+001E, U+001F) that sanitised text never holds.
 *   - msg_format keeps them in its output, so the sentence can itself be quoted in a
 *     longer one ("page 3 could not be loaded: %s") and its quotes still shrink there:
 *     worker results (Result.message) are made this way.
 *   - safetext_format and fmt_bounded drop them: text that goes to a terminal, a log or
 *     a pane. safetext_format and msg_format also make everything display-safe
 *     (SAFE_LINE), each quote on its own; fmt_bounded copies bytes as they are.
 * Only a sentence whose own words exceed the buffer (a buffer too small for its longest
 * sentence, a bug) is cut, on a character boundary. A mark byte inside an argument (raw
 * text from the command line, say; sanitised text holds none) is read as a mark: at
 * worst it lets that text or the words after it shrink; a mark that pairs with nothing
 * is dropped. */
#include <stdarg.h>
#include <stddef.h>

#define MSG_QUOTE_OPEN '\x1e'
#define MSG_QUOTE_CLOSE '\x1f'
#define QS "\x1e%s\x1f"
#define QSN "\x1e%.*s\x1f"

/* Room for any sentence regdesk writes, its quotes shortened as needed. */
enum { MSG_MAX = 512 };

void msg_format(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void msg_vformat(char *buf, size_t n, const char *fmt, va_list ap) __attribute__((format(printf, 3, 0)));
void safetext_format(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void safetext_vformat(char *buf, size_t n, const char *fmt, va_list ap) __attribute__((format(printf, 3, 0)));
void fmt_bounded(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void vfmt_bounded(char *buf, size_t n, const char *fmt, va_list ap) __attribute__((format(printf, 3, 0)));

/* Copies a message without its quote marks (text that was made by msg_format). */
void msg_plain(char *buf, size_t n, const char *msg);

#endif
