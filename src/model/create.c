/* The create form: a new registration from a project and flow seen in the loaded data
 * (or typed), an e-mail or a phone with its country code, and a language; checked as the
 * API documents before anything is sent, and the API's refusal shown next to the field
 * it concerns. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/safetext.h"
#include "core/xalloc.h"
#include "model/model_internal.h"

static const char *const LANGUAGES[] = { "en", "es", "fr", "br", "ja" }; /* reference §3.1 */

/* Adds one sighting of id (for flows, under project) to the list. */
static void seen(SeenRef **list, size_t *n, size_t *cap, const char *id, const char *project)
{
    if (!*id)
        return;
    for (size_t i = 0; i < *n; i++)
        if (!strcmp((*list)[i].id, id)) {
            (*list)[i].count++;
            return;
        }
    *list = xgrow(*list, cap, *n + 1, sizeof **list);
    SeenRef *r = &(*list)[(*n)++];
    snprintf(r->id, sizeof r->id, "%s", id);
    snprintf(r->project, sizeof r->project, "%s", project);
    r->count = 1;
}

static int most_used_first(const void *a, const void *b)
{
    const SeenRef *x = a, *y = b;
    return x->count != y->count ? (x->count < y->count ? 1 : -1) : strcmp(x->id, y->id);
}

static void gather(Model *m)
{
    Create *c = &m->cr;
    size_t pcap = 0, fcap = 0;
    for (size_t i = 0; i < m->store.n; i++) {
        const Summary *s = m->store.recs[i];
        if (s->invalid & (SUMF_PROJECT | SUMF_FLOW))
            continue;
        seen(&c->projects, &c->n_projects, &pcap, summary_str(s, SS_PROJECT), "");
        seen(&c->flows, &c->n_flows, &fcap, summary_str(s, SS_FLOW), summary_str(s, SS_PROJECT));
    }
    qsort(c->projects, c->n_projects, sizeof *c->projects, most_used_first);
    qsort(c->flows, c->n_flows, sizeof *c->flows, most_used_first);
}

static void forget(Create *c)
{
    free(c->projects);
    free(c->flows);
    c->projects = c->flows = NULL;
    c->n_projects = c->n_flows = 0;
}

void acts_free(Model *m)
{
    forget(&m->cr);
    free(m->ref.marks);
    explicit_bzero(m->rs.link, sizeof m->rs.link);
}

unsigned model_create_open(Model *m)
{
    Create *c = &m->cr;
    if (m->source)
        return model_needs_api(m, "creating a registration");
    if (c->state == CS_SENDING)
        return model_message(m, SL_STATUS_WARN, 3, "a registration is being created; wait for it");
    forget(c);
    memset(c, 0, sizeof *c);
    gather(m);
    CreateForm *f = &c->form; /* the likeliest start: the most used project and its most used flow */
    if (c->n_projects)
        snprintf(f->value[CF_PROJECT], sizeof f->value[CF_PROJECT], "%s", c->projects[0].id);
    model_create_cycle(m, CF_FLOW, 1);
    snprintf(f->value[CF_LANGUAGE], sizeof f->value[CF_LANGUAGE], "%s", "en");
    c->state = CS_EDIT;
    return R_OVERLAY | R_LAYOUT;
}

unsigned model_create_set(Model *m, CreateField f, const char *value)
{
    Create *c = &m->cr;
    if (c->state != CS_EDIT || f < 0 || f >= CF__COUNT)
        return 0;
    safetext_format(c->form.value[f], sizeof c->form.value[f], "%s", value);
    c->form.err[f][0] = '\0'; /* what was wrong with it is being fixed */
    return R_OVERLAY;
}

/* The choices for field f, as an array of ids (n of them). */
static size_t choices(const Create *c, CreateField f, const char **out, size_t max)
{
    size_t n = 0;
    if (f == CF_PROJECT)
        for (size_t i = 0; i < c->n_projects && n < max; i++)
            out[n++] = c->projects[i].id;
    else if (f == CF_FLOW) /* the flows of the project given (all of them when none matches) */
        for (int pass = 0; pass < 2 && !n; pass++)
            for (size_t i = 0; i < c->n_flows && n < max; i++)
                if (pass || !strcmp(c->flows[i].project, c->form.value[CF_PROJECT]))
                    out[n++] = c->flows[i].id;
    if (f == CF_LANGUAGE)
        for (size_t i = 0; i < sizeof LANGUAGES / sizeof *LANGUAGES; i++)
            out[n++] = LANGUAGES[i];
    return n;
}

bool model_create_cycle(Model *m, CreateField f, int dir)
{
    Create *c = &m->cr;
    const char *list[64];
    size_t n = choices(c, f, list, sizeof list / sizeof *list);
    if (!n)
        return false;
    long at = -1;
    for (size_t i = 0; i < n; i++)
        if (!strcmp(list[i], c->form.value[f]))
            at = (long)i;
    long next = at < 0 ? (dir > 0 ? 0 : (long)n - 1) : (at + dir + (long)n) % (long)n;
    snprintf(c->form.value[f], sizeof c->form.value[f], "%s", list[next]);
    c->form.err[f][0] = '\0';
    if (f == CF_PROJECT) /* a flow of another project would only be refused */
        c->form.value[CF_FLOW][0] = '\0', model_create_cycle(m, CF_FLOW, 1);
    return true;
}

static const char *given(const char *v)
{
    return *v ? v : NULL;
}

unsigned model_create_submit(Model *m)
{
    Create *c = &m->cr;
    if (c->state != CS_EDIT)
        return 0;
    c->general[0] = '\0';
    if (!create_check(&c->form))
        return R_OVERLAY; /* every problem next to its field; nothing sent */
    if (!model_audit_ready(m, c->general, sizeof c->general))
        return R_OVERLAY;
    const CreateForm *f = &c->form;
    CreateParams p = { given(f->value[CF_PROJECT]), given(f->value[CF_FLOW]), given(f->value[CF_EMAIL]),
                       given(f->value[CF_PHONE]), given(f->value[CF_COUNTRY]), given(f->value[CF_LANGUAGE]) };
    c->state = CS_SENDING;
    c->job = m->jobs.create(m->jobs.ctx, &p, MODEL_ACTION_GEN);
    return R_OVERLAY;
}

unsigned model_create_close(Model *m)
{
    Create *c = &m->cr;
    if (c->state == CS_SENDING)
        return model_message(m, SL_STATUS_WARN, 3, "the registration is being created; its answer will show here");
    forget(c);
    c->state = CS_NONE;
    return R_OVERLAY | R_LAYOUT;
}

static bool audit(Model *m, const char *id, const char *status, AuditOutcome o, int http)
{
    AuditEvent ev = { .action = "create", .id = id, .to = status, .outcome = o, .http = http };
    audit_extra_text(&ev, "project", m->cr.form.value[CF_PROJECT]);
    audit_extra_text(&ev, "flow", m->cr.form.value[CF_FLOW]);
    return model_audit(m, &ev);
}

/* The API refused it: the form stays, with the refusal next to the field it concerns. */
static unsigned refused(Model *m, const Result *res)
{
    Create *c = &m->cr;
    c->state = CS_EDIT;
    CreateField f = res->kind == RES_ERROR ? create_error_field(&res->api) : CF__COUNT;
    char *where = f < CF__COUNT ? c->form.err[f] : c->general;
    safetext_format(where, ACT_WHY_MAX, "%s", res->kind == RES_ERROR ? res->message : "the API answered oddly");
    return R_OVERLAY;
}

bool create_result(Model *m, Result *res, unsigned *r)
{
    Create *c = &m->cr;
    if (!c->job || res->job != c->job || c->state != CS_SENDING)
        return false;
    *r = R_OVERLAY | R_STATUS;
    if (res->kind == RES_RETRYING)
        return true;
    c->job = 0;
    if (res->kind == RES_ERROR && !decision_answer_lost(res->http)) {
        audit(m, NULL, NULL, AO_FAILED, res->http);
        *r |= refused(m, res);
        return true;
    }
    if (res->kind == RES_ERROR) {
        bool logged = audit(m, NULL, NULL, AO_UNKNOWN, res->http);
        if (logged)
            model_message(m, SL_STATUS_ERR, 0, "the registration may or may not have been created: %s; press r and "
                                               "look for it before trying again", res->message);
    } else {
        char id[SUMMARY_STR_MAX] = "", status[32] = "";
        size_t idx = 0;
        if (res->kind == RES_DETAIL) {
            snprintf(id, sizeof id, "%s", summary_str(res->detail->summary, SS_ID));
            snprintf(status, sizeof status, "%s", status_name(summary_status(res->detail->summary)));
            *r |= model_put_detail(m, res->detail, &idx);
            res->detail = NULL;
            *r |= model_merge_pending(m);
            if (view_select_rec(&m->view, (long)idx))
                *r |= R_SEL_MOVED;
        }
        if (audit(m, *id ? id : NULL, *status ? status : NULL, AO_OK, res->http))
            model_message(m, SL_STATUSBAR, 8, "created %s%s%s", *id ? id : "a registration", *status ? ", " : "",
                          status);
    }
    forget(c);
    c->state = CS_NONE;
    *r |= R_LAYOUT;
    return true;
}
