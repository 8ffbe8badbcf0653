#ifndef REGDESK_CORE_VIEWS_H
#define REGDESK_CORE_VIEWS_H
/* Saved views: a name, a filter in the filter language and a sort. The built-in ones,
 * and the list the dashboard and `regdesk list --view` share: the built-in views (unless
 * the config says builtin_views = no) followed by the config's own, a config view named
 * like a built-in one taking its place. The dashboard's keys 1-9 are the first nine. */
#include <stdbool.h>
#include <stddef.h>

#include "core/sort.h"
#include "core/strbuf.h"

enum {
    VIEWS_KEYS = 9, /* views on the keys 1-9 */
    VIEWS_MAX = 64, /* views in all; more are left out */
};

typedef struct SavedView {
    const char *name;
    const char *filter; /* the filter language (core/filter.h); "" for everything */
    const char *sort;   /* sort_parse syntax; "" for the default, newest first */
    const char *why;    /* one line for the help screen, or "" */
} SavedView;

/* The built-in views, in key order. */
const SavedView *views_builtin(size_t *n);
/* The views in key order into out[0..cap): the built-in ones when builtins, then user's,
 * each replacing a view of the same name (case ignored) in its place. Returns how many. */
size_t views_combine(bool builtins, const SavedView *user, size_t nuser, SavedView *out, size_t cap);
/* The built-in Overdue view among v[0..n) waits for sla_seconds instead of 24 h: its
 * filter is written into buf (the caller keeps it as long as the views). */
void views_follow_sla(SavedView *v, size_t n, long sla_seconds, char *buf, size_t cap);
/* The index in v[0..n) of the view called name (case ignored) or numbered name (1-n), or
 * -1. */
int views_find(const SavedView *v, size_t n, const char *name);
/* The view's sort (newest first when it names none). */
SortSpec views_sort(const SavedView *v);
/* The README's table of the built-in views (Markdown). */
void views_markdown(StrBuf *out);

#endif
