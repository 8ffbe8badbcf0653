/* cJSON's allocator hooks, the per-thread bump arena behind them, and json_parse. */
#include "core/json.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

enum { BLOCK_MIN = 64 * 1024, BLOCK_KEEP_MAX = 8 << 20 };

struct JsonBlock {
    JsonBlock *next;
    size_t cap, used;
    alignas(max_align_t) unsigned char data[];
};

static _Thread_local JsonArena *current;

static bool in_block(const JsonBlock *b, const void *p)
{
    const unsigned char *c = p;
    return c >= b->data && c < b->data + b->cap;
}

static void block_release(JsonBlock *b)
{
    explicit_bzero(b->data, b->used);
    free(b);
}

static JsonBlock *block_new(size_t cap)
{
    JsonBlock *b = xmalloc(sizeof *b + cap);
    b->next = NULL;
    b->cap = cap;
    b->used = 0;
    return b;
}

static void *arena_take(JsonArena *a, size_t n)
{
    if (n > JSON_ARENA_HUGE) {
        JsonBlock *h = block_new(n);
        h->used = n;
        h->next = a->huge;
        a->huge = h;
        return h->data;
    }
    const size_t align = alignof(max_align_t);
    n = (n + align - 1) & ~(align - 1);
    JsonBlock *b = a->blocks;
    if (!b || b->cap - b->used < n) {
        size_t cap = b ? b->cap * 2 : BLOCK_MIN;
        while (cap < n)
            cap *= 2;
        b = block_new(cap);
        b->next = a->blocks;
        a->blocks = b;
    }
    void *p = b->data + b->used;
    b->used += n;
    return p;
}

/* A huge allocation goes back at once; anything else inside the arena waits for the
 * reset. */
static bool arena_give(JsonArena *a, void *p)
{
    for (JsonBlock **h = &a->huge; *h; h = &(*h)->next)
        if ((*h)->data == p) {
            JsonBlock *dead = *h;
            *h = dead->next;
            block_release(dead);
            return true;
        }
    for (JsonBlock *b = a->blocks; b; b = b->next)
        if (in_block(b, p))
            return true;
    return false;
}

static void *hook_malloc(size_t n)
{
    return current ? arena_take(current, n) : malloc(n);
}

/* A pointer may come from an outer arena still entered on this thread, or from malloc
 * (a tree made before any arena was entered). */
static void hook_free(void *p)
{
    if (!p)
        return;
    for (JsonArena *a = current; a; a = a->outer)
        if (arena_give(a, p))
            return;
    free(p);
}

/* Before main, while the process has one thread: cJSON's hooks are global, and every
 * cJSON call in the process comes after this. */
__attribute__((constructor)) static void install_hooks(void)
{
    cJSON_Hooks h = { hook_malloc, hook_free };
    cJSON_InitHooks(&h);
}

void json_arena_init(JsonArena *a, bool wipe_on_reset)
{
    memset(a, 0, sizeof *a);
    a->wipe_on_reset = wipe_on_reset;
}

static size_t in_use(const JsonArena *a)
{
    size_t n = 0;
    for (const JsonBlock *b = a->blocks; b; b = b->next)
        n += b->used;
    return n;
}

void json_arena_reset(JsonArena *a)
{
    while (a->huge) {
        JsonBlock *h = a->huge;
        a->huge = h->next;
        block_release(h);
    }
    if (!a->blocks)
        return;
    size_t used = in_use(a);
    if (used > a->peak)
        a->peak = used;
    /* Several blocks filled: next time one block of that size (up to a limit) serves. */
    if (a->blocks->next) {
        size_t cap = a->peak < BLOCK_KEEP_MAX ? a->peak : BLOCK_KEEP_MAX;
        while (a->blocks) {
            JsonBlock *b = a->blocks;
            a->blocks = b->next;
            block_release(b);
        }
        a->blocks = block_new(cap > BLOCK_MIN ? cap : BLOCK_MIN);
        return;
    }
    if (a->wipe_on_reset)
        explicit_bzero(a->blocks->data, a->blocks->used);
    a->blocks->used = 0;
}

void json_arena_free(JsonArena *a)
{
    json_arena_reset(a);
    if (a->blocks)
        block_release(a->blocks);
    a->blocks = NULL;
}

void json_arena_enter(JsonArena *a)
{
    a->outer = current;
    current = a;
}

void json_arena_leave(JsonArena *a)
{
    current = a->outer;
    a->outer = NULL;
}

/* ---- parsing ------------------------------------------------------------------------ */

/* Writes the text with every NUL inside a string made visible: the escape \u0000 becomes
 * \u2400 and a raw NUL byte the same six characters. out == NULL only measures; returns
 * the length written. at_out, if not SIZE_MAX, is a position in the output whose
 * position in the input goes to *at_in. */
static size_t visible_nuls(const char *s, size_t len, char *out, size_t at_out, size_t *at_in)
{
    bool in_string = false;
    size_t j = 0;
    for (size_t i = 0; i < len; i++) {
        if (at_out != SIZE_MAX && j >= at_out) {
            *at_in = i;
            return j;
        }
        char c = s[i];
        if (in_string && c == '\0') {
            if (out)
                memcpy(out + j, "\\u2400", 6);
            j += 6;
            continue;
        }
        if (c == '"') {
            in_string = !in_string;
        } else if (in_string && c == '\\' && i + 1 < len) {
            bool nul = s[i + 1] == 'u' && i + 5 < len && !memcmp(s + i + 2, "0000", 4);
            if (out) {
                memcpy(out + j, nul ? "\\u2400" : s + i, nul ? 6 : 2);
            }
            j += nul ? 6 : 2;
            i += nul ? 5 : 1; /* the escape whole: \\ and \" do not confuse the scan */
            continue;
        }
        if (out)
            out[j] = c;
        j++;
    }
    if (at_out != SIZE_MAX)
        *at_in = len;
    return j;
}

/* A raw NUL byte or the text \u0000 anywhere (backslashes are rare: memchr skips fast). */
static bool has_nul(const char *text, size_t len)
{
    if (memchr(text, '\0', len))
        return true;
    const char *end = text + len;
    for (const char *p = text; (p = memchr(p, '\\', (size_t)(end - p))) && end - p >= 6; p += 2)
        if (!memcmp(p + 1, "u0000", 5))
            return true;
    return false;
}

/* One parse (under the caller's lock, if it shares cJSON with other threads). */
static cJSON *parse_locked(const char *text, size_t len, bool plain, JsonError *err)
{
    const char *src = text, *end = NULL;
    char *copy = NULL;
    size_t n = len;
    if (!plain && has_nul(text, len)) {
        n = visible_nuls(text, len, NULL, SIZE_MAX, NULL);
        copy = xmalloc(n + 1);
        visible_nuls(text, len, copy, SIZE_MAX, NULL);
        copy[n] = '\0';
        src = copy;
    }
    cJSON *root = cJSON_ParseWithLengthOpts(src, n + 1, &end, 1);
    if (!root && err) {
        size_t at = end && end >= src && end <= src + n ? (size_t)(end - src) : 0;
        if (copy)
            visible_nuls(text, len, NULL, at, &at);
        err->at = at;
    }
    free(copy);
    return root;
}

cJSON *json_parse(const char *text, size_t len, JsonError *err)
{
    return parse_locked(text, len, false, err);
}

void json_parse_many(const char *const *texts, const size_t *lens, const bool *plain, size_t n, cJSON **roots,
                     JsonError *errs, const JsonLock *lock)
{
    if (lock)
        lock->lock(lock->ctx);
    for (size_t i = 0; i < n; i++)
        roots[i] = parse_locked(texts[i], lens[i], plain && plain[i], &errs[i]);
    if (lock)
        lock->unlock(lock->ctx);
}
