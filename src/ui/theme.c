/* The default theme: each slot's look on 256-colour, 8-colour and monochrome terminals.
 * Colour pairs are shared between slots with the same foreground and background. */
#include <stdlib.h>
#include <string.h>

#include "ui/draw.h"

typedef struct Look {
    short fg256, bg256;
    attr_t a256;
    short fg8, bg8;
    attr_t a8;
    attr_t mono;
} Look;

#define B A_BOLD
#define R A_REVERSE
#define U A_UNDERLINE
#define D A_DIM
/* clang-format off */
static const Look looks[SL__COUNT] = {
    /*                   256: fg   bg   attr    8: fg            bg          attr    mono */
    [SL_NORMAL]        = {  -1,  -1, 0,        -1,            -1,          0,      0 },
    [SL_DIM]           = { 245,  -1, 0,        -1,            -1,          D,      D },
    [SL_TITLE]         = { 231,  24, B,        COLOR_WHITE,   COLOR_BLUE,  B,      R | B },
    [SL_HEADER]        = { 253,  24, 0,        COLOR_WHITE,   COLOR_BLUE,  0,      R },
    [SL_HEADER_DIM]    = { 152,  24, 0,        COLOR_CYAN,    COLOR_BLUE,  0,      R },
    [SL_COLHEAD]       = { 252, 238, B,        COLOR_WHITE,   COLOR_BLACK, B,      B | U },
    [SL_CURSOR]        = {  -1,  -1, R | B,    -1,            -1,          R | B,  R | B },
    [SL_CURSOR_IDLE]   = {  -1,  -1, U,        -1,            -1,          U,      U },
    [SL_BADGE_REVIEW]  = { 214,  -1, B,        COLOR_YELLOW,  -1,          B,      B },
    [SL_BADGE_ONGOING] = {  75,  -1, 0,        COLOR_CYAN,    -1,          0,      0 },
    [SL_BADGE_STARTED] = { 146,  -1, 0,        COLOR_CYAN,    -1,          D,      0 },
    [SL_BADGE_DONE]    = {  71,  -1, 0,        COLOR_GREEN,   -1,          0,      0 },
    [SL_BADGE_NOKYC]   = { 108,  -1, 0,        COLOR_GREEN,   -1,          D,      0 },
    [SL_BADGE_FAILED]  = { 203,  -1, B,        COLOR_RED,     -1,          B,      B },
    [SL_BADGE_EXPIRED] = { 244,  -1, 0,        -1,            -1,          D,      D },
    [SL_BADGE_OTHER]   = { 177,  -1, 0,        COLOR_MAGENTA, -1,          0,      U },
    [SL_OVERDUE]       = { 196,  -1, B,        COLOR_RED,     -1,          B,      B | U },
    [SL_FLAG]          = { 203,  -1, B,        COLOR_RED,     -1,          B,      B },
    [SL_FAILCOUNT]     = { 214,  -1, 0,        COLOR_YELLOW,  -1,          0,      0 },
    [SL_INVALID]       = { 177,  -1, U,        COLOR_MAGENTA, -1,          U,      U },
    [SL_MATCH]         = {  16, 220, 0,        COLOR_BLACK,   COLOR_YELLOW, 0,     U | B },
    [SL_SECTION]       = {  75,  -1, B,        COLOR_CYAN,    -1,          B,      B },
    [SL_LABEL]         = { 246,  -1, 0,        -1,            -1,          D,      D },
    [SL_GOOD]          = {  71,  -1, 0,        COLOR_GREEN,   -1,          0,      0 },
    [SL_BAD]           = { 203,  -1, B,        COLOR_RED,     -1,          B,      B },
    [SL_WARN]          = { 214,  -1, 0,        COLOR_YELLOW,  -1,          0,      0 },
    [SL_STATUSBAR]     = { 252, 237, 0,        COLOR_WHITE,   COLOR_BLACK, R,      R },
    [SL_STATUS_ERR]    = { 231, 160, B,        COLOR_WHITE,   COLOR_RED,   B,      R | B },
    [SL_STATUS_WARN]   = {  16, 214, 0,        COLOR_BLACK,   COLOR_YELLOW, 0,     R },
    [SL_PROMPT]        = {  -1,  -1, B,        -1,            -1,          B,      B },
    [SL_PROMPT_ERR]    = { 231, 160, U,        COLOR_WHITE,   COLOR_RED,   U,      R | U },
    [SL_HELP_KEY]      = { 214,  -1, B,        COLOR_YELLOW,  -1,          B,      B },
    [SL_BORDER]        = { 246,  -1, 0,        -1,            -1,          0,      0 },
    [SL_PANE_TITLE]    = { 250, 238, 0,        COLOR_WHITE,   COLOR_BLACK, 0,      R },
    [SL_PANE_FOCUS]    = { 231,  24, B,        COLOR_WHITE,   COLOR_BLUE,  B,      R | B },
};
/* clang-format on */
#undef B
#undef R
#undef U
#undef D

static attr_t attrs[SL__COUNT];
static short pairs[SL__COUNT];
static bool colour_on;

/* A pair for fg/bg, shared with an earlier slot that has the same. */
static short pair_for(short fg, short bg, int *next)
{
    if (fg == -1 && bg == -1)
        return 0;
    for (int s = 0; s < SL__COUNT; s++) {
        if (!pairs[s])
            continue;
        short f, b;
        pair_content(pairs[s], &f, &b);
        if (f == fg && b == bg)
            return pairs[s];
    }
    if (*next >= COLOR_PAIRS)
        return 0;
    init_pair((short)*next, fg, bg);
    return (short)(*next)++;
}

void theme_init(bool colour)
{
    colour_on = colour && has_colors();
    memset(pairs, 0, sizeof pairs);
    if (colour_on) {
        start_color();
        use_default_colors();
    }
    bool rich = colour_on && COLORS >= 256;
    int next = 1;
    for (int s = 0; s < SL__COUNT; s++) {
        const Look *l = &looks[s];
        if (!colour_on) {
            attrs[s] = l->mono;
            continue;
        }
        short fg = rich ? l->fg256 : l->fg8, bg = rich ? l->bg256 : l->bg8;
        pairs[s] = pair_for(fg, bg, &next);
        attrs[s] = (rich ? l->a256 : l->a8) | (attr_t)COLOR_PAIR(pairs[s]);
    }
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
