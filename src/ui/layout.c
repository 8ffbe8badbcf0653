/* Screen layout for a terminal size. */
#include "ui/layout.h"

#include <string.h>

static int detail_width(int cols)
{
    int w = cols * 2 / 5;
    if (w < 64)
        w = 64;
    if (w > 110)
        w = 110;
    return w;
}

void layout_compute(Layout *l, int cols, int rows, bool detail_open, bool zoom, bool prompt)
{
    memset(l, 0, sizeof *l);
    l->cols = cols;
    l->rows = rows;
    l->sep_x = -1;
    if (cols < LAYOUT_MIN_COLS || rows < LAYOUT_MIN_ROWS) {
        l->too_small = true;
        return;
    }
    int status_h = prompt ? 2 : 1;
    /* The counts wrap rather than being cut; the height comes from the width alone, so
     * the list never moves when a status appears in the middle of a load. */
    int header_h = LAYOUT_HEADER_ROWS + (cols < LAYOUT_COUNTS_ONE_ROW);
    l->header = (Rect){ 0, 0, header_h, cols };
    l->status = (Rect){ rows - status_h, 0, status_h, cols };
    int body_y = header_h, body_h = rows - header_h - status_h;
    l->wide = cols >= LAYOUT_WIDE_COLS;
    l->detail = detail_open || l->wide || zoom;
    l->list = !zoom || !l->detail;
    if (!l->detail) {
        l->list_r = (Rect){ body_y, 0, body_h, cols };
    } else if (!l->list) {
        l->detail_r = (Rect){ body_y, 0, body_h, cols };
    } else if (l->wide) {
        int dw = detail_width(cols);
        l->list_r = (Rect){ body_y, 0, body_h, cols - dw - 1 };
        l->sep_x = cols - dw - 1;
        l->detail_r = (Rect){ body_y, cols - dw, body_h, dw };
    } else {
        /* Below: the list keeps about two fifths (at least 5 rows), the detail the rest. */
        int lh = body_h * 2 / 5;
        if (lh < 5)
            lh = 5;
        l->list_r = (Rect){ body_y, 0, lh, cols };
        l->detail_r = (Rect){ body_y + lh, 0, body_h - lh, cols };
    }
}
