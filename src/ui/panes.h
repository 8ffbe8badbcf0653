#ifndef REGDESK_UI_PANES_H
#define REGDESK_UI_PANES_H
/* The panes' ops, one per file: header.c, list.c, detail_pane.c, status.c; the
 * separator is in render.c with the table that puts them in order. */
#include "ui/pane.h"

extern const PaneOps header_pane, list_pane, detail_pane, status_pane;

#endif
