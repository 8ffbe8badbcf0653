/* The dashboard (and `regdesk list`) as a process: what it accepts on its command line
 * and how it ends, run headless (REGDESK_HEADLESS, REGDESK_KEYS) against the simulator. */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../testutil.h"
#include "simhttp.h"
#include "simstats.h"
#include "test_cli_run.h"

TestSuite(ui_run, .fini = cli_sim_stop, .timeout = 120);

/* The dashboard's --columns takes the names `regdesk list --columns` takes. */
Test(ui_run, columns_take_the_names_list_takes)
{
    cli_sim_start((const char *[]){ "--count", "40", "--seed", "7", "--now", "2025-05-25T12:00:00Z", NULL });
    char dump[256], keys[400];
    cli_scratch_path(dump, sizeof dump, "columns.txt");
    snprintf(keys, sizeof keys, "REGDESK_KEYS=:wait-loaded\n:dump %s\n:quit\n", dump);
    const char *const env[] = { "VERIFIK_TOKEN=" SIM_TOKEN, "REGDESK_HEADLESS=120x30", keys,
                                "REGDESK_NOW=2025-05-25T12:00:00Z", NULL };
    CliRun r = cli_run((const char *[]){ "--api", simproc_url(cli_sim), "--columns", "id,countryCode,redFlags,failed.bio",
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

/* A start-up filter that does not parse is refused, in list's words, with exit 2, before
 * the dashboard starts; the screen and the API are never touched. The config's filter
 * was refused the same way (its own test, with its line) before. */
Test(ui_run, a_bad_start_up_filter_is_refused_like_lists)
{
    const char *const bad[] = { "stauts:x", "status:faild", "created>=2025-13-01", "(status:review" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        const char *const env[] = { "VERIFIK_TOKEN=" SIM_TOKEN, "REGDESK_HEADLESS=80x24", "REGDESK_KEYS=:quit\n",
                                    NULL };
        CliRun dash = cli_run((const char *[]){ "--filter", bad[i], NULL }, &(CliRunOpts){ .env = env });
        CliRun list = cli_run((const char *[]){ "list", "--filter", bad[i], NULL }, &(CliRunOpts){ .env = env });
        cr_assert_eq(dash.status, 2, "%s: %d %s", bad[i], dash.status, dash.err);
        cr_assert_eq(list.status, 2, "%s", bad[i]);
        cr_assert_str_eq(dash.err, list.err, "the same sentence, term and caret as list");
        cr_assert(strstr(dash.err, "regdesk: bad filter: "), "%s", dash.err);
        cr_assert_eq(dash.out_len, 0, "no screen was drawn");
        cli_run_free(&dash);
        cli_run_free(&list);
    }
}

/* A refused token is one sentence, the worker's (where the token came from, what to do),
 * on the status bar, and in full in the empty list; not the status bar's own words
 * around the worker's, around the worker's again. */
Test(ui_run, a_refused_token_is_one_sentence)
{
    cli_sim_start((const char *[]){ "--count", "40", "--seed", "7", NULL });
    char dump[256], keys[400];
    cli_scratch_path(dump, sizeof dump, "refused.txt");
    snprintf(keys, sizeof keys, "REGDESK_KEYS=:wait-loaded\n:dump %s\n:quit\n", dump);
    const char *const env[] = { "VERIFIK_TOKEN=not-the-token", "REGDESK_HEADLESS=120x24", keys, NULL };
    CliRun r = cli_run((const char *[]){ "--api", simproc_url(cli_sim), NULL }, &(CliRunOpts){ .env = env });
    cr_assert_eq(r.status, 0, "%s", r.err);
    char *screen = tu_read_file(dump, NULL);
    const char *said = "the API refused the token in VERIFIK_TOKEN (HTTP 401";
    const char *first = strstr(screen, said);
    cr_assert_not_null(first, "%s", screen);
    cr_assert(strstr(screen, "`regdesk login` alone will not help)"), "the list says it whole:\n%s", screen);
    const char *status = screen; /* the last row: the status bar */
    for (const char *p = strchr(screen, '\n'); p && p[1]; p = strchr(p + 1, '\n'))
        status = p + 1;
    const char *lead = " the API refused the token in VERIFIK_TOKEN";
    cr_assert(!strncmp(status, lead, strlen(lead)), "status bar: %s", status);
    cr_assert_null(strstr(status + strlen(lead), "the API refused"), "once: %s", status);
    cr_assert_null(strstr(screen, "token expired or refused"), "%s", screen);
    free(screen);
    cli_run_free(&r);
}

/* ---- stopped by a signal mid-load ----------------------------------------------------------- */

typedef struct Stopper {
    const char *dump;  /* the dashboard wrote it: its first page is on screen */
    int sig;
    bool sent;
} Stopper;

/* Waits for a state (the dump of the first page, or the simulator's first list request),
 * not for a time, then sends the signal. */
static void stop_when_loading(pid_t pid, void *ctx)
{
    Stopper *st = ctx;
    for (int i = 0; i < 3000 && !st->sent; i++) {
        SimStats ss = { 0 };
        if (!st->dump)
            simstats_get(cli_sim, &ss);
        bool loading = st->dump ? access(st->dump, R_OK) == 0 : ss.list_requests > 0;
        if (loading) {
            st->sent = kill(pid, st->sig) == 0;
            return;
        }
        usleep(10000);
    }
}

static void start_slow_sim(void)
{
    /* 3000 records, 30 pages at 1.5 s each, 4 at a time: a load that lasts. */
    cli_sim_start((const char *[]){ "--count", "3000", "--seed", "7", "--fault", "latency=1500", NULL });
}

/* 128 + the signal, after the terminal is restored, as a shell reports a killed
 * program; q stays 0. */
Test(ui_run, the_dashboard_stopped_mid_load_exits_with_128_plus_the_signal)
{
    start_slow_sim();
    const int sigs[] = { SIGTERM, SIGHUP, SIGINT };
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        char dump[256], keys[400];
        snprintf(dump, sizeof dump, "%s/first-page-%zu.txt", cli_scratch(), i);
        snprintf(keys, sizeof keys, "REGDESK_KEYS=:wait-rows 1\n:dump %s\n:wait-loaded\n:quit\n", dump);
        const char *const env[] = { "VERIFIK_TOKEN=" SIM_TOKEN, "REGDESK_HEADLESS=80x24", keys,
                                    "REGDESK_SCRIPT_TIMEOUT=60000", NULL };
        Stopper st = { .dump = dump, .sig = sigs[i] };
        CliRun r = cli_run((const char *[]){ "--api", simproc_url(cli_sim), NULL },
                           &(CliRunOpts){ .env = env, .while_running = stop_when_loading, .ctx = &st });
        cr_assert(st.sent, "the first page never showed: %s", r.err);
        cr_assert_not(r.signaled, "killed by signal %d instead of leaving cleanly", r.status - 128);
        cr_assert_eq(r.status, 128 + sigs[i], "signal %d: exit status %d; %s", sigs[i], r.status, r.err);
        char *screen = tu_read_file(dump, NULL);
        cr_assert(strstr(screen, "loading"), "it was still loading when stopped:\n%s", screen);
        free(screen);
        cli_run_free(&r);
    }
}

Test(ui_run, list_stopped_mid_load_exits_with_128_plus_the_signal_and_prints_nothing)
{
    start_slow_sim();
    const char *const env[] = { "VERIFIK_TOKEN=" SIM_TOKEN, NULL };
    Stopper st = { .sig = SIGTERM };
    CliRun r = cli_run((const char *[]){ "--api", simproc_url(cli_sim), "list", "--format", "csv", NULL },
                       &(CliRunOpts){ .env = env, .while_running = stop_when_loading, .ctx = &st });
    cr_assert(st.sent, "the load never started: %s", r.err);
    cr_assert_not(r.signaled, "killed by SIGTERM instead of stopping cleanly");
    cr_assert_eq(r.status, 128 + SIGTERM, "%s", r.err);
    cr_assert_str_eq(r.out, "", "a list cut short prints nothing");
    cr_assert(strstr(r.err, "regdesk: stopped by SIGTERM"), "%s", r.err);
    cli_run_free(&r);
}

/* ---- the idle lock --------------------------------------------------------------------------- */

/* A config file in the scratch directory that locks after a second without a key; its
 * path. */
static const char *lock_config(void)
{
    static char path[256];
    cli_scratch_path(path, sizeof path, "lock.config");
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs("set idle_lock = 1s\n", f);
    fclose(f);
    return path;
}

/* Every line of a locked screen is the lock's own text: no name, no count, no status. */
static void only_the_lock(const char *path)
{
    static const char *const own[] = { "regdesk is locked", "No key for 1 second, so every registration is hidden.",
                                       "The list keeps loading in the background; nothing is lost.",
                                       "Press Enter to unlock.",
                                       "A privacy screen, not authentication: it hides the screen from passers-by.",
                                       NULL };
    char *screen = tu_read_file(path, NULL);
    cr_assert(strstr(screen, own[0]), "%s is not locked:\n%s", path, screen);
    for (char *line = strtok(screen, "\n"); line; line = strtok(NULL, "\n")) {
        line += strspn(line, " ");
        if (!*line)
            continue;
        bool known = false;
        for (size_t i = 0; own[i] && !known; i++)
            known = !strncmp(line, own[i], strlen(own[i]));
        cr_assert(known, "%s shows more than the lock: \"%s\"", path, line);
    }
    free(screen);
}

Test(ui_run, the_lock_hides_everything_while_the_list_keeps_loading)
{
    /* 3000 records in 30 pages at 0.3 s each, 4 at a time: still loading when it locks. */
    cli_sim_start((const char *[]){ "--count", "3000", "--seed", "7", "--fault", "latency=300", NULL });
    char first[256], locked[256], done[256], after[256], keys[1400];
    cli_scratch_path(first, sizeof first, "first.txt");
    cli_scratch_path(locked, sizeof locked, "locked.txt");
    cli_scratch_path(done, sizeof done, "locked-done.txt");
    cli_scratch_path(after, sizeof after, "after.txt");
    snprintf(keys, sizeof keys,
             "REGDESK_KEYS=:wait-rows 1\n?\n:dump %s\n:sleep 1200\n:dump %s\n:wait-loaded\n:dump %s\nj\nq\n<Enter>\ny\n"
             ":dump %s\n:quit\n",
             first, locked, done, after);
    const char *const env[] = { "VERIFIK_TOKEN=" SIM_TOKEN, "REGDESK_HEADLESS=100x30", keys,
                                "REGDESK_NOW=2025-05-25T12:00:00Z", NULL };
    CliRun r = cli_run((const char *[]){ "--config", lock_config(), "--api", simproc_url(cli_sim), NULL },
                       &(CliRunOpts){ .env = env });
    cr_assert_eq(r.status, 0, "%s", r.err);
    char *s = tu_read_file(first, NULL);
    cr_assert_null(strstr(s, "3000 loaded"), "still loading before the lock:\n%s", s);
    free(s);
    only_the_lock(locked);
    only_the_lock(done);
    s = tu_read_file(after, NULL);
    cr_assert(strstr(s, "3000 loaded"), "what loaded while locked is all there, and j and q did nothing:\n%s", s);
    cr_assert(strstr(s, " 1/3000 "), "the selection is where it was:\n%s", s);
    cr_assert(strstr(s, " Help "), "the help that was open is open again:\n%s", s);
    free(s);
    cli_run_free(&r);
}

/* A decision dialog or the create form open when the screen locks is hidden with the
 * rest, and is there again, as it was, once unlocked. */
Test(ui_run, the_lock_hides_an_open_dialog_too)
{
    cli_sim_start((const char *[]){ "--count", "40", "--seed", "7", "--now", "2025-05-25T12:00:00Z", NULL });
    static const struct {
        const char *keys, *shown;
    } dialogs[] = { { "2\n:wait-loaded\nd", "NEEDS_MANUAL_VERIFICATION" }, { "C", "Create a registration" } };
    for (size_t i = 0; i < sizeof dialogs / sizeof *dialogs; i++) {
        char open[256], locked[256], after[256], keys[1400];
        cli_scratch_path(open, sizeof open, "dialog-open.txt");
        cli_scratch_path(locked, sizeof locked, "dialog-locked.txt");
        cli_scratch_path(after, sizeof after, "dialog-after.txt");
        snprintf(keys, sizeof keys,
                 "REGDESK_KEYS=:wait-loaded\n%s\n:dump %s\n:sleep 1200\n:dump %s\n<Enter>\ny\n:dump %s\n<Esc>\n:quit\n",
                 dialogs[i].keys, open, locked, after);
        const char *const env[] = { "VERIFIK_TOKEN=" SIM_TOKEN, "REGDESK_HEADLESS=100x30", keys,
                                    "REGDESK_NOW=2025-05-25T12:00:00Z", NULL };
        CliRun r = cli_run((const char *[]){ "--config", lock_config(), "--api", simproc_url(cli_sim), NULL },
                           &(CliRunOpts){ .env = env });
        cr_assert_eq(r.status, 0, "%s", r.err);
        char *s = tu_read_file(open, NULL);
        cr_assert(strstr(s, dialogs[i].shown), "the dialog is open before the lock:\n%s", s);
        free(s);
        only_the_lock(locked);
        s = tu_read_file(after, NULL);
        cr_assert(strstr(s, dialogs[i].shown), "the dialog is open again after unlocking:\n%s", s);
        free(s);
        cli_run_free(&r);
    }
}

/* ---- the dashboard's audit lines -------------------------------------------------------------- */

/* The dashboard headless with keys, a 1-second idle lock and its own state directory. */
static CliRun dashboard_with_state(const char *state, const char *keys)
{
    char env_keys[1200], env_state[300];
    snprintf(env_keys, sizeof env_keys, "REGDESK_KEYS=%s", keys);
    snprintf(env_state, sizeof env_state, "XDG_STATE_HOME=%s", state);
    const char *const env[] = { "VERIFIK_TOKEN=" SIM_TOKEN, "REGDESK_HEADLESS=100x30", env_keys, env_state,
                                "REGDESK_NOW=2025-05-25T12:00:00Z", NULL };
    return cli_run((const char *[]){ "--config", lock_config(), "--api", simproc_url(cli_sim), NULL },
                   &(CliRunOpts){ .env = env });
}

Test(ui_run, reveal_lock_and_unlock_each_leave_one_audit_line)
{
    cli_sim_start((const char *[]){ "--count", "40", "--seed", "7", "--now", "2025-05-25T12:00:00Z", NULL });
    cJSON *j = simhttp_get_json(cli_sim, "/v2/app-registrations?limit=1&sort=-createdAt");
    char id[64], email[160], name[160], state[256], log[300], keys[600];
    snprintf(id, sizeof id, "%s", sj_str(j, "data.0._id"));
    snprintf(email, sizeof email, "%s", sj_str(j, "data.0.email"));
    snprintf(name, sizeof name, "%s", sj_str(j, "data.0.fullName"));
    cJSON_Delete(j);
    cli_scratch_path(state, sizeof state, "state");
    snprintf(log, sizeof log, "%s/regdesk/audit.log", state);
    snprintf(keys, sizeof keys, ":wait-loaded\nu\n:sleep 1500\n<Enter>\ny\n:quit\n");
    CliRun r = dashboard_with_state(state, keys);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cli_run_free(&r);
    char *text = tu_read_file(log, NULL);
    const char *reveal = strstr(text, "\"action\":\"reveal\""), *lock = strstr(text, "\"action\":\"lock\""),
               *unlock = strstr(text, "\"action\":\"unlock\"");
    cr_assert(reveal && lock && unlock && reveal < lock && lock < unlock, "reveal, lock, unlock in turn:\n%s", text);
    char want[120];
    snprintf(want, sizeof want, "\"id\":\"%s\"", id);
    cr_assert(strstr(text, want) && strstr(text, "\"fields\":\"email,phone,document,ip\"") &&
                  strstr(text, "\"seconds\":60") && strstr(text, "\"idle_seconds\":1") &&
                  strstr(text, "\"locked_seconds\":") && strstr(text, "\"via\":\"dashboard\""),
              "%s", text);
    int lines = 0;
    for (const char *p = text; *p; p++)
        lines += *p == '\n';
    cr_assert_eq(lines, 3, "one line each:\n%s", text);
    cr_assert_null(strstr(text, email), "no e-mail in the log:\n%s", text);
    cr_assert_null(strstr(text, name), "no name in the log:\n%s", text);
    free(text);
}

Test(ui_run, no_reveal_when_the_audit_log_cannot_be_written)
{
    cli_sim_start((const char *[]){ "--count", "40", "--seed", "7", "--now", "2025-05-25T12:00:00Z", NULL });
    char plain[256], state[300], dump[256], keys[600];
    cli_scratch_path(plain, sizeof plain, "a-file");
    FILE *f = fopen(plain, "w");
    cr_assert_not_null(f);
    fclose(f);
    snprintf(state, sizeof state, "%s/state", plain); /* under a file: no directory can be made */
    cli_scratch_path(dump, sizeof dump, "refused.txt");
    snprintf(keys, sizeof keys, ":wait-loaded\n<Enter>\n:wait-detail\nu\n:dump %s\n:quit\n", dump);
    CliRun r = dashboard_with_state(state, keys);
    cr_assert_eq(r.status, 0, "viewing needs no audit log: %s", r.err);
    char *screen = tu_read_file(dump, NULL);
    cr_assert(strstr(screen, "not revealed: the audit log"), "the refusal says why:\n%s", screen);
    cr_assert(strstr(screen, "masked · u reveals"), "the record stays masked:\n%s", screen);
    free(screen);
    cli_run_free(&r);
}
