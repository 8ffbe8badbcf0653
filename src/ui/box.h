#ifndef REGDESK_UI_BOX_H
#define REGDESK_UI_BOX_H
/* What the boxes over the panes share (help, sort menu, the action dialogs): the frame,
 * a place in the middle of the screen, and text wrapped over rows. */
#include <curses.h>

#include "core/slot.h"
#include "model/model.h"
#include "ui/layout.h"

/* A frame of line-drawing glyphs (not curses' ACS, so the screen reads back as text),
 * with an optional title in its top edge. */
void box_frame(WINDOW *w, const char *title);
/* A box of at most h rows and w columns in the middle of the screen. */
void box_center(const Layout *lay, int h, int w, Rect *r);
/* Keeps a box's top-left corner on the screen. */
void box_clamp(Rect *r);
/* Draws s (safe text, one line) wrapped over at most rows rows of width columns from
 * (y, x); returns the rows it took. With cursor >= 0 (a byte offset in s: text being
 * typed), the rows shown are the ones that end with the cursor's, and *cy and *cx get where
 * that byte is drawn. */
int box_wrap(WINDOW *win, int y, int x, int width, int rows, Slot slot, const char *s, long cursor, int *cy, int *cx);

/* "ID  name  e-mail" for a dialog about record rec (-1: the id alone), the name and the
 * e-mail masked as the list shows that record (the mask set, none while it is revealed). */
void box_who(const Model *m, long rec, const char *id, char *out, size_t n);

#endif
