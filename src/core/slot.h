#ifndef REGDESK_CORE_SLOT_H
#define REGDESK_CORE_SLOT_H
/* Named text slots: what a piece of text is (a badge, a label, a warning, the cursor),
 * never what colour it has. The column cells (core/columns) and the detail lines
 * (model/dlines) pick a slot; the dashboard's theme (ui/theme.c) gives each a
 * 256-colour, an 8-colour and a monochrome look, and *.theme files will name them by
 * slot_name. Plain output (the CLI) ignores slots. */
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

/* The slot's name as themes spell it ("badge-review"), "" for none. */
const char *slot_name(Slot s);

#endif
