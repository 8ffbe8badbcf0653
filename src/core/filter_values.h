#ifndef REGDESK_CORE_FILTER_VALUES_H
#define REGDESK_CORE_FILTER_VALUES_H
/* The compile context and the value parsers of the filter language (filter_values.c),
 * used by filter_parse.c. */
#include "core/filter_internal.h"

enum { TERM_SHOWN = 40 }; /* characters of a term quoted in an error message */

typedef struct Ctx {
    Arena *a;
    int64_t now;
    const char *expr;
    const char *t0, *t1;                 /* the term being compiled */
    char shown[TERM_SHOWN * 4 + 4];       /* the same, display-safe, for messages */
    char shown_value[TERM_SHOWN * 4 + 4]; /* a value of it, likewise (filter_show) */
    FilterError *err;
} Ctx;

typedef struct Values {
    char **items; /* unquoted, non-empty */
    size_t n;
} Values;

/* Makes [t0, t1) the term being compiled (messages quote it and point at it). */
void filter_set_term(Ctx *c, const char *t0, const char *t1);
/* Compiles the current term [c->t0, c->t1) into *t (zeroed by the caller). False with
 * c->err filled when it is not valid. */
bool filter_compile_term(Ctx *c, Term *t);

/* A display-safe, shortened copy of s for a message (valid until the next call). */
const char *filter_show(Ctx *c, const char *s);
/* Fills c->err (column and length from the current term); always returns false. */
bool filter_fail(Ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Resolves one status value. fuzzy (status:) accepts a case-insensitive name, badge or
 * alias, or an unambiguous prefix of one or of a word in it; exact (status=) only the
 * canonical name. *out = ST__COUNT means "an unrecognised status, match its text". False
 * (with c->err) when the value is ambiguous or looks like a misspelt status. */
bool filter_status_resolve(Ctx *c, const char *v, bool fuzzy, Status *out);

/* "+57 300-123" → "+57300123"; "(300) 123" → "300123". NULL unless the text is digits
 * with an optional leading + and the separators space - . ( ). */
const char *filter_phone_needle(Arena *a, const char *s);

bool filter_parse_count(const char *s, int64_t *out); /* 0 … 999999999 */
/* A date or time and the span it denotes, [*a, *b): a whole UTC month, a whole UTC day
 * (a date, today, yesterday), or for a date-time or a time ago (-7d: now − 7 days) the
 * one millisecond it names. */
bool filter_parse_when(const char *s, int64_t now, int64_t *a, int64_t *b);
bool filter_parse_duration(const char *s, int64_t *ms); /* "2d", "1d12h", "90m" */

#define SUMF_ALL                                                                             \
    (SUMF_ID | SUMF_STATUS | SUMF_NAME | SUMF_EMAIL | SUMF_PHONE | SUMF_STEP | SUMF_CREATED |  \
     SUMF_UPDATED | SUMF_REDFLAGS | SUMF_FAILED | SUMF_PROJECT | SUMF_FLOW)
/* "email" → SUMF_EMAIL, "yes" → every bit. */
bool filter_invalid_bits(const char *name, uint32_t *bits);
const char *filter_invalid_names(void);

/* Case-insensitive optimal string alignment distance (a transposition costs 1); large
 * for strings over 31 bytes. */
int filter_edit_distance(const char *a, size_t na, const char *b, size_t nb);

#endif
