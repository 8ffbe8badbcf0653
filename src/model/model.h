#ifndef REGDESK_MODEL_MODEL_H
#define REGDESK_MODEL_MODEL_H
/* The dashboard's model: everything it knows and decides, without curses and without
 * the worker. The store and the list's view, the load in progress, the counts, the
 * detail pane's record, lines, scroll and timers, the search, the status message, and
 * the focus and zoom flags.
 *
 * Every operation returns reaction bits that say what changed (htop's reaction flags);
 * the dashboard redraws the panes whose bits are set and rebuilds the windows on
 * R_LAYOUT. R_SEL_MOVED never leaves the model alone: each public operation passes its
 * reactions through model_settle (model_detail.c), the one place that turns "the selection
 * moved" into the detail pane following it.
 *
 * Work for the network goes out through ModelJobs (function pointers), and what comes
 * back goes in through model_apply; the clock is injectable. So a test builds a model
 * with no worker and no screen and checks its reactions directly. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/audit.h"
#include "core/filter.h"
#include "core/related.h"
#include "core/slot.h"
#include "core/store.h"
#include "model/acts.h"
#include "model/detail_build.h"
#include "model/dlines.h"
#include "core/views.h"
#include "model/view.h"
#include "net/worker.h" /* Result and ListQuery: the worker's types, not the worker */

enum {
    R_HEADER = 1u << 0,
    R_LIST = 1u << 1,
    R_DETAIL = 1u << 2,
    R_STATUS = 1u << 3,
    R_OVERLAY = 1u << 4,   /* what an overlay (help, menu, dialog) shows */
    R_LAYOUT = 1u << 5,    /* panes appear, disappear or change size: windows are rebuilt */
    R_SEL_MOVED = 1u << 6, /* the selected record may be another one */
    R_PANES = R_HEADER | R_LIST | R_DETAIL | R_STATUS | R_OVERLAY,
    R_ALL = R_PANES | R_LAYOUT,
};

/* The longest filter or search text (the prompt's line editor holds no more). */
enum { MODEL_TEXT_MAX = 480 };

/* How the model asks for work; every call returns a job id (0: not posted). Actions go
 * out with MODEL_ACTION_GEN (model/acts.h). */
typedef struct ModelJobs {
    void *ctx;
    uint64_t (*list)(void *ctx, const ListQuery *q, uint64_t generation);
    uint64_t (*retrieve)(void *ctx, const char *id, uint64_t generation);
    void (*cancel_before)(void *ctx, uint64_t generation);
    void (*cancel_job)(void *ctx, uint64_t job); /* one job no longer wanted */
    uint64_t (*override)(void *ctx, const char *id, Status to, const char *note, uint64_t generation);
    uint64_t (*resend)(void *ctx, const char *id, bool send_email, uint64_t generation);
    uint64_t (*create)(void *ctx, const CreateParams *p, uint64_t generation);
} ModelJobs;

/* What else the model reaches outside itself, without doing it: the audit log (the
 * dashboard hands it local/audit) and the clipboard (OSC 52 through the terminal). */
typedef struct ModelHost {
    void *ctx;
    /* Whether a line can be written now; false with the sentence in err. */
    bool (*audit_ready)(void *ctx, char *err, size_t n);
    /* One line (a decision, a support action, a reveal): false, with a sentence in err,
     * when it cannot be written; the action then does not happen. */
    bool (*audit)(void *ctx, const AuditEvent *ev, char *err, size_t n);
    /* Puts text on the clipboard; false when the terminal cannot. */
    bool (*copy)(void *ctx, const char *text);
} ModelHost;

typedef struct ModelEnv {
    ModelJobs jobs;
    ModelHost host;
    const char *const *labels; /* reason labels for decision notes (NULL: the built-in ones) */
    size_t n_labels;
    long refresh_ms;           /* the live refresh's period; 0 = off */
    SortSpec sort;         /* the start-up sort */
    unsigned mask;         /* the kinds of personal data shown masked (core/pii) */
    int reveal_secs;       /* how long a reveal lasts; <= 0: 60 s */
    int64_t fixed_now;     /* the wall clock for ages (REGDESK_NOW), 0 = the real one */
    int64_t sla_ms;        /* the review SLA (the sla setting; 0: core/sla's default) */
    int64_t (*mono)(void); /* monotonic ms for timers; NULL = time_mono_ms */
    const SavedView *views; /* the saved views in key order (core/views), kept by the */
    size_t nviews;          /* caller for the model's life; NULL: the built-in ones */
    long request_timeout_ms; /* the worker's; nothing shows loading longer (0 = no watch) */
    const char *source;     /* --file: the export's name as shown (kept by the caller);
                               NULL: the API. With one, the list loads once, from the
                               export, and what needs the API says so */
} ModelEnv;

/* The list load in progress or last finished. */
typedef struct Load {
    uint64_t job;
    bool active;
    long loaded, total;
    int failed_pages;
    char params[700];    /* the server parameters it was started with, as text */
    bool have_all;       /* an unfiltered load finished complete: the store holds every
                            record, so filters are answered here and r reloads them all */
    bool started;        /* a load has been asked for at least once */
    bool refresh;        /* started by r: what the view shows and this load does not bring
                            back is asked for again, record by record */
    uint8_t *seen;       /* by store index: this load brought the record */
    size_t seen_cap;
    int64_t retry_until; /* monotonic ms; 0 when not retrying */
    char retry[200];
    int64_t server_due;  /* monotonic ms when the filter's server side should be checked */
    int64_t news_at;     /* monotonic ms of its start or its last result (model_watch.c) */
    uint64_t bytes, bytes_total; /* --file: read so far, the file's size (0: a pipe) */
    char file_err[MSG_MAX]; /* --file: why nothing could be read from it (safe text), "" */
} Load;

typedef struct Counts {
    unsigned by_status[ST__COUNT];
    unsigned overdue;
    int64_t oldest_review_ms; /* since when the longest-waiting review has waited (core/sla) */
    bool dirty;
    int64_t due;              /* monotonic ms of the next recount */
} Counts;

/* The detail pane: which record, its lines and where they were built for, scroll and
 * cursor, following the selection, and fetching the populated record. */
typedef struct DetailModel {
    long rec;           /* store index shown, -1 for none */
    DLines lines;
    long top, cursor;   /* scroll position and cursor line */
    uint32_t collapsed; /* bit per SectionId; kept across records */
    bool raw_codes, raw_json;
    struct {            /* what `lines` were built from */
        bool valid;
        long rec;
        const Detail *det;
        const Summary *sum;
        int width;
        uint32_t collapsed;
        bool raw_codes, raw_json;
        unsigned mask;
        DetailState state;
        uint64_t store_version;
        int64_t at;
    } built;
    int64_t follow_due; /* monotonic ms: show the selected record then (it moved), 0 = not due */
    uint64_t job;       /* retrieve in flight, 0 when none */
    int64_t job_since;  /* monotonic ms it was asked for (model_watch.c) */
    long job_rec;
    int64_t fetch_due;  /* monotonic ms: fetch the shown record then, 0 = not due; waits
                           while a follow is due */
    long err_rec;       /* the record the error is about, -1 none */
    char err[MSG_MAX];  /* quote marks kept (core/msg.h) */
    DFind find;         /* the / search inside the raw JSON view */
} DetailModel;

typedef struct Message {
    char text[400];
    Slot slot;
    int64_t until; /* monotonic ms; 0 = stays until replaced or cleared */
} Message;

/* Personal data on screen: what is masked, and the one record revealed for a while. */
typedef struct Privacy {
    unsigned mask;        /* the kinds masked (core/pii mask set) */
    int64_t reveal_ms;    /* how long a reveal lasts */
    long revealed;        /* store index of the record shown unmasked, -1 for none */
    int64_t reveal_until; /* monotonic ms when it is masked again */
    int shown_left;       /* the countdown's seconds as last drawn */
} Privacy;

typedef enum Focus { FOCUS_LIST, FOCUS_DETAIL } Focus;

/* What the screen's layout tells the model. */
typedef struct Geometry {
    bool wide;         /* the detail sits beside the list, always there */
    bool detail_shown; /* the detail pane is on screen */
    int list_rows;     /* rows of list below its titles, >= 1 */
    int detail_rows;   /* rows of detail below its title bar, >= 1 */
    int detail_width;  /* columns for the detail's lines */
} Geometry;

typedef struct Model {
    ModelJobs jobs;
    ModelHost host;
    const char *const *labels;
    size_t n_labels;
    int64_t fixed_now;
    int64_t sla_ms; /* the review SLA (core/sla) */
    int64_t (*mono)(void);
    long request_timeout_ms;
    const char *source; /* --file's export, NULL for the API (ModelEnv.source) */
    uint64_t gen; /* generation of the jobs posted now */
    Store store;
    View view;
    Related *related;
    Load load;
    Counts counts;
    DetailModel det;
    char filter_text[MODEL_TEXT_MAX + 1];
    const SavedView *views; /* the saved views, in key order */
    size_t nviews;
    int view_no; /* 1-nviews while the filter is a saved view's, else 0 */
    Filter *search;
    char search_text[MODEL_TEXT_MAX + 1];
    Message msg;
    Privacy privacy;
    bool auth_failed; /* the token was refused: say so until a load succeeds */
    char auth[400];   /* the worker's one sentence for it (where the token came from, what to do) */
    Focus focus;
    bool zoom;
    bool detail_open; /* narrow terminals: the detail was opened with Enter */
    Geometry geo;
    int64_t view_due; /* monotonic ms of the next view merge while loading */
    int64_t age_due;  /* monotonic ms when ages on screen move on */
    Decision dec;     /* the decision dialog (model/decide.c) */
    unsigned decided; /* decisions this reviewer made in this run */
    Resend rs;        /* resend-link (model/support.c) */
    Create cr;        /* the create form (model/create.c) */
    Refresh ref;      /* the live refresh (model/refresh.c) */
} Model;

/* Movement keys, written once for every pane that scrolls (tig's navigation). */
typedef enum Nav { NAV_DOWN, NAV_UP, NAV_PAGE_DOWN, NAV_PAGE_UP, NAV_HALF_DOWN, NAV_HALF_UP, NAV_FIRST, NAV_LAST } Nav;

/* ---- life ------------------------------------------------------------------------------ */
void model_init(Model *m, const ModelEnv *env);
void model_free(Model *m);
/* The first load: saved view start_view (1-nviews, or 0 for none), then the start-up
 * filter over it (a bad one is reported, not applied); sort_given: the start-up sort
 * was asked for (it wins over the view's). */
unsigned model_start(Model *m, int start_view, const char *filter, bool sort_given);

/* ---- time ------------------------------------------------------------------------------ */
int64_t model_now(const Model *m);  /* wall clock, ms since the epoch */
int64_t model_mono(const Model *m); /* the timers' clock */
/* Runs what is due (view merges, recounts, the detail's follow and fetch, the filter's
 * server side, message expiry, ages); *next gets the next deadline (0 = none). */
unsigned model_tick(Model *m, int64_t *next);
/* Merges pending pages into the view now (before a key or a screen dump). */
unsigned model_flush(Model *m);

/* ---- what the worker sent -------------------------------------------------------------- */
/* Pages merge into the store and the view, populated records attach to theirs, retries
 * and errors reach the status. Loaded data is never dropped on an error. r stays the
 * caller's (whatever the model keeps, it takes out of r). */
unsigned model_apply(Model *m, Result *r);

/* ---- the screen ------------------------------------------------------------------------ */
unsigned model_set_geometry(Model *m, const Geometry *g);
/* A status message; secs 0 keeps it until replaced. Sanitised here, so it may quote
 * network text. */
unsigned model_message(Model *m, Slot slot, int secs, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Esc: leave the zoom, else close the detail, else clear the message, else the search. */
unsigned model_escape(Model *m);

/* ---- the list (model_list.c) ----------------------------------------------------------- */
/* The filter text, applied at once; typed: from the prompt (a saved view's mark goes when
 * the text leaves it, and the server side is checked after a pause). On a parse error
 * *ok is false, err says why, and nothing changes. */
unsigned model_set_filter(Model *m, const char *text, bool typed, FilterError *err, bool *ok);
/* Saved view n (1-nviews; the keys reach 1-9), or NULL. */
const SavedView *model_view(const Model *m, int n);
unsigned model_apply_view(Model *m, int n);
unsigned model_set_sort(Model *m, SortSpec s);
/* Finds records without hiding the others: the first match at or after from_rec is
 * selected. An empty text ends the search. */
unsigned model_set_search(Model *m, const char *text, long from_rec, FilterError *err, bool *ok);
unsigned model_search_step(Model *m, int dir);
bool model_search_matches(const Model *m, long rec);
/* How many rows of the view the search finds (0 without one). */
size_t model_search_count(const Model *m);
unsigned model_list_nav(Model *m, Nav nav);
unsigned model_list_goto(Model *m, long pos);
unsigned model_list_scroll(Model *m, long delta);
/* Selects record rec when the view has it; false (nothing changes) when not. */
bool model_select(Model *m, long rec, unsigned *react);
/* (Re)loads the list when the filter's server side changed; force: even if not. Once
 * the store holds every record (Load.have_all) a load asks for all of them again. */
unsigned model_load(Model *m, bool force);
/* r: every record the view shows and every count in the header, again, and the open
 * record. When the store holds everything, everything is reloaded; else the filter's
 * server side is, and each row the view shows that the reload did not bring back (it
 * left that server side: decided elsewhere) is asked for on its own. */
unsigned model_reload(Model *m);
long model_selected(const Model *m);
/* An export opened with --file: an action that needs the API (doing: "deciding") says
 * so in one sentence, and nothing is sent. */
unsigned model_needs_api(Model *m, const char *doing);

/* ---- personal data (model_privacy.c) -------------------------------------------------- */
/* The mask set record rec is shown with: none while it is revealed. */
unsigned model_mask_for(const Model *m, long rec);
/* Reveals the selected record for the configured time (again: masks it again), and
 * writes its audit line first (action "reveal", the id, the kinds unmasked and for how
 * long; no value): when the line cannot be written nothing is revealed. Moving to
 * another record, the time running out or model_privacy_hide masks it again. */
unsigned model_reveal(Model *m);
/* Seconds the reveal of record rec has left (rounded up), 0 when it is not revealed. */
int model_reveal_left(const Model *m, long rec);
/* Ends a reveal at once (the lock screen). */
unsigned model_privacy_hide(Model *m);
/* The fields (bits 1u << SumStr) through which the filter or the search matched record
 * rec and that are shown masked: the list marks them, so a match on a hidden value is
 * seen ("juan.p" finds j***@…). */
uint32_t model_masked_hits(const Model *m, long rec);
/* How many records in the view have such a hit (one pass over the view). */
size_t model_masked_hit_count(const Model *m);

/* ---- the detail pane (model_detail.c) -------------------------------------------------- */
bool model_detail_visible(const Model *m);
DetailState model_detail_state(const Model *m); /* of the record the pane shows */
/* The pane's lines, rebuilt first when anything they show changed. */
const DLines *model_detail_lines(Model *m);
unsigned model_detail_nav(Model *m, Nav nav);
unsigned model_detail_move(Model *m, long delta);
unsigned model_detail_click(Model *m, long line); /* the mouse put the cursor on a line */
unsigned model_open_detail(Model *m);             /* Enter on the list: load, focus */
unsigned model_detail_enter(Model *m);            /* Enter in the pane: follow a link, fold */
unsigned model_toggle_focus(Model *m);
unsigned model_toggle_zoom(Model *m);
unsigned model_toggle_section(Model *m);
unsigned model_fold_all(Model *m, bool collapse);
unsigned model_jump_section(Model *m, int dir);
unsigned model_toggle_raw_codes(Model *m);
unsigned model_toggle_raw_json(Model *m);
/* A key aimed at the pane means the selected record: show it now. */
unsigned model_detail_show_selected(Model *m);
/* / inside the raw JSON view: the cursor goes to the first line from `from` that holds
 * text (folded, as the filter matches text), which the pane highlights; "" ends it. */
unsigned model_detail_find(Model *m, const char *text, long from);
/* n / N: the next or previous line that holds it, coming round. */
unsigned model_detail_find_step(Model *m, int dir);
/* Lines of the pane that hold it. */
size_t model_detail_find_count(Model *m);
/* The cursor back on a line (Esc in the find prompt). */
unsigned model_detail_goto(Model *m, long line);

/* ---- decisions (model/decide.c) -------------------------------------------------------- */
/* Opens the decision dialog on the selected record, to set `to` (COMPLETED,
 * COMPLETED_WITHOUT_KYC or FAILED); refused, with a message, for a no-op or while another
 * decision is on its way. */
unsigned model_decide_open(Model *m, Status to);
/* The next (dir 1) or previous (-1) reason label: *note (what the reviewer has written,
 * NUL-terminated, n bytes) becomes the note with that label. */
unsigned model_decide_label(Model *m, int dir, char *note, size_t n);
/* Enter: the note is required; the audit log must be writable; then the record is read
 * again, and the override goes out only if nobody changed it meanwhile. */
unsigned model_decide_confirm(Model *m, const char *note);
/* Esc: closes without sending, unless the override is already out (then it says so). */
unsigned model_decide_cancel(Model *m, const char *note);
bool model_decide_busy(const Model *m); /* checking, sending or verifying */
/* The reason labels the dialog offers. */
const char *const *model_labels(const Model *m, size_t *n);
/* A decision to `to` is on its way for record rec (the list marks the row). */
bool model_row_pending(const Model *m, long rec, Status *to);

/* ---- support (model/support.c, model/create.c) ----------------------------------------- */
/* Resend the registration link: a confirmation first (refused for a final status, with
 * the API's reason), then the link shown masked; its whole form can be copied to the
 * clipboard only after a second confirmation. The id needs none. */
unsigned model_resend_open(Model *m);
unsigned model_resend_toggle_email(Model *m);
unsigned model_resend_confirm(Model *m);
unsigned model_resend_copy(Model *m);  /* shown: asks; asked: copies (and logs the copy) */
unsigned model_resend_back(Model *m);  /* Esc: the question goes, then the dialog */
unsigned model_copy_id(Model *m);
/* The create form: fields edited by the screen (model_create_set), choices for project,
 * flow and language from what is loaded (model_create_cycle), checked before sending;
 * the API's refusal lands next to its field. */
unsigned model_create_open(Model *m);
unsigned model_create_set(Model *m, CreateField f, const char *value);
/* The next (dir 1) or previous (-1) choice for f; false when f has none. */
bool model_create_cycle(Model *m, CreateField f, int dir);
unsigned model_create_submit(Model *m);
unsigned model_create_close(Model *m);

/* ---- the live refresh (model/refresh.c) ------------------------------------------------ */
unsigned model_toggle_pause(Model *m);
/* Record rec is new or changed since the reviewer last had it selected. */
bool model_row_marked(const Model *m, long rec);

#endif
