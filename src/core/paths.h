#ifndef REGDESK_CORE_PATHS_H
#define REGDESK_CORE_PATHS_H
/* Where regdesk's own files live. */
#include <stddef.h>

/* A file in regdesk's configuration directory: $XDG_CONFIG_HOME/regdesk/NAME when
 * XDG_CONFIG_HOME is an absolute path, else ~/.config/regdesk/NAME (the config file and
 * the token file live side by side). */
void config_dir_path(const char *name, char *buf, size_t n);
/* A file in regdesk's state directory: $XDG_STATE_HOME/regdesk/NAME when XDG_STATE_HOME
 * is an absolute path, else ~/.local/state/regdesk/NAME (the audit log). */
void state_dir_path(const char *name, char *buf, size_t n);

#endif
