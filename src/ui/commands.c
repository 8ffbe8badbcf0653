/* What each action does. Keys arrive here already mapped to an action through the one
 * action table (ui/actions.h); the prompt and the overlays see them first. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "core/timeutil.h"
#include "ui/actions.h"
#include "ui/app.h"
#include "model/views.h"

enum { SERVER_DEBOUNCE_MS = 400, WHEEL_ROWS = 3 };

bool search_matches(const App *a, long rec)
{
    return a->search && rec >= 0 && filter_match(a->search, a->store.recs[rec]);
}

/* ---- filter, views, sort ---------------------------------------------------------------------- */

void apply_filter_text(App *a, const char *text, bool from_prompt, FilterError *err, bool *ok)
{
    Filter *f = filter_compile(text, app_now(a), err);
    *ok = f != NULL;
    if (!f)
        return;
    view_set_filter(&a->view, &a->store, f);
    if (text != a->filter_text)
        snprintf(a->filter_text, sizeof a->filter_text, "%s", text);
    if (from_prompt) {
        const SavedView *v = views_get(a->view_no);
        char vf[LINEEDIT_MAX + 1];
        if (v)
            views_filter(v, app_now(a), vf, sizeof vf);
        if (!v || strcmp(vf, text))
            a->view_no = 0;
        a->load.server_due = time_mono_ms() + SERVER_DEBOUNCE_MS;
    }
    detail_follow(a);
    a->dirty |= D_LIST | D_HEADER | D_STATUS;
}

void apply_view(App *a, int n)
{
    const SavedView *v = views_get(n);
    if (!v)
        return;
    char text[LINEEDIT_MAX + 1];
    views_filter(v, app_now(a), text, sizeof text);
    a->view.sort = views_sort(v); /* the rebuild below sorts once */
    FilterError err;
    bool ok;
    apply_filter_text(a, text, false, &err, &ok);
    a->view_no = n;
    load_start(a, false);
    app_message(a, SL_STATUSBAR, 3, "view %d: %s", n, v->name);
}

static void set_sort(App *a, SortSpec s)
{
    view_set_sort(&a->view, &a->store, s);
    detail_follow(a);
    a->dirty |= D_LIST | D_HEADER | D_STATUS;
}

/* ---- search ------------------------------------------------------------------------------------ */

static void search_step(App *a, int dir)
{
    if (!a->search) {
        app_message(a, SL_STATUS_WARN, 3, "no search: f finds records");
        return;
    }
    long n = (long)a->view.n;
    for (long k = 1; k <= n; k++) {
        long pos = ((a->view.sel + dir * k) % n + n) % n;
        if (search_matches(a, a->view.idx[pos])) {
            bool wrapped = dir > 0 ? pos <= a->view.sel : pos >= a->view.sel;
            view_goto(&a->view, pos);
            detail_follow(a);
            a->dirty |= D_LIST | D_STATUS;
            if (wrapped)
                app_message(a, SL_STATUSBAR, 2, "search wrapped around");
            return;
        }
    }
    app_message(a, SL_STATUS_WARN, 3, "nothing in the list matches the search");
}

/* ---- detail pane ------------------------------------------------------------------------------------ */

static void open_detail(App *a)
{
    if (!a->lay.wide && !a->detail_open) {
        a->detail_open = true;
        a->dirty |= D_LAYOUT;
    }
    a->focus = FOCUS_DETAIL;
    detail_follow_now(a);
    detail_request(a, false);
    a->dirty |= D_LIST | D_DETAIL;
}

static void close_detail(App *a)
{
    a->focus = FOCUS_LIST;
    if (!a->lay.wide && a->detail_open) {
        a->detail_open = false;
        a->dirty |= D_LAYOUT;
    }
    a->dirty |= D_LIST | D_DETAIL;
}

static void toggle_section(App *a)
{
    DetailPane *d = &a->det;
    detail_ensure_built(a);
    if (d->cursor >= (long)d->lines.n)
        return;
    SectionId s = (SectionId)d->lines.lines[d->cursor].section;
    if (s == SEC_TOP || s == SEC_STATE)
        return;
    d->collapsed ^= 1u << s;
    detail_ensure_built(a);
    long at = dl_section_line(&d->lines, s);
    if (at >= 0)
        d->cursor = at;
    detail_scroll_to_cursor(a);
    a->dirty |= D_DETAIL;
}

static void jump_section(App *a, int dir)
{
    DetailPane *d = &a->det;
    detail_ensure_built(a);
    for (long i = d->cursor + dir; i >= 0 && i < (long)d->lines.n; i += dir) {
        if (d->lines.lines[i].header) {
            d->cursor = i;
            d->top = i; /* a section starts at the top of the pane */
            detail_scroll_to_cursor(a);
            a->dirty |= D_DETAIL;
            return;
        }
    }
}

/* Enter inside the detail: follow a related record, or fold a section. */
static void detail_enter(App *a)
{
    DetailPane *d = &a->det;
    if (d->cursor >= (long)d->lines.n)
        return;
    const DLine *l = &d->lines.lines[d->cursor];
    if (l->link >= 0) {
        if (view_select_rec(&a->view, l->link)) {
            detail_follow_now(a);
            detail_request(a, false);
            a->dirty |= D_LIST | D_DETAIL | D_STATUS;
        } else {
            app_message(a, SL_STATUS_WARN, 4, "that registration is not in this view (1 shows all)");
        }
    } else if (l->header) {
        toggle_section(a);
    }
}

/* ---- dispatch --------------------------------------------------------------------------------------- */

static bool in_detail(const App *a)
{
    return a->focus == FOCUS_DETAIL && app_detail_visible(a);
}

static void move_selection(App *a, ActionId act)
{
    long rows = in_detail(a) ? detail_body_rows(a) : a->view.rows;
    long delta = act == ACT_DOWN ? 1 : act == ACT_UP ? -1 : act == ACT_PAGE_DOWN ? rows : act == ACT_PAGE_UP ? -rows
               : act == ACT_HALF_DOWN ? rows / 2 : -rows / 2;
    if (delta == 0)
        delta = act == ACT_HALF_UP ? -1 : 1;
    if (in_detail(a)) {
        if (act == ACT_FIRST || act == ACT_LAST)
            detail_move(a, act == ACT_FIRST ? -(long)a->det.lines.n : (long)a->det.lines.n);
        else
            detail_move(a, delta);
        return;
    }
    if (act == ACT_FIRST || act == ACT_LAST)
        view_goto(&a->view, act == ACT_FIRST ? 0 : (long)a->view.n - 1);
    else if (act == ACT_PAGE_DOWN || act == ACT_PAGE_UP || act == ACT_HALF_DOWN || act == ACT_HALF_UP)
        view_page(&a->view, act == ACT_PAGE_DOWN ? 2 : act == ACT_PAGE_UP ? -2 : act == ACT_HALF_DOWN ? 1 : -1);
    else
        view_move(&a->view, delta);
    detail_follow(a);
    a->dirty |= D_LIST | D_STATUS;
}

static void help_key(App *a, ActionId act)
{
    long page = a->lay.rows - 4;
    switch (act) {
    case ACT_DOWN: a->help_top++; break;
    case ACT_UP: a->help_top--; break;
    case ACT_PAGE_DOWN: case ACT_HALF_DOWN: a->help_top += page; break;
    case ACT_PAGE_UP: case ACT_HALF_UP: a->help_top -= page; break;
    case ACT_FIRST: a->help_top = 0; break;
    case ACT_LAST: a->help_top = help_line_count(a); break;
    case ACT_CLOSE: case ACT_QUIT: case ACT_HELP:
        a->overlay = OV_NONE;
        a->dirty |= D_LAYOUT;
        return;
    default: return;
    }
    a->dirty |= D_OVERLAY;
}

static void sort_key(App *a, ActionId act)
{
    switch (act) {
    case ACT_DOWN: a->sort_cursor = (a->sort_cursor + 1) % SORT__COUNT; break;
    case ACT_UP: a->sort_cursor = (a->sort_cursor + SORT__COUNT - 1) % SORT__COUNT; break;
    case ACT_OPEN: {
        SortSpec s = a->view.sort;
        if (s.key == (SortKey)a->sort_cursor) {
            s.descending = !s.descending;
        } else {
            s.key = (SortKey)a->sort_cursor;
            /* Times newest first, counts most first, text A to Z, age oldest first. */
            s.descending = s.key == SORT_CREATED || s.key == SORT_UPDATED || s.key == SORT_FLAGS ||
                           s.key == SORT_FAILED;
        }
        set_sort(a, s);
        a->overlay = OV_NONE;
        a->dirty |= D_LAYOUT;
        return;
    }
    case ACT_CLOSE: case ACT_QUIT: case ACT_SORT:
        a->overlay = OV_NONE;
        a->dirty |= D_LAYOUT;
        return;
    default: return;
    }
    a->dirty |= D_OVERLAY;
}

static void close_action(App *a)
{
    if (a->zoom) {
        a->zoom = false;
        a->dirty |= D_LAYOUT;
    } else if (a->focus == FOCUS_DETAIL || (!a->lay.wide && a->detail_open)) {
        close_detail(a);
    } else if (*a->msg) {
        a->msg[0] = '\0';
        a->dirty |= D_STATUS;
    } else if (a->search) {
        filter_free(a->search);
        a->search = NULL;
        a->search_text[0] = '\0';
        a->dirty |= D_LIST | D_HEADER;
    }
}

static void detail_action(App *a, ActionId act)
{
    detail_follow_now(a); /* a key aimed at the pane means the selected record */
    switch (act) {
    case ACT_OPEN:
        if (in_detail(a))
            detail_enter(a);
        else
            open_detail(a);
        break;
    case ACT_FOCUS:
        if (!app_detail_visible(a))
            open_detail(a);
        else
            a->focus = a->focus == FOCUS_LIST ? FOCUS_DETAIL : FOCUS_LIST;
        a->dirty |= D_LIST | D_DETAIL;
        break;
    case ACT_ZOOM:
        a->zoom = !a->zoom;
        if (a->zoom)
            open_detail(a);
        a->dirty |= D_LAYOUT;
        break;
    case ACT_TOGGLE_SECTION: toggle_section(a); break;
    case ACT_COLLAPSE_ALL: a->det.collapsed = ~((1u << SEC_TOP) | (1u << SEC_STATE)); a->det.cursor = 0; break;
    case ACT_EXPAND_ALL: a->det.collapsed = 0; break;
    case ACT_NEXT_SECTION: jump_section(a, +1); break;
    case ACT_PREV_SECTION: jump_section(a, -1); break;
    case ACT_RAW_CODES:
        a->det.raw_codes = !a->det.raw_codes;
        app_message(a, SL_STATUSBAR, 3, "raw failure codes %s", a->det.raw_codes ? "shown" : "hidden");
        break;
    case ACT_RAW_JSON:
        a->det.raw_json = !a->det.raw_json;
        a->det.top = a->det.cursor = 0;
        if (a->det.raw_json)
            open_detail(a);
        break;
    default: break;
    }
    a->dirty |= D_DETAIL;
}

static void other_action(App *a, ActionId act, Key k)
{
    switch (act) {
    case ACT_FILTER: prompt_open(a, PR_FILTER); break;
    case ACT_SEARCH: prompt_open(a, PR_SEARCH); break;
    case ACT_SEARCH_NEXT: search_step(a, +1); break;
    case ACT_SEARCH_PREV: search_step(a, -1); break;
    case ACT_SORT:
        a->overlay = OV_SORT;
        a->sort_cursor = a->view.sort.key;
        a->dirty |= D_LAYOUT;
        break;
    case ACT_REVERSE: set_sort(a, (SortSpec){ a->view.sort.key, !a->view.sort.descending }); break;
    case ACT_VIEW: apply_view(a, (int)(k - '0')); break;
    case ACT_RELOAD:
        load_start(a, true);
        if (app_detail_visible(a)) {
            detail_follow_now(a);
            detail_request(a, true);
        }
        app_message(a, SL_STATUSBAR, 2, "reloading");
        break;
    case ACT_MOUSE:
        app_set_mouse(a, !a->mouse);
        app_message(a, SL_STATUSBAR, 3, "mouse %s", a->mouse ? "on" : "off: the terminal selects text");
        break;
    case ACT_REDRAW:
        clearok(curscr, TRUE);
        a->dirty |= D_ALL;
        break;
    case ACT_HELP:
        a->overlay = OV_HELP;
        a->help_top = 0;
        a->dirty |= D_LAYOUT;
        break;
    case ACT_CLOSE: close_action(a); break;
    case ACT_QUIT: a->quit = true; break;
    default: break;
    }
}

void command_key(App *a, Key k)
{
    if (a->prompt.kind != PR_NONE) {
        prompt_key(a, k);
        return;
    }
    ActionId act = keymap_lookup(k, false);
    if (a->overlay == OV_HELP) {
        help_key(a, act);
        return;
    }
    if (a->overlay == OV_SORT) {
        sort_key(a, act);
        return;
    }
    if (act == ACT_NONE) {
        char name[16];
        key_to_label(k, name, sizeof name);
        app_message(a, SL_STATUSBAR, 2, "%s does nothing here; ? lists the keys", name);
        return;
    }
    const ActionInfo *ai = action_info(act);
    if ((ai->flags & AF_RECORD) && app_selected(a) < 0) {
        app_message(a, SL_STATUS_WARN, 2, "no registration selected");
        return;
    }
    if (ai->group == G_MOVE && act != ACT_NEXT_RECORD && act != ACT_PREV_RECORD) {
        move_selection(a, act);
    } else if (act == ACT_NEXT_RECORD || act == ACT_PREV_RECORD) {
        view_move(&a->view, act == ACT_NEXT_RECORD ? 1 : -1);
        detail_follow(a);
        a->dirty |= D_LIST | D_STATUS;
    } else if (ai->group == G_DETAIL) {
        detail_action(a, act);
    } else {
        other_action(a, act, k);
    }
}

/* ---- mouse ------------------------------------------------------------------------------------------- */

static bool inside(const Rect *r, int y, int x)
{
    return y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w;
}

void command_mouse(App *a, int y, int x, int button)
{
    if (a->prompt.kind != PR_NONE || a->lay.too_small)
        return;
    if (a->overlay != OV_NONE) {
        if (button == 4 || button == 5)
            command_key(a, button == 4 ? K_UP : K_DOWN);
        else
            command_key(a, K_ESC);
        return;
    }
    const Layout *l = &a->lay;
    bool in_list = l->list && inside(&l->list_r, y, x);
    bool in_det = l->detail && inside(&l->detail_r, y, x);
    if (button == 4 || button == 5) {
        long d = button == 4 ? -WHEEL_ROWS : WHEEL_ROWS;
        if (in_det) {
            detail_move(a, d);
        } else if (in_list) {
            view_scroll(&a->view, d);
            detail_follow(a);
            a->dirty |= D_LIST | D_STATUS;
        }
        return;
    }
    if (in_list && y > l->list_r.y) {
        long pos = a->view.top + (y - l->list_r.y - 1);
        if (pos < (long)a->view.n) {
            view_goto(&a->view, pos);
            a->focus = FOCUS_LIST;
            detail_follow(a);
            a->dirty |= D_LIST | D_DETAIL | D_STATUS;
        }
    } else if (in_det && y > l->detail_r.y) {
        a->focus = FOCUS_DETAIL;
        a->det.cursor = a->det.top + (y - l->detail_r.y - 1);
        detail_move(a, 0);
        a->dirty |= D_LIST | D_DETAIL;
    }
}
