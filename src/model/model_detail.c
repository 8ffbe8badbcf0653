/* The detail pane's model: which record it shows (following the selection once it
 * rests), fetching its populated form (debounced), its lines (rebuilt only when what
 * they show changed), the cursor and scroll, and the keys aimed at it. */
#include <stdio.h>
#include <string.h>

#include "model/model_internal.h"

enum {
    FOLLOW_REST_MS = 120,      /* the selection must rest this long before the pane follows it */
    FETCH_DEBOUNCE_MS = 250,   /* ... and this long (from its last move) before a fetch */
    RELATED_REFRESH_MS = 1000, /* while pages arrive, related hits refresh this often */
};

static DetailState state_of(const Model *m, long rec)
{
    const DetailModel *d = &m->det;
    if (rec < 0)
        return DS_NOT_REQUESTED;
    if (store_detail(&m->store, (size_t)rec))
        return DS_LOADED;
    if (m->source)
        return DS_NOT_REQUESTED; /* and never asked for: the export is all there is */
    if ((d->job && d->job_rec == rec) || (d->fetch_due && d->rec == rec))
        return DS_LOADING;
    if (d->err_rec == rec)
        return DS_ERROR;
    return DS_NOT_REQUESTED;
}

DetailState model_detail_state(const Model *m)
{
    return state_of(m, m->det.rec);
}

/* ---- following and fetching ----------------------------------------------------------------- */

unsigned detail_request(Model *m, bool force)
{
    DetailModel *d = &m->det;
    d->fetch_due = 0;
    long rec = d->rec;
    if (m->source)
        return 0; /* an export holds what it holds: nothing is asked of the API */
    if (rec < 0 || (!force && store_detail(&m->store, (size_t)rec)) || (d->job && d->job_rec == rec))
        return 0;
    const Summary *s = m->store.recs[rec];
    const char *id = summary_str(s, SS_ID);
    if (!*id || (s->invalid & SUMF_ID)) {
        d->err_rec = rec;
        snprintf(d->err, sizeof d->err, "its id arrived malformed, so it cannot be asked for");
        return R_DETAIL;
    }
    if (d->job) /* the record the user moved away from is not wanted any more */
        m->jobs.cancel_job(m->jobs.ctx, d->job);
    d->job = m->jobs.retrieve(m->jobs.ctx, id, m->gen);
    d->job_since = m->mono();
    d->job_rec = rec;
    if (d->err_rec == rec)
        d->err_rec = -1;
    return R_DETAIL;
}

void detail_job_cancelled(Model *m)
{
    if (!m->det.job)
        return;
    m->det.job = 0;
    if (model_detail_visible(m))
        m->det.fetch_due = m->mono();
}

/* Shows record rec from its top; its fetch is due at fetch_at when the pane is on screen
 * and only the summary is here. */
static unsigned show(Model *m, long rec, int64_t fetch_at)
{
    DetailModel *d = &m->det;
    d->follow_due = 0;
    if (rec == d->rec)
        return 0;
    d->rec = rec;
    d->top = d->cursor = 0;
    if (rec >= 0 && model_detail_visible(m) && !store_detail(&m->store, (size_t)rec))
        d->fetch_due = fetch_at;
    else
        d->fetch_due = 0;
    return R_DETAIL;
}

/* The one place where "the selection moved" becomes the pane following it (and the list
 * and the status, which show the selection, redrawn). */
unsigned model_settle(Model *m, unsigned r)
{
    if (r & R_SEL_MOVED) {
        r |= R_LIST | R_STATUS | privacy_follow(m) | detail_follow(m);
        r |= refresh_seen(m, model_selected(m)); /* its mark is seen, a pinned row let go */
    }
    return r;
}

unsigned detail_follow(Model *m)
{
    DetailModel *d = &m->det;
    long rec = model_selected(m);
    if (rec == d->rec) {
        d->follow_due = 0; /* back where it was: the pane already shows it */
        return 0;
    }
    int64_t now = m->mono();
    if (d->rec >= 0 && rec >= 0 && model_detail_visible(m)) {
        d->follow_due = now + FOLLOW_REST_MS; /* one record for another: wait for rest */
        return 0;
    }
    return show(m, rec, now + FETCH_DEBOUNCE_MS);
}

/* The shown record stayed, but what it needs may not have: its fetch is due when the
 * pane is on screen and the record is neither loaded, asked for, due nor failed. */
static void fetch_if_needed(Model *m)
{
    DetailModel *d = &m->det;
    if (d->rec >= 0 && model_detail_visible(m) && state_of(m, d->rec) == DS_NOT_REQUESTED)
        d->fetch_due = m->mono() + FETCH_DEBOUNCE_MS;
}

unsigned detail_follow_now(Model *m)
{
    unsigned r = show(m, model_selected(m), m->mono() + FETCH_DEBOUNCE_MS);
    fetch_if_needed(m); /* the same record, on a pane that may have just appeared */
    return r;
}

unsigned model_detail_show_selected(Model *m)
{
    return detail_follow_now(m);
}

unsigned detail_record_changed(Model *m, long rec)
{
    if (rec != m->det.rec)
        return 0;
    m->det.built.valid = false;
    fetch_if_needed(m); /* it changed on the server and its old full form was dropped */
    return R_DETAIL;
}

int64_t detail_tick(Model *m, int64_t now, unsigned *r)
{
    DetailModel *d = &m->det;
    if (d->follow_due) {
        if (now < d->follow_due)
            return d->follow_due; /* the fetch waits too: it is for the record shown next */
        /* It rested FOLLOW_REST_MS already; the fetch keeps its debounce from the move. */
        *r |= show(m, model_selected(m), now + FETCH_DEBOUNCE_MS - FOLLOW_REST_MS);
    }
    if (d->fetch_due && now >= d->fetch_due)
        *r |= detail_request(m, false);
    return d->fetch_due;
}

/* ---- the lines ----------------------------------------------------------------------------- */

/* Whether the lines must be rebuilt for this width and state. */
static bool stale(const Model *m, int width, DetailState st)
{
    const DetailModel *d = &m->det;
    if (!d->built.valid || d->built.rec != d->rec || d->built.width != width || d->built.collapsed != d->collapsed ||
        d->built.raw_codes != d->raw_codes || d->built.raw_json != d->raw_json || d->built.state != st ||
        d->built.mask != model_mask_for(m, d->rec))
        return true;
    if (d->built.det != store_detail(&m->store, (size_t)d->rec) || d->built.sum != m->store.recs[d->rec])
        return true;
    /* Other records changed: the related section may differ; refresh, but not for every
     * page that arrives. */
    return d->built.store_version != m->store.version &&
           (!m->load.active || m->mono() - d->built.at >= RELATED_REFRESH_MS);
}

static void scroll_to_cursor(Model *m)
{
    DetailModel *d = &m->det;
    long rows = m->geo.detail_rows;
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

const DLines *model_detail_lines(Model *m)
{
    DetailModel *d = &m->det;
    if (d->rec < 0 || (size_t)d->rec >= m->store.n)
        return &d->lines;
    int width = m->geo.detail_width < 10 ? 10 : m->geo.detail_width;
    DetailState st = state_of(m, d->rec);
    if (!stale(m, width, st))
        return &d->lines;
    dl_reset(&d->lines, width, d->collapsed);
    DetailCtx c = { .st = &m->store, .rec = (size_t)d->rec, .rel = m->related, .now_ms = model_now(m), .sla_ms = m->sla_ms,
                    .raw_codes = d->raw_codes, .raw_json = d->raw_json, .mask = model_mask_for(m, d->rec),
                    .state = st, .error = d->err, .source = m->source };
    detail_build(&d->lines, &c);
    d->built.valid = true;
    d->built.rec = d->rec;
    d->built.width = width;
    d->built.collapsed = d->collapsed;
    d->built.raw_codes = d->raw_codes;
    d->built.raw_json = d->raw_json;
    d->built.mask = c.mask;
    d->built.state = st;
    d->built.det = store_detail(&m->store, (size_t)d->rec);
    d->built.sum = m->store.recs[d->rec];
    d->built.store_version = m->store.version;
    d->built.at = m->mono();
    long last = (long)d->lines.n - 1;
    if (d->cursor > last)
        d->cursor = last < 0 ? 0 : last;
    scroll_to_cursor(m);
    return &d->lines;
}

/* ---- moving ----------------------------------------------------------------------------------- */

unsigned model_detail_move(Model *m, long delta)
{
    DetailModel *d = &m->det;
    long last = (long)d->lines.n - 1;
    d->cursor += delta;
    if (d->cursor > last)
        d->cursor = last;
    if (d->cursor < 0)
        d->cursor = 0;
    scroll_to_cursor(m);
    return R_DETAIL;
}

unsigned model_detail_nav(Model *m, Nav nav)
{
    long rows = m->geo.detail_rows, n = (long)m->det.lines.n;
    long delta = nav == NAV_DOWN ? 1 : nav == NAV_UP ? -1 : nav == NAV_PAGE_DOWN ? rows : nav == NAV_PAGE_UP ? -rows
               : nav == NAV_HALF_DOWN ? rows / 2 : nav == NAV_HALF_UP ? -rows / 2 : nav == NAV_FIRST ? -n : n;
    if (delta == 0)
        delta = nav == NAV_HALF_UP ? -1 : 1;
    return model_detail_move(m, delta);
}

unsigned model_detail_click(Model *m, long line)
{
    m->focus = FOCUS_DETAIL;
    m->det.cursor = m->det.top + line;
    return model_detail_move(m, 0) | R_LIST;
}

/* ---- sections -------------------------------------------------------------------------------- */

unsigned model_toggle_section(Model *m)
{
    DetailModel *d = &m->det;
    model_detail_lines(m);
    if (d->cursor >= (long)d->lines.n)
        return 0;
    SectionId s = (SectionId)d->lines.lines[d->cursor].section;
    if (s == SEC_TOP || s == SEC_STATE)
        return 0;
    d->collapsed ^= 1u << s;
    model_detail_lines(m);
    long at = dl_section_line(&d->lines, s);
    if (at >= 0)
        d->cursor = at;
    scroll_to_cursor(m);
    return R_DETAIL;
}

unsigned model_fold_all(Model *m, bool collapse)
{
    m->det.collapsed = collapse ? ~((1u << SEC_TOP) | (1u << SEC_STATE)) : 0;
    if (collapse)
        m->det.cursor = 0;
    return R_DETAIL;
}

unsigned model_jump_section(Model *m, int dir)
{
    DetailModel *d = &m->det;
    model_detail_lines(m);
    for (long i = d->cursor + dir; i >= 0 && i < (long)d->lines.n; i += dir) {
        if (d->lines.lines[i].header) {
            d->cursor = i;
            d->top = i; /* a section starts at the top of the pane */
            scroll_to_cursor(m);
            return R_DETAIL;
        }
    }
    return 0;
}

/* ---- opening, focus, zoom ------------------------------------------------------------------- */

unsigned model_open_detail(Model *m)
{
    unsigned r = R_LIST | R_DETAIL;
    if (!m->geo.wide && !m->detail_open) {
        m->detail_open = true;
        r |= R_LAYOUT;
    }
    m->focus = FOCUS_DETAIL;
    r |= detail_follow_now(m);
    return r | detail_request(m, false);
}

/* Enter inside the pane: follow a related record, or fold a section. */
unsigned model_detail_enter(Model *m)
{
    DetailModel *d = &m->det;
    if (d->cursor >= (long)d->lines.n)
        return 0;
    const DLine *l = &d->lines.lines[d->cursor];
    if (l->link < 0)
        return l->header ? model_toggle_section(m) : 0;
    if (!view_select_rec(&m->view, l->link))
        return model_message(m, SL_STATUS_WARN, 4, "that registration is not in this view (1 shows all)");
    return detail_follow_now(m) | detail_request(m, false) | R_LIST | R_DETAIL | R_STATUS;
}

unsigned model_toggle_focus(Model *m)
{
    if (!model_detail_visible(m))
        return model_open_detail(m);
    m->focus = m->focus == FOCUS_LIST ? FOCUS_DETAIL : FOCUS_LIST;
    return R_LIST | R_DETAIL;
}

unsigned model_toggle_zoom(Model *m)
{
    m->zoom = !m->zoom;
    unsigned r = R_LAYOUT | R_DETAIL;
    if (m->zoom)
        r |= model_open_detail(m);
    return r;
}

unsigned model_toggle_raw_codes(Model *m)
{
    m->det.raw_codes = !m->det.raw_codes;
    return R_DETAIL | model_message(m, SL_STATUSBAR, 3, "raw failure codes %s", m->det.raw_codes ? "shown" : "hidden");
}

unsigned model_toggle_raw_json(Model *m)
{
    m->det.raw_json = !m->det.raw_json;
    m->det.top = m->det.cursor = 0;
    dfind_clear(&m->det.find); /* it searched the text that goes */
    return R_DETAIL | (m->det.raw_json ? model_open_detail(m) : 0);
}

/* ---- finding text in the raw view ------------------------------------------------------------ */

unsigned model_detail_goto(Model *m, long line)
{
    m->det.cursor = line;
    return model_detail_move(m, 0);
}

unsigned model_detail_find(Model *m, const char *text, long from)
{
    DetailModel *d = &m->det;
    dfind_set(&d->find, text);
    bool wrapped;
    long at = dfind_line(&d->find, model_detail_lines(m), from, +1, &wrapped);
    return R_STATUS | (at >= 0 ? model_detail_goto(m, at) : R_DETAIL);
}

unsigned model_detail_find_step(Model *m, int dir)
{
    DetailModel *d = &m->det;
    if (!dfind_active(&d->find))
        return model_message(m, SL_STATUS_WARN, 3, "no search: / finds text in the record's JSON");
    bool wrapped;
    long at = dfind_line(&d->find, model_detail_lines(m), d->cursor + dir, dir, &wrapped);
    if (at < 0)
        return model_message(m, SL_STATUS_WARN, 3, "nothing in the record's JSON holds \"%s\"", d->find.text);
    unsigned r = model_detail_goto(m, at);
    return r | (wrapped ? model_message(m, SL_STATUSBAR, 2, "search wrapped around") : 0);
}

size_t model_detail_find_count(Model *m)
{
    return dfind_count(&m->det.find, model_detail_lines(m));
}
