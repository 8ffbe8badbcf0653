/* Subcommand option parsing: both value forms, switches, positionals, "--", mistakes. */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <string.h>

#include "cli/clirun.h"

typedef struct Parsed {
    const char *filter, *format;
    bool mask;
    const char *pos[2];
    size_t npos;
    bool ok;
} Parsed;

static Parsed parse(int argc, const char *const argv[])
{
    Parsed p = { 0 };
    const CliOpt opts[] = { { "--filter", &p.filter, NULL }, { "--format", &p.format, NULL }, { "--mask", NULL, &p.mask } };
    p.ok = cli_options(argc, (char **)argv, opts, 3, p.pos, 2, &p.npos);
    return p;
}

Test(cli_options, values_switches_and_positionals)
{
    Parsed p = parse(6, (const char *[]){ "list", "ID1", "--filter", "status:failed -x", "--format=json", "--mask" });
    cr_assert(p.ok);
    cr_assert_str_eq(p.filter, "status:failed -x");
    cr_assert_str_eq(p.format, "json");
    cr_assert(p.mask);
    cr_assert_eq(p.npos, 1);
    cr_assert_str_eq(p.pos[0], "ID1");
    /* A value may start with '-'; after "--" everything is positional; "-" is a positional. */
    p = parse(6, (const char *[]){ "show", "--filter", "-age", "--", "--mask", "-" });
    cr_assert(p.ok);
    cr_assert_str_eq(p.filter, "-age");
    cr_assert_not(p.mask);
    cr_assert_eq(p.npos, 2);
    cr_assert_str_eq(p.pos[0], "--mask");
    cr_assert_str_eq(p.pos[1], "-");
}

Test(cli_options, mistakes_are_refused_with_a_sentence, .init = cr_redirect_stderr)
{
    cr_assert_not(parse(2, (const char *[]){ "list", "--colour" }).ok);
    cr_assert_not(parse(2, (const char *[]){ "list", "--filter" }).ok, "a missing value");
    cr_assert_not(parse(2, (const char *[]){ "list", "--mask=yes" }).ok, "a switch takes no value");
    cr_assert_not(parse(4, (const char *[]){ "list", "a", "b", "c" }).ok, "too many arguments");
    cr_assert_not(parse(2, (const char *[]){ "list", "--fil" }).ok, "no abbreviations");
    fflush(stderr);
    cr_assert_stderr_eq_str("regdesk: unknown option \"--colour\" for `regdesk list`; see regdesk --help\n"
                            "regdesk: --filter needs a value; see regdesk --help\n"
                            "regdesk: unknown option \"--mask=yes\" for `regdesk list`; see regdesk --help\n"
                            "regdesk: unexpected argument \"c\" for `regdesk list`; see regdesk --help\n"
                            "regdesk: unknown option \"--fil\" for `regdesk list`; see regdesk --help\n");
}
