/* ui_run: the dashboard's start and end. Terminal setup (or a headless virtual screen
 * for tests), signals through a self-pipe, a crash handler that restores the terminal
 * with async-signal-safe calls before re-raising, the worker, and the windows. */
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "core/safetext.h"
#include "core/strbuf.h"
#include "core/timeutil.h"
#include "core/xalloc.h"
#include "ui/actions.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "core/glyphs.h"
#include "ui/script.h"

/* ---- small shared helpers ---------------------------------------------------------------- */

int64_t app_now(const App *a)
{
    return a->fixed_now ? a->fixed_now : time_now_ms();
}

void app_message(App *a, int slot, int secs, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    safetext_vformat(a->msg, sizeof a->msg, fmt, ap);
    va_end(ap);
    a->msg_slot = slot;
    a->msg_until = secs ? time_mono_ms() + secs * 1000 : 0;
    a->dirty |= D_STATUS;
}

long app_selected(const App *a)
{
    return a->view.sel_rec;
}

bool app_detail_visible(const App *a)
{
    return a->lay.detail && !a->lay.too_small;
}

/* ---- signals ------------------------------------------------------------------------------- */

static int sig_write_fd = -1;
static SCREEN *screen;
static FILE *null_out, *null_in; /* the headless screen's streams */
static volatile sig_atomic_t curses_on;
static struct termios saved_tty;
static bool have_saved_tty;
static char restore_seq[256]; /* leave the alternate screen, show the cursor, plain text */
static size_t restore_len;

static void on_signal(int sig)
{
    int saved = errno;
    unsigned char b = (unsigned char)sig;
    if (sig_write_fd >= 0) {
        ssize_t w = write(sig_write_fd, &b, 1);
        (void)w;
    }
    errno = saved;
}

static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
static struct sigaction old_crash[sizeof crash_signals / sizeof *crash_signals];

/* Only async-signal-safe calls: the escape sequences were prepared at start-up. */
static void on_crash(int sig, siginfo_t *info, void *ctx)
{
    (void)ctx;
    if (curses_on) {
        curses_on = 0;
        ssize_t w = write(STDOUT_FILENO, restore_seq, restore_len);
        if (have_saved_tty)
            tcsetattr(STDIN_FILENO, TCSANOW, &saved_tty);
        static const char msg[] = "regdesk: crashed; the terminal was restored. Please report this.\n";
        w = write(STDERR_FILENO, msg, sizeof msg - 1);
        (void)w;
    }
    for (size_t i = 0; i < sizeof crash_signals / sizeof *crash_signals; i++)
        if (crash_signals[i] == sig)
            sigaction(sig, &old_crash[i], NULL);
    /* A fault re-executes the instruction and reaches the previous handler (a sanitizer,
     * or the default core dump); a sent signal must be raised again. */
    if (info->si_code <= 0)
        raise(sig);
}

static void install_signals(App *a)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH };
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        if (a->headless && (sigs[i] == SIGTSTP || sigs[i] == SIGWINCH))
            continue;
        sigaction(sigs[i], &sa, NULL);
    }
    struct sigaction crash;
    memset(&crash, 0, sizeof crash);
    crash.sa_sigaction = on_crash;
    crash.sa_flags = SA_SIGINFO;
    sigemptyset(&crash.sa_mask);
    for (size_t i = 0; i < sizeof crash_signals / sizeof *crash_signals; i++)
        sigaction(crash_signals[i], &crash, &old_crash[i]);
}

static void restore_signals(void)
{
    const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH };
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        signal(sigs[i], SIG_DFL);
    for (size_t i = 0; i < sizeof crash_signals / sizeof *crash_signals; i++)
        sigaction(crash_signals[i], &old_crash[i], NULL);
    sig_write_fd = -1;
}

void app_suspend(App *a)
{
    endwin();
    curses_on = 0;
    signal(SIGTSTP, SIG_DFL);
    raise(SIGTSTP); /* stops here until fg */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGTSTP, &sa, NULL);
    curses_on = 1;
    app_resize(a);
}

void app_resize(App *a)
{
    if (!a->headless) {
        struct winsize ws;
        if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
            resizeterm(ws.ws_row, ws.ws_col);
    }
    clearok(curscr, TRUE);
    a->dirty |= D_ALL;
}

static void atexit_restore(void)
{
    if (curses_on) {
        curses_on = 0;
        endwin();
    }
}

/* The sequences the crash handler writes, taken from terminfo now. */
static void prepare_restore(void)
{
    const char *caps[] = { "sgr0", "cnorm", "rmcup", "rmkx" };
    restore_len = 0;
    for (size_t i = 0; i < sizeof caps / sizeof *caps; i++) {
        const char *s = tigetstr(caps[i]);
        if (!s || s == (char *)-1)
            continue;
        size_t k = strlen(s);
        if (restore_len + k < sizeof restore_seq) {
            memcpy(restore_seq + restore_len, s, k);
            restore_len += k;
        }
    }
}

/* ---- windows --------------------------------------------------------------------------------- */

static void del(WINDOW **w)
{
    if (*w)
        delwin(*w);
    *w = NULL;
}

static WINDOW *make(Rect r)
{
    if (r.h <= 0 || r.w <= 0)
        return NULL;
    WINDOW *w = newwin(r.h, r.w, r.y, r.x);
    if (w)
        leaveok(w, TRUE);
    return w;
}

static void overlay_rect(const App *a, Rect *r)
{
    int cols = a->lay.cols, rows = a->lay.rows;
    if (a->overlay == OV_SORT) {
        *r = (Rect){ rows / 2 - 6, cols / 2 - 24, 11, 48 };
    } else {
        int w = cols - 4 < 100 ? cols - 4 : 100;
        *r = (Rect){ 1, (cols - w) / 2, rows - 2, w };
    }
    if (r->y < 0)
        r->y = 0;
    if (r->x < 0)
        r->x = 0;
}

void windows_rebuild(App *a)
{
    WINDOW **all[] = { (WINDOW **)&a->w_header, (WINDOW **)&a->w_list, (WINDOW **)&a->w_sep,
                       (WINDOW **)&a->w_detail, (WINDOW **)&a->w_status, (WINDOW **)&a->w_overlay };
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        del(all[i]);
    layout_compute(&a->lay, COLS, LINES, a->detail_open, a->zoom, a->prompt.kind != PR_NONE);
    /* The new windows tile the whole screen and are all redrawn, so stdscr is not
     * erased: curses then sends only what really changed (a prompt opening costs a
     * line, not a screen). */
    a->dirty = D_ALL & ~D_LAYOUT;
    a->w_input = stdscr;
    if (!a->lay.too_small) {
        a->w_header = make(a->lay.header);
        if (a->lay.list)
            a->w_list = make(a->lay.list_r);
        if (a->lay.sep_x >= 0)
            a->w_sep = make((Rect){ a->lay.list_r.y, a->lay.sep_x, a->lay.list_r.h, 1 });
        if (a->lay.detail)
            a->w_detail = make(a->lay.detail_r);
        a->w_status = make(a->lay.status);
        if (a->overlay != OV_NONE) {
            Rect r;
            overlay_rect(a, &r);
            a->w_overlay = make(r);
        }
        if (a->w_status) {
            a->w_input = a->w_status;
            leaveok(a->w_status, a->prompt.kind == PR_NONE);
        }
        view_set_rows(&a->view, a->lay.list_r.h - 1);
        if (!a->lay.detail && a->focus == FOCUS_DETAIL)
            a->focus = FOCUS_LIST;
    }
    keypad(a->w_input, TRUE);
    nodelay(a->w_input, TRUE);
    a->det.built = false;
    detail_follow_now(a); /* everything is redrawn anyway */
}

/* ---- start and end ---------------------------------------------------------------------------- */

static bool parse_size(const char *s, int *cols, int *rows)
{
    return s && sscanf(s, "%dx%d", cols, rows) == 2 && *cols >= 10 && *rows >= 4 && *cols <= 1000 && *rows <= 500;
}

static bool curses_start(App *a, char *err, size_t n)
{
    const char *hl = getenv("REGDESK_HEADLESS");
    SCREEN *scr;
    if (hl && *hl) {
        int cols, rows;
        if (!parse_size(hl, &cols, &rows)) {
            fmt_bounded(err, n, "REGDESK_HEADLESS must be COLSxROWS, e.g. 80x24 (got \"%s\")", hl);
            return false;
        }
        char num[16];
        snprintf(num, sizeof num, "%d", rows);
        setenv("LINES", num, 1);
        snprintf(num, sizeof num, "%d", cols);
        setenv("COLUMNS", num, 1);
        null_out = fopen("/dev/null", "w");
        null_in = fopen("/dev/null", "r");
        scr = null_out && null_in ? newterm("xterm-256color", null_out, null_in) : NULL;
    } else {
        if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
            snprintf(err, n, "the dashboard needs a terminal; for scripts use `regdesk list`");
            return false;
        }
        have_saved_tty = tcgetattr(STDIN_FILENO, &saved_tty) == 0;
        scr = newterm(NULL, stdout, stdin);
    }
    if (!scr) {
        fmt_bounded(err, n, "cannot start the terminal (TERM=%s unknown?)", getenv("TERM") ? getenv("TERM") : "");
        return false;
    }
    screen = scr;
    curses_on = 1;
    cbreak();
    noecho();
    nonl();
    intrflush(stdscr, FALSE);
    set_escdelay(25);
    curs_set(0);
    const char *nc = getenv("NO_COLOR");
    theme_init(!(nc && *nc));
    if (!a->headless)
        prepare_restore();
    return true;
}

void app_set_mouse(App *a, bool on)
{
    a->mouse = on;
    if (on)
        mouseinterval(0);
    mousemask(on ? (BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED) : 0, NULL);
}

/* Before endwin/delscreen: delscreen frees every window of the screen, so a delwin
 * after it would read freed memory (valgrind saw it on every exit). */
static void windows_free(App *a)
{
    WINDOW **all[] = { (WINDOW **)&a->w_header, (WINDOW **)&a->w_list, (WINDOW **)&a->w_sep,
                       (WINDOW **)&a->w_detail, (WINDOW **)&a->w_status, (WINDOW **)&a->w_overlay };
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        del(all[i]);
}

static void app_free(App *a)
{
    view_free(&a->view);
    store_free(&a->store);
    related_free(a->related);
    filter_free(a->search);
    dl_free(&a->det.lines);
    dl_free(&a->help_lines);
    for (int i = 0; i < 3; i++)
        history_free(&a->prompt.hist[i]);
    script_free(a->script);
    if (a->sig_pipe[0] >= 0)
        close(a->sig_pipe[0]);
    if (a->sig_pipe[1] >= 0)
        close(a->sig_pipe[1]);
}

/* Everything that can fail before the terminal is touched; a UI_EXIT_* status with a
 * sentence in err when something does. */
static int prepare(App *a, const UiConfig *cfg, char *err, size_t n)
{
    if (!keymap_init(err, n))
        return UI_EXIT_INTERNAL;
    if (!columns_parse(cfg->columns ? cfg->columns : COLUMNS_DEFAULT, &a->columns, err, n))
        return UI_EXIT_USAGE;
    const char *now = getenv("REGDESK_NOW");
    if (now && *now && !time_parse_iso(now, &a->fixed_now)) {
        snprintf(err, n, "REGDESK_NOW must be an ISO time such as 2025-05-25T12:00:00Z");
        return UI_EXIT_USAGE;
    }
    if (!script_from_env(&a->script, err, n))
        return UI_EXIT_USAGE;
    if (pipe2(a->sig_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        snprintf(err, n, "cannot create a pipe: %s", strerror(errno));
        return UI_EXIT_INTERNAL;
    }
    sig_write_fd = a->sig_pipe[1];
    /* Before the terminal starts, so curses leaves SIGWINCH and SIGTSTP to us. */
    install_signals(a);
    a->worker = worker_start(&cfg->worker, err, n);
    return a->worker ? 0 : UI_EXIT_INTERNAL;
}

static void initial_filter(App *a)
{
    const char *f = a->cfg->filter;
    if (!f || !*f)
        return;
    char *safe = safetext_dup(f, strlen(f), SAFE_LINE);
    FilterError err;
    bool ok;
    apply_filter_text(a, safe, false, &err, &ok);
    if (!ok)
        app_message(a, SL_STATUS_ERR, 0, "the start-up filter was not applied: %s", err.msg);
    free(safe);
}

/* Every way out of ui_run: the worker, the terminal, the signals, the memory. */
static void finish(App *a)
{
    worker_stop(a->worker);
    a->worker = NULL;
    windows_free(a);
    if (screen) {
        endwin();
        curses_on = 0;
        delscreen(screen);
        screen = NULL;
    }
    if (null_out)
        fclose(null_out);
    if (null_in)
        fclose(null_in);
    null_out = null_in = NULL;
    restore_signals();
    app_free(a);
}

int ui_run(const UiConfig *cfg, char *err, size_t n)
{
    App app;
    App *a = &app;
    memset(a, 0, sizeof *a);
    a->cfg = cfg;
    a->sig_pipe[0] = a->sig_pipe[1] = -1;
    a->det.rec = a->det.err_rec = a->det.job_rec = -1;
    const char *hl = getenv("REGDESK_HEADLESS");
    a->headless = hl && *hl;
    setlocale(LC_ALL, "");
    a->utf8 = !strcmp(nl_langinfo(CODESET), "UTF-8");
    glyphs_set_ascii(!a->utf8);
    draw_set_utf8(a->utf8);
    SortSpec sort = { SORT_CREATED, true };
    if (cfg->sort)
        sort_parse(cfg->sort, &sort);
    view_init(&a->view, sort);
    store_init(&a->store);
    a->related = related_new();
    err[0] = '\0';
    int rc = prepare(a, cfg, err, n);
    if (!rc && !curses_start(a, err, n))
        rc = UI_EXIT_USAGE;
    if (rc) {
        finish(a);
        return rc;
    }
    atexit(atexit_restore);
    app_set_mouse(a, cfg->mouse && !a->headless);
    if (!a->utf8)
        app_message(a, SL_STATUS_WARN, 0, "the locale is not UTF-8: names are shown with ? (set LANG=C.UTF-8)");
    a->dirty = D_ALL;
    if ((!cfg->filter || !*cfg->filter) && !cfg->sort)
        a->view_no = 1; /* "All", newest first: what the screen shows */
    initial_filter(a);
    load_start(a, true);
    rc = loop_run(a);
    finish(a);
    return rc;
}
