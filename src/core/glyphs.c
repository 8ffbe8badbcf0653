/* Symbols, in UTF-8 or ASCII. */
#include "core/glyphs.h"

#include "core/safetext.h"

static bool use_ascii;

static const char *const utf8[GL__COUNT] = {
    [GL_OPEN] = "▾", [GL_CLOSED] = "▸", [GL_OK] = "✓",   [GL_BAD] = "✗",  [GL_WARN] = "!",
    [GL_INFO] = "·", [GL_DOT] = "·",    [GL_ELLIPSIS] = "…", [GL_UP] = "▲", [GL_DOWN] = "▼",
    [GL_VBAR] = "│", [GL_HBAR] = "─",   [GL_ARROW] = "→",
    [GL_TL] = "┌",   [GL_TR] = "┐",     [GL_BL] = "└",   [GL_BR] = "┘",
};
static const char *const ascii[GL__COUNT] = {
    [GL_OPEN] = "-", [GL_CLOSED] = "+", [GL_OK] = "+",     [GL_BAD] = "x", [GL_WARN] = "!",
    [GL_INFO] = "-", [GL_DOT] = "-",    [GL_ELLIPSIS] = "~", [GL_UP] = "^", [GL_DOWN] = "v",
    [GL_VBAR] = "|", [GL_HBAR] = "-",   [GL_ARROW] = "->",
    [GL_TL] = "+",   [GL_TR] = "+",     [GL_BL] = "+",   [GL_BR] = "+",
};
static const char *const spin_utf8[] = { "⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏" };
static const char *const spin_ascii[] = { "|", "/", "-", "\\" };

void glyphs_set_ascii(bool a)
{
    use_ascii = a;
}

const char *glyph(Glyph g)
{
    return (use_ascii ? ascii : utf8)[g];
}

const char *glyph_spinner(unsigned i)
{
    return use_ascii ? spin_ascii[i % 4] : spin_utf8[i % 10];
}

TextCut text_cut(const char *s, int w)
{
    TextCut c = { 0, 0, false };
    if (!s)
        return c;
    if (w < 0)
        w = 0;
    c.bytes = safetext_fit(s, w, &c.cols);
    if (!s[c.bytes])
        return c; /* one line, and all of it fits */
    int ell_w = safetext_width(glyph(GL_ELLIPSIS));
    c.bytes = w > ell_w ? safetext_fit(s, w - ell_w, &c.cols) : 0;
    if (!c.bytes)
        c.cols = 0;
    c.ellipsis = w >= ell_w;
    return c;
}
