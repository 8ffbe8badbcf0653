#ifndef REGDESK_UI_KEYS_H
#define REGDESK_UI_KEYS_H
/* Keys as one integer, and their names. A key is a Unicode scalar value (typed text,
 * control characters included) or a curses function key offset by KEY_FN_BASE, so the
 * two ranges never collide (curses' KEY_* codes overlap U+0100…).
 *
 * Names are the ones the action table, the script mode and (later) the config use:
 *   j  G  /  ?  1          a character stands for itself
 *   <Enter> <Esc> <Tab> <S-Tab> <Space> <BS> <Del> <Ins>
 *   <Up> <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End> <F1>…<F12>
 *   <C-a>…<C-z>            control keys
 *   <Lt>                   a literal '<'
 * No curses here: ui/loop.c maps curses codes to these. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int32_t Key;

enum {
    KEY_FN_BASE = 0x200000, /* above every Unicode scalar value */
    K_NONE = -1,
    K_TAB = 9,
    K_ENTER = 10,
    K_ESC = 27,
    K_SPACE = 32,
    K_BS = 127,
    K_UP = KEY_FN_BASE + 1,
    K_DOWN,
    K_LEFT,
    K_RIGHT,
    K_PGUP,
    K_PGDN,
    K_HOME,
    K_END,
    K_DEL,
    K_INS,
    K_BTAB,
    K_F1,
    K_F12 = K_F1 + 11,
    K_RESIZE,
    K_MOUSE,
};

static inline Key key_ctrl(char c)
{
    return (Key)(c & 0x1f);
}

/* Parses one key name at *s, advancing *s past it (and past following blanks).
 * Returns K_NONE (and leaves *s) when the text there is not a key name. */
Key key_parse_one(const char **s);
/* Parses a blank-separated list of key names; returns how many were stored (at most
 * max), or -1 when a name is not valid. */
int key_parse_list(const char *s, Key *out, int max);
/* The script/config name of a key: "j", "<Enter>", "<C-d>". */
void key_to_name(Key k, char *buf, size_t n);
/* A person's name for a key, for the help screen: "j", "Enter", "Ctrl-D", "Down". */
void key_to_label(Key k, char *buf, size_t n);

#endif
