/* The list pane: column titles, then only the rows on screen, so 100k records cost what
 * 30 do. */
#include <stdio.h>
#include <string.h>

#include "ui/app.h"
#include "ui/draw.h"
#include "core/glyphs.h"

static void titles(App *a, WINDOW *w, const ColumnLayout *cl, int width)
{
    draw_fill(w, 0, 0, width, SL_COLHEAD);
    int sorted = column_for_sort(a->view.sort.key);
    for (int i = 0; i < cl->n; i++) {
        char t[48];
        ColId c = cl->id[i];
        if ((int)c == sorted)
            snprintf(t, sizeof t, "%s%s", column_def(c)->title, glyph(a->view.sort.descending ? GL_DOWN : GL_UP));
        else
            snprintf(t, sizeof t, "%s", column_def(c)->title);
        draw_cell(w, 0, cl->x[i], cl->w[i], SL_COLHEAD, t, column_def(c)->right);
    }
}

static void row(App *a, WINDOW *w, const ColumnLayout *cl, int y, long pos, int width, const CellOpts *co)
{
    long rec = a->view.idx[pos];
    const Summary *s = a->store.recs[rec];
    bool selected = pos == a->view.sel;
    Slot row_slot = !selected ? SL_NORMAL : a->focus == FOCUS_LIST ? SL_CURSOR : SL_CURSOR_IDLE;
    bool match = a->search && search_matches(a, rec);
    draw_fill(w, y, 0, width, row_slot);
    for (int i = 0; i < cl->n; i++) {
        Cell cell;
        column_cell(cl->id[i], s, co, &cell);
        Slot slot = selected ? row_slot : cell.slot;
        if (match && !selected && cl->id[i] == COL_NAME)
            slot = SL_MATCH;
        draw_cell(w, y, cl->x[i], cl->w[i], slot, cell.text, column_def(cl->id[i])->right);
    }
}

static void empty_note(App *a, WINDOW *w, int width)
{
    char msg[120];
    if (a->load.active)
        snprintf(msg, sizeof msg, "Loading%s", glyph(GL_ELLIPSIS));
    else
        snprintf(msg, sizeof msg, "%s", a->store.n == 0 ? "No registrations loaded."
                                                         : "No registration matches the filter (/ edits it, 1 shows all).");
    draw_text(w, 2, 2, width - 4, SL_DIM, msg);
}

void list_draw(App *a)
{
    WINDOW *w = a->w_list;
    int width = a->lay.list_r.w, height = a->lay.list_r.h;
    ColumnLayout cl;
    columns_layout(&a->columns, width, &cl);
    werase(w);
    titles(a, w, &cl, width);
    int rows = height - 1;
    const CellOpts co = { .medium = CELL_SCREEN, .now_ms = app_now(a) }; /* one clock for every age */
    for (int y = 0; y < rows; y++) {
        long pos = a->view.top + y;
        if (pos >= (long)a->view.n)
            break;
        row(a, w, &cl, y + 1, pos, width, &co);
    }
    if (a->view.n == 0)
        empty_note(a, w, width);
}
