/* Theme rules from `color` lines, and the looks they resolve to. */
#include "conf/theme.h"

#include <stdio.h>
#include <string.h>

void theme_rules_clear(ThemeRules *r)
{
    memset(r, 0, sizeof *r);
}

/* "214|yellow" into c; false (warned) when a part is not a colour. */
static bool read_choice(ConfDoc *d, const ConfWord *w, ColourChoice *c)
{
    static const char *const names[] = { "default", "black", "red", "green", "yellow", "blue", "magenta", "cyan",
                                         "white", "bright-black", "bright-red", "bright-green", "bright-yellow",
                                         "bright-blue", "bright-magenta", "bright-cyan", "bright-white" };
    const char *s = w->text;
    ConfPos pos = w->pos;
    c->n = 0;
    for (;;) {
        size_t len = strcspn(s, "|");
        char part[48];
        snprintf(part, sizeof part, "%.*s", (int)(len < sizeof part ? len : sizeof part - 1), s);
        if (c->n == THEME_ALTS) {
            conf_warn(d, pos, "at most %d colours separated by |", THEME_ALTS);
            return false;
        }
        if (len >= sizeof part || !colour_parse(part, &c->alt[c->n])) {
            const char *near = conf_suggest(part, names, sizeof names / sizeof *names);
            if (near)
                conf_warn(d, pos, "unknown colour \"" QS "\"; did you mean \"%s\"?", part, near);
            else
                conf_warn(d, pos, "unknown colour \"" QS "\"; colours are %s", part, colour_syntax());
            return false;
        }
        c->n++;
        if (!s[len])
            return true;
        pos.col += (int)len + 1; /* colour words are ASCII: bytes are characters */
        s += len + 1;
    }
}

static bool read_rule(ConfDoc *d, const ConfDirective *dir, ThemeRule *out)
{
    ThemeRule r = { .set = true };
    if (!read_choice(d, &dir->args[1], &r.fg) || !read_choice(d, &dir->args[2], &r.bg))
        return false;
    for (size_t i = 3; i < dir->nargs; i++) {
        unsigned bit;
        if (!colour_attr_parse(dir->args[i].text, &bit)) {
            static const char *const attrs[] = { "bold", "dim", "italic", "underline", "reverse", "normal" };
            const char *near = conf_suggest(dir->args[i].text, attrs, sizeof attrs / sizeof *attrs);
            if (near)
                conf_warn(d, dir->args[i].pos, "unknown attribute \"" QS "\"; did you mean \"%s\"?",
                          dir->args[i].text, near);
            else
                conf_warn(d, dir->args[i].pos, "unknown attribute \"" QS "\"; attributes are %s", dir->args[i].text,
                          colour_attr_names());
            return false;
        }
        r.attrs = bit ? r.attrs | bit : 0;
    }
    *out = r;
    return true;
}

void theme_rules_add(ThemeRules *r, ConfDoc *d, bool theme_file)
{
    for (size_t i = 0; i < d->ndirs; i++) {
        const ConfDirective *dir = &d->dirs[i];
        if (dir->kind != CONF_COLOR) {
            if (theme_file)
                conf_warn(d, dir->pos, "a theme file holds color lines only; put this in the config file");
            continue;
        }
        int s = slot_find(dir->args[0].text);
        if (s < 0) {
            const char *near = conf_suggest(dir->args[0].text, slot_names_all(), SL__COUNT);
            if (near)
                conf_warn(d, dir->args[0].pos, "unknown colour slot \"" QS "\"; did you mean \"%s\"?",
                          dir->args[0].text, near);
            else
                conf_warn(d, dir->args[0].pos, "unknown colour slot \"" QS "\" (regdesk-config(5) lists them)",
                          dir->args[0].text);
            continue;
        }
        ThemeRule rule;
        if (read_rule(d, dir, &rule))
            r->rule[s] = rule;
    }
}

void theme_rules_merge(ThemeRules *r, const ThemeRules *over)
{
    for (int s = 0; s < SL__COUNT; s++)
        if (over->rule[s].set)
            r->rule[s] = over->rule[s];
}

/* The first alternative depth d shows as itself (24-bit counts on 256 colours, whose
 * cube and greys come close), else the last one; look_at_depth downgrades it. */
static Colour pick(const ColourChoice *c, ColourDepth d)
{
    for (int i = 0; i < c->n; i++)
        if (colour_fits(c->alt[i], d) || (colour_is_rgb(c->alt[i]) && d == DEPTH_256))
            return c->alt[i];
    return c->alt[c->n - 1];
}

/* A slot's own look, or its parent's; seen guards against a cycle in the table. */
static Look resolve(const ThemeRules *r, ColourDepth d, Slot s, Look *memo, bool *done, int depth)
{
    if (done[s])
        return memo[s];
    const ThemeRule *rule = &r->rule[s];
    Look l = LOOK_PLAIN;
    /* normal's background is the whole screen's: monochrome does not reverse it all */
    bool screen = s == SL_NORMAL && d == DEPTH_MONO;
    if (rule->set)
        l = look_at_depth((Look){ pick(&rule->fg, d), screen ? COLOUR_DEFAULT : pick(&rule->bg, d), rule->attrs }, d);
    else if (s != SL_NORMAL && depth < SL__COUNT)
        l = resolve(r, d, slot_parent(s), memo, done, depth + 1);
    memo[s] = l;
    done[s] = true;
    return l;
}

void theme_resolve(const ThemeRules *r, ColourDepth d, Look out[SL__COUNT])
{
    bool done[SL__COUNT] = { false };
    for (int s = 0; s < SL__COUNT; s++)
        resolve(r, d, (Slot)s, out, done, 0);
    /* default means normal's colour: a theme that paints its own background */
    Look base = out[SL_NORMAL];
    for (int s = 1; s < SL__COUNT && d != DEPTH_MONO; s++) {
        Look *l = &out[s];
        l->fg = l->fg == COLOUR_DEFAULT ? base.fg : l->fg;
        l->bg = l->bg == COLOUR_DEFAULT ? base.bg : l->bg;
        if (l->fg != COLOUR_DEFAULT && l->fg == l->bg)
            *l = (Look){ base.fg, base.bg, l->attrs | ATTR_REVERSE };
    }
}
