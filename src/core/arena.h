#ifndef REGDESK_CORE_ARENA_H
#define REGDESK_CORE_ARENA_H
/* A bump allocator: a detail record and everything hanging off it live in one arena,
 * so a record is freed with one call and never leaks a sub-object. */
#include <stddef.h>

typedef struct ArenaBlock ArenaBlock;
typedef struct Arena {
    ArenaBlock *head;
    size_t used_total; /* bytes handed out, for the memory figures in the notes */
} Arena;

void arena_init(Arena *a);
void arena_free(Arena *a);
void *arena_alloc(Arena *a, size_t n);            /* zeroed, aligned for any type */
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_strdup(Arena *a, const char *s);

#endif
