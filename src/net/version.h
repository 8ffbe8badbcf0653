#ifndef REGDESK_NET_VERSION_H
#define REGDESK_NET_VERSION_H
/* The libcurl the worker runs with, and its TLS library: "8.14.1 (OpenSSL/3.5.1)". For
 * --version: a certificate or proxy problem depends on both. */
#include <stddef.h>

void net_library_version(char *buf, size_t n);

#endif
