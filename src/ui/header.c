/* The header: API host, view, filter, sort, search; then counts by status for what is
 * loaded, with the review queue's overdue count (Lucía's SLA). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/safetext.h"
#include "core/strbuf.h"
#include "core/timeutil.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "core/glyphs.h"
#include "model/views.h"

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

static void title_row(App *a, WINDOW *w, int width)
{
    draw_fill(w, 0, 0, width, SL_HEADER);
    Pen p = { w, 0, 0, width };
    put(&p, SL_TITLE, " regdesk ");
    put(&p, SL_HEADER, " ");
    put(&p, SL_HEADER, a->cfg->worker.base.host);
    sep(&p, SL_HEADER_DIM);
    const SavedView *v = views_get(a->view_no);
    if (v) {
        putf(&p, SL_HEADER_DIM, "view %d ", a->view_no);
        put(&p, SL_HEADER, v->name);
    } else {
        put(&p, SL_HEADER_DIM, "filter ");
        put(&p, SL_HEADER, *a->filter_text ? a->filter_text : "(none)");
    }
    char sort[32];
    sort_format(a->view.sort, sort, sizeof sort);
    sep(&p, SL_HEADER_DIM);
    put(&p, SL_HEADER_DIM, "sort ");
    putf(&p, SL_HEADER, "%s %s", sort_key_name(a->view.sort.key), glyph(a->view.sort.descending ? GL_DOWN : GL_UP));
    if (*a->search_text) {
        sep(&p, SL_HEADER_DIM);
        put(&p, SL_HEADER_DIM, "find ");
        put(&p, SL_HEADER, a->search_text);
    }
    if (v && *a->filter_text) {
        sep(&p, SL_HEADER_DIM);
        put(&p, SL_HEADER_DIM, a->filter_text);
    }
}

/* Status names in the order a reviewer reads them. */
static const Status count_order[] = { ST_NEEDS_MANUAL_VERIFICATION, ST_ONGOING, ST_STARTED, ST_COMPLETED,
                                      ST_COMPLETED_WITHOUT_KYC, ST_FAILED, ST_EXPIRED, ST_UNKNOWN, ST_OTHER };

static void counts_row(App *a, WINDOW *w, int width)
{
    draw_fill(w, 1, 0, width, SL_NORMAL);
    Pen p = { w, 1, 1, width };
    const Counts *c = &a->counts;
    putf(&p, SL_NORMAL, "%zu", a->store.n);
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
            time_format_age(app_now(a) - c->oldest_review_ms, age, sizeof age);
            put(&p, SL_DIM, " (");
            putf(&p, SL_OVERDUE, "%u overdue", c->overdue);
            putf(&p, SL_DIM, ", oldest %s)", age);
        }
    }
}

void header_draw(App *a)
{
    WINDOW *w = a->w_header;
    int width = a->lay.header.w;
    title_row(a, w, width);
    counts_row(a, w, width);
}
