/* The overlays drawn over the panes: the help (generated from the action table) and the
 * sort menu. */
#include "ui/overlay.h"

#include <stdio.h>
#include <string.h>

#include "core/glyphs.h"
#include "core/sort.h"
#include "ui/draw.h"
#include "ui/box.h"
#include "ui/helptext.h"
#include "ui/keymap.h"

/* ---- help ------------------------------------------------------------------------------- */

static void help_rect(const Layer *l, const Layout *lay, Rect *r)
{
    (void)l;
    int w = lay->cols - 4 < 100 ? lay->cols - 4 : 100;
    *r = (Rect){ 1, (lay->cols - w) / 2, lay->status.y - 1, w }; /* above a prompt opened over it */
    box_clamp(r);
}

/* The lines for a box width: built when it opens, so / can search them at once, and
 * again when the box changes width. */
static void help_lines(HelpOverlay *hp, const Model *m, int width)
{
    if (hp->width == width)
        return;
    help_build(&hp->lines, width, m->views, m->nviews);
    hp->width = width;
    hp->match = -1; /* its line number was for the old lines */
}

static void help_draw(Layer *l, WINDOW *w, Model *m)
{
    HelpOverlay *hp = (HelpOverlay *)l;
    int h, width;
    getmaxyx(w, h, width);
    werase(w);
    help_lines(hp, m, width - 4);
    long body = h - 2, n = (long)hp->lines.n;
    if (hp->top > n - body)
        hp->top = n - body;
    if (hp->top < 0)
        hp->top = 0;
    box_frame(w, " Help ");
    for (long y = 0; y < body && hp->top + y < n; y++) {
        const DLine *dl = &hp->lines.lines[hp->top + y];
        int x = 2;
        for (uint16_t k = 0; k < dl->nspans; k++) {
            const DSpan *sp = &hp->lines.spans[dl->span0 + k];
            x += draw_found(w, (int)y + 1, x, width - 2 - x, (Slot)sp->slot, hp->lines.text.s + sp->off, &hp->find);
        }
    }
    if (n > body) {
        char more[48];
        snprintf(more, sizeof more, " %ld%% ", (hp->top + body) * 100 / n);
        draw_text(w, h - 1, width - 8, 6, SL_DIM, more);
    }
}

/* Esc, q and the key that opened an overlay close it. */
static bool closes(Layer *l, ActionId a, ActionId opener)
{
    if (a != ACT_CLOSE && a != ACT_QUIT && a != opener)
        return false;
    l->done = true;
    return true;
}

/* ---- / inside the help: its own text, not the list's filter ----------------------------- */

/* The help shows a match near its top, with the line before it for context. */
static unsigned help_show(HelpOverlay *hp, long line)
{
    hp->match = line;
    hp->top = line > 0 ? line - 1 : 0;
    return R_OVERLAY;
}

static unsigned help_find(void *ctx, Model *m, const char *text, long from)
{
    (void)m;
    HelpOverlay *hp = ctx;
    dfind_set(&hp->find, text);
    hp->match = -1;
    bool wrapped;
    long at = dfind_line(&hp->find, &hp->lines, from, +1, &wrapped);
    return at >= 0 ? help_show(hp, at) : R_OVERLAY;
}

static unsigned help_go(void *ctx, Model *m, long pos)
{
    (void)m;
    HelpOverlay *hp = ctx;
    hp->top = pos;
    return R_OVERLAY;
}

static long help_pos(void *ctx, const Model *m)
{
    (void)m;
    return ((const HelpOverlay *)ctx)->top;
}

static size_t help_count(void *ctx, Model *m)
{
    (void)m;
    HelpOverlay *hp = ctx;
    return dfind_count(&hp->find, &hp->lines);
}

static const char *help_text(void *ctx, const Model *m)
{
    (void)m;
    return ((const HelpOverlay *)ctx)->find.text;
}

/* n / N: the next or previous line that holds the text. */
static unsigned help_step(HelpOverlay *hp, Model *m, int dir)
{
    if (!dfind_active(&hp->find))
        return model_message(m, SL_STATUS_WARN, 3, "no search: / finds text in the help");
    bool wrapped;
    long at = dfind_line(&hp->find, &hp->lines, (hp->match >= 0 ? hp->match : hp->top) + dir, dir, &wrapped);
    if (at < 0)
        return model_message(m, SL_STATUS_WARN, 3, "nothing in the help holds \"%s\"", hp->find.text);
    return help_show(hp, at) | (wrapped ? model_message(m, SL_STATUSBAR, 2, "search wrapped around") : 0);
}

static unsigned help_key(Layer *l, Model *m, const Layout *lay, Key k)
{
    HelpOverlay *hp = (HelpOverlay *)l;
    ActionId a = keymap_lookup(k, false);
    Nav nav;
    if (a == ACT_FILTER || a == ACT_SEARCH) {
        hp->finder = (TextFinder){ "the help", hp, help_find, help_go, help_pos, help_count, help_text };
        return prompt_open_find(hp->prompt, hp->layers, m, &hp->finder);
    }
    if (a == ACT_SEARCH_NEXT || a == ACT_SEARCH_PREV)
        return help_step(hp, m, a == ACT_SEARCH_NEXT ? +1 : -1) | R_OVERLAY;
    if (closes(l, a, ACT_HELP) || !action_nav(a, &nav))
        return 0;
    long page = lay->rows - 4, step = nav == NAV_DOWN ? 1 : nav == NAV_UP ? -1 : 0;
    if (nav == NAV_PAGE_DOWN || nav == NAV_HALF_DOWN)
        step = page;
    else if (nav == NAV_PAGE_UP || nav == NAV_HALF_UP)
        step = -page;
    hp->top = nav == NAV_FIRST ? 0 : nav == NAV_LAST ? (long)hp->lines.n : hp->top + step; /* help_draw clamps */
    return R_OVERLAY;
}

static const LayerOps help_ops = { "help", LAYER_BOX, help_rect, help_draw, help_key, NULL, NULL };

void help_init(HelpOverlay *h, Prompt *prompt, LayerStack *layers)
{
    memset(h, 0, sizeof *h);
    h->layer.ops = &help_ops;
    h->prompt = prompt;
    h->layers = layers;
    h->match = -1;
    dl_init(&h->lines);
}

void help_free(HelpOverlay *h)
{
    dfind_clear(&h->find);
    dl_free(&h->lines);
}

unsigned help_open(HelpOverlay *h, LayerStack *layers, const Layout *lay, const Model *m)
{
    Rect r;
    help_rect(&h->layer, lay, &r);
    help_lines(h, m, r.w - 4);
    h->top = 0;
    h->match = -1;
    dfind_clear(&h->find);
    return layer_push(layers, &h->layer);
}

/* ---- sort menu ------------------------------------------------------------------------------ */

static const char *const sort_hint[SORT__COUNT] = {
    [SORT_CREATED] = "creation time",       [SORT_UPDATED] = "last update",
    [SORT_AGE] = "age (oldest first)",      [SORT_STATUS] = "status, review queue first",
    [SORT_FLAGS] = "red flags",             [SORT_FAILED] = "failed attempts",
    [SORT_NAME] = "name (accents ignored)", [SORT_EMAIL] = "email",
};

static void sort_rect(const Layer *l, const Layout *lay, Rect *r)
{
    (void)l;
    *r = (Rect){ lay->rows / 2 - 6, lay->cols / 2 - 24, 11, 48 };
    box_clamp(r);
}

static void sort_draw(Layer *l, WINDOW *w, Model *m)
{
    const SortMenu *sm = (const SortMenu *)l;
    SortSpec cur = m->view.sort;
    int h, width;
    getmaxyx(w, h, width);
    werase(w);
    box_frame(w, " Sort by ");
    for (int k = 0; k < SORT__COUNT; k++) {
        bool on = cur.key == (SortKey)k;
        Slot sl = k == sm->cursor ? SL_CURSOR : SL_NORMAL;
        char line[96];
        snprintf(line, sizeof line, " %s %-8s %-28s", on ? glyph(cur.descending ? GL_DOWN : GL_UP) : " ",
                 sort_key_name((SortKey)k), sort_hint[k]);
        draw_cell(w, k + 1, 1, width - 2, sl, line, false);
    }
    draw_text(w, h - 1, 2, width - 4, SL_DIM, " Enter picks, again reverses; Esc ");
}

/* Enter on a key: that key (again: the other way). Times newest first, counts most first,
 * text A to Z, age oldest first. */
static SortSpec picked(SortSpec s, SortKey k)
{
    if (s.key == k)
        return (SortSpec){ k, !s.descending };
    return (SortSpec){ k, k == SORT_CREATED || k == SORT_UPDATED || k == SORT_FLAGS || k == SORT_FAILED };
}

static unsigned sort_key(Layer *l, Model *m, const Layout *lay, Key k)
{
    (void)lay;
    SortMenu *sm = (SortMenu *)l;
    ActionId a = keymap_lookup(k, false);
    if (closes(l, a, ACT_SORT))
        return 0;
    if (a == ACT_OPEN) {
        l->done = true;
        return model_set_sort(m, picked(m->view.sort, (SortKey)sm->cursor));
    }
    if (a != ACT_DOWN && a != ACT_UP)
        return 0;
    sm->cursor = (sm->cursor + (a == ACT_DOWN ? 1 : SORT__COUNT - 1)) % SORT__COUNT;
    return R_OVERLAY;
}

static const LayerOps sort_ops = { "sort", LAYER_BOX, sort_rect, sort_draw, sort_key, NULL, NULL };

void sortmenu_init(SortMenu *s)
{
    memset(s, 0, sizeof *s);
    s->layer.ops = &sort_ops;
}

unsigned sortmenu_open(SortMenu *s, LayerStack *layers, const Model *m)
{
    s->cursor = m->view.sort.key;
    return layer_push(layers, &s->layer);
}

/* ---- views menu ----------------------------------------------------------------------------- */

static void views_rect(const Layer *l, const Layout *lay, Rect *r)
{
    (void)l;
    box_center(lay, lay->rows - 4 < 22 ? lay->rows - 4 : 22, lay->cols - 4 < 90 ? lay->cols - 4 : 90, r);
}

static void views_draw(Layer *l, WINDOW *w, Model *m)
{
    ViewMenu *vm = (ViewMenu *)l;
    int h, width;
    getmaxyx(w, h, width);
    werase(w);
    box_frame(w, " Saved views ");
    int body = h - 2;
    if (vm->cursor < vm->top)
        vm->top = vm->cursor;
    if (vm->cursor >= vm->top + body)
        vm->top = vm->cursor - body + 1;
    for (int y = 0; y < body && vm->top + y < (int)m->nviews; y++) {
        int i = vm->top + y;
        const SavedView *v = &m->views[i];
        char key[12] = "", line[400];
        if (i < VIEWS_KEYS)
            snprintf(key, sizeof key, "%d", i + 1);
        snprintf(line, sizeof line, " %s %-2s %-20s %s%s%s", m->view_no == i + 1 ? glyph(GL_UP) : " ", key, v->name,
                 v->filter, *v->sort ? "  sort:" : "", v->sort);
        draw_cell(w, y + 1, 1, width - 2, i == vm->cursor ? SL_CURSOR : SL_NORMAL, line, false);
    }
    draw_text(w, h - 1, 2, width - 4, SL_DIM, " Enter shows it; Esc ");
}

static unsigned views_key(Layer *l, Model *m, const Layout *lay, Key k)
{
    (void)lay;
    ViewMenu *vm = (ViewMenu *)l;
    ActionId a = keymap_lookup(k, false);
    if (closes(l, a, ACT_VIEWS) || !m->nviews)
        return 0;
    if (a == ACT_OPEN) {
        l->done = true;
        return model_apply_view(m, vm->cursor + 1);
    }
    Nav nav;
    if (!action_nav(a, &nav))
        return 0;
    int n = (int)m->nviews, c = vm->cursor;
    bool back = nav == NAV_UP || nav == NAV_PAGE_UP || nav == NAV_HALF_UP;
    c = nav == NAV_FIRST ? 0 : nav == NAV_LAST ? n - 1 : back ? c - 1 : c + 1;
    vm->cursor = c < 0 ? 0 : c >= n ? n - 1 : c;
    return R_OVERLAY;
}

static const LayerOps views_ops = { "views", LAYER_BOX, views_rect, views_draw, views_key, NULL, NULL };

void viewmenu_init(ViewMenu *v)
{
    memset(v, 0, sizeof *v);
    v->layer.ops = &views_ops;
}

unsigned viewmenu_open(ViewMenu *v, LayerStack *layers, const Model *m)
{
    v->cursor = m->view_no > 0 ? m->view_no - 1 : 0;
    v->top = 0;
    return layer_push(layers, &v->layer);
}
