/* The create form (create_box.h). */
#include "ui/create_box.h"

#include <stdio.h>
#include <string.h>

#include "core/glyphs.h"
#include "ui/box.h"
#include "ui/draw.h"
#include "ui/keymap.h"
#include "ui/prompt.h"

enum { LABEL_W = 14 };

static CreateBox *of(Layer *l)
{
    return (CreateBox *)l;
}

static void rect(const Layer *l, const Layout *lay, Rect *r)
{
    (void)l;
    box_center(lay, CF__COUNT + 9, 84, r); /* room for a few sentences next to their fields */
}

/* Everything the editors hold goes to the model, and back once it normalised it. */
static void load(CreateBox *b, const Model *m)
{
    for (int f = 0; f < CF__COUNT; f++)
        le_set(&b->ed[f], m->cr.form.value[f]);
}

static const char *hint_of(const Model *m, CreateField f)
{
    static char buf[120];
    size_t n = f == CF_PROJECT ? m->cr.n_projects : f == CF_FLOW ? m->cr.n_flows : 0;
    if (f == CF_LANGUAGE)
        return "Ctrl-O: en, es, fr, br, ja";
    if (f == CF_COUNTRY)
        return "+57, +1, +52…";
    if (!n)
        return f == CF_EMAIL ? "or a phone with its country code" : "";
    snprintf(buf, sizeof buf, "Ctrl-O: the %zu seen in the data", n);
    return buf;
}

static void draw(Layer *l, WINDOW *w, Model *m)
{
    CreateBox *b = of(l);
    const Create *c = &m->cr;
    int h = getmaxy(w), width = getmaxx(w);
    werase(w);
    if (c->state == CS_NONE)
        return;
    box_frame(w, " Create a registration ");
    int y = 1, cy = 1, cx = 2;
    for (int f = 0; f < CF__COUNT && y < h - 3; f++) {
        char label[40];
        snprintf(label, sizeof label, "%s", create_field_label((CreateField)f));
        label[0] = (char)(label[0] >= 'a' && label[0] <= 'z' ? label[0] - 32 : label[0]);
        draw_text(w, y, 2, LABEL_W, f == b->field ? SL_SECTION : SL_LABEL, label);
        int vx = 2 + LABEL_W, vw = width - vx - 2;
        int used = draw_text(w, y, vx, vw, SL_PROMPT, b->ed[f].buf);
        if (f == b->field) {
            char before[LINEEDIT_MAX + 1];
            memcpy(before, b->ed[f].buf, b->ed[f].cur);
            before[b->ed[f].cur] = '\0';
            cy = y, cx = vx + draw_text(w, y, vx, vw, SL_PROMPT, before);
            if (vx + used + 3 < width - 2)
                draw_text(w, y, vx + used + 3, width - vx - used - 5, SL_DIM, hint_of(m, (CreateField)f));
        }
        y++;
        if (c->form.err[f][0]) { /* the API's sentences can be long: two rows */
            char err[CREATE_ERR_MAX + 8];
            snprintf(err, sizeof err, "%s %s", glyph(GL_BAD), c->form.err[f]);
            y += box_wrap(w, y, vx, vw, 2, SL_BAD, err, -1, NULL, NULL);
        }
    }
    if (*c->general)
        draw_text(w, h - 3, 2, width - 4, SL_BAD, c->general);
    char hint[160];
    if (c->state == CS_SENDING)
        snprintf(hint, sizeof hint, "Creating it%s", glyph(GL_ELLIPSIS));
    else
        snprintf(hint, sizeof hint, "Tab, Up, Down move %s Ctrl-O: seen values %s Enter creates %s Esc cancels",
                 glyph(GL_DOT), glyph(GL_DOT), glyph(GL_DOT));
    draw_text(w, h - 2, 2, width - 4, c->state == CS_SENDING ? SL_WARN : SL_DIM, hint);
    leaveok(w, c->state != CS_EDIT);
    if (c->state == CS_EDIT)
        wmove(w, cy, cx);
}

static unsigned step_field(CreateBox *b, int dir)
{
    b->field = (b->field + dir + CF__COUNT) % CF__COUNT;
    return R_OVERLAY;
}

static unsigned key(Layer *l, Model *m, const Layout *lay, Key k)
{
    (void)lay;
    CreateBox *b = of(l);
    ActionId act = keymap_lookup(k, true);
    if (act == ACT_P_CANCEL)
        return model_create_close(m);
    if (m->cr.state != CS_EDIT)
        return 0;
    LineEdit *e = &b->ed[b->field];
    switch (act) {
    case ACT_P_ACCEPT: {
        unsigned r = model_create_submit(m);
        load(b, m); /* as the check normalised them */
        return r;
    }
    case ACT_P_NEXT_FIELD: case ACT_P_HIST_NEXT: return step_field(b, 1);
    case ACT_P_PREV_FIELD: case ACT_P_HIST_PREV: return step_field(b, -1);
    case ACT_P_CHOICE:
        if (!model_create_cycle(m, (CreateField)b->field, 1))
            return 0;
        load(b, m); /* a project brings its flow along */
        return R_OVERLAY;
    default: break;
    }
    bool changed = line_edit_input(e, act, k);
    return changed ? model_create_set(m, (CreateField)b->field, e->buf) : R_OVERLAY;
}

static bool alive(const Layer *l, const Model *m)
{
    (void)l;
    return m->cr.state != CS_NONE;
}

static const LayerOps ops = { "create", LAYER_BOX, rect, draw, key, layer_cursor_off, alive };

void create_box_init(CreateBox *b)
{
    memset(b, 0, sizeof *b);
    b->layer.ops = &ops;
}

unsigned create_box_open(CreateBox *b, LayerStack *layers, Model *m)
{
    unsigned r = model_create_open(m);
    if (m->cr.state != CS_EDIT)
        return r;
    load(b, m);
    b->field = m->cr.form.value[CF_PROJECT][0] ? CF_EMAIL : CF_PROJECT; /* the usual start is the contact */
    curs_set(1);
    return r | layer_push(layers, &b->layer);
}
