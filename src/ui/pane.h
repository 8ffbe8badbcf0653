#ifndef REGDESK_UI_PANE_H
#define REGDESK_UI_PANE_H
/* The screen as two ops tables (tig's view_ops, NeoMutt's per-window repaint flags).
 *
 * Panes tile the screen: header, list, separator, detail, status. Each says which
 * reaction bits make it redraw, where it goes for a layout, how it draws from the model,
 * and (optionally) which actions it takes when it has the focus. Rendering is one loop
 * over the table (render.c).
 *
 * Layers open over the panes and take every key while they are on top: the / and f
 * prompts (in the status area), the help and the sort menu (boxes). Key dispatch is the
 * top layer, then the focused pane, then the action's own handler (dispatch.c). A new
 * dialog — a decision with its note, an export prompt, the lock screen — is one more
 * LayerOps; neither the loop nor the dispatch changes. */
#include <curses.h>
#include <stdbool.h>

#include "core/columns.h"
#include "model/model.h"
#include "ui/actions.h"
#include "ui/keys.h"
#include "ui/layout.h"

/* What panes draw from besides the model: the dashboard's own settings and animation. */
typedef struct PaneCtx {
    const ColumnSet *columns; /* the list's columns */
    const char *host;         /* the API host, for the header */
    unsigned spin;            /* spinner frame while loading */
} PaneCtx;

typedef struct Pane Pane;
typedef struct PaneOps {
    const char *name;
    unsigned reacts; /* reaction bits (model.h) that make it redraw */
    /* Where it goes; false when the layout leaves it out. */
    bool (*rect)(const Layout *lay, Rect *r);
    void (*draw)(Pane *p, Model *m);
    /* An action while the pane has the focus: true (reactions in *react) when it took it. */
    bool (*key)(Pane *p, Model *m, ActionId act, unsigned *react);
} PaneOps;

struct Pane {
    const PaneOps *ops;
    WINDOW *win; /* NULL while the layout leaves the pane out */
    Rect r;
    const PaneCtx *ctx;
};

typedef enum PaneId { PANE_HEADER, PANE_LIST, PANE_SEP, PANE_DETAIL, PANE_STATUS, PANE__COUNT } PaneId;

/* Where a layer draws: in the status area (which grows to two rows), in a box of its
 * own over the panes, or over the whole screen, the panes not drawn under it (the lock). */
typedef enum LayerPlace { LAYER_STATUS, LAYER_BOX, LAYER_SCREEN } LayerPlace;

typedef struct Layer Layer;
typedef struct LayerOps {
    const char *name;
    LayerPlace place;
    /* LAYER_BOX: the box for a layout. */
    void (*rect)(const Layer *l, const Layout *lay, Rect *r);
    void (*draw)(Layer *l, WINDOW *w, Model *m);
    /* Every key while on top; sets l->done to close. Returns reactions. */
    unsigned (*key)(Layer *l, Model *m, const Layout *lay, Key k);
    /* Called once when it closes (optional). */
    void (*closed)(Layer *l);
    /* Whether the model still wants it (optional): a dialog whose action the model
     * finished (a decision answered) closes without a key. */
    bool (*alive)(const Layer *l, const Model *m);
} LayerOps;

struct Layer {
    const LayerOps *ops;
    WINDOW *win; /* its box (LAYER_BOX), else NULL: it draws in the status window */
    bool done;   /* set by key: pop me */
};

/* The open layers, bottom first (layers.c). */
enum { LAYERS_MAX = 4 };
typedef struct LayerStack {
    Layer *items[LAYERS_MAX];
    int n;
} LayerStack;

/* Opens l on top (a layer already open is not opened twice); R_LAYOUT, or 0 when full. */
unsigned layer_push(LayerStack *s, Layer *l);
Layer *layer_top(const LayerStack *s);
/* Closes the top layer when it asked to (l->done); returns R_LAYOUT when it did. */
unsigned layer_pop_done(LayerStack *s);
/* Whether an open layer draws in the status area (the prompt): it then has two rows. */
bool layers_use_status(const LayerStack *s);
/* Closes the layers the model no longer wants (LayerOps.alive); R_LAYOUT when any went. */
unsigned layers_sync(LayerStack *s, const Model *m);
/* Whether an open layer covers the whole screen: the panes are then not drawn. */
bool layers_cover_screen(const LayerStack *s);

#endif
