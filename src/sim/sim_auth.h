#ifndef REGDESK_SIM_AUTH_H
#define REGDESK_SIM_AUTH_H
/* Client tokens: the --token value (default demo-token) and every token the e-mail
 * login flow hands out (reference §6.1; the OTP is the demo OTP 123456), each knowing
 * who logged in for it, so an override says who made it (manualReviewLog.reviewedByClient
 * carries that e-mail: invented where the sources are silent). A request must
 * send `Authorization: Bearer <token>`; with --expire-after N a token serves N requests
 * and then answers 403 expired_token, as the dashboard's session-expiry check expects. */
#include <stdint.h>

#include "core/strbuf.h"
#include "sim/sim.h"
#include "sim/sim_req.h"

typedef enum SimAuthResult { AUTH_OK, AUTH_INVALID, AUTH_EXPIRED } SimAuthResult;

#define SIM_DEMO_OTP "123456"

SimAuth *sim_auth_new(const char *token, long expire_after);
void sim_auth_free(SimAuth *a);
/* Checks (and counts a use of) the token in an Authorization header value. */
SimAuthResult sim_auth_check(SimAuth *a, const char *authorization);
/* Who logged in for that token (its e-mail), "" for the --token one or an unknown one. */
void sim_auth_who(SimAuth *a, const char *authorization, char *out, size_t n);
/* POST /__sim/expire?after=N: after N more API requests every token answers 403
 * expired_token (a test's way to make one chosen request fail). */
void sim_auth_expire_in(SimAuth *a, long requests);
/* The documented 401 / 403 bodies. */
void sim_auth_reject(SimAuthResult r, SimResp *out);

/* A JWT-shaped string (header.payload.signature, base64url) around payload_json. It is
 * opaque: nothing verifies the signature. */
void sim_make_jwt(StrBuf *out, const char *payload_json, uint64_t salt);

void sim_route_login(Sim *sim, const SimReq *rq, SimResp *out);
void sim_route_login_confirm(Sim *sim, const SimReq *rq, SimResp *out);

#endif
