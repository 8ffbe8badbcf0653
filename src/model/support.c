/* Support actions on the selected registration: resend its link (confirmed, shown
 * masked, copied whole only after a second confirmation) and copy its id. The link lives
 * in memory only, and is wiped when the dialog closes. */
#include <stdio.h>
#include <string.h>

#include "core/mask.h"
#include "core/safetext.h"
#include "model/model_internal.h"

static void wipe(Resend *rs)
{
    explicit_bzero(rs->link, sizeof rs->link);
    rs->state = RS_NONE;
    rs->job = 0;
}

static const Summary *selected(const Model *m)
{
    long rec = model_selected(m);
    return rec >= 0 ? m->store.recs[rec] : NULL;
}

unsigned model_resend_open(Model *m)
{
    Resend *rs = &m->rs;
    const Summary *s = selected(m);
    if (m->source)
        return model_needs_api(m, "resending the link");
    if (rs->state == RS_SENDING)
        return model_message(m, SL_STATUS_WARN, 3, "a link is being made; wait for it");
    if (!s)
        return model_message(m, SL_STATUS_WARN, 2, "no registration selected");
    const char *id = summary_str(s, SS_ID);
    if (!*id || (s->invalid & SUMF_ID))
        return model_message(m, SL_STATUS_ERR, 4, "its id arrived malformed, so no link can be asked for");
    if (status_is_final(summary_status(s))) /* what the API answers (D-RESEND), said before asking */
        return model_message(m, SL_STATUS_ERR, 6, "no new link for %s: it is %s, and the API makes links only for "
                                                  "registrations still in progress [cannot_resend_link_for_this_status]",
                             id, status_name(summary_status(s)));
    wipe(rs);
    rs->state = RS_CONFIRM;
    rs->email = false;
    snprintf(rs->id, sizeof rs->id, "%s", id);
    return R_OVERLAY | R_LAYOUT;
}

unsigned model_resend_toggle_email(Model *m)
{
    if (m->rs.state != RS_CONFIRM)
        return 0;
    m->rs.email = !m->rs.email;
    return R_OVERLAY;
}

unsigned model_resend_confirm(Model *m)
{
    Resend *rs = &m->rs;
    if (rs->state == RS_SHOWN)
        return model_resend_back(m);
    if (rs->state != RS_CONFIRM) /* the copy's question takes y, not Enter */
        return 0;
    char err[ACT_WHY_MAX];
    if (!model_audit_ready(m, err, sizeof err)) {
        wipe(rs);
        return R_OVERLAY | R_LAYOUT | model_message(m, SL_STATUS_ERR, 0, "%s; no link was asked for", err);
    }
    rs->state = RS_SENDING;
    rs->job = m->jobs.resend(m->jobs.ctx, rs->id, rs->email, MODEL_ACTION_GEN);
    return R_OVERLAY;
}

static bool audit(Model *m, const char *action, AuditOutcome o, int http, const bool *emailed)
{
    AuditEvent ev = { .action = action, .id = m->rs.id, .outcome = o, .http = http };
    if (emailed)
        audit_extra_bool(&ev, "emailed", *emailed);
    return model_audit(m, &ev);
}

unsigned model_resend_copy(Model *m)
{
    Resend *rs = &m->rs;
    if (rs->state == RS_SHOWN) { /* the whole link opens the registration: ask first */
        rs->state = RS_COPY_CONFIRM;
        return R_OVERLAY;
    }
    if (rs->state != RS_COPY_CONFIRM)
        return 0;
    rs->state = RS_SHOWN;
    if (!m->host.copy || !m->host.copy(m->host.ctx, rs->link))
        return R_OVERLAY | model_message(m, SL_STATUS_ERR, 4, "this terminal cannot take a copy (OSC 52)");
    if (audit(m, "copy-link", AO_OK, 0, NULL))
        model_message(m, SL_STATUSBAR, 6, "the link is on the clipboard; it lets its holder continue the "
                                          "registration until it expires");
    return R_OVERLAY | R_STATUS;
}

unsigned model_resend_back(Model *m)
{
    Resend *rs = &m->rs;
    if (rs->state == RS_COPY_CONFIRM) {
        rs->state = RS_SHOWN;
        return R_OVERLAY;
    }
    if (rs->state == RS_SENDING) /* the answer still comes, and is logged, without a dialog */
        return model_message(m, SL_STATUS_WARN, 3, "the link is being made; its answer will show here");
    wipe(rs);
    return R_OVERLAY | R_LAYOUT;
}

unsigned model_copy_id(Model *m)
{
    const Summary *s = selected(m);
    if (!s)
        return model_message(m, SL_STATUS_WARN, 2, "no registration selected");
    const char *id = summary_str(s, SS_ID);
    if (!m->host.copy || !m->host.copy(m->host.ctx, id))
        return model_message(m, SL_STATUS_ERR, 4, "this terminal cannot take a copy (OSC 52)");
    return model_message(m, SL_STATUSBAR, 4, "copied the id %s to the clipboard", id);
}

bool resend_result(Model *m, Result *res, unsigned *r)
{
    Resend *rs = &m->rs;
    if (!rs->job || res->job != rs->job || rs->state != RS_SENDING)
        return false;
    *r = R_OVERLAY | R_STATUS;
    if (res->kind == RES_RETRYING)
        return true;
    rs->job = 0;
    if (res->kind != RES_RESEND) {
        AuditOutcome o = res->kind == RES_ERROR && !decision_answer_lost(res->http) ? AO_FAILED : AO_UNKNOWN;
        bool logged = audit(m, "resend-link", o, res->http, NULL);
        wipe(rs);
        if (logged)
            model_message(m, SL_STATUS_ERR, 0, "no new link for %s: %s", rs->id,
                          res->kind == RES_ERROR ? res->message : "the API's answer held no link");
        *r |= R_LAYOUT;
        return true;
    }
    const ResendLink *l = &res->link;
    snprintf(rs->link, sizeof rs->link, "%s", l->link);
    mask_url_token(l->link, rs->masked, sizeof rs->masked);
    rs->expires_ms = l->expires_ms;
    rs->emailed = l->email_sent;
    snprintf(rs->emailed_to, sizeof rs->emailed_to, "%s", l->email);
    rs->state = RS_SHOWN;
    audit(m, "resend-link", AO_OK, res->http, &rs->emailed);
    explicit_bzero(res->link.link, sizeof res->link.link); /* the one copy is ours */
    return true;
}
