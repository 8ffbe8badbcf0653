/* The header: API host, view, filter, sort, search; then counts by status for what is
 * loaded, with the review queue's overdue count (Lucía's SLA). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/glyphs.h"
#include "core/safetext.h"
#include "core/strbuf.h"
#include "core/timeutil.h"
#include "ui/draw.h"
#include "ui/panes.h"

typedef struct Pen {
    WINDOW *win;
    int y, x, right; /* next column, and the last usable one + 1 */
} Pen;

static void put(Pen *p, Slot slot, const char *s)
{
    if (p->x < p->right)
        p->x += draw_text(p->win, p->y, p->x, p->right - p->x, slot, s);
}

static void putf(Pen *p, Slot slot, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void putf(Pen *p, Slot slot, const char *fmt, ...)
{
    char buf[600];
    va_list ap;
    va_start(ap, fmt);
    vfmt_bounded(buf, sizeof buf, fmt, ap);
    va_end(ap);
    put(p, slot, buf);
}

static void sep(Pen *p, Slot slot)
{
    putf(p, slot, "  %s  ", glyph(GL_VBAR));
}

static void title_row(const Pane *pane, const Model *m, WINDOW *w, int width)
{
    draw_fill(w, 0, 0, width, SL_HEADER);
    Pen p = { w, 0, 0, width };
    put(&p, SL_TITLE, " regdesk ");
    put(&p, SL_HEADER, " ");
    put(&p, SL_HEADER, pane->ctx->host);
    sep(&p, SL_HEADER_DIM);
    const SavedView *v = model_view(m, m->view_no);
    if (v) {
        putf(&p, SL_HEADER_DIM, "view %d ", m->view_no);
        put(&p, SL_HEADER, v->name);
    } else {
        put(&p, SL_HEADER_DIM, "filter ");
        put(&p, SL_HEADER, *m->filter_text ? m->filter_text : "(none)");
    }
    char sort[32];
    sort_format(m->view.sort, sort, sizeof sort);
    sep(&p, SL_HEADER_DIM);
    put(&p, SL_HEADER_DIM, "sort ");
    putf(&p, SL_HEADER, "%s %s", sort_key_name(m->view.sort.key), glyph(m->view.sort.descending ? GL_DOWN : GL_UP));
    if (*m->search_text) {
        sep(&p, SL_HEADER_DIM);
        put(&p, SL_HEADER_DIM, "find ");
        put(&p, SL_HEADER, m->search_text);
    }
    if (v && *m->filter_text) {
        sep(&p, SL_HEADER_DIM);
        put(&p, SL_HEADER_DIM, m->filter_text);
    }
}

/* Status names in the order a reviewer reads them. */
static const Status count_order[] = { ST_NEEDS_MANUAL_VERIFICATION, ST_ONGOING, ST_STARTED, ST_COMPLETED,
                                      ST_COMPLETED_WITHOUT_KYC, ST_FAILED, ST_EXPIRED, ST_UNKNOWN, ST_OTHER };

static void counts_row(const Model *m, WINDOW *w, int width)
{
    draw_fill(w, 1, 0, width, SL_NORMAL);
    Pen p = { w, 1, 1, width };
    const Counts *c = &m->counts;
    putf(&p, SL_NORMAL, "%zu", m->store.n);
    put(&p, SL_DIM, " loaded");
    for (size_t i = 0; i < sizeof count_order / sizeof *count_order; i++) {
        Status st = count_order[i];
        unsigned n = c->by_status[st];
        if (!n && st != ST_NEEDS_MANUAL_VERIFICATION)
            continue;
        put(&p, SL_DIM, "  ");
        put(&p, status_slot(st), status_badge(st));
        putf(&p, SL_NORMAL, " %u", n);
        if (st == ST_NEEDS_MANUAL_VERIFICATION && c->overdue) {
            char age[16];
            time_format_age(model_now(m) - c->oldest_review_ms, age, sizeof age);
            put(&p, SL_DIM, " (");
            putf(&p, SL_OVERDUE, "%u overdue", c->overdue);
            putf(&p, SL_DIM, ", oldest %s)", age);
        }
    }
}

static void draw(Pane *p, Model *m)
{
    title_row(p, m, p->win, p->r.w);
    counts_row(m, p->win, p->r.w);
}

static bool rect(const Layout *lay, Rect *r)
{
    *r = lay->header;
    return true;
}

const PaneOps header_pane = { "header", R_HEADER, rect, draw, NULL };
