#ifndef REGDESK_UI_DASH_H
#define REGDESK_UI_DASH_H
/* The running dashboard: the model, the panes and layers that draw it, and the terminal.
 * Owned by the main thread. Each module declares its own functions in its own header;
 * this one holds only the type. */
#include <stdbool.h>

#include "local/audit.h"
#include "model/model.h"
#include "net/fileload.h"
#include "net/worker.h"
#include "ui/create_box.h"
#include "ui/decide_box.h"
#include "ui/export.h"
#include "ui/layout.h"
#include "ui/lock.h"
#include "ui/overlay.h"
#include "ui/pane.h"
#include "ui/prompt.h"
#include "ui/resend_box.h"
#include "ui/ui.h"

typedef struct Script Script;

typedef struct Ui {
    const UiConfig *cfg;
    Model m;
    Worker *worker;
    FileLoad *file;    /* --file: the export's reader, NULL for the API */
    char source[256];  /* --file: the export's name as shown (display-safe) */
    AuditLog *audit;   /* the audit log's writer (local/audit.h) */
    ColumnSet columns;
    Layout lay;
    Pane panes[PANE__COUNT];
    PaneCtx pctx;      /* what the panes draw from besides the model */
    LayerStack layers; /* open prompt, overlays, dialogs */
    Prompt prompt;     /* the / and f prompts; keep their history while closed */
    HelpOverlay help;
    SortMenu sortmenu;
    ViewMenu viewmenu;
    DecideBox decide;  /* the decision dialog */
    ResendBox resend;
    CreateBox create;
    LockScreen lock;
    ExportPrompt exp;  /* e, and the export it is writing */
    int64_t last_input; /* monotonic ms of the last key or click: the idle lock counts from it */
    WINDOW *w_input;   /* keys are read from here */
    unsigned dirty;    /* reactions (model.h R_*) not drawn yet */
    bool mouse;
    size_t theme;      /* the index in cfg->themes shown now */
    bool quit;
    int exit_code;
    int64_t spin_due;
    Script *script;    /* the scripted test mode, or NULL for the keyboard */
    int sig_fd;        /* read end of the signal pipe (term.c) */
} Ui;

#endif
