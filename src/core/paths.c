/* Where regdesk's own files live. */
#include "core/paths.h"

#include <stdio.h>
#include <stdlib.h>

/* $XDG_var/regdesk/NAME, else ~/fallback/regdesk/NAME (XDG: only absolute paths count). */
static void xdg_path(const char *var, const char *fallback, const char *name, char *buf, size_t n)
{
    const char *xdg = getenv(var);
    const char *home = getenv("HOME");
    if (xdg && *xdg == '/')
        snprintf(buf, n, "%s/regdesk/%s", xdg, name);
    else
        snprintf(buf, n, "%s/%s/regdesk/%s", home && *home ? home : ".", fallback, name);
}

void config_dir_path(const char *name, char *buf, size_t n)
{
    xdg_path("XDG_CONFIG_HOME", ".config", name, buf, n);
}

void state_dir_path(const char *name, char *buf, size_t n)
{
    xdg_path("XDG_STATE_HOME", ".local/state", name, buf, n);
}
