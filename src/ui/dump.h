#ifndef REGDESK_UI_DUMP_H
#define REGDESK_UI_DUMP_H
/* Writes the screen, brought up to date first, as text to path; then, as `what` asks, one
 * row of colour-slot letters per line, or one row of look letters per line (ui/script.h). */
#include <stdbool.h>

#include "ui/dash.h"
#include "ui/script.h"

bool screen_dump(Ui *ui, const char *path, DumpKind what);

#endif
