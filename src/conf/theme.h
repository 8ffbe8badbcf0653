#ifndef REGDESK_CONF_THEME_H
#define REGDESK_CONF_THEME_H
/* A theme as data: the `color` lines of a theme file (and of the config, over it), and
 * the look they give every slot at a colour depth. No curses here: ui/theme.c makes
 * pairs of the resolved looks, and that is the only step that needs a terminal.
 *
 *   color SLOT FOREGROUND BACKGROUND [ATTRIBUTE…]
 *
 * A colour may list alternatives, richest first: `214|yellow` is colour 214 where the
 * terminal has 256 colours and yellow where it has 8 or 16. The first alternative the
 * terminal shows as itself is used (a 24-bit colour counts on a 256-colour terminal,
 * which shows its nearest palette colour); when none is, the last is downgraded
 * (core/colour.h).
 * `default` is the normal slot's colour, which is the terminal's own unless the theme
 * gives normal a colour (a theme can paint its own background that way). */
#include <stdbool.h>

#include "core/colour.h"
#include "conf/conf.h"
#include "core/slot.h"

enum { THEME_ALTS = 4 };

typedef struct ColourChoice {
    Colour alt[THEME_ALTS];
    int n; /* 1 or more */
} ColourChoice;

typedef struct ThemeRule {
    bool set;
    ColourChoice fg, bg;
    unsigned attrs;
} ThemeRule;

typedef struct ThemeRules {
    ThemeRule rule[SL__COUNT];
} ThemeRules;

/* themes/default.theme, compiled in (a Makefile rule makes it a C string). */
extern const char theme_default_text[];

void theme_rules_clear(ThemeRules *r);
/* Applies d's color lines in order (a later rule for a slot replaces the earlier one).
 * A bad slot, colour or attribute is a warning in d at that word and the line is left
 * out. theme_file: d is a theme, so anything but color (and include) is a warning too. */
void theme_rules_add(ThemeRules *r, ConfDoc *d, bool theme_file);
/* Puts over's rules over r's (the config's color lines over a theme). */
void theme_rules_merge(ThemeRules *r, const ThemeRules *over);
/* Every slot's look at depth d: its rule's, else its parent's. */
void theme_resolve(const ThemeRules *r, ColourDepth d, Look out[SL__COUNT]);

#endif
