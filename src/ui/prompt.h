#ifndef REGDESK_UI_PROMPT_H
#define REGDESK_UI_PROMPT_H
/* The / (filter) and f (find) prompts: a layer in the status area whose text is applied
 * as it is typed, with the parse error shown inline. It keeps its history while closed. */
#include "core/filter.h"
#include "ui/lineedit.h"
#include "ui/pane.h"

_Static_assert((int)LINEEDIT_MAX <= (int)MODEL_TEXT_MAX, "the model holds what the prompt takes");

typedef enum PromptKind { PR_FILTER, PR_SEARCH, PR_TEXT, PR__COUNT } PromptKind;

/* What a / inside some text searches (the help, the raw JSON view): PR_TEXT applies what
 * is typed through these, from where the text stood when the prompt opened. */
typedef struct TextFinder {
    const char *what; /* "the help", for the hint */
    void *ctx;
    unsigned (*find)(void *ctx, Model *m, const char *text, long from);
    unsigned (*go)(void *ctx, Model *m, long pos); /* back to a position (Esc) */
    long (*pos)(void *ctx, const Model *m);
    size_t (*count)(void *ctx, Model *m);          /* lines that hold the text */
    const char *(*text)(void *ctx, const Model *m); /* what it searches for now */
} TextFinder;

typedef struct Prompt {
    Layer layer; /* first: the layer stack holds &prompt->layer */
    PromptKind kind;
    LineEdit ed;
    char before[LINEEDIT_MAX + 1]; /* the text when the prompt opened (Esc restores it) */
    int before_view;
    long before_rec;
    const TextFinder *finder; /* PR_TEXT */
    long before_pos;
    bool has_err;
    FilterError err;
    History hist[PR__COUNT];
    struct { /* matches on masked fields, counted once per filter, search and store version */
        char filter[MODEL_TEXT_MAX + 1], search[MODEL_TEXT_MAX + 1];
        uint64_t version;
        size_t rows, count;
        long revealed;
        bool valid;
    } hidden;
} Prompt;

void prompt_init(Prompt *p);
void prompt_free(Prompt *p);
/* The line editor's keys (cursor moves and deletions), for every layer that edits a
 * line: true when act was one of them (the text may have changed). */
bool line_edit_key(LineEdit *e, ActionId act);
/* The same, and a typed character (act ACT_NONE) inserted. */
bool line_edit_input(LineEdit *e, ActionId act, Key k);
/* LayerOps.closed for the layers that show the cursor while they are open. */
void layer_cursor_off(Layer *l);

/* Opens the prompt of that kind (PR_FILTER, PR_SEARCH) on top of the layers. */
unsigned prompt_open(Prompt *p, LayerStack *layers, const Model *m, PromptKind kind);
/* Opens the prompt that finds text with f (PR_TEXT). */
unsigned prompt_open_find(Prompt *p, LayerStack *layers, const Model *m, const TextFinder *f);

/* A prompt's input row: lead, then e's text scrolled so the cursor shows, the cursor
 * left there. */
void prompt_draw_line(WINDOW *w, int row, int width, const char *lead, const LineEdit *e);

#endif
