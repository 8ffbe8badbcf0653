/* The idle lock screen (lock.h). */
#include "ui/lock.h"

#include <stdio.h>
#include <string.h>

#include "core/safetext.h"
#include "ui/draw.h"

static LockScreen *of(Layer *l)
{
    return (LockScreen *)l; /* the layer is the lock's first member */
}

int64_t lock_due(const LockScreen *l, int64_t last_input)
{
    return l->idle_secs > 0 && !l->locked ? last_input + (int64_t)l->idle_secs * 1000 : 0;
}

unsigned lock_engage(LockScreen *l, LayerStack *layers, Model *m)
{
    if (l->locked)
        return 0;
    unsigned r = layer_push(layers, &l->layer);
    if (!r)
        return 0; /* the stack is full: cannot happen with the layers there are */
    l->locked = true;
    l->confirming = false;
    l->cursor = curs_set(0); /* an open prompt's cursor does not blink through */
    l->since = model_mono(m);
    AuditEvent ev = { .action = "lock", .outcome = AO_OK };
    audit_extra_num(&ev, "idle_seconds", l->idle_secs);
    l->err[0] = '\0';
    audit_append(l->audit, &ev, l->err, sizeof l->err);
    return r | R_ALL | model_privacy_hide(m);
}

/* The unlock's line, and what could not be logged said at last. */
static unsigned unlock(LockScreen *l, Model *m)
{
    AuditEvent ev = { .action = "unlock", .outcome = AO_OK };
    audit_extra_num(&ev, "locked_seconds", (model_mono(m) - l->since) / 1000);
    char err[400];
    if (!audit_append(l->audit, &ev, err, sizeof err) && !l->err[0])
        snprintf(l->err, sizeof l->err, "%s", err);
    if (!l->err[0])
        return 0;
    return model_message(m, SL_STATUS_ERR, 0, "the lock left no trace: %s", l->err);
}

/* "15 minutes", "90 seconds". */
static void quiet_time(int secs, char *buf, size_t n)
{
    if (secs % 60 == 0 && secs >= 120)
        snprintf(buf, n, "%d minutes", secs / 60);
    else if (secs == 60)
        snprintf(buf, n, "1 minute");
    else
        snprintf(buf, n, "%d second%s", secs, secs == 1 ? "" : "s");
}

static void draw(Layer *layer, WINDOW *w, Model *m)
{
    (void)m;
    LockScreen *l = of(layer);
    int h, width;
    getmaxyx(w, h, width);
    werase(w);
    for (int y = 0; y < h; y++)
        draw_fill(w, y, 0, width, SL_LOCK);
    char quiet[48], why[160];
    quiet_time(l->idle_secs, quiet, sizeof quiet);
    snprintf(why, sizeof why, "No key for %s, so every registration is hidden.", quiet);
    const struct {
        Slot slot;
        const char *text;
    } lines[] = {
        { SL_TITLE, " regdesk is locked " },
        { SL_LOCK, "" },
        { SL_LOCK, why },
        { SL_LOCK, "The list keeps loading in the background; nothing is lost." },
        { SL_LOCK, "" },
        { SL_TITLE, l->confirming ? "Press y to unlock; any other key keeps it locked." : "Press Enter to unlock." },
        { SL_LOCK, "" },
        { SL_LOCK, "A privacy screen, not authentication: it hides the screen from passers-by." },
    };
    int n = (int)(sizeof lines / sizeof *lines), top = (h - n) / 2;
    for (int i = 0; i < n; i++) {
        int cols = safetext_width(lines[i].text), x = cols < width ? (width - cols) / 2 : 0;
        if (top + i >= 0 && top + i < h)
            draw_text(w, top + i, x, width - x, lines[i].slot, lines[i].text);
    }
}

static unsigned key(Layer *layer, Model *m, const Layout *lay, Key k)
{
    (void)lay;
    LockScreen *l = of(layer);
    if (l->confirming && (k == 'y' || k == 'Y')) {
        layer->done = true;
        return R_ALL | unlock(l, m);
    }
    l->confirming = !l->confirming && k == K_ENTER;
    return R_OVERLAY; /* every other key is swallowed */
}

static void closed(Layer *layer)
{
    LockScreen *l = of(layer);
    l->locked = l->confirming = false;
    if (l->cursor != ERR)
        curs_set(l->cursor);
}

static const LayerOps lock_ops = { "lock", LAYER_SCREEN, NULL, draw, key, closed, NULL };

void lock_init(LockScreen *l, int idle_secs, AuditLog *audit)
{
    memset(l, 0, sizeof *l);
    l->layer.ops = &lock_ops;
    l->idle_secs = idle_secs;
    l->audit = audit;
}
