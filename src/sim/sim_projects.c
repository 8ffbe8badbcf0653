#include "sim/sim_projects.h"

#include <string.h>

#include "sim/sim_ids.h"
#include "sim/sim_names.h"

/* Projects and flows were "created" long before any registration. */
static const int64_t SETUP_MS = 1714521600000LL; /* 2024-05-01T00:00:00Z */

static const SimProject projects[SIM_PROJECTS] = {
    { "Banco Andino — Onboarding", "cumplimiento@bancoandino.example", "es",
      { [SC_CO] = 70, [SC_PE] = 15, [SC_MX] = 15 } },
    { "Fintech Paulista", "compliance@paulista.example", "br", { [SC_BR] = 90, [SC_AR] = 10 } },
    { "Mercado Cripto MX", "kyc@mercadocripto.example", "es",
      { [SC_MX] = 60, [SC_AR] = 15, [SC_CL] = 15, [SC_CO] = 10 } },
};

#define M REQ_MANDATORY
#define O REQ_OPTIONAL
#define S REQ_SKIP
static const SimFlow flows[SIM_FLOWS] = {
    { "Onboarding personas", 0, 3, 0.65, 0.85, 0.85, 3, 3, true, "mailgun", "whatsapp", "FAST",
      { M, M, M, M, S } },
    { "Registro express", 0, 3, 0.60, 0.80, 0.80, 3, 3, false, "mailgun", "none", "FAST",
      { M, O, O, O, S } },
    { "Abertura de conta", 1, 3, 0.70, 0.90, 0.90, 5, 5, false, "none", "sms", "ACCURATE",
      { M, M, M, M, M } },
    { "Cadastro legado", 1, 2, 0.65, 0.85, 0.80, 3, 3, false, "mailgun", "sms", "ACCURATE",
      { M, M, M, M, S } },
    { "KYC traders", 2, 3, 0.52, 0.75, 0.81, 3, 4, true, "mailgun", "both", "FAST",
      { M, M, M, M, S } },
    { "Wallet lite", 2, 3, 0.65, 0.70, 0.85, 2, 2, true, "none", "whatsapp", "FAST",
      { M, O, O, O, O } },
};
#undef M
#undef O
#undef S

const SimFlow *sim_flow(unsigned f)
{
    return &flows[f < SIM_FLOWS ? f : 0];
}

const SimProject *sim_project(unsigned p)
{
    return &projects[p < SIM_PROJECTS ? p : 0];
}

const char *sim_step_req_name(SimStepReq r)
{
    return r == REQ_MANDATORY ? "mandatory" : r == REQ_OPTIONAL ? "optional" : "skip";
}

const char *sim_flow_step_name(SimFlowStep s)
{
    static const char *const names[FS__COUNT] = { "signUpForm", "basicInformation", "document",
                                                  "liveness", "form" };
    return names[s];
}

bool sim_flow_allows_skip(const SimFlow *f)
{
    for (int s = FS_BASIC; s < FS__COUNT; s++)
        if (f->steps[s] == REQ_MANDATORY)
            return false;
    return true;
}

void sim_project_id(char *out, uint64_t seed, unsigned p)
{
    sim_id(out, seed, K_PROJECT, p, SETUP_MS);
}

void sim_flow_id(char *out, uint64_t seed, unsigned f)
{
    sim_id(out, seed, K_FLOW, f, SETUP_MS + 3600000LL * (f + 1));
}

void sim_client_id(char *out, uint64_t seed)
{
    sim_id(out, seed, K_CLIENT, 1, SETUP_MS - 86400000LL);
}

/* The index below n whose id (made by make_id) is id, or -1. */
static int find_id(uint64_t seed, const char *id, unsigned n,
                   void (*make_id)(char *, uint64_t, unsigned))
{
    char buf[SIM_ID_LEN + 1];
    for (unsigned i = 0; i < n; i++) {
        make_id(buf, seed, i);
        if (strcmp(buf, id) == 0)
            return (int)i;
    }
    return -1;
}

int sim_project_find(uint64_t seed, const char *id)
{
    return find_id(seed, id, SIM_PROJECTS, sim_project_id);
}

int sim_flow_find(uint64_t seed, const char *id)
{
    return find_id(seed, id, SIM_FLOWS, sim_flow_id);
}

unsigned sim_project_pick_country(unsigned p, SimRng *r)
{
    return (unsigned)sim_rng_weighted(r, sim_project(p)->country_weight, SC__COUNT);
}

void sim_emit_client(JsonW *w, uint64_t seed)
{
    char id[SIM_ID_LEN + 1];
    sim_client_id(id, seed);
    jw_obj(w);
    jw_kstr(w, "_id", id);
    jw_kstr(w, "name", "Lucía Restrepo");
    jw_kstr(w, "email", "lucia.restrepo@bancoandino.example");
    jw_obj_end(w);
}

void sim_emit_project(JsonW *w, uint64_t seed, unsigned p, bool with_flows)
{
    const SimProject *pr = sim_project(p);
    char id[SIM_ID_LEN + 1];
    jw_obj(w);
    sim_project_id(id, seed, p);
    jw_kstr(w, "_id", id);
    sim_client_id(id, seed);
    jw_kstr(w, "client", id);
    jw_kstr(w, "name", pr->name);
    jw_kstr(w, "status", "active");
    jw_kstr(w, "target", "personal");
    jw_kint(w, "version", 3);
    jw_karr(w, "allowedCountries");
    for (unsigned c = 0; c < SC__COUNT; c++)
        if (pr->country_weight[c])
            jw_str(w, sim_country(c)->name);
    jw_arr_end(w);
    jw_kstr(w, "contactEmail", pr->contact_email);
    jw_kstr(w, "privacyUrl", "https://www.example.com/privacidad");
    jw_kstr(w, "termsAndConditionsUrl", "https://www.example.com/terminos");
    jw_kobj(w, "dataProtection");
    jw_kstr(w, "name", "Oficial de Protección de Datos");
    jw_kstr(w, "email", pr->contact_email);
    jw_kstr(w, "country", sim_country(p == 1 ? SC_BR : p == 2 ? SC_MX : SC_CO)->name);
    jw_obj_end(w);
    jw_kbool(w, "demoMode", true);
    jw_kstr(w, "demoOTP", "123456");
    jw_kstr(w, "defaultLanguage", pr->language);
    jw_karr(w, "projectFlows");
    for (unsigned f = 0; f < SIM_FLOWS; f++)
        if (flows[f].project == p && with_flows) {
            sim_emit_flow(w, seed, f);
        } else if (flows[f].project == p) {
            sim_flow_id(id, seed, f);
            jw_str(w, id);
        }
    jw_arr_end(w);
    jw_ktime(w, "createdAt", SETUP_MS);
    jw_ktime(w, "updatedAt", SETUP_MS + 86400000LL * 30);
    jw_obj_end(w);
}

static void emit_steps(JsonW *w, const SimFlow *f)
{
    jw_kobj(w, "steps");
    for (int s = 0; s < FS__COUNT; s++)
        jw_kstr(w, sim_flow_step_name((SimFlowStep)s), sim_step_req_name(f->steps[s]));
    jw_obj_end(w);
}

static void emit_signup(JsonW *w, const SimFlow *f)
{
    jw_kobj(w, "signUpForm");
    jw_kstr(w, "emailGateway", f->email_gw);
    jw_kstr(w, "phoneGateway", f->phone_gw);
    jw_obj_end(w);
}

static void emit_v3(JsonW *w, const SimFlow *f)
{
    emit_steps(w, f);
    emit_signup(w, f);
    jw_kobj(w, "documents");
    jw_kint(w, "attemptLimit", f->doc_limit);
    jw_kbool(w, "informationVerification", f->verify_names);
    jw_kbool(w, "criminalHistoryVerification", false);
    jw_karr(w, "verificationMethods");
    jw_str(w, "SCAN_PROMPT");
    jw_arr_end(w);
    jw_obj_end(w);
    jw_kobj(w, "liveness");
    jw_kint(w, "attemptLimit", f->live_limit);
    jw_knum(w, "minScore", f->live_min, 2);
    jw_knum(w, "compareMinScore", f->compare_min, 2);
    jw_knum(w, "searchMinScore", f->search_min, 2);
    jw_kstr(w, "searchMode", f->search_mode);
    jw_obj_end(w);
}

static void emit_v2(JsonW *w, const SimFlow *f)
{
    jw_kobj(w, "onboardingSettings");
    emit_steps(w, f);
    emit_signup(w, f);
    jw_kobj(w, "document");
    jw_kint(w, "maxAttempts", f->doc_limit);
    jw_knum(w, "compareMinScore", f->compare_min, 2);
    jw_kbool(w, "verifyNames", f->verify_names);
    jw_kbool(w, "verifyCriminalHistory", false);
    jw_kbool(w, "includeOCR", true);
    jw_obj_end(w);
    jw_kobj(w, "liveness");
    jw_kint(w, "maxAttempts", f->live_limit);
    jw_knum(w, "livenessMinScore", f->live_min, 2);
    jw_knum(w, "searchMinScore", f->search_min, 2);
    jw_kstr(w, "searchMode", f->search_mode);
    jw_obj_end(w);
    jw_obj_end(w);
}

void sim_emit_flow(JsonW *w, uint64_t seed, unsigned fi)
{
    const SimFlow *f = sim_flow(fi);
    char id[SIM_ID_LEN + 1];
    jw_obj(w);
    sim_flow_id(id, seed, fi);
    jw_kstr(w, "_id", id);
    sim_project_id(id, seed, f->project);
    jw_kstr(w, "project", id);
    jw_kstr(w, "name", f->name);
    jw_kstr(w, "type", "onboarding");
    jw_kstr(w, "target", "personal");
    jw_kstr(w, "status", "active");
    jw_kint(w, "version", f->version);
    if (f->version >= 3)
        emit_v3(w, f);
    else
        emit_v2(w, f);
    jw_ktime(w, "createdAt", SETUP_MS + 3600000LL * (fi + 1));
    jw_ktime(w, "updatedAt", SETUP_MS + 86400000LL * (20 + fi));
    jw_obj_end(w);
}
