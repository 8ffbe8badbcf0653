#ifndef REGDESK_UI_PROMPT_H
#define REGDESK_UI_PROMPT_H
/* The / (filter) and f (find) prompts: a layer in the status area whose text is applied
 * as it is typed, with the parse error shown inline. It keeps its history while closed. */
#include "core/filter.h"
#include "ui/lineedit.h"
#include "ui/pane.h"

_Static_assert((int)LINEEDIT_MAX <= (int)MODEL_TEXT_MAX, "the model holds what the prompt takes");

typedef enum PromptKind { PR_FILTER, PR_SEARCH, PR__COUNT } PromptKind;

typedef struct Prompt {
    Layer layer; /* first: the layer stack holds &prompt->layer */
    PromptKind kind;
    LineEdit ed;
    char before[LINEEDIT_MAX + 1]; /* the text when the prompt opened (Esc restores it) */
    int before_view;
    long before_rec;
    bool has_err;
    FilterError err;
    History hist[PR__COUNT];
} Prompt;

void prompt_init(Prompt *p);
void prompt_free(Prompt *p);
/* Opens the prompt of that kind on top of the layers. */
unsigned prompt_open(Prompt *p, LayerStack *layers, const Model *m, PromptKind kind);

#endif
