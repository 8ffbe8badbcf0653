#ifndef REGDESK_CORE_FILTER_INTERNAL_H
#define REGDESK_CORE_FILTER_INTERNAL_H
/* The compiled form of a filter: filter_expr.c builds the tree (filter_parse.c each
 * term), filter_match.c runs it and filter_server.c decides what the server may do. */
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
    SUBJ_REVIEW, /* when it entered review (core/sla); none outside review */
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

/* The expression tree. Leaves are terms; AND and OR hold their children (node indexes)
 * contiguously in Filter.kids, cheapest first (neither cares about order). */
typedef enum NodeKind { NK_TERM, NK_AND, NK_OR, NK_NOT } NodeKind;
typedef struct Node {
    NodeKind kind;
    uint32_t a; /* NK_TERM: index in terms; NK_NOT: its node; NK_AND, NK_OR: first in kids */
    uint32_t n; /* NK_AND, NK_OR: how many children */
} Node;

enum { FILTER_DEPTH_MAX = 32 }; /* nested groups and negations */

struct Filter {
    Arena arena; /* every string and value list of the terms */
    Term *terms;
    size_t n;    /* terms */
    Node *nodes;
    size_t n_nodes;
    uint32_t *kids;
    size_t n_kids;
    long root;   /* a node, or -1: the empty filter, which matches everything */
};

/* Phone matching, shared with the bare word. */
bool filter_phone_match(const Summary *s, const char *needle, bool exact);

#endif
