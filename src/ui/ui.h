#ifndef REGDESK_UI_UI_H
#define REGDESK_UI_UI_H
/* The dashboard. The caller (src/cli) has validated the API address, loaded the token
 * and filled a WorkerConfig; the dashboard owns the terminal until it returns. */
#include <stdbool.h>
#include <stddef.h>

#include "net/worker.h"

typedef struct UiConfig {
    WorkerConfig worker;        /* ready for worker_start (token included) */
    const char *filter;         /* start-up filter, or NULL */
    const char *sort;           /* start-up sort ("-created"…), or NULL */
    const char *columns;        /* list columns in order ("status,age,name,…"), or NULL */
    bool mouse;                 /* mouse on (click selects, wheel scrolls) */
} UiConfig;

/* The process exit statuses ui_run returns; the same numbers as the CLI's EXIT_*. */
enum { UI_EXIT_OK = 0, UI_EXIT_USAGE = 2, UI_EXIT_INTERNAL = 6 };

/* Runs the dashboard; returns a UI_EXIT_* status for the process. When it cannot start,
 * err holds one sentence for the caller to print; it may quote the command line or the
 * environment, so print it sanitised (cli_error does). Otherwise err is "".
 *
 * Test hooks, read from the environment (tests/ui, tests/integration/test_ui_*):
 *   REGDESK_HEADLESS=COLSxROWS  no terminal: curses draws a virtual screen of that size
 *   REGDESK_SCRIPT=FILE         keys and commands from FILE instead of the keyboard
 *   REGDESK_KEYS=TEXT           the same, inline (lines separated by newlines)
 *   REGDESK_NOW=ISO-TIME        a fixed clock for ages, so screens are stable
 * The script language is described in src/ui/script.h. */
int ui_run(const UiConfig *cfg, char *err, size_t n);

#endif
