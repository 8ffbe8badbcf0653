/* The resend-link dialog (resend_box.h). */
#include "ui/resend_box.h"

#include <stdio.h>
#include <string.h>

#include "core/glyphs.h"
#include "core/mask.h"
#include "core/timeutil.h"
#include "ui/box.h"
#include "ui/draw.h"
#include "ui/keymap.h"

static void rect(const Layer *l, const Layout *lay, Rect *r)
{
    (void)l;
    box_center(lay, 10, 78, r);
}

/* The registration the dialog is about: its id first, then name and e-mail masked as
 * the list shows them. */
static void who(WINDOW *w, const Model *m, int width)
{
    char line[900];
    box_who(m, store_find(&m->store, m->rs.id), m->rs.id, line, sizeof line);
    draw_text(w, 1, 2, width - 4, SL_NORMAL, line);
}

static void shown(WINDOW *w, const Model *m, int width, int h)
{
    const Resend *rs = &m->rs;
    box_wrap(w, 3, 2, width - 4, 2, SL_NORMAL, rs->masked, -1, NULL, NULL);
    char when[32] = "", to[300] = "", line[600];
    if (rs->expires_ms != TIME_NONE)
        time_format_short(rs->expires_ms, when, sizeof when);
    if (rs->emailed)
        mask_email(rs->emailed_to, to, sizeof to);
    snprintf(line, sizeof line, "valid until %s%s%s%s%s", *when ? when : "(the API did not say)", *when ? " UTC" : "",
             rs->emailed ? "; e-mailed to " : "", rs->emailed ? (*to ? to : "the applicant") : "",
             rs->emailed ? "" : "; the token is masked");
    draw_text(w, 5, 2, width - 4, SL_DIM, line);
    if (rs->state == RS_COPY_CONFIRM) {
        draw_text(w, h - 3, 2, width - 4, SL_WARN, "Copy the whole link? Anyone who has it can go on with it.");
        draw_text(w, h - 2, 2, width - 4, SL_DIM, "y copies it to the clipboard; n or Esc does not");
    } else {
        char hint[120];
        snprintf(hint, sizeof hint, "y copies the whole link (after a question) %s Esc closes", glyph(GL_DOT));
        draw_text(w, h - 2, 2, width - 4, SL_DIM, hint);
    }
}

static void draw(Layer *l, WINDOW *w, Model *m)
{
    (void)l;
    const Resend *rs = &m->rs;
    int h = getmaxy(w), width = getmaxx(w);
    werase(w);
    if (rs->state == RS_NONE)
        return;
    box_frame(w, " Resend the registration link ");
    who(w, m, width);
    if (rs->state == RS_SHOWN || rs->state == RS_COPY_CONFIRM) {
        shown(w, m, width, h);
        return;
    }
    if (rs->state == RS_SENDING) {
        char line[64];
        snprintf(line, sizeof line, "Asking the API for a new link%s", glyph(GL_ELLIPSIS));
        draw_text(w, 3, 2, width - 4, SL_WARN, line);
        return;
    }
    draw_text(w, 3, 2, width - 4, SL_NORMAL, "A new link lets the applicant go on with the registration for 30 minutes.");
    char mail[120], hint[120];
    snprintf(mail, sizeof mail, "[%s] also e-mail it to the applicant (e)", rs->email ? "x" : " ");
    draw_text(w, 4, 2, width - 4, SL_NORMAL, mail);
    snprintf(hint, sizeof hint, "Enter resends %s Esc cancels, nothing is sent", glyph(GL_DOT));
    draw_text(w, h - 2, 2, width - 4, SL_DIM, hint);
}

static unsigned key(Layer *l, Model *m, const Layout *lay, Key k)
{
    (void)l, (void)lay;
    ActionId act = keymap_lookup(k, true);
    if (act == ACT_P_CANCEL)
        return model_resend_back(m);
    if (act == ACT_P_ACCEPT)
        return model_resend_confirm(m);
    switch (m->rs.state) {
    case RS_CONFIRM: return k == 'e' ? model_resend_toggle_email(m) : 0;
    case RS_SHOWN: return k == 'y' ? model_resend_copy(m) : 0;
    case RS_COPY_CONFIRM: return k == 'y' ? model_resend_copy(m) : k == 'n' ? model_resend_back(m) : 0;
    default: return 0;
    }
}

static bool alive(const Layer *l, const Model *m)
{
    (void)l;
    return m->rs.state != RS_NONE;
}

static const LayerOps ops = { "resend", LAYER_BOX, rect, draw, key, NULL, alive };

void resend_box_init(ResendBox *b)
{
    memset(b, 0, sizeof *b);
    b->layer.ops = &ops;
}

unsigned resend_box_open(ResendBox *b, LayerStack *layers, Model *m)
{
    unsigned r = model_resend_open(m);
    return m->rs.state == RS_CONFIRM ? r | layer_push(layers, &b->layer) : r;
}
