/* regdesk's subcommands: which exist, and running one. */
#include "cli/cli.h"

#include <string.h>

#include "cli/cli_internal.h"
#include "cli/clirun.h"

typedef struct Command {
    const char *name;
    int (*run)(int argc, char **argv, const CliSettings *s);
} Command;

static const Command commands[] = {
    { "list", cmd_list },           { "show", cmd_show },     { "override", cmd_override },
    { "resend-link", cmd_resend_link }, { "create", cmd_create }, { "login", cmd_login },
    { "projects", cmd_projects },   { "audit", cmd_audit },
};

static const Command *find(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (!strcmp(name, commands[i].name))
            return &commands[i];
    return NULL;
}

bool cli_is_command(const char *name)
{
    return find(name) != NULL;
}

int cli_command(const CliSettings *s, int argc, char **argv)
{
    const Command *c = find(argv[0]);
    if (!c) {
        cli_error("unknown command \"" QS "\"; see regdesk --help", argv[0]);
        return EXIT_USAGE;
    }
    cli_signals_start();
    return c->run(argc, argv, s);
}
