#ifndef REGDESK_MAIN_THEMES_H
#define REGDESK_MAIN_THEMES_H
/* The dashboard's themes, for T to cycle through: default first (compiled in, unless a
 * default.theme file is found), then every NAME.theme in the search path (main/conffile.h;
 * the first of a name wins), by name; each read by the config language with the config
 * file's own color lines over it. The theme setting (--theme, or `set theme`) names the
 * one to start with, or a theme file by its path. */
#include "cli/cli.h"
#include "conf/config.h"
#include "ui/ui.h"

typedef struct ThemeSet {
    UiTheme *themes;
    size_t n, active;
    char *active_file;     /* the active theme's file, or "(built in)" */
    StrBuf other_warnings; /* the mistakes of the themes not started with (--check-config) */
    size_t nother;
    const char *home;
} ThemeSet;

/* The active theme's mistakes go to warnings (and a config's bad color lines, or a
 * theme it names that does not exist, to config_doc); a --theme that names no theme
 * is EXIT_USAGE, printed. */
int themes_load(ThemeSet *ts, const Config *cfg, ConfDoc *config_doc, StrBuf *warnings);
void themes_free(ThemeSet *ts);

#endif
