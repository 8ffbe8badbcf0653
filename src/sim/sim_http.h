#ifndef REGDESK_SIM_HTTP_H
#define REGDESK_SIM_HTTP_H
/* The HTTP server: libmicrohttpd with one thread per connection (so a slow drip or added
 * latency on one connection never stalls another), bound to 127.0.0.1 only. */
#include "sim/sim.h"

struct MHD_Daemon;

/* Starts listening on 127.0.0.1:port (0 = any free port); *bound receives the port.
 * NULL on failure. */
struct MHD_Daemon *sim_http_start(Sim *sim, unsigned port, unsigned *bound);
void sim_http_stop(struct MHD_Daemon *d);

#endif
