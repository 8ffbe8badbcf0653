/* Text into curses windows, fitted by display columns. */
#include "ui/draw.h"

#include <stdlib.h>
#include <string.h>

#include "core/glyphs.h"
#include "core/safetext.h"
#include "core/utf8.h"
#include "core/xalloc.h"

static bool utf8_mode = true;

void draw_set_utf8(bool utf8)
{
    utf8_mode = utf8;
}

/* Draws len bytes of s; in a non-UTF-8 locale every non-ASCII character becomes '?'. */
static void put_bytes(WINDOW *win, const char *s, size_t len)
{
    if (utf8_mode) {
        waddnstr(win, s, (int)len);
        return;
    }
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, len - i, &cp);
        waddch(win, cp < 0x80 && k ? (chtype)cp : '?');
        i += k ? k : 1;
    }
}

int draw_text(WINDOW *win, int y, int x, int w, Slot slot, const char *s)
{
    if (w <= 0 || !s)
        return 0;
    TextCut c = text_cut(s, w);
    wattrset(win, theme_attr(slot));
    wmove(win, y, x);
    put_bytes(win, s, c.bytes);
    if (!c.ellipsis)
        return c.cols;
    const char *ell = glyph(GL_ELLIPSIS);
    put_bytes(win, ell, strlen(ell));
    return c.cols + safetext_width(ell);
}

void draw_fill(WINDOW *win, int y, int x, int w, Slot slot)
{
    if (w <= 0)
        return;
    wattrset(win, theme_attr(slot));
    mvwhline(win, y, x, (chtype)' ' | theme_attr(slot), w);
}

void draw_cell(WINDOW *win, int y, int x, int w, Slot slot, const char *s, bool right)
{
    if (w <= 0)
        return;
    int tw = right ? safetext_width(s) : w; /* only right-aligned text is measured twice */
    int pad = tw < w ? w - tw : 0;
    if (pad)
        draw_fill(win, y, x, pad, slot);
    int used = draw_text(win, y, x + pad, w - pad, slot, s);
    if (pad + used < w)
        draw_fill(win, y, x + pad + used, w - pad - used, slot);
}

int draw_found(WINDOW *win, int y, int x, int w, Slot slot, const char *s, const DFind *f)
{
    int used = 0;
    size_t at = 0, len;
    for (long off; used < w && (off = dfind_in(f, s, at, &len)) >= 0; at = (size_t)off + len) {
        char *before = xstrndup(s + at, (size_t)off - at), *hit = xstrndup(s + off, len);
        used += draw_text(win, y, x + used, w - used, slot, before);
        if (used < w)
            used += draw_text(win, y, x + used, w - used, SL_MATCH, hit);
        free(before);
        free(hit);
    }
    if (used < w && s[at])
        used += draw_text(win, y, x + used, w - used, slot, s + at);
    return used;
}
