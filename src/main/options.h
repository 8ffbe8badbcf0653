#ifndef REGDESK_MAIN_OPTIONS_H
#define REGDESK_MAIN_OPTIONS_H
/* The command line: the global options, the help, and the dashboard's own options. */
#include <stdbool.h>
#include <stdio.h>

#include "ui/ui.h"

#define DEFAULT_API "https://api.verifik.co"

/* Options every subcommand (and the dashboard) understands, in any position before "--". */
typedef struct Globals {
    const char *api;        /* --api URL; else REGDESK_API; else config `api`; else the default */
    const char *token_file; /* --token-file PATH; else config `token_file`; else the default path */
    const char *cacert;     /* --cacert FILE; else config `cacert` */
    const char *config;     /* --config FILE; else $XDG_CONFIG_HOME/regdesk/config */
    bool allow_http;        /* --allow-http; else config `allow_http = yes` */
    int parallel;           /* --parallel N (1–16); 0 = config or default */
    long timeout_s;         /* --timeout S: one request, start to end; 0 = config or default */
} Globals;

/* Takes the global options out of argv[1..*argc), wherever they stand before a "--";
 * the "--" itself and everything after it stay, for the subcommand's own parser (so
 * `regdesk show -- --api` asks for the id "--api"). 0, or an EXIT_* code with the
 * problem printed. */
int options_take_globals(int *argc, char **argv, Globals *g);

/* `regdesk --help`. */
void options_usage(FILE *out);

/* The dashboard's options (argv[1..argc), globals already taken): --filter, --sort,
 * --columns, --no-mouse, into ui. 0, or EXIT_USAGE with the problem printed. */
int options_dashboard(int argc, char **argv, UiConfig *ui);

#endif
