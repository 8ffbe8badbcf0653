#ifndef REGDESK_MAIN_OPTIONS_H
#define REGDESK_MAIN_OPTIONS_H
/* The command line: the global options, the help, and the dashboard's own options. */
#include <stdbool.h>
#include <stdio.h>

#include "conf/config.h"

/* One setting from the command line: --parallel 8 is { SET_PARALLEL, "8", "--parallel" }.
 * The settings table (conf/config.h) checks the value like the config's `set`. */
typedef struct FlagSetting {
    SettingId id;
    const char *value;
    const char *flag;
} FlagSetting;

enum { FLAGS_MAX = 32 };

/* Options every subcommand (and the dashboard) understands, in any position before "--". */
typedef struct Globals {
    const char *config; /* --config FILE; else $XDG_CONFIG_HOME/regdesk/config */
    FlagSetting set[FLAGS_MAX]; /* --api, --token-file, --cacert, --allow-http, --parallel,
                                   --timeout, --theme, in order; they win over the
                                   environment and the config */
    size_t nset;
    bool print_config, check_config, print_keys; /* --print-config, --check-config, --print-keys */
} Globals;

/* Takes the global options out of argv[1..*argc), wherever they stand before a "--";
 * the "--" itself and everything after it stay, for the subcommand's own parser (so
 * `regdesk show -- --api` asks for the id "--api"). 0, or an EXIT_* code with the
 * problem printed. */
int options_take_globals(int *argc, char **argv, Globals *g);

/* `regdesk --help`. */
void options_usage(FILE *out);

/* The dashboard's options (argv[1..argc), globals already taken): --filter, --sort,
 * --columns, --view, --no-mouse, --refresh, as settings from flags, and --file PATH|- in
 * *file (NULL without). 0, or EXIT_USAGE with the problem printed. */
int options_dashboard(int argc, char **argv, Config *cfg, const char **file);
/* Applies one flag's setting; false with the problem printed ("--parallel: parallel must
 * be…"). */
bool options_apply(Config *cfg, const FlagSetting *f);

#endif
