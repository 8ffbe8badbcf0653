/* The config file: every key, comments and quoting, and errors that name file:line. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf/config.h"

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

static bool load(const char *text, Config *cfg, char *err, size_t n, char *path)
{
    write_tmp(path, text);
    bool ok = config_load(path, true, cfg, err, n);
    unlink(path);
    return ok;
}

Test(cli_config, every_key)
{
    char path[64], err[400] = "";
    Config c;
    setenv("HOME", "/home/carla", 1);
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
    cr_assert(load(text, &c, err, sizeof err, path), "%s", err);
    cr_assert_str_eq(c.api, "https://api.example.test/base");
    cr_assert_str_eq(c.token_file, "/home/carla/.secrets/verifik");
    cr_assert_str_eq(c.cacert, "/etc/ssl/private-ca.pem");
    cr_assert(c.have_allow_http && c.allow_http);
    cr_assert_eq(c.parallel, 8);
    cr_assert_eq(c.page_size, 50);
    cr_assert_eq(c.retries, 0, "0 means no retries, not 'unset'");
    cr_assert_eq(c.connect_timeout_s, 5);
    cr_assert_eq(c.timeout_s, 120);
    cr_assert_eq(c.max_response_mb, 64);
    cr_assert_str_eq(c.filter, "  status:review age>1d  ", "quotes keep the blanks");
    cr_assert_str_eq(c.sort, "-age");
    cr_assert(c.have_mouse && !c.mouse);
}

Test(cli_config, unset_values_and_missing_files)
{
    char err[400] = "";
    Config c;
    cr_assert(config_load("/nonexistent/regdesk/config", false, &c, err, sizeof err), "the default may be missing");
    cr_assert_eq(c.retries, -1);
    cr_assert_eq(c.parallel, 0);
    cr_assert_not(c.have_mouse || c.have_allow_http);
    cr_assert_not(config_load("/nonexistent/regdesk/config", true, &c, err, sizeof err), "--config must exist");
    cr_assert(strstr(err, "cannot read config file /nonexistent/regdesk/config"), "%s", err);
    char path[64];
    cr_assert(load("# only a comment\n\n   \n", &c, err, sizeof err, path), "%s", err);
    cr_assert_eq(c.retries, -1);
}

typedef struct BadLine {
    const char *text;
    int line;
    const char *expect;
} BadLine;

Test(cli_config, bad_lines_name_file_line_and_what_is_allowed)
{
    static const BadLine bad[] = {
        { "parallel = 4\ncolour = red\n", 2, "unknown key \"colour\"; the keys are api, token_file" },
        { "parallel = 0\n", 1, "parallel must be a whole number from 1 to 16, not \"0\"" },
        { "\n\nparallel = 17\n", 3, "from 1 to 16" },
        { "page_size = 1O0\n", 1, "page_size must be a whole number from 1 to 100" },
        { "retries = -1\n", 1, "retries must be a whole number from 0 to 10" },
        { "timeout = 99999999999999999999\n", 1, "timeout must be a whole number from 1 to 3600" },
        { "allow_http = maybe\n", 1, "allow_http must be yes or no, not \"maybe\"" },
        { "mouse =\n", 1, "mouse must be yes or no" },
        { "api = ftp://x\n", 1, "api must be an https:// address" },
        { "token_file =\n", 1, "token_file needs a value" },
        { "sort = colour\n", 1, "sort must be created, updated, age" },
        { "filter = stauts:x\n", 1, "filter: unknown field" },
        { "just some words\n", 1, "expected `key = value`" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char path[64], err[400] = "", want[100];
        Config c;
        cr_assert_not(load(bad[i].text, &c, err, sizeof err, path), "accepted: %s", bad[i].text);
        snprintf(want, sizeof want, "%s:%d: ", path, bad[i].line);
        cr_assert(!strncmp(err, want, strlen(want)), "\"%s\" does not start with \"%s\"", err, want);
        cr_assert(strstr(err, bad[i].expect), "\"%s\" lacks \"%s\"", err, bad[i].expect);
    }
}

Test(cli_config, an_error_message_cannot_carry_escapes)
{
    char path[64], err[400] = "";
    Config c;
    cr_assert_not(load("\x1b]0;pwn\x07 = 1\n", &c, err, sizeof err, path));
    cr_assert_null(strchr(err, '\x1b'));
    cr_assert_null(strchr(err, '\x07'));
    cr_assert(strstr(err, "unknown key"), "%s", err);
}

Test(cli_config, default_path_follows_xdg)
{
    char buf[256];
    setenv("XDG_CONFIG_HOME", "/xdg", 1);
    config_default_path(buf, sizeof buf);
    cr_assert_str_eq(buf, "/xdg/regdesk/config");
    unsetenv("XDG_CONFIG_HOME");
    setenv("HOME", "/home/lucia", 1);
    config_default_path(buf, sizeof buf);
    cr_assert_str_eq(buf, "/home/lucia/.config/regdesk/config");
}
