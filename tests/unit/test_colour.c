/* Colour words, attributes and the downgrades to what a terminal can show (core/colour). */
#include <criterion/criterion.h>
#include <string.h>

#include "core/colour.h"

static Colour parsed(const char *s)
{
    Colour c = -2;
    cr_assert(colour_parse(s, &c), "\"%s\" should be a colour", s);
    return c;
}

Test(colour, words)
{
    cr_assert_eq(parsed("default"), COLOUR_DEFAULT);
    cr_assert_eq(parsed("black"), 0);
    cr_assert_eq(parsed("White"), 7);
    cr_assert_eq(parsed("bright-red"), 9);
    cr_assert_eq(parsed("brightred"), 9);
    cr_assert_eq(parsed("light-cyan"), 14);
    cr_assert_eq(parsed("lightwhite"), 15);
    cr_assert_eq(parsed("bright-black"), 8);
    cr_assert_eq(parsed("color0"), 0);
    cr_assert_eq(parsed("colour214"), 214);
    cr_assert_eq(parsed("color255"), 255);
    cr_assert_eq(parsed("17"), 17);
    cr_assert_eq(parsed("#ff8700"), colour_rgb(0xff, 0x87, 0x00));
    cr_assert_eq(parsed("#FfFfFf"), colour_rgb(0xff, 0xff, 0xff));
    const char *bad[] = { "", "gren", "color256", "color", "color-1", "#fff", "#ff87001", "#gg0000", "brightpink",
                          "1000", "bright-", "0x10", "colour 5" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        Colour c;
        cr_assert_not(colour_parse(bad[i], &c), "\"%s\" is not a colour", bad[i]);
    }
}

Test(colour, format_reads_back)
{
    Colour cases[] = { COLOUR_DEFAULT, 0, 7, 8, 15, 16, 214, 255, colour_rgb(0, 0x2b, 0x36) };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char buf[32];
        colour_format(cases[i], buf, sizeof buf);
        cr_assert_eq(parsed(buf), cases[i], "%s", buf);
    }
    char buf[64];
    colour_format(9, buf, sizeof buf);
    cr_assert_str_eq(buf, "bright-red");
    colour_attrs_format(ATTR_BOLD | ATTR_UNDERLINE, buf, sizeof buf);
    cr_assert_str_eq(buf, "bold underline");
}

Test(colour, attributes)
{
    unsigned bit = 99;
    cr_assert(colour_attr_parse("bold", &bit) && bit == ATTR_BOLD);
    cr_assert(colour_attr_parse("DIM", &bit) && bit == ATTR_DIM);
    cr_assert(colour_attr_parse("italic", &bit) && bit == ATTR_ITALIC);
    cr_assert(colour_attr_parse("underline", &bit) && bit == ATTR_UNDERLINE);
    cr_assert(colour_attr_parse("reverse", &bit) && bit == ATTR_REVERSE);
    cr_assert(colour_attr_parse("normal", &bit) && bit == 0);
    cr_assert_not(colour_attr_parse("blink", &bit));
    cr_assert_not(colour_attr_parse("", &bit));
}

Test(colour, depth_of_a_terminal)
{
    cr_assert_eq(colour_depth_of(0), DEPTH_MONO);
    cr_assert_eq(colour_depth_of(2), DEPTH_MONO);
    cr_assert_eq(colour_depth_of(8), DEPTH_8);
    cr_assert_eq(colour_depth_of(16), DEPTH_16);
    cr_assert_eq(colour_depth_of(88), DEPTH_16, "the 88-colour cube is not xterm's");
    cr_assert_eq(colour_depth_of(256), DEPTH_256);
    cr_assert_eq(colour_depth_of(0x1000000), DEPTH_DIRECT);
}

Test(colour, palette)
{
    cr_assert_eq(colour_palette_rgb(1), 0xcd0000);
    cr_assert_eq(colour_palette_rgb(16), 0x000000);
    cr_assert_eq(colour_palette_rgb(196), 0xff0000);
    cr_assert_eq(colour_palette_rgb(214), 0xffaf00);
    cr_assert_eq(colour_palette_rgb(231), 0xffffff);
    cr_assert_eq(colour_palette_rgb(232), 0x080808);
    cr_assert_eq(colour_palette_rgb(255), 0xeeeeee);
}

Test(colour, rgb_to_the_cube_and_greys)
{
    cr_assert_eq(colour_rgb_to_256(0xff0000), 196);
    cr_assert_eq(colour_rgb_to_256(0x000000), 16);
    cr_assert_eq(colour_rgb_to_256(0xffffff), 231);
    cr_assert_eq(colour_rgb_to_256(0x808080), 244, "a mid grey goes to the grey ramp");
    cr_assert_eq(colour_rgb_to_256(0x002b36), 234, "solarized base03, nearer a dark grey than a cube colour");
    cr_assert_eq(colour_rgb_to_256(0x268bd2), 32, "solarized blue");
    cr_assert_eq(colour_rgb_to_256(0xffaf00), 214, "an exact cube colour is itself");
    for (int i = 16; i < 256; i++)
        cr_assert_eq(colour_rgb_to_256(colour_palette_rgb(i)), i, "palette colour %d maps back to itself", i);
}

Test(colour, the_256_to_16_and_8)
{
    cr_assert_eq(colour_256_to_16(196), 9);
    cr_assert_eq(colour_256_to_16(46), 10);
    cr_assert_eq(colour_256_to_16(21), 4, "pure blue is nearer xterm's blue (0000ee) than its bright blue");
    cr_assert_eq(colour_256_to_16(75), 12);
    cr_assert_eq(colour_256_to_16(16), 0);
    cr_assert_eq(colour_256_to_16(231), 15);
    cr_assert_eq(colour_256_to_16(244), 8);
    cr_assert_eq(colour_256_to_16(252), 7);
    cr_assert_eq(colour_256_to_16(214), 3, "orange is nearest the dark yellow");
    for (int i = 0; i < 16; i++)
        cr_assert_eq(colour_256_to_16(i), i);
    cr_assert_eq(colour_at_depth(9, DEPTH_8), 1, "16 → 8 drops bright");
    cr_assert_eq(colour_at_depth(196, DEPTH_8), 1);
    cr_assert_eq(colour_at_depth(colour_rgb(0xff, 0, 0), DEPTH_256), 196);
    cr_assert_eq(colour_at_depth(colour_rgb(0xff, 0, 0), DEPTH_16), 9);
    cr_assert_eq(colour_at_depth(214, DEPTH_256), 214);
    cr_assert_eq(colour_at_depth(COLOUR_DEFAULT, DEPTH_8), COLOUR_DEFAULT);
    cr_assert_eq(colour_at_depth(3, DEPTH_MONO), COLOUR_DEFAULT);
}

Test(colour, direct_colour_reads_numbers_above_7_as_rgb)
{
    cr_assert_eq(colour_at_depth(3, DEPTH_DIRECT), 3, "0-7 stay the terminal's own");
    cr_assert_eq(colour_at_depth(214, DEPTH_DIRECT), colour_rgb(0xff, 0xaf, 0x00));
    cr_assert_eq(colour_at_depth(9, DEPTH_DIRECT), colour_rgb(0xff, 0, 0));
    cr_assert_eq(colour_at_depth(colour_rgb(1, 2, 3), DEPTH_DIRECT), colour_rgb(1, 2, 3));
}

Test(colour, fits)
{
    cr_assert(colour_fits(COLOUR_DEFAULT, DEPTH_MONO));
    cr_assert_not(colour_fits(1, DEPTH_MONO));
    cr_assert(colour_fits(7, DEPTH_8));
    cr_assert_not(colour_fits(8, DEPTH_8));
    cr_assert(colour_fits(15, DEPTH_16));
    cr_assert_not(colour_fits(16, DEPTH_16));
    cr_assert(colour_fits(255, DEPTH_256));
    cr_assert_not(colour_fits(colour_rgb(1, 2, 3), DEPTH_256));
    cr_assert(colour_fits(colour_rgb(1, 2, 3), DEPTH_DIRECT));
}

static void assert_look(Look l, Colour fg, Colour bg, unsigned attrs)
{
    cr_assert(l.fg == fg && l.bg == bg && l.attrs == attrs, "look %d/%d/%u, expected %d/%d/%u", l.fg, l.bg, l.attrs,
              fg, bg, attrs);
}

Test(colour, looks_downgrade_and_stay_legible)
{
    Look grey = { 245, COLOUR_DEFAULT, 0 };
    assert_look(look_at_depth(grey, DEPTH_256), 245, COLOUR_DEFAULT, 0);
    assert_look(look_at_depth(grey, DEPTH_16), 8, COLOUR_DEFAULT, 0);
    assert_look(look_at_depth(grey, DEPTH_8), COLOUR_DEFAULT, COLOUR_DEFAULT, ATTR_DIM);
    assert_look(look_at_depth(grey, DEPTH_MONO), COLOUR_DEFAULT, COLOUR_DEFAULT, ATTR_DIM);

    Look bar = { 252, 237, ATTR_BOLD }; /* light grey on dark grey: white on black on 8 */
    assert_look(look_at_depth(bar, DEPTH_8), 7, 0, ATTR_BOLD);
    assert_look(look_at_depth(bar, DEPTH_MONO), COLOUR_DEFAULT, COLOUR_DEFAULT, ATTR_BOLD | ATTR_REVERSE);

    Look same = { 252, 255, 0 }; /* both white on 8 colours */
    assert_look(look_at_depth(same, DEPTH_8), COLOUR_DEFAULT, COLOUR_DEFAULT, ATTR_REVERSE);
    assert_look(look_at_depth(same, DEPTH_256), 252, 255, 0);

    Look text = { 196, COLOUR_DEFAULT, ATTR_UNDERLINE };
    assert_look(look_at_depth(text, DEPTH_MONO), COLOUR_DEFAULT, COLOUR_DEFAULT, ATTR_UNDERLINE);
    assert_look(look_at_depth(text, DEPTH_8), 1, COLOUR_DEFAULT, ATTR_UNDERLINE);
}
