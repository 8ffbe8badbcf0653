#ifndef REGDESK_SIM_PROJECTS_H
#define REGDESK_SIM_PROJECTS_H
/* The simulated client account: three projects with two onboarding flows each. Flows
 * carry the thresholds a reviewer compares scores against (reference §7); five use the
 * current v3 layout and one the legacy v2 `onboardingSettings` layout. */
#include <stdbool.h>
#include <stdint.h>

#include "sim/sim_json.h"
#include "sim/sim_rng.h"

enum { SIM_PROJECTS = 3, SIM_FLOWS = 6 };

typedef enum SimStepReq { REQ_MANDATORY, REQ_OPTIONAL, REQ_SKIP } SimStepReq;
typedef enum SimFlowStep { FS_SIGNUP, FS_BASIC, FS_DOCUMENT, FS_LIVENESS, FS_FORM, FS__COUNT } SimFlowStep;

typedef struct SimFlow {
    const char *name;
    unsigned project;
    int version; /* 3, or 2 for the legacy onboardingSettings layout */
    double live_min, compare_min, search_min;
    int doc_limit, live_limit;
    bool verify_names;
    const char *email_gw, *phone_gw, *search_mode;
    SimStepReq steps[FS__COUNT];
} SimFlow;

typedef struct SimProject {
    const char *name, *contact_email, *language;
    unsigned country_weight[6]; /* by SimCountryId */
} SimProject;

const SimFlow *sim_flow(unsigned f);
const SimProject *sim_project(unsigned p);
const char *sim_step_req_name(SimStepReq r);
const char *sim_flow_step_name(SimFlowStep s);
/* skipKYC is allowed when no KYC step (basicInformation, document, liveness, form) is
 * mandatory. */
bool sim_flow_allows_skip(const SimFlow *f);

/* Ids of the fixed objects (they do not depend on --now). out: SIM_ID_LEN + 1 bytes. */
void sim_project_id(char *out, uint64_t seed, unsigned p);
void sim_flow_id(char *out, uint64_t seed, unsigned f);
void sim_client_id(char *out, uint64_t seed);
/* Index of the project / flow with that id, or -1. */
int sim_project_find(uint64_t seed, const char *id);
int sim_flow_find(uint64_t seed, const char *id);

unsigned sim_project_pick_country(unsigned p, SimRng *r);

/* with_flows: projectFlows as flow objects (the projects list), else as ids. */
void sim_emit_project(JsonW *w, uint64_t seed, unsigned p, bool with_flows);
void sim_emit_flow(JsonW *w, uint64_t seed, unsigned f);
/* The client account as populated in manualReviewLog.reviewedByClient. */
void sim_emit_client(JsonW *w, uint64_t seed);

#endif
