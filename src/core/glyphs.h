#ifndef REGDESK_CORE_GLYPHS_H
#define REGDESK_CORE_GLYPHS_H
/* The few non-ASCII symbols regdesk draws itself, with ASCII stand-ins for a terminal
 * whose locale is not UTF-8 (the dashboard chooses at start-up). */
#include <stdbool.h>
#include <stddef.h>

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
const char *glyph(Glyph g);
/* Spinner frame i (any integer). */
const char *glyph_spinner(unsigned i);

/* How safe text s shows in w columns, the one rule for the list, the panes and the
 * detail's lines: its first line whole when it fits; otherwise the bytes that fit in
 * front of an ellipsis (GL_ELLIPSIS, left out when even it does not fit). A character is
 * never split, and text after an LF never shows. */
typedef struct TextCut {
    size_t bytes;  /* of s to show */
    int cols;      /* columns those bytes take (the ellipsis not included) */
    bool ellipsis; /* an ellipsis follows them */
} TextCut;
TextCut text_cut(const char *s, int w);

#endif
