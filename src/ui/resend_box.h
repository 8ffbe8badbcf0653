#ifndef REGDESK_UI_RESEND_BOX_H
#define REGDESK_UI_RESEND_BOX_H
/* The resend-link dialog (a layer over the model's Resend, model/support.c): confirm,
 * then the link with its token masked, and the question before its whole form is copied. */
#include "ui/pane.h"

typedef struct ResendBox {
    Layer layer; /* first */
} ResendBox;

void resend_box_init(ResendBox *b);
unsigned resend_box_open(ResendBox *b, LayerStack *layers, Model *m);

#endif
