#ifndef REGDESK_UI_DECIDE_BOX_H
#define REGDESK_UI_DECIDE_BOX_H
/* The decision dialog (a layer; its state machine is the model's, model/decide.c). */
#include "ui/lineedit.h"
#include "ui/pane.h"
#include "ui/prompt.h"

typedef struct DecideBox {
    Layer layer; /* first: the layer stack holds &box->layer */
    LineEdit ed; /* the note */
    int labels;  /* reason labels offered, for the box's height */
    int final;   /* 1: the case is closed already, a row says by whom */
} DecideBox;

void decide_box_init(DecideBox *b);
/* Opens the dialog to decide `to` on the selected record (the model may refuse: then
 * its message says why, and nothing opens). */
unsigned decide_box_open(DecideBox *b, LayerStack *layers, Model *m, Status to);

#endif
