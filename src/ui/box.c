/* Boxes over the panes (box.h). */
#include "ui/box.h"

#include <stdio.h>
#include <string.h>

#include "core/glyphs.h"
#include "core/pii.h"
#include "core/safetext.h"
#include "ui/draw.h"

void box_frame(WINDOW *w, const char *title)
{
    int h = getmaxy(w), width = getmaxx(w);
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

void box_center(const Layout *lay, int h, int w, Rect *r)
{
    if (h > lay->rows - 2)
        h = lay->rows - 2;
    if (w > lay->cols - 2)
        w = lay->cols - 2;
    *r = (Rect){ (lay->rows - h) / 2, (lay->cols - w) / 2, h, w };
    box_clamp(r);
}

void box_clamp(Rect *r)
{
    if (r->y < 0)
        r->y = 0;
    if (r->x < 0)
        r->x = 0;
}

/* How many bytes of s[at..len) the row of width columns from at takes: text to read breaks
 * between words; text being typed (a cursor shown), anywhere. */
static size_t row_bytes(const char *s, size_t at, size_t len, int width, bool typing)
{
    int used = 0;
    size_t k = safetext_fit(s + at, width, &used);
    if (k == 0 && at < len)
        k = 1; /* never stuck on a character wider than the box */
    if (at + k < len && !typing) {
        size_t sp = k;
        while (sp > 0 && s[at + sp - 1] != ' ')
            sp--;
        if (sp > 0)
            k = sp;
    }
    return k;
}

/* The first row to draw: 0, or for text being typed, the one that keeps the cursor's row
 * the last in sight. */
static size_t first_row_start(const char *s, size_t len, int width, int rows, long cursor)
{
    enum { TRACK = 64 };
    size_t start[TRACK], at = 0;
    int row = 0;
    if (cursor < 0)
        return 0;
    while (row < TRACK) {
        start[row] = at;
        size_t k = row_bytes(s, at, len, width, true);
        if ((size_t)cursor < at + k || at + k >= len)
            break;
        at += k;
        row++;
    }
    if (row == TRACK)
        row--;
    return row >= rows ? start[row - rows + 1] : 0;
}

int box_wrap(WINDOW *win, int y, int x, int width, int rows, Slot slot, const char *s, long cursor, int *cy, int *cx)
{
    size_t len = strlen(s), at = first_row_start(s, len, width, rows, cursor);
    int row = 0;
    if (cursor >= 0)
        *cy = y, *cx = x;
    while (row < rows && (at < len || row == 0)) {
        size_t k = row_bytes(s, at, len, width, cursor >= 0);
        char line[1024];
        size_t take = k < sizeof line ? k : sizeof line - 1;
        memcpy(line, s + at, take);
        line[take] = '\0';
        draw_text(win, y + row, x, width, slot, line);
        if (cursor >= 0 && (size_t)cursor >= at && ((size_t)cursor < at + k || at + k >= len)) {
            char before[1024];
            size_t b = (size_t)cursor - at < sizeof before ? (size_t)cursor - at : sizeof before - 1;
            memcpy(before, s + at, b);
            before[b] = '\0';
            *cy = y + row;
            *cx = x + safetext_width(before);
            if (*cx >= x + width && row + 1 < rows) /* at the very end of a full row: the next one */
                *cy = y + row + 1, *cx = x;
        }
        at += k;
        row++;
    }
    return row;
}

void box_who(const Model *m, long rec, const char *id, char *out, size_t n)
{
    char name[300] = "", email[300] = "";
    if (rec >= 0) {
        unsigned set = model_mask_for(m, rec);
        const Summary *s = m->store.recs[rec];
        const char *nm = mask_text(set, PII_NAME, summary_str(s, SS_NAME), name, sizeof name);
        if (nm != name)
            snprintf(name, sizeof name, "%s", nm);
        const char *em = mask_text(set, PII_EMAIL, summary_str(s, SS_EMAIL), email, sizeof email);
        if (em != email)
            snprintf(email, sizeof email, "%s", em);
    }
    snprintf(out, n, "%s  %s%s%s", id, rec >= 0 && !*name ? "(no name)" : name, *email ? "  " : "", email);
}
