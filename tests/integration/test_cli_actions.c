/* show, override, resend-link, create and login against the real simulator. */
#include <cJSON.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "simhttp.h"
#include "test_cli_run.h"

TestSuite(cli_actions, .fini = cli_sim_stop, .timeout = 120);

static const char *const ENV[] = { "VERIFIK_TOKEN=" SIM_TOKEN, NULL };

static void start(void)
{
    cli_sim_start((const char *[]){ "--count", "400", "--seed", "11", NULL });
}

/* regdesk --api SIM ARGS… with the demo token. */
static CliRun rd(const char *const args[])
{
    const char *argv[24] = { "--api", simproc_url(cli_sim) };
    size_t k = 2;
    for (size_t i = 0; args[i]; i++)
        argv[k++] = args[i];
    argv[k] = NULL;
    return cli_run(argv, &(CliRunOpts){ .env = ENV });
}

/* The id of the first registration matching a filter (TSV, one column). */
static char *first_id(const char *filter)
{
    CliRun r = rd((const char *[]){ "list", "--filter", filter, "--format", "tsv", "--columns", "id", NULL });
    cr_assert_eq(r.status, 0, "%s", r.err);
    char *line = strchr(r.out, '\n');
    cr_assert(line && line[1], "no registration matches %s", filter);
    char *id = strndup(line + 1, strcspn(line + 1, "\n"));
    cli_run_free(&r);
    return id;
}

static cJSON *show_json(const char *id)
{
    CliRun r = rd((const char *[]){ "show", id, "--format", "json", NULL });
    cr_assert_eq(r.status, 0, "%s", r.err);
    cJSON *j = cJSON_Parse(r.out);
    cr_assert_not_null(j, "show --format json is not JSON: %s", r.out);
    cli_run_free(&r);
    return j;
}

Test(cli_actions, show_text_and_json)
{
    start();
    char *id = first_id("status:review");
    CliRun r = rd((const char *[]){ "show", id, NULL });
    cr_assert_eq(r.status, 0, "%s", r.err);
    const char *sections[] = { "NEEDS_MANUAL_VERIFICATION", "\nWhy it needs review\n", "\nValidations\n",
                               "  liveness      ", "  face compare  ", "\nRed flags: ", "\nFailed attempts: ",
                               "\nReview history: " };
    const char *at = r.out;
    for (size_t i = 0; i < sizeof sections / sizeof *sections; i++) {
        at = strstr(at, sections[i]);
        cr_assert_not_null(at, "no \"%s\" in:\n%s", sections[i], r.out);
    }
    cli_run_free(&r);
    cJSON *j = show_json(id);
    cr_assert_str_eq(sj_str(j, "id"), id);
    cr_assert(cJSON_IsArray(sj_path(j, "failedAttempts")) && cJSON_IsArray(sj_path(j, "reviewReasons")));
    cJSON_Delete(j);
    free(id);
}

/* show asks for every sub-object it shows in full: e-mail and phone code failures come
 * back populated, and nothing reads "only its id" or "not loaded". */
Test(cli_actions, show_loads_everything_it_shows)
{
    start();
    const char *const filters[] = { "failed.phone>0", "failed.email>0", "status:failed failed.doc>0",
                                    "status:review failed>0", "status:ongoing failed.bio>0" };
    for (size_t f = 0; f < sizeof filters / sizeof *filters; f++) {
        char *id = first_id(filters[f]);
        CliRun r = rd((const char *[]){ "show", id, NULL });
        cr_assert_eq(r.status, 0, "%s", r.err);
        cr_assert_null(strstr(r.out, "not loaded"), "%s:\n%s", filters[f], r.out);
        cr_assert_null(strstr(r.out, "only its id"), "%s:\n%s", filters[f], r.out);
        cli_run_free(&r);
        cJSON *j = show_json(id);
        const cJSON *a;
        cJSON_ArrayForEach(a, sj_path(j, "failedAttempts"))
        {
            cr_assert(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(a, "loaded")), "%s: a %s attempt came back "
                      "as an id", filters[f], sj_str(a, "kind"));
            cr_assert_not_null(sj_str(a, "reason"), "%s: no reason in words", filters[f]);
        }
        cr_assert_gt(cJSON_GetArraySize(sj_path(j, "failedAttempts")), 0, "%s", filters[f]);
        cJSON_Delete(j);
        free(id);
    }
}

Test(cli_actions, override_round_trip)
{
    start();
    char *id = first_id("status:review");
    const char *note = "second surname omitted on the form; document and selfie match";
    CliRun r = rd((const char *[]){ "override", id, "--status", "completed", "--note", note, NULL });
    cr_assert_eq(r.status, 0, "%s", r.err);
    char want[200];
    snprintf(want, sizeof want, "%s: NEEDS_MANUAL_VERIFICATION → COMPLETED\n", id);
    cr_assert_str_eq(r.out, want);
    cli_run_free(&r);
    cJSON *j = show_json(id);
    cr_assert_str_eq(sj_str(j, "status"), "COMPLETED");
    const cJSON *hist = sj_path(j, "reviewHistory");
    const cJSON *last = cJSON_GetArrayItem(hist, cJSON_GetArraySize(hist) - 1);
    cr_assert_str_eq(sj_str(last, "newStatus"), "COMPLETED");
    cr_assert_str_eq(sj_str(last, "previousStatus"), "NEEDS_MANUAL_VERIFICATION");
    cr_assert_str_eq(sj_str(last, "note"), note);
    cJSON_Delete(j);
    /* The local checks: a status a reviewer may not set, and a blank note. */
    r = rd((const char *[]){ "override", id, "--status", "ONGOING", "--note", "x", NULL });
    cr_assert_eq(r.status, 2);
    cli_run_free(&r);
    r = rd((const char *[]){ "override", id, "--status", "FAILED", "--note", " \t ", NULL });
    cr_assert_eq(r.status, 2);
    cr_assert(strstr(r.err, "--note is required"), "%s", r.err);
    cli_run_free(&r);
    free(id);
}

static int history_length(const char *id)
{
    cJSON *j = show_json(id);
    int n = cJSON_GetArraySize(sj_path(j, "reviewHistory"));
    cJSON_Delete(j);
    return n;
}

/* No no-op, no silent reversal of a final status, and a dry run that sends nothing. */
Test(cli_actions, override_refuses_a_no_op_and_guards_final_statuses)
{
    start();
    char *id = first_id("status:completed");
    int logged = history_length(id);
    CliRun r = rd((const char *[]){ "override", id, "--status", "COMPLETED", "--note", "again", NULL });
    cr_assert_eq(r.status, 2, "%s", r.err);
    cr_assert(strstr(r.err, "is already COMPLETED"), "%s", r.err);
    cr_assert(strstr(r.err, "nothing was sent"), "%s", r.err);
    cli_run_free(&r);
    r = rd((const char *[]){ "override", id, "--status", "FAILED", "--note", "fraud found later", NULL });
    cr_assert_eq(r.status, 2, "%s", r.err);
    cr_assert(strstr(r.err, "is COMPLETED, a final status"), "says the current status: %s", r.err);
    cr_assert(strstr(r.err, "--force"), "%s", r.err);
    cli_run_free(&r);
    r = rd((const char *[]){ "override", id, "--status", "FAILED", "--note", "fraud found later", "--force", "--dry-run",
                             NULL });
    cr_assert_eq(r.status, 0, "%s", r.err);
    char want[300];
    snprintf(want, sizeof want, "would send PUT %s/v2/app-registrations/%s/sync {\"step\":\"adminOverride\",\"status\":"
             "\"FAILED\",\"note\":\"fraud found later\"}\n%s: COMPLETED → FAILED (dry run: nothing was sent)\n",
             simproc_url(cli_sim), id, id);
    cr_assert_str_eq(r.out, want);
    cli_run_free(&r);
    cr_assert_eq(history_length(id), logged, "refusals and the dry run wrote no review entry");
    cJSON *j = show_json(id);
    cr_assert_str_eq(sj_str(j, "status"), "COMPLETED");
    cJSON_Delete(j);
    r = rd((const char *[]){ "override", id, "--status", "FAILED", "--note", "fraud found later", "--force", NULL });
    cr_assert_eq(r.status, 0, "%s", r.err);
    snprintf(want, sizeof want, "%s: COMPLETED → FAILED\n", id);
    cr_assert_str_eq(r.out, want);
    cli_run_free(&r);
    cr_assert_eq(history_length(id), logged + 1);
    free(id);
}

Test(cli_actions, resend_link_is_masked_unless_revealed)
{
    start();
    char *id = first_id("status:ongoing");
    CliRun r = rd((const char *[]){ "resend-link", id, NULL });
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert(strstr(r.out, "token=***\n"), "%s", r.out);
    cr_assert_null(strstr(r.out, "eyJ"), "no part of the enrollee token: %s", r.out);
    cr_assert(strstr(r.out, "valid until "), "%s", r.out);
    cli_run_free(&r);
    r = rd((const char *[]){ "resend-link", id, "--reveal-link", NULL });
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert(strstr(r.out, "token=eyJ"), "%s", r.out);
    cli_run_free(&r);
    free(id);
}

Test(cli_actions, create_and_its_errors)
{
    start();
    cJSON *page = simhttp_get_json(cli_sim, "/v2/app-registrations?limit=1");
    char project[64], flow[64];
    snprintf(project, sizeof project, "%s", sj_str(page, "data.0.project"));
    snprintf(flow, sizeof flow, "%s", sj_str(page, "data.0.projectFlow"));
    cJSON_Delete(page);
    CliRun r = rd((const char *[]){ "create", "--project", project, "--flow", flow, "--email", "nueva.persona@example.org",
                                    "--language", "es", NULL });
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert(!strncmp(r.out, "created ", 8) && strstr(r.out, "(status STARTED, step not started)"), "%s", r.out);
    cli_run_free(&r);
    r = rd((const char *[]){ "create", "--project", project, "--flow", flow, "--email", "x@mailinator.com", NULL });
    cr_assert_eq(r.status, 5, "a blocked domain is the API's refusal: %s", r.err);
    cr_assert(strstr(r.err, "email domain not allowed"), "%s", r.err);
    cli_run_free(&r);
    r = rd((const char *[]){ "create", "--project", project, "--flow", flow, "--phone", "3001234567", NULL });
    cr_assert_eq(r.status, 2, "a phone without its country code is a usage error");
    cr_assert(strstr(r.err, "--country-code: a phone needs its country code"), "%s", r.err);
    cli_run_free(&r);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "%s was not written", path);
    char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    buf[strcspn(buf, "\n")] = '\0';
    return strdup(buf);
}

Test(cli_actions, login_writes_a_private_token_file_and_never_prints_it)
{
    start();
    char path[256];
    cli_scratch_path(path, sizeof path, "cfg/regdesk/token");
    const char *args[] = { "--api", simproc_url(cli_sim), "--token-file", path, "login", "--email", "ops@example.org", NULL };
    CliRun r = cli_run(args, &(CliRunOpts){ .input = "123456\n" });
    cr_assert_eq(r.status, 0, "%s", r.err);
    struct stat st;
    cr_assert_eq(stat(path, &st), 0);
    cr_assert_eq(st.st_mode & 0777, 0600, "mode %o", st.st_mode & 0777);
    char *token = slurp(path);
    cr_assert_gt(strlen(token), 8);
    cr_assert_null(strstr(r.out, token));
    cr_assert_null(strstr(r.err, token));
    cr_assert(strstr(r.out, "logged in"), "%s", r.out);
    cr_assert_null(strstr(r.err, "VERIFIK_TOKEN"), "%s", r.err);
    cli_run_free(&r);
    /* With VERIFIK_TOKEN set, the new file would not be read: login says so. */
    r = cli_run(args, &(CliRunOpts){ .input = "123456\n", .env = ENV });
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert(strstr(r.err, "VERIFIK_TOKEN is set and wins over the token file"), "%s", r.err);
    cli_run_free(&r);
    /* The saved token works. */
    const char *list[] = { "--api", simproc_url(cli_sim), "--token-file", path, "list", "--format", "count", NULL };
    r = cli_run(list, NULL);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert_str_eq(r.out, "400\n");
    cli_run_free(&r);
    /* A wrong code is an authentication failure and writes nothing. */
    cli_scratch_path(path, sizeof path, "other-token");
    args[3] = path;
    r = cli_run(args, &(CliRunOpts){ .input = "654321\n" });
    cr_assert_eq(r.status, 4, "%s", r.err);
    cr_assert_neq(stat(path, &st), 0, "no token file after a refused code");
    cli_run_free(&r);
    free(token);
}

/* projects lists what create needs, from the API's list or, without one, from the
 * registrations; the create command it prints works as written. */
Test(cli_actions, projects_from_the_list_or_derived)
{
    start();
    CliRun r = rd((const char *[]){ "projects", NULL });
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert_eq(strlen(r.err), 0, "from the API's list: no note: %s", r.err);
    cJSON *page = simhttp_get_json(cli_sim, "/v3/projects");
    const cJSON *p;
    cJSON_ArrayForEach(p, sj_path(page, "data"))
    {
        cr_assert(strstr(r.out, sj_str(p, "_id")) && strstr(r.out, sj_str(p, "name")), "%s", r.out);
        const cJSON *f;
        cJSON_ArrayForEach(f, sj_path(p, "projectFlows"))
            cr_assert(strstr(r.out, sj_str(f, "_id")) && strstr(r.out, sj_str(f, "name")), "%s", r.out);
    }
    cJSON_Delete(page);
    const char *line = strstr(r.out, "regdesk create --project ");
    cr_assert_not_null(line, "%s", r.out);
    char project[32], flow[32];
    cr_assert_eq(sscanf(line, "regdesk create --project %31s --flow %31s", project, flow), 2);
    cli_run_free(&r);
    r = rd((const char *[]){ "create", "--project", project, "--flow", flow, "--email", "nueva@example.org", NULL });
    cr_assert_eq(r.status, 0, "the printed ids create a registration: %s", r.err);
    cli_run_free(&r);
    simproc_stop(cli_sim);

    cli_sim_start((const char *[]){ "--count", "400", "--seed", "11", "--no-projects", NULL });
    r = rd((const char *[]){ "projects", "--format", "json", NULL });
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert(strstr(r.err, "the API has no projects list"), "says where the list came from: %s", r.err);
    cJSON *j = cJSON_Parse(r.out);
    cr_assert_not_null(j, "%s", r.out);
    cr_assert_str_eq(sj_str(j, "source"), "registrations");
    double seen = 0;
    size_t flows = 0;
    cJSON_ArrayForEach(p, sj_path(j, "projects"))
    {
        cr_assert_not_null(sj_str(p, "name"), "named from a populated registration");
        const cJSON *f;
        cJSON_ArrayForEach(f, sj_path(p, "flows"))
        {
            cr_assert_not_null(sj_str(f, "name"));
            seen += sj_num(f, "registrations");
            flows++;
        }
    }
    cr_assert_eq(flows, 6);
    cr_assert_eq(seen, 400, "every registration counted once");
    cJSON_Delete(j);
    cli_run_free(&r);
}
