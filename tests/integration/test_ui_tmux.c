/* The real binary in a real terminal: tmux on a private socket runs build/regdesk against
 * the simulator; the test types like a person (send-keys), reads the screen
 * (capture-pane) until what it expects appears, and checks that quitting restores the
 * terminal (the alternate screen is gone, the shell's text is back). The tmux server (on
 * a private socket) is killed even when an assertion fails. */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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

Test(ui_tmux, starts_loads_filters_opens_and_restores_the_terminal, .init = setup, .fini = teardown,
     .timeout = 60)
{
    if (!sock[0])
        cr_skip_test("tmux is not installed");
    const char *dir = getenv("REGDESK_BUILD_DIR");
    char bin[512];
    snprintf(bin, sizeof bin, "%s/%s/regdesk", getcwd((char[4096]){ 0 }, 4096), dir && *dir ? dir : "build");
    /* A shell that prints a marker before and after, so the restored screen can be seen. */
    int rc = sh("tmux -S %s new-session -d -s ui -x 100 -y 30 \"env -u NO_COLOR -u REGDESK_HEADLESS "
                "-u REGDESK_SCRIPT -u REGDESK_KEYS HOME=%s XDG_CONFIG_HOME=%s VERIFIK_TOKEN=demo-token "
                "LC_ALL=C.UTF-8 TERM=tmux-256color sh -c 'echo before-regdesk; %s --api %s; "
                "echo regdesk-exited=\\$?; sleep 60'\"",
                sock, tmpdir, tmpdir, bin, simproc_url(sim));
    cr_assert_eq(rc, 0, "tmux could not start");
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
