/* The dashboard's actions against the real simulator, run headless with a script: each
 * reaches the API (counted in /__sim/stats, the record read back), a decision another
 * reviewer made first stops it, a decision under every fault the simulator injects is
 * applied exactly once or not at all and the screen and the audit log say which, and the
 * audit log holds exactly one correct line per action and nothing personal. */
#include <cJSON.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../testutil.h"
#include "core/strbuf.h"
#include "simhttp.h"
#include "simstats.h"
#include "test_cli_run.h"

TestSuite(ui_actions_sim, .fini = cli_sim_stop, .timeout = 240);

#define NOW "2025-05-25T12:00:00Z"

static char state_env[300];

static void start(const char *const extra[])
{
    const char *args[16] = { "--count", "300", "--seed", "5", "--now", NOW };
    size_t k = 6;
    for (size_t i = 0; extra && extra[i]; i++)
        args[k++] = extra[i];
    args[k] = NULL;
    cli_sim_start(args);
    char dir[256];
    snprintf(dir, sizeof dir, "%s/state-%d", cli_scratch(), getpid());
    snprintf(state_env, sizeof state_env, "XDG_STATE_HOME=%s", dir);
}

/* The dashboard, headless at 120x40, running script (its @ paths in the scratch dir). */
static CliRun dashboard(const char *script, const CliRunOpts *more)
{
    static char keys[8192];
    StrBuf b = STRBUF_INIT;
    for (const char *p = script; *p; p++) {
        if (*p == '@' && p > script && p[-1] == ' ')
            strbuf_printf(&b, "%s/", cli_scratch());
        else
            strbuf_putc(&b, *p);
    }
    snprintf(keys, sizeof keys, "REGDESK_KEYS=%s", strbuf_cstr(&b));
    strbuf_free(&b);
    const char *env[] = { "VERIFIK_TOKEN=" SIM_TOKEN, "REGDESK_HEADLESS=120x40", "REGDESK_NOW=" NOW,
                          "REGDESK_SCRIPT_TIMEOUT=60000", keys, state_env, NULL };
    CliRunOpts o = more ? *more : (CliRunOpts){ 0 };
    o.env = env;
    CliRun r = cli_run((const char *[]){ "--api", simproc_url(cli_sim), NULL }, &o);
    cr_assert_eq(r.status, 0, "the dashboard failed: %s", r.err);
    return r;
}

static char *scratch_file(const char *name)
{
    char path[300];
    cli_scratch_path(path, sizeof path, name);
    return tu_read_file(path, NULL);
}

/* The audit log's lines, parsed. */
static size_t log_lines(cJSON *out[], size_t max)
{
    char path[400];
    snprintf(path, sizeof path, "%s/regdesk/audit.log", strchr(state_env, '=') + 1);
    if (access(path, F_OK) != 0)
        return 0;
    char *text = tu_read_file(path, NULL);
    size_t n = 0;
    for (char *line = text; *line && n < max;) {
        char *nl = strchr(line, '\n');
        cr_assert_not_null(nl, "a line without its newline: %s", line);
        *nl = '\0';
        out[n] = cJSON_Parse(line);
        cr_assert_not_null(out[n], "not JSON: %s", line);
        n++;
        line = nl + 1;
    }
    free(text);
    return n;
}

static void free_lines(cJSON *lines[], size_t n)
{
    for (size_t i = 0; i < n; i++)
        cJSON_Delete(lines[i]);
}

/* The registration as the API has it now, with its review log. */
static cJSON *record(const char *id)
{
    char path[200];
    snprintf(path, sizeof path, "/v2/app-registrations/%s?populates[]=documentValidation", id);
    return simhttp_get_json(cli_sim, path);
}

static int reviews(const cJSON *rec)
{
    return cJSON_GetArraySize(sj_path(rec, "data.manualReviewLog"));
}

/* What is personal in a registration: none of it may be in the log. */
static void assert_nothing_personal(const char *log, const char *id)
{
    cJSON *rec = record(id);
    const char *keys[] = { "data.email", "data.phone", "data.fullName", "data.documentValidation.documentNumber" };
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        const char *v = sj_str(rec, keys[i]);
        if (v && strlen(v) > 3)
            cr_assert_null(strstr(log, v), "the audit log holds %s of %s: %s", keys[i], id, v);
    }
    cJSON_Delete(rec);
}

Test(ui_actions_sim, every_action_reaches_the_api_and_leaves_one_line_and_a_cancelled_one_none)
{
    start(NULL);
    simstats_reset(cli_sim);
    const char *note = "selfie and document do not match on visual check";
    char script[2000];
    snprintf(script, sizeof script,
             ":wait-loaded\n2\n<Enter>\n:wait-detail\n"
             "a\n:type never sent\n<Esc>\n" /* a cancelled dialog */
             "d\n:type %s\n<Enter>\n:wait-action\n:dump @after-decision\n"
             "/\n:key <C-u>\n:type status:ongoing\n<Enter>\nL\n<Enter>\n:wait-action\n:dump @link\ny\ny\n<Esc>\n"
             "C\n:type auditada.nueva@example.org\n<Enter>\n:wait-action\n:dump @created\n:quit\n",
             note);
    CliRun r = dashboard(script, NULL);
    cli_run_free(&r);

    SimStats st;
    simstats_get(cli_sim, &st);
    cr_assert_eq(st.sync_requests, 1, "one decision, sent once (the cancelled one never)");
    cr_assert_eq(st.resend_requests, 1);
    cr_assert_eq(st.create_requests, 1);

    cJSON *lines[16];
    size_t n = log_lines(lines, 16);
    cr_assert_eq(n, 4, "override, resend-link, copy-link, create");
    const char *actions[] = { "override", "resend-link", "copy-link", "create" };
    for (size_t i = 0; i < n; i++) {
        cr_assert_str_eq(sj_str(lines[i], "action"), actions[i]);
        cr_assert_str_eq(sj_str(lines[i], "outcome"), "ok");
        cr_assert_str_eq(sj_str(lines[i], "via"), "dashboard");
        cr_assert_not_null(sj_str(lines[i], "id"));
    }
    const char *decided = sj_str(lines[0], "id");
    cJSON *rec = record(decided);
    cr_assert_str_eq(sj_str(rec, "data.status"), "FAILED", "the API has the decision");
    const cJSON *log = sj_path(rec, "data.manualReviewLog");
    cr_assert_str_eq(sj_str(cJSON_GetArrayItem(log, cJSON_GetArraySize(log) - 1), "note"), note);
    cJSON_Delete(rec);
    cr_assert_str_eq(sj_str(lines[0], "from"), "NEEDS_MANUAL_VERIFICATION");
    cr_assert_str_eq(sj_str(lines[0], "to"), "FAILED");
    cr_assert_eq(sj_num(lines[0], "http"), 200);
    cr_assert_str_eq(sj_str(lines[1], "id"), sj_str(lines[2], "id"), "the link copied is the one resent");
    rec = record(sj_str(lines[3], "id"));
    cr_assert_str_eq(sj_str(rec, "data.email"), "auditada.nueva@example.org", "created as typed");
    cJSON_Delete(rec);

    char *screen = scratch_file("after-decision");
    cr_assert(strstr(screen, "1 decided this session"), "%s", screen);
    free(screen);
    screen = scratch_file("link");
    cr_assert(strstr(screen, "?token=***"), "the link is masked on screen:\n%s", screen);
    free(screen);
    char path[400];
    snprintf(path, sizeof path, "%s/regdesk/audit.log", strchr(state_env, '=') + 1);
    char *text = tu_read_file(path, NULL);
    cr_assert_null(strstr(text, note), "no note text");
    cr_assert_null(strstr(text, "token="), "no link");
    cr_assert_null(strstr(text, "eyJ"), "no enrollee token");
    cr_assert_null(strstr(text, SIM_TOKEN), "no API token");
    cr_assert_null(strstr(text, "auditada.nueva"), "no e-mail typed into the form");
    for (size_t i = 0; i < n; i++)
        assert_nothing_personal(text, sj_str(lines[i], "id"));
    free(text);
    free_lines(lines, n);
}

/* ---- another reviewer first ----------------------------------------------------------------- */

typedef struct Race {
    const char *marker; /* the dashboard has the dialog open */
    char id[32];
} Race;

/* Once the dialog is open, another reviewer decides the case; then the dashboard goes on. */
static void decide_first(pid_t pid, void *ctx)
{
    (void)pid;
    Race *race = ctx;
    char path[300], go[300];
    cli_scratch_path(path, sizeof path, race->marker);
    for (int i = 0; i < 6000 && access(path, F_OK) != 0; i++)
        usleep(10000);
    char *screen = tu_read_file(path, NULL);
    const char *p = strstr(screen, "Decline");
    cr_assert_not_null(p, "%s", screen);
    for (; *p && strspn(p, "0123456789abcdef") != 24; p++)
        ;
    snprintf(race->id, sizeof race->id, "%.24s", p);
    cr_assert_eq(strlen(race->id), 24, "no id in the dialog:\n%s", screen);
    free(screen);
    char *token = simhttp_login(cli_sim, "ana@example.org");
    simhttp_override_as(cli_sim, token, race->id, "COMPLETED", "verified by video call");
    free(token);
    cli_scratch_path(go, sizeof go, "go");
    fclose(fopen(go, "w"));
}

Test(ui_actions_sim, a_case_another_reviewer_decided_first_gets_nothing_sent)
{
    start(NULL);
    Race race = { .marker = "open" };
    CliRunOpts o = { .while_running = decide_first, .ctx = &race };
    CliRun r = dashboard(":wait-loaded\n2\n<Enter>\n:wait-detail\nd\n:type fraud\n:dump @open\n:wait-file @go\n"
                         "<Enter>\n:wait-action\n:dump @conflict\n:quit\n",
                         &o);
    cli_run_free(&r);
    cJSON *rec = record(race.id);
    cr_assert_str_eq(sj_str(rec, "data.status"), "COMPLETED", "the other reviewer's decision stands");
    const cJSON *log = sj_path(rec, "data.manualReviewLog");
    cr_assert_str_eq(sj_str(cJSON_GetArrayItem(log, cJSON_GetArraySize(log) - 1), "note"), "verified by video call",
                     "nobody overwrote it");
    cJSON_Delete(rec);
    SimStats st;
    simstats_get(cli_sim, &st);
    cr_assert_eq(st.sync_requests, 1, "only the other reviewer's");
    char *screen = scratch_file("conflict");
    cr_assert(strstr(screen, "Not sent") && strstr(screen, "by ana@example.org as COMPLETED"), "%s", screen);
    free(screen);
    cJSON *lines[4];
    size_t n = log_lines(lines, 4);
    cr_assert_eq(n, 1);
    cr_assert_str_eq(sj_str(lines[0], "outcome"), "conflict");
    cr_assert_str_eq(sj_str(lines[0], "id"), race.id);
    free_lines(lines, n);
}

/* ---- under every fault ------------------------------------------------------------------------ */

typedef struct Fault {
    const char *spec;
    bool applied; /* what the simulator does with the request */
    int sends;    /* sync requests the worker makes */
} Fault;

/* Each fault on every override, and nothing else faulted. The worker repeats an override
 * only when it provably was not processed (429); a lost answer is settled by a re-read. */
static const Fault faults[] = {
    { "error=1", false, 1 },     { "429=1,retry-after=0", false, 5 }, { "truncate=1", true, 1 },
    { "malformed=1", true, 1 },  { "reset=1", false, 1 },             { "slow=1,slow-ms=300", true, 1 },
    { "huge=1,huge-mb=40", false, 1 }, { "html=1", false, 1 },
};

static char *first_review_id(void)
{
    cJSON *j = simhttp_get_json(cli_sim, "/v2/app-registrations?where_status=NEEDS_MANUAL_VERIFICATION&limit=1");
    char *id = strdup(sj_str(j, "data.0._id"));
    cJSON_Delete(j);
    return id;
}

/* A simulator whose overrides all meet fault f; the case to decide (free it). */
static char *start_faulted(const Fault *f)
{
    char spec[80];
    snprintf(spec, sizeof spec, "%s,only=sync", f->spec);
    start((const char *[]){ "--fault", spec, NULL });
    char *id = first_review_id();
    simstats_reset(cli_sim);
    return id;
}

/* One line, and the outcome the simulator's record bears out. */
static void assert_logged(const Fault *f, const char *why)
{
    cJSON *lines[4];
    size_t n = log_lines(lines, 4);
    cr_assert_eq(n, 1, "%s: one line", f->spec);
    cr_assert_str_eq(sj_str(lines[0], "outcome"), f->applied ? "ok" : "failed", "%s: %s", f->spec, why);
    free_lines(lines, n);
}

Test(ui_actions_sim, a_decision_under_every_fault_lands_once_or_not_at_all_and_says_which)
{
    for (size_t i = 0; i < sizeof faults / sizeof *faults; i++) {
        char *id = start_faulted(&faults[i]);
        cJSON *before = record(id);
        int logged = reviews(before);
        cJSON_Delete(before);
        char script[600];
        snprintf(script, sizeof script, ":wait-loaded\n/\n:type id:%s\n<Enter>\n<Enter>\n:wait-detail\nd\n"
                 ":type fault %zu\n<Enter>\n:wait-action\n:dump @fault-%zu\n:quit\n", id, i, i);
        CliRun r = dashboard(script, NULL);
        cli_run_free(&r);

        SimStats st;
        simstats_get(cli_sim, &st);
        cr_assert_eq(st.sync_requests, (unsigned long)faults[i].sends, "%s: %lu overrides sent", faults[i].spec,
                     st.sync_requests);
        cJSON *after = record(id);
        int added = reviews(after) - logged;
        cr_assert_eq(added, faults[i].applied ? 1 : 0, "%s: %d review entries added", faults[i].spec, added);
        cr_assert_str_eq(sj_str(after, "data.status"), faults[i].applied ? "FAILED" : "NEEDS_MANUAL_VERIFICATION",
                         "%s", faults[i].spec);
        cJSON_Delete(after);
        char name[32];
        snprintf(name, sizeof name, "fault-%zu", i);
        char *screen = scratch_file(name);
        if (faults[i].applied)
            cr_assert(strstr(screen, "REVIEW → FAILED"), "%s: the screen says it was decided:\n%s", faults[i].spec,
                      screen);
        else
            cr_assert(strstr(screen, "not decided"), "%s: the screen says it was not:\n%s", faults[i].spec, screen);
        free(screen);
        assert_logged(&faults[i], "the dashboard");
        free(id);
        cli_sim_stop();
    }
}

/* The same for `regdesk override`: its exit status and its sentence say which. */
Test(ui_actions_sim, regdesk_override_under_every_fault_says_whether_it_landed)
{
    for (size_t i = 0; i < sizeof faults / sizeof *faults; i++) {
        char *id = start_faulted(&faults[i]);
        const char *env[] = { "VERIFIK_TOKEN=" SIM_TOKEN, state_env, NULL };
        CliRun r = cli_run((const char *[]){ "--api", simproc_url(cli_sim), "override", id, "--status", "FAILED", "--note",
                                             "fault", NULL },
                           &(CliRunOpts){ .env = env });
        SimStats st;
        simstats_get(cli_sim, &st);
        cr_assert_eq(st.sync_requests, (unsigned long)faults[i].sends, "%s", faults[i].spec);
        if (faults[i].applied) {
            cr_assert_eq(r.status, 0, "%s: %s", faults[i].spec, r.err);
            cr_assert(strstr(r.out, "NEEDS_MANUAL_VERIFICATION → FAILED"), "%s: %s", faults[i].spec, r.out);
        } else {
            cr_assert_neq(r.status, 0, "%s", faults[i].spec);
            cr_assert_str_eq(r.out, "", "%s", faults[i].spec);
        }
        assert_logged(&faults[i], r.err);
        cli_run_free(&r);
        free(id);
        cli_sim_stop();
    }
}
