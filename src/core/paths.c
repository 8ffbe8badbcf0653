/* Where regdesk's own files live. */
#include "core/paths.h"

#include <stdio.h>
#include <stdlib.h>

void config_dir_path(const char *name, char *buf, size_t n)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    if (xdg && *xdg == '/')
        snprintf(buf, n, "%s/regdesk/%s", xdg, name);
    else
        snprintf(buf, n, "%s/.config/regdesk/%s", home && *home ? home : ".", name);
}
