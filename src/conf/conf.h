#ifndef REGDESK_CONF_CONF_H
#define REGDESK_CONF_CONF_H
/* regdesk's configuration language: one syntax for the config file, theme files and key
 * bindings (regdesk-config(5) is the user's description).
 *
 *   set page_size = 50                    a setting (set refresh = 60, set mask = email,phone)
 *   page_size = 50                        the same: the config's original form, still valid
 *   color badge-review 214|yellow default bold    a colour slot: foreground, background,
 *                                         attributes (the consumer reads the words)
 *   bind j down                           a key to an action (several keys per action)
 *   unbind <C-d>
 *   view "Overdue" = status:review age>24h sort:age
 *   include themes/light.theme            another file, in place
 *   # a comment, at the start of a line or after a blank
 *
 * Words are bare (anything up to a blank) or double-quoted, with \" and \\ as the only
 * escapes. A # after a blank starts a comment, except #rrggbb (six hex digits), which is
 * a colour; quote a word that must start with #. The value of set and view is the rest
 * of the line: one quoted string is taken without its quotes, anything else as written
 * (view keeps it as written, for the filter language's own quotes).
 *
 * The parser is pure: it takes text and a file name, never touches a file itself
 * (`include` goes through the caller's callback), and never stops at an error: each one
 * becomes a warning naming file:line:column and what was expected, the line is skipped
 * and the rest applies. What it produces is a list of typed directives with their
 * positions; each consumer (settings, theme, key map, views) interprets its own and adds
 * its own warnings, with the same positions, to the same document. */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/strbuf.h"

enum {
    CONF_LINE_MAX = 4096,    /* bytes; a longer line is skipped with a warning */
    CONF_INCLUDE_DEPTH = 8,  /* files open at once, the top one included */
    CONF_WARNINGS_MAX = 200, /* kept; more are only counted */
};

typedef struct ConfPos {
    const char *file; /* lives as long as the document */
    int line, col;    /* 1-based; col counts characters, a tab is one */
} ConfPos;

typedef enum ConfKind { CONF_SET, CONF_COLOR, CONF_BIND, CONF_UNBIND, CONF_VIEW } ConfKind;

typedef struct ConfWord {
    const char *text; /* quotes removed, escapes applied */
    const char *raw;  /* as written; for a value, the rest of the line without its comment */
    ConfPos pos;      /* the word's first character */
    bool quoted;      /* text came from one quoted string */
} ConfWord;

/* args, by kind:  SET name, value        COLOR slot, foreground, background, attribute…
 *                 BIND key, action       UNBIND key        VIEW name, value */
typedef struct ConfDirective {
    ConfKind kind;
    ConfPos pos;     /* the directive's first character */
    bool short_form; /* `name = value` without `set` */
    size_t nargs;
    const ConfWord *args;
} ConfDirective;

typedef struct ConfWarning {
    ConfPos pos;
    const char *msg; /* one display-safe sentence, without the position */
} ConfWarning;

/* Reads the file an `include` names: *text (malloc'd, len bytes; the parser frees it)
 * and *name, the file's name as positions and cycle detection should use (malloc'd; the
 * parser frees it), e.g. the path resolved against the including file's folder. False,
 * with why filled ("cannot read …: No such file or directory"), when it cannot. */
typedef bool (*ConfIncludeFn)(void *ctx, const char *from, const char *path, char **text, size_t *len,
                              char **name, char *why, size_t n);

/* Everything below is read-only for the caller except through the functions. */
typedef struct ConfDoc {
    ConfDirective *dirs;
    size_t ndirs;
    ConfWarning *warns;
    size_t nwarns, dropped; /* dropped: warnings beyond CONF_WARNINGS_MAX */
    const char **files;     /* every file read, in the order first read */
    size_t nfiles;
    /* private */
    size_t cap_dirs, cap_warns, cap_files;
    const char *stack[CONF_INCLUDE_DEPTH];
    size_t depth;
    ConfIncludeFn include;
    void *include_ctx;
    Arena arena;
} ConfDoc;

ConfDoc *conf_new(ConfIncludeFn include, void *ctx); /* include may be NULL: include is then a warning */
void conf_free(ConfDoc *d);
/* Parses text[0..len) (NULs and any bytes allowed) named `file`, appending its
 * directives and warnings to d. */
void conf_parse(ConfDoc *d, const char *text, size_t len, const char *file);

/* Adds a warning at pos (printf-style; made display-safe). For consumers. */
void conf_warn(ConfDoc *d, ConfPos pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void conf_vwarn(ConfDoc *d, ConfPos pos, const char *fmt, va_list ap) __attribute__((format(printf, 3, 0)));
/* "file:line:col: message". */
void conf_warning_format(const ConfWarning *w, char *buf, size_t n);
/* Orders the warnings by file (in the order the files were read), line and column. */
void conf_sort_warnings(ConfDoc *d);
/* A copy in the document's arena (consumers keep strings as long as the document). */
const char *conf_strdup(ConfDoc *d, const char *s);

/* A comma-separated list value (set mask = email, phone; set reason_labels = "a, b", c):
 * the items of v->raw, each trimmed, unquoted, with its position. Empty items are
 * warnings. Returns the number of items; *items lives in d's arena. */
size_t conf_split_list(ConfDoc *d, const ConfWord *v, ConfWord **items);

/* The name among names[0..n) within a typo or two of word (case, - and _ ignored), or
 * NULL. */
const char *conf_suggest(const char *word, const char *const *names, size_t n);
/* Setting, slot and directive names compare this way: case-insensitive, - equals _. */
bool conf_name_eq(const char *a, const char *b);

/* Where a quoted text goes: the value of set (blanks inside are fine), an item of a
 * list (a comma must be quoted too), or a word (a blank or = must be). */
typedef enum ConfQuote { QUOTE_VALUE, QUOTE_ITEM, QUOTE_WORD } ConfQuote;
/* Appends s so that the parser reads it back as s there: bare when it can be, quoted
 * with escapes otherwise. */
void conf_quote(StrBuf *out, const char *s, ConfQuote where);

#endif
