/* The list: filter, saved views, sort, search, and moving the selection. */
#include <stdio.h>
#include <string.h>

#include "model/model_internal.h"

enum { SERVER_DEBOUNCE_MS = 400 };

/* ---- filter, views, sort ------------------------------------------------------------------ */

unsigned model_set_filter(Model *m, const char *text, bool typed, FilterError *err, bool *ok)
{
    Filter *f = filter_compile(text, model_now(m), err);
    *ok = f != NULL;
    if (!f)
        return 0;
    view_set_filter(&m->view, &m->store, f);
    if (text != m->filter_text)
        snprintf(m->filter_text, sizeof m->filter_text, "%s", text);
    if (typed) {
        const SavedView *v = model_view(m, m->view_no);
        if (!v || strcmp(v->filter, text))
            m->view_no = 0;
        m->load.server_due = m->mono() + SERVER_DEBOUNCE_MS;
    }
    return model_settle(m, R_LIST | R_HEADER | R_STATUS | R_SEL_MOVED);
}

const SavedView *model_view(const Model *m, int n)
{
    return n >= 1 && (size_t)n <= m->nviews ? &m->views[n - 1] : NULL;
}

unsigned model_apply_view(Model *m, int n)
{
    const SavedView *v = model_view(m, n);
    if (!v)
        return 0;
    m->view.sort = views_sort(v); /* the rebuild below sorts once */
    FilterError err;
    bool ok;
    unsigned r = model_set_filter(m, v->filter, false, &err, &ok);
    if (!ok) /* config views are checked when read; this is a last guard */
        return r | model_message(m, SL_STATUS_ERR, 0, "view %d (%s) was not applied: %s", n, v->name, err.msg);
    /* Another view is another list: it opens at its top, and the selection stays on its
     * record only if that record is on this first screen (not on row 2981 of 3000). */
    view_show_top(&m->view);
    m->view_no = n;
    r |= model_load(m, false);
    return model_settle(m, r | R_SEL_MOVED | model_message(m, SL_STATUSBAR, 3, "view %d: %s", n, v->name));
}

unsigned model_set_sort(Model *m, SortSpec s)
{
    view_set_sort(&m->view, &m->store, s);
    return model_settle(m, R_LIST | R_HEADER | R_STATUS | R_SEL_MOVED);
}

/* ---- search ------------------------------------------------------------------------------- */

/* Incremental find: the first match at or after from_rec. */
static unsigned search_from(Model *m, long from_rec)
{
    if (!m->search || !m->view.n)
        return 0;
    long start = view_find(&m->view, from_rec);
    if (start < 0)
        start = 0;
    for (size_t k = 0; k < m->view.n; k++) {
        long pos = (start + (long)k) % (long)m->view.n;
        if (filter_match(m->search, m->store.recs[m->view.idx[pos]])) {
            view_goto(&m->view, pos);
            return R_SEL_MOVED;
        }
    }
    return 0;
}

unsigned model_set_search(Model *m, const char *text, long from_rec, FilterError *err, bool *ok)
{
    Filter *f = filter_compile(text, model_now(m), err);
    *ok = f != NULL;
    if (!f)
        return R_STATUS;
    filter_free(m->search);
    m->search = f;
    if (filter_is_empty(f)) {
        filter_free(f);
        m->search = NULL;
    }
    snprintf(m->search_text, sizeof m->search_text, "%s", m->search ? text : "");
    return model_settle(m, R_LIST | R_HEADER | R_STATUS | search_from(m, from_rec));
}

unsigned model_search_step(Model *m, int dir)
{
    if (!m->search)
        return model_message(m, SL_STATUS_WARN, 3, "no search: f finds records");
    long n = (long)m->view.n;
    for (long k = 1; k <= n; k++) {
        long pos = ((m->view.sel + dir * k) % n + n) % n;
        if (model_search_matches(m, m->view.idx[pos])) {
            bool wrapped = dir > 0 ? pos <= m->view.sel : pos >= m->view.sel;
            view_goto(&m->view, pos);
            unsigned r = R_SEL_MOVED;
            if (wrapped)
                r |= model_message(m, SL_STATUSBAR, 2, "search wrapped around");
            return model_settle(m, r);
        }
    }
    return model_message(m, SL_STATUS_WARN, 3, "nothing in the list matches the search");
}

/* ---- moving ------------------------------------------------------------------------------- */

unsigned model_list_nav(Model *m, Nav nav)
{
    View *v = &m->view;
    switch (nav) {
    case NAV_DOWN: view_move(v, 1); break;
    case NAV_UP: view_move(v, -1); break;
    case NAV_PAGE_DOWN: view_page(v, 2); break;
    case NAV_PAGE_UP: view_page(v, -2); break;
    case NAV_HALF_DOWN: view_page(v, 1); break;
    case NAV_HALF_UP: view_page(v, -1); break;
    case NAV_FIRST: view_goto(v, 0); break;
    case NAV_LAST: view_goto(v, (long)v->n - 1); break;
    }
    return model_settle(m, R_SEL_MOVED);
}

unsigned model_list_goto(Model *m, long pos)
{
    if (pos < 0 || pos >= (long)m->view.n)
        return 0;
    view_goto(&m->view, pos);
    m->focus = FOCUS_LIST;
    return model_settle(m, R_SEL_MOVED | R_DETAIL);
}

unsigned model_list_scroll(Model *m, long delta)
{
    view_scroll(&m->view, delta);
    return model_settle(m, R_SEL_MOVED);
}

bool model_select(Model *m, long rec, unsigned *react)
{
    bool found = view_select_rec(&m->view, rec);
    *react = found ? model_settle(m, R_SEL_MOVED) : 0;
    return found;
}
