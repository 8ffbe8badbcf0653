/* Subcommand option parsing: both value forms, switches, positionals, "--", mistakes. */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <string.h>

#include "cli/clirun.h"
#include "main/options.h"

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

/* The value a global flag gave the setting id, or NULL. */
static const char *flag_value(const Globals *g, SettingId id)
{
    for (size_t i = 0; i < g->nset; i++)
        if (g->set[i].id == id)
            return g->set[i].value;
    return NULL;
}

static int take(Globals *g, int *argc, const char *const in[], char **argv)
{
    memcpy(argv, in, (size_t)*argc * sizeof *argv);
    argv[*argc] = NULL;
    memset(g, 0, sizeof *g);
    return options_take_globals(argc, argv, g);
}

/* Global options in any position, up to "--": after it everything is the subcommand's,
 * even text that looks like a global option, and "--" itself is passed on. */
Test(cli_options, globals_stop_at_the_double_dash)
{
    Globals g;
    char *argv[12];
    int argc = 7;
    cr_assert_eq(take(&g, &argc, (const char *[]){ "regdesk", "list", "--api", "http://x", "--parallel", "3", "--mask" }, argv), 0);
    cr_assert_str_eq(flag_value(&g, SET_API), "http://x");
    cr_assert_str_eq(flag_value(&g, SET_PARALLEL), "3");
    cr_assert_eq(argc, 3);
    cr_assert_str_eq(argv[1], "list");
    cr_assert_str_eq(argv[2], "--mask");
    cr_assert_null(argv[3]);

    argc = 8;
    cr_assert_eq(take(&g, &argc, (const char *[]){ "regdesk", "--allow-http", "show", "--", "--api", "--timeout", "x", "--token" }, argv), 0);
    cr_assert_str_eq(flag_value(&g, SET_ALLOW_HTTP), "yes", "before --: taken");
    cr_assert_null(flag_value(&g, SET_API), "after --: left alone");
    cr_assert_null(flag_value(&g, SET_TIMEOUT));
    cr_assert_eq(argc, 7);
    const char *want[] = { "regdesk", "show", "--", "--api", "--timeout", "x", "--token" };
    for (int i = 0; i < 7; i++)
        cr_assert_str_eq(argv[i], want[i]);
    cr_assert_null(argv[7]);

    /* `regdesk show -- --api`: the subcommand's parser gets "--" and reads an id. */
    argc = 4;
    cr_assert_eq(take(&g, &argc, (const char *[]){ "regdesk", "show", "--", "--api" }, argv), 0);
    cr_assert_null(flag_value(&g, SET_API));
    Parsed p = parse(argc - 1, (const char *const *)argv + 1);
    cr_assert(p.ok);
    cr_assert_eq(p.npos, 1);
    cr_assert_str_eq(p.pos[0], "--api");
}
