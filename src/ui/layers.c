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

unsigned layer_pop_done(LayerStack *s)
{
    Layer *l = layer_top(s);
    if (!l || !l->done)
        return 0;
    s->n--;
    if (l->ops->closed)
        l->ops->closed(l);
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
