/* The action table's data, and its README rendering. */
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
    [G_DECIDE] = "Decisions and support",
    [G_PROMPT] = "While typing (a filter, a search, a note, the create form, an export)",
};

const ActionInfo *action_info(ActionId a)
{
    return a >= 0 && a < ACT__COUNT ? &actions[a] : NULL;
}

const char *action_group_title(ActionGroup g)
{
    return g >= 0 && g < G__COUNT ? group_titles[g] : "";
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
