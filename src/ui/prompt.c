/* The / (filter) and f (find) prompts: a line editor whose text is applied as it is
 * typed, with the parse error shown inline: the bad term is highlighted where the
 * core's FilterError points, and the sentence sits on the line above. */
#include "ui/prompt.h"

#include <stdio.h>
#include <string.h>

#include "core/glyphs.h"
#include "core/safetext.h"
#include "core/utf8.h"
#include "ui/draw.h"
#include "ui/keymap.h"

static Prompt *of(Layer *l)
{
    return (Prompt *)l; /* the layer is the prompt's first member */
}

static void set_cursor_visible(bool on)
{
    curs_set(on ? 1 : 0); /* ERR on a terminal that cannot: harmless */
}

/* Byte offset of character number `chars` (0-based) in s. */
static size_t byte_of_char(const char *s, size_t chars)
{
    size_t i = 0, len = strlen(s);
    while (chars > 0 && i < len) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, len - i, &cp);
        i += k ? k : 1;
        chars--;
    }
    return i;
}

static unsigned on_change(Prompt *p, Model *m)
{
    bool ok = true;
    unsigned r;
    if (p->kind == PR_FILTER)
        r = model_set_filter(m, p->ed.buf, true, &p->err, &ok);
    else if (p->kind == PR_SEARCH)
        r = model_set_search(m, p->ed.buf, p->before_rec, &p->err, &ok);
    else
        r = p->finder->find(p->finder->ctx, m, p->ed.buf, p->before_pos) | R_OVERLAY;
    p->has_err = !ok;
    return r | R_STATUS | R_LIST | R_HEADER;
}

static unsigned open_kind(Prompt *p, LayerStack *layers, const Model *m, PromptKind kind, const char *text)
{
    p->kind = kind;
    p->has_err = false;
    snprintf(p->before, sizeof p->before, "%s", text);
    p->before_view = m->view_no;
    p->before_rec = model_selected(m);
    le_set(&p->ed, text);
    if (p->ed.len && kind == PR_FILTER)
        le_insert(&p->ed, ' '); /* typing adds a term to what is there; Ctrl-U starts afresh */
    history_reset(&p->hist[kind]);
    set_cursor_visible(true);
    return layer_push(layers, &p->layer);
}

unsigned prompt_open(Prompt *p, LayerStack *layers, const Model *m, PromptKind kind)
{
    return open_kind(p, layers, m, kind, kind == PR_FILTER ? m->filter_text : m->search_text);
}

unsigned prompt_open_find(Prompt *p, LayerStack *layers, const Model *m, const TextFinder *f)
{
    p->finder = f;
    p->before_pos = f->pos(f->ctx, m);
    return open_kind(p, layers, m, PR_TEXT, f->text(f->ctx, m));
}

void layer_cursor_off(Layer *l)
{
    (void)l;
    set_cursor_visible(false);
}

static unsigned accept(Prompt *p, Model *m)
{
    if (p->has_err)
        return model_message(m, SL_STATUS_ERR, 4, "fix the %s first, or Esc to undo it",
                             p->kind == PR_FILTER ? "filter" : "search");
    history_add(&p->hist[p->kind], p->ed.buf);
    p->layer.done = true;
    if (p->kind == PR_SEARCH && m->search) /* how many, once it is kept */
        return model_message(m, SL_STATUSBAR, 4, "%zu of %zu records match (n, N)", model_search_count(m),
                             m->view.n);
    return p->kind == PR_FILTER ? model_load(m, false) : 0; /* the filter's server side now, no debounce */
}

static unsigned cancel(Prompt *p, Model *m)
{
    unsigned r = R_PANES;
    if (p->kind == PR_FILTER) {
        bool ok;
        FilterError err;
        r |= model_set_filter(m, p->before, false, &err, &ok);
        m->view_no = p->before_view;
        r |= model_load(m, false);
    } else if (p->kind == PR_SEARCH) {
        le_set(&p->ed, p->before);
        r |= on_change(p, m);
        unsigned sel;
        model_select(m, p->before_rec, &sel);
        r |= sel;
    } else {
        le_set(&p->ed, p->before);
        r |= on_change(p, m) | p->finder->go(p->finder->ctx, m, p->before_pos);
    }
    p->layer.done = true;
    return r;
}

bool line_edit_key(LineEdit *e, ActionId act)
{
    switch (act) {
    case ACT_P_LEFT: le_left(e); return false;
    case ACT_P_RIGHT: le_right(e); return false;
    case ACT_P_HOME: le_home(e); return false;
    case ACT_P_END: le_end(e); return false;
    case ACT_P_BACKSPACE: le_backspace(e); return true;
    case ACT_P_DELETE: le_delete(e); return true;
    case ACT_P_KILL_START: le_kill_start(e); return true;
    case ACT_P_KILL_END: le_kill_end(e); return true;
    case ACT_P_KILL_WORD: le_kill_word(e); return true;
    default: return false;
    }
}

bool line_edit_input(LineEdit *e, ActionId act, Key k)
{
    if (act != ACT_NONE)
        return line_edit_key(e, act);
    return k >= 0x20 && k < KEY_FN_BASE && le_insert(e, (uint32_t)k);
}

/* Editing keys, typed text and the history; returns whether the text may have changed. */
static bool edit(Prompt *p, ActionId act, Key k)
{
    History *h = &p->hist[p->kind];
    if (act == ACT_P_HIST_PREV || act == ACT_P_HIST_NEXT)
        return history_move(h, &p->ed, act == ACT_P_HIST_PREV ? -1 : +1);
    return line_edit_input(&p->ed, act, k);
}

static unsigned key(Layer *l, Model *m, const Layout *lay, Key k)
{
    (void)lay;
    Prompt *p = of(l);
    ActionId act = keymap_lookup(k, true);
    if (act == ACT_P_ACCEPT)
        return accept(p, m);
    if (act == ACT_P_CANCEL)
        return cancel(p, m);
    return R_STATUS | (edit(p, act, k) ? on_change(p, m) : 0);
}

/* ---- drawing ------------------------------------------------------------------------------ */

/* How many rows matched on a field shown masked, counted again only when the filter,
 * the search or the store changed. */
static size_t hidden_hits(Prompt *p, const Model *m)
{
    if (!p->hidden.valid || strcmp(p->hidden.filter, m->filter_text) || strcmp(p->hidden.search, m->search_text) ||
        p->hidden.version != m->store.version || p->hidden.rows != m->view.n ||
        p->hidden.revealed != m->privacy.revealed) {
        p->hidden.valid = true;
        p->hidden.revealed = m->privacy.revealed;
        snprintf(p->hidden.filter, sizeof p->hidden.filter, "%s", m->filter_text);
        snprintf(p->hidden.search, sizeof p->hidden.search, "%s", m->search_text);
        p->hidden.version = m->store.version;
        p->hidden.rows = m->view.n;
        p->hidden.count = model_masked_hit_count(m);
    }
    return p->hidden.count;
}

static void hint_row(Prompt *p, Model *m, WINDOW *w, int width)
{
    draw_fill(w, 0, 0, width, SL_NORMAL);
    char buf[400], masked[80] = "";
    if (p->has_err) {
        snprintf(buf, sizeof buf, " %s %s", glyph(GL_BAD), p->err.msg);
        draw_text(w, 0, 0, width, SL_BAD, buf);
        return;
    }
    size_t hidden = p->kind == PR_TEXT ? 0 : hidden_hits(p, m);
    if (hidden)
        snprintf(masked, sizeof masked, " (%zu on a masked field, highlighted)", hidden);
    if (p->kind == PR_FILTER)
        snprintf(buf, sizeof buf, " %zu of %zu match%s %s Enter keeps %s Esc undoes %s Up/Down history %s "
                                  "e.g. status:review age>1d name:ruiz flags>0 !step:liv",
                 m->view.n, m->store.n, masked, glyph(GL_DOT), glyph(GL_DOT), glyph(GL_DOT), glyph(GL_DOT));
    else if (p->kind == PR_SEARCH)
        snprintf(buf, sizeof buf, " %zu of %zu records match%s %s n/N next/previous %s Enter keeps %s Esc undoes %s "
                                  "same language as the filter", model_search_count(m), m->view.n, masked,
                 glyph(GL_DOT), glyph(GL_DOT), glyph(GL_DOT), glyph(GL_DOT));
    else
        snprintf(buf, sizeof buf, " %zu line%s of %s hold%s it %s n/N next/previous %s Enter keeps %s Esc undoes",
                 p->finder->count(p->finder->ctx, m), p->finder->count(p->finder->ctx, m) == 1 ? "" : "s",
                 p->finder->what, p->finder->count(p->finder->ctx, m) == 1 ? "s" : "", glyph(GL_DOT), glyph(GL_DOT),
                 glyph(GL_DOT));
    draw_text(w, 0, 0, width, SL_DIM, buf);
}

/* Columns taken by characters [from, to) of s. */
static int cols_between(const char *s, size_t from, size_t to)
{
    size_t a = byte_of_char(s, from), b = byte_of_char(s, to);
    int c = 0;
    while (a < b) {
        uint32_t cp;
        size_t k = utf8_decode(s + a, b - a, &cp);
        c += cp_width(cp);
        a += k ? k : 1;
    }
    return c;
}

static void input_row(const Prompt *p, WINDOW *w, int width)
{
    const char *s = p->ed.buf;
    draw_fill(w, 1, 0, width, SL_PROMPT);
    const char *lead = p->kind == PR_FILTER ? "/" : p->kind == PR_SEARCH ? "find: " : "find text: ";
    int lx = draw_text(w, 1, 0, width, SL_PROMPT, lead);
    int room = width - lx - 1;
    size_t cur = le_cursor_chars(&p->ed);
    size_t start = 0; /* scroll so the cursor stays in view */
    while (cols_between(s, start, cur) > room - 1)
        start++;
    size_t es = 0, ee = 0;
    if (p->has_err && p->err.column > 0) {
        es = (size_t)p->err.column - 1;
        ee = es + (size_t)(p->err.length > 0 ? p->err.length : 1);
    }
    /* Three runs: before the bad term, the bad term, after it. */
    size_t cuts[4] = { start, es > start ? es : start, ee > start ? ee : start, (size_t)-1 };
    if (cuts[2] < cuts[1])
        cuts[2] = cuts[1];
    int x = lx;
    for (int r = 0; r < 3 && x < width; r++) {
        size_t b0 = byte_of_char(s, cuts[r]), b1 = byte_of_char(s, cuts[r + 1]);
        if (b1 <= b0)
            continue;
        char piece[LINEEDIT_MAX + 1];
        memcpy(piece, s + b0, b1 - b0);
        piece[b1 - b0] = '\0';
        x += draw_text(w, 1, x, width - x, r == 1 ? SL_PROMPT_ERR : SL_PROMPT, piece);
    }
    if (p->has_err && ee > strlen(s) && x < width) /* the error points past the end */
        draw_text(w, 1, x, 1, SL_PROMPT_ERR, " ");
    wmove(w, 1, lx + cols_between(s, start, cur));
}

void prompt_draw_line(WINDOW *w, int row, int width, const char *lead, const LineEdit *ed)
{
    draw_fill(w, row, 0, width, SL_PROMPT);
    int lx = draw_text(w, row, 0, width, SL_PROMPT, lead);
    size_t cur = le_cursor_chars(ed), start = 0;
    while (start < cur && cols_between(ed->buf, start, cur) > width - lx - 2)
        start++;
    draw_text(w, row, lx, width - lx, SL_PROMPT, ed->buf + byte_of_char(ed->buf, start));
    wmove(w, row, lx + cols_between(ed->buf, start, cur));
}

static void draw(Layer *l, WINDOW *w, Model *m)
{
    Prompt *p = of(l);
    int width = getmaxx(w);
    hint_row(p, m, w, width);
    input_row(p, w, width);
}

static const LayerOps prompt_ops = { "prompt", LAYER_STATUS, NULL, draw, key, layer_cursor_off, NULL };

void prompt_init(Prompt *p)
{
    memset(p, 0, sizeof *p);
    p->layer.ops = &prompt_ops;
}

void prompt_free(Prompt *p)
{
    for (int i = 0; i < PR__COUNT; i++)
        history_free(&p->hist[i]);
}
