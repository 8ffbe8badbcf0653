/* What every part of the model that writes records shares: putting a record into the
 * store (and telling the view, the detail pane, the counts and the refresh marks),
 * merging what is pending into the view, and writing an audit line. Called by model.c
 * and the actions' files; calls only model_load.c, model_detail.c and model_state.c. */
#include <string.h>

#include "core/timeutil.h"
#include "model/model_internal.h"

enum { VIEW_MERGE_MS = 150 }; /* while pages arrive, the list takes them in this often */

unsigned model_touched(Model *m, size_t idx, bool inserted)
{
    if (inserted) {
        view_note_new(&m->view, (uint32_t)idx);
        counts_add(m, idx);
    } else {
        view_note_changed(&m->view, (uint32_t)idx);
        m->counts.dirty = true;
    }
    return detail_record_changed(m, (long)idx);
}

unsigned model_put_detail(Model *m, Detail *d, size_t *idx_out)
{
    bool was = store_find(&m->store, summary_str(d->summary, SS_ID)) >= 0;
    size_t idx = store_put_detail(&m->store, d);
    if (idx_out)
        *idx_out = idx;
    unsigned r = model_touched(m, idx, !was) | R_DETAIL | R_STATUS;
    if ((long)idx == m->det.rec)
        m->det.fetch_due = 0; /* it is here: nothing left to fetch */
    if ((long)idx == m->det.err_rec)
        m->det.err_rec = -1;
    return r;
}

unsigned model_put_summary(Model *m, Summary *s, size_t *idx_out)
{
    bool ins;
    size_t idx = store_put(&m->store, s, &ins);
    if (idx_out)
        *idx_out = idx;
    return model_touched(m, idx, ins);
}

unsigned model_merge_pending(Model *m)
{
    unsigned r = 0;
    if (view_has_pending(&m->view) && !view_busy(&m->view)) { /* a slice rebuild takes them when it lands */
        view_sync(&m->view, &m->store);
        m->view_due = m->mono() + VIEW_MERGE_MS;
        r |= R_LIST | R_STATUS | R_SEL_MOVED;
    }
    if (m->counts.dirty) {
        counts_recount(m);
        r |= R_HEADER;
    }
    return r;
}

bool model_audit_ready(Model *m, char *err, size_t n)
{
    return m->host.audit_ready && m->host.audit_ready(m->host.ctx, err, n);
}

bool model_audit(Model *m, const AuditEvent *ev)
{
    char err[600];
    if (m->host.audit && m->host.audit(m->host.ctx, ev, err, sizeof err))
        return true;
    const char *done = ev->outcome == AO_OK        ? "was done"
                       : ev->outcome == AO_UNKNOWN ? "may have been done"
                                                   : "was not done";
    model_message(m, SL_STATUS_ERR, 0, "%s: the %s itself %s, but it left no trace here; note it by hand",
                  m->host.audit ? err : "no audit log", ev->action, done);
    return false;
}
