#ifndef REGDESK_CONF_VIEWDEF_H
#define REGDESK_CONF_VIEWDEF_H
/* Saved views from the config: `view "Overdue" = status:review age>24h sort:age`. The
 * value is a filter in the filter language (core/filter.h) with, anywhere in it, at most
 * one sort:KEY word (core/sort.h syntax) outside quotes. The dashboard puts them on the
 * keys 1-9 after its built-in views, and `regdesk list --view NAME` runs the same ones. */
#include <stddef.h>

#include "conf/conf.h"

typedef struct ViewDef {
    const char *name;   /* display-safe, not empty (the parser sees to both) */
    const char *filter; /* the value without its sort: word; compiles */
    const char *sort;   /* "" when the view does not say */
    ConfPos pos;        /* the view directive */
} ViewDef;

/* Every valid `view` in d, in order; one that does not compile, or names a bad sort, is
 * a warning at the bad term and is left out. A view named like an earlier one (case
 * ignored) replaces it in its place, with a warning. *out lives in d's arena. */
size_t viewdefs_from_conf(ConfDoc *d, ViewDef **out);

#endif
