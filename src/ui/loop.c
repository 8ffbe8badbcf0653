/* The main loop: poll() on the keyboard, the worker's wake fd and the signal pipe (after
 * draining curses' own input buffer), timers for throttled work, and a redraw of only
 * what is dirty with one doupdate. */
#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include "core/timeutil.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "core/glyphs.h"
#include "ui/script.h"

enum {
    VIEW_MERGE_MS = 150, /* while pages arrive, the list takes them in this often */
    SPIN_MS = 120,
    AGE_REFRESH_MS = 30000, /* ages in the list and the detail move on */
};

/* ---- input --------------------------------------------------------------------------------- */

static Key map_curses_key(int code)
{
    switch (code) {
    case KEY_UP: return K_UP;
    case KEY_DOWN: return K_DOWN;
    case KEY_LEFT: return K_LEFT;
    case KEY_RIGHT: return K_RIGHT;
    case KEY_PPAGE: return K_PGUP;
    case KEY_NPAGE: return K_PGDN;
    case KEY_HOME: return K_HOME;
    case KEY_END: return K_END;
    case KEY_DC: return K_DEL;
    case KEY_IC: return K_INS;
    case KEY_BTAB: return K_BTAB;
    case KEY_BACKSPACE: return K_BS;
    case KEY_ENTER: return K_ENTER;
    case KEY_RESIZE: return K_RESIZE;
    case KEY_MOUSE: return K_MOUSE;
    default:
        if (code >= KEY_F(1) && code <= KEY_F(12))
            return K_F1 + (code - KEY_F(1));
        return K_NONE;
    }
}

static void mouse_event(App *a)
{
    MEVENT ev;
    if (getmouse(&ev) != OK)
        return;
    int button = (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) ? 1
                 : (ev.bstate & BUTTON4_PRESSED)                    ? 4
                 : (ev.bstate & BUTTON5_PRESSED)                    ? 5
                                                                    : 0;
    if (button)
        command_mouse(a, ev.y, ev.x, button);
}

static void drain_keys(App *a)
{
    while (!a->quit) {
        wint_t ch;
        int rc = wget_wch(a->w_input, &ch);
        if (rc == ERR)
            return;
        Key k = rc == KEY_CODE_YES ? map_curses_key((int)ch) : (Key)ch;
        if (k == '\r')
            k = K_ENTER;
        if (k == K_RESIZE) {
            a->dirty |= D_LAYOUT;
        } else if (k == K_MOUSE) {
            mouse_event(a);
        } else if (k != K_NONE) {
            app_flush(a);
            command_key(a, k);
        }
    }
}

static void handle_signals(App *a)
{
    unsigned char sigs[32];
    ssize_t n;
    while ((n = read(a->sig_pipe[0], sigs, sizeof sigs)) > 0) {
        for (ssize_t i = 0; i < n; i++) {
            switch (sigs[i]) {
            case SIGTSTP: app_suspend(a); break;
            case SIGCONT: case SIGWINCH: app_resize(a); break;
            default: a->quit = true; break; /* INT, TERM, HUP, QUIT: leave cleanly */
            }
        }
    }
}

/* ---- timers ---------------------------------------------------------------------------------- */

void app_flush(App *a)
{
    if (view_has_pending(&a->view)) {
        view_sync(&a->view, &a->store);
        detail_follow(a);
        a->view_due = time_mono_ms() + VIEW_MERGE_MS;
        a->dirty |= D_LIST | D_STATUS;
    }
    if (a->counts.dirty)
        counts_recount(a);
}

static int64_t earliest(int64_t a, int64_t b)
{
    return !a ? b : !b ? a : a < b ? a : b;
}

/* Runs what is due; returns the next deadline (monotonic ms, 0 = none). */
static int64_t tick(App *a)
{
    int64_t now = time_mono_ms(), next = 0;
    if (view_has_pending(&a->view)) {
        if (now >= a->view_due || !a->load.active)
            app_flush(a);
        else
            next = earliest(next, a->view_due);
    }
    if (a->counts.dirty)
        next = earliest(next, a->counts.due > now ? a->counts.due : now + 1);
    if (a->counts.dirty && now >= a->counts.due)
        counts_recount(a);
    next = earliest(next, detail_tick(a, now));
    if (a->load.server_due) {
        if (now >= a->load.server_due)
            load_start(a, false);
        else
            next = earliest(next, a->load.server_due);
    }
    if (a->load.active && !a->script) { /* the spinner (frozen in scripts: stable screens) */
        if (now >= a->spin_due) {
            a->spin++;
            a->spin_due = now + SPIN_MS;
            a->dirty |= D_STATUS;
        }
        next = earliest(next, a->spin_due);
    }
    if (a->msg_until) {
        if (now >= a->msg_until) {
            a->msg[0] = '\0';
            a->msg_until = 0;
            a->dirty |= D_STATUS;
        } else {
            next = earliest(next, a->msg_until);
        }
    }
    return next;
}

/* ---- drawing ----------------------------------------------------------------------------------- */

static void too_small(void)
{
    werase(stdscr);
    char size[64], need[64];
    snprintf(size, sizeof size, "Terminal too small (%dx%d).", COLS, LINES);
    snprintf(need, sizeof need, "regdesk needs %dx%d.", LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS);
    const char *lines[] = { size, need, "Enlarge it, or q to quit." };
    int y = LINES / 2 - 1;
    for (int i = 0; i < 3; i++)
        if (y + i >= 0 && y + i < LINES)
            draw_text(stdscr, y + i, 1, COLS - 2, i ? SL_DIM : SL_BAD, lines[i]);
    wnoutrefresh(stdscr);
}

static void separator(App *a)
{
    WINDOW *w = a->w_sep;
    for (int y = 0; y < a->lay.list_r.h; y++)
        draw_text(w, y, 0, 1, SL_BORDER, glyph(GL_VBAR));
    wnoutrefresh(w);
}

void app_render(App *a)
{
    if (a->dirty & D_LAYOUT)
        windows_rebuild(a);
    if (a->lay.too_small) {
        too_small();
        doupdate();
        a->dirty = 0;
        return;
    }
    if (a->prompt.kind != PR_NONE)
        a->dirty |= D_STATUS; /* refreshed last, so the cursor lands in the prompt */
    bool base = false;
    if ((a->dirty & D_HEADER) && a->w_header) {
        header_draw(a);
        wnoutrefresh(a->w_header);
        base = true;
    }
    if ((a->dirty & D_LIST) && a->w_list) {
        list_draw(a);
        wnoutrefresh(a->w_list);
        if (a->w_sep)
            separator(a);
        base = true;
    }
    if ((a->dirty & D_DETAIL) && a->w_detail) {
        detail_draw(a);
        wnoutrefresh(a->w_detail);
        base = true;
    }
    if ((a->dirty & D_STATUS) && a->w_status) {
        if (a->prompt.kind != PR_NONE)
            prompt_draw(a);
        else
            status_draw(a);
        wnoutrefresh(a->w_status);
        base = true;
    }
    if (a->w_overlay && (base || (a->dirty & D_OVERLAY))) {
        if (a->overlay == OV_HELP)
            help_draw(a);
        else
            sortmenu_draw(a);
        touchwin(a->w_overlay);
        wnoutrefresh(a->w_overlay);
    }
    doupdate();
    a->dirty = 0;
}

/* ---- the loop ------------------------------------------------------------------------------------- */

int loop_run(App *a)
{
    int64_t age_due = time_mono_ms() + AGE_REFRESH_MS;
    while (!a->quit) {
        handle_signals(a);
        results_drain(a);
        if (a->script)
            script_run(a);
        else
            drain_keys(a);
        if (a->quit)
            break;
        int64_t next = tick(a);
        int64_t now = time_mono_ms();
        if (now >= age_due) {
            age_due = now + AGE_REFRESH_MS;
            a->counts.dirty = true;
            a->det.built = false; /* its lines hold ages too: a repaint alone drew the old ones */
            a->dirty |= D_LIST | D_DETAIL;
        }
        next = earliest(next, age_due);
        app_render(a);
        int timeout = next ? (int)(next - time_mono_ms()) : -1;
        if (next && timeout < 0)
            timeout = 0;
        if (a->script) {
            int st = script_timeout_ms(a);
            if (st >= 0 && (timeout < 0 || st < timeout))
                timeout = st;
        }
        struct pollfd fds[3] = {
            { worker_wake_fd(a->worker), POLLIN, 0 },
            { a->sig_pipe[0], POLLIN, 0 },
            { STDIN_FILENO, POLLIN, 0 },
        };
        int nfds = a->script || a->headless ? 2 : 3;
        if (poll(fds, (nfds_t)nfds, timeout) < 0 && errno != EINTR)
            break;
        if (nfds == 3 && (fds[2].revents & (POLLHUP | POLLERR | POLLNVAL)))
            a->quit = true; /* the terminal went away */
    }
    return a->exit_code;
}
