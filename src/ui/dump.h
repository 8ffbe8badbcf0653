#ifndef REGDESK_UI_DUMP_H
#define REGDESK_UI_DUMP_H
/* Writes the screen, brought up to date first, as text to path; with attrs, then one row
 * of colour-slot letters per line. */
#include <stdbool.h>

#include "ui/dash.h"

bool screen_dump(Ui *ui, const char *path, bool attrs);

#endif
