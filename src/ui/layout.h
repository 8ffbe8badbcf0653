#ifndef REGDESK_UI_LAYOUT_H
#define REGDESK_UI_LAYOUT_H
/* Where each part of the screen goes for a terminal size. No curses.
 *
 *   header   2 rows: API host, view, filter, sort / counts by status; 3 below
 *            LAYOUT_COUNTS_ONE_ROW columns, where the counts take two rows
 *   list     column titles + rows
 *   detail   right of the list when the terminal is wide (>= LAYOUT_WIDE_COLS), below it
 *            otherwise; the whole body when zoomed
 *   status   1 row (2 while a prompt is open: hint or error, then the input line) */
#include <stdbool.h>

enum {
    LAYOUT_MIN_COLS = 50,
    LAYOUT_MIN_ROWS = 12,
    LAYOUT_WIDE_COLS = 150, /* from here the detail sits beside the list */
    LAYOUT_HEADER_ROWS = 2,
    LAYOUT_COUNTS_ONE_ROW = 120, /* from here the counts fit on one row (abbreviated if need be) */
};

typedef struct Rect {
    int y, x, h, w;
} Rect;

typedef struct Layout {
    int cols, rows;
    bool too_small;
    bool wide;        /* detail beside the list */
    bool detail;      /* the detail pane is on screen */
    bool list;        /* the list is on screen (not when zoomed) */
    Rect header, list_r, detail_r, status;
    int sep_x;        /* column of the vertical separator when wide, else -1 */
} Layout;

/* detail_open: the detail is wanted (always on wide terminals, after Enter on narrow
 * ones); zoom: the detail takes the whole body; prompt: the status area needs 2 rows. */
void layout_compute(Layout *l, int cols, int rows, bool detail_open, bool zoom, bool prompt);

#endif
