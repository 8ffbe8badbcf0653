#ifndef REGDESK_TESTS_FUZZ_FUZZ_H
#define REGDESK_TESTS_FUZZ_FUZZ_H
/* The fuzz harnesses (tests/fuzz/target_*.c).
 *
 * Each target_NAME.c defines `int fuzz_NAME(const uint8_t *data, size_t size)` with
 * FUZZ_TARGET(NAME). Two mains drive them:
 *   - libfuzzer_entry.c, compiled once per target with -DFUZZ_NAME=NAME, is libFuzzer's
 *     LLVMFuzzerTestOneInput (make fuzz: clang-14, -fsanitize=fuzzer,address,undefined);
 *   - replay_main.c runs every file of the committed corpus through every target, built
 *     by gcc with nothing but the project's own libraries (make test, under ASan+UBSan).
 * A harness checks properties and calls FUZZ_CHECK / fuzz_fail on a violation, which
 * prints what was wrong and aborts: libFuzzer saves the input as a crash, the replay
 * fails. Everything a harness allocates it frees, so LeakSanitizer sees regdesk's leaks. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Every target, for the replay's table. Add a line here with each new target_*.c. */
#define FUZZ_TARGETS(X) \
    X(page)             \
    X(detail)           \
    X(error)            \
    X(stream)           \
    X(safetext)         \
    X(mask)             \
    X(filter)           \
    X(conflang)         \
    X(url)              \
    X(msg)

#define FUZZ_TARGET(name) int fuzz_##name(const uint8_t *data, size_t size)
#define FUZZ_DECLARE(name) FUZZ_TARGET(name);
FUZZ_TARGETS(FUZZ_DECLARE)
#undef FUZZ_DECLARE

/* Prints "fuzz: <message>" on stderr and aborts. */
void fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
#define FUZZ_CHECK(cond, ...)          \
    do {                               \
        if (!(cond))                   \
            fuzz_fail(__VA_ARGS__);    \
    } while (0)

/* A malloc'd copy of the input with a NUL after it (the parsers' contract: buf[len] ==
 * '\0', and writable). */
char *fuzz_dup(const uint8_t *data, size_t size);

/* Independent checks (they do not use regdesk's own UTF-8 decoder, which is under test):
 * true when s[0..len) is well-formed UTF-8 (no overlongs, surrogates, or code points
 * above U+10FFFF). */
bool fuzz_utf8_valid(const char *s, size_t len);
/* The code point of the well-formed sequence at s[0..len) and its length, or 0. */
size_t fuzz_utf8_next(const char *s, size_t len, uint32_t *cp);
/* Display-safe: valid UTF-8, no byte below 0x20 (LF allowed when multiline), no DEL,
 * no C1 control (U+0080–U+009F). On failure *why says what and *at where. */
bool fuzz_display_safe(const char *s, size_t len, bool multiline, const char **why, size_t *at);
/* Aborts with `what` in the message unless s is display-safe (NULL is a failure too). */
void fuzz_check_text(const char *what, const char *s, bool multiline);
/* Same for a string that must end inside a fixed buffer of `cap` bytes. */
void fuzz_check_buf(const char *what, const char *buf, size_t cap, bool multiline);

/* A message made by msg_format into `cap` bytes (core/msg.h), against the same message made
 * with room to spare (`full`): it ends inside its buffer, its quote marks pair up, its
 * text without them is display-safe, and when full's own words fit in cap they are all
 * there, in order and whole (only quotes shrink). */
void fuzz_check_msg(const char *what, const char *full, const char *small, size_t cap);

/* A Summary's invariants: offsets inside its text, every string NUL-terminated, one line
 * of display-safe text, capped at SUMMARY_STR_MAX bytes; known status and invalid bits. */
struct Summary;
void fuzz_check_summary(const char *what, const struct Summary *s);
/* Field-by-field equality (a Summary's padding is not initialised, so no memcmp). */
bool fuzz_summary_equal(const struct Summary *a, const struct Summary *b);

/* A small deterministic generator, seeded from the input, for chunk sizes and the like. */
typedef struct FuzzRng {
    uint64_t s;
} FuzzRng;
void fuzz_rng_seed(FuzzRng *r, const uint8_t *data, size_t size);
uint32_t fuzz_rng_next(FuzzRng *r);

#endif
