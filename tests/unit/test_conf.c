/* The configuration language (conf/conf): every directive, quoting and comments,
 * includes, and every syntax error with its file:line:column. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conftest.h"

/* In-memory files for include: name → text. */
typedef struct MemFile {
    const char *name, *text;
} MemFile;

static bool mem_include(void *ctx, const char *from, const char *path, char **text, size_t *len, char **name,
                        char *why, size_t n)
{
    (void)from;
    for (const MemFile *f = ctx; f->name; f++) {
        if (!strcmp(f->name, path)) {
            *text = strdup(f->text);
            *len = strlen(f->text);
            *name = strdup(path);
            return true;
        }
    }
    snprintf(why, n, "cannot read %s: No such file or directory", path);
    return false;
}

static ConfDoc *parse_with(const char *text, const MemFile *files)
{
    ConfDoc *d = conf_new(mem_include, (void *)files);
    conf_parse(d, text, strlen(text), "cfg");
    return d;
}

/* text parsed as "cfg" with no warning into ndirs directives. */
static ConfDoc *parse_clean(const char *text, size_t ndirs)
{
    ConfDoc *d = ct_parse(text);
    cr_assert_eq(d->nwarns, 0, "%s", d->nwarns ? ct_warning(d, 0) : "");
    cr_assert_eq(d->ndirs, ndirs, "%zu directives, not %zu", d->ndirs, ndirs);
    return d;
}

static void assert_word(const ConfWord *w, const char *text, int line, int col)
{
    cr_assert_str_eq(w->text, text);
    cr_assert_eq(w->pos.line, line, "\"%s\": line %d, not %d", text, w->pos.line, line);
    cr_assert_eq(w->pos.col, col, "\"%s\": column %d, not %d", text, w->pos.col, col);
}

Test(conf, every_directive)
{
    ConfDoc *d = parse_clean("# regdesk\n"
                       "set refresh = 60\n"
                       "page_size=50\n"
                       "  api = https://api.example.test   # the sandbox\n"
                       "color badge-review 214|yellow default bold\n"
                       "colour title #ffffff #005f87\n"
                       "bind j down\n"
                       "bind \"#\" raw-codes\n"
                       "bind = expand-all\n"
                       "unbind <C-d>\n"
                       "view \"Needs review\" = status:review sort:age\n"
                       "\tview Mine=email:@example.org\n", 11);
    const ConfDirective *x = d->dirs;
    cr_assert_eq(x[0].kind, CONF_SET);
    cr_assert_not(x[0].short_form);
    assert_word(&x[0].args[0], "refresh", 2, 5);
    assert_word(&x[0].args[1], "60", 2, 15);
    cr_assert(x[1].short_form && x[2].short_form, "name = value is set's short form");
    assert_word(&x[1].args[0], "page_size", 3, 1);
    assert_word(&x[1].args[1], "50", 3, 11);
    assert_word(&x[2].args[1], "https://api.example.test", 4, 9);
    cr_assert_eq(x[2].pos.col, 3);
    cr_assert_eq(x[3].kind, CONF_COLOR);
    cr_assert_eq(x[3].nargs, 4);
    assert_word(&x[3].args[1], "214|yellow", 5, 20);
    assert_word(&x[3].args[3], "bold", 5, 39);
    cr_assert_eq(x[4].kind, CONF_COLOR, "colour is color");
    assert_word(&x[4].args[1], "#ffffff", 6, 14);
    assert_word(&x[4].args[2], "#005f87", 6, 22);
    cr_assert_eq(x[5].kind, CONF_BIND);
    assert_word(&x[5].args[0], "j", 7, 6);
    assert_word(&x[5].args[1], "down", 7, 8);
    assert_word(&x[6].args[0], "#", 8, 6);
    cr_assert(x[6].args[0].quoted);
    assert_word(&x[7].args[0], "=", 9, 6);
    cr_assert_eq(x[8].kind, CONF_UNBIND);
    assert_word(&x[8].args[0], "<C-d>", 10, 8);
    cr_assert_eq(x[9].kind, CONF_VIEW);
    assert_word(&x[9].args[0], "Needs review", 11, 6);
    assert_word(&x[9].args[1], "status:review sort:age", 11, 23);
    assert_word(&x[10].args[0], "Mine", 12, 7);
    assert_word(&x[10].args[1], "email:@example.org", 12, 12);
    conf_free(d);
}

Test(conf, a_directive_name_before_an_equals)
{
    ConfDoc *d = ct_parse("colour = red\ninclude = x\nbind = expand-all\nunbind =\nset = 5\n");
    cr_assert_eq(d->ndirs, 4);
    cr_assert(d->dirs[0].short_form && !strcmp(d->dirs[0].args[0].text, "colour"),
              "colour = red: a setting name gone wrong, for the settings to name");
    cr_assert(d->dirs[1].short_form && !strcmp(d->dirs[1].args[0].text, "include"));
    cr_assert(d->dirs[2].kind == CONF_BIND && !strcmp(d->dirs[2].args[0].text, "="), "the = key");
    cr_assert(d->dirs[3].kind == CONF_UNBIND && !strcmp(d->dirs[3].args[0].text, "="));
    cr_assert_eq(d->nwarns, 1);
    cr_assert(!strncmp(ct_warning(d, 0), "cfg:5:5: expected a setting name after set", 40), "%s", ct_warning(d, 0));
    conf_free(d);
}

Test(conf, values_quotes_and_comments)
{
    ConfDoc *d = parse_clean("set filter = \"  status:review age>1d  \"\n"
                       "set a = \"say \\\"hi\\\" \\\\ bye\"   # quoted\n"
                       "set b = name:\"ana maria\" status:review\n"
                       "set c = x#y # the # after a blank starts a comment\n"
                       "set d =\n"
                       "view V = name:\"a # b\" # comment\n"
                       "set e = \"a\" \"b\"\n"
                       "bind x \"quoted action\"  # trailing\n", 8);
    cr_assert_str_eq(d->dirs[0].args[1].text, "  status:review age>1d  ", "one quoted string keeps its blanks");
    cr_assert(d->dirs[0].args[1].quoted);
    cr_assert_str_eq(d->dirs[0].args[1].raw, "\"  status:review age>1d  \"");
    cr_assert_str_eq(d->dirs[1].args[1].text, "say \"hi\" \\ bye");
    cr_assert_str_eq(d->dirs[2].args[1].text, "name:\"ana maria\" status:review", "quotes inside stay");
    cr_assert_not(d->dirs[2].args[1].quoted);
    cr_assert_str_eq(d->dirs[3].args[1].text, "x#y");
    cr_assert_str_eq(d->dirs[4].args[1].text, "", "an empty value");
    cr_assert_str_eq(d->dirs[5].args[1].text, "name:\"a # b\"", "no comment inside quotes");
    cr_assert_str_eq(d->dirs[6].args[1].text, "\"a\" \"b\"", "two strings are not one");
    cr_assert_str_eq(d->dirs[7].args[1].text, "quoted action");
    conf_free(d);
}

Test(conf, line_ends_bom_and_wide_characters)
{
    const char text[] = "\xEF\xBB\xBFset a = 1\r\n"
                        "view \"Lucía ☃\" = name:lucía\r\n"
                        "set b = 2"; /* no final newline */
    ConfDoc *d = parse_clean(text, 3);
    assert_word(&d->dirs[0].args[0], "a", 1, 5);
    assert_word(&d->dirs[0].args[1], "1", 1, 9);
    assert_word(&d->dirs[1].args[1], "name:lucía", 2, 18); /* í and ☃ are one column each */
    assert_word(&d->dirs[2].args[1], "2", 3, 9);
    conf_free(d);
}

Test(conf, every_error_names_its_position)
{
    static char long_line[CONF_LINE_MAX + 20];
    memset(long_line, 'x', sizeof long_line - 1);
    const char *many = "color a b c d e f g h i j k l m n o p q r s";
    const CtBad bad[] = {
        { "bnid j down", "cfg:1:1: ", "unknown directive \"bnid\"; did you mean \"bind\"?" },
        { "frobnicate things", "cfg:1:1: ", "expected a directive (set, color, bind, unbind, view or include)" },
        { "bind#x", "cfg:1:1: ", "unknown directive \"bind#x\"" },
        { "= 5", "cfg:1:1: ", "expected a setting name before =" },
        { "set", "cfg:1:4: ", "expected a setting name after set (set NAME = VALUE)" },
        { "set \"x\" = 1", "cfg:1:5: ", "expected a setting name after set" },
        { "set page_size 50", "cfg:1:15: ", "expected = after \"page_size\" (set NAME = VALUE)" },
        { "set x = \"abc", "cfg:1:9: ", "this quoted string is not closed" },
        { "set x = \"a\\qb\"", "cfg:1:11: ", "unknown escape \\q" },
        { "color", "cfg:1:6: ", "expected a colour slot after color (color SLOT FOREGROUND BACKGROUND" },
        { "color review", "cfg:1:13: ", "expected a foreground colour after \"review\"" },
        { "color review red", "cfg:1:17: ", "expected a background colour after \"red\"" },
        { many, "cfg:1:39: ", "too many words on this line (at most 16)" },
        { "bind", "cfg:1:5: ", "expected a key after bind (bind KEY ACTION)" },
        { "bind j", "cfg:1:7: ", "expected an action after \"j\" (bind KEY ACTION)" },
        { "bind j down up", "cfg:1:13: ", "unexpected \"up\" at the end of the line (bind KEY ACTION)" },
        { "bind \"j\"k down", "cfg:1:9: ", "expected a blank after the closing quote" },
        { "bind \"j down", "cfg:1:6: ", "this quoted string is not closed" },
        { "unbind", "cfg:1:7: ", "expected a key after unbind (unbind KEY)" },
        { "unbind a b", "cfg:1:10: ", "unexpected \"b\"" },
        { "include", "cfg:1:8: ", "expected a file name after include (include PATH)" },
        { "include a b", "cfg:1:11: ", "unexpected \"b\"" },
        { "include x.theme", "cfg:1:9: ", "include is not allowed here" },
        { "view = status:review", "cfg:1:6: ", "expected a view name after view" },
        { "view", "cfg:1:5: ", "expected a view name after view" },
        { "view \"x\" status:review", "cfg:1:10: ", "expected = after \"x\" (view NAME = FILTER [sort:KEY])" },
        { "set x = a\x1b[31mb", "cfg:1:10: ", "a control character (U+001B)" },
        { "set x = \xff", "cfg:1:9: ", "bytes that are not UTF-8" },
        { "set x = \xc2\x9b", "cfg:1:9: ", "a control character (U+009B)" },
        { "view \"a\xe2\x80\xae" "b\" = x", "cfg:1:6: ", "holds a character regdesk will not show as it is" },
        { "set x = a\xe2\x80\x8b", "cfg:1:9: ", "holds a character regdesk will not show" },
        { long_line, "cfg:1:1: ", "this line is longer than 4096 bytes; skipped" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        ConfDoc *d = ct_parse(bad[i].line);
        ct_assert_one_warning(d, &bad[i]);
        cr_assert_eq(d->ndirs, 0, "%.60s: a bad line applies nothing", bad[i].line);
        conf_free(d);
    }
}

Test(conf, a_nul_byte_is_a_warning_and_the_rest_applies)
{
    const char text[] = "set a = 1\nset b\0 = 2\nset c = 3\n";
    ConfDoc *d = conf_new(NULL, NULL);
    conf_parse(d, text, sizeof text - 1, "cfg");
    cr_assert_eq(d->nwarns, 1);
    cr_assert(strstr(ct_warning(d, 0), "cfg:2:6: a NUL byte"), "%s", ct_warning(d, 0));
    cr_assert_eq(d->ndirs, 2);
    cr_assert_str_eq(d->dirs[1].args[0].text, "c");
    conf_free(d);
}

Test(conf, errors_never_stop_the_rest)
{
    ConfDoc *d = ct_parse("set a = 1\n"
                       "bnid x y\n"
                       "set b = \"open\n"
                       "color x\n"
                       "set c = 3\n"
                       "bind k up\n");
    cr_assert_eq(d->nwarns, 3);
    cr_assert_eq(d->ndirs, 3);
    cr_assert_str_eq(d->dirs[0].args[0].text, "a");
    cr_assert_str_eq(d->dirs[1].args[0].text, "c");
    cr_assert_eq(d->dirs[2].kind, CONF_BIND);
    cr_assert(!strncmp(ct_warning(d, 0), "cfg:2:1:", 8) && !strncmp(ct_warning(d, 1), "cfg:3:9:", 8) &&
              !strncmp(ct_warning(d, 2), "cfg:4:8:", 8));
    conf_free(d);
}

Test(conf, include_in_place_with_its_own_positions)
{
    const MemFile files[] = {
        { "light.theme", "color title white blue\nbnid x\ninclude deeper.theme\n" },
        { "deeper.theme", "color dim 245 default\n" },
        { NULL, NULL },
    };
    ConfDoc *d = parse_with("set a = 1\ninclude light.theme\nset b = 2\ninclude missing.theme\n", files);
    cr_assert_eq(d->ndirs, 4);
    cr_assert_str_eq(d->dirs[0].args[0].text, "a");
    cr_assert_str_eq(d->dirs[1].args[0].text, "title");
    cr_assert_str_eq(d->dirs[1].pos.file, "light.theme");
    cr_assert_eq(d->dirs[1].pos.line, 1);
    cr_assert_str_eq(d->dirs[2].pos.file, "deeper.theme");
    cr_assert_str_eq(d->dirs[3].args[0].text, "b");
    cr_assert_str_eq(d->dirs[3].pos.file, "cfg");
    cr_assert_eq(d->nwarns, 2);
    cr_assert(strstr(ct_warning(d, 0), "light.theme:2:1: unknown directive \"bnid\""), "%s", ct_warning(d, 0));
    cr_assert(strstr(ct_warning(d, 1), "cfg:4:9: cannot read missing.theme: No such file"), "%s", ct_warning(d, 1));
    cr_assert_eq(d->nfiles, 3);
    conf_free(d);
}

Test(conf, include_cycles_and_depth)
{
    const MemFile cycle[] = {
        { "a", "set in_a = 1\ninclude b\n" },
        { "b", "include a\nset in_b = 1\n" },
        { "cfg", "set again = 1\n" },
        { NULL, NULL },
    };
    ConfDoc *d = parse_with("include a\ninclude cfg\n", cycle);
    cr_assert_eq(d->ndirs, 2, "a and b once each; cfg, which is being read, not again");
    cr_assert_eq(d->nwarns, 2);
    cr_assert(strstr(ct_warning(d, 0), "b:1:9: \"a\" is already being read (an include cycle); skipped"), "%s",
              ct_warning(d, 0));
    cr_assert(strstr(ct_warning(d, 1), "cfg:2:9: \"cfg\" is already being read"), "%s", ct_warning(d, 1));
    conf_free(d);

    const MemFile chain[] = {
        { "1", "include 2\n" }, { "2", "include 3\n" }, { "3", "include 4\n" }, { "4", "include 5\n" },
        { "5", "include 6\n" }, { "6", "include 7\n" }, { "7", "include 8\n" }, { "8", "set deep = 1\n" },
        { NULL, NULL },
    };
    d = parse_with("include 1\n", chain);
    cr_assert_eq(d->ndirs, 0, "file 8 would be the ninth open at once");
    cr_assert_eq(d->nwarns, 1);
    cr_assert(strstr(ct_warning(d, 0), "7:1:9: includes nest deeper than 8 files; \"8\" skipped"), "%s", ct_warning(d, 0));
    conf_free(d);
}

Test(conf, warnings_are_capped_and_sorted)
{
    StrBuf text = STRBUF_INIT;
    for (int i = 0; i < CONF_WARNINGS_MAX + 5; i++)
        strbuf_puts(&text, "oops\n");
    ConfDoc *d = ct_parse(strbuf_cstr(&text));
    cr_assert_eq(d->nwarns, CONF_WARNINGS_MAX);
    cr_assert_eq(d->dropped, 5);
    conf_free(d);
    strbuf_free(&text);

    d = ct_parse("set a = 1\nset b = 2\n");
    conf_warn(d, d->dirs[1].args[1].pos, "second");
    conf_warn(d, d->dirs[0].args[1].pos, "first");
    conf_warn(d, d->dirs[0].args[0].pos, "zeroth");
    conf_sort_warnings(d);
    cr_assert_str_eq(ct_warning(d, 0), "cfg:1:5: zeroth");
    cr_assert_str_eq(ct_warning(d, 1), "cfg:1:9: first");
    cr_assert_str_eq(ct_warning(d, 2), "cfg:2:9: second");
    conf_free(d);
}

Test(conf, warnings_are_display_safe)
{
    ConfDoc *d = ct_parse("bnid\xe2\x80\xae x\n");
    const char *w = ct_warning(d, 0);
    cr_assert_null(strstr(w, "\xe2\x80\xae"), "the bidi override is not quoted back raw: %s", w);
    conf_free(d);
}

Test(conf, lists)
{
    ConfDoc *d = ct_parse("set l = document unreadable, \"name, mismatch\" ,suspected fraud,,x,\n"
                       "set e =\n");
    ConfWord *items;
    size_t n = conf_split_list(d, &d->dirs[0].args[1], &items);
    cr_assert_eq(n, 4);
    assert_word(&items[0], "document unreadable", 1, 9);
    assert_word(&items[1], "name, mismatch", 1, 30);
    cr_assert(items[1].quoted);
    assert_word(&items[2], "suspected fraud", 1, 48);
    assert_word(&items[3], "x", 1, 65);
    cr_assert_eq(d->nwarns, 2, "two empty items");
    cr_assert(!strncmp(ct_warning(d, 0), "cfg:1:64: an empty item", 23), "%s", ct_warning(d, 0));
    cr_assert(!strncmp(ct_warning(d, 1), "cfg:1:67: an empty item", 23), "%s", ct_warning(d, 1));
    cr_assert_eq(conf_split_list(d, &d->dirs[1].args[1], &items), 0, "an empty value is an empty list");
    conf_free(d);
}

/* conf_quote's output, parsed back as a set value (scalar) or a list item, gives s. */
static void round_trip(const char *s)
{
    StrBuf line = STRBUF_INIT, item = STRBUF_INIT;
    strbuf_puts(&line, "set x = ");
    conf_quote(&line, s, QUOTE_VALUE);
    strbuf_puts(&line, "\nset y = a, ");
    conf_quote(&item, s, QUOTE_ITEM);
    strbuf_puts(&line, strbuf_cstr(&item));
    strbuf_puts(&line, ", b\nview ");
    conf_quote(&line, s, QUOTE_WORD);
    strbuf_puts(&line, " = flags>0\n");
    ConfDoc *d = ct_parse(strbuf_cstr(&line));
    cr_assert_eq(d->nwarns, 0, "%s → %s: %s", s, strbuf_cstr(&line), d->nwarns ? ct_warning(d, 0) : "");
    cr_assert_str_eq(d->dirs[0].args[1].text, s, "as a value: %s", strbuf_cstr(&line));
    ConfWord *items;
    cr_assert_eq(conf_split_list(d, &d->dirs[1].args[1], &items), 3);
    cr_assert_str_eq(items[1].text, s, "as a list item: %s", strbuf_cstr(&line));
    cr_assert_str_eq(d->dirs[2].args[0].text, s, "as a word: %s", strbuf_cstr(&line));
    conf_free(d);
    strbuf_free(&line);
    strbuf_free(&item);
}

Test(conf, quote_reads_back)
{
    const char *cases[] = { "plain", "two words", "a=b", "Needs review", " lead", "trail ", "a # b", "#x",
                            "#ff0000", "say \"hi\"", "back\\slash", "a,b", "status:review age>24h",
                            "name:\"ana maria\"", "Lucía" };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        round_trip(cases[i]);
    StrBuf b = STRBUF_INIT;
    conf_quote(&b, "status:review age>24h", QUOTE_VALUE);
    cr_assert_str_eq(strbuf_cstr(&b), "status:review age>24h", "bare where it can be");
    strbuf_free(&b);
}

Test(conf, names_and_suggestions)
{
    const char *names[] = { "page_size", "refresh", "idle_lock", "reason_labels" };
    cr_assert(conf_name_eq("page-size", "PAGE_SIZE"));
    cr_assert_not(conf_name_eq("page", "page_size"));
    cr_assert_str_eq(conf_suggest("refesh", names, 4), "refresh");
    cr_assert_str_eq(conf_suggest("idle-lokc", names, 4), "idle_lock");
    cr_assert_str_eq(conf_suggest("pagesize", names, 4), "page_size");
    cr_assert_null(conf_suggest("colour", names, 4));
    cr_assert_null(conf_suggest("x", names, 4));
}

/* A long quoted word shortens; the warning's own words, the usage at its end, stay whole
 * (issue 17: sentences were cut wherever the buffer ended). */
Test(conf, a_long_word_never_cuts_the_warning)
{
    static char text[2000];
    char word[900];
    memset(word, 'x', sizeof word - 1);
    word[sizeof word - 1] = '\0';
    snprintf(text, sizeof text, "unbind %s %s\n", word, word);
    ConfDoc *d = ct_parse(text);
    const char *w = ct_warning(d, 0);
    cr_assert(strstr(w, "…\" at the end of the line (unbind KEY)"), "%s", w);
    conf_warn(d, (ConfPos){ "cfg", 2, 1 }, "no theme \"" QS "\"; the default is used", word);
    w = ct_warning(d, d->nwarns - 1);
    cr_assert(strstr(w, "…\"; the default is used"), "%s", w);
    conf_free(d);
}
