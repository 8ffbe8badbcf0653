/* The documentation follows the program: every option `regdesk --help` prints is in the
 * man page and in the README. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../testutil.h"
#include "core/audit.h"

static char *help_text(void)
{
    const char *dir = getenv("REGDESK_BUILD_DIR");
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s/regdesk --help", dir && *dir ? dir : "build");
    FILE *p = popen(cmd, "r");
    cr_assert_not_null(p);
    static char buf[16384];
    size_t n = fread(buf, 1, sizeof buf - 1, p);
    buf[n] = '\0';
    cr_assert_eq(pclose(p), 0, "regdesk --help failed");
    cr_assert_gt(n, 500);
    return buf;
}

/* The roff source with \- turned into -, so "--api" can be searched for. */
static char *man_text(void)
{
    size_t len;
    char *t = tu_read_file("src/cli/regdesk.1", &len);
    char *o = t;
    for (char *p = t; *p; p++) {
        if (p[0] == '\\' && p[1] == '-')
            continue;
        *o++ = *p;
    }
    *o = '\0';
    return t;
}

Test(cli_docs, every_option_in_help_is_in_the_man_page_and_readme)
{
    char *help = help_text(), *man = man_text();
    size_t len;
    char *readme = tu_read_file("README.md", &len);
    int seen = 0;
    for (const char *p = strstr(help, "--"); p; p = strstr(p + 2, "--")) {
        char opt[40];
        size_t n = 2;
        while (n < sizeof opt - 1 && (p[n] == '-' || (p[n] >= 'a' && p[n] <= 'z')))
            n++;
        if (n < 4)
            continue;
        memcpy(opt, p, n);
        opt[n] = '\0';
        cr_assert(strstr(man, opt), "the man page does not mention %s", opt);
        cr_assert(strstr(readme, opt), "the README does not mention %s", opt);
        seen++;
    }
    cr_assert_gt(seen, 20, "the help text lists the options");
    for (const char *cmd = "list\0show\0override\0resend-link\0create\0login\0projects\0audit\0"; *cmd;
         cmd += strlen(cmd) + 1) {
        char want[40];
        snprintf(want, sizeof want, ".B %s", cmd);
        cr_assert(strstr(man, want), "the man page has no entry for %s", cmd);
    }
    free(man);
    free(readme);
}

/* Every key an audit line holds is documented where people look for it. */
Test(cli_docs, every_audit_key_is_in_the_readme_and_the_man_page)
{
    char *man = man_text();
    size_t len, n;
    char *readme = tu_read_file("README.md", &len);
    const char *section = strstr(readme, "### The audit log");
    cr_assert_not_null(section, "the README has an audit log section");
    const char *const *keys = audit_fixed_keys(&n);
    for (size_t i = 0; i < n; i++) {
        char cell[40], bold[40], bold_r[40];
        snprintf(cell, sizeof cell, "`%s`", keys[i]);
        snprintf(bold, sizeof bold, "\n.B %s\n", keys[i]);
        snprintf(bold_r, sizeof bold_r, "\n.BR %s ", keys[i]);
        cr_assert(strstr(section, cell), "the README's audit section does not explain %s", keys[i]);
        cr_assert(strstr(man, bold) || strstr(man, bold_r), "the man page does not name %s", keys[i]);
    }
    free(man);
    free(readme);
}
