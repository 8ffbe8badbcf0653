#ifndef REGDESK_CLI_CLI_INTERNAL_H
#define REGDESK_CLI_CLI_INTERNAL_H
/* The subcommands: argv[0] is the subcommand's name, global options already removed. */
#include "cli/cli.h"

int cmd_list(int argc, char **argv, const CliSettings *s);
int cmd_show(int argc, char **argv, const CliSettings *s);
int cmd_override(int argc, char **argv, const CliSettings *s);
int cmd_resend_link(int argc, char **argv, const CliSettings *s);
int cmd_create(int argc, char **argv, const CliSettings *s);
int cmd_login(int argc, char **argv, const CliSettings *s);
int cmd_projects(int argc, char **argv, const CliSettings *s);
int cmd_audit(int argc, char **argv, const CliSettings *s);

#endif
