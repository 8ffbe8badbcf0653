/* The key map: the table's keys, the config's bind and unbind, lookups and labels. */
#include "ui/keymap.h"

#include <stdio.h>
#include <string.h>

static Keymap installed;

static bool add(Keymap *km, Key k, ActionId a, bool prompt)
{
    if (km->n >= KEYMAP_MAX)
        return false;
    km->b[km->n++] = (Binding){ k, a, prompt };
    return true;
}

bool keymap_defaults(Keymap *km, char *err, size_t n)
{
    km->n = 0;
    for (int a = 0; a < ACT__COUNT; a++) {
        const ActionInfo *ai = action_info((ActionId)a);
        Key keys[12];
        int k = key_parse_list(ai->keys, keys, 12);
        bool ok = k >= 0;
        for (int i = 0; ok && i < k; i++)
            ok = add(km, keys[i], (ActionId)a, ai->group == G_PROMPT);
        if (!ok) {
            snprintf(err, n, "action %s: bad key list \"%s\"", ai->name, ai->keys);
            return false;
        }
    }
    return true;
}

/* Takes key k out of one map (prompt) or both (both); true when it was there. */
static bool remove_key(Keymap *km, Key k, bool prompt, bool both)
{
    bool found = false;
    for (int i = 0; i < km->n;) {
        if (km->b[i].key == k && (both || km->b[i].prompt == prompt)) {
            memmove(&km->b[i], &km->b[i + 1], (size_t)(km->n - i - 1) * sizeof *km->b);
            km->n--;
            found = true;
        } else {
            i++;
        }
    }
    return found;
}

static int keys_of(const Keymap *km, ActionId a)
{
    int n = 0;
    for (int i = 0; i < km->n; i++)
        n += km->b[i].action == a;
    return n;
}

static bool read_key(ConfDoc *d, const ConfWord *w, Key *k)
{
    const char *s = w->text;
    *k = key_parse_one(&s);
    if (*k != K_NONE && !*s)
        return true;
    conf_warn(d, w->pos, "\"%s\" is not a key; a key is a character, or <Enter>, <Esc>, <Tab>, <S-Tab>, <Space>, "
                         "<BS>, <Del>, <Up>, <Down>, <PgUp>, <PgDn>, <Home>, <End>, <F1> to <F12>, <C-a> to <C-z>",
              w->text);
    return false;
}

static bool read_action(ConfDoc *d, const ConfWord *w, ActionId *a)
{
    const char *names[ACT__COUNT];
    for (int i = 0; i < ACT__COUNT; i++) {
        names[i] = action_info((ActionId)i)->name;
        if (conf_name_eq(w->text, names[i])) {
            *a = (ActionId)i;
            return true;
        }
    }
    const char *near = conf_suggest(w->text, names, ACT__COUNT);
    if (near)
        conf_warn(d, w->pos, "unknown action \"%s\"; did you mean \"%s\"?", w->text, near);
    else
        conf_warn(d, w->pos, "unknown action \"%s\"; regdesk --print-keys lists the actions", w->text);
    return false;
}

static void bind(Keymap *km, ConfDoc *d, const ConfDirective *dir)
{
    Key k;
    ActionId a;
    if (!read_key(d, &dir->args[0], &k) || !read_action(d, &dir->args[1], &a))
        return;
    bool prompt = action_info(a)->group == G_PROMPT;
    if (a == ACT_VIEW && !(k >= '1' && k <= '9')) {
        conf_warn(d, dir->args[0].pos, "view takes the keys 1 to 9, each its saved view; \"%s\" cannot be one",
                  dir->args[0].text);
        return;
    }
    if (prompt && k >= ' ' && k < KEY_FN_BASE && k != K_BS) {
        conf_warn(d, dir->args[0].pos, "\"%s\" could no longer be typed in a filter; bind a control or function "
                                       "key to %s", dir->args[0].text, action_info(a)->name);
        return;
    }
    remove_key(km, k, prompt, false);
    if (!add(km, k, a, prompt))
        conf_warn(d, dir->pos, "more than %d key bindings; this one is left out", KEYMAP_MAX);
}

void keymap_apply(Keymap *km, ConfDoc *d)
{
    static const ActionId vital[] = { ACT_QUIT, ACT_HELP };
    bool lost[2] = { false, false };
    for (size_t i = 0; i < d->ndirs; i++) {
        const ConfDirective *dir = &d->dirs[i];
        Key k;
        if (dir->kind == CONF_BIND)
            bind(km, d, dir);
        else if (dir->kind == CONF_UNBIND && read_key(d, &dir->args[0], &k) && !remove_key(km, k, false, true))
            conf_warn(d, dir->args[0].pos, "nothing is bound to \"%s\"", dir->args[0].text);
        for (int v = 0; v < 2; v++) {
            if (lost[v] || keys_of(km, vital[v]))
                continue;
            lost[v] = true; /* said once, at the line that took the last key */
            conf_warn(d, dir->pos, "no key is left for %s%s", action_info(vital[v])->name,
                      vital[v] == ACT_QUIT ? " (Ctrl-C still leaves)" : "");
        }
    }
}

void keymap_install(const Keymap *km)
{
    installed = *km;
}

bool keymap_init(char *err, size_t n)
{
    Keymap km;
    if (!keymap_defaults(&km, err, n))
        return false;
    keymap_install(&km);
    return true;
}

ActionId keymap_lookup(Key k, bool prompt)
{
    for (int i = 0; i < installed.n; i++)
        if (installed.b[i].key == k && installed.b[i].prompt == prompt)
            return installed.b[i].action;
    return ACT_NONE;
}

void action_keys_label(ActionId a, char *buf, size_t n)
{
    Key keys[KEYMAP_MAX];
    int k = 0;
    for (int i = 0; i < installed.n; i++)
        if (installed.b[i].action == a)
            keys[k++] = installed.b[i].key;
    bool digits = k == 9;
    for (int i = 0; digits && i < 9; i++)
        digits = keys[i] == '1' + i;
    if (digits) { /* the views' 1 2 … 9 reads better as a range */
        snprintf(buf, n, "1-9");
        return;
    }
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < k && used + 1 < n; i++) {
        char one[24];
        key_to_label(keys[i], one, sizeof one);
        int w = snprintf(buf + used, n - used, "%s%s", i ? ", " : "", one);
        if (w < 0 || (size_t)w >= n - used)
            break;
        used += (size_t)w;
    }
}

void keymap_print(const Keymap *km, StrBuf *out)
{
    strbuf_puts(out, "# regdesk's key bindings in effect, as bind lines the config can hold\n");
    StrBuf line = STRBUF_INIT;
    for (int a = 0; a < ACT__COUNT; a++) {
        const ActionInfo *ai = action_info((ActionId)a);
        bool any = false;
        for (int i = 0; i < km->n; i++) {
            if (km->b[i].action != (ActionId)a)
                continue;
            char name[24];
            key_to_name(km->b[i].key, name, sizeof name);
            strbuf_reset(&line);
            strbuf_puts(&line, "bind ");
            conf_quote(&line, name, QUOTE_WORD);
            strbuf_printf(&line, " %s", ai->name);
            strbuf_printf(out, "%-34s # %s\n", strbuf_cstr(&line), ai->help);
            any = true;
        }
        if (!any)
            strbuf_printf(out, "# %s has no key: %s\n", ai->name, ai->help);
    }
    strbuf_free(&line);
}
