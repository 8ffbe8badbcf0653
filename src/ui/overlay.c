/* The overlays drawn over the panes: the help (generated from the action table) and the
 * sort menu. */
#include <stdio.h>
#include <string.h>

#include "core/sort.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "core/glyphs.h"
#include "ui/helptext.h"

/* A box of line-drawing glyphs (not curses' ACS, so the screen reads back as text). */
static void frame(WINDOW *w, int width, const char *title)
{
    int h = getmaxy(w);
    for (int y = 0; y < h; y++) {
        bool edge = y == 0 || y == h - 1;
        draw_text(w, y, 0, 1, SL_BORDER, glyph(y == 0 ? GL_TL : y == h - 1 ? GL_BL : GL_VBAR));
        for (int x = 1; edge && x < width - 1; x++)
            draw_text(w, y, x, 1, SL_BORDER, glyph(GL_HBAR));
        draw_text(w, y, width - 1, 1, SL_BORDER, glyph(y == 0 ? GL_TR : y == h - 1 ? GL_BR : GL_VBAR));
    }
    if (title)
        draw_text(w, 0, 2, width - 4, SL_SECTION, title);
}

static void help_ensure(App *a, int width)
{
    if (a->help_width != width) {
        help_build(&a->help_lines, width);
        a->help_width = width;
    }
}

long help_line_count(const App *a)
{
    return (long)a->help_lines.n;
}

void help_draw(App *a)
{
    WINDOW *w = a->w_overlay;
    int h, width;
    getmaxyx(w, h, width);
    werase(w);
    help_ensure(a, width - 4);
    long body = h - 2, n = (long)a->help_lines.n;
    if (a->help_top > n - body)
        a->help_top = n - body;
    if (a->help_top < 0)
        a->help_top = 0;
    frame(w, width, " Help ");
    for (long y = 0; y < body && a->help_top + y < n; y++) {
        const DLine *l = &a->help_lines.lines[a->help_top + y];
        int x = 2;
        for (uint16_t k = 0; k < l->nspans; k++) {
            const DSpan *sp = &a->help_lines.spans[l->span0 + k];
            x += draw_text(w, (int)y + 1, x, width - 2 - x, (Slot)sp->slot, a->help_lines.text.s + sp->off);
        }
    }
    if (n > body) {
        char more[48];
        snprintf(more, sizeof more, " %ld%% ", (a->help_top + body) * 100 / n);
        draw_text(w, h - 1, width - 8, 6, SL_DIM, more);
    }
}

static const char *const sort_hint[SORT__COUNT] = {
    [SORT_CREATED] = "creation time",       [SORT_UPDATED] = "last update",
    [SORT_AGE] = "age (oldest first)",      [SORT_STATUS] = "status, review queue first",
    [SORT_FLAGS] = "red flags",             [SORT_FAILED] = "failed attempts",
    [SORT_NAME] = "name (accents ignored)", [SORT_EMAIL] = "email",
};

void sortmenu_draw(App *a)
{
    WINDOW *w = a->w_overlay;
    int h, width;
    getmaxyx(w, h, width);
    werase(w);
    frame(w, width, " Sort by ");
    for (int k = 0; k < SORT__COUNT; k++) {
        bool cur = a->view.sort.key == (SortKey)k;
        Slot sl = k == a->sort_cursor ? SL_CURSOR : SL_NORMAL;
        char line[96];
        snprintf(line, sizeof line, " %s %-8s %-28s", cur ? glyph(a->view.sort.descending ? GL_DOWN : GL_UP) : " ",
                 sort_key_name((SortKey)k), sort_hint[k]);
        draw_cell(w, k + 1, 1, width - 2, sl, line, false);
    }
    draw_text(w, h - 1, 2, width - 4, SL_DIM, " Enter picks, again reverses; Esc ");
}
