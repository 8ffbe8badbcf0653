/* The dashboard's export (e) against the simulator: a new private file, masked unless
 * asked and confirmed, never over another, one audit line each; and every file a whole
 * session of the dashboard and the CLI leaves behind. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../testutil.h"
#include "simhttp.h"
#include "test_cli_run.h"

TestSuite(ui_export, .fini = cli_sim_stop, .timeout = 120);

#define NOW "2025-05-25T12:00:00Z"
#define DEFAULT_NAME "regdesk-20250525-1200.csv" /* e's default at NOW (TZ=UTC) */

typedef struct Known {
    char emails[40][160];
    char phones[40][40];
    size_t n;
} Known;

/* The simulator's 40 records: every e-mail and phone it will send. */
static Known known_values(void)
{
    Known k = { .n = 0 };
    cJSON *j = simhttp_get_json(cli_sim, "/v2/app-registrations?limit=100");
    for (size_t i = 0; i < 40; i++) {
        char path[64];
        snprintf(path, sizeof path, "data.%zu.email", i);
        const char *e = sj_str(j, path);
        snprintf(path, sizeof path, "data.%zu.phone", i);
        const char *p = sj_str(j, path);
        if (e && strlen(e) > 3)
            snprintf(k.emails[k.n], sizeof k.emails[k.n], "%s", e);
        if (p && strlen(p) > 6)
            snprintf(k.phones[k.n], sizeof k.phones[k.n], "%s", p);
        k.n++;
    }
    cJSON_Delete(j);
    return k;
}

/* The dashboard headless in directory cwd with keys; its state (audit log) in state. */
static CliRun dashboard_in(const char *cwd, const char *state, const char *keys)
{
    static char env_keys[2000], env_state[300];
    snprintf(env_keys, sizeof env_keys, "REGDESK_KEYS=%s", keys);
    snprintf(env_state, sizeof env_state, "XDG_STATE_HOME=%s", state);
    const char *const env[] = { "VERIFIK_TOKEN=" SIM_TOKEN, "REGDESK_HEADLESS=100x30", env_keys, env_state,
                                "REGDESK_NOW=" NOW, "TZ=UTC", NULL };
    return cli_run((const char *[]){ "--api", simproc_url(cli_sim), NULL }, &(CliRunOpts){ .env = env, .cwd = cwd });
}

static void make_dir(char *path, size_t n, const char *name)
{
    cli_scratch_path(path, n, name);
    cr_assert_eq(mkdir(path, 0700), 0, "mkdir %s", path);
}

static int mode_of(const char *path)
{
    struct stat st;
    cr_assert_eq(stat(path, &st), 0, "%s is there", path);
    return (int)(st.st_mode & 0777);
}

static size_t count(const char *text, const char *what)
{
    size_t n = 0;
    for (const char *p = text; (p = strstr(p, what)); p += strlen(what))
        n++;
    return n;
}

/* The names in dir, sorted, one per line. */
static void listing(const char *dir, char *out, size_t n)
{
    char cmd[400];
    snprintf(cmd, sizeof cmd, "cd '%s' && find . -mindepth 1 | LC_ALL=C sort", dir);
    FILE *p = popen(cmd, "r");
    cr_assert_not_null(p);
    size_t k = fread(out, 1, n - 1, p);
    out[k] = '\0';
    pclose(p);
}

Test(ui_export, a_new_private_file_masked_unless_confirmed_never_over_another)
{
    cli_sim_start((const char *[]){ "--count", "40", "--seed", "7", "--now", NOW, NULL });
    Known k = known_values();
    char cwd[256], state[256], json[320], keys[1600], refused[300], log[320];
    make_dir(cwd, sizeof cwd, "work");
    cli_scratch_path(state, sizeof state, "state");
    snprintf(json, sizeof json, "%s/all.json", cwd);
    cli_scratch_path(refused, sizeof refused, "refused.txt");
    snprintf(keys, sizeof keys,
             ":wait-loaded\ne\n<Enter>\n:wait-message wrote\n" /* the default: masked CSV in the cwd */
             "e\n<Enter>\n:dump %s\n<Esc>\n"                   /* again: it exists */
             "e\n<C-u>\n:type %s\n<C-t>\n<Enter>\ny\n:wait-message wrote\n:quit\n",
             refused, json);
    CliRun r = dashboard_in(cwd, state, keys);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cli_run_free(&r);

    char csv[320];
    snprintf(csv, sizeof csv, "%s/" DEFAULT_NAME, cwd);
    cr_assert_eq(mode_of(csv), 0600);
    cr_assert_eq(mode_of(json), 0600);
    char *text = tu_read_file(csv, NULL);
    cr_assert_eq(count(text, "\r\n"), 41, "a header and the 40 rows, RFC 4180 lines:\n%s", text);
    cr_assert(!strncmp(text, "status,age,name,email", 21), "the columns on screen:\n%.200s", text);
    for (size_t i = 0; i < k.n; i++) {
        cr_assert(!*k.emails[i] || !strstr(text, k.emails[i]), "\"%s\" is in the masked export", k.emails[i]);
        cr_assert(!*k.phones[i] || !strstr(text, k.phones[i]), "\"%s\" is in the masked export", k.phones[i]);
    }
    cr_assert_geq(count(text, "***@"), 30, "the e-mails are there, masked:\n%s", text);
    free(text);
    text = tu_read_file(json, NULL);
    size_t clear = 0;
    for (size_t i = 0; i < k.n; i++)
        clear += *k.emails[i] && strstr(text, k.emails[i]);
    cr_assert_geq(clear, 30, "asked for and confirmed: the JSON holds the e-mails in full");
    cr_assert(text[0] == '[' && strstr(text, "\"documentNumber\""), "the JSON export's fields:\n%.300s", text);
    free(text);

    char *screen = tu_read_file(refused, NULL);
    cr_assert(strstr(screen, DEFAULT_NAME ": it exists already; give another name"), "%s", screen);
    free(screen);
    char names[2000];
    listing(cwd, names, sizeof names);
    cr_assert_str_eq(names, "./all.json\n./" DEFAULT_NAME "\n", "no temporary file is left:\n%s", names);

    snprintf(log, sizeof log, "%s/regdesk/audit.log", state);
    text = tu_read_file(log, NULL);
    cr_assert_eq(count(text, "\n"), 2, "one line per export written, none for the refused one:\n%s", text);
    cr_assert_eq(count(text, "\"action\":\"export\""), 2, "%s", text);
    cr_assert(strstr(text, "\"rows\":40") && strstr(text, "\"format\":\"csv\"") && strstr(text, "\"format\":\"json\"") &&
                  strstr(text, "\"masked\":true") && strstr(text, "\"masked\":false") &&
                  strstr(text, "\"columns\":\"screen\"") && strstr(text, DEFAULT_NAME "\""),
              "%s", text);
    for (size_t i = 0; i < k.n; i++)
        cr_assert(!*k.emails[i] || !strstr(text, k.emails[i]), "no e-mail in the log:\n%s", text);
    free(text);
}

/* Everything a session creates under HOME (config, state, cache), TMPDIR and the
 * directory it runs in is exactly the audit log (and its directories) and the export. */
Test(ui_export, a_whole_session_writes_only_the_audit_log_and_the_exports_asked_for)
{
    cli_sim_start((const char *[]){ "--count", "40", "--seed", "7", "--now", NOW, NULL });
    char cwd[256], tmp[256], before[4000], after[4000], keys[1200], env_tmp[300];
    make_dir(cwd, sizeof cwd, "session");
    make_dir(tmp, sizeof tmp, "tmp");
    listing(cli_scratch(), before, sizeof before);
    snprintf(env_tmp, sizeof env_tmp, "TMPDIR=%s", tmp);
    snprintf(keys, sizeof keys, "REGDESK_KEYS=:wait-loaded\n<Enter>\n:wait-detail\nu\nv\nv\n/\n:type status:review\n"
                                "<Enter>\n:wait-loaded\nf\n:type flags>0\n<Enter>\n?\n<Esc>\ns\n<Esc>\nV\n<Esc>\n"
                                "e\n<Enter>\n:wait-message wrote\n:quit\n");
    const char *const env[] = { "VERIFIK_TOKEN=" SIM_TOKEN, "REGDESK_HEADLESS=100x30", keys, env_tmp,
                                "REGDESK_NOW=" NOW, "TZ=UTC", NULL };
    const char *api = simproc_url(cli_sim);
    CliRun r = cli_run((const char *[]){ "--api", api, NULL }, &(CliRunOpts){ .env = env, .cwd = cwd });
    cr_assert_eq(r.status, 0, "%s", r.err);
    cli_run_free(&r);
    const char *const cli[][6] = { { "--api", api, "list", NULL }, { "--api", api, "list", "--format", "csv", NULL },
                                   { "--api", api, "list", "--filter", "status:review", NULL },
                                   { "--api", api, "audit", NULL } };
    for (size_t i = 0; i < sizeof cli / sizeof *cli; i++) {
        r = cli_run(cli[i], &(CliRunOpts){ .env = env, .cwd = cwd });
        cr_assert_eq(r.status, 0, "%s", r.err);
        cli_run_free(&r);
    }
    listing(cli_scratch(), after, sizeof after);
    /* what is new: the lines of after that before lacks */
    char added[4000] = "";
    size_t used = 0;
    for (char *line = strtok(after, "\n"); line && used < sizeof added; line = strtok(NULL, "\n")) {
        char want[600];
        snprintf(want, sizeof want, "%s\n", line);
        if (!strstr(before, want))
            used += (size_t)snprintf(added + used, sizeof added - used, "%s", want);
    }
    cr_assert_str_eq(added,
                     "./.local\n./.local/state\n./.local/state/regdesk\n./.local/state/regdesk/audit.log\n"
                     "./session/" DEFAULT_NAME "\n",
                     "files a session left:\n%s", added);
}
