/* The screen as text (and optionally its colour slots), for the scripted test mode's
 * :dump and the golden screens. */
#include "ui/dump.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <wchar.h>

#include "core/colour.h"
#include "core/utf8.h"
#include "ui/draw.h"
#include "ui/render.h"

static void put_row_text(FILE *f, int y, int cols)
{
    wchar_t buf[1024];
    int n = mvwinnwstr(curscr, y, 0, buf, cols < 1023 ? cols : 1023);
    if (n < 0)
        n = 0;
    while (n > 0 && buf[n - 1] == L' ')
        n--;
    for (int i = 0; i < n; i++) {
        char u[4];
        uint32_t cp = (uint32_t)buf[i];
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            cp = 0xFFFD;
        fwrite(u, 1, utf8_encode(cp, u), f);
    }
    fputc('\n', f);
}

static char slot_letter(int slot)
{
    static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    if (slot == SL_NORMAL)
        return '.';
    if (slot < 0 || slot - 1 >= (int)sizeof letters - 1)
        return '?';
    return letters[slot - 1];
}

/* The attributes and colour pair the terminal got at (y, x). */
static void cell_at(int y, int x, attr_t *attr, short *pair)
{
    cchar_t c;
    wchar_t wch[CCHARW_MAX + 1];
    mvwin_wch(curscr, y, x, &c);
    getcchar(&c, wch, attr, pair, NULL);
}

static void put_row_attrs(FILE *f, int y, int cols)
{
    char row[1024];
    int n = 0;
    for (int x = 0; x < cols && n < (int)sizeof row - 1; x++) {
        attr_t attr;
        short pair;
        cell_at(y, x, &attr, &pair);
        row[n++] = slot_letter(theme_slot_of(attr, pair));
    }
    while (n > 0 && row[n - 1] == '.')
        n--;
    row[n] = '\0';
    fprintf(f, "%s\n", row);
}

/* ---- looks ------------------------------------------------------------------------------- */

enum { LOOKS_MAX = 52 };
static const char look_letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

typedef struct CellLook {
    int fg, bg;
    attr_t attrs;
} CellLook;

typedef struct LookTable {
    CellLook look[LOOKS_MAX];
    int n;
} LookTable;

static CellLook cell_look(int y, int x)
{
    attr_t attr;
    short pair;
    cell_at(y, x, &attr, &pair);
    CellLook l = { -1, -1, attr & (A_BOLD | A_DIM | A_ITALIC | A_UNDERLINE | A_REVERSE) };
    if (has_colors())
        extended_pair_content(pair, &l.fg, &l.bg);
    return l;
}

/* The letter of l ('.' for the terminal's own look, '?' past LOOKS_MAX), adding it. */
static char look_letter(LookTable *t, CellLook l)
{
    if (l.fg == -1 && l.bg == -1 && !l.attrs)
        return '.';
    for (int i = 0; i < t->n; i++)
        if (t->look[i].fg == l.fg && t->look[i].bg == l.bg && t->look[i].attrs == l.attrs)
            return look_letters[i];
    if (t->n == LOOKS_MAX)
        return '?';
    t->look[t->n] = l;
    return look_letters[t->n++];
}

static void colour_name(int c, char *buf, size_t n)
{
    colour_format(c < 0 ? COLOUR_DEFAULT : COLORS >= 0x1000000 && c > 7 ? COLOUR_RGB | c : c, buf, n);
}

/* The text, then the looks' legend, then a row of look letters per line. */
static void put_looks(FILE *f, int rows, int cols)
{
    LookTable t = { .n = 0 };
    char *grid = malloc((size_t)rows * ((size_t)cols + 1));
    if (!grid)
        return;
    for (int y = 0; y < rows; y++) {
        char *row = grid + (size_t)y * ((size_t)cols + 1);
        int n = 0;
        for (int x = 0; x < cols; x++)
            row[n++] = look_letter(&t, cell_look(y, x));
        while (n > 0 && row[n - 1] == '.')
            n--;
        row[n] = '\0';
    }
    fprintf(f, "-- looks (. the terminal's own; %d colours):\n", has_colors() ? COLORS : 0);
    for (int i = 0; i < t.n; i++) {
        char fg[24], bg[24], at[64];
        colour_name(t.look[i].fg, fg, sizeof fg);
        colour_name(t.look[i].bg, bg, sizeof bg);
        unsigned a = (t.look[i].attrs & A_BOLD ? ATTR_BOLD : 0) | (t.look[i].attrs & A_DIM ? ATTR_DIM : 0) |
                     (t.look[i].attrs & A_ITALIC ? ATTR_ITALIC : 0) |
                     (t.look[i].attrs & A_UNDERLINE ? ATTR_UNDERLINE : 0) |
                     (t.look[i].attrs & A_REVERSE ? ATTR_REVERSE : 0);
        colour_attrs_format(a, at, sizeof at);
        fprintf(f, "-- %c=%s on %s%s%s\n", look_letters[i], fg, bg, *at ? " " : "", at);
    }
    for (int y = 0; y < rows; y++)
        fprintf(f, "%s\n", grid + (size_t)y * ((size_t)cols + 1));
    free(grid);
}

bool screen_dump(Ui *ui, const char *path, DumpKind what)
{
    ui->dirty |= model_flush(&ui->m);
    render(ui);
    /* Written beside the target and renamed over it: a test that waits for the file to
     * appear must never read it half written. */
    char part[4096];
    if ((size_t)snprintf(part, sizeof part, "%s.part", path) >= sizeof part)
        return false;
    FILE *f = fopen(part, "w");
    if (!f)
        return false;
    int rows = getmaxy(curscr), cols = getmaxx(curscr);
    for (int y = 0; y < rows; y++)
        put_row_text(f, y, cols);
    if (what == DUMP_LOOKS)
        put_looks(f, rows, cols);
    if (what == DUMP_SLOTS) {
        fprintf(f, "-- colour slots (. normal, ? none of the theme's):");
        for (int s = 1; s < SL__COUNT; s++)
            fprintf(f, "%s %c=%s", s % 6 == 1 ? "\n--" : "", slot_letter(s), slot_name((Slot)s));
        fputc('\n', f);
        for (int y = 0; y < rows; y++)
            put_row_attrs(f, y, cols);
    }
    if (fclose(f) != 0 || rename(part, path) != 0) {
        unlink(part);
        return false;
    }
    return true;
}
