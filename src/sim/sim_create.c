/* POST /v2/app-registrations with the documented validation errors (D-CREATE, §6.4):
 * missing project / projectFlow, neither e-mail nor phone, phone without countryCode,
 * a blocked e-mail domain, an e-mail or phone already registered in the project. */
#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "sim/sim_auth.h"
#include "sim/sim_ids.h"
#include "sim/sim_emit.h"
#include "sim/sim_json.h"
#include "sim/sim_names.h"
#include "sim/sim_projects.h"
#include "sim/sim_query.h"
#include "sim/sim_routes.h"
#include "sim/sim_store.h"

enum { MAX_FIELD = 200 };

typedef struct NewFields {
    const char *project, *flow, *email, *phone, *dial, *language;
    char email_norm[MAX_FIELD + 1], dial_norm[8], name[2 * MAX_FIELD + 2];
    unsigned split;
    int p, f;
} NewFields;

static const char *field(const cJSON *body, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(body, key);
    return cJSON_IsString(v) && v->valuestring[0] ? v->valuestring : NULL;
}

static bool all_digits(const char *s)
{
    for (; *s; s++)
        if (!isdigit((unsigned char)*s))
            return false;
    return true;
}

/* Trimmed and lower-cased, as e-mail validations store addresses. */
static void normalize_email(const char *in, char *out, size_t n)
{
    while (isspace((unsigned char)*in))
        in++;
    size_t len = strlen(in);
    while (len && isspace((unsigned char)in[len - 1]))
        len--;
    size_t i = 0;
    for (; i < len && i + 1 < n; i++)
        out[i] = (char)tolower((unsigned char)in[i]);
    out[i] = '\0';
}

static bool domain_blocked(const Sim *sim, const char *email)
{
    const char *at = strrchr(email, '@');
    for (size_t i = 0; at && i < sim->cfg.n_blocked; i++)
        if (strcasecmp(at + 1, sim->cfg.blocked_domains[i]) == 0)
            return true;
    return false;
}

/* false when a name is longer than the simulator keeps */
static bool build_name(const cJSON *body, NewFields *nf)
{
    const char *full = field(body, "fullName"), *first = field(body, "firstName"),
               *last = field(body, "lastName");
    if (!full)
        full = field(body, "name");
    if ((full && strlen(full) > MAX_FIELD) || (first && strlen(first) > MAX_FIELD) ||
        (last && strlen(last) > MAX_FIELD))
        return false;
    if (first && last && !full) {
        snprintf(nf->name, sizeof nf->name, "%s %s", first, last);
        nf->split = (unsigned)strlen(first) + 1;
        return true;
    }
    snprintf(nf->name, sizeof nf->name, "%s", full ? full : first ? first : "");
    const char *space = strchr(nf->name, ' ');
    nf->split = space ? (unsigned)(space - nf->name) + 1 : 0;
    return true;
}

/* The parameter checks, in the order the docs list them; false after filling out. */
static bool check_params(const Sim *sim, NewFields *nf, SimResp *out)
{
    const char *missing = !nf->project ? "missing project" : !nf->flow ? "missing projectFlow"
                          : !nf->email && !nf->phone ? "Needs an email or a phone at least"
                          : nf->phone && !nf->dial ? "missing countryCode" : NULL;
    if (missing) {
        sim_resp_error_status(out, 409, "MissingParameter", missing);
        return false;
    }
    nf->p = sim_project_find(sim->cfg.seed, nf->project);
    nf->f = sim_flow_find(sim->cfg.seed, nf->flow);
    if (nf->p < 0 || nf->f < 0 || sim_flow((unsigned)nf->f)->project != (unsigned)nf->p) {
        sim_resp_error(out, 404, "NotFound", nf->p < 0 ? "project_not_found" : "projectFlow_not_found");
        return false;
    }
    snprintf(nf->dial_norm, sizeof nf->dial_norm, "%s%s", nf->dial && nf->dial[0] != '+' ? "+" : "",
             nf->dial ? nf->dial : "");
    if (nf->phone && (!all_digits(nf->phone) || strlen(nf->phone) > 15 ||
                      !all_digits(nf->dial_norm + 1) || strlen(nf->dial_norm) < 2)) {
        sim_resp_error(out, 400, "BadRequest", "Invalid phone number format.");
        return false;
    }
    if (nf->email)
        normalize_email(nf->email, nf->email_norm, sizeof nf->email_norm);
    if (nf->email && (!strchr(nf->email_norm, '@') || strlen(nf->email) > MAX_FIELD)) {
        sim_resp_error_status(out, 409, "MissingParameter", "Invalid parameter: email");
        return false;
    }
    if (nf->email && domain_blocked(sim, nf->email_norm)) {
        sim_resp_error_status(out, 409, "PreconditionFailed", "email domain not allowed");
        return false;
    }
    return true;
}

static bool check_unique(const Sim *sim, const NewFields *nf, SimResp *out)
{
    const char *code = NULL;
    if (nf->email && sim_store_find_email(sim->store, (unsigned)nf->p, nf->email_norm) >= 0)
        code = "email_is_registered_already";
    else if (nf->phone &&
             sim_store_find_phone(sim->store, (unsigned)nf->p, nf->dial_norm, nf->phone) >= 0)
        code = "phone_is_registered_already";
    if (!code)
        return true;
    char msg[64];
    snprintf(msg, sizeof msg, "409:%s", code);
    sim_resp_error(out, 409, code, msg);
    return false;
}

static void created_reply(Sim *sim, size_t idx, const SimReq *rq, SimResp *out)
{
    char id[SIM_ID_LEN + 1], info[SIM_ID_LEN + 1], payload[128], first[MAX_FIELD + 1],
        last[MAX_FIELD + 1];
    const SimRec *r = &sim->store->recs[idx];
    sim_rec_id(sim->store, idx, id);
    sim_id(info, sim->cfg.seed, K_INFO, (uint32_t)idx, r->created_ms);
    snprintf(payload, sizeof payload, "{\"appRegistration\":\"%s\",\"type\":\"created\"}", id);
    StrBuf tok = STRBUF_INIT;
    sim_make_jwt(&tok, payload, (uint64_t)r->created_ms);
    const char *name = sim_rec_text(sim->store, r).name;
    sim_name_parts(name, r->split, false, first, last, sizeof first);
    JsonW w;
    jw_init(&w, &out->body);
    jw_obj(&w);
    jw_kobj(&w, "data");
    jw_key(&w, "appRegistration");
    sim_emit_registration(&w, sim->store, idx, sim_query_populates(rq));
    jw_kobj(&w, "informationValidation");
    jw_kstr(&w, "_id", info);
    jw_kstr(&w, "fullName", name);
    jw_kstr(&w, "firstName", first);
    jw_kstr(&w, "lastName", last);
    jw_obj_end(&w);
    jw_kstr(&w, "token", tok.s);
    jw_obj_end(&w);
    jw_obj_end(&w);
    strbuf_free(&tok);
}

void sim_route_create(Sim *sim, const SimReq *rq, SimResp *out)
{
    cJSON *body = cJSON_ParseWithLength(rq->body, rq->body_len);
    NewFields nf = { .project = field(body, "project"), .flow = field(body, "projectFlow"),
                     .email = field(body, "email"), .phone = field(body, "phone"),
                     .dial = field(body, "countryCode"), .language = field(body, "language") };
    if (!build_name(body, &nf))
        sim_resp_error_status(out, 409, "MissingParameter", "Invalid parameter: name is too long");
    else if (check_params(sim, &nf, out) && check_unique(sim, &nf, out)) {
        SimNewReg in = { (unsigned)nf.f, nf.name, nf.split, nf.email ? nf.email_norm : "",
                         nf.phone ? nf.phone : "", nf.phone ? nf.dial_norm : "",
                         nf.language ? nf.language : "en" };
        long idx = sim_store_create(sim->store, &in, sim_now_ms(sim));
        if (idx < 0)
            sim_resp_error(out, 507, "InsufficientStorage", "507:store_full");
        else
            created_reply(sim, (size_t)idx, rq, out);
    }
    cJSON_Delete(body);
}
