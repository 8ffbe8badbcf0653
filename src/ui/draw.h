#ifndef REGDESK_UI_DRAW_H
#define REGDESK_UI_DRAW_H
/* Drawing text into curses windows by display columns. Every string drawn must be safe
 * text (records are sanitised at parse time; composed text that quotes network text is
 * sanitised by whoever composes it). Widths come from core/safetext, never from bytes.
 * Only src/ui includes curses. */
#include <curses.h>
#include <stdbool.h>

#include "core/slot.h"
#include "model/dlines.h"

/* Colours: every slot's look from the theme's rules (NULL: the built-in default) at the
 * terminal's depth, or attributes only (no colour, NO_COLOR). Called again to change the
 * theme; then repaint everything. */
struct ThemeRules;
void theme_init(bool colour, const struct ThemeRules *rules);
attr_t theme_attr(Slot s);
/* The slot whose look is attr (for the attribute dump), or -1. */
int theme_slot_of(attr_t attr, short pair);

/* Draws s at (y, x) in at most w columns, cutting with an ellipsis when it does not fit;
 * returns the columns used. In a non-UTF-8 locale non-ASCII characters become '?'. */
int draw_text(WINDOW *win, int y, int x, int w, Slot slot, const char *s);
/* draw_text, with what f finds painted in SL_MATCH (the / search of a text). */
int draw_found(WINDOW *win, int y, int x, int w, Slot slot, const char *s, const DFind *f);
/* Same, then pads with blanks to exactly w columns; right-aligns when right. */
void draw_cell(WINDOW *win, int y, int x, int w, Slot slot, const char *s, bool right);
/* Blanks w columns in slot's look. */
void draw_fill(WINDOW *win, int y, int x, int w, Slot slot);
/* Sets the UTF-8 mode (from the locale). */
void draw_set_utf8(bool utf8);

#endif
