/* Golden screens: the real build/regdesk in its scripted headless mode (REGDESK_HEADLESS,
 * REGDESK_SCRIPT, REGDESK_NOW) against the simulator with a fixed dataset. Each script is
 * a file, tests/ui/scripts/NAME.script, whose first line says the screen size ("# size
 * 80x24: what it shows"); every `:dump @SHOT` in it is compared with
 * tests/ui/golden/SHOT.txt. On a mismatch the actual screen is written next to the
 * golden as SHOT.txt.actual (git ignores it) and the diff is shown.
 * REGDESK_UPDATE_GOLDEN=1 rewrites the goldens instead: review them by eye. A script may
 * have a config file beside it, tests/ui/scripts/NAME.config, which the dashboard reads
 * as its $XDG_CONFIG_HOME/regdesk/config.
 *
 * A script may say "# args: ..." on its second line (more dashboard options, e.g.
 * --refresh 1), and a test may act between two steps (another reviewer deciding first):
 * once the script has dumped the screen its hook names, the hook runs against the
 * simulator and then creates @go, which the script waits for with `:wait-file @go`. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../testutil.h"
#include "core/safetext.h"
#include "simhttp.h"
#include "simproc.h"

#define NOW "2025-05-25T12:00:00Z"
#define GOLDEN_DIR "tests/ui/golden"
#define SCRIPT_DIR "tests/ui/scripts"

/* The binary's absolute path: the dashboard runs in the scratch directory, where an
 * export's default path (./regdesk-…) lands. */
static const char *regdesk_binary(void)
{
    static char path[4096], abs[4096];
    const char *dir = getenv("REGDESK_BUILD_DIR");
    snprintf(path, sizeof path, "%s/regdesk", dir && *dir ? dir : "build");
    return realpath(path, abs) ? abs : path;
}

typedef struct Run Run;

/* Something done to the simulator while the dashboard waits (the screen named `after` is
 * there: the hook may read it). */
typedef struct Hook {
    const char *after; /* a dump's name */
    void (*act)(Run *r, const char *screen);
} Hook;

struct Run {
    char dir[64]; /* scratch directory: home, script, dumps, stderr */
    SimProc *sim;
    const Hook *hook;
};

static void run_start(Run *r, const char *const sim_args[])
{
    snprintf(r->dir, sizeof r->dir, "/tmp/regdesk-ui-XXXXXX");
    cr_assert_not_null(mkdtemp(r->dir));
    r->sim = simproc_start(sim_args);
    cr_assert_not_null(r->sim, "the simulator did not start");
}

static void run_end(Run *r)
{
    simproc_stop(r->sim);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", r->dir);
    cr_assert_eq(system(cmd), 0);
}

/* Runs the hook once its screen is there, then lets the script go on. */
static void run_hook(Run *r, bool *done)
{
    char path[256], go[256];
    snprintf(path, sizeof path, "%s/%s", r->dir, r->hook->after);
    if (*done || access(path, F_OK) != 0)
        return;
    char *screen = tu_read_file(path, NULL);
    r->hook->act(r, screen);
    free(screen);
    snprintf(go, sizeof go, "%s/go", r->dir);
    fclose(fopen(go, "w"));
    *done = true;
}

/* Runs the dashboard headless at size ("200x60") with the script and extra options;
 * dump paths in the script are written as @NAME and land in the scratch directory. */
static void run_text(Run *r, const char *size, const char *script, char *const extra[])
{
    char path[200], errpath[200];
    snprintf(path, sizeof path, "%s/script", r->dir);
    snprintf(errpath, sizeof errpath, "%s/stderr", r->dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    for (const char *p = script; *p; p++) {
        if (*p == '@' && p > script && p[-1] == ' ') /* a path argument; an e-mail's @ stays */
            fprintf(f, "%s/", r->dir);
        else
            fputc(*p, f);
    }
    fclose(f);
    const char *binary = regdesk_binary();
    pid_t pid = fork();
    cr_assert_geq(pid, 0);
    if (pid == 0) {
        if (chdir(r->dir) != 0)
            _exit(126);
        int fd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(fd, STDERR_FILENO);
        int null = open("/dev/null", O_RDWR);
        dup2(null, STDIN_FILENO);
        dup2(null, STDOUT_FILENO);
        setenv("HOME", r->dir, 1);
        setenv("XDG_CONFIG_HOME", r->dir, 1);
        setenv("VERIFIK_TOKEN", "demo-token", 1);
        setenv("REGDESK_HEADLESS", size, 1);
        setenv("REGDESK_SCRIPT", path, 1);
        setenv("REGDESK_NOW", NOW, 1);
        setenv("REGDESK_SCRIPT_TIMEOUT", "30000", 1);
        setenv("LC_ALL", "C.UTF-8", 1);
        setenv("TERM", "xterm-256color", 1);
        unsetenv("NO_COLOR");
        unsetenv("XDG_STATE_HOME"); /* the audit log goes into the scratch HOME */
        unsetenv("REGDESK_API");
        char *argv[16] = { "regdesk", "--api", (char *)simproc_url(r->sim) };
        for (int i = 0; extra[i] && i < 12; i++)
            argv[3 + i] = extra[i];
        execv(binary, argv);
        _exit(127);
    }
    int status = 0;
    time_t t0 = time(NULL);
    pid_t w;
    bool hooked = false;
    while ((w = waitpid(pid, &status, WNOHANG)) == 0 && time(NULL) - t0 < 60) {
        if (r->hook)
            run_hook(r, &hooked);
        usleep(10000);
    }
    if (w == 0) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
    }
    char *err = tu_read_file(errpath, NULL);
    cr_assert(w == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0,
              "regdesk failed (status %d): %s", status, err);
    free(err);
}

/* Display columns of each line, and no control character anywhere. */
static void assert_clean(const char *text, int cols, const char *name)
{
    for (const char *p = text; *p; p++)
        cr_assert(*p == '\n' || (unsigned char)*p >= 0x20, "%s: a control byte 0x%02x reached the screen", name,
                  (unsigned char)*p);
    cr_assert(safetext_is_safe(text, strlen(text), SAFE_MULTILINE), "%s: unsafe text on the screen", name);
    for (const char *line = text; *line;) {
        cr_assert_leq(safetext_width(line), cols, "%s: a line is wider than the screen: %.*s", name,
                      (int)strcspn(line, "\n"), line);
        line += strcspn(line, "\n");
        if (*line)
            line++;
    }
}

/* Compares the dump @name (from the scratch directory) with its golden. */
static void check(Run *r, const char *name, int cols)
{
    char actual[256], golden[256], diff_path[256];
    snprintf(actual, sizeof actual, "%s/%s", r->dir, name);
    snprintf(golden, sizeof golden, GOLDEN_DIR "/%s.txt", name);
    snprintf(diff_path, sizeof diff_path, GOLDEN_DIR "/%s.txt.actual", name);
    size_t len;
    char *got = tu_read_file(actual, &len);
    const char *attrs = strstr(got, "\n-- colour slots");
    if (!attrs)
        attrs = strstr(got, "\n-- looks");
    char *text = strndup(got, attrs ? (size_t)(attrs - got + 1) : len);
    assert_clean(text, cols, name);
    free(text);
    const char *upd = getenv("REGDESK_UPDATE_GOLDEN");
    FILE *g = fopen(golden, "rb");
    if ((upd && *upd == '1') || !g) {
        if (g)
            fclose(g);
        FILE *o = fopen(golden, "wb");
        cr_assert_not_null(o, "cannot write %s", golden);
        fwrite(got, 1, len, o);
        fclose(o);
        unlink(diff_path);
        free(got);
        cr_assert(upd && *upd == '1', "%s was missing and has been written: review it by eye", golden);
        return;
    }
    fclose(g);
    size_t glen;
    char *want = tu_read_file(golden, &glen);
    if (glen == len && !memcmp(want, got, len)) {
        unlink(diff_path);
        free(want);
        free(got);
        return;
    }
    FILE *o = fopen(diff_path, "wb");
    cr_assert_not_null(o);
    fwrite(got, 1, len, o);
    fclose(o);
    char cmd[600], diff[6000] = "";
    snprintf(cmd, sizeof cmd, "diff -u '%s' '%s' | head -n 60", golden, diff_path);
    FILE *d = popen(cmd, "r");
    if (d) {
        size_t k = fread(diff, 1, sizeof diff - 1, d);
        diff[k] = '\0';
        pclose(d);
    }
    free(want);
    free(got);
    cr_assert_fail("%s differs from the golden (actual screen in %s; REGDESK_UPDATE_GOLDEN=1 accepts it after "
                   "review):\n%s",
                   name, diff_path, diff);
}

/* NAME.config beside the script becomes the dashboard's config file, or there is none. */
static void place_config(Run *r, const char *name)
{
    char src[256], dst[256];
    snprintf(src, sizeof src, SCRIPT_DIR "/%s.config", name);
    snprintf(dst, sizeof dst, "%s/regdesk", r->dir);
    mkdir(dst, 0700);
    snprintf(dst, sizeof dst, "%s/regdesk/config", r->dir);
    unlink(dst);
    if (access(src, R_OK) != 0)
        return;
    size_t len;
    char *text = tu_read_file(src, &len);
    FILE *f = fopen(dst, "wb");
    cr_assert_not_null(f);
    cr_assert_eq(fwrite(text, 1, len, f), len);
    fclose(f);
    free(text);
}

/* Runs tests/ui/scripts/NAME.script and checks every screen it dumps. */
static void run_file(Run *r, const char *name)
{
    char path[256], size[16];
    snprintf(path, sizeof path, SCRIPT_DIR "/%s.script", name);
    place_config(r, name);
    char *script = tu_read_file(path, NULL);
    cr_assert(sscanf(script, "# size %15[0-9x]", size) == 1, "%s must start with \"# size COLSxROWS\"", path);
    char args[200] = "", *extra[8] = { NULL };
    const char *second = strchr(script, '\n');
    if (second && sscanf(second + 1, "# args: %199[^\n]", args) == 1) {
        int k = 0;
        for (char *save = NULL, *a = strtok_r(args, " ", &save); a && k < 7; a = strtok_r(NULL, " ", &save))
            extra[k++] = a;
    }
    run_text(r, size, script, extra);
    for (const char *p = strstr(script, " @"); p; p = strstr(p + 2, " @")) {
        char shot[128];
        int cols, rows;
        const char *line = p;
        while (line > script && line[-1] != '\n')
            line--;
        if (strncmp(line, ":dump", 5) != 0)
            continue; /* :wait-file @go and the like are not screens */
        cr_assert(sscanf(p + 2, "%127[a-z_0-9x]", shot) == 1, "%s: a dump without a name", path);
        const char *dims = strrchr(shot, '_');
        cr_assert(dims && sscanf(dims + 1, "%dx%d", &cols, &rows) == 2, "%s: %s does not end in _COLSxROWS", path, shot);
        check(r, shot, cols);
    }
    free(script);
}

static const char *const sim_normal[] = { "--count", "3000", "--seed", "7", "--now", NOW, NULL };
static const char *const sim_slow[] = { "--count", "3000", "--seed", "7", "--now", NOW, "--fault", "latency=400", NULL };
static const char *const sim_hostile[] = { "--count", "600", "--seed", "11", "--now", NOW, "--hostile", NULL };

/* One simulator, then each script against it in turn. */
static void golden(const char *const sim_args[], const char *const scripts[])
{
    Run r = { .hook = NULL };
    run_start(&r, sim_args);
    for (size_t i = 0; scripts[i]; i++)
        run_file(&r, scripts[i]);
    run_end(&r);
}

/* One script, with a hook acting on the simulator in the middle. */
static void golden_hooked(const char *const sim_args[], const char *script, const Hook *hook)
{
    Run r = { .hook = hook };
    run_start(&r, sim_args);
    run_file(&r, script);
    run_end(&r);
}

TestSuite(ui_golden, .timeout = 90);

Test(ui_golden, startup_and_loading)
{
    golden(sim_slow, (const char *[]){ "startup_80x24", "startup_200x60", NULL });
}

Test(ui_golden, loaded_list_and_filter)
{
    golden(sim_normal, (const char *[]){ "loaded_filter_80x24", NULL });
}

Test(ui_golden, flagged_detail_with_failed_attempts)
{
    golden(sim_normal, (const char *[]){ "detail_flagged_200x60", "detail_flagged_80x24", NULL });
}

Test(ui_golden, find_in_the_help_the_json_and_the_list)
{
    golden(sim_normal, (const char *[]){ "find_text_80x24", NULL });
}

Test(ui_golden, resize_help_and_sort)
{
    golden(sim_normal, (const char *[]){ "resize_help_sort_200x60", NULL });
}

Test(ui_golden, personal_data_masked_revealed_and_not_masked)
{
    golden(sim_normal, (const char *[]){ "privacy_200x60", "nomask_80x24", "masked_match_80x24", NULL });
}

Test(ui_golden, export_prompt_result_and_refusals)
{
    golden(sim_normal, (const char *[]){ "export_80x24", NULL });
}

Test(ui_golden, idle_lock)
{
    golden(sim_normal, (const char *[]){ "lock_80x24", NULL });
}

Test(ui_golden, hostile_dataset)
{
    golden(sim_hostile, (const char *[]){ "hostile_200x60", "hostile_invalid_80x24", NULL });
}

Test(ui_golden, a_config_full_of_mistakes_still_starts)
{
    golden(sim_normal, (const char *[]){ "config_mistakes_80x24", NULL });
}

Test(ui_golden, saved_views_from_the_config)
{
    golden(sim_normal, (const char *[]){ "config_views_80x24", "views_menu_80x24", NULL });
}

Test(ui_golden, rebound_keys_in_a_scripted_run)
{
    golden(sim_normal, (const char *[]){ "keys_rebound_80x24", NULL });
}

Test(ui_golden, every_shipped_theme)
{
    golden(sim_normal, (const char *[]){ "themes_200x60", NULL });
}

/* ---- decisions, the queue, support actions ------------------------------------------------ */

/* The first 24-hex id on a screen (the dialog shows the one it decides). */
static void id_on(const char *screen, char *id)
{
    for (const char *p = screen; *p; p++) {
        size_t n = strspn(p, "0123456789abcdef");
        if (n == 24) {
            memcpy(id, p, 24);
            id[24] = '\0';
            return;
        }
        p += n;
    }
    cr_assert_fail("no registration id on the screen:\n%s", screen);
}

static void another_reviewer_decides(Run *r, const char *screen)
{
    char id[32];
    id_on(screen, id);
    char *token = simhttp_login(r->sim, "ana@example.org");
    simhttp_override_as(r->sim, token, id, "FAILED", "El documento no corresponde al titular.");
    free(token);
}

static void the_token_expires_after_one_request(Run *r, const char *screen)
{
    (void)screen;
    SimHttpReq rq = { .method = "POST", .path = "/__sim/expire?after=1" };
    SimHttpResp resp = simhttp_do(r->sim, &rq);
    cr_assert_eq(resp.status, 200);
    simhttp_free(&resp);
}

/* The fourth registration of view 1 (newest first) is decided elsewhere. */
static void a_row_changes_elsewhere(Run *r, const char *screen)
{
    (void)screen;
    cJSON *j = simhttp_get_json(r->sim, "/v2/app-registrations?sort=-createdAt&limit=4");
    const char *id = sj_str(j, "data.3._id"), *status = sj_str(j, "data.3.status");
    cr_assert(id && status);
    char *token = simhttp_login(r->sim, "ana@example.org");
    simhttp_override_as(r->sim, token, id, strcmp(status, "FAILED") ? "FAILED" : "COMPLETED", "decided elsewhere");
    free(token);
    cJSON_Delete(j);
}

Test(ui_golden, decisions_and_the_next_case)
{
    golden(sim_normal, (const char *[]){ "decide_80x24", "decide_labels_80x24", "decide_revealed_80x24", NULL });
}

Test(ui_golden, a_decision_on_its_way)
{
    golden(sim_slow, (const char *[]){ "decide_sending_200x60", NULL });
}

Test(ui_golden, another_reviewer_decided_first)
{
    golden_hooked(sim_normal, "decide_conflict_80x24", &(Hook){ "decide_conflict_open_80x24", another_reviewer_decides });
}

Test(ui_golden, a_refused_decision_changes_nothing)
{
    golden_hooked(sim_normal, "decide_failed_80x24",
                  &(Hook){ "decide_failed_open_80x24", the_token_expires_after_one_request });
}

Test(ui_golden, the_live_queue_marks_what_changed_and_pauses)
{
    golden_hooked(sim_normal, "live_80x24", &(Hook){ "live_before_80x24", a_row_changes_elsewhere });
}

Test(ui_golden, resend_link_and_create_form)
{
    golden(sim_normal, (const char *[]){ "resend_80x24", "create_80x24", NULL });
}
