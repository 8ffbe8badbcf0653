/* Key names: parsing for the action table and scripts, formatting for help. */
#include "ui/keys.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/utf8.h"

typedef struct Named {
    const char *name;  /* between < > */
    const char *label; /* for people */
    Key key;
} Named;

static const Named named[] = {
    { "Enter", "Enter", K_ENTER }, { "Esc", "Esc", K_ESC },       { "Tab", "Tab", K_TAB },
    { "S-Tab", "Shift-Tab", K_BTAB }, { "Space", "Space", K_SPACE }, { "BS", "Backspace", K_BS },
    { "Del", "Delete", K_DEL },     { "Ins", "Insert", K_INS },    { "Up", "Up", K_UP },
    { "Down", "Down", K_DOWN },     { "Left", "Left", K_LEFT },    { "Right", "Right", K_RIGHT },
    { "PgUp", "PgUp", K_PGUP },     { "PgDn", "PgDn", K_PGDN },    { "Home", "Home", K_HOME },
    { "End", "End", K_END },        { "Lt", "<", '<' },
};

static Key parse_bracketed(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof named / sizeof *named; i++)
        if (strlen(named[i].name) == len && !strncasecmp(named[i].name, name, len))
            return named[i].key;
    if (len == 3 && (name[0] == 'C' || name[0] == 'c') && name[1] == '-' && isalpha((unsigned char)name[2]))
        return key_ctrl((char)tolower((unsigned char)name[2]));
    if ((len == 2 || len == 3) && (name[0] == 'F' || name[0] == 'f') && isdigit((unsigned char)name[1])) {
        int n = name[1] - '0';
        if (len == 3) {
            if (!isdigit((unsigned char)name[2]))
                return K_NONE;
            n = n * 10 + (name[2] - '0');
        }
        if (n >= 1 && n <= 12)
            return K_F1 + n - 1;
    }
    return K_NONE;
}

Key key_parse_one(const char **s)
{
    const char *p = *s;
    Key k = K_NONE;
    if (*p == '<') {
        const char *end = strchr(p, '>');
        if (end && end > p + 1) {
            k = parse_bracketed(p + 1, (size_t)(end - p - 1));
            if (k != K_NONE)
                p = end + 1;
        }
        if (k == K_NONE) { /* a lone '<' is the character itself */
            k = '<';
            p++;
        }
    } else if (*p && !isspace((unsigned char)*p)) {
        uint32_t cp;
        size_t n = utf8_decode(p, strlen(p), &cp);
        if (!n || cp < 0x20 || cp == 0x7f)
            return K_NONE;
        k = (Key)cp;
        p += n;
    } else {
        return K_NONE;
    }
    while (*p == ' ' || *p == '\t')
        p++;
    *s = p;
    return k;
}

int key_parse_list(const char *s, Key *out, int max)
{
    int n = 0;
    while (*s == ' ' || *s == '\t')
        s++;
    while (*s) {
        Key k = key_parse_one(&s);
        if (k == K_NONE)
            return -1;
        if (n < max)
            out[n++] = k;
    }
    return n;
}

static const Named *find_named(Key k)
{
    for (size_t i = 0; i < sizeof named / sizeof *named; i++)
        if (named[i].key == k)
            return &named[i];
    return NULL;
}

static void format_key(Key k, char *buf, size_t n, bool label)
{
    const Named *nm = find_named(k);
    if (nm && !(k == '<' && label)) {
        snprintf(buf, n, label ? "%s" : "<%s>", label ? nm->label : nm->name);
    } else if (k >= 1 && k < 0x20) {
        snprintf(buf, n, label ? "Ctrl-%c" : "<C-%c>", label ? 'A' + k - 1 : 'a' + k - 1);
    } else if (k >= K_F1 && k <= K_F12) {
        snprintf(buf, n, label ? "F%d" : "<F%d>", k - K_F1 + 1);
    } else if (k > 0 && k < KEY_FN_BASE) {
        char u[5] = { 0 };
        utf8_encode((uint32_t)k, u);
        snprintf(buf, n, "%s", u);
    } else {
        snprintf(buf, n, label ? "?" : "<?>");
    }
}

void key_to_name(Key k, char *buf, size_t n)
{
    format_key(k, buf, n, false);
}

void key_to_label(Key k, char *buf, size_t n)
{
    format_key(k, buf, n, true);
}
