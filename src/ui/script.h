#ifndef REGDESK_UI_SCRIPT_H
#define REGDESK_UI_SCRIPT_H
/* The scripted test mode (tig's idea): keys and commands come from a script instead of
 * the keyboard (main reads it from REGDESK_SCRIPT=FILE or REGDESK_KEYS=TEXT), one per
 * line:
 *
 *   j  G  <Enter>  <Down>  /       key names (ui/keys.h); several on a line are typed in turn
 *   :type ruiz                     literal text, every character a key (blanks too)
 *   :key <Esc>                     key names, explicitly
 *   :wait-loaded                   until the list load finished (or failed)
 *   :wait-rows N                   until N records are loaded; results queued after the
 *                                  page that got there wait, so a dump shows that page
 *   :wait-detail                   until the shown record's full form arrived (or failed)
 *   :wait-action                   until no decision, resend or create is on its way
 *   :wait-refresh N                until N live refreshes have finished (--refresh SECONDS)
 *   :wait-file PATH                until PATH exists (a test harness acting in between)
 *   :wait-message TEXT             until the status bar's message holds TEXT (an export
 *                                  written, say)
 *   :sleep MS
 *   :resize COLS ROWS              resize the (headless) screen
 *   :dump PATH                     the screen as text, once the detail pane has caught up
 *                                  with the selection (it follows after a short rest)
 *   :dump-attrs PATH               the same, then one row of colour-slot letters per line
 *   :dump-looks PATH               the same, then one row of look letters per line, each
 *                                  letter a look as the terminal got it (colours and
 *                                  attributes), listed first: what a theme really draws
 *   :quit
 *   # comment
 *
 * A wait gives up after the timeout (REGDESK_SCRIPT_TIMEOUT, default 20000 ms): the
 * dashboard quits with status 6 and says which line timed out. The end of the script
 * quits too.
 *
 * The script only decides: it reads the model and says what to do next; the loop does
 * it (loop.c). No curses here. */
#include <stdbool.h>
#include <stddef.h>

#include "model/model.h"
#include "ui/keys.h"

typedef struct Script Script;

/* timeout_ms: how long a wait may last (0: the default). NULL with a sentence in err
 * for a line it cannot read. */
Script *script_parse(const char *text, long timeout_ms, char *err, size_t n);
void script_free(Script *s);

typedef enum ScriptActKind { SCRIPT_KEYS, SCRIPT_RESIZE, SCRIPT_DUMP, SCRIPT_QUIT, SCRIPT_FAIL } ScriptActKind;

/* What a dump holds besides the text: nothing, colour slots, or the looks drawn. */
typedef enum DumpKind { DUMP_TEXT, DUMP_SLOTS, DUMP_LOOKS } DumpKind;

typedef struct ScriptAct {
    ScriptActKind kind;
    int line;         /* of the script */
    const Key *keys;  /* SCRIPT_KEYS */
    int nkeys;
    int cols, rows;   /* SCRIPT_RESIZE */
    const char *path; /* SCRIPT_DUMP */
    DumpKind dump;
    const char *why;  /* SCRIPT_FAIL */
} ScriptAct;

/* The next thing to do, in *out; false when the script must wait (for a state of the
 * model, or a time). */
bool script_next(Script *s, const Model *m, ScriptAct *out);
/* The drain's stop predicate: the step being waited on is satisfied now, so the next
 * step sees exactly this state (results queued after it wait). */
bool script_ready(const Script *s, const Model *m);
/* How long the loop may sleep before the script needs a look (-1: no limit). */
int script_timeout_ms(const Script *s, const Model *m);

#endif
