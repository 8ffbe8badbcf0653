#ifndef REGDESK_UI_LINEEDIT_H
#define REGDESK_UI_LINEEDIT_H
/* A one-line text editor (the / and f prompts): UTF-8 buffer, cursor by character,
 * readline-style kills, and a small in-memory history. No curses. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { LINEEDIT_MAX = 480, LINEEDIT_HISTORY = 32 };

typedef struct LineEdit {
    char buf[LINEEDIT_MAX + 1];
    size_t len, cur; /* bytes; cur is always on a character boundary */
} LineEdit;

/* text must be safe text (core/safetext). */
void le_set(LineEdit *e, const char *text);
/* Inserts one character; controls and what safe text would replace (bidi, invisible
 * characters) are refused, so the buffer is always safe text. False if refused or full. */
bool le_insert(LineEdit *e, uint32_t cp);
void le_left(LineEdit *e);
void le_right(LineEdit *e);
void le_home(LineEdit *e);
void le_end(LineEdit *e);
void le_backspace(LineEdit *e);
void le_delete(LineEdit *e);
void le_kill_start(LineEdit *e);
void le_kill_end(LineEdit *e);
void le_kill_word(LineEdit *e);
/* Characters before the cursor. */
size_t le_cursor_chars(const LineEdit *e);

typedef struct History {
    char *items[LINEEDIT_HISTORY]; /* oldest first */
    int n;
    int pos; /* browsing position: n = the line being typed */
    char draft[LINEEDIT_MAX + 1];
} History;

void history_add(History *h, const char *text);
void history_free(History *h);
/* Starts browsing from the line being typed. */
void history_reset(History *h);
/* Moves back (dir -1) or forward (+1), replacing the editor's text; false at either end. */
bool history_move(History *h, LineEdit *e, int dir);

#endif
