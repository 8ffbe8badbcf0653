/* The real binary and its config: --print-config with every source and never the token,
 * --check-config's exit status, and `regdesk list --view` running a saved view from the
 * config exactly as --filter and --sort would. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "simhttp.h"
#include "test_cli_run.h"

TestSuite(cli_config, .fini = cli_sim_stop, .timeout = 120);

#define NOW "2025-06-01T12:00:00Z"
#define TOKEN "s3cret-token-that-must-not-show"
/* The config file as messages name it: HOME is the scratch directory. */
#define SHOWN "~/config"

/* A config file in the scratch directory; its path in path. */
static void config_file(char *path, size_t n, const char *text)
{
    cli_scratch_path(path, n, "config");
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
}

Test(cli_config, print_config_names_every_source_and_never_the_token)
{
    char cfg[256];
    config_file(cfg, sizeof cfg, "# team settings\nset page_size = 50\nretries = 2\nset refesh = 1\n");
    CliRun r = cli_run((const char *[]){ "--config", cfg, "--parallel", "6", "--print-config", NULL },
                       &(CliRunOpts){ .env = (const char *[]){ "REGDESK_API=http://127.0.0.1:9", "VERIFIK_TOKEN=" TOKEN,
                                                               NULL } });
    cr_assert_eq(r.status, 0, "%s", r.err);
    char want[400];
    snprintf(want, sizeof want, "# %s:2:1\n", SHOWN);
    cr_assert(strstr(r.out, "set page_size = 50 ") && strstr(r.out, want), "%s", r.out);
    snprintf(want, sizeof want, "# %s:3:1\n", SHOWN);
    cr_assert(strstr(r.out, "set retries = 2 ") && strstr(r.out, want), "the original form too: %s", r.out);
    cr_assert(strstr(r.out, "set parallel = 6 ") && strstr(r.out, "# flag --parallel\n"), "%s", r.out);
    cr_assert(strstr(r.out, "set api = http://127.0.0.1:9 ") && strstr(r.out, "# environment REGDESK_API\n"), "%s",
              r.out);
    cr_assert(strstr(r.out, "set timeout = 1m ") && strstr(r.out, "# built-in\n"), "%s", r.out);
    cr_assert(strstr(r.out, "# token: from VERIFIK_TOKEN (never shown)"), "%s", r.out);
    cr_assert_null(strstr(r.out, TOKEN), "the token is never printed");
    cr_assert_null(strstr(r.err, TOKEN));
    cr_assert(strstr(r.err, ":4:5: unknown setting \"refesh\"; did you mean \"refresh\"?"), "mistakes on stderr: %s",
              r.err);
    cli_run_free(&r);
}

Test(cli_config, check_config_exits_0_or_2)
{
    char cfg[256];
    config_file(cfg, sizeof cfg, "set page_size = 50\nview Mine = email:@example.org\n");
    CliRun r = cli_run((const char *[]){ "--config", cfg, "--check-config", NULL }, NULL);
    cr_assert_eq(r.status, 0, "%s%s", r.out, r.err);
    cr_assert(strstr(r.out, "no mistakes"), "%s", r.out);
    cli_run_free(&r);
    config_file(cfg, sizeof cfg, "set page_size = 500\nview Mine = emial:x\nbnid j down\n");
    r = cli_run((const char *[]){ "--config", cfg, "--check-config", NULL }, NULL);
    cr_assert_eq(r.status, 2, "%s%s", r.out, r.err);
    char want[400];
    snprintf(want, sizeof want, "%s:1:17: page_size must be a whole number from 1 to 100", SHOWN);
    cr_assert(strstr(r.out, want), "%s", r.out);
    snprintf(want, sizeof want, "%s:2:13: view \"Mine\": unknown field 'emial'", SHOWN);
    cr_assert(strstr(r.out, want), "%s", r.out);
    snprintf(want, sizeof want, "%s:3:1: unknown directive \"bnid\"; did you mean \"bind\"?", SHOWN);
    cr_assert(strstr(r.out, want), "%s", r.out);
    cr_assert(strstr(r.out, "3 mistakes"), "%s", r.out);
    cli_run_free(&r);
}

/* regdesk --config CFG --api SIM list ARGS… (exit 0); the caller frees. */
static CliRun list(const char *cfg, const char *const args[])
{
    const char *argv[24] = { "--config", cfg, "--api", simproc_url(cli_sim), "list" };
    size_t k = 5;
    for (size_t i = 0; args[i]; i++)
        argv[k++] = args[i];
    argv[k] = NULL;
    CliRun r = cli_run(argv, &(CliRunOpts){ .env = (const char *[]){ "VERIFIK_TOKEN=" SIM_TOKEN, NULL } });
    cr_assert_eq(r.status, 0, "regdesk list exited %d: %s", r.status, r.err);
    return r;
}

Test(cli_config, list_runs_a_saved_view_from_the_config)
{
    cli_sim_start((const char *[]){ "--count", "400", "--seed", "7", "--now", NOW, NULL });
    char cfg[256];
    config_file(cfg, sizeof cfg, "view \"Flagged reviews\" = status:review flags>0 sort:-flags\n");
    CliRun by_view = list(cfg, (const char *[]){ "--view", "flagged REVIEWS", "--format", "tsv", NULL });
    CliRun by_hand = list(cfg, (const char *[]){ "--filter", "status:review flags>0", "--sort", "-flags", "--format",
                                                 "tsv", NULL });
    cr_assert_gt(by_view.out_len, 40, "the view matches something: %s", by_view.out);
    cr_assert_str_eq(by_view.out, by_hand.out, "the view is its filter and its sort");
    cli_run_free(&by_view);
    cli_run_free(&by_hand);
    /* by key: 10 is the config's view, after the nine built-in ones; --filter narrows it */
    CliRun narrowed = list(cfg, (const char *[]){ "--view", "10", "--filter", "failed>0", "--format", "tsv", NULL });
    by_hand = list(cfg, (const char *[]){ "--filter", "status:review flags>0 failed>0", "--sort", "-flags", "--format",
                                          "tsv", NULL });
    cr_assert_str_eq(narrowed.out, by_hand.out);
    cli_run_free(&narrowed);
    cli_run_free(&by_hand);
    /* a built-in view by name */
    CliRun builtin = list(cfg, (const char *[]){ "--view", "Needs review", "--format", "count", NULL });
    CliRun review = list(cfg, (const char *[]){ "--filter", "status:review", "--format", "count", NULL });
    cr_assert_str_eq(builtin.out, review.out);
    cli_run_free(&builtin);
    cli_run_free(&review);
    const char *argv[] = { "--config", cfg, "--api", simproc_url(cli_sim), "list", "--view", "Nope", NULL };
    CliRun bad = cli_run(argv, &(CliRunOpts){ .env = (const char *[]){ "VERIFIK_TOKEN=" SIM_TOKEN, NULL } });
    cr_assert_eq(bad.status, 2);
    cr_assert(strstr(bad.err, "no saved view \"Nope\"; the views are \"All\", \"Needs review\"") &&
                  strstr(bad.err, "\"Flagged reviews\""),
              "%s", bad.err);
    cli_run_free(&bad);
}
