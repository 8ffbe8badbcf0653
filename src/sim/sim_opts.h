#ifndef REGDESK_SIM_OPTS_H
#define REGDESK_SIM_OPTS_H
/* Command-line options of regdesk-sim. */
#include <stdio.h>

#include "sim/sim.h"

typedef enum SimOptsResult { OPTS_RUN, OPTS_HELP, OPTS_VERSION, OPTS_ERROR } SimOptsResult;

/* Fills cfg; on OPTS_ERROR a message has been printed to stderr. */
SimOptsResult sim_opts_parse(int argc, char **argv, SimConfig *cfg);
void sim_opts_usage(FILE *out);
/* --version: the version and the libmicrohttpd and cJSON it runs with. */
void sim_opts_version(FILE *out);
void sim_opts_free(SimConfig *cfg);

#endif
