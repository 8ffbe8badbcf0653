#ifndef REGDESK_MODEL_DLINES_H
#define REGDESK_MODEL_DLINES_H
/* The detail pane as lines: built once from a record for a given width (every line
 * already fits), then drawn and scrolled cheaply. A line is a few coloured spans. Lines
 * belong to sections; a collapsed section keeps only its header line. No curses. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/strbuf.h"
#include "core/slot.h"

typedef enum SectionId {
    SEC_TOP, /* name, status, contact: always shown, no header */
    SEC_STATE, /* loading / not loaded / error notes */
    SEC_REASONS,
    SEC_CHECKS,
    SEC_FLAGS,
    SEC_ATTEMPTS,
    SEC_RELATED,
    SEC_IDENTITY,
    SEC_DOCUMENT,
    SEC_LIVENESS,
    SEC_COMPARE,
    SEC_EMAIL,
    SEC_PHONE,
    SEC_INFO,
    SEC_PERSON,
    SEC_CONSENT,
    SEC_FLOW,
    SEC_REVIEWS,
    SEC_NOTES,
    SEC_REFS,
    SEC_UNKNOWN,
    SEC_RAW,
    SEC__COUNT
} SectionId;

typedef struct DSpan {
    uint32_t off, len; /* in DLines.text, where a NUL follows each span */
    uint8_t slot;
} DSpan;

typedef struct DLine {
    uint32_t span0;
    uint16_t nspans;
    uint8_t section;
    bool header;
    int32_t link; /* a store index this line points at (related records), or -1 */
} DLine;

typedef struct DLines {
    StrBuf text;
    DSpan *spans;
    size_t nspans, capspans;
    DLine *lines;
    size_t n, cap;
    int width;
    uint32_t collapsed; /* bit per SectionId */
    /* building state */
    int section;
    bool skipping; /* inside a collapsed section */
    bool open;     /* a line is being built */
    bool full;     /* the open line reached the width */
    int col;
} DLines;

void dl_init(DLines *d);
void dl_free(DLines *d);
/* Empties the lines for a rebuild at width, with these sections collapsed. */
void dl_reset(DLines *d, int width, uint32_t collapsed);

/* Starts a section with a header line ("▾ Title  note"); returns true when its body
 * should be built (false when it is collapsed: body calls are then ignored anyway). */
bool dl_section(DLines *d, SectionId s, const char *title, const char *note);
/* Body lines of a section without a header (SEC_TOP, SEC_STATE). */
void dl_plain_section(DLines *d, SectionId s);

/* A line built from spans; text must be safe text. Spans past the width are cut with
 * an ellipsis. */
void dl_begin(DLines *d, int indent);
void dl_add(DLines *d, Slot slot, const char *text);
void dl_addf(DLines *d, Slot slot, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void dl_end(DLines *d);
/* Makes the open line point at store record rec (Enter on it selects that record). */
void dl_link(DLines *d, long rec);

/* "  Label        value", the value wrapped under itself when it is long. */
enum { DL_LABEL_W = 15 };
void dl_kv(DLines *d, int indent, const char *label, Slot slot, const char *value);
/* The same with a label column of label_w and the label in label_slot. A label is never
 * cut: a longer one pushes its value to the right, and on a line too narrow for both the
 * value goes under it. */
void dl_kv_as(DLines *d, int indent, int label_w, Slot label_slot, const char *label, Slot slot, const char *value);
/* Whether text would fit whole on the open line. */
bool dl_fits(const DLines *d, const char *text);
/* Adds text to the open line, breaking it at blanks onto lines that start at column hang
 * instead of cutting it. */
void dl_add_wrap(DLines *d, Slot slot, const char *text, int hang);
/* A paragraph (may hold LF) wrapped at the width, continuation lines indented by hang
 * more than the first. */
void dl_wrap(DLines *d, int indent, int hang, Slot slot, const char *text);
void dl_blank(DLines *d);

/* The text of line i without colours (for tests and the screen search). */
void dl_line_text(const DLines *d, size_t i, StrBuf *out);

/* Finding text in lines (the / search of the help and of the raw JSON view): folded like
 * the filter's text matching, case and accents ignored. */
enum { DFIND_MAX = 480 };
typedef struct DFind {
    char text[DFIND_MAX + 1]; /* as typed, "" when no search */
    char *folded;             /* its folded form, NULL when no search */
} DFind;
void dfind_set(DFind *f, const char *text);
void dfind_clear(DFind *f);
bool dfind_active(const DFind *f);
/* The first line from `from` (itself included) going dir (+1 or -1) that holds the text,
 * coming round past the end; -1 when none does. *wrapped: it came round. */
long dfind_line(const DFind *f, const DLines *d, long from, int dir, bool *wrapped);
/* How many lines hold it. */
size_t dfind_count(const DFind *f, const DLines *d);
/* The first match in s at or after byte `at`: its offset (-1 for none) and byte length. */
long dfind_in(const DFind *f, const char *s, size_t at, size_t *len);
/* First line of section s, or -1. */
long dl_section_line(const DLines *d, SectionId s);

#endif
