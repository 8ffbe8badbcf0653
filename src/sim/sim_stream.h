#ifndef REGDESK_SIM_STREAM_H
#define REGDESK_SIM_STREAM_H
/* Responses produced by a callback instead of a buffer: the truncated body (connection
 * closed early, with an honest Content-Length or chunked), the slow drip, the trickle, and the huge
 * body (generated on the fly, never held in memory). */
#include <stddef.h>
#include <stdint.h>

#include "sim/sim.h"

struct MHD_Response;

/* Takes ownership of body (malloc'd). */
struct MHD_Response *sim_stream_truncated(char *body, size_t len, uint64_t seq);
struct MHD_Response *sim_stream_slow(Sim *sim, char *body, size_t len);
struct MHD_Response *sim_stream_trickle(Sim *sim, char *body, size_t len);
/* A syntactically valid list page of exactly huge_mb MiB. */
struct MHD_Response *sim_stream_huge(unsigned huge_mb);

#endif
