#include "core/parse_version.h"

#include <cJSON.h>

const char *parse_library_version(void)
{
    return cJSON_Version();
}
