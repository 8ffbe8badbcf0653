/* main's settings (main/settings.c): the config file through the configuration
 * language, the environment and the flags, with precedence and sources; an old config
 * file means what it meant; mistakes are warnings and the rest applies. */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "main/settings.h"

/* Writes text to a fresh temporary file; its path goes to path (64 bytes). */
static void write_tmp(char *path, const char *text)
{
    snprintf(path, 64, "/tmp/regdesk-cfg-XXXXXX");
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    size_t len = strlen(text);
    cr_assert_eq(write(fd, text, len), (ssize_t)len);
    close(fd);
}

/* settings_load with --config naming a file holding text (and the flags given). */
static int load(Settings *s, const char *text, const FlagSetting *flags, size_t nflags)
{
    char path[64];
    write_tmp(path, text);
    Globals g = { .config = path };
    for (size_t i = 0; i < nflags; i++)
        g.set[g.nset++] = flags[i];
    unsetenv("REGDESK_API");
    int rc = settings_load(s, &g);
    unlink(path);
    return rc;
}

Test(main_settings, an_old_config_file_means_what_it_meant)
{
    setenv("HOME", "/home/carla", 1);
    Settings s;
    const char *text = "# regdesk config\n"
                       "\n"
                       "api = https://api.example.test/base\n"
                       "   token_file=~/.secrets/verifik   \n"
                       "cacert = /etc/ssl/private-ca.pem\n"
                       "allow_http = yes\n"
                       "parallel = 8\n"
                       "page_size = 50\n"
                       "retries = 0\n"
                       "connect_timeout = 5\n"
                       "timeout = 120\n"
                       "max_response_mb = 64\n"
                       "filter = \"  status:review age>1d  \"\n"
                       "sort = -age\n"
                       "mouse = off\r\n";
    cr_assert_eq(load(&s, text, NULL, 0), 0);
    cr_assert_eq(s.nwarnings, 0, "no warning for the original form: %s", strbuf_cstr(&s.warnings));
    const WorkerConfig *w = &s.cli.worker;
    cr_assert_str_eq(w->base.host, "api.example.test");
    cr_assert_str_eq(s.cli.token_file, "/home/carla/.secrets/verifik");
    cr_assert_str_eq(w->cacert, "/etc/ssl/private-ca.pem");
    cr_assert_eq(w->parallel, 8);
    cr_assert_eq(w->page_size, 50);
    cr_assert_eq(w->max_retries, 0, "0 means no retries, not 'unset'");
    cr_assert_eq(w->connect_timeout_ms, 5000);
    cr_assert_eq(w->total_timeout_ms, 120000);
    cr_assert_eq(w->max_response, (size_t)64 << 20);
    cr_assert_str_eq(config_str(&s.config, SET_FILTER), "  status:review age>1d  ", "quotes keep the blanks");
    cr_assert_str_eq(config_str(&s.config, SET_SORT), "-age");
    cr_assert_not(config_bool(&s.config, SET_MOUSE));
    settings_free(&s);
}

Test(main_settings, no_config_file_is_the_built_in_settings)
{
    setenv("HOME", "/nonexistent-home", 1);
    unsetenv("XDG_CONFIG_HOME");
    unsetenv("REGDESK_API");
    Settings s;
    Globals g = { 0 };
    cr_assert_eq(settings_load(&s, &g), 0);
    cr_assert_not(s.config_read);
    cr_assert_eq(s.nwarnings, 0);
    cr_assert_str_eq(s.cli.worker.base.host, "api.verifik.co");
    cr_assert_null(s.cli.token_file, "the default token file: net/token's own rule and message");
    cr_assert_str_eq(config_str(&s.config, SET_TOKEN_FILE), "/nonexistent-home/.config/regdesk/token");
    cr_assert_eq(s.nviews, VIEWS_KEYS, "the built-in views");
    cr_assert_str_eq(s.config_path, "/nonexistent-home/.config/regdesk/config");
    settings_free(&s);
    setenv("XDG_CONFIG_HOME", "/xdg", 1);
    cr_assert_eq(settings_load(&s, &g), 0);
    cr_assert_str_eq(s.config_path, "/xdg/regdesk/config", "the config follows XDG_CONFIG_HOME");
    unsetenv("XDG_CONFIG_HOME");
    settings_free(&s);
}

Test(main_settings, a_missing_config_named_with_a_flag_is_an_error, .init = cr_redirect_stderr)
{
    Settings s;
    Globals g = { .config = "/nonexistent/regdesk/config" };
    cr_assert_eq(settings_load(&s, &g), EXIT_USAGE);
    settings_free(&s);
    fflush(stderr);
    cr_assert_stderr_eq_str("regdesk: the config file named with --config: cannot read /nonexistent/regdesk/config: "
                            "No such file or directory\n");
}

Test(main_settings, mistakes_are_warnings_and_the_rest_applies)
{
    setenv("HOME", "/home/carla", 1);
    Settings s;
    const char *text = "parallel = 4\n"
                       "colour = red\n"
                       "parallel = 17\n"
                       "\x1b]0;pwn\x07 = 1\n"
                       "page_size = 20\n"
                       "view \"Mine\" = stauts:x\n"
                       "set start_view = Nope\n";
    cr_assert_eq(load(&s, text, NULL, 0), 0, "a config full of mistakes does not stop regdesk");
    cr_assert_eq(s.nwarnings, 5, "%s", strbuf_cstr(&s.warnings));
    const char *w = strbuf_cstr(&s.warnings);
    cr_assert(strstr(w, ":2:1: unknown setting \"colour\""), "%s", w);
    cr_assert(strstr(w, ":3:12: parallel must be a whole number from 1 to 16, not \"17\""), "%s", w);
    cr_assert(strstr(w, ":4:1: a control character (U+001B)"), "%s", w);
    cr_assert(strstr(w, ":6:15: view \"Mine\": unknown field 'stauts'"), "%s", w);
    cr_assert(strstr(w, ":7:1: start_view \"Nope\" is not a saved view"), "%s", w);
    cr_assert_null(strchr(w, '\x1b'), "no escape reaches a message");
    cr_assert_null(strchr(w, '\x07'));
    cr_assert_eq(s.cli.worker.parallel, 4, "the good line before the bad one stays");
    cr_assert_eq(s.cli.worker.page_size, 20, "and the lines after apply");
    cr_assert_eq(s.nviews, VIEWS_KEYS, "the bad view is left out");
    settings_free(&s);
}

Test(main_settings, flags_win_over_the_environment_over_the_config)
{
    Settings s;
    const FlagSetting flags[] = { { SET_PARALLEL, "12", "--parallel" } };
    char path[64];
    write_tmp(path, "api = https://config.example.test\nparallel = 2\npage_size = 30\n");
    Globals g = { .config = path, .set = { flags[0] }, .nset = 1 };
    setenv("REGDESK_API", "https://env.example.test", 1);
    cr_assert_eq(settings_load(&s, &g), 0);
    unsetenv("REGDESK_API");
    unlink(path);
    cr_assert_str_eq(s.cli.worker.base.host, "env.example.test");
    cr_assert_eq(s.cli.worker.parallel, 12);
    cr_assert_eq(s.cli.worker.page_size, 30);
    StrBuf out = STRBUF_INIT;
    settings_print(&s, &out);
    const char *p = strbuf_cstr(&out);
    cr_assert(strstr(p, "set api = https://env.example.test") && strstr(p, "# environment REGDESK_API\n"), "%s", p);
    cr_assert(strstr(p, "set parallel = 12 ") && strstr(p, "# flag --parallel\n"), "%s", p);
    cr_assert(strstr(p, "set page_size = 30 ") && strstr(p, ":3:1\n"), "%s", p);
    cr_assert(strstr(p, "set timeout = 1m ") && strstr(p, "# built-in\n"), "%s", p);
    strbuf_free(&out);
    settings_free(&s);
}

Test(main_settings, a_bad_flag_stops_with_a_sentence, .init = cr_redirect_stderr)
{
    Settings s;
    const FlagSetting flags[] = { { SET_TIMEOUT, "forever", "--timeout" } };
    cr_assert_eq(load(&s, "", flags, 1), EXIT_USAGE);
    settings_free(&s);
    fflush(stderr);
    cr_assert_stderr_eq_str("regdesk: --timeout: timeout must be a duration: a number of seconds, or with units like "
                            "90s, 15m, 1h30m or 2d; not \"forever\"\n");
}

Test(main_settings, an_api_the_worker_cannot_use_is_not_replaced, .init = cr_redirect_stderr)
{
    Settings s;
    cr_assert_eq(load(&s, "\n\napi = http://api.example.test\n", NULL, 0), EXIT_USAGE,
                 "no fallback to another address: the token would go somewhere unasked");
    settings_free(&s);
    fflush(stderr);
    FILE *f = cr_get_redirected_stderr();
    char buf[600] = "";
    cr_assert(fgets(buf, sizeof buf, f));
    cr_assert(strstr(buf, "(api, from /tmp/regdesk-cfg-") && strstr(buf, ":3:1)"), "%s", buf);
}

Test(main_settings, views_from_the_config_follow_the_built_in_ones)
{
    Settings s;
    cr_assert_eq(load(&s, "view \"Mine\" = email:@example.org sort:-updated\nview Overdue = status:review age>36h\n",
                      NULL, 0),
                 0);
    cr_assert_eq(s.nviews, 10);
    cr_assert_str_eq(s.views[9].name, "Mine");
    cr_assert_str_eq(s.views[5].filter, "status:review age>36h", "a built-in view redefined in its place");
    cr_assert_eq(s.cli.nviews, 10, "regdesk list --view sees the same views");
    settings_free(&s);
    cr_assert_eq(load(&s, "set builtin_views = no\nview \"Mine\" = email:@example.org\n", NULL, 0), 0);
    cr_assert_eq(s.nviews, 1);
    cr_assert_str_eq(s.views[0].name, "Mine");
    settings_free(&s);
}

Test(main_settings, includes_are_relative_to_the_including_file)
{
    char dir[] = "/tmp/regdesk-inc-XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    char main_path[128], part[128];
    snprintf(main_path, sizeof main_path, "%s/config", dir);
    snprintf(part, sizeof part, "%s/team.conf", dir);
    FILE *f = fopen(part, "w");
    fputs("page_size = 25\nset bogus = 1\n", f);
    fclose(f);
    f = fopen(main_path, "w");
    fputs("include team.conf\nparallel = 3\n", f);
    fclose(f);
    Settings s;
    Globals g = { .config = main_path };
    cr_assert_eq(settings_load(&s, &g), 0);
    cr_assert_eq(s.cli.worker.page_size, 25);
    cr_assert_eq(s.cli.worker.parallel, 3);
    cr_assert_eq(s.nwarnings, 1);
    cr_assert(strstr(strbuf_cstr(&s.warnings), "team.conf:2:5: unknown setting \"bogus\""), "%s",
              strbuf_cstr(&s.warnings));
    settings_free(&s);
    unlink(part);
    unlink(main_path);
    rmdir(dir);
}

Test(main_settings, check_config_says_there_is_nothing_or_lists_it)
{
    Settings s;
    cr_assert_eq(load(&s, "page_size = 50\n", NULL, 0), 0);
    FILE *out = tmpfile();
    cr_assert_eq(settings_check(&s, out), EXIT_OK);
    rewind(out);
    char line[300] = "";
    cr_assert(fgets(line, sizeof line, out) && strstr(line, ": no mistakes"), "%s", line);
    fclose(out);
    settings_free(&s);
    cr_assert_eq(load(&s, "page_size = 500\n", NULL, 0), 0);
    out = tmpfile();
    cr_assert_eq(settings_check(&s, out), EXIT_USAGE);
    rewind(out);
    cr_assert(fgets(line, sizeof line, out) && strstr(line, ":1:13: page_size must be"), "%s", line);
    cr_assert(fgets(line, sizeof line, out) && strstr(line, "1 mistake; regdesk starts anyway"), "%s", line);
    fclose(out);
    settings_free(&s);
}

/* A private $XDG_CONFIG_HOME with a theme of one's own in it; its path in dir. */
static void xdg_with_theme(char *dir, size_t n, const char *name, const char *text)
{
    snprintf(dir, n, "/tmp/regdesk-xdg-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/regdesk", dir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/regdesk/themes", dir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/regdesk/themes/%s.theme", dir, name);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
    setenv("XDG_CONFIG_HOME", dir, 1);
}

static void rm_tree(const char *dir)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
    unsetenv("XDG_CONFIG_HOME");
}

static int theme_named(const Settings *s, const char *name)
{
    for (size_t i = 0; i < s->themes.n; i++)
        if (!strcmp(s->themes.themes[i].name, name))
            return (int)i;
    return -1;
}

Test(main_settings, themes_are_found_and_the_configs_colours_go_over_each)
{
    char dir[64];
    xdg_with_theme(dir, sizeof dir, "mine", "color warn red default\ncolor bad gren default\n");
    Settings s;
    cr_assert_eq(load(&s, "set theme = mine\ncolor badge-review magenta default bold\n", NULL, 0), 0);
    cr_assert_str_eq(s.themes.themes[0].name, "default", "default first, then by name");
    int mine = theme_named(&s, "mine"), light = theme_named(&s, "light");
    cr_assert_geq(mine, 0, "a theme of one's own, from $XDG_CONFIG_HOME/regdesk/themes");
    cr_assert_geq(light, 0, "the shipped themes, from the source tree");
    cr_assert_geq(theme_named(&s, "high-contrast"), 0);
    cr_assert_geq(theme_named(&s, "solarized"), 0);
    cr_assert_geq(theme_named(&s, "monochrome"), 0);
    cr_assert_eq(s.themes.active, (size_t)mine);
    for (size_t i = 0; i < s.themes.n; i++) {
        const ThemeRule *r = &s.themes.themes[i].rules.rule[SL_BADGE_REVIEW];
        cr_assert(r->set && r->fg.alt[0] == 5, "the config's color line over %s", s.themes.themes[i].name);
    }
    cr_assert_eq(s.themes.themes[mine].rules.rule[SL_WARN].fg.alt[0], 1, "the theme's own line stays");
    cr_assert_eq(s.nwarnings, 1, "the active theme's mistake is a start-up warning: %s", strbuf_cstr(&s.warnings));
    cr_assert(strstr(strbuf_cstr(&s.warnings), "mine.theme:2:11: unknown colour \"gren\"; did you mean \"green\"?"),
              "%s", strbuf_cstr(&s.warnings));
    settings_free(&s);
    rm_tree(dir);
}

Test(main_settings, a_theme_that_is_not_there, .init = cr_redirect_stderr)
{
    Settings s;
    cr_assert_eq(load(&s, "\nset theme = nope\n", NULL, 0), 0, "from the config: a warning, and the default");
    cr_assert_eq(s.themes.active, 0);
    cr_assert(strstr(strbuf_cstr(&s.warnings), ":2:1: no theme \"nope\"; the themes are default, high-contrast, light"),
              "%s", strbuf_cstr(&s.warnings));
    settings_free(&s);
    const FlagSetting flags[] = { { SET_THEME, "nope", "--theme" } };
    cr_assert_eq(load(&s, "", flags, 1), EXIT_USAGE, "from the command line: an error");
    settings_free(&s);
    const FlagSetting by_path[] = { { SET_THEME, "themes/light.theme", "--theme" } };
    cr_assert_eq(load(&s, "", by_path, 1), 0);
    cr_assert_str_eq(s.themes.themes[s.themes.active].name, "light", "a theme file by its path");
    cr_assert_str_eq(s.themes.active_file, "themes/light.theme");
    settings_free(&s);
    fflush(stderr);
    FILE *f = cr_get_redirected_stderr();
    char line[400] = "";
    cr_assert(fgets(line, sizeof line, f) && strstr(line, "--theme: no theme \"nope\"; the themes are default"), "%s",
              line);
}

/* set sla reaches the dashboard (colour, counts) and the Overdue view both use. */
Test(main_settings, the_sla_setting_reaches_the_dashboard_and_the_overdue_view)
{
    setenv("HOME", "/nonexistent-home", 1);
    Settings s;
    cr_assert_eq(load(&s, "set sla = 8h\n", NULL, 0), 0);
    char *argv[] = { "regdesk", NULL };
    setenv("VERIFIK_TOKEN", "tok-for-settings-test", 1);
    cr_assert_eq(settings_dashboard(&s, 1, argv), 0);
    unsetenv("VERIFIK_TOKEN");
    cr_assert_eq(s.ui.sla_ms, 8 * 3600 * 1000LL);
    int k = views_find(s.views, s.nviews, "Overdue");
    cr_assert_geq(k, 0);
    cr_assert_str_eq(s.views[k].filter, "status:review waiting>8h");
    settings_free(&s);
}
