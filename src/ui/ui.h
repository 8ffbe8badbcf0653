#ifndef REGDESK_UI_UI_H
#define REGDESK_UI_UI_H
/* The dashboard. The caller (main) has validated the API address, loaded the token and
 * filled a WorkerConfig, and gathered every setting here, the test hooks included: the
 * dashboard reads no environment of its own. It owns the terminal until it returns. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "conf/theme.h"
#include "core/views.h"
#include "net/worker.h"

struct Keymap;

/* A theme the dashboard can show (T cycles through them). */
typedef struct UiTheme {
    const char *name;    /* "light", or a theme file's name without .theme */
    ThemeRules rules;    /* its color lines, with the config's over them */
    const char *warning; /* its first mistake (file:line:col: …), or NULL */
    size_t nwarnings;
} UiTheme;

typedef struct UiConfig {
    WorkerConfig worker;   /* ready for worker_start (token included) */
    const char *filter;    /* start-up filter, or NULL */
    const char *sort;      /* start-up sort ("-created"…), or NULL */
    const char *columns;   /* list columns in order ("status,age,name,…"), or NULL */
    const SavedView *views; /* the saved views in key order (NULL: the built-in ones) */
    size_t nviews;
    int start_view;        /* 1-nviews: open on that view (over filter and sort); 0: none */
    const struct Keymap *keymap; /* the key bindings (ui/keymap.h); NULL: the defaults */
    const char *warnings;  /* the config's start-up warnings, one per line, for the status */
    size_t nwarnings;      /* bar (regdesk --check-config prints them all) */
    bool mouse;            /* mouse on (click selects, wheel scrolls) */
    int64_t sla_ms;        /* a review waiting longer is overdue (the sla setting) */
    bool colour;           /* colours (false: NO_COLOR, attributes only) */
    const UiTheme *themes; /* the themes found, in T's order (NULL: the built-in default) */
    size_t nthemes;
    size_t theme;          /* the one to start with */
    const char *term;      /* $TERM, to name it when the terminal cannot start */
    unsigned mask;         /* the kinds of personal data shown masked (core/pii mask set) */
    int reveal_secs;       /* how long a reveal lasts (0: 60 s) */
    int lock_secs;         /* quiet time before the lock screen hides everything (idle_lock); 0 = never */
    const char *audit_log; /* the audit log (local/audit.h): decisions, support actions, reveals, lock, unlock, exports */
    const char *const *labels; /* reason labels for decision notes (NULL: the built-in ones) */
    size_t n_labels;
    long refresh_s;        /* the live refresh's period in seconds; 0 = off */
    /* --file PATH: the dashboard on an export, read-only (net/fileload.h); NULL: the API.
     * With "-", file_fd is standard input's data (main moved the keyboard to /dev/tty). */
    const char *file;
    int file_fd;
    /* Test hooks (tests/ui, tests/integration/test_ui_*), from REGDESK_* variables:
     * REGDESK_HEADLESS=COLSxROWS, REGDESK_SCRIPT=FILE or REGDESK_KEYS=TEXT,
     * REGDESK_SCRIPT_TIMEOUT=MS, REGDESK_NOW=ISO-TIME. */
    int headless_cols, headless_rows; /* > 0: no terminal, curses draws a virtual screen */
    const char *script;    /* keys and commands instead of the keyboard (ui/script.h), or NULL */
    long script_timeout_ms; /* how long a script's wait may last; 0 = 20 s */
    int64_t fixed_now;     /* a fixed clock for ages, so screens are stable; 0 = the real one */
} UiConfig;

/* The process exit statuses ui_run returns; the same numbers as the CLI's EXIT_*. */
enum { UI_EXIT_OK = 0, UI_EXIT_USAGE = 2, UI_EXIT_INTERNAL = 6 };

/* Runs the dashboard; returns a UI_EXIT_* status for the process, or 128 + the signal
 * that stopped it (SIGINT, SIGTERM, SIGHUP, SIGQUIT), the terminal restored first. When
 * it cannot start, err holds one sentence for the caller to print; it may quote the
 * command line or the environment, so print it sanitised. Otherwise err is "". */
int ui_run(const UiConfig *cfg, char *err, size_t n);

#endif
