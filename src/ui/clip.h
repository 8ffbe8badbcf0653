#ifndef REGDESK_UI_CLIP_H
#define REGDESK_UI_CLIP_H
/* The clipboard through the terminal: an OSC 52 sequence ("ESC ] 52 ; c ; base64 BEL"),
 * written through curses' own output (putp), so it reaches the terminal in order with the
 * screen. Only ever written, never queried: regdesk does not read the clipboard. tmux
 * passes it on with `set -g set-clipboard on`. */
#include <stdbool.h>

/* Puts text on the clipboard; false when curses could not write the sequence. */
bool clip_copy(const char *text);

#endif
