/* Masking in `regdesk list` and `regdesk show`: masked by default on a terminal (a screen
 * others may see), not in a file or a pipe (an export someone asked for), --mask and
 * --no-mask say it outright, and the config's `mask` says what is masked. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "simhttp.h"
#include "test_cli_run.h"

TestSuite(cli_mask, .fini = cli_sim_stop, .timeout = 120);

static const char *const ENV[] = { "VERIFIK_TOKEN=" SIM_TOKEN, NULL };

/* The first registration as the API sends it, with its real e-mail and phone. */
typedef struct First {
    char id[64], email[160], phone[64], name[160];
} First;

static First start(void)
{
    cli_sim_start((const char *[]){ "--count", "30", "--seed", "7", "--now", "2025-06-01T12:00:00Z", NULL });
    cJSON *j = simhttp_get_json(cli_sim, "/v2/app-registrations?limit=1&sort=-createdAt");
    First f;
    snprintf(f.id, sizeof f.id, "%s", sj_str(j, "data.0._id"));
    snprintf(f.email, sizeof f.email, "%s", sj_str(j, "data.0.email"));
    snprintf(f.phone, sizeof f.phone, "%s", sj_str(j, "data.0.phone"));
    snprintf(f.name, sizeof f.name, "%s", sj_str(j, "data.0.fullName") ? sj_str(j, "data.0.fullName") : "");
    cJSON_Delete(j);
    cr_assert(strchr(f.email, '@') && strlen(f.phone) >= 7, "the dataset's first record has contact data");
    return f;
}

/* regdesk [--config FILE] --api SIM ARGS…, stdout a terminal or a pipe. */
static CliRun rd(const char *config, bool tty, const char *const args[])
{
    const char *argv[24] = { "--api", simproc_url(cli_sim) };
    size_t k = 2;
    char path[512];
    if (config) {
        cli_scratch_path(path, sizeof path, "config");
        FILE *f = fopen(path, "w");
        cr_assert_not_null(f);
        fputs(config, f);
        fclose(f);
        argv[k++] = "--config";
        argv[k++] = path;
    }
    for (size_t i = 0; args[i]; i++)
        argv[k++] = args[i];
    argv[k] = NULL;
    return cli_run(argv, &(CliRunOpts){ .env = ENV, .tty_stdout = tty });
}

static void masked(const CliRun *r, const First *f, const char *what)
{
    cr_assert_eq(r->status, 0, "%s exited %d: %s", what, r->status, r->err);
    cr_assert_null(strstr(r->out, f->email), "%s shows the e-mail:\n%s", what, r->out);
    cr_assert_null(strstr(r->out, f->phone), "%s shows the phone:\n%s", what, r->out);
    char tail[8];
    snprintf(tail, sizeof tail, "%s", f->phone + strlen(f->phone) - 4);
    cr_assert(strstr(r->out, "***@"), "%s marks the masked e-mail:\n%s", what, r->out);
    cr_assert(strstr(r->out, tail), "%s keeps the phone's last 4 digits:\n%s", what, r->out);
}

static void unmasked(const CliRun *r, const First *f, const char *what)
{
    cr_assert_eq(r->status, 0, "%s exited %d: %s", what, r->status, r->err);
    cr_assert(strstr(r->out, f->email), "%s hides the e-mail:\n%s", what, r->out);
    cr_assert(strstr(r->out, f->phone), "%s hides the phone:\n%s", what, r->out);
}

Test(cli_mask, list_masks_on_a_terminal_and_not_in_a_pipe)
{
    First f = start();
    const char *csv[] = { "list", "--format", "csv", NULL };
    CliRun r = rd(NULL, false, csv);
    unmasked(&r, &f, "list to a pipe (Carla's cron job)");
    cli_run_free(&r);
    r = rd(NULL, true, csv);
    masked(&r, &f, "list on a terminal");
    cli_run_free(&r);
    r = rd(NULL, true, (const char *[]){ "list", "--format", "csv", "--no-mask", NULL });
    unmasked(&r, &f, "list --no-mask on a terminal");
    cli_run_free(&r);
    r = rd(NULL, false, (const char *[]){ "list", "--format", "json", "--mask", NULL });
    masked(&r, &f, "list --mask to a pipe");
    cli_run_free(&r);
    r = rd(NULL, false, (const char *[]){ "list", "--mask", "--no-mask", NULL });
    cr_assert_eq(r.status, 2, "both flags are a usage error");
    cr_assert(strstr(r.err, "--mask and --no-mask contradict each other"), "%s", r.err);
    cli_run_free(&r);
}

Test(cli_mask, the_config_says_what_is_masked)
{
    First f = start();
    CliRun r = rd("set mask = none\n", true, (const char *[]){ "list", "--format", "csv", NULL });
    unmasked(&r, &f, "list on a terminal with mask = none");
    cli_run_free(&r);
    r = rd("set mask = none\n", false, (const char *[]){ "list", "--format", "csv", "--mask", NULL });
    masked(&r, &f, "--mask with mask = none");
    cli_run_free(&r);
    r = rd("set mask = email,phone,document,ip,name\n", true, (const char *[]){ "list", "--format", "csv", NULL });
    masked(&r, &f, "list with names masked too");
    cr_assert(*f.name && !strstr(r.out, f.name), "the name is masked too:\n%s", r.out);
    cli_run_free(&r);
    /* A mistake in the line leaves the default, never less masking; --check-config names it. */
    r = rd("set mask = email,adress\n", true, (const char *[]){ "list", "--format", "csv", NULL });
    masked(&r, &f, "list with a mask line it cannot read");
    cli_run_free(&r);
    r = rd("set mask = email,adress\n", false, (const char *[]){ "--check-config", NULL });
    cr_assert_eq(r.status, 2);
    cr_assert(strstr(r.out, ":1:12: mask has no \"adress\""), "the config's line is named: %s%s", r.out, r.err);
    cli_run_free(&r);
}

Test(cli_mask, show_masks_like_list)
{
    First f = start();
    CliRun r = rd(NULL, true, (const char *[]){ "show", f.id, NULL });
    masked(&r, &f, "show on a terminal");
    cli_run_free(&r);
    r = rd(NULL, false, (const char *[]){ "show", f.id, "--format", "json", NULL });
    unmasked(&r, &f, "show --format json to a pipe");
    cli_run_free(&r);
    r = rd(NULL, false, (const char *[]){ "show", f.id, "--format", "json", "--mask", NULL });
    masked(&r, &f, "show --format json --mask");
    cli_run_free(&r);
}
