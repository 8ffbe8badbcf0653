#include "tmuxrun.h"

#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../testutil.h"

static char sock[128]; /* a socket path inside dir: removed with it */
static char dir[64];

const char *tmux_dir(void)
{
    return dir;
}

const char *tmux_regdesk(void)
{
    static char bin[4096 + 64];
    const char *d = getenv("REGDESK_BUILD_DIR");
    char cwd[4096];
    snprintf(bin, sizeof bin, "%s/%s/regdesk", getcwd(cwd, sizeof cwd), d && *d ? d : "build");
    return bin;
}

bool tmux_start(int cols, int rows, const char *command)
{
    if (tu_sh("command -v tmux >/dev/null 2>&1") != 0)
        return false;
    snprintf(dir, sizeof dir, "/tmp/regdesk-tmux-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    snprintf(sock, sizeof sock, "%s/tmux.sock", dir);
    char script[200];
    snprintf(script, sizeof script, "%s/run.sh", dir);
    FILE *f = fopen(script, "w");
    cr_assert_not_null(f);
    fprintf(f, "%s\n", command);
    fclose(f);
    int rc = tu_sh("tmux -S %s new-session -d -s ui -x %d -y %d \"env -u NO_COLOR -u REGDESK_HEADLESS "
                "-u REGDESK_SCRIPT -u REGDESK_KEYS HOME=%s XDG_CONFIG_HOME=%s LC_ALL=C.UTF-8 "
                "TERM=tmux-256color sh %s\"",
                sock, cols, rows, dir, dir, script);
    cr_assert_eq(rc, 0, "tmux could not start");
    return true;
}

void tmux_stop(void)
{
    if (!sock[0])
        return;
    tu_sh("tmux -S %s kill-server >/dev/null 2>&1", sock);
    tu_sh("rm -rf '%s'", dir);
    sock[0] = dir[0] = '\0';
}

int tmux_cmd(const char *fmt, ...)
{
    char args[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(args, sizeof args, fmt, ap);
    va_end(ap);
    return tu_sh("tmux -S %s %s >/dev/null 2>&1", sock, args);
}

void tmux_keys(const char *keys)
{
    tmux_cmd("send-keys -t ui %s", keys);
}

static void read_cmd(const char *cmd, char *buf, size_t n)
{
    buf[0] = '\0';
    FILE *p = popen(cmd, "r");
    if (!p)
        return;
    size_t k = fread(buf, 1, n - 1, p);
    buf[k] = '\0';
    pclose(p);
}

void tmux_capture(const char *what, char *buf, size_t n)
{
    char cmd[512];
    if (what)
        snprintf(cmd, sizeof cmd, "tmux -S %s display -p -t ui '%s' 2>/dev/null", sock, what);
    else
        snprintf(cmd, sizeof cmd, "tmux -S %s capture-pane -p -t ui 2>/dev/null", sock);
    read_cmd(cmd, buf, n);
}

void tmux_capture_escapes(char *buf, size_t n)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "tmux -S %s capture-pane -e -p -t ui 2>/dev/null", sock);
    read_cmd(cmd, buf, n);
}

void tmux_expect(const char *text, int timeout_ms)
{
    static char screen[65536];
    for (int waited = 0;; waited += 50) {
        tmux_capture(NULL, screen, sizeof screen);
        if (strstr(screen, text))
            return;
        if (waited >= timeout_ms)
            cr_assert_fail("\"%s\" did not appear within %d ms; the screen:\n%s", text, timeout_ms, screen);
        usleep(50000);
    }
}

void tmux_wait_format(const char *what, const char *value, int timeout_ms)
{
    char got[256];
    for (int waited = 0;; waited += 50) {
        tmux_capture(what, got, sizeof got);
        got[strcspn(got, "\n")] = '\0';
        if (!strcmp(got, value))
            return;
        if (waited >= timeout_ms)
            cr_assert_fail("%s stayed \"%s\" for %d ms, not \"%s\"", what, got, timeout_ms, value);
        usleep(50000);
    }
}

long tmux_child_pid(const char *name)
{
    char pane[32], cmd[256], out[256];
    tmux_capture("#{pane_pid}", pane, sizeof pane);
    snprintf(cmd, sizeof cmd, "pgrep -P %ld -x %s 2>/dev/null | head -n 1", atol(pane), name);
    read_cmd(cmd, out, sizeof out);
    return atol(out);
}
