#ifndef REGDESK_CLI_CLI_H
#define REGDESK_CLI_CLI_H
/* The non-interactive subcommands (list, show, override, resend-link, create, login).
 * main has taken the global options out of argv and gathered the settings. */
#include <stdbool.h>

#include "core/views.h"
#include "net/worker.h"

/* Exit statuses, documented in --help, the man page and the README. */
enum {
    EXIT_OK = 0,
    EXIT_USAGE = 2,   /* bad command line or filter */
    EXIT_NETWORK = 3, /* could not reach the API, or it kept failing */
    EXIT_AUTH = 4,    /* no token, token refused or expired */
    EXIT_SERVER = 5,  /* the API answered with an error (not found, invalid, conflict) */
    EXIT_INTERNAL = 6 /* could not write output, or another local failure */
};

/* What every subcommand needs from the flags, the environment and the config. */
typedef struct CliSettings {
    WorkerConfig worker;    /* address (validated) and limits; no token: a command loads it
                               only when it needs one */
    const char *token_file; /* the token file, or NULL for the default */
    const char *audit_log;  /* the audit log (local/audit.h) */
    const SavedView *views; /* the saved views in key order (list --view), kept by main */
    size_t nviews;
    unsigned mask;          /* what --mask masks (the config's `mask`, core/pii); used by
                               default when stdout is a terminal */
} CliSettings;

/* Whether name is a subcommand. */
bool cli_is_command(const char *name);
/* Runs the subcommand argv[0]; returns the process's exit status. */
int cli_command(const CliSettings *s, int argc, char **argv);

/* "regdesk: <sentence>" on stderr, sanitised (messages that quote the command line, a
 * file or the network; safetext_format does the same into a buffer). In clirun.c. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
