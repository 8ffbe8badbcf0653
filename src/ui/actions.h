#ifndef REGDESK_UI_ACTIONS_H
#define REGDESK_UI_ACTIONS_H
/* The one action table. Every key the dashboard understands is here with its default
 * keys and its help text; the key dispatch, the help overlay and the README's key list
 * are all generated from it (tests/unit/test_ui_actions.c checks the README).
 *
 * Columns: id, name (for the config's `bind`), group, flags, handler, default keys
 * (key names as in ui/keys.h, blank-separated), help text.
 *
 * The handler is the function that runs the action when neither an open layer (prompt,
 * overlay, dialog) nor the focused pane took the key: commands.c generates its dispatch
 * table from this column (act_<handler>). Prompt actions name `prompt`: only the open
 * prompt acts on them.
 *
 * Flags: AF_RECORD needs a selected record. AF_WRITE marks the actions that change data
 * (a decision, resend link, create): each goes through a dialog that confirms it and
 * writes the audit log, and the help overlay lists them in their own group (G_DECIDE). */
#include <stdbool.h>
#include <stddef.h>

#include "core/strbuf.h"
#include "model/model.h"
#include "ui/keys.h"

typedef enum ActionGroup { G_MOVE, G_DETAIL, G_FIND, G_OTHER, G_DECIDE, G_PROMPT, G__COUNT } ActionGroup;

enum { AF_NONE = 0, AF_RECORD = 1, AF_WRITE = 2 };

/* clang-format off */
#define UI_ACTIONS(X) \
    X(DOWN,           "down",                G_MOVE,   AF_NONE,   nav,         "j <Down>",          "next record; in the detail, next line") \
    X(UP,             "up",                  G_MOVE,   AF_NONE,   nav,         "k <Up>",            "previous record; in the detail, previous line") \
    X(PAGE_DOWN,      "page-down",           G_MOVE,   AF_NONE,   nav,         "<PgDn> <C-f>",      "one page down") \
    X(PAGE_UP,        "page-up",             G_MOVE,   AF_NONE,   nav,         "<PgUp> <C-b>",      "one page up") \
    X(HALF_DOWN,      "half-page-down",      G_MOVE,   AF_NONE,   nav,         "<C-d>",             "half a page down") \
    X(HALF_UP,        "half-page-up",        G_MOVE,   AF_NONE,   nav,         "<C-u>",             "half a page up") \
    X(FIRST,          "first",               G_MOVE,   AF_NONE,   nav,         "g <Home>",          "first record; in the detail, top") \
    X(LAST,           "last",                G_MOVE,   AF_NONE,   nav,         "G <End>",           "last record; in the detail, bottom") \
    X(NEXT_RECORD,    "next-record",         G_MOVE,   AF_NONE,   record,      "J",                 "next record, wherever the focus is") \
    X(PREV_RECORD,    "prev-record",         G_MOVE,   AF_NONE,   record,      "K",                 "previous record, wherever the focus is") \
    X(OPEN,           "open",                G_DETAIL, AF_RECORD, detail,      "<Enter>",           "open the record: load it in full, focus the detail") \
    X(FOCUS,          "focus",               G_DETAIL, AF_NONE,   detail,      "<Tab> <S-Tab>",     "move the focus between list and detail") \
    X(ZOOM,           "zoom",                G_DETAIL, AF_RECORD, detail,      "z",                 "detail full screen, and back") \
    X(TOGGLE_SECTION, "toggle-section",      G_DETAIL, AF_NONE,   detail,      "<Space> o",         "fold or unfold the detail section at the cursor") \
    X(COLLAPSE_ALL,   "collapse-all",        G_DETAIL, AF_NONE,   fold_all,    "-",                 "collapse every detail section") \
    X(EXPAND_ALL,     "expand-all",          G_DETAIL, AF_NONE,   fold_all,    "+ =",               "expand every detail section") \
    X(NEXT_SECTION,   "next-section",        G_DETAIL, AF_NONE,   section,     "]",                 "next detail section") \
    X(PREV_SECTION,   "prev-section",        G_DETAIL, AF_NONE,   section,     "[",                 "previous detail section") \
    X(RAW_CODES,      "raw-codes",           G_DETAIL, AF_NONE,   detail,      "c",                 "show the raw failure codes beside the reasons") \
    X(RAW_JSON,       "raw-json",            G_DETAIL, AF_RECORD, detail,      "v",                 "the record as JSON (secrets redacted, personal data masked), and back") \
    X(REVEAL,         "reveal",              G_DETAIL, AF_RECORD, detail,      "u",                 "unmask it for a while (reveal, 60 s); again, or moving on, masks it") \
    X(FILTER,         "filter",              G_FIND,   AF_NONE,   filter,      "/",                 "filter as you type (Esc undoes); in the help or JSON view, find text") \
    X(SEARCH,         "search",              G_FIND,   AF_NONE,   search,      "f",                 "find records in the list without hiding the others (and how many)") \
    X(SEARCH_NEXT,    "search-next",         G_FIND,   AF_NONE,   search_step, "n",                 "next match of the search (in the list, the help or the JSON view)") \
    X(SEARCH_PREV,    "search-prev",         G_FIND,   AF_NONE,   search_step, "N",                 "previous match of the search") \
    X(SORT,           "sort",                G_FIND,   AF_NONE,   sort,        "s",                 "sort menu") \
    X(REVERSE,        "reverse-sort",        G_FIND,   AF_NONE,   reverse,     "S",                 "reverse the sort order") \
    X(VIEW,           "view",                G_FIND,   AF_NONE,   view,        "1 2 3 4 5 6 7 8 9", "saved views (listed below)") \
    X(VIEWS,          "views",               G_FIND,   AF_NONE,   views,       "V",                 "every saved view, to pick one (the config's after the nine too)") \
    X(APPROVE,        "approve",             G_DECIDE, AF_RECORD | AF_WRITE, decide, "a",      "approve: COMPLETED, with a note (required)") \
    X(APPROVE_NOKYC,  "approve-without-kyc", G_DECIDE, AF_RECORD | AF_WRITE, decide, "A",      "approve without KYC: COMPLETED_WITHOUT_KYC, with a note") \
    X(DECLINE,        "decline",             G_DECIDE, AF_RECORD | AF_WRITE, decide, "d",      "decline: FAILED, with a note a reason label can begin") \
    X(RESEND,         "resend-link",         G_DECIDE, AF_RECORD | AF_WRITE, resend, "L",      "resend the link: shown masked, y copies it whole after a question") \
    X(COPY_ID,        "copy-id",             G_DECIDE, AF_RECORD, copy_id, "y",                "copy the registration's id to the clipboard (OSC 52)") \
    X(CREATE,         "create",              G_DECIDE, AF_WRITE,  create,      "C",                 "create a registration (a form)") \
    X(EXPORT,         "export",              G_OTHER,  AF_NONE,   export,      "e",                 "export the list as shown to CSV, TSV or JSON (masked unless asked)") \
    X(RELOAD,         "reload",              G_OTHER,  AF_NONE,   reload,      "r",                 "reload every row and count on screen, and the open record") \
    X(PAUSE,          "pause",               G_OTHER,  AF_NONE,   pause,       "p",                 "pause the live refresh (PAUSED in the status bar), and go on") \
    X(MOUSE,          "mouse",               G_OTHER,  AF_NONE,   mouse,       "M",                 "mouse on or off (off lets the terminal select text)") \
    X(THEME,          "next-theme",          G_OTHER,  AF_NONE,   theme,       "T",                 "the next colour theme (default, light, high-contrast…)") \
    X(REDRAW,         "redraw",              G_OTHER,  AF_NONE,   redraw,      "<C-l>",             "repaint the whole screen") \
    X(HELP,           "help",                G_OTHER,  AF_NONE,   help,        "? <F1>",            "this help") \
    X(CLOSE,          "close",               G_OTHER,  AF_NONE,   close,       "<Esc>",             "close the prompt, menu, help or detail; clear a message") \
    X(QUIT,           "quit",                G_OTHER,  AF_NONE,   quit,        "q",                 "quit") \
    X(P_ACCEPT,       "prompt-accept",       G_PROMPT, AF_NONE,   prompt,      "<Enter>",           "keep the filter or search; in a dialog, confirm") \
    X(P_CANCEL,       "prompt-cancel",       G_PROMPT, AF_NONE,   prompt,      "<Esc> <C-g>",       "cancel: back to what was there before; nothing is sent") \
    X(P_LEFT,         "prompt-left",         G_PROMPT, AF_NONE,   prompt,      "<Left>",            "cursor left") \
    X(P_RIGHT,        "prompt-right",        G_PROMPT, AF_NONE,   prompt,      "<Right>",           "cursor right") \
    X(P_HOME,         "prompt-home",         G_PROMPT, AF_NONE,   prompt,      "<Home> <C-a>",      "start of the line") \
    X(P_END,          "prompt-end",          G_PROMPT, AF_NONE,   prompt,      "<End> <C-e>",       "end of the line") \
    X(P_BACKSPACE,    "prompt-backspace",    G_PROMPT, AF_NONE,   prompt,      "<BS> <C-h>",        "delete before the cursor") \
    X(P_DELETE,       "prompt-delete",       G_PROMPT, AF_NONE,   prompt,      "<Del> <C-d>",       "delete at the cursor") \
    X(P_KILL_START,   "prompt-kill-start",   G_PROMPT, AF_NONE,   prompt,      "<C-u>",             "delete to the start of the line") \
    X(P_KILL_END,     "prompt-kill-end",     G_PROMPT, AF_NONE,   prompt,      "<C-k>",             "delete to the end of the line") \
    X(P_KILL_WORD,    "prompt-kill-word",    G_PROMPT, AF_NONE,   prompt,      "<C-w>",             "delete the word before the cursor") \
    X(P_HIST_PREV,    "prompt-history-prev", G_PROMPT, AF_NONE,   prompt,      "<Up> <C-p>",        "earlier filter; a decision's previous reason label; the field above") \
    X(P_HIST_NEXT,    "prompt-history-next", G_PROMPT, AF_NONE,   prompt,      "<Down> <C-n>",      "later filter; a decision's next reason label; the field below") \
    X(P_NEXT_FIELD,   "prompt-next-field",   G_PROMPT, AF_NONE,   prompt,      "<Tab>",             "the create form's next field; export: the columns on screen, or all") \
    X(P_PREV_FIELD,   "prompt-prev-field",   G_PROMPT, AF_NONE,   prompt,      "<S-Tab>",           "the create form's previous field") \
    X(P_CHOICE,       "prompt-choice",       G_PROMPT, AF_NONE,   prompt,      "<C-o>",             "create form: the next project, flow or language seen in the data") \
    X(P_EXPORT_UNMASK, "export-unmask",      G_PROMPT, AF_NONE,   prompt,      "<C-t>",             "export: unmasked, or masked again (unmasked asks first)")
/* clang-format on */

typedef enum ActionId {
#define X(id, name, group, flags, handler, keys, help) ACT_##id,
    UI_ACTIONS(X)
#undef X
    ACT__COUNT,
    ACT_NONE = -1
} ActionId;

typedef struct ActionInfo {
    const char *name;
    ActionGroup group;
    unsigned flags;
    const char *keys; /* default key names */
    const char *help;
} ActionInfo;

const ActionInfo *action_info(ActionId a);
const char *action_group_title(ActionGroup g);

/* The movement an action stands for (G_MOVE, but not J/K); false for the others. */
bool action_nav(ActionId a, Nav *nav);

/* The README's key table (Markdown), generated from the table: one table per group. */
void actions_markdown(StrBuf *out);

#endif
