#ifndef REGDESK_UI_EXPORT_H
#define REGDESK_UI_EXPORT_H
/* e: the list as it is filtered and sorted now, to a CSV, TSV or JSON file. A prompt in
 * the status area takes the path (default ./regdesk-YYYYmmdd-HHMM.csv; the extension
 * picks the format), Tab the columns (those on screen, or all), Ctrl-T unmasked (asked
 * again before anything is written). The file is new (never over an existing one),
 * mode 0600, written beside its name and renamed whole (local/safefile.h), in slices
 * from the loop so the screen never waits, with its progress on the status bar; it
 * leaves one audit line (rows, path, format, masked or not, the filter; no value). */
#include <stdbool.h>

#include "core/columns.h"
#include "local/audit.h"
#include "ui/lineedit.h"
#include "ui/pane.h"

typedef struct ExportJob ExportJob;

typedef struct ExportPrompt {
    Layer layer; /* first: the layer stack holds &export->layer */
    LineEdit ed;
    bool all_columns; /* every column, not only those on screen */
    bool unmasked;    /* asked for with Ctrl-T */
    bool confirming;  /* unmasked: waiting for y */
    char err[600];    /* why the last Enter wrote nothing, on the hint row */
    const ColumnSet *screen;
    AuditLog *audit;
    ExportJob *job; /* the export being written, or NULL */
} ExportPrompt;

void export_init(ExportPrompt *e, const ColumnSet *screen, AuditLog *audit);
/* Drops an export still being written (its temporary file goes; nothing is left). */
void export_free(ExportPrompt *e);
unsigned export_open(ExportPrompt *e, LayerStack *layers, Model *m);
/* Writes the next slice of the running export; *next gets when to come back (0: none
 * runs). Reactions to redraw. */
unsigned export_step(ExportPrompt *e, Model *m, int64_t *next);

#endif
