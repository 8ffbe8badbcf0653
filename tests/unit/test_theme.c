/* Themes as data (conf/theme): the slot table's parents, color lines and their
 * errors, alternatives per depth, and every shipped theme: it parses cleanly and stays
 * legible at every depth. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../testutil.h"
#include "conf/theme.h"
#include "conftest.h"

static const char *const shipped[] = { "default", "light", "high-contrast", "solarized", "monochrome" };

/* A theme's looks at depth from its text; the document (with its warnings) in *doc. */
static void resolve_text(const char *text, const char *name, ColourDepth depth, Look out[SL__COUNT], ConfDoc **doc)
{
    ThemeRules r;
    theme_rules_clear(&r);
    ConfDoc *d = conf_new(NULL, NULL);
    conf_parse(d, text, strlen(text), name);
    theme_rules_add(&r, d, true);
    theme_resolve(&r, depth, out);
    if (doc)
        *doc = d;
    else
        conf_free(d);
}

static char *theme_file(const char *name)
{
    char path[128];
    snprintf(path, sizeof path, "themes/%s.theme", name);
    return tu_read_file(path, NULL);
}

Test(theme, every_parent_chain_ends_at_normal)
{
    for (int s = 0; s < SL__COUNT; s++) {
        Slot p = (Slot)s;
        int steps = 0;
        while (p != SL_NORMAL && steps++ < SL__COUNT)
            p = slot_parent(p);
        cr_assert_eq(p, SL_NORMAL, "slot %s: its parents go round in a circle", slot_name((Slot)s));
        cr_assert_eq(slot_find(slot_name((Slot)s)), s);
    }
    cr_assert_eq(slot_find("Badge_Review"), SL_BADGE_REVIEW);
    cr_assert_eq(slot_find("nothing"), -1);
}

Test(theme, the_compiled_in_default_is_the_file)
{
    char *file = theme_file("default");
    cr_assert_str_eq(theme_default_text, file, "the Makefile rule embeds themes/default.theme as it is");
    free(file);
}

Test(theme, shipped_themes_parse_without_a_warning)
{
    for (size_t t = 0; t < sizeof shipped / sizeof *shipped; t++) {
        char *text = theme_file(shipped[t]);
        Look looks[SL__COUNT];
        ConfDoc *d;
        resolve_text(text, shipped[t], DEPTH_256, looks, &d);
        cr_assert_eq(d->nwarns, 0, "%s: %s", shipped[t], d->nwarns ? ct_warning(d, 0) : "");
        cr_assert_gt(d->ndirs, 15, "%s names most slots", shipped[t]);
        conf_free(d);
        free(text);
    }
}

Test(theme, a_slot_without_a_rule_looks_like_its_parent)
{
    Look l[SL__COUNT];
    resolve_text("color bad 203 default bold\ncolor dim 245 default\n", "t", DEPTH_256, l, NULL);
    cr_assert(l[SL_FLAG].fg == 203 && l[SL_FLAG].attrs == ATTR_BOLD, "red-flag looks like bad");
    cr_assert(l[SL_OVERDUE].fg == 203, "overdue too");
    cr_assert(l[SL_BADGE_FAILED].fg == 203);
    cr_assert(l[SL_LABEL].fg == 245 && l[SL_BORDER].fg == 245, "label and border look like dim");
    cr_assert(l[SL_BADGE_EXPIRED].fg == 245);
    cr_assert(l[SL_HEADER].fg == COLOUR_DEFAULT && l[SL_HEADER].attrs == 0, "no rule up to normal: plain");
    resolve_text("color bad 203 default bold\ncolor red-flag 196 default underline\n", "t", DEPTH_256, l, NULL);
    cr_assert(l[SL_FLAG].fg == 196 && l[SL_FLAG].attrs == ATTR_UNDERLINE, "a rule replaces the parent's look whole");
}

Test(theme, alternatives_per_depth)
{
    const char *text = "color warn 214|yellow default\n"
                       "color bad #ff5f5f|203|bright-red|red default\n"
                       "color good #00af00|green default\n"
                       "color dim 245 default\n";
    Look l[SL__COUNT];
    resolve_text(text, "t", DEPTH_DIRECT, l, NULL);
    cr_assert_eq(l[SL_WARN].fg, colour_rgb(0xff, 0xaf, 0x00), "214 as RGB on a direct-colour terminal");
    cr_assert_eq(l[SL_BAD].fg, colour_rgb(0xff, 0x5f, 0x5f));
    resolve_text(text, "t", DEPTH_256, l, NULL);
    cr_assert_eq(l[SL_WARN].fg, 214);
    cr_assert_eq(l[SL_BAD].fg, 203, "24-bit shows as its nearest palette colour on 256");
    cr_assert_eq(l[SL_GOOD].fg, 34);
    resolve_text(text, "t", DEPTH_16, l, NULL);
    cr_assert_eq(l[SL_WARN].fg, 3);
    cr_assert_eq(l[SL_BAD].fg, 9);
    cr_assert_eq(l[SL_DIM].fg, 8, "no alternative: the last one downgraded");
    resolve_text(text, "t", DEPTH_8, l, NULL);
    cr_assert_eq(l[SL_BAD].fg, 1);
    cr_assert_eq(l[SL_GOOD].fg, 2);
    cr_assert(l[SL_DIM].fg == COLOUR_DEFAULT && l[SL_DIM].attrs == ATTR_DIM, "grey on 8 colours is dim text");
    resolve_text(text, "t", DEPTH_MONO, l, NULL);
    for (int s = 0; s < SL__COUNT; s++)
        cr_assert(l[s].fg == COLOUR_DEFAULT && l[s].bg == COLOUR_DEFAULT, "no colour in monochrome");
}

Test(theme, default_is_the_normal_slots_colour)
{
    Look l[SL__COUNT];
    resolve_text("color normal #839496|white #002b36|black\ncolor dim #586e75 default\ncolor cursor black default\n",
                 "t", DEPTH_16, l, NULL);
    cr_assert(l[SL_NORMAL].fg == 7 && l[SL_NORMAL].bg == 0);
    cr_assert_eq(l[SL_DIM].bg, 0, "default background = the theme's own background");
    cr_assert_eq(l[SL_HEADER].fg, 7, "a slot without a rule gets normal's colours too");
    cr_assert(l[SL_CURSOR].fg == 7 && l[SL_CURSOR].bg == 0 && (l[SL_CURSOR].attrs & ATTR_REVERSE),
              "black on the theme's black becomes reverse, not invisible");
    resolve_text("color normal white black\n", "t", DEPTH_MONO, l, NULL);
    cr_assert_eq(l[SL_HEADER].attrs, 0, "monochrome does not reverse everything for normal's background");
}

Test(theme, bad_rules_are_warnings_at_the_word)
{
    const CtBad bad[] = {
        { "color reveiw yellow default", "t:1:7: ", "unknown colour slot \"reveiw\"" },
        { "color badge-reveiw yellow default", "t:1:7: ", "did you mean \"badge-review\"?" },
        { "color warn yelow default", "t:1:12: ", "unknown colour \"yelow\"; did you mean \"yellow\"?" },
        { "color warn 214|yelow default", "t:1:16: ", "unknown colour \"yelow\"" },
        { "color warn 214 purple", "t:1:16: ", "unknown colour \"purple\"; colours are black, red" },
        { "color warn 214 color300", "t:1:16: ", "unknown colour \"color300\"" },
        { "color warn 1|2|3|4|5 default", "t:1:20: ", "at most 4 colours separated by |" },
        { "color warn 214 default bodl", "t:1:24: ", "unknown attribute \"bodl\"; did you mean \"bold\"?" },
        { "color warn 214 default blink", "t:1:24: ", "attributes are bold, dim, italic, underline, reverse" },
        { "set page_size = 5", "t:1:1: ", "a theme file holds color lines only" },
        { "bind j down", "t:1:1: ", "a theme file holds color lines only" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        Look l[SL__COUNT];
        ConfDoc *d;
        resolve_text(bad[i].line, "t", DEPTH_256, l, &d);
        ct_assert_one_warning(d, &bad[i]);
        cr_assert(l[SL_WARN].fg == COLOUR_DEFAULT, "%s: a bad rule applies nothing", bad[i].line);
        conf_free(d);
    }
}

Test(theme, config_colour_lines_go_over_the_theme)
{
    ThemeRules r;
    theme_rules_clear(&r);
    ConfDoc *theme = conf_new(NULL, NULL), *cfg = conf_new(NULL, NULL);
    conf_parse(theme, theme_default_text, strlen(theme_default_text), "default.theme");
    const char *text = "set page_size = 50\ncolor badge-review magenta default bold\n";
    conf_parse(cfg, text, strlen(text), "config");
    theme_rules_add(&r, theme, true);
    theme_rules_add(&r, cfg, false);
    cr_assert_eq(cfg->nwarns, 0, "a config's other lines are not the theme's business");
    Look l[SL__COUNT];
    theme_resolve(&r, DEPTH_256, l);
    cr_assert_eq(l[SL_BADGE_REVIEW].fg, 5);
    cr_assert_eq(l[SL_TITLE].bg, 24, "the rest of the theme stays");
    conf_free(theme);
    conf_free(cfg);
}

/* ---- legibility --------------------------------------------------------------------- */

static double luminance(uint32_t rgb)
{
    double c[3];
    for (int i = 0; i < 3; i++) {
        double v = (double)(rgb >> (16 - 8 * i) & 0xff) / 255.0;
        c[i] = v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

/* WCAG contrast ratio of a look on a terminal with the given default colours. */
static double contrast(Look l, uint32_t term_fg, uint32_t term_bg)
{
    uint32_t fg = l.fg == COLOUR_DEFAULT ? term_fg : colour_is_rgb(l.fg) ? (uint32_t)l.fg & 0xffffff
                                                                           : colour_palette_rgb(l.fg);
    uint32_t bg = l.bg == COLOUR_DEFAULT ? term_bg : colour_is_rgb(l.bg) ? (uint32_t)l.bg & 0xffffff
                                                                           : colour_palette_rgb(l.bg);
    double a = luminance(fg) + 0.05, b = luminance(bg) + 0.05;
    return a > b ? a / b : b / a;
}

Test(theme, shipped_themes_stay_legible_at_every_depth)
{
    /* light.theme is for a light terminal; the others for a dark one (high-contrast and
     * solarized paint their own background) */
    const ColourDepth depths[] = { DEPTH_8, DEPTH_16, DEPTH_256, DEPTH_DIRECT };
    for (size_t t = 0; t < sizeof shipped / sizeof *shipped; t++) {
        bool light = !strcmp(shipped[t], "light");
        uint32_t term_fg = light ? 0x000000 : 0xe5e5e5, term_bg = light ? 0xffffff : 0x000000;
        char *text = theme_file(shipped[t]);
        for (size_t k = 0; k < sizeof depths / sizeof *depths; k++) {
            Look l[SL__COUNT];
            resolve_text(text, shipped[t], depths[k], l, NULL);
            for (int s = 0; s < SL__COUNT; s++) {
                /* dim text is meant to recede: 3:1 is WCAG's floor for large text; the rest 4.5:1
                 * where the palette is known (256 and 24-bit; 8 and 16 are the terminal's own) */
                bool quiet = (l[s].attrs & ATTR_DIM) != 0;
                for (Slot p = (Slot)s; p != SL_NORMAL && !quiet; p = slot_parent(p))
                    quiet = p == SL_DIM; /* dim, or a slot that looks like it by default */
                double need = depths[k] < DEPTH_256 ? 3.0 : quiet ? 3.0 : 4.5;
                double c = contrast(l[s], term_fg, term_bg);
                /* many terminals show bold text in colours 0-7 as its bright twin (xterm's
                 * boldColors): black bold turns grey, so check that too */
                Look bright = l[s];
                if ((l[s].attrs & ATTR_BOLD) && depths[k] < DEPTH_256 && l[s].fg >= 0 && l[s].fg < 8)
                    bright.fg += 8;
                double cb = contrast(bright, term_fg, term_bg);
                c = cb < c ? cb : c;
                cr_expect_geq(c, need, "%s at depth %d: %s has contrast %.2f, less than %.1f", shipped[t],
                              (int)depths[k], slot_name((Slot)s), c, need);
            }
        }
        free(text);
    }
}

Test(theme, the_manual_lists_every_slot_with_its_parent)
{
    char *page = tu_read_file("src/cli/regdesk-config.5", NULL);
    /* troff writes - as \- */
    char *w = page;
    for (char *r = page; *r; r++)
        if (!(r[0] == '\\' && r[1] == '-'))
            *w++ = *r;
    *w = '\0';
    for (int s = 0; s < SL__COUNT; s++) {
        char want[120];
        if (s == SL_NORMAL)
            snprintf(want, sizeof want, ".BR normal ,\n");
        else
            snprintf(want, sizeof want, ".B %s\n[%s]", slot_name((Slot)s), slot_name(slot_parent((Slot)s)));
        cr_assert(strstr(page, want), "regdesk-config.5 does not list \"%s\"", want);
    }
    free(page);
}
