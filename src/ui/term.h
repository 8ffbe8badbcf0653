#ifndef REGDESK_UI_TERM_H
#define REGDESK_UI_TERM_H
/* The terminal: curses on a real terminal (or a headless virtual screen for tests),
 * signals through a self-pipe, and a crash handler that restores the terminal with
 * async-signal-safe calls before re-raising. One terminal per process. */
#include <stdbool.h>
#include <stddef.h>

#include "ui/ui.h"

/* Before the terminal starts (so curses leaves SIGWINCH and SIGTSTP to us): the
 * signal pipe and the handlers. Returns the pipe's read end (each byte a signal
 * number), or -1 with a sentence in err. */
int term_signals_start(bool headless, char *err, size_t n);
/* Starts curses on the terminal, or headless at the configured size. */
bool term_start(const UiConfig *cfg, char *err, size_t n);
/* Every way out: the terminal restored, the signals back to their defaults. Safe to call
 * when nothing was started. */
void term_stop(void);

void term_suspend(void); /* Ctrl-Z: restore the terminal, stop; the caller repaints */
void term_resize(bool headless); /* the terminal's size may have changed */
void term_resize_to(int cols, int rows); /* the headless screen's size (scripts) */
void term_set_mouse(bool on);
void term_redraw(void); /* the next update repaints everything */

#endif
