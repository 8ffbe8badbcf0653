#ifndef REGDESK_CORE_FILTER_INTERNAL_H
#define REGDESK_CORE_FILTER_INTERNAL_H
/* The compiled form of a filter: filter_parse.c builds it, filter_match.c runs it and
 * filter_server.c decides what the server may do with it. */
#include "core/arena.h"
#include "core/filter.h"

typedef enum TermKind {
    TK_STATUS,  /* status in a set, or an unrecognised status by its raw text */
    TK_RANGE,   /* a count or a time inside [lo, hi) */
    TK_TEXT,    /* a text field: folded substring or prefix, or exact bytes */
    TK_PHONE,   /* phone number with or without country code */
    TK_INVALID, /* any of some SUMF_* bits */
    TK_WORD,    /* bare word: name, email, phone, id, document number */
} TermKind;

/* What a TK_RANGE term measures. */
typedef enum Subject {
    SUBJ_FLAGS,
    SUBJ_FAILED, /* all kinds */
    SUBJ_FAILED_KIND, /* + FailKind */
    SUBJ_INVALID = SUBJ_FAILED_KIND + FAIL__COUNT, /* how many fields are invalid */
    SUBJ_CREATED,
    SUBJ_UPDATED,
} Subject;

typedef enum TextMode { TM_SUBSTR, TM_PREFIX, TM_EXACT } TextMode;

typedef struct Term {
    TermKind kind;
    bool negate;    /* leading !, or an != turned into a negated = */
    bool outside;   /* TK_RANGE written with !=: present and outside [lo, hi) */
    uint8_t field;  /* SumStr for TK_TEXT, Subject for TK_RANGE */
    TextMode mode;  /* TK_TEXT, TK_PHONE, TK_STATUS's raw texts: what ':' or '=' means */
    uint32_t mask;  /* TK_STATUS: 1 << Status; TK_INVALID: SUMF_* bits */
    int64_t lo, hi; /* TK_RANGE */
    /* Any-of values. TK_TEXT: folded needles (raw bytes for TM_EXACT); TK_STATUS: folded
     * raw texts of unrecognised statuses; TK_PHONE: "+digits" or "digits"; TK_WORD: one
     * folded word. */
    const char **vals;
    size_t n_vals;
    const char *phone; /* TK_WORD: the word as a phone needle, or NULL */
} Term;

struct Filter {
    Arena arena; /* every string and value list of the terms */
    Term *terms; /* cheapest first: AND does not care about order */
    size_t n;
};

/* Phone matching, shared with the bare word. */
bool filter_phone_match(const Summary *s, const char *needle, bool exact);

#endif
