#ifndef REGDESK_MAIN_SETTINGS_H
#define REGDESK_MAIN_SETTINGS_H
/* Flags + environment + config file → one Settings, which main hands to the CLI or to
 * the dashboard. Only main reads the environment (REGDESK_API, VERIFIK_TOKEN through
 * net/token, the dashboard's REGDESK_* test hooks, NO_COLOR, TERM). */
#include "cli/cli.h"
#include "conf/config.h"
#include "core/strbuf.h"
#include "main/options.h"
#include "ui/ui.h"

typedef struct Settings {
    Config config;   /* the config file's values */
    CliSettings cli; /* what the subcommands need */
    UiConfig ui;     /* what the dashboard needs (settings_dashboard fills the rest) */
    char *token;     /* the dashboard's token, once loaded; settings_free wipes it */
    StrBuf script;   /* the text of REGDESK_SCRIPT's file */
    char audit_log[1024]; /* $XDG_STATE_HOME/regdesk/audit.log */
} Settings;

/* The config file, then the API address, limits and token file for everyone. 0, or an
 * EXIT_* status with the problem printed. */
int settings_load(Settings *s, const Globals *g);
/* The dashboard's own: its options (argv, globals already taken), its environment and
 * test hooks, and the token it needs at once. 0, or an EXIT_* status, printed. */
int settings_dashboard(Settings *s, int argc, char **argv);
void settings_free(Settings *s);

#endif
