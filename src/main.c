/* regdesk entry point: hands the command line to the CLI dispatcher. */
#include "cli/cli.h"

int main(int argc, char **argv)
{
    return cli_main(argc, argv);
}
