/* The header: API host (or --file's export), view, filter, sort, search; then counts by
 * status for what is loaded, with the review queue's overdue count (Lucía's SLA). */
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
    if (m->source) { /* read-only: say what is shown before anything else */
        put(&p, SL_HEADER_DIM, "file ");
        put(&p, SL_HEADER, m->source);
        put(&p, SL_HEADER_DIM, " (read-only)");
    } else {
        put(&p, SL_HEADER, pane->ctx->host);
    }
    sep(&p, SL_HEADER_DIM);
    const SavedView *v = model_view(m, m->view_no);
    if (v) {
        putf(&p, SL_HEADER_DIM, "view %d ", m->view_no);
        put(&p, SL_HEADER, v->name);
    } else {
        put(&p, SL_HEADER_DIM, "filter ");
        put(&p, SL_HEADER, *m->filter_text ? m->filter_text : "(none)");
    }
    if (m->decided) { /* the reviewer's own count, before what may not fit */
        sep(&p, SL_HEADER_DIM);
        putf(&p, SL_HEADER, "%u decided", m->decided);
        put(&p, SL_HEADER_DIM, " this session");
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

/* The short form, for when even two rows are too few. */
static const char *const short_badge[ST__COUNT] = {
    [ST_UNKNOWN] = "UNK",    [ST_STARTED] = "STA", [ST_ONGOING] = "ONG",
    [ST_COMPLETED] = "DONE", [ST_COMPLETED_WITHOUT_KYC] = "NOKYC",
    [ST_FAILED] = "FAIL",    [ST_NEEDS_MANUAL_VERIFICATION] = "REVIEW", /* the one Lucía reads */
    [ST_EXPIRED] = "EXP",    [ST_OTHER] = "OTH",
};

enum { ITEM_SPANS = 6, ITEMS_MAX = 1 + ST__COUNT };

/* One count ("REVIEW 341 (337 overdue, oldest 12w)"): a few coloured spans that stay
 * together on a row. */
typedef struct Item {
    struct {
        Slot slot;
        char text[48];
    } span[ITEM_SPANS];
    int n, width;
} Item;

static void span(Item *it, Slot slot, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void span(Item *it, Slot slot, const char *fmt, ...)
{
    if (it->n >= ITEM_SPANS)
        return;
    va_list ap;
    va_start(ap, fmt);
    vfmt_bounded(it->span[it->n].text, sizeof it->span[it->n].text, fmt, ap);
    va_end(ap);
    it->span[it->n].slot = slot;
    it->width += safetext_width(it->span[it->n++].text);
}

enum { LEVELS = 4 };

/* The items at one level of abbreviation: 0 as they read best, 1 with short badges, 2
 * with the overdue note shortened too, 3 without the word "loaded". */
static size_t items(const Model *m, int level, Item *out)
{
    const Counts *c = &m->counts;
    size_t n = 0;
    memset(out, 0, ITEMS_MAX * sizeof *out);
    span(&out[n], SL_NORMAL, "%zu", m->store.n);
    if (level < 3)
        span(&out[n], SL_DIM, " loaded");
    n++;
    for (size_t i = 0; i < sizeof count_order / sizeof *count_order; i++) {
        Status st = count_order[i];
        unsigned k = c->by_status[st];
        if (!k && st != ST_NEEDS_MANUAL_VERIFICATION)
            continue;
        Item *it = &out[n++];
        span(it, status_slot(st), "%s", level ? short_badge[st] : status_badge(st));
        span(it, SL_NORMAL, " %u", k);
        if (st == ST_NEEDS_MANUAL_VERIFICATION && c->overdue) {
            char age[16];
            time_format_age(model_now(m) - c->oldest_review_ms, age, sizeof age);
            span(it, SL_DIM, " (");
            span(it, SL_OVERDUE, "%u overdue", c->overdue);
            span(it, SL_DIM, level > 1 ? ", %s)" : ", oldest %s)", age);
        }
    }
    return n;
}

/* Places the items row by row, two blanks apart; false when some did not fit. The last
 * try (cut) keeps two columns on the last row for an ellipsis that says some are left. */
static bool flow(const Item *it, size_t n, int width, int rows, bool cut, DLines *out)
{
    dl_reset(out, width, 0);
    dl_plain_section(out, SEC_TOP);
    int row = 0, x = width; /* x = width: no row begun yet */
    for (size_t i = 0; i < n; i++) {
        int sep;
        for (;;) { /* this row, or the next one */
            sep = x > 1 ? 2 : 0;
            int room = cut && row == rows && i + 1 < n ? width - 2 : width;
            if (x + sep + it[i].width <= room)
                break;
            if (row == rows) {
                if (cut)
                    dl_addf(out, SL_DIM, " %s", glyph(GL_ELLIPSIS));
                dl_end(out);
                return false;
            }
            row++;
            dl_begin(out, 1);
            x = 1;
        }
        if (sep)
            dl_add(out, SL_DIM, "  ");
        for (int k = 0; k < it[i].n; k++)
            dl_add(out, it[i].span[k].slot, it[i].span[k].text);
        x += sep + it[i].width;
    }
    dl_end(out);
    return true;
}

void header_counts(const Model *m, int width, int rows, DLines *out)
{
    Item it[ITEMS_MAX];
    for (int level = 0; level < LEVELS; level++)
        if (flow(it, items(m, level, it), width, rows, level == LEVELS - 1, out))
            return;
}

static void counts_rows(const Model *m, WINDOW *w, int y, int width, int rows)
{
    DLines dl;
    dl_init(&dl);
    header_counts(m, width, rows, &dl);
    for (int r = 0; r < rows; r++) {
        draw_fill(w, y + r, 0, width, SL_NORMAL);
        if ((size_t)r >= dl.n)
            continue;
        const DLine *l = &dl.lines[r];
        int x = 0;
        for (uint16_t k = 0; k < l->nspans; k++) {
            const DSpan *sp = &dl.spans[l->span0 + k];
            x += draw_text(w, y + r, x, width - x, (Slot)sp->slot, dl.text.s + sp->off);
        }
    }
    dl_free(&dl);
}

static void draw(Pane *p, Model *m)
{
    title_row(p, m, p->win, p->r.w);
    counts_rows(m, p->win, 1, p->r.w, p->r.h - 1);
}

static bool rect(const Layout *lay, Rect *r)
{
    *r = lay->header;
    return true;
}

const PaneOps header_pane = { "header", R_HEADER, rect, draw, NULL };
