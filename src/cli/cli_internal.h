#ifndef REGDESK_CLI_CLI_INTERNAL_H
#define REGDESK_CLI_CLI_INTERNAL_H
/* Shared by the subcommands: global options, configuration and worker setup. */
#include <stdbool.h>
#include <stddef.h>

#include "net/worker.h"

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
int cli_take_globals(int *argc, char **argv, Globals *g);

#define DEFAULT_API "https://api.verifik.co"

/* Settings read from the config file (`key = value` lines, # comments). */
typedef struct Config {
    char api[512], token_file[512], cacert[512];
    bool allow_http, have_allow_http;
    int parallel, page_size, retries; /* 0 = not set, except retries: -1 = not set */
    long connect_timeout_s, timeout_s, max_response_mb;
    char filter[512], sort[64]; /* dashboard start-up view */
    bool mouse, have_mouse;
} Config;

/* Reads the config file; a missing default file is not an error, a missing file named
 * with --config is. Unknown keys and bad values are errors naming file:line. */
bool config_load(const char *path, bool must_exist, Config *out, char *err, size_t n);
void config_default_path(char *buf, size_t n);

/* Everything a worker needs: address (validated), token (loaded and checked), limits.
 * need_token: false for `login`. On failure returns an EXIT_* code with err filled;
 * on success returns EXIT_OK and *token must be released with token_free after
 * worker_start. */
int cli_worker_config(const Globals *g, const Config *cfg, bool need_token, WorkerConfig *wc, char **token,
                      char *err, size_t n);

/* Subcommands: argv[0] is the subcommand's name, global options already removed. */
int cmd_list(int argc, char **argv, const Globals *g, const Config *cfg);
int cmd_show(int argc, char **argv, const Globals *g, const Config *cfg);
int cmd_override(int argc, char **argv, const Globals *g, const Config *cfg);
int cmd_resend_link(int argc, char **argv, const Globals *g, const Config *cfg);
int cmd_create(int argc, char **argv, const Globals *g, const Config *cfg);
int cmd_login(int argc, char **argv, const Globals *g, const Config *cfg);
int cmd_projects(int argc, char **argv, const Globals *g, const Config *cfg);
/* No subcommand: the dashboard. */
int cmd_dashboard(int argc, char **argv, const Globals *g, const Config *cfg);

#endif
