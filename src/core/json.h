#ifndef REGDESK_CORE_JSON_H
#define REGDESK_CORE_JSON_H
/* cJSON as the parse module uses it: one entry point that handles NUL characters, and a
 * bump arena for cJSON's allocations.
 *
 * The arena. cJSON allocates a node per value and a string per key and text, and frees
 * each one; that was ~15 % of `list --file`. cJSON_InitHooks points its allocator here:
 * while a JsonArena is entered on a thread, cJSON's allocations on that thread are carved
 * from it and its frees cost nothing; json_arena_reset then takes everything back at
 * once (a tree need not be cJSON_Delete'd). One allocation larger than JSON_ARENA_HUGE
 * goes to malloc and back to free as it would without the arena, so one huge value
 * cannot leave a huge block behind. With no arena entered, cJSON uses malloc and free.
 * Arena memory is wiped before it goes back to the system; an arena made with
 * `wipe_on_reset` (responses that carry tokens or OTPs) is also wiped at every reset.
 * An arena belongs to one thread at a time; trees from it must not outlive its reset.
 *
 * Threads. cJSON_ParseWithLengthOpts writes cJSON's one global error slot on every call,
 * so two threads parsing at once race on it (ThreadSanitizer shows it with cJSON compiled
 * in). regdesk never reads that slot (the stop offset comes from each call's own end
 * pointer), but a race is a race: whoever parses on several threads at once passes a
 * JsonLock (core/parse_stream.h) that serialises the cJSON call itself. core has no
 * threads and no lock of its own; everything around the call runs in parallel.
 *
 * NULs. cJSON turns the escape \u0000 into a NUL byte, and keeps a raw NUL byte inside a
 * string, and every reader then stops there: "Ana\u0000<hidden>" would read as "Ana".
 * json_parse makes both the visible NUL symbol (U+2400, what safe text shows for a NUL),
 * so the rest of the string is kept and the NUL shows. */
#include <cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/parse_stream.h" /* JsonLock */

enum { JSON_ARENA_HUGE = 256 * 1024 };

typedef struct JsonBlock JsonBlock;
typedef struct JsonArena {
    JsonBlock *blocks; /* newest first; the first one is kept across resets */
    JsonBlock *huge;   /* single huge allocations, freed at reset if cJSON did not */
    struct JsonArena *outer; /* the arena entered before this one on the thread */
    size_t peak;       /* most bytes in use between two resets, for sizing the next block */
    bool wipe_on_reset;
} JsonArena;

void json_arena_init(JsonArena *a, bool wipe_on_reset);
/* Releases every block (wiped first). The arena must not be entered. */
void json_arena_free(JsonArena *a);
/* From now on cJSON's allocations on this thread come from a (nesting is allowed:
 * leave restores the arena entered before). */
void json_arena_enter(JsonArena *a);
void json_arena_leave(JsonArena *a);
/* Everything allocated in a since the last reset is gone. */
void json_arena_reset(JsonArena *a);

/* Where and why a parse failed. */
typedef struct JsonError {
    size_t at; /* byte offset into the text given to json_parse */
} JsonError;

/* Several texts in one go: roots[i] = json_parse(texts[i], lens[i], &errs[i]), under lock
 * (NULL: none) taken once for all of them. plain (may be NULL): plain[i] promises that
 * texts[i] has no backslash and no NUL inside a string (the dump splitter knows), which
 * saves looking for NULs. */
void json_parse_many(const char *const *texts, const size_t *lens, const bool *plain, size_t n, cJSON **roots,
                     JsonError *errs, const JsonLock *lock);

/* Parses text[0..len); text[len] must be '\0' (the text itself is not written). NULL
 * when it is not one JSON value followed only by blanks; err->at says where cJSON
 * stopped. Frees like any cJSON tree (cJSON_Delete, or the arena's reset). */
cJSON *json_parse(const char *text, size_t len, JsonError *err);

#endif
