/* The stack of open layers (prompts, overlays, dialogs). */
#include "ui/pane.h"

unsigned layer_push(LayerStack *s, Layer *l)
{
    for (int i = 0; i < s->n; i++)
        if (s->items[i] == l)
            return 0;
    if (s->n >= LAYERS_MAX)
        return 0;
    l->done = false;
    s->items[s->n++] = l;
    return R_LAYOUT;
}

Layer *layer_top(const LayerStack *s)
{
    return s->n ? s->items[s->n - 1] : NULL;
}

/* Takes layer i off the stack, its window with it (the new layout redraws what it hid). */
static void pop_at(LayerStack *s, int i)
{
    Layer *l = s->items[i];
    for (int k = i; k < s->n - 1; k++)
        s->items[k] = s->items[k + 1];
    s->n--;
    if (l->win)
        delwin(l->win);
    l->win = NULL;
    if (l->ops->closed)
        l->ops->closed(l);
}

unsigned layer_pop_done(LayerStack *s)
{
    Layer *l = layer_top(s);
    if (!l || !l->done)
        return 0;
    pop_at(s, s->n - 1);
    return R_LAYOUT;
}

bool layers_cover_screen(const LayerStack *s)
{
    for (int i = 0; i < s->n; i++)
        if (s->items[i]->ops->place == LAYER_SCREEN)
            return true;
    return false;
}

bool layers_use_status(const LayerStack *s)
{
    for (int i = 0; i < s->n; i++)
        if (s->items[i]->ops->place == LAYER_STATUS)
            return true;
    return false;
}

unsigned layers_sync(LayerStack *s, const Model *m)
{
    unsigned r = 0;
    for (int i = s->n - 1; i >= 0; i--) {
        Layer *l = s->items[i];
        if (!l->ops->alive || l->ops->alive(l, m))
            continue;
        pop_at(s, i);
        r = R_LAYOUT;
    }
    return r;
}
