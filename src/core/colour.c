/* Colour words, attributes, and downgrades to what a terminal can show. */
#include "core/colour.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const basic[8] = { "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white" };
/* Prefixes that make a basic colour bright, with and without a hyphen. */
static const char *const bright_prefix[] = { "bright-", "bright", "light-", "light" };

static const struct {
    const char *name;
    unsigned bit;
} attr_names[] = {
    { "bold", ATTR_BOLD },           { "dim", ATTR_DIM },         { "italic", ATTR_ITALIC },
    { "underline", ATTR_UNDERLINE }, { "reverse", ATTR_REVERSE }, { "normal", 0 },
};

/* xterm's default 16 colours; the rest of the palette is computed. */
static const uint32_t xterm16[16] = {
    0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
    0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
};
static const int cube_level[6] = { 0, 95, 135, 175, 215, 255 };

static int basic_index(const char *s)
{
    for (int i = 0; i < 8; i++)
        if (!strcasecmp(s, basic[i]))
            return i;
    return -1;
}

/* "214", "color214", "colour214" → 214; -1 otherwise. */
static int palette_number(const char *s)
{
    if (!strncasecmp(s, "colour", 6))
        s += 6;
    else if (!strncasecmp(s, "color", 5))
        s += 5;
    if (!isdigit((unsigned char)*s) || strlen(s) > 3)
        return -1;
    for (const char *p = s; *p; p++)
        if (!isdigit((unsigned char)*p))
            return -1;
    int n = atoi(s);
    return n <= 255 ? n : -1;
}

static bool parse_hex(const char *s, Colour *out)
{
    if (s[0] != '#' || strlen(s) != 7)
        return false;
    uint32_t v = 0;
    for (int i = 1; i < 7; i++) {
        if (!isxdigit((unsigned char)s[i]))
            return false;
        v = v << 4 | (uint32_t)(isdigit((unsigned char)s[i]) ? s[i] - '0' : tolower((unsigned char)s[i]) - 'a' + 10);
    }
    *out = COLOUR_RGB | (Colour)v;
    return true;
}

bool colour_parse(const char *s, Colour *out)
{
    if (!strcasecmp(s, "default")) {
        *out = COLOUR_DEFAULT;
        return true;
    }
    if (s[0] == '#')
        return parse_hex(s, out);
    int i = basic_index(s);
    for (size_t p = 0; i < 0 && p < sizeof bright_prefix / sizeof *bright_prefix; p++) {
        size_t n = strlen(bright_prefix[p]);
        if (!strncasecmp(s, bright_prefix[p], n) && (i = basic_index(s + n)) >= 0)
            i += 8;
    }
    if (i < 0)
        i = palette_number(s);
    if (i < 0)
        return false;
    *out = i;
    return true;
}

bool colour_attr_parse(const char *s, unsigned *bit)
{
    for (size_t i = 0; i < sizeof attr_names / sizeof *attr_names; i++) {
        if (!strcasecmp(s, attr_names[i].name)) {
            *bit = attr_names[i].bit;
            return true;
        }
    }
    return false;
}

void colour_format(Colour c, char *buf, size_t n)
{
    if (c == COLOUR_DEFAULT)
        snprintf(buf, n, "default");
    else if (colour_is_rgb(c))
        snprintf(buf, n, "#%06x", (unsigned)(c & 0xffffff));
    else if (c < 8)
        snprintf(buf, n, "%s", basic[c]);
    else if (c < 16)
        snprintf(buf, n, "bright-%s", basic[c - 8]);
    else
        snprintf(buf, n, "color%d", (int)c);
}

void colour_attrs_format(unsigned attrs, char *buf, size_t n)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof attr_names / sizeof *attr_names; i++) {
        if (!(attrs & attr_names[i].bit))
            continue;
        int w = snprintf(buf + used, n - used, "%s%s", used ? " " : "", attr_names[i].name);
        if (w < 0 || (size_t)w >= n - used)
            return;
        used += (size_t)w;
    }
}

const char *colour_syntax(void)
{
    return "black, red, green, yellow, blue, magenta, cyan, white, bright-red (or lightred…), color0 to "
           "color255, #rrggbb or default";
}

const char *colour_attr_names(void)
{
    return "bold, dim, italic, underline, reverse or normal";
}

/* ---- depths and downgrades ------------------------------------------------------------ */

ColourDepth colour_depth_of(int colors)
{
    if (colors >= 0x1000000)
        return DEPTH_DIRECT;
    if (colors >= 256)
        return DEPTH_256;
    if (colors >= 16)
        return DEPTH_16;
    if (colors >= 8)
        return DEPTH_8;
    return DEPTH_MONO;
}

uint32_t colour_palette_rgb(int index)
{
    if (index < 0 || index > 255)
        return 0;
    if (index < 16)
        return xterm16[index];
    if (index >= 232) {
        uint32_t g = (uint32_t)(8 + 10 * (index - 232));
        return g << 16 | g << 8 | g;
    }
    int i = index - 16;
    return (uint32_t)cube_level[i / 36] << 16 | (uint32_t)cube_level[i / 6 % 6] << 8 | (uint32_t)cube_level[i % 6];
}

/* Squared "redmean" distance: RGB weighted by how the eye weighs red and blue. */
static long distance(uint32_t a, uint32_t b)
{
    long r1 = (long)(a >> 16), g1 = (long)(a >> 8 & 0xff), b1 = (long)(a & 0xff);
    long r2 = (long)(b >> 16), g2 = (long)(b >> 8 & 0xff), b2 = (long)(b & 0xff);
    long rmean = (r1 + r2) / 2, dr = r1 - r2, dg = g1 - g2, db = b1 - b2;
    return (((512 + rmean) * dr * dr) >> 8) + 4 * dg * dg + (((767 - rmean) * db * db) >> 8);
}

static int nearest_level(int v)
{
    int best = 0;
    for (int i = 1; i < 6; i++)
        if (abs(cube_level[i] - v) < abs(cube_level[best] - v))
            best = i;
    return best;
}

int colour_rgb_to_256(uint32_t rgb)
{
    int r = (int)(rgb >> 16 & 0xff), g = (int)(rgb >> 8 & 0xff), b = (int)(rgb & 0xff);
    int cube = 16 + 36 * nearest_level(r) + 6 * nearest_level(g) + nearest_level(b);
    int grey_step = ((r + g + b) / 3 - 8 + 5) / 10; /* levels 8, 18, … 238 */
    int grey = 232 + (grey_step < 0 ? 0 : grey_step > 23 ? 23 : grey_step);
    return distance(rgb, colour_palette_rgb(grey)) < distance(rgb, colour_palette_rgb(cube)) ? grey : cube;
}

int colour_256_to_16(int index)
{
    if (index < 16)
        return index;
    uint32_t rgb = colour_palette_rgb(index);
    int best = 0;
    for (int i = 1; i < 16; i++)
        if (distance(rgb, xterm16[i]) < distance(rgb, xterm16[best]))
            best = i;
    return best;
}

bool colour_fits(Colour c, ColourDepth d)
{
    if (c == COLOUR_DEFAULT)
        return true;
    switch (d) {
    case DEPTH_MONO:
        return false;
    case DEPTH_8:
        return c < 8;
    case DEPTH_16:
        return c < 16;
    case DEPTH_256:
        return !colour_is_rgb(c);
    default:
        return true;
    }
}

Colour colour_at_depth(Colour c, ColourDepth d)
{
    if (c == COLOUR_DEFAULT || d == DEPTH_MONO)
        return COLOUR_DEFAULT;
    if (d == DEPTH_DIRECT)
        return !colour_is_rgb(c) && c >= 8 ? COLOUR_RGB | (Colour)colour_palette_rgb(c) : c;
    if (colour_is_rgb(c))
        c = colour_rgb_to_256((uint32_t)c & 0xffffff);
    if (d == DEPTH_256)
        return c;
    c = colour_256_to_16(c);
    return d == DEPTH_16 ? c : c % 8;
}

Look look_at_depth(Look l, ColourDepth d)
{
    /* grey text is de-emphasis: below 16 colours it stays that as dim, not black */
    bool grey = d <= DEPTH_8 && l.fg != COLOUR_DEFAULT && colour_at_depth(l.fg, DEPTH_16) == 8;
    if (d == DEPTH_MONO)
        return (Look){ COLOUR_DEFAULT, COLOUR_DEFAULT,
                       l.attrs | (l.bg != COLOUR_DEFAULT ? ATTR_REVERSE : 0) | (grey ? ATTR_DIM : 0) };
    Look out = { colour_at_depth(l.fg, d), colour_at_depth(l.bg, d), l.attrs };
    if (grey) {
        out.fg = COLOUR_DEFAULT;
        out.attrs |= ATTR_DIM;
    }
    if (out.fg != COLOUR_DEFAULT && out.fg == out.bg)
        out = (Look){ COLOUR_DEFAULT, COLOUR_DEFAULT, out.attrs | ATTR_REVERSE };
    return out;
}
