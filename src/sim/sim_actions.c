/* The routes that change registrations: sync (including adminOverride), resend-link and
 * create (reference §3.3, §6.4, D-CREATE). */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "sim/sim_auth.h"
#include "sim/sim_ids.h"
#include "sim/sim_json.h"
#include "sim/sim_names.h"
#include "sim/sim_projects.h"
#include "sim/sim_query.h"
#include "sim/sim_routes.h"
#include "sim/sim_store.h"

static void not_found_b(SimResp *out)
{
    sim_resp_error(out, 404, "AppRegistration_not_found", "404:AppRegistration_not_found");
}

static void conflict_b(SimResp *out, const char *code)
{
    char msg[96];
    snprintf(msg, sizeof msg, "409:%s", code);
    sim_resp_error(out, 409, code, msg);
}

static const char *body_str(const cJSON *body, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(body, key);
    return cJSON_IsString(v) && v->valuestring[0] ? v->valuestring : NULL;
}

/* ---- sync ------------------------------------------------------------------------- */

typedef enum { SYNC_STEP, SYNC_END, SYNC_SKIP, SYNC_OVERRIDE } SyncKind;

static bool sync_step(const char *name, SimStep *step, SyncKind *kind)
{
    static const struct {
        const char *name;
        SimStep step; /* the currentStep it leaves (adminOverride decides its own) */
        SyncKind kind;
    } steps[] = {
        { "instructions", STEP_INSTRUCTIONS, SYNC_STEP }, { "signUpForm", STEP_SIGNUP, SYNC_STEP },
        { "basicInformation", STEP_BASIC, SYNC_STEP },    { "document", STEP_DOCUMENT, SYNC_STEP },
        { "liveness", STEP_LIVENESS, SYNC_STEP },         { "form", STEP_FORM, SYNC_STEP },
        { "end", STEP_END, SYNC_END },                    { "skipKYC", STEP_SKIPKYC, SYNC_SKIP },
        { "adminOverride", STEP_END, SYNC_OVERRIDE },
    };
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
        if (strcmp(name, steps[i].name) == 0) {
            *step = steps[i].step;
            *kind = steps[i].kind;
            return true;
        }
    }
    return false;
}

static bool status_allowed(SyncKind kind, int status)
{
    switch (kind) {
    case SYNC_STEP: return status == RS_ONGOING;
    case SYNC_SKIP: return status == RS_COMPLETED_WITHOUT_KYC;
    case SYNC_END:
        return status == RS_COMPLETED || status == RS_FAILED ||
               status == RS_NEEDS_MANUAL_VERIFICATION;
    default: return status >= 0;
    }
}

/* `end`: the server, not the caller, decides the final status. */
static SimStatus decide_end(const SimRec *r, SimStatus asked)
{
    const SimFlow *f = sim_flow(r->flow);
    bool kyc_missing = (f->steps[FS_DOCUMENT] == REQ_MANDATORY && r->reach < STEP_DOCUMENT) ||
                       (f->steps[FS_LIVENESS] == REQ_MANDATORY && r->reach < STEP_LIVENESS);
    if (asked != RS_COMPLETED)
        return asked;
    if (r->cause >= C_FAIL_LIVENESS && r->cause <= C_FAIL_BLACKLIST)
        return RS_FAILED;
    if (sim_cause_is_review((SimCause)r->cause) || kyc_missing)
        return RS_NEEDS_MANUAL_VERIFICATION;
    return RS_COMPLETED;
}

static bool signup_passes(const SimStore *st, const SimRec *r)
{
    const SimFlow *f = sim_flow(r->flow);
    SimText t = sim_rec_text(st, r);
    bool email_gw = strcmp(f->email_gw, "none") != 0, phone_gw = strcmp(f->phone_gw, "none") != 0;
    return (!email_gw && !phone_gw) || (email_gw && *t.email) || (phone_gw && *t.phone);
}

static SimStep override_step(const SimRec *r, SimStatus s)
{
    switch (s) {
    case RS_STARTED: return STEP_NONE;
    case RS_COMPLETED_WITHOUT_KYC: return STEP_SKIPKYC;
    case RS_ONGOING:
    case RS_EXPIRED: return (SimStep)r->step;
    default: return STEP_END;
    }
}

static void sync_reply(Sim *sim, size_t idx, const char *step_name, SimResp *out)
{
    const SimRec *r = &sim->store->recs[idx];
    SimText t = sim_rec_text(sim->store, r);
    const SimFlow *f = sim_flow(r->flow);
    char id[SIM_ID_LEN + 1], first[512], last[512], payload[128];
    sim_rec_id(sim->store, idx, id);
    sim_name_parts(t.name, r->split, r->variant & V_EAST_ASIAN, first, last, sizeof first);
    StrBuf tok = STRBUF_INIT;
    snprintf(payload, sizeof payload, "{\"appRegistration\":\"%s\",\"step\":\"%s\"}", id,
             sim_step_name((SimStep)r->step));
    sim_make_jwt(&tok, payload, r->updated_ms);
    JsonW w;
    jw_init(&w, &out->body);
    jw_obj(&w);
    jw_kobj(&w, "data");
    jw_kstr(&w, "token", tok.s);
    jw_kstr(&w, "firstName", first);
    jw_kstr(&w, "lastName", last);
    jw_kstr(&w, "fullName", t.name);
    jw_kstr(&w, "step", step_name);
    jw_kobj(&w, "steps");
    for (int s = 0; s < FS__COUNT; s++)
        jw_kstr(&w, sim_flow_step_name((SimFlowStep)s), sim_step_req_name(f->steps[s]));
    jw_obj_end(&w);
    jw_kstr(&w, "appRegistrationId", id);
    jw_kstr(&w, "status", sim_status_name((SimStatus)r->status));
    jw_obj_end(&w);
    jw_obj_end(&w);
    strbuf_free(&tok);
}

static void apply_sync(Sim *sim, size_t idx, SyncKind kind, SimStep step, SimStatus status,
                       const char *note, const SimReq *rq, SimResp *out)
{
    SimStore *st = sim->store;
    const SimRec *r = &st->recs[idx];
    int64_t now = sim_now_ms(sim);
    if (kind == SYNC_OVERRIDE) {
        SimStatus prev = (SimStatus)r->status;
        char who[256];
        sim_auth_who(sim->auth, rq->authorization, who, sizeof who);
        sim_store_set_status(st, idx, status, override_step(r, status), now);
        sim_store_add_review(st, idx, prev, status, note, who, now);
        sim_write_registration(sim, idx, sim_query_populates(rq), out);
        return;
    }
    if (kind == SYNC_END)
        status = decide_end(r, status);
    sim_store_set_status(st, idx, status, step, now);
    sync_reply(sim, idx, sim_step_name(step), out);
}

void sim_route_sync(Sim *sim, const char *id, const SimReq *rq, SimResp *out)
{
    long idx = sim_store_find(sim->store, id);
    if (idx < 0) {
        not_found_b(out);
        return;
    }
    cJSON *body = cJSON_ParseWithLength(rq->body, rq->body_len);
    const char *step_name = body_str(body, "step"), *status_name = body_str(body, "status");
    const cJSON *note = cJSON_GetObjectItemCaseSensitive(body, "note");
    SimStep step;
    SyncKind kind;
    const SimRec *r = &sim->store->recs[idx];
    if (!step_name || !status_name) {
        sim_resp_error(out, 409, "MissingParameter", !step_name ? "missing step" : "missing status");
    } else if (!sync_step(step_name, &step, &kind)) {
        sim_resp_error(out, 500, "step_not_supported", "500:step_not_supported");
    } else if (!status_allowed(kind, sim_status_parse(status_name))) {
        char msg[160];
        snprintf(msg, sizeof msg, "Invalid parameter: status %.40s is not valid for step %s",
                 status_name, step_name);
        sim_resp_error(out, 409, "MissingParameter", msg);
    } else if (note && !cJSON_IsString(note) && !cJSON_IsNull(note)) {
        sim_resp_error(out, 409, "MissingParameter", "Invalid parameter: note must be a string");
    } else if (kind == SYNC_SKIP && !sim_flow_allows_skip(sim_flow(r->flow))) {
        conflict_b(out, "kyc_steps_are_mandatory");
    } else if (kind == SYNC_STEP && step == STEP_SIGNUP && !signup_passes(sim->store, r)) {
        sim_resp_error(out, 409, "Conflict", "signUpForm_validation_not_passed");
    } else {
        apply_sync(sim, (size_t)idx, kind, step, (SimStatus)sim_status_parse(status_name),
                   cJSON_IsString(note) ? note->valuestring : NULL, rq, out);
    }
    cJSON_Delete(body);
}

/* ---- resend-link ---------------------------------------------------------------------- */

static bool wants_email(const cJSON *body)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(body, "sendEmail");
    /* the dashboard sends the strings "true"/"false" */
    return cJSON_IsTrue(v) || (cJSON_IsString(v) && strcmp(v->valuestring, "true") == 0);
}

static void email_sent(JsonW *w, const cJSON *body, const char *email, int64_t now)
{
    const char *to = body_str(body, "recipientEmail");
    if (!to)
        to = *email ? email : NULL;
    jw_key(w, "emailSent");
    if (!wants_email(body)) {
        jw_null(w);
        return;
    }
    jw_obj(w);
    jw_kbool(w, "sent", to != NULL);
    jw_kstr_or_null(w, "email", to);
    if (to) {
        char id[64];
        snprintf(id, sizeof id, "<%lld.%u@mg.regdesk-sim.example>", (long long)now,
                 (unsigned)(now % 100000));
        jw_kstr(w, "mailgunId", id);
    }
    jw_obj_end(w);
}

/* "YYYY-MM-DD HH:MM:SS", the format resend-link uses for expiresAt (reference §10.25). */
static void plain_time(int64_t ms, char *out)
{
    char iso[32];
    jw_format_time(ms, iso);
    snprintf(out, 20, "%.10s %.8s", iso, iso + 11);
}

void sim_route_resend(Sim *sim, const char *id, const SimReq *rq, SimResp *out)
{
    long idx = sim_store_find(sim->store, id);
    if (idx < 0) {
        not_found_b(out);
        return;
    }
    const SimRec *r = &sim->store->recs[idx];
    if (r->status == RS_COMPLETED || r->status == RS_COMPLETED_WITHOUT_KYC ||
        r->status == RS_FAILED) {
        conflict_b(out, "cannot_resend_link_for_this_status");
        return;
    }
    cJSON *body = cJSON_ParseWithLength(rq->body, rq->body_len);
    int64_t now = sim_now_ms(sim), exp = now + 30 * 60000;
    char project[SIM_ID_LEN + 1], payload[200], expires[24];
    sim_project_id(project, sim->cfg.seed, sim_flow(r->flow)->project);
    snprintf(payload, sizeof payload,
             "{\"appRegistration\":\"%s\",\"project\":\"%s\",\"iat\":%lld,\"exp\":%lld}", id,
             project, (long long)(now / 1000), (long long)(exp / 1000));
    StrBuf tok = STRBUF_INIT, link = STRBUF_INIT;
    sim_make_jwt(&tok, payload, (uint64_t)now);
    strbuf_printf(&link, "https://access.verifik.co/sign-up/%s?token=%s", project, tok.s);
    plain_time(exp, expires);
    JsonW w;
    jw_init(&w, &out->body);
    jw_obj(&w);
    jw_kobj(&w, "data");
    jw_kstr(&w, "token", tok.s);
    jw_kstr(&w, "link", link.s);
    jw_kstr(&w, "expiresAt", expires);
    jw_kstr(&w, "accessType", "app_registration_initiated");
    jw_kint(&w, "issuedAt", now / 1000);
    email_sent(&w, body, sim_rec_text(sim->store, r).email, now);
    jw_obj_end(&w);
    jw_obj_end(&w);
    strbuf_free(&tok);
    strbuf_free(&link);
    cJSON_Delete(body);
}
