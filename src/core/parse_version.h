#ifndef REGDESK_CORE_PARSE_VERSION_H
#define REGDESK_CORE_PARSE_VERSION_H
/* The version of the cJSON library the parser runs with ("1.7.15"): for --version, and
 * so a bug report names the library actually loaded, not the one built against. */

const char *parse_library_version(void);

#endif
