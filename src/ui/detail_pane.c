/* The detail pane: a title bar, then the visible part of the model's lines. With the
 * focus it takes the movement keys and Enter (follow a related record, fold). */
#include <stdio.h>
#include <string.h>

#include "core/glyphs.h"
#include "core/safetext.h"
#include "ui/draw.h"
#include "ui/keymap.h"
#include "ui/panes.h"

/* What the title says about personal data: the reveal's countdown (true), or the key
 * that reveals; "" when nothing is masked. */
static bool privacy_note(const Model *m, char *buf, size_t n)
{
    long rec = m->det.rec;
    int left = model_reveal_left(m, rec);
    buf[0] = '\0';
    if (left > 0) {
        /* Minutes while more than two are left: the title stays still. */
        if (left > 120)
            snprintf(buf, n, " revealed %d min ", (left + 59) / 60);
        else
            snprintf(buf, n, " revealed %d s ", left);
        return true;
    }
    if (rec >= 0 && m->privacy.mask) {
        char keys[32];
        action_keys_label(ACT_REVEAL, keys, sizeof keys);
        snprintf(buf, n, " masked %s %s reveals %s", glyph(GL_DOT), keys, glyph(GL_DOT));
    }
    return false;
}

static void title_bar(const Model *m, WINDOW *w, int width)
{
    const DetailModel *d = &m->det;
    bool focus = m->focus == FOCUS_DETAIL;
    Slot sl = focus ? SL_PANE_FOCUS : SL_PANE_TITLE;
    draw_fill(w, 0, 0, width, sl);
    char left[160], right[96];
    if (d->rec >= 0)
        fmt_bounded(left, sizeof left, " %s %s ", d->raw_json ? "JSON of" : "Registration",
                    summary_str(m->store.recs[d->rec], SS_ID));
    else
        snprintf(left, sizeof left, " Registration ");
    long rows = m->geo.detail_rows, n = (long)d->lines.n;
    if (n > rows)
        snprintf(right, sizeof right, " %ld%% %s %s ", d->top + rows >= n ? 100 : (d->top + rows) * 100 / n,
                 glyph(GL_DOT), focus ? "Tab list" : "Tab focus");
    else
        snprintf(right, sizeof right, " %s ", focus ? "Tab list" : "Tab focus");
    char shown[64];
    Slot ss = privacy_note(m, shown, sizeof shown) ? SL_REVEAL : sl;
    int rw = safetext_width(right), sw = safetext_width(shown);
    int lx = draw_text(w, 0, 0, width - rw - sw, sl, left);
    if (sw && lx + sw + rw <= width)
        draw_text(w, 0, width - rw - sw, sw, ss, shown);
    if (rw < width)
        draw_text(w, 0, width - rw, rw, sl, right);
}

static void body_line(const Model *m, const DLines *dl, WINDOW *w, int y, long i, int width)
{
    const DLine *l = &dl->lines[i];
    bool cursor = m->focus == FOCUS_DETAIL && i == m->det.cursor;
    draw_fill(w, y, 0, width, cursor ? SL_CURSOR : SL_NORMAL);
    int x = 1;
    for (uint16_t k = 0; k < l->nspans && x < width; k++) {
        const DSpan *sp = &dl->spans[l->span0 + k];
        x += draw_found(w, y, x, width - x, cursor ? SL_CURSOR : (Slot)sp->slot, dl->text.s + sp->off, &m->det.find);
    }
}

static void draw(Pane *p, Model *m)
{
    WINDOW *w = p->win;
    int width = p->r.w;
    werase(w);
    const DLines *dl = model_detail_lines(m);
    title_bar(m, w, width);
    if (m->det.rec < 0) {
        draw_text(w, 2, 2, width - 4, SL_DIM, "No registration selected.");
        return;
    }
    for (int y = 0; y < m->geo.detail_rows; y++) {
        long i = m->det.top + y;
        if (i >= (long)dl->n)
            break;
        body_line(m, dl, w, y + 1, i, width);
    }
}

static bool key(Pane *p, Model *m, ActionId act, unsigned *react)
{
    (void)p;
    Nav nav;
    if (action_nav(act, &nav)) {
        *react = model_detail_nav(m, nav);
        return true;
    }
    if (act != ACT_OPEN)
        return false;
    /* A key aimed at the pane means the selected record. */
    *react = model_detail_show_selected(m) | model_detail_enter(m) | R_DETAIL;
    return true;
}

static bool rect(const Layout *lay, Rect *r)
{
    *r = lay->detail_r;
    return lay->detail;
}

const PaneOps detail_pane = { "detail", R_DETAIL, rect, draw, key };
