/* The settings table (conf/config): defaults, every type, sources and precedence,
 * errors at their position, --print-config. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "conf/config.h"
#include "conftest.h"

/* A fresh Config (built-in values, no home) with text applied; the caller frees both. */
static ConfDoc *applied(Config *s, const char *text)
{
    config_init(s, NULL);
    ConfDoc *d = ct_parse(text);
    config_apply(s, d);
    return d;
}

static const char *formatted(const Config *s, SettingId id)
{
    static StrBuf b = STRBUF_INIT;
    strbuf_reset(&b);
    config_format(s, id, &b);
    return strbuf_cstr(&b);
}

Test(config, every_default_is_valid_and_reads_back)
{
    Config s;
    config_init(&s, "/home/ana");
    for (int i = 0; i < SET__COUNT; i++) {
        const SettingInfo *info = config_info((SettingId)i);
        char why[300] = "";
        Config t;
        config_init(&t, NULL);
        cr_assert(config_set(&t, (SettingId)i, info->def, setting_from_flag("--x"), why, sizeof why),
                  "the default of %s (\"%s\") does not parse: %s", info->name, info->def, why);
        /* the printed value, parsed again, is the same value */
        char text[600];
        snprintf(text, sizeof text, "%s", formatted(&s, (SettingId)i));
        cr_assert(config_set(&t, (SettingId)i, text, setting_from_flag("--x"), why, sizeof why), "%s: %s",
                  info->name, why);
        cr_assert_str_eq(formatted(&t, (SettingId)i), text, "%s", info->name);
        cr_assert_eq(config_source(&s, (SettingId)i)->origin, FROM_BUILTIN);
        cr_assert_eq(config_find(info->name), i);
        config_free(&t);
    }
    cr_assert_eq(config_num(&s, SET_PAGE_SIZE), 100);
    cr_assert_eq(config_num(&s, SET_REFRESH), 60);
    cr_assert_eq(config_num(&s, SET_IDLE_LOCK), 15 * 60);
    cr_assert_eq(config_num(&s, SET_SLA), 24 * 3600);
    cr_assert(config_bool(&s, SET_MOUSE));
    cr_assert_str_eq(config_str(&s, SET_API), "https://api.verifik.co");
    cr_assert_str_eq(config_str(&s, SET_THEME), "default");
    size_t n;
    const char *const *labels = config_list(&s, SET_REASON_LABELS, &n);
    cr_assert_geq(n, 5);
    cr_assert_str_eq(labels[0], "document unreadable");
    cr_assert_eq(config_num(&s, SET_MASK), 0xF, "email, phone, document and ip; not names");
    config_free(&s);
}

Test(config, from_the_config_with_their_positions)
{
    Config s;
    config_init(&s, "/home/ana");
    ConfDoc *d = ct_parse("set page_size = 50\n"
                       "refresh = 2m\n"
                       "set idle-lock = 5\n"
                       "set sla = 1d12h\n"
                       "set token_file = ~/.secrets/verifik\n"
                       "set mouse = off\n"
                       "set reason_labels = \"name, surname swapped\", blurry photo\n"
                       "set mask = email, name\n"
                       "set filter = \"  status:review age>1d  \"\n"
                       "set sort = -age\n"
                       "set columns = status,age,name\n"
                       "set timeout = 90\n");
    config_apply(&s, d);
    cr_assert_eq(d->nwarns, 0, "%s", d->nwarns ? ct_warning(d, 0) : "");
    cr_assert_eq(config_num(&s, SET_PAGE_SIZE), 50);
    cr_assert_eq(config_num(&s, SET_REFRESH), 120);
    cr_assert_eq(config_num(&s, SET_IDLE_LOCK), 300, "a bare number is in the setting's unit (minutes)");
    cr_assert_eq(config_num(&s, SET_SLA), 36 * 3600);
    cr_assert_eq(config_num(&s, SET_TIMEOUT), 90);
    cr_assert_str_eq(config_str(&s, SET_TOKEN_FILE), "/home/ana/.secrets/verifik");
    cr_assert_not(config_bool(&s, SET_MOUSE));
    size_t n;
    const char *const *labels = config_list(&s, SET_REASON_LABELS, &n);
    cr_assert_eq(n, 2);
    cr_assert_str_eq(labels[0], "name, surname swapped");
    cr_assert_str_eq(labels[1], "blurry photo");
    cr_assert_eq(config_num(&s, SET_MASK), 1 | 16);
    cr_assert_str_eq(formatted(&s, SET_MASK), "email,name");
    cr_assert_str_eq(config_str(&s, SET_FILTER), "  status:review age>1d  ");
    cr_assert_str_eq(formatted(&s, SET_REASON_LABELS), "\"name, surname swapped\", blurry photo");
    cr_assert_str_eq(formatted(&s, SET_SLA), "1d12h");
    const SettingSource *src = config_source(&s, SET_REFRESH);
    cr_assert_eq(src->origin, FROM_CONFIG);
    cr_assert_eq(src->pos.line, 2);
    cr_assert_eq(src->pos.col, 1);
    char buf[200];
    config_source_format(config_source(&s, SET_PAGE_SIZE), buf, sizeof buf);
    cr_assert_str_eq(buf, "cfg:1:1");
    conf_free(d);
    /* the source outlives the document it came from */
    config_source_format(config_source(&s, SET_PAGE_SIZE), buf, sizeof buf);
    cr_assert_str_eq(buf, "cfg:1:1");
    config_free(&s);
}

Test(config, bad_values_are_warnings_at_the_value)
{
    const CtBad bad[] = {
        { "set refesh = 60", "cfg:1:5: ", "unknown setting \"refesh\"; did you mean \"refresh\"?" },
        { "colours = 3", "cfg:1:1: ", "unknown setting \"colours\" (regdesk-config(5) lists them)" },
        { "set page_size = 500", "cfg:1:17: ", "page_size must be a whole number from 1 to 100, not \"500\"" },
        { "set page_size = 5x", "cfg:1:17: ", "page_size must be a whole number" },
        { "set parallel = ", "cfg:1:16: ", "parallel must be a whole number from 1 to 16, not \"\"" },
        { "set mouse = maybe", "cfg:1:13: ", "mouse must be yes or no, not \"maybe\"" },
        { "set refresh = soon", "cfg:1:15: ", "refresh must be a duration: a number of seconds, or with units" },
        { "set refresh = 3d", "cfg:1:15: ", "refresh must be from 0 to 1d, not \"3d\"" },
        { "set idle_lock = 2000", "cfg:1:17: ", "idle_lock must be from 0 to 1d, not \"2000\"" },
        { "set reveal = 1", "cfg:1:14: ", "reveal must be from 5s to 1h, not \"1\"" },
        { "set api = ftp://x", "cfg:1:11: ", "api must be an https:// address" },
        { "set api =", "cfg:1:10: ", "api needs a value" },
        { "set sort = -colour", "cfg:1:12: ", "sort must be created, updated, age, status" },
        { "set filter = status:review stauts:x", "cfg:1:28: ", "filter is not a filter regdesk can read: unknown "
                                                              "field 'stauts'" },
        { "set filter = \"stauts:x\"", "cfg:1:15: ", "unknown field 'stauts'" },
        { "set mask = email, phnoe", "cfg:1:12: ", "mask has no \"phnoe\"; did you mean \"phone\"?" },
        { "set mask = none, email", "cfg:1:12: ", "mask takes none alone" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        Config s;
        config_init(&s, NULL);
        ConfDoc *d = ct_parse(bad[i].line);
        cr_assert_eq(d->nwarns, 0, "%s: the syntax is fine", bad[i].line);
        config_apply(&s, d);
        ct_assert_one_warning(d, &bad[i]);
        for (int k = 0; k < SET__COUNT; k++)
            cr_assert_eq(config_source(&s, (SettingId)k)->origin, FROM_BUILTIN, "%s: the old value stays",
                         bad[i].line);
        conf_free(d);
        config_free(&s);
    }
}

Test(config, a_bad_line_leaves_the_rest)
{
    Config s;
    ConfDoc *d = applied(&s, "set page_size = 50\nset page_size = 0\nset retries = 0\n");
    cr_assert_eq(d->nwarns, 1);
    cr_assert_eq(config_num(&s, SET_PAGE_SIZE), 50, "the bad value does not replace the good one");
    cr_assert_eq(config_num(&s, SET_RETRIES), 0, "0 is a value, not 'unset'");
    conf_free(d);
    config_free(&s);
}

Test(config, precedence_is_the_order_of_application)
{
    Config s;
    conf_free(applied(&s, "api = https://config.example.test\nparallel = 2\n"));
    char why[300];
    cr_assert(config_set(&s, SET_API, "https://env.example.test", setting_from_env("REGDESK_API"), why, sizeof why));
    cr_assert(config_set(&s, SET_PARALLEL, "8", setting_from_flag("--parallel"), why, sizeof why));
    cr_assert_str_eq(config_str(&s, SET_API), "https://env.example.test");
    cr_assert_eq(config_num(&s, SET_PARALLEL), 8);
    char buf[200];
    config_source_format(config_source(&s, SET_API), buf, sizeof buf);
    cr_assert_str_eq(buf, "environment REGDESK_API");
    config_source_format(config_source(&s, SET_PARALLEL), buf, sizeof buf);
    cr_assert_str_eq(buf, "flag --parallel");
    cr_assert_not(config_set(&s, SET_PARALLEL, "99", setting_from_flag("--parallel"), why, sizeof why));
    cr_assert_str_eq(why, "parallel must be a whole number from 1 to 16, not \"99\"");
    cr_assert_eq(config_num(&s, SET_PARALLEL), 8);
    cr_assert_not(config_set(&s, SET_FILTER, "a\x1b[2Jb", setting_from_flag("--filter"), why, sizeof why));
    cr_assert(strstr(why, "control or invisible characters"), "%s", why);
    size_t n;
    cr_assert(config_set(&s, SET_COLUMNS, "status,a\x1b[2Jb", setting_from_flag("--columns"), why, sizeof why));
    cr_assert_str_eq(config_list(&s, SET_COLUMNS, &n)[1], "a\u241b[2Jb", "a list's items are made safe, to be named");
    cr_assert(config_set(&s, SET_COLUMNS, "status, age,name", setting_from_flag("--columns"), why, sizeof why));
    cr_assert_eq(config_list(&s, SET_COLUMNS, &n)[2][0], 'n');
    cr_assert_eq(n, 3);
    config_free(&s);
}

Test(config, print_config_shows_every_value_and_source)
{
    Config s;
    ConfDoc *d = applied(&s, "\n\nset page_size = 50\n");
    char why[200];
    cr_assert(config_set(&s, SET_API, "http://127.0.0.1:8080", setting_from_flag("--api"), why, sizeof why));
    StrBuf out = STRBUF_INIT;
    config_print(&s, &out);
    const char *text = strbuf_cstr(&out);
    for (int i = 0; i < SET__COUNT; i++) {
        char want[80];
        snprintf(want, sizeof want, "\nset %s = ", config_info((SettingId)i)->name);
        cr_assert(strstr(text, want), "%s is missing from:\n%s", want, text);
    }
    cr_assert(strstr(text, "set page_size = 50 "), "%s", text);
    cr_assert(strstr(text, "# cfg:3:1\n"), "%s", text);
    cr_assert(strstr(text, "set api = http://127.0.0.1:8080"), "%s", text);
    cr_assert(strstr(text, "# flag --api\n"));
    cr_assert(strstr(text, "set refresh = 1m "), "%s", text);
    cr_assert(strstr(text, "# built-in\n"));
    /* what --print-config prints is a config regdesk reads back to the same values */
    Config t;
    ConfDoc *again = applied(&t, text);
    cr_assert_eq(again->nwarns, 0, "%s", again->nwarns ? ct_warning(again, 0) : "");
    for (int i = 0; i < SET__COUNT; i++) {
        char a[600];
        snprintf(a, sizeof a, "%s", formatted(&s, (SettingId)i));
        cr_assert_str_eq(formatted(&t, (SettingId)i), a, "%s", config_info((SettingId)i)->name);
    }
    conf_free(again);
    conf_free(d);
    config_free(&t);
    config_free(&s);
    strbuf_free(&out);
}

Test(config, markdown_lists_every_setting)
{
    StrBuf md = STRBUF_INIT;
    config_markdown(&md);
    for (int i = 0; i < SET__COUNT; i++) {
        char want[80];
        snprintf(want, sizeof want, "| `%s` |", config_info((SettingId)i)->name);
        cr_assert(strstr(strbuf_cstr(&md), want), "%s", want);
    }
    cr_assert(strstr(strbuf_cstr(&md), "| `idle_lock` | 0 to 1d (a bare number is in minutes) | `15m` |"), "%s",
              strbuf_cstr(&md));
    strbuf_free(&md);
}

Test(config, the_manual_describes_every_setting)
{
    FILE *f = fopen("src/cli/regdesk-config.5", "r");
    cr_assert_not_null(f, "tests run from the repository root");
    char page[40000];
    size_t n = fread(page, 1, sizeof page - 1, f);
    page[n] = '\0';
    fclose(f);
    for (int i = 0; i < SET__COUNT; i++) {
        char want[80];
        snprintf(want, sizeof want, ".TP\n.B %s\n", config_info((SettingId)i)->name);
        cr_assert(strstr(page, want), "regdesk-config.5 has no entry for %s", config_info((SettingId)i)->name);
    }
}
