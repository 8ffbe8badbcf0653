#ifndef REGDESK_UI_KEYMAP_H
#define REGDESK_UI_KEYMAP_H
/* The key map: the action table's default keys, then the config's bind and unbind
 * lines (conf/conf.h). The prompt's keys are a map apart (an action of the prompt group
 * binds there), so Enter or <C-u> can mean one thing while typing and another in the
 * list. A key means one action in each map; an action may have several keys.
 *
 * main builds a Keymap (checking the config's lines, for --check-config and the
 * start-up warnings) and hands it to the dashboard, which installs it: keymap_lookup,
 * the help overlay and --print-keys then show the effective bindings. No curses. */
#include <stdbool.h>
#include <stddef.h>

#include "conf/conf.h"
#include "core/strbuf.h"
#include "ui/actions.h"

typedef struct Binding {
    Key key;
    ActionId action;
    bool prompt; /* the prompt's map */
} Binding;

enum { KEYMAP_MAX = 256 };

typedef struct Keymap {
    Binding b[KEYMAP_MAX];
    int n;
} Keymap;

/* The action table's keys; false (and the bad entry named in err) when a key name in
 * the table is invalid. */
bool keymap_defaults(Keymap *km, char *err, size_t n);
/* d's bind and unbind lines, in order. An unknown action, a key name that does not
 * read, or an unbind of a key bound to nothing is a warning in d at that word, and the
 * line is left out; so is a warning when no key is left for quit or help. */
void keymap_apply(Keymap *km, ConfDoc *d);
/* The map keymap_lookup and the labels use from now on (copied). */
void keymap_install(const Keymap *km);
/* The table's defaults, installed; false (err filled) as keymap_defaults. */
bool keymap_init(char *err, size_t n);
ActionId keymap_lookup(Key k, bool prompt);
/* "j, Down" for the help screen: the installed keys of a (1-9 as a range). */
void action_keys_label(ActionId a, char *buf, size_t n);
/* --print-keys: every action with its keys as bind lines the config can hold, an action
 * left without a key as a comment. */
void keymap_print(const Keymap *km, StrBuf *out);

#endif
