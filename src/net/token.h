#ifndef REGDESK_NET_TOKEN_H
#define REGDESK_NET_TOKEN_H
/* The API token. It comes from VERIFIK_TOKEN or a token file that must be a regular
 * file owned by the user with mode 0600 (refused otherwise, as ssh refuses keys), and it
 * is never accepted on the command line. Buffers that held it are wiped. */
#include <stdbool.h>
#include <stddef.h>

/* A file in regdesk's configuration directory: $XDG_CONFIG_HOME/regdesk/NAME when
 * XDG_CONFIG_HOME is an absolute path, else ~/.config/regdesk/NAME (the config file and
 * the token file live side by side). */
void config_dir_path(const char *name, char *buf, size_t n);
/* Default token file: config_dir_path("token"). */
void token_default_path(char *buf, size_t n);

/* Reads VERIFIK_TOKEN (then wipes it from the environment, so children and
 * /proc/PID/environ do not see it) or, if unset, `file` (NULL = default path).
 * Returns a malloc'd token to be released with token_free, or NULL with one sentence in
 * err ("token file ~/.config/regdesk/token is readable by others (mode 0644); run chmod
 * 600 on it"). *missing is set when there simply is no token anywhere. */
char *token_load(const char *file, bool *missing, char *err, size_t n);
/* Writes the token atomically with mode 0600, creating the directory with 0700. */
bool token_save(const char *file, const char *token, char *err, size_t n);
void token_free(char *token);

/* No core dumps and no same-user ptrace: the token and customer data live in memory. */
void process_harden(void);

#endif
