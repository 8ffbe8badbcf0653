/* The detail pane: which record it shows, fetching its populated form (debounced while
 * the selection moves), rebuilding its lines when anything they depend on changed, and
 * drawing the visible part with a title bar. */
#include <stdio.h>
#include <string.h>

#include "core/safetext.h"
#include "core/strbuf.h"
#include "core/timeutil.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "core/glyphs.h"

enum {
    FOLLOW_REST_MS = 120,      /* the selection must rest this long before the pane follows it */
    FETCH_DEBOUNCE_MS = 250,   /* ... and this long (from its last move) before a fetch */
    RELATED_REFRESH_MS = 1000, /* while pages arrive, related hits refresh this often */
};

static DetailState state_of(const App *a, long rec)
{
    if (rec < 0)
        return DS_NOT_REQUESTED;
    if (store_detail(&a->store, (size_t)rec))
        return DS_LOADED;
    if ((a->det.job && a->det.job_rec == rec) || (a->det.fetch_due && a->det.rec == rec))
        return DS_LOADING;
    if (a->det.err_rec == rec)
        return DS_ERROR;
    return DS_NOT_REQUESTED;
}

DetailState detail_state(const App *a)
{
    return state_of(a, a->det.rec);
}

int detail_body_rows(const App *a)
{
    int h = a->lay.detail_r.h - 1;
    return h < 1 ? 1 : h;
}

void detail_request(App *a, bool force)
{
    DetailPane *d = &a->det;
    d->fetch_due = 0;
    long rec = d->rec;
    if (rec < 0 || (!force && store_detail(&a->store, (size_t)rec)) || (d->job && d->job_rec == rec))
        return;
    const Summary *s = a->store.recs[rec];
    const char *id = summary_str(s, SS_ID);
    if (!*id || (s->invalid & SUMF_ID)) {
        d->err_rec = rec;
        snprintf(d->err, sizeof d->err, "its id arrived malformed, so it cannot be asked for");
        a->dirty |= D_DETAIL;
        return;
    }
    d->job = worker_retrieve(a->worker, id, a->gen);
    d->job_rec = rec;
    if (d->err_rec == rec)
        d->err_rec = -1;
    a->dirty |= D_DETAIL;
}

/* Shows record rec from its top; its fetch is due at fetch_at when the pane is on screen
 * and only the summary is here. */
static void show(App *a, long rec, int64_t fetch_at)
{
    DetailPane *d = &a->det;
    d->follow_due = 0;
    if (rec == d->rec)
        return;
    d->rec = rec;
    d->top = d->cursor = 0;
    a->dirty |= D_DETAIL;
    if (rec >= 0 && app_detail_visible(a) && !store_detail(&a->store, (size_t)rec))
        d->fetch_due = fetch_at;
    else
        d->fetch_due = 0;
}

void detail_follow(App *a)
{
    DetailPane *d = &a->det;
    long rec = app_selected(a);
    if (rec == d->rec) {
        d->follow_due = 0; /* back where it was: the pane already shows it */
        return;
    }
    if (d->rec >= 0 && rec >= 0 && app_detail_visible(a))
        d->follow_due = time_mono_ms() + FOLLOW_REST_MS; /* one record for another: wait for rest */
    else
        show(a, rec, time_mono_ms() + FETCH_DEBOUNCE_MS);
}

/* The shown record stayed, but what it needs may not have: its fetch is due when the
 * pane is on screen and the record is neither loaded, asked for, due nor failed. */
static void fetch_if_needed(App *a)
{
    DetailPane *d = &a->det;
    if (d->rec >= 0 && app_detail_visible(a) && state_of(a, d->rec) == DS_NOT_REQUESTED)
        d->fetch_due = time_mono_ms() + FETCH_DEBOUNCE_MS;
}

void detail_follow_now(App *a)
{
    show(a, app_selected(a), time_mono_ms() + FETCH_DEBOUNCE_MS);
    fetch_if_needed(a); /* the same record, on a pane that may have just appeared */
}

void detail_record_changed(App *a, long rec)
{
    if (rec != a->det.rec)
        return;
    a->det.built = false;
    a->dirty |= D_DETAIL;
    fetch_if_needed(a); /* it changed on the server and its old full form was dropped */
}

int64_t detail_tick(App *a, int64_t now)
{
    DetailPane *d = &a->det;
    if (d->follow_due) {
        if (now < d->follow_due)
            return d->follow_due; /* the fetch waits too: it is for the record shown next */
        /* It rested FOLLOW_REST_MS already; the fetch keeps its debounce from the move. */
        show(a, app_selected(a), now + FETCH_DEBOUNCE_MS - FOLLOW_REST_MS);
    }
    if (d->fetch_due && now >= d->fetch_due)
        detail_request(a, false);
    return d->fetch_due;
}

/* Whether the lines must be rebuilt. */
static bool stale(const App *a, int width, DetailState st)
{
    const DetailPane *d = &a->det;
    if (!d->built || d->b_rec != d->rec || d->b_width != width || d->b_collapsed != d->collapsed ||
        d->b_raw_codes != d->raw_codes || d->b_raw_json != d->raw_json || d->b_state != st)
        return true;
    if (d->b_det != store_detail(&a->store, (size_t)d->rec) || d->b_sum != a->store.recs[d->rec])
        return true;
    /* Other records changed: the related section may differ; refresh, but not for every
     * page that arrives. */
    return d->b_store_version != a->store.version &&
           (!a->load.active || time_mono_ms() - d->b_at >= RELATED_REFRESH_MS);
}

void detail_ensure_built(App *a)
{
    DetailPane *d = &a->det;
    if (d->rec < 0 || (size_t)d->rec >= a->store.n)
        return;
    int width = a->lay.detail_r.w - 1; /* one blank column on the left */
    if (width < 10)
        width = 10;
    DetailState st = state_of(a, d->rec);
    if (!stale(a, width, st))
        return;
    dl_reset(&d->lines, width, d->collapsed);
    DetailCtx c = { .st = &a->store, .rec = (size_t)d->rec, .rel = a->related, .now_ms = app_now(a),
                    .raw_codes = d->raw_codes, .raw_json = d->raw_json, .state = st, .error = d->err };
    detail_build(&d->lines, &c);
    d->built = true;
    d->b_rec = d->rec;
    d->b_width = width;
    d->b_collapsed = d->collapsed;
    d->b_raw_codes = d->raw_codes;
    d->b_raw_json = d->raw_json;
    d->b_state = st;
    d->b_det = store_detail(&a->store, (size_t)d->rec);
    d->b_sum = a->store.recs[d->rec];
    d->b_store_version = a->store.version;
    d->b_at = time_mono_ms();
    long last = (long)d->lines.n - 1;
    if (d->cursor > last)
        d->cursor = last < 0 ? 0 : last;
    detail_scroll_to_cursor(a);
    a->dirty |= D_DETAIL;
}

void detail_scroll_to_cursor(App *a)
{
    DetailPane *d = &a->det;
    long rows = detail_body_rows(a);
    if (d->cursor < d->top)
        d->top = d->cursor;
    if (d->cursor >= d->top + rows)
        d->top = d->cursor - rows + 1;
    long max_top = (long)d->lines.n - rows;
    if (d->top > max_top)
        d->top = max_top;
    if (d->top < 0)
        d->top = 0;
}

void detail_move(App *a, long delta)
{
    DetailPane *d = &a->det;
    long last = (long)d->lines.n - 1;
    d->cursor += delta;
    if (d->cursor > last)
        d->cursor = last;
    if (d->cursor < 0)
        d->cursor = 0;
    detail_scroll_to_cursor(a);
    a->dirty |= D_DETAIL;
}

static void title_bar(App *a, WINDOW *w, int width)
{
    bool focus = a->focus == FOCUS_DETAIL;
    Slot sl = focus ? SL_PANE_FOCUS : SL_PANE_TITLE;
    draw_fill(w, 0, 0, width, sl);
    char left[160], right[96];
    const DetailPane *d = &a->det;
    if (d->rec >= 0)
        fmt_bounded(left, sizeof left, " %s %s ", d->raw_json ? "JSON of" : "Registration",
                    summary_str(a->store.recs[d->rec], SS_ID));
    else
        snprintf(left, sizeof left, " Registration ");
    long rows = detail_body_rows(a), n = (long)d->lines.n;
    if (n > rows)
        snprintf(right, sizeof right, " %ld%% %s %s ", n ? (d->top + rows >= n ? 100 : (d->top + rows) * 100 / n) : 100,
                 glyph(GL_DOT), focus ? "Tab list" : "Tab focus");
    else
        snprintf(right, sizeof right, " %s ", focus ? "Tab list" : "Tab focus");
    int rw = safetext_width(right);
    draw_text(w, 0, 0, width - rw, sl, left);
    if (rw < width)
        draw_text(w, 0, width - rw, rw, sl, right);
}

static void body_line(App *a, WINDOW *w, int y, long i, int width)
{
    const DLines *dl = &a->det.lines;
    const DLine *l = &dl->lines[i];
    bool cursor = a->focus == FOCUS_DETAIL && i == a->det.cursor;
    draw_fill(w, y, 0, width, cursor ? SL_CURSOR : SL_NORMAL);
    int x = 1;
    for (uint16_t k = 0; k < l->nspans && x < width; k++) {
        const DSpan *sp = &dl->spans[l->span0 + k];
        x += draw_text(w, y, x, width - x, cursor ? SL_CURSOR : (Slot)sp->slot, dl->text.s + sp->off);
    }
}

void detail_draw(App *a)
{
    WINDOW *w = a->w_detail;
    int width = a->lay.detail_r.w;
    werase(w);
    detail_ensure_built(a);
    title_bar(a, w, width);
    if (a->det.rec < 0) {
        draw_text(w, 2, 2, width - 4, SL_DIM, "No registration selected.");
        return;
    }
    int rows = detail_body_rows(a);
    for (int y = 0; y < rows; y++) {
        long i = a->det.top + y;
        if (i >= (long)a->det.lines.n)
            break;
        body_line(a, w, y + 1, i, width);
    }
}
