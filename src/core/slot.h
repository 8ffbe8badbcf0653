#ifndef REGDESK_CORE_SLOT_H
#define REGDESK_CORE_SLOT_H
/* Named text slots: what a piece of text is (a badge, a label, a warning, the cursor),
 * never what colour it has. The column cells (core/columns) and the detail lines
 * (model/dlines) pick a slot; a theme gives each a look (its rules and their resolution
 * per colour depth are pure; only ui/theme.c needs curses). *.theme files name them by
 * slot_name. Plain output (the CLI) ignores slots. */
#include <stdbool.h>

/* Columns: id, name (for `color` lines), parent. A slot that no theme rule names looks
 * like its parent; every chain of parents ends at normal (tests/unit/test_theme.c).
 * The last ten are for the work to come: the decision dialog, masked personal data,
 * rows the live queue changed or added, a decision in flight, the reveal countdown,
 * the idle lock screen and the PAUSED mark. */
/* clang-format off */
#define THEME_SLOTS(X) \
    X(NORMAL,        "normal",           NORMAL)      \
    X(DIM,           "dim",              NORMAL)      \
    X(TITLE,         "title",            HEADER)      \
    X(HEADER,        "header",           NORMAL)      \
    X(HEADER_DIM,    "header-dim",       HEADER)      \
    X(COLHEAD,       "column-header",    HEADER)      \
    X(CURSOR,        "cursor",           NORMAL)      \
    X(CURSOR_IDLE,   "cursor-idle",      CURSOR)      \
    X(BADGE_REVIEW,  "badge-review",     WARN)        \
    X(BADGE_ONGOING, "badge-ongoing",    NORMAL)      \
    X(BADGE_STARTED, "badge-started",    BADGE_ONGOING) \
    X(BADGE_DONE,    "badge-done",       GOOD)        \
    X(BADGE_NOKYC,   "badge-nokyc",      BADGE_DONE)  \
    X(BADGE_FAILED,  "badge-failed",     BAD)         \
    X(BADGE_EXPIRED, "badge-expired",    DIM)         \
    X(BADGE_OTHER,   "badge-other",      NORMAL)      \
    X(OVERDUE,       "overdue",          BAD)         \
    X(FLAG,          "red-flag",         BAD)         \
    X(FAILCOUNT,     "failed-count",     WARN)        \
    X(INVALID,       "invalid",          WARN)        \
    X(MATCH,         "search-match",     CURSOR)      \
    X(SECTION,       "section",          NORMAL)      \
    X(LABEL,         "label",            DIM)         \
    X(GOOD,          "good",             NORMAL)      \
    X(BAD,           "bad",              NORMAL)      \
    X(WARN,          "warn",             NORMAL)      \
    X(STATUSBAR,     "status",           NORMAL)      \
    X(STATUS_ERR,    "status-error",     STATUSBAR)   \
    X(STATUS_WARN,   "status-warn",      STATUSBAR)   \
    X(PROMPT,        "prompt",           NORMAL)      \
    X(PROMPT_ERR,    "prompt-error",     STATUS_ERR)  \
    X(HELP_KEY,      "help-key",         SECTION)     \
    X(BORDER,        "border",           DIM)         \
    X(PANE_TITLE,    "pane-title",       HEADER)      \
    X(PANE_FOCUS,    "pane-title-focus", TITLE)       \
    X(DIALOG,        "dialog",           NORMAL)      \
    X(DIALOG_TITLE,  "dialog-title",     PANE_FOCUS)  \
    X(DIALOG_BORDER, "dialog-border",    BORDER)      \
    X(MASKED,        "masked",           DIM)         \
    X(CHANGED,       "changed-row",      NORMAL)      \
    X(NEW_ROW,       "new-row",          CHANGED)     \
    X(PENDING,       "pending",          WARN)        \
    X(REVEAL,        "reveal-countdown", STATUS_WARN) \
    X(LOCK,          "lock-screen",      HEADER)      \
    X(PAUSED,        "paused",           STATUS_WARN)
/* clang-format on */

typedef enum Slot {
#define X(id, name, parent) SL_##id,
    THEME_SLOTS(X)
#undef X
    SL__COUNT
} Slot;

/* The slot's name as themes spell it ("badge-review"), "" for none. */
const char *slot_name(Slot s);
/* Every slot's name, indexed by Slot (for suggestions). */
const char *const *slot_names_all(void);
Slot slot_parent(Slot s);
/* The slot called name (case-insensitive, - equals _), or -1. */
int slot_find(const char *name);

#endif
