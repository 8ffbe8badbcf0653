/* The real binary in a real terminal: tmux on a private socket runs build/regdesk against
 * the simulator; the test types like a person (send-keys), reads the screen
 * (capture-pane) until what it expects appears, and checks that quitting restores the
 * terminal (the alternate screen is gone, the shell's text is back), and makes one real
 * decision. The tmux server (on a private socket) is killed even when an assertion fails. */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../testutil.h"
#include "simhttp.h"
#include "simproc.h"

static char sock[128]; /* a socket path inside tmpdir: removed with it */
static char tmpdir[64];
static SimProc *sim;

static int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int sh(const char *fmt, ...)
{
    char cmd[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    return system(cmd);
}

/* The pane's text (or a tmux format's value) into buf. */
static void capture(const char *what, char *buf, size_t n)
{
    char cmd[256];
    if (what)
        snprintf(cmd, sizeof cmd, "tmux -S %s display -p -t ui '%s' 2>/dev/null", sock, what);
    else
        snprintf(cmd, sizeof cmd, "tmux -S %s capture-pane -p -t ui 2>/dev/null", sock);
    buf[0] = '\0';
    FILE *p = popen(cmd, "r");
    if (!p)
        return;
    size_t k = fread(buf, 1, n - 1, p);
    buf[k] = '\0';
    pclose(p);
}

/* Polls the screen until text appears; fails with the last screen after timeout_ms. */
static void expect(const char *text, int timeout_ms)
{
    static char screen[65536];
    for (int waited = 0;; waited += 50) {
        capture(NULL, screen, sizeof screen);
        if (strstr(screen, text))
            return;
        if (waited >= timeout_ms)
            cr_assert_fail("\"%s\" did not appear within %d ms; the screen:\n%s", text, timeout_ms, screen);
        usleep(50000);
    }
}

static void keys(const char *k)
{
    sh("tmux -S %s send-keys -t ui %s", sock, k);
}

static void setup(void)
{
    if (sh("command -v tmux >/dev/null 2>&1") != 0)
        return;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/regdesk-tmux-XXXXXX");
    cr_assert_not_null(mkdtemp(tmpdir));
    snprintf(sock, sizeof sock, "%s/tmux.sock", tmpdir);
    const char *args[] = { "--count", "2000", "--seed", "7", "--now", "2025-05-25T12:00:00Z", NULL };
    sim = simproc_start(args);
    cr_assert_not_null(sim);
}

static void teardown(void)
{
    if (!sock[0])
        return;
    sh("tmux -S %s kill-server >/dev/null 2>&1", sock);
    simproc_stop(sim);
    sh("rm -rf '%s'", tmpdir);
}

/* The dashboard in a tmux session, in a shell that prints a marker before and after, so
 * the restored screen can be seen. */
static void start_session(void)
{
    const char *dir = getenv("REGDESK_BUILD_DIR");
    char bin[512];
    snprintf(bin, sizeof bin, "%s/%s/regdesk", getcwd((char[4096]){ 0 }, 4096), dir && *dir ? dir : "build");
    int rc = sh("tmux -S %s new-session -d -s ui -x 100 -y 30 \"env -u NO_COLOR -u REGDESK_HEADLESS "
                "-u REGDESK_SCRIPT -u REGDESK_KEYS -u XDG_STATE_HOME HOME=%s XDG_CONFIG_HOME=%s "
                "VERIFIK_TOKEN=demo-token LC_ALL=C.UTF-8 TERM=tmux-256color sh -c 'echo before-regdesk; %s --api %s; "
                "echo regdesk-exited=\\$?; sleep 60'\"",
                sock, tmpdir, tmpdir, bin, simproc_url(sim));
    cr_assert_eq(rc, 0, "tmux could not start");
}

Test(ui_tmux, starts_loads_filters_opens_and_restores_the_terminal, .init = setup, .fini = teardown,
     .timeout = 60)
{
    if (!sock[0])
        cr_skip_test("tmux is not installed");
    start_session();
    expect("2000 loaded", 15000);
    char alt[32];
    capture("#{alternate_on}", alt, sizeof alt);
    cr_assert_eq(alt[0], '1', "the dashboard uses the alternate screen");
    keys("/");
    expect("of 2000 match", 5000);
    keys("-l 'status:review'");
    expect("filter status:review", 5000);
    keys("Enter");
    keys("Enter");
    expect("Why it needs review", 10000);
    expect("Checks", 5000);
    keys("Escape");
    keys("q");
    expect("regdesk-exited=0", 10000);
    capture("#{alternate_on}", alt, sizeof alt);
    cr_assert_eq(alt[0], '0', "the alternate screen is gone after quitting");
    char screen[65536];
    capture(NULL, screen, sizeof screen);
    cr_assert(strstr(screen, "before-regdesk"), "the shell's text is back:\n%s", screen);
    cr_assert_null(strstr(screen, "loaded"), "no dashboard text is left behind:\n%s", screen);
}

/* The 24-hex id just before `after` on the screen. */
static void id_before(const char *screen, const char *after, char *id)
{
    const char *at = strstr(screen, after);
    cr_assert(at && at - screen >= 24, "no \"%s\" on the screen:\n%s", after, screen);
    memcpy(id, at - 24, 24);
    id[24] = '\0';
    cr_assert_eq(strspn(id, "0123456789abcdef"), 24, "no id before \"%s\":\n%s", after, screen);
}

Test(ui_tmux, one_real_decision, .init = setup, .fini = teardown, .timeout = 60)
{
    if (!sock[0])
        cr_skip_test("tmux is not installed");
    start_session();
    expect("2000 loaded", 15000);
    keys("2"); /* the review queue */
    expect("view 2 Needs review", 5000);
    keys("Enter");
    expect("Why it needs review", 10000);
    keys("d");
    expect("NEEDS_MANUAL_VERIFICATION", 5000);
    keys("Down"); /* the first reason label begins the note */
    keys("-l 'selfie and document disagree'");
    expect("selfie and document disagree", 5000);
    keys("Enter");
    expect("1 decided this session", 10000);
    char screen[65536], id[32], path[600];
    capture(NULL, screen, sizeof screen);
    id_before(screen, " REVIEW \u2192 FAILED", id);
    snprintf(path, sizeof path, "/v2/app-registrations/%s", id);
    cJSON *rec = simhttp_get_json(sim, path);
    cr_assert_str_eq(sj_str(rec, "data.status"), "FAILED", "the API has the decision");
    const cJSON *log = sj_path(rec, "data.manualReviewLog");
    const char *note = sj_str(cJSON_GetArrayItem(log, cJSON_GetArraySize(log) - 1), "note");
    cr_assert(note && strstr(note, "selfie and document disagree") && strchr(note, ':'),
              "the note, after the label: %s", note ? note : "(none)");
    cJSON_Delete(rec);
    keys("q");
    expect("regdesk-exited=0", 10000);
    snprintf(path, sizeof path, "%s/.local/state/regdesk/audit.log", tmpdir);
    char *audit = tu_read_file(path, NULL);
    cr_assert(audit && strstr(audit, id) && strstr(audit, "\"override\""), "one audit line: %s", audit);
    cr_assert_eq(strchr(audit, '\n'), audit + strlen(audit) - 1, "exactly one line: %s", audit);
    free(audit);
}
