/* The decision dialog's state machine (model/acts.h): edit the note, re-read the record,
 * send the override only when nobody decided it meanwhile, and after the answer move to
 * the next case; a lost answer is settled by reading the record back. Every decision
 * that was sent, or refused because of a conflict, leaves one audit line. */
#include <stdio.h>
#include <string.h>

#include "core/safetext.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "model/model_internal.h"

static bool in_flight(const Decision *d)
{
    return d->state == DD_CHECK || d->state == DD_SEND || d->state == DD_VERIFY;
}

bool model_decide_busy(const Model *m)
{
    return in_flight(&m->dec);
}

const char *const *model_labels(const Model *m, size_t *n)
{
    *n = m->labels ? m->n_labels : DECISION_LABELS_DEFAULT_N;
    return m->labels ? m->labels : DECISION_LABELS_DEFAULT;
}

bool model_row_pending(const Model *m, long rec, Status *to)
{
    if (!in_flight(&m->dec) || m->dec.rec != rec)
        return false;
    *to = m->dec.to;
    return true;
}

static bool blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n')
            return false;
    return true;
}

/* ---- the dialog ------------------------------------------------------------------------ */

unsigned model_decide_open(Model *m, Status to)
{
    Decision *d = &m->dec;
    if (m->source)
        return model_needs_api(m, "deciding");
    if (in_flight(d))
        return model_message(m, SL_STATUS_WARN, 3, "a decision is on its way; wait for its answer");
    long rec = model_selected(m);
    if (rec < 0)
        return model_message(m, SL_STATUS_WARN, 2, "no registration selected");
    const Summary *s = m->store.recs[rec];
    const char *id = summary_str(s, SS_ID);
    if (!*id || (s->invalid & SUMF_ID))
        return model_message(m, SL_STATUS_ERR, 4, "its id arrived malformed, so it cannot be decided");
    if (summary_status(s) == to)
        return model_message(m, SL_STATUS_WARN, 4, "%s is already %s: a decision would change nothing", id,
                             status_name(to));
    const Detail *det = store_detail(&m->store, (size_t)rec);
    if (strcmp(d->draft_id, id))
        d->note[0] = '\0'; /* a draft is kept only for its own record */
    d->state = DD_EDIT;
    d->rec = rec;
    snprintf(d->id, sizeof d->id, "%s", id);
    d->from = summary_status(s);
    d->to = to;
    d->opened = decision_base(s, det);
    d->closed_by[0] = d->why[0] = d->progress[0] = '\0';
    if (status_is_final(d->from))
        decision_who(det, model_now(m), d->closed_by, sizeof d->closed_by);
    d->label = -1;
    d->job = 0;
    unsigned r = R_OVERLAY | R_LIST;
    if (!det) { /* its review log is part of what was opened: fetch it */
        r |= detail_follow_now(m);
        r |= detail_request(m, false);
    }
    return model_settle(m, r);
}

unsigned model_decide_label(Model *m, int dir, char *note, size_t n)
{
    Decision *d = &m->dec;
    size_t nl;
    const char *const *labels = model_labels(m, &nl);
    if (d->state != DD_EDIT || !nl)
        return 0;
    d->label = d->label < 0 ? (dir > 0 ? 0 : (int)nl - 1) : (int)((d->label + dir + (int)nl) % (int)nl);
    char out[ACT_NOTE_MAX + 1];
    decision_note_with_label(note, labels, nl, labels[d->label], out, sizeof out);
    snprintf(note, n, "%s", out);
    return R_OVERLAY;
}

/* The note as it will be sent: display-safe (it reaches other people's screens), lines
 * and all, cut on a character boundary. */
static void keep_draft(Decision *d, const char *note)
{
    StrBuf b = STRBUF_INIT;
    safetext_append(&b, note, strlen(note), SAFE_MULTILINE);
    size_t k = utf8_prefix(strbuf_cstr(&b), b.len, sizeof d->note - 1);
    memcpy(d->note, strbuf_cstr(&b), k);
    d->note[k] = '\0';
    strbuf_free(&b);
    snprintf(d->draft_id, sizeof d->draft_id, "%s", d->id);
}

unsigned model_decide_confirm(Model *m, const char *note)
{
    Decision *d = &m->dec;
    if (d->state == DD_CONFLICT) {
        d->state = DD_NONE;
        return R_OVERLAY | R_LAYOUT;
    }
    if (d->state != DD_EDIT)
        return 0;
    keep_draft(d, note);
    if (blank(d->note)) {
        snprintf(d->why, sizeof d->why, "a note is required: say why (it goes into the registration's review log)");
        return R_OVERLAY;
    }
    if (!model_audit_ready(m, d->why, sizeof d->why))
        return R_OVERLAY; /* a decision that leaves no trace is worse than none */
    d->why[0] = d->progress[0] = '\0';
    d->state = DD_CHECK;
    d->job = m->jobs.retrieve(m->jobs.ctx, d->id, MODEL_ACTION_GEN);
    return R_OVERLAY | R_LIST;
}

unsigned model_decide_cancel(Model *m, const char *note)
{
    Decision *d = &m->dec;
    if (d->state == DD_SEND || d->state == DD_VERIFY)
        return model_message(m, SL_STATUS_WARN, 4, "the decision is already on its way and cannot be called back; "
                                                   "its answer is awaited");
    (void)note; /* Esc sends nothing and keeps nothing: a draft is kept only after a failure */
    if (d->state == DD_EDIT || d->state == DD_CHECK)
        d->note[0] = d->draft_id[0] = '\0';
    d->state = DD_NONE;
    d->job = 0; /* a re-read still on its way is ignored */
    return R_OVERLAY | R_LIST | R_LAYOUT;
}

/* ---- outcomes --------------------------------------------------------------------------- */

static bool audit(Model *m, AuditOutcome o, int http)
{
    Decision *d = &m->dec;
    AuditEvent ev = { .action = "override", .id = d->id, .from = status_name(d->from), .to = status_name(d->to),
                      .outcome = o, .http = http };
    return model_audit(m, &ev);
}

/* The next case after a decision: from the row the decided record had, the first
 * registration in the view that still needs review, going down and then from the top;
 * when there is none, the row that took the decided one's place (or the one after it). */
static long next_case(const Model *m, long from, long decided)
{
    const View *v = &m->view;
    long n = (long)v->n;
    if (n == 0)
        return -1;
    if (from < 0 || from >= n)
        from = from < 0 ? 0 : n - 1;
    for (long k = 0; k < n; k++) {
        long row = (from + k) % n;
        long rec = v->idx[row];
        if (rec != decided && summary_status(m->store.recs[rec]) == ST_NEEDS_MANUAL_VERIFICATION)
            return row;
    }
    return (long)v->idx[from] == decided && from + 1 < n ? from + 1 : from;
}

/* The record with its new status is in the store: the list, the header and (once it has
 * fetched it again) the pane show it; the selection moves to the next case. lost: why
 * the answer was lost, when a re-read told instead. */
static unsigned decided(Model *m, int http, const char *lost)
{
    Decision *d = &m->dec;
    long row = view_find(&m->view, d->rec); /* the view has not merged the change yet */
    m->decided++;
    bool logged = audit(m, AO_OK, http);
    unsigned r = model_merge_pending(m);
    long next = next_case(m, row, d->rec);
    if (next >= 0)
        view_goto(&m->view, next);
    d->state = DD_NONE;
    d->draft_id[0] = d->note[0] = '\0';
    if (logged && lost)
        model_message(m, SL_STATUS_WARN, 8, "%s %s → %s: its answer was lost (%s), but the record shows it", d->id,
                      status_badge(d->from), status_badge(d->to), lost);
    else if (logged)
        model_message(m, SL_STATUSBAR, 6, "%s %s → %s", d->id, status_badge(d->from), status_badge(d->to));
    return r | R_SEL_MOVED | R_OVERLAY | R_LAYOUT | R_HEADER | R_STATUS;
}

/* The override's answer as the record's new summary (or, when the answer did not carry
 * the record, the old one with the status asked for); its full form is asked again. */
static unsigned store_answer(Model *m, Summary *answer)
{
    Decision *d = &m->dec;
    if (!answer) {
        SummaryInit in;
        summary_init_from(m->store.recs[d->rec], &in);
        in.status = d->to;
        answer = summary_new(&in);
    }
    store_drop_detail(&m->store, (size_t)d->rec); /* the pane asks for the new review log */
    return model_put_summary(m, answer, NULL);
}

/* Not done, provably: nothing changes here, and the status bar says why. */
static unsigned not_decided(Model *m, const char *why, int http)
{
    Decision *d = &m->dec;
    d->state = DD_NONE;
    if (audit(m, AO_FAILED, http))
        model_message(m, SL_STATUS_ERR, 0, "not decided: %s", why); /* the row, unchanged, says the rest */
    return R_OVERLAY | R_LAYOUT | R_LIST | R_STATUS;
}

static unsigned unknown(Model *m, const char *why, int http)
{
    Decision *d = &m->dec;
    d->state = DD_NONE;
    if (audit(m, AO_UNKNOWN, http))
        model_message(m, SL_STATUS_ERR, 0, "the decision on %s may or may not have been applied: %s; press r and "
                                           "look at it before deciding again", d->id, why);
    return R_OVERLAY | R_LAYOUT | R_LIST | R_STATUS;
}

/* The record re-read before sending: send, or say who decided first. */
static unsigned checked(Model *m, Result *res)
{
    Decision *d = &m->dec;
    if (res->kind != RES_DETAIL) {
        d->state = DD_EDIT;
        fmt_bounded(d->why, sizeof d->why, "the record could not be read again before sending (%s): nothing was sent; "
                 "Enter tries again", res->kind == RES_ERROR ? res->message : "the API answered with another one");
        return R_OVERLAY | R_LIST;
    }
    Detail *fresh = res->detail;
    res->detail = NULL;
    bool changed = decision_changed(&d->opened, fresh, model_now(m), d->why, sizeof d->why);
    d->before = decision_base(fresh->summary, fresh);
    unsigned r = model_put_detail(m, fresh, NULL) | R_OVERLAY | R_LIST;
    if (changed) {
        d->state = DD_CONFLICT; /* nothing is sent: two reviewers never overwrite each other */
        audit(m, AO_CONFLICT, res->http);
        return r | R_STATUS;
    }
    d->state = DD_SEND;
    d->progress[0] = '\0';
    d->job = m->jobs.override(m->jobs.ctx, d->id, d->to, d->note, MODEL_ACTION_GEN);
    return r;
}

/* The override's answer. */
static unsigned answered(Model *m, Result *res)
{
    Decision *d = &m->dec;
    if (res->kind == RES_DETAIL || res->kind == RES_DONE) {
        Summary *s = NULL;
        if (res->kind == RES_DETAIL) {
            s = res->detail->summary;
            res->detail->summary = NULL;
        }
        unsigned r = store_answer(m, s);
        return r | decided(m, res->http, NULL);
    }
    if (!decision_answer_lost(res->http))
        return not_decided(m, res->message, res->http);
    /* It went out and its answer did not come back whole: read the record to tell. */
    snprintf(d->lost, sizeof d->lost, "%s", res->message);
    d->lost_http = res->http;
    d->state = DD_VERIFY;
    d->job = m->jobs.retrieve(m->jobs.ctx, d->id, MODEL_ACTION_GEN);
    return R_OVERLAY;
}

/* The record read back after a lost answer. */
static unsigned verified(Model *m, Result *res)
{
    Decision *d = &m->dec;
    char why[ACT_WHY_MAX * 2];
    if (res->kind != RES_DETAIL) {
        fmt_bounded(why, sizeof why, "its answer was lost (%s) and the record could not be read back (%s)", d->lost,
                    res->kind == RES_ERROR ? res->message : "the API answered with another one");
        return unknown(m, why, d->lost_http);
    }
    Detail *fresh = res->detail;
    res->detail = NULL;
    Landed l = decision_landed(&d->before, d->to, fresh);
    unsigned r = model_put_detail(m, fresh, NULL);
    if (l == LANDED_YES)
        return r | decided(m, d->lost_http, d->lost);
    if (l == LANDED_NO)
        return r | not_decided(m, d->lost, d->lost_http);
    fmt_bounded(why, sizeof why, "its answer was lost (%s) and the record has changed in another way since", d->lost);
    return r | unknown(m, why, d->lost_http);
}

bool decide_result(Model *m, Result *res, unsigned *r)
{
    Decision *d = &m->dec;
    if (!d->job || res->job != d->job || !in_flight(d))
        return false;
    if (res->kind == RES_RETRYING) {
        safetext_format(d->progress, sizeof d->progress, "%s", res->message);
        *r = R_OVERLAY;
        return true;
    }
    d->job = 0;
    *r = d->state == DD_CHECK ? checked(m, res) : d->state == DD_SEND ? answered(m, res) : verified(m, res);
    return true;
}
