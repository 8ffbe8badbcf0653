#ifndef REGDESK_SIM_AUTH_H
#define REGDESK_SIM_AUTH_H
/* Client tokens: the --token value (default demo-token) and every token the e-mail
 * login flow hands out (reference §6.1; the OTP is the demo OTP 123456). A request must
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
/* The documented 401 / 403 bodies. */
void sim_auth_reject(SimAuthResult r, SimResp *out);

/* A JWT-shaped string (header.payload.signature, base64url) around payload_json. It is
 * opaque: nothing verifies the signature. */
void sim_make_jwt(StrBuf *out, const char *payload_json, uint64_t salt);

void sim_route_login(Sim *sim, const SimReq *rq, SimResp *out);
void sim_route_login_confirm(Sim *sim, const SimReq *rq, SimResp *out);

#endif
