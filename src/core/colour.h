#ifndef REGDESK_CORE_COLOUR_H
#define REGDESK_CORE_COLOUR_H
/* Colours and text attributes as the config language writes them, and what is left of
 * them on a terminal with fewer colours. Pure: the dashboard's theme code turns a Look
 * into curses pairs and attributes at the very last step.
 *
 *   black red green yellow blue magenta cyan white     the terminal's 8 colours (0–7)
 *   bright-red brightred light-red lightred …          the bright variants (8–15)
 *   color0 … color255 (also colour214, or just 214)    the 256-colour palette
 *   #rrggbb                                            24-bit
 *   default                                            the terminal's own colour
 *
 * Downgrades: 24-bit → the nearest of the xterm cube and grey ramp (16–255; 0–15 are
 * left out because every terminal paints them its own way); 256 → the nearest of the
 * 16; 16 → 8 drops "bright"; monochrome keeps attributes only. Distances are the
 * "redmean" weighted RGB distance, close enough to what people see for 256 colours. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* COLOUR_DEFAULT, a palette index 0–255, or COLOUR_RGB | 0xRRGGBB. */
typedef int32_t Colour;
enum { COLOUR_DEFAULT = -1, COLOUR_RGB = 0x1000000 };

static inline Colour colour_rgb(uint8_t r, uint8_t g, uint8_t b)
{
    return COLOUR_RGB | (Colour)((uint32_t)r << 16 | (uint32_t)g << 8 | b);
}
static inline bool colour_is_rgb(Colour c)
{
    return c >= COLOUR_RGB;
}

/* What a terminal can show, poorest first. */
typedef enum ColourDepth { DEPTH_MONO, DEPTH_8, DEPTH_16, DEPTH_256, DEPTH_DIRECT, DEPTH__COUNT } ColourDepth;

enum {
    ATTR_BOLD = 1,
    ATTR_DIM = 2,
    ATTR_ITALIC = 4,
    ATTR_UNDERLINE = 8,
    ATTR_REVERSE = 16,
};

/* How one piece of the screen looks: a foreground, a background and attributes. */
typedef struct Look {
    Colour fg, bg;
    unsigned attrs; /* ATTR_* */
} Look;

#define LOOK_PLAIN ((Look){ COLOUR_DEFAULT, COLOUR_DEFAULT, 0 })

/* A colour word (case-insensitive); false when it is not one. */
bool colour_parse(const char *s, Colour *out);
/* An attribute word: bold, dim, italic, underline, reverse, or normal (*bit = 0, which
 * clears the attributes given before it). */
bool colour_attr_parse(const char *s, unsigned *bit);
/* "default", "red", "bright-red", "color214", "#ff8700": colour_parse reads it back. */
void colour_format(Colour c, char *buf, size_t n);
/* "bold underline", "" for none. */
void colour_attrs_format(unsigned attrs, char *buf, size_t n);
/* Every colour word and attribute, for error messages. */
const char *colour_syntax(void);
const char *colour_attr_names(void);

/* The depth of a terminal that reports `colors` colours (curses' COLORS; 88-colour
 * terminals count as 16, their cube is not the xterm one). */
ColourDepth colour_depth_of(int colors);
/* True when c shows as itself at depth d. */
bool colour_fits(Colour c, ColourDepth d);
/* c as depth d shows it: the nearest colour it has (the default stays the default).
 * For DEPTH_DIRECT, palette colours above 7 become their xterm RGB value, because a
 * direct-colour terminal reads any number above 7 as RGB. DEPTH_MONO gives the default. */
Colour colour_at_depth(Colour c, ColourDepth d);
/* A look at depth d. Beyond the colours: on 8 colours and monochrome a grey foreground
 * (one that is bright-black on 16) becomes the default foreground, dimmed, instead of
 * black, which would vanish on a dark terminal; when a downgrade leaves the foreground equal to the background the look
 * becomes the terminal's own colours reversed, so the text never disappears; monochrome
 * keeps the attributes and reverses a look that had a background, so bars and
 * highlights stay visible. */
Look look_at_depth(Look l, ColourDepth d);

/* The xterm palette's RGB for index 0–255 (0xRRGGBB). */
uint32_t colour_palette_rgb(int index);
/* Nearest index of the 256-colour cube and grey ramp (16–255) to an RGB value. */
int colour_rgb_to_256(uint32_t rgb);
/* Nearest of the 16 basic colours to a palette index (0–15 map to themselves). */
int colour_256_to_16(int index);

#endif
