#ifndef REGDESK_CONF_CONF_INTERNAL_H
#define REGDESK_CONF_CONF_INTERNAL_H
/* Between the configuration language's documents (conf_doc.c), line reader
 * (conf_lex.c) and directive parser (conf.c). */
#include "conf/conf.h"

/* One line being read: s is NUL-terminated, without its line end. */
typedef struct ConfLine {
    ConfDoc *d;
    const char *file;
    int lineno;
    const char *s;
    size_t len, i; /* i: where reading goes on */
} ConfLine;

/* The document's own copy of a file name (one per file, in the order first read). */
const char *conf_intern_file(ConfDoc *d, const char *name);

ConfPos conf_line_pos(const ConfLine *l, size_t at);
/* Checks the line is UTF-8 text without control characters (a tab is a blank); warns
 * and returns false when it is not. */
bool conf_line_is_text(ConfLine *l);
/* Skips blanks; true when only a comment or nothing is left. */
bool conf_line_done(ConfLine *l);
/* The identifier at i (letters, digits, - _ .), possibly empty; i moves past it. */
size_t conf_line_ident(ConfLine *l);
/* The word at i (call after conf_line_done said false): quoted, or bare up to a blank
 * (or an = when stop_at_eq). False with a warning when it is malformed. */
bool conf_line_word(ConfLine *l, ConfWord *w, bool stop_at_eq);
/* The rest of the line as a value (may be empty). False with a warning when a quote in
 * it is not closed, or its one quoted string holds an unknown escape. */
bool conf_line_value(ConfLine *l, ConfWord *w);
/* Warns when text that reaches the screen holds characters safe text would replace
 * (bidi controls, invisible characters, a lone combining mark). */
bool conf_word_is_safe(ConfLine *l, const ConfWord *w);

#endif
