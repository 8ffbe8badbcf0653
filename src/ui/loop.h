#ifndef REGDESK_UI_LOOP_H
#define REGDESK_UI_LOOP_H
/* The dashboard's main loop (loop.c). */
#include "ui/dash.h"

/* Runs until quit; returns the exit status. */
int ui_loop(Ui *ui);

#endif
