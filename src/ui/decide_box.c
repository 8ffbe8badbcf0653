/* The decision dialog: the registration, the change in the status colours, who closed it
 * already (for a final status), the reason labels, the note (required, wrapped over a few
 * rows, edited with the prompt's line editor), and then what the model is doing: checking
 * that nobody decided it meanwhile, sending, reading it back — or who decided first. The
 * state machine is the model's (model/decide.c); this draws it and passes keys on. */
#include "ui/decide_box.h"

#include <stdio.h>
#include <string.h>

#include "core/columns.h"
#include "core/glyphs.h"
#include "core/pii.h"
#include "ui/box.h"
#include "ui/draw.h"
#include "ui/keymap.h"

enum { NOTE_ROWS = 3, BOX_W = 78 };

static DecideBox *of(Layer *l)
{
    return (DecideBox *)l; /* the layer is the box's first member */
}

static int label_rows(const Model *m);

static const char *title_of(Status to)
{
    return to == ST_FAILED ? " Decline " : to == ST_COMPLETED_WITHOUT_KYC ? " Approve without KYC " : " Approve ";
}

static int label_rows(const Model *m)
{
    size_t n;
    model_labels(m, &n);
    return (int)n;
}

static void rect(const Layer *l, const Layout *lay, Rect *r)
{
    const DecideBox *b = (const DecideBox *)l;
    box_center(lay, b->labels + NOTE_ROWS + 9 + b->final, BOX_W, r);
}

/* ---- drawing ---------------------------------------------------------------------------- */

/* The registration: id (first: it is never cut), name and e-mail masked as the list
 * shows them; then FROM → TO in the status colours. */
static int who_rows(WINDOW *w, const Model *m, int width)
{
    const Decision *d = &m->dec;
    char line[900];
    box_who(m, d->rec, d->id, line, sizeof line);
    draw_text(w, 1, 2, width - 4, SL_NORMAL, line);
    int x = 2;
    x += draw_text(w, 2, x, width - 4, status_slot(d->from), status_name(d->from));
    char arrow[16];
    snprintf(arrow, sizeof arrow, " %s ", glyph(GL_ARROW));
    x += draw_text(w, 2, x, width - 2 - x, SL_NORMAL, arrow);
    draw_text(w, 2, x, width - 2 - x, status_slot(d->to), status_name(d->to));
    if (!status_is_final(d->from))
        return 3;
    StrBuf closed = STRBUF_INIT; /* "by ana@example.org": a reviewer's e-mail is masked as notes are */
    strbuf_printf(&closed, "Already closed%s", *d->closed_by ? ": " : "");
    mask_free_text(model_mask_for(m, d->rec), d->closed_by, &closed);
    strbuf_puts(&closed, ": a decision now reopens it");
    draw_text(w, 3, 2, width - 4, SL_WARN, strbuf_cstr(&closed));
    strbuf_free(&closed);
    return 4;
}

static void labels(WINDOW *w, const Model *m, int y, int rows, int width)
{
    size_t n;
    const char *const *l = model_labels(m, &n);
    int cur = m->dec.label;
    long first = cur >= rows ? cur - rows + 1 : 0; /* the picked one stays in sight */
    for (int i = 0; i < rows && first + i < (long)n; i++) {
        long k = first + i;
        char line[200];
        snprintf(line, sizeof line, "%s %s", k == cur ? glyph(GL_CLOSED) : " ", l[k]);
        draw_cell(w, y + i, 2, width - 4, k == cur ? SL_CURSOR : SL_NORMAL, line, false);
    }
}

/* The last row: what Enter and Esc do now, or what is going on. */
static void footer(WINDOW *w, const Model *m, int y, int width)
{
    const Decision *d = &m->dec;
    char line[ACT_WHY_MAX * 3];
    Slot slot = SL_DIM;
    switch (d->state) {
    case DD_CHECK:
        snprintf(line, sizeof line, "Reading it again: has anybody decided it meanwhile? %s", d->progress);
        slot = SL_WARN;
        break;
    case DD_SEND:
        snprintf(line, sizeof line, "Sending the decision%s %s", glyph(GL_ELLIPSIS), d->progress);
        slot = SL_WARN;
        break;
    case DD_VERIFY:
        snprintf(line, sizeof line, "Its answer was lost (%s); reading the record back to tell. %s", d->lost,
                 d->progress);
        slot = SL_WARN;
        break;
    case DD_CONFLICT: snprintf(line, sizeof line, "Enter or Esc closes; nothing was sent"); break;
    default: snprintf(line, sizeof line, "Enter decides %s Esc cancels, nothing is sent", glyph(GL_DOT)); break;
    }
    draw_text(w, y, 2, width - 4, slot, line);
}

static void draw_conflict(WINDOW *w, const Model *m, int y, int width)
{
    const Decision *d = &m->dec;
    draw_text(w, y, 2, width - 4, SL_BAD, "Not sent: the registration changed after you opened it");
    draw_text(w, y + 1, 2, width - 4, SL_NORMAL, d->why);
    const Summary *s = m->store.recs[d->rec];
    char now[200];
    snprintf(now, sizeof now, "It is now %s; the list and the detail show it as it is.", status_display(s, false));
    draw_text(w, y + 2, 2, width - 4, status_slot(summary_status(s)), now);
}

static void draw(Layer *l, WINDOW *w, Model *m)
{
    DecideBox *b = of(l);
    const Decision *d = &m->dec;
    int h = getmaxy(w), width = getmaxx(w);
    werase(w);
    if (d->state == DD_NONE)
        return;
    box_frame(w, title_of(d->to));
    int y = who_rows(w, m, width) + 1;
    if (d->state == DD_CONFLICT) {
        draw_conflict(w, m, y, width);
        footer(w, m, h - 2, width);
        return;
    }
    int rows = h - y - NOTE_ROWS - 5; /* labels get what the note, its title and the footer leave */
    if (rows > label_rows(m))
        rows = label_rows(m);
    if (rows > 0) {
        draw_text(w, y++, 2, width - 4, SL_LABEL, "Reason (Up/Down picks one; it begins the note)");
        labels(w, m, y, rows, width);
        y += rows;
    }
    draw_text(w, y++, 2, width - 4, SL_LABEL, "Note (required: it goes into the registration's review log)");
    int cy = y, cx = 2;
    box_wrap(w, y, 2, width - 4, NOTE_ROWS, SL_PROMPT, b->ed.buf, (long)b->ed.cur, &cy, &cx);
    y += NOTE_ROWS;
    if (*d->why)
        draw_text(w, y, 2, width - 4, SL_BAD, d->why);
    footer(w, m, h - 2, width);
    leaveok(w, d->state != DD_EDIT);
    if (d->state == DD_EDIT)
        wmove(w, cy, cx);
}

/* ---- keys ------------------------------------------------------------------------------- */

static unsigned key(Layer *l, Model *m, const Layout *lay, Key k)
{
    (void)lay;
    DecideBox *b = of(l);
    ActionId act = keymap_lookup(k, true);
    if (act == ACT_P_CANCEL)
        return model_decide_cancel(m, b->ed.buf);
    if (act == ACT_P_ACCEPT)
        return model_decide_confirm(m, b->ed.buf);
    if (m->dec.state != DD_EDIT)
        return 0;
    if (act == ACT_P_HIST_PREV || act == ACT_P_HIST_NEXT) {
        char note[LINEEDIT_MAX + 1];
        snprintf(note, sizeof note, "%s", b->ed.buf);
        unsigned r = model_decide_label(m, act == ACT_P_HIST_NEXT ? 1 : -1, note, sizeof note);
        le_set(&b->ed, note);
        return r;
    }
    m->dec.why[0] = '\0';
    line_edit_input(&b->ed, act, k);
    return R_OVERLAY;
}

static bool alive(const Layer *l, const Model *m)
{
    (void)l;
    return m->dec.state != DD_NONE;
}

static const LayerOps ops = { "decision", LAYER_BOX, rect, draw, key, layer_cursor_off, alive };

void decide_box_init(DecideBox *b)
{
    memset(b, 0, sizeof *b);
    b->layer.ops = &ops;
}

unsigned decide_box_open(DecideBox *b, LayerStack *layers, Model *m, Status to)
{
    unsigned r = model_decide_open(m, to);
    if (m->dec.state != DD_EDIT)
        return r;
    le_set(&b->ed, m->dec.note);
    b->labels = label_rows(m);
    b->final = status_is_final(m->dec.from);
    curs_set(1);
    return r | layer_push(layers, &b->layer);
}
