/* The / (filter) and f (find) prompts: a line editor whose text is applied as it is
 * typed, with the parse error shown inline: the bad term is highlighted where the
 * core's FilterError points, and the sentence sits on the line above. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "core/safetext.h"
#include "core/utf8.h"
#include "ui/actions.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "core/glyphs.h"

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

static void search_from(App *a, long from_rec);

static void on_change(App *a)
{
    Prompt *p = &a->prompt;
    if (p->kind == PR_FILTER) {
        bool ok;
        apply_filter_text(a, p->ed.buf, true, &p->err, &ok);
        p->has_err = !ok;
    } else {
        FilterError err;
        Filter *f = filter_compile(p->ed.buf, app_now(a), &err);
        p->has_err = !f;
        if (f) {
            filter_free(a->search);
            a->search = f;
            if (filter_is_empty(f)) {
                filter_free(f);
                a->search = NULL;
            }
            snprintf(a->search_text, sizeof a->search_text, "%s", a->search ? p->ed.buf : "");
            search_from(a, p->before_rec);
        } else {
            p->err = err;
        }
    }
    a->dirty |= D_STATUS | D_LIST | D_HEADER;
}

/* Incremental find: the first match at or after the record where the prompt opened. */
static void search_from(App *a, long from_rec)
{
    if (!a->search || !a->view.n)
        return;
    long start = view_find(&a->view, from_rec);
    if (start < 0)
        start = 0;
    for (size_t k = 0; k < a->view.n; k++) {
        long pos = (start + (long)k) % (long)a->view.n;
        if (filter_match(a->search, a->store.recs[a->view.idx[pos]])) {
            view_goto(&a->view, pos);
            detail_follow(a);
            return;
        }
    }
}

void prompt_open(App *a, PromptKind kind)
{
    Prompt *p = &a->prompt;
    p->kind = kind;
    p->has_err = false;
    const char *text = kind == PR_FILTER ? a->filter_text : a->search_text;
    snprintf(p->before, sizeof p->before, "%s", text);
    p->before_view = a->view_no;
    p->before_rec = app_selected(a);
    le_set(&p->ed, text);
    if (p->ed.len && kind == PR_FILTER)
        le_insert(&p->ed, ' '); /* typing adds a term to what is there; Ctrl-U starts afresh */
    history_reset(&p->hist[kind]);
    set_cursor_visible(true);
    a->dirty |= D_LAYOUT;
}

static void close_prompt(App *a)
{
    a->prompt.kind = PR_NONE;
    set_cursor_visible(false);
    a->dirty |= D_LAYOUT;
}

static void accept(App *a)
{
    Prompt *p = &a->prompt;
    if (p->has_err) {
        app_message(a, SL_STATUS_ERR, 4, "fix the %s first, or Esc to undo it",
                    p->kind == PR_FILTER ? "filter" : "search");
        return;
    }
    history_add(&p->hist[p->kind], p->ed.buf);
    if (p->kind == PR_FILTER)
        load_start(a, false); /* push the filter's server side now, no debounce */
    close_prompt(a);
}

static void cancel(App *a)
{
    Prompt *p = &a->prompt;
    if (p->kind == PR_FILTER) {
        bool ok;
        FilterError err;
        apply_filter_text(a, p->before, false, &err, &ok);
        a->view_no = p->before_view;
        load_start(a, false);
    } else {
        le_set(&p->ed, p->before);
        on_change(a);
        view_select_rec(&a->view, p->before_rec);
        detail_follow(a);
    }
    close_prompt(a);
    a->dirty |= D_ALL & ~D_LAYOUT;
}

/* Editing keys; returns whether the text may have changed. */
static bool edit(App *a, ActionId act)
{
    LineEdit *e = &a->prompt.ed;
    History *h = &a->prompt.hist[a->prompt.kind];
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
    case ACT_P_HIST_PREV: return history_move(h, e, -1);
    case ACT_P_HIST_NEXT: return history_move(h, e, +1);
    default: return false;
    }
}

void prompt_key(App *a, Key k)
{
    ActionId act = keymap_lookup(k, true);
    if (act == ACT_P_ACCEPT) {
        accept(a);
    } else if (act == ACT_P_CANCEL) {
        cancel(a);
    } else if (act != ACT_NONE) {
        if (edit(a, act))
            on_change(a);
        a->dirty |= D_STATUS;
    } else if (k >= 0x20 && k < KEY_FN_BASE) {
        if (le_insert(&a->prompt.ed, (uint32_t)k))
            on_change(a);
        a->dirty |= D_STATUS;
    }
}

/* ---- drawing ------------------------------------------------------------------------------ */

static void hint_row(App *a, WINDOW *w, int width)
{
    const Prompt *p = &a->prompt;
    draw_fill(w, 0, 0, width, SL_NORMAL);
    char buf[400];
    if (p->has_err) {
        snprintf(buf, sizeof buf, " %s %s", glyph(GL_BAD), p->err.msg);
        draw_text(w, 0, 0, width, SL_BAD, buf);
        return;
    }
    if (p->kind == PR_FILTER)
        snprintf(buf, sizeof buf, " %zu of %zu match %s Enter keeps %s Esc undoes %s Up/Down history %s "
                                  "e.g. status:review age>1d name:ruiz flags>0 !step:liv",
                 a->view.n, a->store.n, glyph(GL_DOT), glyph(GL_DOT), glyph(GL_DOT), glyph(GL_DOT));
    else
        snprintf(buf, sizeof buf, " find %s n/N next/previous %s Enter keeps %s Esc undoes %s same language "
                                  "as the filter", glyph(GL_DOT), glyph(GL_DOT), glyph(GL_DOT), glyph(GL_DOT));
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

static void input_row(App *a, WINDOW *w, int width)
{
    const Prompt *p = &a->prompt;
    const char *s = p->ed.buf;
    draw_fill(w, 1, 0, width, SL_PROMPT);
    const char *lead = p->kind == PR_FILTER ? "/" : "find: ";
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

void prompt_draw(App *a)
{
    WINDOW *w = a->w_status;
    int width = a->lay.status.w;
    hint_row(a, w, width);
    input_row(a, w, width);
}
