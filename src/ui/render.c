/* The screen: the panes' table in drawing order, their windows for a layout, and one
 * loop that redraws what the reactions marked, then the layers on top, with one
 * doupdate. */
#include "ui/render.h"

#include <stdio.h>

#include "core/glyphs.h"
#include "ui/draw.h"
#include "ui/panes.h"

/* ---- the separator between a wide list and the detail ------------------------------------- */

static void sep_draw(Pane *p, Model *m)
{
    (void)m;
    for (int y = 0; y < p->r.h; y++)
        draw_text(p->win, y, 0, 1, SL_BORDER, glyph(GL_VBAR));
}

static bool sep_rect(const Layout *lay, Rect *r)
{
    *r = (Rect){ lay->list_r.y, lay->sep_x, lay->list_r.h, 1 };
    return lay->sep_x >= 0;
}

static const PaneOps sep_pane = { "separator", R_LIST, sep_rect, sep_draw, NULL };

/* In drawing order: the status last, so the cursor ends in an open prompt. */
static const PaneOps *const pane_ops[PANE__COUNT] = {
    [PANE_HEADER] = &header_pane, [PANE_LIST] = &list_pane,     [PANE_SEP] = &sep_pane,
    [PANE_DETAIL] = &detail_pane, [PANE_STATUS] = &status_pane,
};

void render_init(Ui *ui)
{
    ui->pctx = (PaneCtx){ .columns = &ui->columns, .host = ui->cfg->worker.base.host };
    for (int i = 0; i < PANE__COUNT; i++)
        ui->panes[i] = (Pane){ .ops = pane_ops[i], .ctx = &ui->pctx };
}

/* ---- windows -------------------------------------------------------------------------------- */

static void del(WINDOW **w)
{
    if (*w)
        delwin(*w);
    *w = NULL;
}

static WINDOW *make(Rect r)
{
    if (r.h <= 0 || r.w <= 0)
        return NULL;
    WINDOW *w = newwin(r.h, r.w, r.y, r.x);
    if (w) {
        leaveok(w, TRUE);
        wbkgdset(w, theme_attr(SL_NORMAL)); /* a theme's own background, when it has one */
    }
    return w;
}

void render_free(Ui *ui)
{
    for (int i = 0; i < PANE__COUNT; i++)
        del(&ui->panes[i].win);
    for (int i = 0; i < ui->layers.n; i++)
        del(&ui->layers.items[i]->win);
}

static Geometry geometry(const Layout *l)
{
    if (l->too_small)
        return (Geometry){ 0 };
    int dr = l->detail_r.h - 1, lr = l->list_r.h - 1;
    return (Geometry){ .wide = l->wide, .detail_shown = l->detail, .list_rows = lr < 1 ? 1 : lr,
                       .detail_rows = dr < 1 ? 1 : dr, .detail_width = l->detail_r.w - 1 };
}

/* New windows for the current terminal size, panes and layers. They tile the whole
 * screen and are all redrawn, so stdscr is not erased: curses then sends only what
 * really changed (a prompt opening costs a line, not a screen). */
static void rebuild(Ui *ui)
{
    render_free(ui);
    bool typing = layers_use_status(&ui->layers);
    layout_compute(&ui->lay, COLS, LINES, ui->m.detail_open, ui->m.zoom, typing);
    ui->dirty = R_PANES;
    ui->w_input = stdscr;
    if (!ui->lay.too_small) {
        for (int i = 0; i < PANE__COUNT; i++) {
            Pane *p = &ui->panes[i];
            if (p->ops->rect(&ui->lay, &p->r))
                p->win = make(p->r);
        }
        for (int i = 0; i < ui->layers.n; i++) {
            Layer *l = ui->layers.items[i];
            Rect r;
            if (l->ops->place == LAYER_BOX)
                l->ops->rect(l, &ui->lay, &r);
            else if (l->ops->place == LAYER_SCREEN)
                r = (Rect){ 0, 0, LINES, COLS };
            if (l->ops->place != LAYER_STATUS)
                l->win = make(r);
        }
        WINDOW *status = ui->panes[PANE_STATUS].win;
        if (status) {
            ui->w_input = status;
            leaveok(status, !typing);
        }
    }
    keypad(ui->w_input, TRUE);
    nodelay(ui->w_input, TRUE);
    Geometry g = geometry(&ui->lay);
    ui->dirty |= model_set_geometry(&ui->m, &g) & ~R_LAYOUT;
}

/* ---- drawing ------------------------------------------------------------------------------------ */

static void too_small(void)
{
    werase(stdscr);
    char size[64], need[64];
    snprintf(size, sizeof size, "Terminal too small (%dx%d).", COLS, LINES);
    snprintf(need, sizeof need, "regdesk needs %dx%d.", LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS);
    const char *lines[] = { size, need, "Enlarge it, or q to quit." };
    int y = LINES / 2 - 1;
    for (int i = 0; i < 3; i++)
        if (y + i >= 0 && y + i < LINES)
            draw_text(stdscr, y + i, 1, COLS - 2, i ? SL_DIM : SL_BAD, lines[i]);
    wnoutrefresh(stdscr);
}

/* The layer that draws in the status area instead of the status pane, if one is open. */
static Layer *status_layer(const Ui *ui)
{
    for (int i = ui->layers.n - 1; i >= 0; i--)
        if (ui->layers.items[i]->ops->place == LAYER_STATUS)
            return ui->layers.items[i];
    return NULL;
}

void render(Ui *ui)
{
    ui->dirty |= layers_sync(&ui->layers, &ui->m); /* a dialog whose action ended goes first */
    if (ui->dirty & R_LAYOUT)
        rebuild(ui);
    if (ui->lay.too_small) {
        too_small();
        doupdate();
        ui->dirty = 0;
        return;
    }
    Layer *typing = status_layer(ui);
    if (typing)
        ui->dirty |= R_STATUS; /* refreshed last, so the cursor lands in the prompt */
    bool drawn = false, covered = layers_cover_screen(&ui->layers);
    for (int i = 0; i < PANE__COUNT && !covered; i++) {
        Pane *p = &ui->panes[i];
        if (!p->win || !(ui->dirty & p->ops->reacts))
            continue;
        if (i == PANE_STATUS && typing)
            typing->ops->draw(typing, p->win, &ui->m);
        else
            p->ops->draw(p, &ui->m);
        wnoutrefresh(p->win);
        drawn = true;
    }
    for (int i = 0; i < ui->layers.n; i++) {
        Layer *l = ui->layers.items[i];
        if (!l->win || !(drawn || covered || (ui->dirty & R_OVERLAY)))
            continue;
        l->ops->draw(l, l->win, &ui->m);
        touchwin(l->win);
        wnoutrefresh(l->win);
    }
    if (typing && ui->panes[PANE_STATUS].win) /* over a box, the cursor still goes to the prompt */
        wnoutrefresh(ui->panes[PANE_STATUS].win);
    doupdate();
    ui->dirty = 0;
}
