#ifndef REGDESK_UI_OVERLAY_H
#define REGDESK_UI_OVERLAY_H
/* The boxes drawn over the panes: the help (generated from the action table), the sort
 * menu and the views menu. Each is a layer (ui/pane.h). */
#include "model/dlines.h"
#include "ui/pane.h"
#include "ui/prompt.h"

typedef struct HelpOverlay {
    Layer layer; /* first: the layer stack holds &help->layer */
    DLines lines;
    int width; /* the width lines were built for */
    long top;
    DFind find;  /* / inside the help */
    long match;  /* the line the search stands on, -1 none */
    Prompt *prompt;     /* the prompt / opens, over the help */
    LayerStack *layers;
    TextFinder finder;  /* what that prompt searches with */
} HelpOverlay;

typedef struct SortMenu {
    Layer layer; /* first */
    int cursor;
} SortMenu;

/* Every saved view, the config's beyond the nine keys included, to pick one. */
typedef struct ViewMenu {
    Layer layer; /* first */
    int cursor, top;
} ViewMenu;

/* prompt and layers: where / inside the help opens its search. */
void help_init(HelpOverlay *h, Prompt *prompt, LayerStack *layers);
void help_free(HelpOverlay *h);
unsigned help_open(HelpOverlay *h, LayerStack *layers, const Layout *lay, const Model *m);

void sortmenu_init(SortMenu *s);
unsigned sortmenu_open(SortMenu *s, LayerStack *layers, const Model *m);

void viewmenu_init(ViewMenu *v);
unsigned viewmenu_open(ViewMenu *v, LayerStack *layers, const Model *m);

#endif
