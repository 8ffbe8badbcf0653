#ifndef REGDESK_UI_RENDER_H
#define REGDESK_UI_RENDER_H
/* Drawing the dashboard: the panes' table and one loop over it (render.c). */
#include "ui/dash.h"

void render_init(Ui *ui);
/* Rebuilds the windows on R_LAYOUT, redraws the panes whose reactions are in ui->dirty
 * and the layers over them, and updates the terminal once. */
void render(Ui *ui);
/* Deletes every window (before curses' screen goes: it frees them itself). */
void render_free(Ui *ui);

#endif
