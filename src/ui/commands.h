#ifndef REGDESK_UI_COMMANDS_H
#define REGDESK_UI_COMMANDS_H
/* The actions' own handlers (the handler column of ui/actions.h). */
#include "ui/dash.h"

/* Runs act (k: the key that chose it, for the saved views' digits); returns reactions. */
unsigned command_run(Ui *ui, ActionId act, Key k);

#endif
