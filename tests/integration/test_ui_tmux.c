/* The real binary in a real terminal: tmux on a private socket runs build/regdesk against
 * the simulator; the test types like a person (send-keys), reads the screen
 * (capture-pane) until what it expects appears, and checks that quitting restores the
 * terminal (the alternate screen is gone, the shell's text is back), and makes one real
 * decision. The tmux server (on a private socket) is killed even when an assertion fails. */
#include <criterion/criterion.h>
#include <signal.h>
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

/* What cmd prints, into buf. */
static void command_output(const char *cmd, char *buf, size_t n)
{
    buf[0] = '\0';
    FILE *p = popen(cmd, "r");
    if (!p)
        return;
    size_t k = fread(buf, 1, n - 1, p);
    buf[k] = '\0';
    pclose(p);
}

/* The pane's text (or a tmux format's value) into buf. */
static void capture(const char *what, char *buf, size_t n)
{
    char cmd[256];
    if (what)
        snprintf(cmd, sizeof cmd, "tmux -S %s display -p -t ui '%s' 2>/dev/null", sock, what);
    else
        snprintf(cmd, sizeof cmd, "tmux -S %s capture-pane -p -t ui 2>/dev/null", sock);
    command_output(cmd, buf, n);
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
    tu_sh("tmux -S %s send-keys -t ui %s", sock, k);
}

static void setup(void)
{
    if (tu_sh("command -v tmux >/dev/null 2>&1") != 0)
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
    tu_sh("tmux -S %s kill-server >/dev/null 2>&1", sock);
    simproc_stop(sim);
    tu_sh("rm -rf '%s'", tmpdir);
}

/* The dashboard in a tmux session, in a shell that prints a marker before and after, so
 * the restored screen can be seen. */
static void start_session(void)
{
    const char *dir = getenv("REGDESK_BUILD_DIR");
    char bin[512];
    snprintf(bin, sizeof bin, "%s/%s/regdesk", getcwd((char[4096]){ 0 }, 4096), dir && *dir ? dir : "build");
    int rc = tu_sh("tmux -S %s new-session -d -s ui -x 100 -y 30 \"env -u NO_COLOR -u REGDESK_HEADLESS "
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

/* ---- nothing left behind: the scrollback after quit, suspend and crash ------------------------ */

/* What the dashboard showed: the start of the first records' names (as the API sends
 * them, newest first; cut to what any column shows whole) and a masked e-mail read off
 * the screen; and the first records' real e-mails, which must never show at all. */
typedef struct Seen {
    char shown[4][160], email[3][160];
} Seen;

/* The first `max` bytes of s or fewer, cut after a whole character. */
static void prefix(char *out, size_t n, const char *s, size_t max)
{
    size_t k = strlen(s) < max ? strlen(s) : max;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    snprintf(out, n, "%.*s", (int)k, s);
}

static Seen first_records(void)
{
    Seen s;
    memset(&s, 0, sizeof s);
    cJSON *j = simhttp_get_json(sim, "/v2/app-registrations?limit=3&sort=-createdAt");
    for (int i = 0; i < 3; i++) {
        char key[64];
        snprintf(key, sizeof key, "data.%d.fullName", i);
        prefix(s.shown[i], sizeof s.shown[i], sj_str(j, key) ? sj_str(j, key) : "", 14);
        snprintf(key, sizeof key, "data.%d.email", i);
        snprintf(s.email[i], sizeof s.email[i], "%s", sj_str(j, key) ? sj_str(j, key) : "");
    }
    cJSON_Delete(j);
    return s;
}

/* A masked e-mail ("m***@mail.example") from the screen into s->shown[3]. */
static void masked_email_on_screen(Seen *s)
{
    static char screen[65536];
    capture(NULL, screen, sizeof screen);
    const char *at = strstr(screen, "***@");
    cr_assert_not_null(at, "a masked e-mail is on screen:\n%s", screen);
    while (at > screen && at[-1] != ' ')
        at--;
    snprintf(s->shown[3], sizeof s->shown[3], "%.*s", (int)strcspn(at, " …\n"), at);
}

/* The pane's whole history and screen. */
static void capture_all(char *buf, size_t n)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "tmux -S %s capture-pane -p -S - -t ui 2>/dev/null", sock);
    command_output(cmd, buf, n);
}

static void nothing_left(const Seen *s, const char *when)
{
    static char all[1 << 20];
    capture_all(all, sizeof all);
    for (int i = 0; i < 4; i++)
        cr_assert(!*s->shown[i] || !strstr(all, s->shown[i]),
                  "%s: \"%s\" is still in the pane or its history:\n%s", when, s->shown[i], all);
    for (int i = 0; i < 3; i++)
        cr_assert(!*s->email[i] || !strstr(all, s->email[i]), "%s: \"%s\" is in the pane or its history", when,
                  s->email[i]);
}

/* The state letter of a process (R, S, T for stopped…), "" when it is gone. */
static const char *proc_state(pid_t pid)
{
    static char state[8];
    char path[64], buf[512] = "";
    snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
    FILE *f = fopen(path, "r");
    state[0] = '\0';
    if (f) {
        if (fgets(buf, sizeof buf, f)) {
            const char *p = strrchr(buf, ')');
            if (p && p[1] == ' ')
                snprintf(state, sizeof state, "%c", p[2]);
        }
        fclose(f);
    }
    return state;
}

/* The pid of the pane shell's child, 0 when there is none. */
static pid_t child_of_pane(void)
{
    char pane[32], path[96], buf[64] = "";
    capture("#{pane_pid}", pane, sizeof pane);
    snprintf(path, sizeof path, "/proc/%ld/task/%ld/children", atol(pane), atol(pane));
    FILE *f = fopen(path, "r");
    if (f) {
        if (!fgets(buf, sizeof buf, f))
            buf[0] = '\0';
        fclose(f);
    }
    return (pid_t)atol(buf);
}

/* The dashboard started from an interactive shell in a tmux pane (a shell with job
 * control, so Ctrl-Z stops it as it would anyone's); alternate: whether the pane honours
 * the alternate screen (off: a terminal without smcup/rmcup). Returns its pid once the
 * list is loaded and the first records are on screen. */
static pid_t run_dashboard(bool alternate, Seen *s)
{
    if (!sock[0])
        cr_skip_test("tmux is not installed");
    const char *dir = getenv("REGDESK_BUILD_DIR");
    char cwd[4096], line[8192];
    cr_assert_eq(tu_sh("tmux -S %s new-session -d -s ui -x 100 -y 30 \"env -u NO_COLOR -u REGDESK_HEADLESS "
                    "-u REGDESK_SCRIPT -u REGDESK_KEYS HOME=%s XDG_CONFIG_HOME=%s LC_ALL=C.UTF-8 TERM=tmux-256color "
                    "HISTFILE=/dev/null PS1='$ ' bash --norc --noprofile -i\"", sock, tmpdir, tmpdir), 0, "tmux could not start");
    if (!alternate)
        tu_sh("tmux -S %s set-option -w -t ui alternate-screen off", sock);
    keys("-l 'echo before-regdesk'");
    keys("Enter");
    snprintf(line, sizeof line, "-l 'VERIFIK_TOKEN=demo-token %s/%s/regdesk --api %s'", getcwd(cwd, sizeof cwd),
             dir && *dir ? dir : "build", simproc_url(sim));
    keys(line);
    keys("Enter");
    expect("2000 loaded", 15000);
    for (int i = 0; i < 3; i++)
        expect(s->shown[i], 5000);
    masked_email_on_screen(s);
    pid_t pid = child_of_pane();
    cr_assert_gt(pid, 0, "the dashboard runs under the pane's shell");
    return pid;
}

Test(ui_tmux, quitting_leaves_no_registration_in_the_scrollback, .init = setup, .fini = teardown, .timeout = 90)
{
    Seen s = first_records();
    for (int alternate = 1; alternate >= 0; alternate--) {
        run_dashboard(alternate, &s);
        keys("q");
        keys("-l 'echo regdesk-exited=$?'");
        keys("Enter");
        expect("regdesk-exited=0", 10000);
        nothing_left(&s, alternate ? "after quitting" : "after quitting, without an alternate screen");
        tu_sh("tmux -S %s kill-session -t ui >/dev/null 2>&1", sock);
    }
}

Test(ui_tmux, suspend_and_crash_leave_no_registration_behind, .init = setup, .fini = teardown, .timeout = 60)
{
    Seen s = first_records();
    pid_t pid = run_dashboard(false, &s); /* no alternate screen: the hardest case */
    keys("C-z");
    expect("Stopped", 10000);
    cr_assert_str_eq(proc_state(pid), "T", "Ctrl-Z stopped the dashboard");
    nothing_left(&s, "while suspended");
    keys("-l 'fg'");
    keys("Enter");
    expect(s.shown[0], 5000); /* back, repainted */
    kill(pid, SIGABRT);
    expect("the terminal was restored", 10000);
    nothing_left(&s, "after a crash");
}

/* ---- what any screen shows: masked, unless revealed ------------------------------------------ */

enum { SECRET_RECS = 30 }; /* more than fill the list at 100x30 */

typedef struct Secrets {
    char v[SECRET_RECS * 3][160]; /* record i: e-mail, phone, document number */
} Secrets;

static Secrets newest_secrets(void)
{
    Secrets s;
    memset(&s, 0, sizeof s);
    cJSON *j = simhttp_get_json(sim, "/v2/app-registrations?limit=30&sort=-createdAt&populates[]=documentValidation");
    static const char *const keys[] = { "email", "phone", "documentValidation.documentNumber" };
    for (int i = 0; i < SECRET_RECS; i++)
        for (int k = 0; k < 3; k++) {
            char key[96];
            snprintf(key, sizeof key, "data.%d.%s", i, keys[k]);
            const char *v = sj_str(j, key);
            if (v && strlen(v) >= 7)
                snprintf(s.v[i * 3 + k], sizeof s.v[i * 3 + k], "%s", v);
        }
    cJSON_Delete(j);
    return s;
}

/* The screen now holds no real value, except those of record `revealed` (-1: none),
 * which must all be there. */
static void screen_masked(const Secrets *s, int revealed, const char *when)
{
    static char screen[65536];
    capture(NULL, screen, sizeof screen);
    for (int i = 0; i < SECRET_RECS * 3; i++) {
        if (!*s->v[i])
            continue;
        bool shown = strstr(screen, s->v[i]) != NULL;
        if (i / 3 == revealed && i % 3 != 2) /* its document is in the pane further down */
            cr_assert(shown, "%s: revealed, yet \"%s\" is not on screen:\n%s", when, s->v[i], screen);
        else if (i / 3 != revealed)
            cr_assert_not(shown, "%s: \"%s\" is on screen unmasked:\n%s", when, s->v[i], screen);
    }
}

Test(ui_tmux, no_screen_of_a_session_shows_personal_data_unless_revealed, .init = setup, .fini = teardown,
     .timeout = 90)
{
    Seen seen = first_records();
    Secrets s = newest_secrets();
    run_dashboard(true, &seen);
    screen_masked(&s, -1, "the list");
    keys("Enter");
    expect("Checks", 10000);
    screen_masked(&s, -1, "the detail");
    keys("v");
    expect("JSON of", 10000);
    screen_masked(&s, -1, "the raw JSON");
    keys("v");
    keys("?");
    expect("regdesk keys", 5000);
    screen_masked(&s, -1, "the help");
    keys("Escape");
    keys("u");
    expect("revealed", 5000);
    screen_masked(&s, 0, "the first record revealed");
    keys("J");
    expect("masked · u reveals", 5000);
    screen_masked(&s, -1, "the next record");
    keys("/");
    keys("-l 'status:review'");
    expect("filter status:review", 5000);
    screen_masked(&s, -1, "the filter prompt");
    keys("Enter");
    keys("f");
    keys("-l 'flags>0'");
    expect("records match", 5000);
    screen_masked(&s, -1, "the search prompt");
    keys("Enter");
    keys("e");
    expect("export to:", 5000);
    screen_masked(&s, -1, "the export prompt");
    keys("Escape");
    keys("q");
    keys("-l 'echo regdesk-exited=$?'");
    keys("Enter");
    expect("regdesk-exited=0", 10000);
}
