#ifndef REGDESK_UI_SCRIPT_H
#define REGDESK_UI_SCRIPT_H
/* The scripted test mode (tig's idea): keys and commands come from REGDESK_SCRIPT=FILE
 * or REGDESK_KEYS=TEXT instead of the keyboard, one per line:
 *
 *   j  G  <Enter>  <Down>  /       key names (ui/keys.h); several on a line are typed in turn
 *   :type ruiz                     literal text, every character a key (blanks too)
 *   :key <Esc>                     key names, explicitly
 *   :wait-loaded                   until the list load finished (or failed)
 *   :wait-rows N                   until N records are loaded; results queued after the
 *                                  page that got there wait, so a dump shows that page
 *   :wait-detail                   until the shown record's full form arrived (or failed)
 *   :sleep MS
 *   :resize COLS ROWS              resize the (headless) screen
 *   :dump PATH                     the screen as text, once the detail pane has caught up
 *                                  with the selection (it follows after a short rest)
 *   :dump-attrs PATH               the same, then one row of colour-slot letters per line
 *   :quit
 *   # comment
 *
 * A wait gives up after REGDESK_SCRIPT_TIMEOUT ms (default 20000): the dashboard quits
 * with status 6 and says which line timed out. The end of the script quits too. */
#include <stdbool.h>
#include <stddef.h>

#include "ui/app.h"

/* Loads the script named by the environment, if any (*out NULL when none). False with
 * a sentence in err when it cannot be read or has a bad line. */
bool script_from_env(Script **out, char *err, size_t n);
Script *script_parse(const char *text, char *err, size_t n);
void script_free(Script *s);

/* Runs steps until one has to wait or the script ends (then a->quit is set). */
void script_run(App *a);
/* True when the step being waited on is now satisfied: results_drain stops taking
 * results so the next step sees exactly this state. */
bool script_ready(App *a);
/* How long the loop may sleep before the script needs a look (-1: no limit). */
int script_timeout_ms(App *a);

/* Writes the screen as text (and optionally the colour slots) to path. */
bool screen_dump(App *a, const char *path, bool attrs);

#endif
