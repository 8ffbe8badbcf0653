/* The theme on the terminal: each slot's resolved look (conf/theme) as curses pairs and
 * attributes, at the depth the terminal has. Slots with the same colours share a pair. */
#include <string.h>

#include "conf/theme.h"
#include "ui/draw.h"

static attr_t attrs[SL__COUNT];
static int pairs[SL__COUNT];

static attr_t curses_attrs(unsigned a)
{
    return (a & ATTR_BOLD ? A_BOLD : 0) | (a & ATTR_DIM ? A_DIM : 0) | (a & ATTR_ITALIC ? A_ITALIC : 0) |
           (a & ATTR_UNDERLINE ? A_UNDERLINE : 0) | (a & ATTR_REVERSE ? A_REVERSE : 0);
}

/* A curses colour number: -1 for the default, the 24-bit value on a direct-colour
 * terminal, else the palette index. */
static int curses_colour(Colour c)
{
    return c == COLOUR_DEFAULT ? -1 : colour_is_rgb(c) ? (int)(c & 0xffffff) : (int)c;
}

/* The pair for fg/bg: one an earlier slot already has, or a new one. */
static int pair_for(const Look *looks, int slot, int *next)
{
    int fg = curses_colour(looks[slot].fg), bg = curses_colour(looks[slot].bg);
    if (fg == -1 && bg == -1)
        return 0;
    for (int s = 0; s < slot; s++)
        if (pairs[s] && looks[s].fg == looks[slot].fg && looks[s].bg == looks[slot].bg)
            return pairs[s];
    if (*next >= COLOR_PAIRS || init_extended_pair(*next, fg, bg) == ERR)
        return 0;
    return (*next)++;
}

static ColourDepth depth_for(bool colour)
{
    if (!colour || !has_colors())
        return DEPTH_MONO;
    start_color();
    return colour_depth_of(COLORS);
}

void theme_init(bool colour, const ThemeRules *rules)
{
    ThemeRules fallback;
    if (!rules) { /* the compiled-in default, for a caller that names no theme */
        ConfDoc *d = conf_new(NULL, NULL);
        conf_parse(d, theme_default_text, strlen(theme_default_text), "default.theme");
        theme_rules_clear(&fallback);
        theme_rules_add(&fallback, d, true);
        conf_free(d);
        rules = &fallback;
    }
    ColourDepth depth = depth_for(colour);
    Look looks[SL__COUNT];
    theme_resolve(rules, depth, looks);
    memset(pairs, 0, sizeof pairs);
    if (depth != DEPTH_MONO)
        use_default_colors();
    int next = 1;
    for (int s = 0; s < SL__COUNT; s++) {
        pairs[s] = depth == DEPTH_MONO ? 0 : pair_for(looks, s, &next);
        attrs[s] = curses_attrs(looks[s].attrs) | (attr_t)COLOR_PAIR(pairs[s]);
    }
    /* a theme that gives normal a colour paints the screen with it: what erasing leaves */
    wbkgdset(stdscr, attrs[SL_NORMAL]);
}

attr_t theme_attr(Slot s)
{
    return s < SL__COUNT ? attrs[s] : 0;
}

int theme_slot_of(attr_t attr, short pair)
{
    attr_t plain = attr & ~(attr_t)A_COLOR;
    for (int s = 0; s < SL__COUNT; s++)
        if ((attrs[s] & ~(attr_t)A_COLOR) == plain && pairs[s] == pair)
            return s;
    return -1;
}
