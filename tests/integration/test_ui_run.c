/* The dashboard as a process: what it accepts on its command line and how it ends,
 * run headless (REGDESK_HEADLESS, REGDESK_KEYS) against the simulator. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../testutil.h"
#include "simhttp.h"
#include "test_cli_run.h"

static SimProc *sim;

static void stop_sim(void)
{
    simproc_stop(sim);
    sim = NULL;
    cli_scratch_clean();
}

TestSuite(ui_run, .fini = stop_sim, .timeout = 120);

/* The dashboard's --columns takes the names `regdesk list --columns` takes. */
Test(ui_run, columns_take_the_names_list_takes)
{
    sim = simproc_start((const char *[]){ "--count", "40", "--seed", "7", "--now", "2025-05-25T12:00:00Z", NULL });
    cr_assert_not_null(sim);
    char dump[256], keys[400];
    cli_scratch_path(dump, sizeof dump, "columns.txt");
    snprintf(keys, sizeof keys, "REGDESK_KEYS=:wait-loaded\n:dump %s\n:quit\n", dump);
    const char *const env[] = { "VERIFIK_TOKEN=" SIM_TOKEN, "REGDESK_HEADLESS=120x30", keys,
                                "REGDESK_NOW=2025-05-25T12:00:00Z", NULL };
    CliRun r = cli_run((const char *[]){ "--api", simproc_url(sim), "--columns", "id,countryCode,redFlags,failed.bio",
                                         NULL },
                       &(CliRunOpts){ .env = env });
    cr_assert_eq(r.status, 0, "%s", r.err);
    char *screen = tu_read_file(dump, NULL);
    const char *titles = strstr(screen, "Id ");
    cr_assert_not_null(titles, "%s", screen);
    cr_assert(strstr(titles, "CC") && strstr(titles, "Flg") && strstr(titles, "F.bio"), "%s", screen);
    free(screen);
    cli_run_free(&r);
}
