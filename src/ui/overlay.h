#ifndef REGDESK_UI_OVERLAY_H
#define REGDESK_UI_OVERLAY_H
/* The boxes drawn over the panes: the help (generated from the action table) and the
 * sort menu. Each is a layer (ui/pane.h). */
#include "model/dlines.h"
#include "ui/pane.h"

typedef struct HelpOverlay {
    Layer layer; /* first: the layer stack holds &help->layer */
    DLines lines;
    int width; /* the width lines were built for */
    long top;
} HelpOverlay;

typedef struct SortMenu {
    Layer layer; /* first */
    int cursor;
} SortMenu;

void help_init(HelpOverlay *h);
void help_free(HelpOverlay *h);
unsigned help_open(HelpOverlay *h, LayerStack *layers);

void sortmenu_init(SortMenu *s);
unsigned sortmenu_open(SortMenu *s, LayerStack *layers, const Model *m);

#endif
