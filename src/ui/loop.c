/* The main loop: poll() on the keyboard, the worker's wake fd and the signal pipe (after
 * draining curses' own input buffer); the worker's results and the keys go to the model,
 * whose reactions say what to redraw; timers for throttled work; one render a turn. In
 * the scripted test mode the script drives the input and says when the drain stops. */
#include "ui/loop.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include "core/timeutil.h"
#include "ui/dispatch.h"
#include "ui/dump.h"
#include "ui/render.h"
#include "ui/script.h"
#include "ui/term.h"

enum { SPIN_MS = 120 };

/* ---- input ------------------------------------------------------------------------------ */

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

static unsigned mouse_event(Ui *ui)
{
    MEVENT ev;
    if (getmouse(&ev) != OK)
        return 0;
    int button = (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) ? 1
                 : (ev.bstate & BUTTON4_PRESSED)                    ? 4
                 : (ev.bstate & BUTTON5_PRESSED)                    ? 5
                                                                    : 0;
    return button ? ui_mouse(ui, ev.y, ev.x, button) : 0;
}

/* A key as the user would press it: pending pages are merged first, so the key acts on
 * the list as it is on screen. */
static void key(Ui *ui, Key k)
{
    ui->last_input = model_mono(&ui->m);
    ui->dirty |= model_flush(&ui->m);
    ui->dirty |= ui_key(ui, k);
}

static void drain_keys(Ui *ui)
{
    while (!ui->quit) {
        wint_t ch;
        int rc = wget_wch(ui->w_input, &ch);
        if (rc == ERR)
            return;
        Key k = rc == KEY_CODE_YES ? map_curses_key((int)ch) : (Key)ch;
        if (k == '\r')
            k = K_ENTER;
        if (k == K_RESIZE)
            ui->dirty |= R_LAYOUT;
        else if (k == K_MOUSE)
            ui->dirty |= (ui->last_input = model_mono(&ui->m), mouse_event(ui));
        else if (k != K_NONE)
            key(ui, k);
    }
}

static void handle_signals(Ui *ui)
{
    unsigned char sigs[32];
    ssize_t n;
    bool headless = ui->cfg->headless_cols > 0;
    while ((n = read(ui->sig_fd, sigs, sizeof sigs)) > 0) {
        for (ssize_t i = 0; i < n; i++) {
            switch (sigs[i]) {
            case SIGTSTP: term_suspend(); ui->dirty |= R_ALL; break;
            case SIGCONT: case SIGWINCH: term_resize(headless); ui->dirty |= R_ALL; break;
            default: /* INT, TERM, HUP, QUIT: leave cleanly, and say why in the status */
                ui->quit = true;
                if (!ui->exit_code)
                    ui->exit_code = 128 + sigs[i];
                break;
            }
        }
    }
}

/* ---- the worker's results ------------------------------------------------------------------ */

/* Applies waiting results; stops early when stop says the state a script waits for has
 * been reached, so its next step sees exactly that state. */
static void drain_results(Ui *ui, bool (*stop)(const Ui *ui))
{
    Result *r;
    while ((r = worker_poll(ui->worker))) {
        ui->dirty |= model_apply(&ui->m, r);
        result_free(r);
        if (stop && stop(ui))
            break;
    }
}

static bool script_satisfied(const Ui *ui)
{
    return script_ready(ui->script, &ui->m);
}

/* ---- the script --------------------------------------------------------------------------- */

static void run_script(Ui *ui)
{
    ScriptAct act;
    while (!ui->quit && script_next(ui->script, &ui->m, &act)) {
        switch (act.kind) {
        case SCRIPT_KEYS:
            for (int i = 0; i < act.nkeys && !ui->quit; i++)
                key(ui, act.keys[i]);
            break;
        case SCRIPT_RESIZE:
            term_resize_to(act.cols, act.rows);
            ui->dirty |= R_LAYOUT;
            break;
        case SCRIPT_DUMP:
            if (screen_dump(ui, act.path, act.dump))
                break;
            act.why = "cannot write the dump";
            /* fall through */
        case SCRIPT_FAIL:
            fprintf(stderr, "regdesk: script line %d: %s\n", act.line, act.why);
            ui->exit_code = UI_EXIT_INTERNAL;
            /* fall through */
        case SCRIPT_QUIT:
            ui->quit = true;
            break;
        }
    }
}

/* ---- the loop ----------------------------------------------------------------------------- */

/* The spinner while loading (frozen in scripts: stable screens). */
static int64_t spin(Ui *ui, int64_t now)
{
    if (!ui->m.load.active || ui->script)
        return 0;
    if (now >= ui->spin_due) {
        ui->pctx.spin++;
        ui->spin_due = now + SPIN_MS;
        ui->dirty |= R_STATUS;
    }
    return ui->spin_due;
}

/* The idle lock, when no key came for its time; returns when it is due (0 = never). */
static int64_t idle_lock(Ui *ui, int64_t now)
{
    int64_t due = lock_due(&ui->lock, ui->last_input);
    if (due && now >= due) {
        ui->dirty |= lock_engage(&ui->lock, &ui->layers, &ui->m);
        return 0;
    }
    return due;
}

/* How long poll may sleep: until the next deadline, or what the script allows. */
static int timeout_for(const Ui *ui, int64_t next)
{
    int timeout = next ? (int)(next - model_mono(&ui->m)) : -1;
    if (next && timeout < 0)
        timeout = 0;
    if (ui->script) {
        int st = script_timeout_ms(ui->script, &ui->m);
        if (st >= 0 && (timeout < 0 || st < timeout))
            timeout = st;
    }
    return timeout;
}

int ui_loop(Ui *ui)
{
    bool keyboard = !ui->script && ui->cfg->headless_cols <= 0;
    while (!ui->quit) {
        handle_signals(ui);
        drain_results(ui, ui->script ? script_satisfied : NULL);
        if (ui->script)
            run_script(ui);
        else
            drain_keys(ui);
        if (ui->quit)
            break;
        int64_t next;
        ui->dirty |= model_tick(&ui->m, &next);
        next = time_earliest(next, spin(ui, model_mono(&ui->m)));
        next = time_earliest(next, idle_lock(ui, model_mono(&ui->m)));
        int64_t exp_next;
        ui->dirty |= export_step(&ui->exp, &ui->m, &exp_next);
        next = time_earliest(next, exp_next);
        render(ui);
        struct pollfd fds[3] = {
            { worker_wake_fd(ui->worker), POLLIN, 0 },
            { ui->sig_fd, POLLIN, 0 },
            { STDIN_FILENO, POLLIN, 0 },
        };
        nfds_t nfds = keyboard ? 3 : 2;
        if (poll(fds, nfds, timeout_for(ui, next)) < 0 && errno != EINTR)
            break;
        if (keyboard && (fds[2].revents & (POLLHUP | POLLERR | POLLNVAL)))
            ui->quit = true; /* the terminal went away */
    }
    return ui->exit_code;
}
