/* The screen as text (and optionally its colour slots), for the scripted test mode's
 * :dump and the golden screens. */
#include "ui/dump.h"

#include <stdio.h>
#include <wchar.h>

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

static void put_row_attrs(FILE *f, int y, int cols)
{
    char row[1024];
    int n = 0;
    for (int x = 0; x < cols && n < (int)sizeof row - 1; x++) {
        cchar_t c;
        wchar_t wch[CCHARW_MAX + 1];
        attr_t attr;
        short pair;
        mvwin_wch(curscr, y, x, &c);
        getcchar(&c, wch, &attr, &pair, NULL);
        row[n++] = slot_letter(theme_slot_of(attr, pair));
    }
    while (n > 0 && row[n - 1] == '.')
        n--;
    row[n] = '\0';
    fprintf(f, "%s\n", row);
}

bool screen_dump(Ui *ui, const char *path, bool attrs)
{
    ui->dirty |= model_flush(&ui->m);
    render(ui);
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    int rows = getmaxy(curscr), cols = getmaxx(curscr);
    for (int y = 0; y < rows; y++)
        put_row_text(f, y, cols);
    if (attrs) {
        fprintf(f, "-- colour slots (. normal, ? none of the theme's):");
        for (int s = 1; s < SL__COUNT; s++)
            fprintf(f, "%s %c=%s", s % 6 == 1 ? "\n--" : "", slot_letter(s), slot_name((Slot)s));
        fputc('\n', f);
        for (int y = 0; y < rows; y++)
            put_row_attrs(f, y, cols);
    }
    return fclose(f) == 0;
}
