#ifndef REGDESK_MODEL_VIEWS_H
#define REGDESK_MODEL_VIEWS_H
/* Saved views on keys 1–9: a name, a filter in the core filter language and a sort.
 * Built in for now; the config issue will let people redefine them. */
#include <stddef.h>
#include <stdint.h>

#include "core/sort.h"
#include "core/strbuf.h"

enum { VIEWS_MAX = 9 };

typedef struct SavedView {
    const char *name;
    const char *filter; /* "%TODAY%" stands for today's date (UTC) */
    const char *sort;   /* sort_parse syntax */
    const char *why;    /* one line for the help screen */
} SavedView;

/* View n (1–9), or NULL when none is defined there. */
const SavedView *views_get(int n);
/* The view's filter with %TODAY% replaced by now's date, into buf. */
void views_filter(const SavedView *v, int64_t now_ms, char *buf, size_t n);
SortSpec views_sort(const SavedView *v);
/* The filter for people to read: %TODAY% shows as <today>. */
void views_filter_label(const SavedView *v, char *buf, size_t n);
/* The README's table of views (Markdown). */
void views_markdown(StrBuf *out);

#endif
