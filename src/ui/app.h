#ifndef REGDESK_UI_APP_H
#define REGDESK_UI_APP_H
/* The dashboard's state, owned by the main thread: the store, the view, the panes, the
 * worker's progress. Every ui module gets the App; only the main thread touches it. */
#include <stdbool.h>
#include <stdint.h>

#include "core/filter.h"
#include "core/related.h"
#include "core/store.h"
#include "net/worker.h"
#include "core/columns.h"
#include "model/detail_build.h"
#include "model/dlines.h"
#include "ui/keys.h"
#include "ui/layout.h"
#include "ui/lineedit.h"
#include "ui/ui.h"
#include "model/view.h"

typedef struct _win_st UiWin; /* curses' WINDOW, without including curses here */
typedef struct Script Script;

/* What needs drawing. */
enum {
    D_HEADER = 1u << 0,
    D_LIST = 1u << 1,
    D_DETAIL = 1u << 2,
    D_STATUS = 1u << 3,
    D_OVERLAY = 1u << 4,
    D_LAYOUT = 1u << 5, /* windows must be rebuilt (resize, pane shown or hidden) */
    D_ALL = 0x3f,
};

typedef enum Focus { FOCUS_LIST, FOCUS_DETAIL } Focus;
typedef enum Overlay { OV_NONE, OV_HELP, OV_SORT } Overlay;
typedef enum PromptKind { PR_NONE, PR_FILTER, PR_SEARCH } PromptKind;

typedef struct Prompt {
    PromptKind kind;
    LineEdit ed;
    char before[LINEEDIT_MAX + 1]; /* the text when the prompt opened (Esc restores it) */
    int before_view;
    long before_rec;
    bool has_err;
    FilterError err;
    History hist[3]; /* by PromptKind */
} Prompt;

/* The list load in progress or last finished. */
typedef struct Load {
    uint64_t job;
    bool active;
    long loaded, total;
    int failed_pages;
    char params[700];   /* the server parameters it was started with, as text */
    bool have_all;      /* the last finished load was unfiltered and complete */
    bool started;       /* a load has been asked for at least once */
    int64_t retry_until; /* monotonic ms; 0 when not retrying */
    char retry[200];
    int64_t server_due; /* monotonic ms when the filter's server side should be checked */
} Load;

typedef struct DetailPane {
    long rec;             /* store index shown, -1 for none */
    DLines lines;
    long top, cursor;     /* scroll position and cursor line */
    uint32_t collapsed;   /* bit per SectionId; kept across records */
    bool raw_codes, raw_json;
    /* the cache key of `lines` */
    bool built;
    long b_rec;
    const Detail *b_det;
    const Summary *b_sum;
    int b_width;
    uint32_t b_collapsed;
    bool b_raw_codes, b_raw_json;
    DetailState b_state;
    uint64_t b_store_version;
    int64_t b_at;
    /* following the selection */
    int64_t follow_due;   /* monotonic ms: show the selected record then (it moved), 0 = not due */
    /* loading the populated record */
    uint64_t job;         /* retrieve in flight, 0 when none */
    long job_rec;
    int64_t fetch_due;    /* monotonic ms: fetch the shown record then (debounce), 0 = not due;
                             waits while a follow is due */
    long err_rec;         /* the record the error is about, -1 none */
    char err[320];
} DetailPane;

typedef struct Counts {
    unsigned by_status[ST__COUNT];
    unsigned overdue;
    int64_t oldest_review_ms; /* since when the longest-waiting review has waited (core/sla) */
    bool dirty;
    int64_t due;             /* monotonic ms of the next recount */
} Counts;

typedef struct App {
    const UiConfig *cfg;
    Worker *worker;
    uint64_t gen;            /* generation of the jobs posted now */
    Store store;
    View view;
    Related *related;
    ColumnSet columns;
    Layout lay;
    UiWin *w_header, *w_list, *w_sep, *w_detail, *w_status, *w_overlay, *w_input;
    unsigned dirty;
    Focus focus;
    bool zoom;
    bool detail_open;        /* narrow terminals: the detail was opened with Enter */
    Overlay overlay;
    DLines help_lines;
    int help_width;          /* width help_lines were built for */
    long help_top;
    int sort_cursor;
    Prompt prompt;
    char filter_text[LINEEDIT_MAX + 1];
    int view_no;             /* 1–9 while the filter is a saved view's, else 0 */
    Filter *search;
    char search_text[LINEEDIT_MAX + 1];
    Load load;
    DetailPane det;
    Counts counts;
    char msg[400];
    int msg_slot;            /* Slot */
    int64_t msg_until;       /* monotonic ms; 0 = stays until replaced or cleared */
    bool auth_failed;        /* the token was refused: say so until a load succeeds */
    bool mouse;
    bool quit;
    int exit_code;
    unsigned spin;
    int64_t spin_due;
    int64_t view_due;        /* monotonic ms of the next view merge while loading */
    int64_t fixed_now;       /* REGDESK_NOW, or 0 for the real clock */
    bool utf8;               /* the locale is UTF-8 */
    bool headless;
    Script *script;
    int sig_pipe[2];
} App;

/* ---- shared helpers (ui_main.c) ------------------------------------------------------ */
int64_t app_now(const App *a);   /* wall clock (REGDESK_NOW when set), ms since the epoch */
/* A message in the status bar. secs 0: stays until replaced or cleared. The text is
 * sanitised here, so it may quote network text. */
void app_message(App *a, int slot, int secs, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* The record the list has selected (store index), or -1. */
long app_selected(const App *a);
/* Whether the detail pane is on screen. */
bool app_detail_visible(const App *a);

/* ---- modules ---------------------------------------------------------------------------- */
/* loop.c */
int loop_run(App *a);
void app_render(App *a); /* draws what is dirty and updates the terminal once */
void app_flush(App *a);  /* merges pending view work now (before a dump or a key) */
/* results.c */
void results_drain(App *a);
void load_start(App *a, bool force); /* (re)loads when the filter's server side changed */
void counts_recount(App *a);
/* commands.c */
void command_key(App *a, Key k);
void command_mouse(App *a, int y, int x, int button);
void apply_filter_text(App *a, const char *text, bool from_prompt, FilterError *err_out, bool *ok);
void apply_view(App *a, int n);
/* detail.c */
/* The selection may have moved. The pane follows it once it rests (a short debounce, so
 * holding j scrolls the list without rebuilding and repainting the pane for every row);
 * at once when the pane is empty or not on screen. */
void detail_follow(App *a);
/* Shows the selected record now: for keys aimed at the pane and for a new layout. */
void detail_follow_now(App *a);
/* The store replaced record rec (a page or a populated record arrived for it). */
void detail_record_changed(App *a, long rec);
/* The pane's timers: the selection rested, a fetch is due. Returns the next deadline
 * (monotonic ms, 0 = none). */
int64_t detail_tick(App *a, int64_t now);
DetailState detail_state(const App *a); /* of the record the pane shows */
void detail_request(App *a, bool force); /* fetch the shown record's populated form (force: even when loaded) */
void detail_ensure_built(App *a);
void detail_draw(App *a);
void detail_scroll_to_cursor(App *a);
void detail_move(App *a, long delta);
int detail_body_rows(const App *a);
/* draw modules */
void header_draw(App *a);
void list_draw(App *a);
void status_draw(App *a);
void help_draw(App *a);
long help_line_count(const App *a);
void sortmenu_draw(App *a);
/* prompt.c */
void prompt_open(App *a, PromptKind kind);
void prompt_key(App *a, Key k);
void prompt_draw(App *a);
/* windows and the terminal (ui_main.c) */
void windows_rebuild(App *a);
void app_suspend(App *a);   /* Ctrl-Z: restore the terminal, stop, repaint on return */
void app_resize(App *a);    /* the terminal's size may have changed */
void app_set_mouse(App *a, bool on);
/* the search (commands.c) */
bool search_matches(const App *a, long rec);

#endif
