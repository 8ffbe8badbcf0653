/* Key dispatch: the top layer (prompt, overlay, dialog) takes every key; otherwise the
 * key becomes an action (ui/actions.h) that the focused pane may take, and else the
 * action's own handler runs. Clicks go to the pane under them. */
#include "ui/dispatch.h"

#include <stdio.h>

#include "ui/commands.h"
#include "ui/keymap.h"

enum { WHEEL_ROWS = 3 };

static Pane *focused(Ui *ui)
{
    Pane *det = &ui->panes[PANE_DETAIL];
    return ui->m.focus == FOCUS_DETAIL && model_detail_visible(&ui->m) && det->win ? det : &ui->panes[PANE_LIST];
}

unsigned ui_key(Ui *ui, Key k)
{
    Layer *top = layer_top(&ui->layers);
    if (top) {
        unsigned r = top->ops->key(top, &ui->m, &ui->lay, k);
        r |= layer_pop_done(&ui->layers);
        return r | layers_sync(&ui->layers, &ui->m); /* a key that ended a dialog's action closes it now */
    }
    ActionId act = keymap_lookup(k, false);
    if (act == ACT_NONE) {
        char name[16];
        key_to_label(k, name, sizeof name);
        return model_message(&ui->m, SL_STATUSBAR, 2, "%s does nothing here; ? lists the keys", name);
    }
    if ((action_info(act)->flags & AF_RECORD) && model_selected(&ui->m) < 0)
        return model_message(&ui->m, SL_STATUS_WARN, 2, "no registration selected");
    Pane *p = focused(ui);
    unsigned r = 0;
    if (p->ops->key && p->ops->key(p, &ui->m, act, &r))
        return r;
    return command_run(ui, act, k);
}

static bool inside(const Rect *r, int y, int x)
{
    return y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w;
}

unsigned ui_mouse(Ui *ui, int y, int x, int button)
{
    Layer *top = layer_top(&ui->layers);
    if ((top && top->ops->place == LAYER_STATUS) || ui->lay.too_small)
        return 0; /* typing: the mouse has nothing to say */
    if (top) /* a box: the wheel scrolls it, a click closes it */
        return ui_key(ui, button == 4 ? K_UP : button == 5 ? K_DOWN : K_ESC);
    const Layout *l = &ui->lay;
    bool in_list = l->list && inside(&l->list_r, y, x);
    bool in_det = l->detail && inside(&l->detail_r, y, x);
    if (button == 4 || button == 5) {
        long d = button == 4 ? -WHEEL_ROWS : WHEEL_ROWS;
        return in_det ? model_detail_move(&ui->m, d) : in_list ? model_list_scroll(&ui->m, d) : 0;
    }
    if (in_list && y > l->list_r.y)
        return model_list_goto(&ui->m, ui->m.view.top + (y - l->list_r.y - 1));
    if (in_det && y > l->detail_r.y)
        return model_detail_click(&ui->m, y - l->detail_r.y - 1);
    return 0;
}
