#ifndef REGDESK_CONF_CONFIG_H
#define REGDESK_CONF_CONFIG_H
/* The config file ($XDG_CONFIG_HOME/regdesk/config): `key = value` lines, # comments.
 * main reads it into its settings; the richer language to come (themes, `bind`, saved
 * views, `include`) grows here, where both main and the dashboard can use it: this
 * folder depends on core only. */
#include <stdbool.h>
#include <stddef.h>

/* Settings read from the config file. */
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

#endif
