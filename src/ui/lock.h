#ifndef REGDESK_UI_LOCK_H
#define REGDESK_UI_LOCK_H
/* The idle lock: after a quiet period (idle_lock) a layer over the whole screen hides
 * every registration, the header's counts included, and takes every key until Enter and
 * then y unlock it. The panes are not drawn under it; the worker's results keep flowing
 * into the model, so the selection, the view and what loaded are all there afterwards.
 * Locking and unlocking each leave an audit line ("lock" with the quiet time, "unlock"
 * with how long it was locked); one that cannot be written does not keep the screen from
 * locking or unlocking, and the reason is shown once it is unlocked.
 * A privacy screen, not authentication: whoever is at the keyboard can unlock it. */
#include <stdbool.h>
#include <stdint.h>

#include "local/audit.h"
#include "ui/pane.h"

typedef struct LockScreen {
    Layer layer;     /* first: the layer stack holds &lock->layer */
    int idle_secs;   /* quiet time before it locks; 0 = never */
    bool locked;
    bool confirming; /* Enter was pressed: y unlocks, any other key keeps it locked */
    int cursor;      /* the cursor's visibility before it locked */
    AuditLog *audit;
    int64_t since;   /* monotonic ms when it locked */
    char err[400];   /* why the lock's line could not be written, "" when it was */
} LockScreen;

void lock_init(LockScreen *l, int idle_secs, AuditLog *audit);
/* When (monotonic ms) it locks, the last key having come at last_input; 0 when it
 * never will (off, or locked already). */
int64_t lock_due(const LockScreen *l, int64_t last_input);
/* Locks now: any reveal ends, the layer opens over everything. Returns reactions. */
unsigned lock_engage(LockScreen *l, LayerStack *layers, Model *m);

#endif
