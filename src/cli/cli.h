#ifndef REGDESK_CLI_CLI_H
#define REGDESK_CLI_CLI_H
/* Command-line entry: parses global options and runs a subcommand (or the dashboard). */

/* Exit statuses, documented in --help and the README. */
enum {
    EXIT_OK = 0,
    EXIT_USAGE = 2,   /* bad command line or filter */
    EXIT_NETWORK = 3, /* could not reach the API, or it kept failing */
    EXIT_AUTH = 4,    /* no token, token refused or expired */
    EXIT_SERVER = 5,  /* the API answered with an error (not found, invalid, conflict) */
    EXIT_INTERNAL = 6 /* could not write output, or another local failure */
};

int cli_main(int argc, char **argv);

#endif
