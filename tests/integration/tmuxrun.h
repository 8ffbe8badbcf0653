#ifndef REGDESK_TESTS_TMUXRUN_H
#define REGDESK_TESTS_TMUXRUN_H
/* The real binary in a real terminal: a tmux server on a private socket (in a scratch
 * directory that goes with it), one window "ui" running a shell command; the test types
 * like a person (send-keys), reads the screen (capture-pane) until what it expects
 * appears, and kills the server even when an assertion fails (call tmux_stop in .fini). */
#include <stdbool.h>
#include <stddef.h>

/* Starts tmux with a cols x rows window running `sh -c command` (the command's
 * environment is cleared of the test hooks, with HOME in the scratch directory). False
 * when tmux is not installed (skip the test). */
bool tmux_start(int cols, int rows, const char *command);
void tmux_stop(void);
/* The scratch directory (HOME of what runs in tmux). */
const char *tmux_dir(void);
/* The absolute path of build/regdesk. */
const char *tmux_regdesk(void);

/* send-keys ARGS (as tmux parses them: "q", "C-z", "-l 'text'"). */
void tmux_keys(const char *keys);
/* Any tmux command on this server ("resize-window -t ui -x 80 -y 24"); its exit status. */
int tmux_cmd(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The pane's text (what = NULL), or a tmux format's value ("#{alternate_on}"). */
void tmux_capture(const char *what, char *buf, size_t n);
/* The pane with its SGR escapes (capture-pane -e). */
void tmux_capture_escapes(char *buf, size_t n);
/* Polls the screen until text appears; fails with the last screen after timeout_ms. */
void tmux_expect(const char *text, int timeout_ms);
/* Polls a tmux format until it has this value ("#{alternate_on}", "0"). */
void tmux_wait_format(const char *what, const char *value, int timeout_ms);
/* The pid of the pane's process's child named `name` (the program a shell started), 0 if none. */
long tmux_child_pid(const char *name);

#endif
