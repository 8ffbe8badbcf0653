/* The audit log from the command line: override, resend-link and create each leave one
 * correct line and nothing personal; a log that cannot be written stops the action
 * before anything is sent; `regdesk audit` reads the log back. */
#include <cJSON.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../testutil.h"
#include "simhttp.h"
#include "simstats.h"
#include "test_cli_run.h"

TestSuite(cli_audit, .fini = cli_sim_stop, .timeout = 120);

static char state_env[300];

/* regdesk --api SIM ARGS… with the demo token and the test's own state directory. */
static CliRun rd(const char *const args[])
{
    const char *argv[24] = { "--api", simproc_url(cli_sim) };
    size_t k = 2;
    for (size_t i = 0; args[i]; i++)
        argv[k++] = args[i];
    argv[k] = NULL;
    const char *env[] = { "VERIFIK_TOKEN=" SIM_TOKEN, state_env, NULL };
    return cli_run(argv, &(CliRunOpts){ .env = env });
}

static void start(const char *state)
{
    char dir[256];
    cli_scratch_path(dir, sizeof dir, state);
    snprintf(state_env, sizeof state_env, "XDG_STATE_HOME=%s", dir);
    cli_sim_start((const char *[]){ "--count", "300", "--seed", "21", NULL });
}

static char *log_text(void)
{
    char path[300];
    snprintf(path, sizeof path, "%s/regdesk/audit.log", strchr(state_env, '=') + 1);
    struct stat st;
    if (stat(path, &st) != 0)
        return strdup("");
    cr_assert_eq(st.st_mode & 0777, 0600, "the log's mode is %o", st.st_mode & 0777);
    return tu_read_file(path, NULL);
}

static size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

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

/* The document object, wherever show puts it. */
static const cJSON *find_document(const cJSON *j)
{
    const cJSON *c;
    cJSON_ArrayForEach(c, j)
    {
        if (c->string && !strcmp(c->string, "document") && cJSON_IsObject(c))
            return c;
        const cJSON *in = cJSON_IsObject(c) ? find_document(c) : NULL;
        if (in)
            return in;
    }
    return NULL;
}

/* Every personal value of a registration, as `show --format json` gives them. */
static void personal_values(const char *id, char vals[][256], size_t *n)
{
    CliRun r = rd((const char *[]){ "show", id, "--format", "json", NULL });
    cr_assert_eq(r.status, 0, "%s", r.err);
    cJSON *j = cJSON_Parse(r.out);
    cr_assert_not_null(j);
    const char *v, *keys[] = { "name", "email", "phone" };
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if ((v = sj_str(j, keys[i])) && strlen(v) > 3)
            snprintf(vals[(*n)++], 256, "%s", v);
    if ((v = sj_str(find_document(j), "number")) && strlen(v) > 3)
        snprintf(vals[(*n)++], 256, "%s", v);
    cJSON_Delete(j);
    cli_run_free(&r);
}

static void assert_absent(const char *log, char vals[][256], size_t n)
{
    for (size_t i = 0; i < n; i++)
        cr_assert_null(strstr(log, vals[i]), "the audit log holds \"%s\":\n%s", vals[i], log);
}

static cJSON *line_json(const char *log, size_t k)
{
    const char *p = log;
    for (size_t i = 0; i < k; i++)
        p = strchr(p, '\n') + 1;
    char *one = strndup(p, strcspn(p, "\n"));
    cJSON *j = cJSON_Parse(one);
    cr_assert_not_null(j, "line %zu is not JSON: %s", k + 1, one);
    free(one);
    return j;
}

static void assert_stamp(const cJSON *j)
{
    cr_assert_not_null(sj_str(j, "time"));
    cr_assert_not_null(sj_str(j, "user"));
    cr_assert_not_null(sj_str(j, "host"));
    cr_assert_str_eq(sj_str(j, "via"), "cli");
    cr_assert_str_eq(sj_str(j, "api"), simproc_url(cli_sim) + strlen("http://"));
}

Test(cli_audit, each_action_leaves_one_correct_line_and_nothing_personal)
{
    start("each");
    char vals[16][256];
    size_t nv = 0;
    const char *note = "segundo apellido omitido; documento y selfie coinciden";
    snprintf(vals[nv++], 256, "%s", note);
    snprintf(vals[nv++], 256, "%s", SIM_TOKEN);

    char *rev = first_id("status:review");
    personal_values(rev, vals, &nv);
    CliRun r = rd((const char *[]){ "override", rev, "--status", "FAILED", "--note", note, NULL });
    cr_assert_eq(r.status, 0, "%s", r.err);
    cli_run_free(&r);

    char *ong = first_id("status:ongoing");
    personal_values(ong, vals, &nv);
    r = rd((const char *[]){ "resend-link", ong, "--reveal-link", NULL });
    cr_assert_eq(r.status, 0, "%s", r.err);
    char *link = strndup(r.out, strcspn(r.out, "\n"));
    snprintf(vals[nv++], 256, "%s", strstr(link, "token=") + strlen("token="));
    snprintf(vals[nv++], 256, "%s", link);
    cli_run_free(&r);

    cJSON *page = simhttp_get_json(cli_sim, "/v2/app-registrations?limit=1");
    char project[64], flow[64];
    snprintf(project, sizeof project, "%s", sj_str(page, "data.0.project"));
    snprintf(flow, sizeof flow, "%s", sj_str(page, "data.0.projectFlow"));
    cJSON_Delete(page);
    snprintf(vals[nv++], 256, "%s", "auditada@example.org");
    r = rd((const char *[]){ "create", "--project", project, "--flow", flow, "--email", "auditada@example.org", NULL });
    cr_assert_eq(r.status, 0, "%s", r.err);
    char made[64];
    cr_assert_eq(sscanf(r.out, "created %63s", made), 1, "%s", r.out);
    cli_run_free(&r);

    char *log = log_text();
    cr_assert_eq(count_lines(log), 3, "one line per action:\n%s", log);
    cr_assert_geq(nv, 11, "names, e-mails, phones and document numbers of both records, the note, the link");
    assert_absent(log, vals, nv);

    cJSON *j = line_json(log, 0);
    assert_stamp(j);
    cr_assert_str_eq(sj_str(j, "action"), "override");
    cr_assert_str_eq(sj_str(j, "id"), rev);
    cr_assert_str_eq(sj_str(j, "from"), "NEEDS_MANUAL_VERIFICATION");
    cr_assert_str_eq(sj_str(j, "to"), "FAILED");
    cr_assert_str_eq(sj_str(j, "outcome"), "ok");
    cr_assert_eq(sj_num(j, "http"), 200);
    cJSON_Delete(j);
    j = line_json(log, 1);
    cr_assert_str_eq(sj_str(j, "action"), "resend-link");
    cr_assert_str_eq(sj_str(j, "id"), ong);
    cr_assert_str_eq(sj_str(j, "outcome"), "ok");
    cr_assert(cJSON_IsFalse(sj_path(j, "emailed")));
    cJSON_Delete(j);
    j = line_json(log, 2);
    cr_assert_str_eq(sj_str(j, "action"), "create");
    cr_assert_str_eq(sj_str(j, "id"), made);
    cr_assert_str_eq(sj_str(j, "to"), "STARTED");
    cr_assert_str_eq(sj_str(j, "project"), project);
    cr_assert_str_eq(sj_str(j, "flow"), flow);
    cJSON_Delete(j);

    /* A refused action was sent too: it leaves its line, saying so. */
    r = rd((const char *[]){ "resend-link", rev, NULL });
    cr_assert_eq(r.status, 5, "FAILED is final: the API refuses a new link (%s)", r.err);
    cli_run_free(&r);
    free(log);
    log = log_text();
    cr_assert_eq(count_lines(log), 4);
    j = line_json(log, 3);
    cr_assert_str_eq(sj_str(j, "outcome"), "failed");
    cr_assert_eq(sj_num(j, "http"), 409);
    cJSON_Delete(j);
    free(log);
    free(link);
    free(rev);
    free(ong);
}

/* Nothing sent, nothing said to have been done: the refusals before sending, and a dry
 * run, leave no line. */
Test(cli_audit, what_is_not_sent_leaves_no_line)
{
    start("none");
    char *id = first_id("status:completed");
    CliRun r = rd((const char *[]){ "override", id, "--status", "COMPLETED", "--note", "again", NULL });
    cr_assert_eq(r.status, 2);
    cli_run_free(&r);
    r = rd((const char *[]){ "override", id, "--status", "FAILED", "--note", "x", "--force", "--dry-run", NULL });
    cr_assert_eq(r.status, 0, "%s", r.err);
    cli_run_free(&r);
    char *log = log_text();
    cr_assert_str_eq(log, "");
    free(log);
    free(id);
}

Test(cli_audit, a_log_that_cannot_be_written_stops_the_action_before_it_is_sent)
{
    start("blocked");
    char plain[256];
    cli_scratch_path(plain, sizeof plain, "a-file");
    fclose(fopen(plain, "w"));
    snprintf(state_env, sizeof state_env, "XDG_STATE_HOME=%s/state", plain); /* under a file: no directory */
    char *id = first_id("status:review");
    simstats_reset(cli_sim);
    CliRun r = rd((const char *[]){ "override", id, "--status", "COMPLETED", "--note", "fine", NULL });
    cr_assert_eq(r.status, 6, "%s", r.err);
    cr_assert(strstr(r.err, "audit log") && strstr(r.err, "nothing was sent"), "%s", r.err);
    cli_run_free(&r);
    char *ong = first_id("status:ongoing");
    r = rd((const char *[]){ "resend-link", ong, NULL });
    cr_assert_eq(r.status, 6, "%s", r.err);
    cli_run_free(&r);
    free(ong);
    SimStats st;
    simstats_get(cli_sim, &st);
    cr_assert_eq(st.sync_requests, 0, "no override reached the API");
    cJSON *j = simhttp_get_json(cli_sim, "/v2/app-registrations?limit=100&where_status=NEEDS_MANUAL_VERIFICATION");
    bool still = false;
    const cJSON *e;
    cJSON_ArrayForEach(e, sj_path(j, "data")) still |= !strcmp(sj_str(e, "_id"), id);
    cr_assert(still, "the registration is still waiting for review");
    cJSON_Delete(j);
    free(id);
}

Test(cli_audit, audit_prints_the_log_as_a_table_or_json_since_a_date)
{
    start("read");
    CliRun r = rd((const char *[]){ "audit", NULL });
    cr_assert_eq(r.status, 0, "no log yet is not an error: %s", r.err);
    cr_assert(strstr(r.err, "there is no audit log at"), "%s", r.err);
    cli_run_free(&r);
    char *id = first_id("status:review");
    r = rd((const char *[]){ "override", id, "--status", "COMPLETED", "--note", "ok", NULL });
    cr_assert_eq(r.status, 0, "%s", r.err);
    cli_run_free(&r);

    r = rd((const char *[]){ "audit", NULL });
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert(!strncmp(r.out, "TIME (UTC)", 10), "%s", r.out);
    const char *row = strchr(r.out, '\n') + 1;
    cr_assert(strstr(row, "override") && strstr(row, id) && strstr(row, "NEEDS_MANUAL_VERIFICATION → COMPLETED") &&
                  strstr(row, " ok ") && strstr(row, " 200 ") && strstr(row, "(cli)"),
              "%s", r.out);
    cli_run_free(&r);

    r = rd((const char *[]){ "audit", "--format", "json", "--since", "1h", NULL });
    cr_assert_eq(r.status, 0, "%s", r.err);
    cJSON *j = cJSON_Parse(r.out);
    cr_assert(cJSON_IsArray(j) && cJSON_GetArraySize(j) == 1, "%s", r.out);
    cr_assert_str_eq(sj_str(j, "0.id"), id);
    cJSON_Delete(j);
    cli_run_free(&r);
    r = rd((const char *[]){ "audit", "--format", "json", "--since", "2999-01-01", NULL });
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert_str_eq(r.out, "[]\n");
    cli_run_free(&r);
    r = rd((const char *[]){ "audit", "--since", "last tuesday", NULL });
    cr_assert_eq(r.status, 2);
    cr_assert(strstr(r.err, "--since takes a date"), "%s", r.err);
    cli_run_free(&r);

    /* A line that is not a record (cut short, edited) is named, the rest still shown. */
    char path[300];
    snprintf(path, sizeof path, "%s/regdesk/audit.log", strchr(state_env, '=') + 1);
    FILE *f = fopen(path, "a");
    fputs("{\"time\":\"2026-01-01T00:00:00Z\",\"act\n", f);
    fclose(f);
    r = rd((const char *[]){ "audit", NULL });
    cr_assert_eq(r.status, 6, "%s", r.err);
    cr_assert(strstr(r.err, "audit log line 2 is not a regdesk audit record"), "%s", r.err);
    cr_assert(strstr(r.out, id), "the good line is still shown: %s", r.out);
    cli_run_free(&r);
    free(id);
}
