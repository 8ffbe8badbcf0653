/* The status bar: loading progress with a spinner, the worker's state (retrying,
 * offline, token refused), the last message, and the position in the list. For --file,
 * the progress is the file's: bytes read of its size, or records so far from a pipe. */
#include <stdio.h>
#include <string.h>

#include "core/glyphs.h"
#include "core/safetext.h"
#include "core/strbuf.h"
#include "ui/draw.h"
#include "ui/panes.h"

/* --file's part: waiting for a FIFO's writer, reading, or what was read. */
static void file_state(const Model *m, unsigned spin, char *buf, size_t n, Slot *slot)
{
    const Load *l = &m->load;
    int64_t mono = model_mono(m);
    double mb = l->bytes / 1048576.0, of = l->bytes_total / 1048576.0;
    if (l->active && l->retry_until > mono) {
        snprintf(buf, n, " %s %s (%ld s left) ", glyph_spinner(spin), l->retry, (long)((l->retry_until - mono + 999) / 1000));
        *slot = SL_STATUS_WARN;
    } else if (l->active && l->bytes_total) {
        snprintf(buf, n, " %s loading %d %%: %.1f of %.1f MB, %ld registrations ", glyph_spinner(spin),
                 (int)(l->bytes * 100 / l->bytes_total), mb, of, l->loaded);
    } else if (l->active) {
        snprintf(buf, n, " %s loading: %ld registrations, %.1f MB so far ", glyph_spinner(spin), l->loaded, mb);
    } else if (*l->file_err) {
        snprintf(buf, n, " nothing loaded ");
        *slot = SL_STATUS_ERR;
    } else {
        snprintf(buf, n, " %zu loaded from the export ", m->store.n);
    }
}

/* The left part: what the loader is doing. Writes text and slot. */
static void load_state(const Model *m, unsigned spin, char *buf, size_t n, Slot *slot)
{
    const Load *l = &m->load;
    int64_t mono = model_mono(m);
    *slot = SL_STATUSBAR;
    if (m->source && l->started) {
        file_state(m, spin, buf, n, slot);
    } else if (m->auth_failed) { /* one sentence, the worker's: it says what to do */
        fmt_bounded(buf, n, " %s ", m->auth);
        *slot = SL_STATUS_ERR;
    } else if (l->active && l->retry_until > mono) {
        long secs = (long)((l->retry_until - mono + 999) / 1000);
        snprintf(buf, n, " %s retrying in %ld s: %s ", glyph_spinner(spin), secs, l->retry);
        *slot = SL_STATUS_WARN;
    } else if (l->active) {
        char total[24] = "?";
        if (l->total >= 0)
            snprintf(total, sizeof total, "%ld", l->total);
        snprintf(buf, n, " %s loading %ld/%s ", glyph_spinner(spin), l->loaded, total);
    } else if (l->failed_pages) {
        snprintf(buf, n, " %ld loaded; %d page%s failed (r retries) ", l->loaded, l->failed_pages,
                 l->failed_pages == 1 ? "" : "s");
        *slot = SL_STATUS_WARN;
    } else if (!l->started) {
        snprintf(buf, n, " starting ");
    } else {
        snprintf(buf, n, " %zu loaded ", m->store.n);
    }
}

static void draw(Pane *p, Model *m)
{
    WINDOW *w = p->win;
    int width = p->r.w;
    draw_fill(w, 0, 0, width, SL_STATUSBAR);
    char left[400];
    Slot ls;
    load_state(m, p->ctx->spin, left, sizeof left, &ls);
    if (view_busy(&m->view)) /* a big sort or filter in slices: these rows are the old ones */
        snprintf(left + strlen(left), sizeof left - strlen(left), "%s updating the list ", glyph(GL_VBAR));
    char right[96];
    if (m->view.n)
        snprintf(right, sizeof right, " %ld/%zu  %s  ? help ", m->view.sel + 1, m->view.n, glyph(GL_VBAR));
    else
        snprintf(right, sizeof right, " 0/0  %s  ? help ", glyph(GL_VBAR));
    int rw = safetext_width(right);
    int x = 0;
    if (m->ref.paused) /* the live refresh waits: say so before anything else */
        x += draw_text(w, 0, x, width - rw - 1, SL_PAUSED, " PAUSED ");
    x += draw_text(w, 0, x, width - rw - 1 - x, ls, left);
    if (m->ref.marked && x < width - rw - 2) {
        char news[48];
        snprintf(news, sizeof news, " %u new or changed ", m->ref.marked);
        x += draw_text(w, 0, x, width - rw - 1 - x, SL_CHANGED, news);
    }
    if (*m->msg.text && x < width - rw - 2) {
        x += draw_text(w, 0, x, 1, SL_STATUSBAR, " ");
        draw_text(w, 0, x, width - rw - x - 1, m->msg.slot, m->msg.text);
    }
    if (rw < width)
        draw_text(w, 0, width - rw, rw, SL_STATUSBAR, right);
}

static bool rect(const Layout *lay, Rect *r)
{
    *r = lay->status;
    return true;
}

const PaneOps status_pane = { "status", R_STATUS, rect, draw, NULL };
