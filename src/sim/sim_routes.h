#ifndef REGDESK_SIM_ROUTES_H
#define REGDESK_SIM_ROUTES_H
/* The API surface: which route a request names, and the handlers behind them. Handlers
 * run with the store locked and fill a SimResp; they never see libmicrohttpd. */
#include <stdbool.h>
#include <stddef.h>

#include "sim/sim.h"
#include "sim/sim_req.h"
#include "sim/sim_stats.h"

/* R_UNKNOWN when no route has that path; *method_ok false when the path exists but
 * not with that method. id receives the {id} segment (n bytes). */
SimRoute sim_route_match(const SimReq *rq, char *id, size_t n, bool *method_ok);
/* Checks auth, locks the store and runs the route. */
void sim_route_run(Sim *sim, SimRoute r, const char *id, const SimReq *rq, SimResp *out);

/* Handlers (sim_routes.c, sim_actions.c, sim_funnel.c); store locked. */
void sim_route_list(Sim *sim, const SimReq *rq, SimResp *out);
void sim_route_retrieve(Sim *sim, const char *id, const SimReq *rq, SimResp *out);
void sim_route_delete(Sim *sim, const char *id, SimResp *out);
void sim_route_statistics(Sim *sim, const SimReq *rq, SimResp *out);
void sim_route_sync(Sim *sim, const char *id, const SimReq *rq, SimResp *out);
void sim_route_resend(Sim *sim, const char *id, const SimReq *rq, SimResp *out);
void sim_route_create(Sim *sim, const SimReq *rq, SimResp *out);
void sim_route_projects(Sim *sim, const SimReq *rq, SimResp *out);

/* {"data": <registration>} */
void sim_write_registration(Sim *sim, size_t idx, uint32_t pop, SimResp *out);

#endif
