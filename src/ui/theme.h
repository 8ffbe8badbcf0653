#ifndef REGDESK_UI_THEME_H
#define REGDESK_UI_THEME_H
/* Named colour slots. Everything the dashboard draws picks a slot, never a colour; the
 * slot table (theme.c) gives each a 256-colour look, an 8-colour look and a monochrome
 * look (used when the terminal has no colour or NO_COLOR is set). The config issue will
 * load *.theme files into the same table.
 *
 * This header is curses-free so the pure modules (columns, detail lines) can name slots;
 * ui/draw.h turns a slot into curses attributes. */
#include <stdbool.h>

/* clang-format off */
#define THEME_SLOTS(X) \
    X(NORMAL,        "normal")        \
    X(DIM,           "dim")           \
    X(TITLE,         "title")         \
    X(HEADER,        "header")        \
    X(HEADER_DIM,    "header-dim")    \
    X(COLHEAD,       "column-header") \
    X(CURSOR,        "cursor")        \
    X(CURSOR_IDLE,   "cursor-idle")   \
    X(BADGE_REVIEW,  "badge-review")  \
    X(BADGE_ONGOING, "badge-ongoing") \
    X(BADGE_STARTED, "badge-started") \
    X(BADGE_DONE,    "badge-done")    \
    X(BADGE_NOKYC,   "badge-nokyc")   \
    X(BADGE_FAILED,  "badge-failed")  \
    X(BADGE_EXPIRED, "badge-expired") \
    X(BADGE_OTHER,   "badge-other")   \
    X(OVERDUE,       "overdue")       \
    X(FLAG,          "red-flag")      \
    X(FAILCOUNT,     "failed-count")  \
    X(INVALID,       "invalid")       \
    X(MATCH,         "search-match")  \
    X(SECTION,       "section")       \
    X(LABEL,         "label")         \
    X(GOOD,          "good")          \
    X(BAD,           "bad")           \
    X(WARN,          "warn")          \
    X(STATUSBAR,     "status")        \
    X(STATUS_ERR,    "status-error")  \
    X(STATUS_WARN,   "status-warn")   \
    X(PROMPT,        "prompt")        \
    X(PROMPT_ERR,    "prompt-error")  \
    X(HELP_KEY,      "help-key")      \
    X(BORDER,        "border")        \
    X(PANE_TITLE,    "pane-title")    \
    X(PANE_FOCUS,    "pane-title-focus")
/* clang-format on */

typedef enum Slot {
#define X(id, name) SL_##id,
    THEME_SLOTS(X)
#undef X
    SL__COUNT
} Slot;

const char *slot_name(Slot s);

#endif
