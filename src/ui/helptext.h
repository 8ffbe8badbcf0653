#ifndef REGDESK_UI_HELPTEXT_H
#define REGDESK_UI_HELPTEXT_H
/* The help overlay's text, generated from the action table and the saved views. No
 * curses. */
#include "model/dlines.h"

void help_build(DLines *d, int width);

#endif
