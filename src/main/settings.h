#ifndef REGDESK_MAIN_SETTINGS_H
#define REGDESK_MAIN_SETTINGS_H
/* Flags + environment + config file → one Settings, which main hands to the CLI or to
 * the dashboard. Only main reads the environment (REGDESK_API, VERIFIK_TOKEN through
 * net/token, the dashboard's REGDESK_* test hooks, NO_COLOR, TERM).
 *
 * Every value goes through the settings table (conf/config.h) and keeps its source;
 * precedence is the order they are applied in: built-in, config file, environment,
 * flags. A mistake in the config file is a warning (with its file:line:column) and the
 * rest applies; a mistake in a flag or the environment stops with a sentence, as a
 * command line always has. */
#include "cli/cli.h"
#include "conf/conf.h"
#include "conf/config.h"
#include "core/strbuf.h"
#include "core/views.h"
#include "main/options.h"
#include "main/themes.h"
#include "ui/keymap.h"
#include "ui/ui.h"

typedef struct Settings {
    Config config;        /* every setting with its source */
    ConfDoc *doc;         /* the config file as read: its directives and warnings */
    char config_path[512];
    bool config_read;     /* there was a config file */
    SavedView views[VIEWS_MAX]; /* built-in and config views, in key order */
    size_t nviews;
    char overdue[48]; /* the built-in Overdue view's filter, with the sla setting in it */
    Keymap keymap;        /* the table's keys, then the config's bind and unbind */
    ThemeSet themes;      /* the themes found, the config's colours over each */
    StrBuf warnings;      /* start-up warnings, one line each (file:line:col: …) */
    size_t nwarnings;
    CliSettings cli;      /* what the subcommands need */
    UiConfig ui;          /* what the dashboard needs (settings_dashboard fills the rest) */
    char columns[600];    /* the dashboard's columns, joined for UiConfig */
    char *token;          /* the dashboard's token, once loaded; settings_free wipes it */
    StrBuf script;        /* the text of REGDESK_SCRIPT's file */
    char audit_log[1024]; /* $XDG_STATE_HOME/regdesk/audit.log */
} Settings;

/* The config file (and what it includes), the environment and the global flags: the
 * API address, limits and token file for everyone, the saved views, and the warnings.
 * 0, or an EXIT_* status with the problem printed. */
int settings_load(Settings *s, const Globals *g);
/* The dashboard's own: its options (argv, globals already taken), its environment and
 * test hooks, and the token it needs at once. 0, or an EXIT_* status, printed. */
int settings_dashboard(Settings *s, int argc, char **argv);
/* regdesk --print-config: every setting and its source, the files read; never the token. */
void settings_print(const Settings *s, StrBuf *out);
/* regdesk --check-config: the warnings, or a line saying there are none; the exit status
 * (0 or EXIT_USAGE). */
int settings_check(const Settings *s, FILE *out);
void settings_free(Settings *s);

#endif
