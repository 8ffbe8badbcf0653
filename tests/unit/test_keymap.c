/* The key map (ui/keymap): the table's keys, the config's bind and unbind lines with
 * their warnings, the labels the help shows and --print-keys, which reads back. */
#include <criterion/criterion.h>
#include <string.h>

#include "conftest.h"
#include "ui/keymap.h"

/* The defaults with text's bind lines applied, installed; the document in *doc. */
static ConfDoc *apply(const char *text, Keymap *km)
{
    char err[200];
    cr_assert(keymap_defaults(km, err, sizeof err), "%s", err);
    ConfDoc *d = ct_parse(text);
    keymap_apply(km, d);
    keymap_install(km);
    return d;
}

Test(keymap, bind_moves_a_key_and_adds_keys)
{
    Keymap km;
    ConfDoc *d = apply("bind j first\nbind <C-n> down\nbind <F5> reload\nbind x down\n", &km);
    cr_assert_eq(d->nwarns, 0, "%s", d->nwarns ? ct_warning(d, 0) : "");
    cr_assert_eq(keymap_lookup('j', false), ACT_FIRST, "j now means first");
    cr_assert_eq(keymap_lookup(K_DOWN, false), ACT_DOWN, "down keeps its other key");
    cr_assert_eq(keymap_lookup(key_ctrl('n'), false), ACT_DOWN, "several keys per action");
    cr_assert_eq(keymap_lookup('x', false), ACT_DOWN);
    cr_assert_eq(keymap_lookup(K_F1 + 4, false), ACT_RELOAD);
    cr_assert_eq(keymap_lookup('r', false), ACT_RELOAD);
    cr_assert_eq(keymap_lookup(key_ctrl('n'), true), ACT_P_HIST_NEXT, "the prompt's <C-n> is apart");
    char label[64];
    action_keys_label(ACT_DOWN, label, sizeof label);
    cr_assert_str_eq(label, "Down, Ctrl-N, x", "the help shows the keys in effect");
    action_keys_label(ACT_FIRST, label, sizeof label);
    cr_assert_str_eq(label, "g, Home, j");
    action_keys_label(ACT_VIEW, label, sizeof label);
    cr_assert_str_eq(label, "1-9");
    conf_free(d);
}

Test(keymap, unbind_and_the_prompts_own_map)
{
    Keymap km;
    ConfDoc *d = apply("unbind <C-d>\nbind <C-o> prompt-home\nunbind G\n", &km);
    cr_assert_eq(d->nwarns, 0, "%s", d->nwarns ? ct_warning(d, 0) : "");
    cr_assert_eq(keymap_lookup(key_ctrl('d'), false), ACT_NONE);
    cr_assert_eq(keymap_lookup(key_ctrl('d'), true), ACT_NONE, "unbind takes the key from both maps");
    cr_assert_eq(keymap_lookup(key_ctrl('o'), true), ACT_P_HOME, "a prompt action binds in the prompt's map");
    cr_assert_eq(keymap_lookup(key_ctrl('o'), false), ACT_NONE);
    cr_assert_eq(keymap_lookup('G', false), ACT_NONE);
    cr_assert_eq(keymap_lookup(K_END, false), ACT_LAST);
    conf_free(d);
}

Test(keymap, mistakes_are_warnings_at_the_word)
{
    const CtBad bad[] = {
        { "bind j dwon", "cfg:1:8: ", "unknown action \"dwon\"; did you mean \"down\"?" },
        { "bind j frobnicate", "cfg:1:8: ", "unknown action \"frobnicate\"; regdesk --print-keys lists the actions" },
        { "bind <Ctl-x> down", "cfg:1:6: ", "\"<Ctl-x>\" is not a key; a key is a character, or <Enter>" },
        { "bind jk down", "cfg:1:6: ", "\"jk\" is not a key" },
        { "bind <F13> down", "cfg:1:6: ", "\"<F13>\" is not a key" },
        { "bind a prompt-home", "cfg:1:6: ", "\"a\" could no longer be typed in a filter" },
        { "bind x view", "cfg:1:6: ", "view takes the keys 1 to 9" },
        { "unbind <C-x>", "cfg:1:8: ", "nothing is bound to \"<C-x>\"" },
        { "unbind q", "cfg:1:1: ", "no key is left for quit (Ctrl-C still leaves)" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        Keymap km;
        ConfDoc *d = apply(bad[i].line, &km);
        ct_assert_one_warning(d, &bad[i]);
        conf_free(d);
    }
    Keymap km;
    ConfDoc *d = apply("bind j dwon\n", &km);
    cr_assert_eq(keymap_lookup('j', false), ACT_DOWN, "a bad line changes nothing");
    conf_free(d);
}

Test(keymap, print_keys_reads_back_as_the_same_map)
{
    Keymap km, again;
    ConfDoc *d = apply("bind j first\nbind \"#\" raw-codes\nbind = help\nunbind M\n", &km);
    cr_assert_eq(d->nwarns, 0, "%s", d->nwarns ? ct_warning(d, 0) : "");
    StrBuf out = STRBUF_INIT;
    keymap_print(&km, &out);
    cr_assert(strstr(strbuf_cstr(&out), "bind j first "), "%s", strbuf_cstr(&out));
    cr_assert(strstr(strbuf_cstr(&out), "bind \"#\" raw-codes "), "%s", strbuf_cstr(&out));
    cr_assert(strstr(strbuf_cstr(&out), "# mouse has no key: "), "%s", strbuf_cstr(&out));
    /* every binding printed, applied to an empty map, makes the same map */
    again.n = 0;
    ConfDoc *p = ct_parse(strbuf_cstr(&out));
    keymap_apply(&again, p);
    cr_assert_eq(again.n, km.n);
    for (int i = 0; i < km.n; i++) {
        bool found = false;
        for (int k = 0; k < again.n; k++)
            found |= again.b[k].key == km.b[i].key && again.b[k].action == km.b[i].action &&
                     again.b[k].prompt == km.b[i].prompt;
        cr_assert(found, "binding %d (action %s) is lost in print and read", i, action_info(km.b[i].action)->name);
    }
    conf_free(p);
    conf_free(d);
    strbuf_free(&out);
    char err[100];
    cr_assert(keymap_init(err, sizeof err));
}
