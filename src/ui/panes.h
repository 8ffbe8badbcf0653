#ifndef REGDESK_UI_PANES_H
#define REGDESK_UI_PANES_H
/* The panes' ops, one per file: header.c, list.c, detail_pane.c, status.c; the
 * separator is in render.c with the table that puts them in order. */
#include "ui/pane.h"

extern const PaneOps header_pane, list_pane, detail_pane, status_pane;

/* The header's counts by status as `rows` lines of at most `width` columns (header.c):
 * wrapped onto the next row rather than cut, and abbreviated when even that does not
 * fit; an ellipsis only on a screen too narrow for the short form. */
void header_counts(const Model *m, int width, int rows, DLines *out);

#endif
