#include "net/version.h"

#include <curl/curl.h>
#include <stdio.h>

void net_library_version(char *buf, size_t n)
{
    const curl_version_info_data *v = curl_version_info(CURLVERSION_NOW);
    if (v->ssl_version)
        snprintf(buf, n, "%s (%s)", v->version, v->ssl_version);
    else
        snprintf(buf, n, "%s (no TLS)", v->version);
}
