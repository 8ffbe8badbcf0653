/* The list pane: column titles, then only the rows on screen, so 100k records cost what
 * 30 do. */
#include <stdio.h>
#include <string.h>

#include "core/glyphs.h"
#include "core/strbuf.h"
#include "ui/draw.h"
#include "ui/panes.h"

static void titles(const Model *m, WINDOW *w, const ColumnLayout *cl, int width)
{
    draw_fill(w, 0, 0, width, SL_COLHEAD);
    int sorted = column_for_sort(m->view.sort.key);
    for (int i = 0; i < cl->n; i++) {
        char t[48];
        const ColumnDef *d = column_def(cl->id[i]);
        if ((int)cl->id[i] == sorted)
            snprintf(t, sizeof t, "%s%s", d->title, glyph(m->view.sort.descending ? GL_DOWN : GL_UP));
        else
            snprintf(t, sizeof t, "%s", d->title);
        draw_cell(w, 0, cl->x[i], cl->w[i], SL_COLHEAD, t, d->right);
    }
}

/* A decision on its way shows in the status cell: "…FAILED". */
static void pending_cell(Status to, Cell *cell)
{
    snprintf(cell->text, sizeof cell->text, "%s%s", glyph(GL_ELLIPSIS), status_badge(to));
    cell->slot = SL_PENDING;
}

static void row(const Model *m, WINDOW *w, const ColumnLayout *cl, int y, long pos, int width, CellOpts co)
{
    long rec = m->view.idx[pos];
    co.mask = model_mask_for(m, rec);
    const Summary *s = m->store.recs[rec];
    bool selected = pos == m->view.sel;
    Slot row_slot = !selected ? SL_NORMAL : m->focus == FOCUS_LIST ? SL_CURSOR : SL_CURSOR_IDLE;
    bool match = model_search_matches(m, rec), marked = model_row_marked(m, rec);
    uint32_t hidden = model_masked_hits(m, rec); /* a match on a value shown masked */
    Status to;
    bool pending = model_row_pending(m, rec, &to);
    draw_fill(w, y, 0, width, row_slot);
    for (int i = 0; i < cl->n; i++) {
        Cell cell;
        column_cell(cl->id[i], s, &co, &cell);
        if (pending && cl->id[i] == COL_STATUS)
            pending_cell(to, &cell);
        Slot slot = selected ? row_slot : cell.slot;
        if (marked && !selected && cl->id[i] != COL_STATUS) /* new or changed since the reviewer saw it */
            slot = SL_CHANGED;
        if (match && !selected && cl->id[i] == COL_NAME)
            slot = SL_MATCH;
        if (!selected && (hidden & column_field_bit(cl->id[i])))
            slot = SL_MATCH;
        draw_cell(w, y, cl->x[i], cl->w[i], slot, cell.text, column_def(cl->id[i])->right);
    }
}

/* A note that may be long (the token's sentence), wrapped at the pane's width. */
static void wrapped_note(WINDOW *w, int y, int width, int rows, Slot slot, const char *text)
{
    DLines dl;
    dl_init(&dl);
    dl_reset(&dl, width, 0);
    dl_wrap(&dl, 0, 2, slot, text);
    StrBuf line = STRBUF_INIT;
    for (size_t i = 0; i < dl.n && y + (int)i < rows; i++) {
        strbuf_reset(&line);
        dl_line_text(&dl, i, &line);
        draw_text(w, y + (int)i, 2, width, slot, strbuf_cstr(&line));
    }
    strbuf_free(&line);
    dl_free(&dl);
}

static void empty_note(const Model *m, WINDOW *w, int width, int rows)
{
    char msg[120];
    if (m->auth_failed && !m->store.n) { /* nothing to show but why: the whole sentence */
        wrapped_note(w, 2, width - 4, rows, SL_BAD, m->auth);
        return;
    }
    if (m->load.active)
        snprintf(msg, sizeof msg, "Loading%s", glyph(GL_ELLIPSIS));
    else
        snprintf(msg, sizeof msg, "%s", m->store.n == 0 ? "No registrations loaded."
                                                         : "No registration matches the filter (/ edits it, 1 shows all).");
    draw_text(w, 2, 2, width - 4, SL_DIM, msg);
}

static void draw(Pane *p, Model *m)
{
    WINDOW *w = p->win;
    int width = p->r.w, rows = p->r.h - 1;
    ColumnLayout cl;
    columns_layout(p->ctx->columns, width, &cl);
    werase(w);
    titles(m, w, &cl, width);
    const CellOpts co = { .medium = CELL_SCREEN, .now_ms = model_now(m), .sla_ms = m->sla_ms }; /* one clock for every age */
    for (int y = 0; y < rows; y++) {
        long pos = m->view.top + y;
        if (pos >= (long)m->view.n)
            break;
        row(m, w, &cl, y + 1, pos, width, co);
    }
    if (m->view.n == 0)
        empty_note(m, w, width, p->r.h);
}

static bool rect(const Layout *lay, Rect *r)
{
    *r = lay->list_r;
    return lay->list;
}

/* The list takes no key of its own: the actions' handlers act on it (commands.c). */
const PaneOps list_pane = { "list", R_LIST, rect, draw, NULL };
