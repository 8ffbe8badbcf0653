/* Terminals that misbehave, as black-box runs of the real binary in tmux: 200 resizes to
 * random sizes (1x1 and 2x2 among them) while pages load, Ctrl-Z and fg, SIGTERM and
 * SIGHUP mid-load (an SSH session dropped: exit status 128 + the signal); and `regdesk list
 * | head`. Each ends with the terminal restored and nothing left behind. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "simproc.h"
#include "test_cli_run.h"
#include "tmuxrun.h"

static SimProc *sim;

static void teardown(void)
{
    tmux_stop();
    simproc_stop(sim);
    sim = NULL;
    cli_scratch_clean();
}

TestSuite(ui_terminal, .fini = teardown, .timeout = 120);

/* The dashboard in tmux over a slow simulator: 20 000 registrations arrive over several
 * seconds. The shell prints markers around it, and its exit status. */
static bool start_dashboard(int cols, int rows, const char *shell)
{
    sim = simproc_start((const char *[]){ "--count", "20000", "--seed", "7", "--now", "2025-05-25T12:00:00Z", "--fault",
                                          "latency=120", NULL });
    cr_assert_not_null(sim);
    char cmd[8192];
    /* A fixed clock, so that ages do not move between two looks at the screen. */
    snprintf(cmd, sizeof cmd, "echo before-regdesk; VERIFIK_TOKEN=demo-token REGDESK_NOW=2025-05-25T12:00:00Z %s "
             "--api %s --parallel 2; echo regdesk-exited=$?; sleep 60", tmux_regdesk(), simproc_url(sim));
    if (!shell)
        return tmux_start(cols, rows, cmd);
    return tmux_start(cols, rows, shell);
}

static void assert_restored(void)
{
    char alt[32], screen[65536];
    tmux_capture("#{alternate_on}", alt, sizeof alt);
    cr_assert_eq(alt[0], '0', "the alternate screen is gone");
    tmux_capture(NULL, screen, sizeof screen);
    cr_assert(strstr(screen, "before-regdesk"), "the shell's text is back:\n%s", screen);
    cr_assert_null(strstr(screen, "loaded"), "no dashboard text is left behind:\n%s", screen);
}

/* Nothing regdesk wrote stays in its HOME (the tmux scratch directory). */
static void assert_no_files_left(void)
{
    DIR *d = opendir(tmux_dir());
    cr_assert_not_null(d);
    for (struct dirent *e; (e = readdir(d));)
        cr_assert(e->d_name[0] == '.' || !strcmp(e->d_name, "run.sh") || !strcmp(e->d_name, "tmux.sock"),
                  "a file was left in HOME: %s", e->d_name);
    closedir(d);
}

static int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

Test(ui_terminal, two_hundred_resizes_while_loading)
{
    if (!start_dashboard(100, 30, NULL))
        cr_skip_test("tmux is not installed");
    tmux_expect(" loaded", 15000);
    srand(15);
    for (int i = 0; i < 200; i++) {
        int cols = 1 + rand() % 220, rows = 1 + rand() % 70;
        if (i == 50)
            cols = rows = 1;
        if (i == 120)
            cols = rows = 2;
        cr_assert_eq(tmux_cmd("resize-window -t ui -x %d -y %d", cols, rows), 0, "resize %d", i);
    }
    cr_assert_eq(tmux_cmd("resize-window -t ui -x 100 -y 30"), 0);
    cr_assert_gt(tmux_child_pid("regdesk"), 0, "regdesk is still running after the resizes");
    tmux_expect("20000 loaded", 60000);
    /* The screen after the last resize is the one a full repaint draws: no garbage left. */
    static char before[65536], after[65536];
    usleep(300000);
    tmux_capture_escapes(before, sizeof before);
    tmux_keys("C-l");
    for (int waited = 0; waited < 5000; waited += 100) {
        usleep(100000);
        tmux_capture_escapes(after, sizeof after);
        if (!strcmp(before, after))
            break;
    }
    cr_assert_str_eq(before, after, "the screen changed when repainted:\nbefore:\n%s\nafter:\n%s", before, after);
    cr_assert_eq(count_lines(after), 30);
    char screen[65536];
    tmux_capture(NULL, screen, sizeof screen);
    cr_assert(strstr(screen, "127.0.0.1"), "the header is there:\n%s", screen);
    tmux_keys("q");
    tmux_expect("regdesk-exited=0", 10000);
    assert_restored();
    assert_no_files_left();
}

Test(ui_terminal, ctrl_z_and_fg_restore_the_terminal)
{
    if (!start_dashboard(100, 30, "PS1='$ ' exec bash --norc --noprofile -i"))
        cr_skip_test("tmux is not installed");
    char line[8192];
    /* One command per line: bash goes on with a list when its job stops. */
    tmux_keys("-l 'echo before-regdesk'");
    tmux_keys("Enter");
    snprintf(line, sizeof line, "-l 'VERIFIK_TOKEN=demo-token %s --api %s'", tmux_regdesk(), simproc_url(sim));
    tmux_keys(line);
    tmux_keys("Enter");
    tmux_expect(" loaded", 15000);
    tmux_keys("C-z");
    tmux_expect("Stopped", 10000);
    tmux_wait_format("#{alternate_on}", "0", 5000); /* suspended, the shell has its screen back */
    tmux_keys("-l 'fg'");
    tmux_keys("Enter");
    tmux_wait_format("#{alternate_on}", "1", 5000); /* back in the dashboard */
    tmux_expect(" loaded", 10000);
    tmux_keys("q");
    tmux_wait_format("#{alternate_on}", "0", 10000);
    tmux_keys("-l 'echo regdesk-exited=$?'");
    tmux_keys("Enter");
    tmux_expect("regdesk-exited=0", 10000);
    assert_restored();
}

static void killed_mid_load(int sig)
{
    if (!start_dashboard(100, 30, NULL))
        cr_skip_test("tmux is not installed");
    tmux_expect(" loaded", 15000);
    long pid = tmux_child_pid("regdesk");
    cr_assert_gt(pid, 0);
    char screen[65536];
    tmux_capture(NULL, screen, sizeof screen);
    cr_assert_null(strstr(screen, "20000 loaded"), "still loading when the signal comes:\n%s", screen);
    cr_assert_eq(kill((pid_t)pid, sig), 0);
    char want[32];
    snprintf(want, sizeof want, "regdesk-exited=%d", 128 + sig); /* as a shell reports a killed program */
    tmux_expect(want, 10000);
    assert_restored();
    assert_no_files_left();
}

Test(ui_terminal, sigterm_mid_load_restores_the_terminal)
{
    killed_mid_load(SIGTERM);
}

Test(ui_terminal, sighup_mid_load_restores_the_terminal)
{
    killed_mid_load(SIGHUP);
}

/* `regdesk list | head` closes the pipe early: regdesk ends quietly. */
Test(ui_terminal, a_closed_pipe_ends_quietly)
{
    sim = simproc_start((const char *[]){ "--count", "3000", NULL });
    cr_assert_not_null(sim);
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "VERIFIK_TOKEN=demo-token %s --api %s list | head -n 1; echo \"status=${PIPESTATUS[0]}\"",
             tmux_regdesk(), simproc_url(sim));
    CliRun r = cli_run((const char *[]){ "-c", cmd, NULL }, &(CliRunOpts){ .binary = "/bin/bash" });
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert_str_eq(r.err, "", "nothing on stderr");
    cr_assert(strstr(r.out, "ID") || strstr(r.out, "id"), "head got the header line: %s", r.out);
    cr_assert(strstr(r.out, "status=6") || strstr(r.out, "status=0"), "no signal death: %s", r.out);
    cli_run_free(&r);
}
