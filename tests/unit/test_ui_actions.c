/* The action table: its keys parse, no key means two things in one context, the help
 * overlay and the README's key list come from it. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../testutil.h"
#include "ui/actions.h"
#include "ui/keymap.h"
#include "ui/helptext.h"
#include "ui/keys.h"
#include "conf/config.h"
#include "core/views.h"

Test(ui_actions, table_parses_and_keys_are_unique_per_context)
{
    char err[200];
    cr_assert(keymap_init(err, sizeof err), "%s", err);
    for (int a = 0; a < ACT__COUNT; a++) {
        const ActionInfo *ai = action_info((ActionId)a);
        Key keys[12];
        int n = key_parse_list(ai->keys, keys, 12);
        cr_assert_gt(n, 0, "action %s has keys", ai->name);
        cr_assert(ai->help && *ai->help);
        for (int i = 0; i < n; i++)
            cr_assert_eq(keymap_lookup(keys[i], ai->group == G_PROMPT), (ActionId)a,
                         "key %d of %s is bound to another action in the same context", i, ai->name);
    }
    cr_assert_eq(keymap_lookup('j', false), ACT_DOWN);
    cr_assert_eq(keymap_lookup(K_ENTER, false), ACT_OPEN);
    cr_assert_eq(keymap_lookup(K_ENTER, true), ACT_P_ACCEPT);
    cr_assert_eq(keymap_lookup(key_ctrl('u'), true), ACT_P_KILL_START);
    cr_assert_eq(keymap_lookup(key_ctrl('u'), false), ACT_HALF_UP);
    cr_assert_eq(keymap_lookup('x', false), ACT_NONE);
}

Test(ui_actions, key_names_round_trip)
{
    const char *names[] = { "j", "<Enter>", "<Esc>", "<Tab>", "<S-Tab>", "<Down>", "<PgUp>", "<C-d>",
                            "<F1>", "<F12>", "<Space>", "<BS>", "<Lt>", "ñ", "?" };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        const char *p = names[i];
        Key k = key_parse_one(&p);
        cr_assert_neq(k, K_NONE, "%s", names[i]);
        char back[24];
        key_to_name(k, back, sizeof back);
        cr_assert_str_eq(back, names[i]);
    }
    Key ks[8];
    cr_assert_eq(key_parse_list("g <Home>  <c-X>", ks, 8), 3);
    cr_assert_eq(ks[2], key_ctrl('x'));
    cr_assert_eq(key_parse_list("<Nope>", ks, 8), 6, "an unknown <name> is typed as it stands");
    char label[24];
    key_to_label(key_ctrl('d'), label, sizeof label);
    cr_assert_str_eq(label, "Ctrl-D");
}

Test(ui_actions, help_lists_every_action_with_its_keys)
{
    DLines d;
    dl_init(&d);
    size_t nviews;
    const SavedView *views = views_builtin(&nviews);
    help_build(&d, 90, views, nviews);
    StrBuf all = STRBUF_INIT;
    for (size_t i = 0; i < d.n; i++) {
        dl_line_text(&d, i, &all);
        strbuf_putc(&all, '\n');
    }
    for (int a = 0; a < ACT__COUNT; a++) {
        const ActionInfo *ai = action_info((ActionId)a);
        char keys[64];
        action_keys_label((ActionId)a, keys, sizeof keys);
        cr_assert(strstr(all.s, ai->help), "help text of %s", ai->name);
        cr_assert(strstr(all.s, keys), "keys of %s (%s)", ai->name, keys);
    }
    for (size_t n = 0; n < nviews; n++)
        cr_assert(strstr(all.s, views[n].name));
    cr_assert(strstr(all.s, "1-9"));
    strbuf_free(&all);
    dl_free(&d);
}

/* The README's key list is generated from the table: README.md must hold exactly what
 * the table generates between its markers. REGDESK_UPDATE_GOLDEN=1 rewrites the blocks. */
static bool check_block(const char *path, const char *name, const char *want, bool update)
{
    size_t len;
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    fclose(f);
    char *text = tu_read_file(path, &len);
    char begin[64], end[64];
    snprintf(begin, sizeof begin, "<!-- %s:begin -->\n", name);
    snprintf(end, sizeof end, "<!-- %s:end -->", name);
    char *b = strstr(text, begin), *e = b ? strstr(b, end) : NULL;
    if (!b || !e) {
        free(text);
        return false;
    }
    b += strlen(begin);
    bool same = (size_t)(e - b) == strlen(want) && !memcmp(b, want, strlen(want));
    if (!same && update) {
        FILE *o = fopen(path, "wb");
        cr_assert_not_null(o);
        fwrite(text, 1, (size_t)(b - text), o);
        fputs(want, o);
        fputs(e, o);
        fclose(o);
        same = true;
    }
    cr_assert(same, "%s: the %s block differs from what the action table generates; run the UI tests with "
                    "REGDESK_UPDATE_GOLDEN=1 and review the change. Expected:\n%s",
              path, name, want);
    free(text);
    return true;
}

Test(ui_actions, readme_key_list_matches_the_table)
{
    bool update = getenv("REGDESK_UPDATE_GOLDEN") && *getenv("REGDESK_UPDATE_GOLDEN") == '1';
    StrBuf keys = STRBUF_INIT, views = STRBUF_INIT, settings = STRBUF_INIT;
    actions_markdown(&keys);
    views_markdown(&views);
    config_markdown(&settings);
    cr_assert(check_block("README.md", "keys", keys.s, update), "README.md has no <!-- keys:begin --> block");
    cr_assert(check_block("README.md", "views", views.s, update), "README.md has no <!-- views:begin --> block");
    cr_assert(check_block("README.md", "settings", settings.s, update), "README.md has no <!-- settings:begin --> block");
    strbuf_free(&keys);
    strbuf_free(&views);
    strbuf_free(&settings);
}
