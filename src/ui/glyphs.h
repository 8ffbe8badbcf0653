#ifndef REGDESK_UI_GLYPHS_H
#define REGDESK_UI_GLYPHS_H
/* The few non-ASCII symbols the dashboard draws itself, with ASCII stand-ins for a
 * terminal whose locale is not UTF-8. No curses. */
#include <stdbool.h>

typedef enum Glyph {
    GL_OPEN,     /* an expanded section */
    GL_CLOSED,   /* a collapsed one */
    GL_OK,
    GL_BAD,
    GL_WARN,
    GL_INFO,
    GL_DOT,      /* separator between items */
    GL_ELLIPSIS,
    GL_UP,       /* ascending sort */
    GL_DOWN,     /* descending sort */
    GL_VBAR,
    GL_HBAR,
    GL_ARROW,
    GL_TL, /* box corners */
    GL_TR,
    GL_BL,
    GL_BR,
    GL__COUNT
} Glyph;

void glyphs_set_ascii(bool ascii);
bool glyphs_ascii(void);
const char *glyph(Glyph g);
/* Spinner frame i (any integer). */
const char *glyph_spinner(unsigned i);

#endif
