#ifndef REGDESK_UI_HELPTEXT_H
#define REGDESK_UI_HELPTEXT_H
/* The help overlay's text, generated from the action table and the saved views. No
 * curses. */
#include "core/views.h"
#include "model/dlines.h"

/* views[0..nviews): the saved views in key order. */
void help_build(DLines *d, int width, const SavedView *views, size_t nviews);

#endif
