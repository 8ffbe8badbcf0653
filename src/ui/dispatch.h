#ifndef REGDESK_UI_DISPATCH_H
#define REGDESK_UI_DISPATCH_H
/* Where a key or a click goes: the top layer, then the focused pane, then the action's
 * handler. */
#include "ui/dash.h"

unsigned ui_key(Ui *ui, Key k);
/* button: 1 click, 4 wheel up, 5 wheel down. */
unsigned ui_mouse(Ui *ui, int y, int x, int button);

#endif
