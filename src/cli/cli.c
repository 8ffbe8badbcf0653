#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

static void usage(FILE *out)
{
    fputs("usage: regdesk [--help] [--version]\n", out);
}

int cli_main(int argc, char **argv)
{
    if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        usage(stdout);
        return EXIT_OK;
    }
    if (argc > 1 && !strcmp(argv[1], "--version")) {
        puts("regdesk 0.1");
        return EXIT_OK;
    }
    usage(stderr);
    return EXIT_USAGE;
}
