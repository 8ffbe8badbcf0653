/* The status bar: loading progress with a spinner, the worker's state (retrying,
 * offline, token refused), the last message, and the position in the list. */
#include <stdio.h>
#include <string.h>

#include "core/safetext.h"
#include "core/timeutil.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "core/glyphs.h"

/* The left part: what the loader is doing. Writes text and slot. */
static void load_state(App *a, char *buf, size_t n, Slot *slot)
{
    const Load *l = &a->load;
    int64_t mono = time_mono_ms();
    *slot = SL_STATUSBAR;
    if (a->auth_failed) {
        snprintf(buf, n, " token expired or refused; run `regdesk login` ");
        *slot = SL_STATUS_ERR;
    } else if (l->active && l->retry_until > mono) {
        long secs = (long)((l->retry_until - mono + 999) / 1000);
        snprintf(buf, n, " %s retrying in %ld s: %s ", glyph_spinner(a->spin), secs, l->retry);
        *slot = SL_STATUS_WARN;
    } else if (l->active) {
        char total[24] = "?";
        if (l->total >= 0)
            snprintf(total, sizeof total, "%ld", l->total);
        snprintf(buf, n, " %s loading %ld/%s ", glyph_spinner(a->spin), l->loaded, total);
    } else if (l->failed_pages) {
        snprintf(buf, n, " %ld loaded; %d page%s failed (r retries) ", l->loaded, l->failed_pages,
                 l->failed_pages == 1 ? "" : "s");
        *slot = SL_STATUS_WARN;
    } else if (!l->started) {
        snprintf(buf, n, " starting ");
    } else {
        snprintf(buf, n, " %zu loaded ", a->store.n);
    }
}

void status_draw(App *a)
{
    WINDOW *w = a->w_status;
    int width = a->lay.status.w;
    draw_fill(w, 0, 0, width, SL_STATUSBAR);
    char left[400];
    Slot ls;
    load_state(a, left, sizeof left, &ls);
    char right[96];
    if (a->view.n)
        snprintf(right, sizeof right, " %ld/%zu  %s  ? help ", a->view.sel + 1, a->view.n, glyph(GL_VBAR));
    else
        snprintf(right, sizeof right, " 0/0  %s  ? help ", glyph(GL_VBAR));
    int rw = safetext_width(right);
    int x = draw_text(w, 0, 0, width - rw - 1, ls, left);
    if (*a->msg && x < width - rw - 2) {
        x += draw_text(w, 0, x, 1, SL_STATUSBAR, " ");
        draw_text(w, 0, x, width - rw - x - 1, (Slot)a->msg_slot, a->msg);
    }
    if (rw < width)
        draw_text(w, 0, width - rw, rw, SL_STATUSBAR, right);
}
