#ifndef REGDESK_UI_CREATE_BOX_H
#define REGDESK_UI_CREATE_BOX_H
/* The create form (a layer over the model's Create, model/create.c): one line editor per
 * field, what is wrong next to each. */
#include "ui/lineedit.h"
#include "ui/pane.h"

typedef struct CreateBox {
    Layer layer; /* first */
    LineEdit ed[CF__COUNT];
    int field;   /* the one being typed in */
} CreateBox;

void create_box_init(CreateBox *b);
unsigned create_box_open(CreateBox *b, LayerStack *layers, Model *m);

#endif
