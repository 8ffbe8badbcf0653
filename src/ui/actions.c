/* The action table's data, the key map built from it, and its help/README renderings. */
#include "ui/actions.h"

#include <stdio.h>
#include <string.h>

static const ActionInfo actions[ACT__COUNT] = {
#define X(id, name, group, flags, handler, keys, help) [ACT_##id] = { name, group, flags, keys, help },
    UI_ACTIONS(X)
#undef X
};

static const char *const group_titles[G__COUNT] = {
    [G_MOVE] = "Moving",
    [G_DETAIL] = "Detail pane",
    [G_FIND] = "Filter, search, sort, views",
    [G_OTHER] = "Other",
    [G_DECIDE] = "Decisions",
    [G_PROMPT] = "While typing a filter or search",
};

const ActionInfo *action_info(ActionId a)
{
    return a >= 0 && a < ACT__COUNT ? &actions[a] : NULL;
}

const char *action_group_title(ActionGroup g)
{
    return g >= 0 && g < G__COUNT ? group_titles[g] : "";
}

/* ---- key map ------------------------------------------------------------------------ */

typedef struct Binding {
    Key key;
    ActionId action;
    bool prompt;
} Binding;

enum { MAX_BINDINGS = 160 };
static Binding bindings[MAX_BINDINGS];
static int n_bindings;

bool keymap_init(char *err, size_t n)
{
    n_bindings = 0;
    for (int a = 0; a < ACT__COUNT; a++) {
        Key keys[12];
        int k = key_parse_list(actions[a].keys, keys, 12);
        if (k < 0 || n_bindings + k > MAX_BINDINGS) {
            snprintf(err, n, "action %s: bad key list \"%s\"", actions[a].name, actions[a].keys);
            return false;
        }
        for (int i = 0; i < k; i++)
            bindings[n_bindings++] = (Binding){ keys[i], (ActionId)a, actions[a].group == G_PROMPT };
    }
    return true;
}

ActionId keymap_lookup(Key k, bool prompt)
{
    for (int i = 0; i < n_bindings; i++)
        if (bindings[i].key == k && bindings[i].prompt == prompt)
            return bindings[i].action;
    return ACT_NONE;
}

bool action_nav(ActionId a, Nav *nav)
{
    switch (a) {
    case ACT_DOWN: *nav = NAV_DOWN; return true;
    case ACT_UP: *nav = NAV_UP; return true;
    case ACT_PAGE_DOWN: *nav = NAV_PAGE_DOWN; return true;
    case ACT_PAGE_UP: *nav = NAV_PAGE_UP; return true;
    case ACT_HALF_DOWN: *nav = NAV_HALF_DOWN; return true;
    case ACT_HALF_UP: *nav = NAV_HALF_UP; return true;
    case ACT_FIRST: *nav = NAV_FIRST; return true;
    case ACT_LAST: *nav = NAV_LAST; return true;
    default: return false;
    }
}

/* ---- renderings ------------------------------------------------------------------------ */

void action_keys_label(ActionId a, char *buf, size_t n)
{
    Key keys[12];
    int k = key_parse_list(actions[a].keys, keys, 12);
    size_t used = 0;
    buf[0] = '\0';
    if (a == ACT_VIEW && k > 1) { /* 1 2 … 9 reads better as a range */
        char lo[8], hi[8];
        key_to_label(keys[0], lo, sizeof lo);
        key_to_label(keys[k - 1], hi, sizeof hi);
        snprintf(buf, n, "%s-%s", lo, hi);
        return;
    }
    for (int i = 0; i < k && used + 1 < n; i++) {
        char one[24];
        key_to_label(keys[i], one, sizeof one);
        int w = snprintf(buf + used, n - used, "%s%s", i ? ", " : "", one);
        if (w < 0 || (size_t)w >= n - used)
            break;
        used += (size_t)w;
    }
}

/* Markdown needs | and ` escaped inside a cell. */
static void md_cell(StrBuf *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '|')
            strbuf_puts(out, "\\|");
        else
            strbuf_putc(out, *s);
    }
}

void actions_markdown(StrBuf *out)
{
    for (int g = 0; g < G__COUNT; g++) {
        bool any = false;
        for (int a = 0; a < ACT__COUNT; a++)
            any |= actions[a].group == (ActionGroup)g;
        if (!any)
            continue;
        strbuf_printf(out, "**%s**\n\n| Keys | Action |\n| --- | --- |\n", group_titles[g]);
        for (int a = 0; a < ACT__COUNT; a++) {
            if (actions[a].group != (ActionGroup)g)
                continue;
            Key keys[12];
            int k = key_parse_list(actions[a].keys, keys, 12);
            strbuf_puts(out, "| ");
            for (int i = 0; i < k; i++) {
                char one[24];
                key_to_label(keys[i], one, sizeof one);
                strbuf_puts(out, i ? " " : "");
                strbuf_puts(out, strcmp(one, "`") ? "`" : "`` ");
                md_cell(out, one);
                strbuf_puts(out, strcmp(one, "`") ? "`" : " ``");
            }
            strbuf_puts(out, " | ");
            md_cell(out, actions[a].help);
            strbuf_puts(out, " |\n");
        }
        strbuf_putc(out, '\n');
    }
}
