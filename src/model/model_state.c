/* What every part of the model asks: the clocks, the selection, whether the detail is on
 * screen, the search, the status message, and the refresh's marks. Calls nothing else of
 * the model. */
#include <stdarg.h>

#include "core/safetext.h"
#include "core/timeutil.h"
#include "model/model_internal.h"

int64_t model_now(const Model *m)
{
    return m->fixed_now ? m->fixed_now : time_now_ms();
}

int64_t model_mono(const Model *m)
{
    return m->mono();
}

long model_selected(const Model *m)
{
    return m->view.sel_rec;
}

bool model_search_matches(const Model *m, long rec)
{
    return m->search && rec >= 0 && filter_match(m->search, m->store.recs[rec]);
}

size_t model_search_count(const Model *m)
{
    size_t n = 0;
    for (size_t i = 0; m->search && i < m->view.n; i++)
        n += filter_match(m->search, m->store.recs[m->view.idx[i]]);
    return n;
}

bool model_detail_visible(const Model *m)
{
    return m->geo.detail_shown;
}

unsigned model_message(Model *m, Slot slot, int secs, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    safetext_vformat(m->msg.text, sizeof m->msg.text, fmt, ap);
    va_end(ap);
    m->msg.slot = slot;
    m->msg.until = secs ? m->mono() + secs * 1000 : 0;
    return R_STATUS;
}

bool model_row_marked(const Model *m, long rec)
{
    return rec >= 0 && (size_t)rec < m->ref.nmarks && m->ref.marks[rec];
}

unsigned refresh_seen(Model *m, long rec)
{
    View *v = &m->view;
    unsigned r = 0;
    if (v->pin_rec >= 0 && v->pin_rec != rec) { /* the cursor left it: it may take its place now */
        view_note_changed(v, (uint32_t)v->pin_rec);
        v->pin_rec = -1;
    }
    if (model_row_marked(m, rec)) {
        m->ref.marks[rec] = 0;
        m->ref.marked--;
        r = R_LIST | R_STATUS;
    }
    return r;
}
