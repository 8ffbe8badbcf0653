#ifndef REGDESK_MAIN_CONFFILE_H
#define REGDESK_MAIN_CONFFILE_H
/* The configuration language's files, read for main (src/conf never opens a file): the
 * config file, what it includes, and theme files found by name.
 *
 * Themes are searched, by NAME.theme, in $XDG_CONFIG_HOME/regdesk/themes, then in the
 * installed DATADIR/regdesk/themes (core/buildinfo.h, from the Makefile), then, for
 * build/regdesk only, in the source tree's themes/, so `make demo` finds them. */
#include <stdbool.h>
#include <stddef.h>

enum { CONFFILE_MAX = 1 << 20, CONFFILE_THEME_DIRS = 3 };

/* path whole (*text malloc'd, NUL-terminated): a regular file of at most CONFFILE_MAX
 * bytes. False with why filled (a sentence naming the file). */
bool conffile_read(const char *path, char **text, size_t *len, char *why, size_t n);
/* A ConfIncludeFn (conf/conf.h): PATH relative to the including file's folder, ~/ the
 * home folder (also at the start of the including file's name); ctx is the home folder
 * (a const char *, may be NULL). The included file's name is its real path. */
bool conffile_include(void *ctx, const char *from, const char *path, char **text, size_t *len, char **name,
                      char *why, size_t n);
/* The theme folders in search order, into dirs (each 512 bytes); how many there are. */
int conffile_theme_dirs(char dirs[CONFFILE_THEME_DIRS][512]);

#endif
