#ifndef REGDESK_CORE_XALLOC_H
#define REGDESK_CORE_XALLOC_H
/* Allocation that never returns NULL: regdesk cannot do anything useful once malloc
 * fails, so it says so and exits instead of threading NULL checks through every path. */
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Grows an array to hold at least `need` elements of `size`, doubling; returns the new
 * pointer and updates *cap. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
