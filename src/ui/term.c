/* The terminal: curses setup (or a headless virtual screen for tests), signals through
 * a self-pipe, a crash handler that restores the terminal with async-signal-safe calls
 * before re-raising, and the way back to the shell. */
#include "ui/term.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "core/safetext.h"
#include "ui/draw.h"

/* ---- signals ------------------------------------------------------------------------------- */

static int sig_pipe[2] = { -1, -1 };
static SCREEN *screen;
static FILE *null_out, *null_in; /* the headless screen's streams */
static volatile sig_atomic_t curses_on;
static struct termios saved_tty;
static bool have_saved_tty;
/* Every row blanked by moving to it and erasing to its end: no clear-screen, which some
 * terminals (tmux's scroll-on-clear) push into the scrollback, and no scrolling. Written
 * before the terminal is given back, so nothing stays on a terminal without an
 * alternate screen; rebuilt for the size on every resize. */
static char blank_seq[16384];
static volatile sig_atomic_t blank_len;
static char restore_seq[256]; /* leave the alternate screen, show the cursor, plain text */
static size_t restore_len;

/* ---- giving the terminal back ------------------------------------------------------------ */

/* Writes all of s, async-signal-safely. */
static void write_all(const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(STDOUT_FILENO, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

static void blank_screen(void)
{
    write_all(blank_seq, (size_t)blank_len);
}

static bool usable(const char *cap)
{
    return cap && cap != (char *)-1;
}

/* blank_seq for a screen of `rows` rows; none (nothing written) on a terminal that
 * cannot move the cursor or erase a line. */
static void prepare_blank(int rows)
{
    blank_len = 0;
    const char *cup = tigetstr("cup"), *el = tigetstr("el"), *sgr0 = tigetstr("sgr0");
    if (!usable(cup) || !usable(el))
        return;
    size_t len = 0, e = strlen(el);
    if (usable(sgr0) && strlen(sgr0) < sizeof blank_seq) { /* erase in the default colours */
        memcpy(blank_seq, sgr0, strlen(sgr0));
        len = strlen(sgr0);
    }
    for (int y = 0; y < rows; y++) {
        const char *at = tiparm(cup, y, 0);
        size_t a = at ? strlen(at) : 0;
        if (!a || len + a + e > sizeof blank_seq)
            return; /* an incomplete blanking is not offered */
        memcpy(blank_seq + len, at, a);
        memcpy(blank_seq + len + a, el, e);
        len += a + e;
    }
    blank_len = (sig_atomic_t)len;
}

static void on_signal(int sig)
{
    int saved = errno;
    unsigned char b = (unsigned char)sig;
    if (sig_pipe[1] >= 0) {
        ssize_t w = write(sig_pipe[1], &b, 1);
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
        blank_screen();
        write_all(restore_seq, restore_len);
        if (have_saved_tty)
            tcsetattr(STDIN_FILENO, TCSANOW, &saved_tty);
        static const char msg[] = "regdesk: crashed; the terminal was restored. Please report this.\n";
        ssize_t w = write(STDERR_FILENO, msg, sizeof msg - 1);
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

static void install_signals(bool headless)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH };
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        if (headless && (sigs[i] == SIGTSTP || sigs[i] == SIGWINCH))
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
    for (int i = 0; i < 2; i++) {
        if (sig_pipe[i] >= 0)
            close(sig_pipe[i]);
        sig_pipe[i] = -1;
    }
}

void term_suspend(void)
{
    blank_screen(); /* nothing is left on screen while regdesk is stopped */
    endwin();
    curses_on = 0;
    signal(SIGTSTP, SIG_DFL);
    raise(SIGTSTP); /* stops here until fg */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGTSTP, &sa, NULL);
    curses_on = 1;
    term_resize(false);
}

void term_resize(bool headless)
{
    if (!headless) {
        struct winsize ws;
        if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
            resizeterm(ws.ws_row, ws.ws_col);
        prepare_blank(LINES);
    }
    clearok(curscr, TRUE);
}

static void atexit_restore(void)
{
    if (curses_on) {
        curses_on = 0;
        blank_screen();
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
        if (!usable(s))
            continue;
        size_t k = strlen(s);
        if (restore_len + k < sizeof restore_seq) {
            memcpy(restore_seq + restore_len, s, k);
            restore_len += k;
        }
    }
}

static bool restore_signals_installed;

int term_signals_start(bool headless, char *err, size_t n)
{
    if (pipe2(sig_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        snprintf(err, n, "cannot create a pipe: %s", strerror(errno));
        return -1;
    }
    install_signals(headless);
    restore_signals_installed = true;
    return sig_pipe[0];
}

/* A virtual screen of cols x rows that draws into /dev/null. */
static SCREEN *headless_screen(const UiConfig *cfg)
{
    null_out = fopen("/dev/null", "w");
    null_in = fopen("/dev/null", "r");
    SCREEN *scr = null_out && null_in ? newterm("xterm-256color", null_out, null_in) : NULL;
    if (scr)
        resizeterm(cfg->headless_rows, cfg->headless_cols);
    return scr;
}

bool term_start(const UiConfig *cfg, char *err, size_t n)
{
    bool headless = cfg->headless_cols > 0;
    SCREEN *scr;
    if (headless) {
        scr = headless_screen(cfg);
    } else {
        if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
            snprintf(err, n, "the dashboard needs a terminal; for scripts use `regdesk list`");
            return false;
        }
        have_saved_tty = tcgetattr(STDIN_FILENO, &saved_tty) == 0;
        scr = newterm(NULL, stdout, stdin);
    }
    if (!scr) {
        fmt_bounded(err, n, "cannot start the terminal (TERM=%s unknown?)", cfg->term ? cfg->term : "");
        return false;
    }
    screen = scr;
    curses_on = 1;
    atexit(atexit_restore);
    cbreak();
    noecho();
    nonl();
    intrflush(stdscr, FALSE);
    set_escdelay(25);
    curs_set(0);
    theme_init(cfg->colour, cfg->themes ? &cfg->themes[cfg->theme].rules : NULL);
    if (!headless) {
        prepare_restore();
        prepare_blank(LINES);
    }
    return true;
}

void term_stop(void)
{
    if (screen) {
        blank_screen(); /* before the alternate screen goes, or in place of it */
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
    if (restore_signals_installed)
        restore_signals();
    restore_signals_installed = false;
}

void term_resize_to(int cols, int rows)
{
    resizeterm(rows, cols);
}

void term_set_mouse(bool on)
{
    if (on)
        mouseinterval(0);
    mousemask(on ? (BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED) : 0, NULL);
}

void term_redraw(void)
{
    clearok(curscr, TRUE);
}
