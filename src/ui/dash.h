#ifndef REGDESK_UI_DASH_H
#define REGDESK_UI_DASH_H
/* The running dashboard: the model, the panes and layers that draw it, and the terminal.
 * Owned by the main thread. Each module declares its own functions in its own header;
 * this one holds only the type. */
#include <stdbool.h>

#include "local/audit.h"
#include "model/model.h"
#include "net/worker.h"
#include "ui/create_box.h"
#include "ui/decide_box.h"
#include "ui/layout.h"
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
    AuditLog *audit;   /* the audit log the actions write (local/audit.h) */
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
