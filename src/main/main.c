/* regdesk's process: hardening, the command line, the settings, libcurl's global state,
 * then a subcommand (src/cli) or the dashboard (src/ui). Neither calls the other. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include "cli/cli.h"
#include "core/buildinfo.h"
#include "core/parse_version.h"
#include "main/conffile.h"
#include "main/options.h"
#include "main/settings.h"
#include "net/version.h"
#include "net/worker.h"
#include "ui/ui.h"
#include "ui/version.h"

/* No core dumps and no same-user ptrace: the token and customer data live in memory. A
 * file size limit (ulimit -f) is an error with a sentence (local/safefile), not a kill. */
static void process_harden(void)
{
    struct rlimit no_core = { 0, 0 };
    setrlimit(RLIMIT_CORE, &no_core);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    signal(SIGXFSZ, SIG_IGN);
}

static int dashboard(Settings *s, int argc, char **argv)
{
    int rc = settings_dashboard(s, argc, argv);
    if (rc)
        return rc;
    char why[400];
    rc = ui_run(&s->ui, why, sizeof why);
    if (*why)
        cli_error("%s", why); /* quotes --columns, TERM or a test hook's value: sanitised */
    return rc;
}

/* --print-config or --print-keys: to stdout, with the start-up warnings on stderr. */
static int report(const Settings *s, bool keys)
{
    StrBuf out = STRBUF_INIT;
    if (keys)
        keymap_print(&s->keymap, &out);
    else
        settings_print(s, &out);
    fputs(strbuf_cstr(&out), stdout);
    strbuf_free(&out);
    if (s->nwarnings)
        fprintf(stderr, "%s", strbuf_cstr(&s->warnings));
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_INTERNAL;
}

/* What a bug report needs: the version, the libraries as loaded (not as built against),
 * and where themes are looked for. */
static int version(void)
{
    char curl[200], dirs[CONFFILE_THEME_DIRS][512];
    net_library_version(curl, sizeof curl);
    printf("regdesk %s\n  %s\n  libcurl %s\n  cJSON %s\n  themes:", buildinfo_version, ui_library_version(),
           curl, parse_library_version());
    int n = conffile_theme_dirs(dirs);
    for (int i = 0; i < n; i++)
        printf(" %s%s", dirs[i], i + 1 < n ? "," : "\n");
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_INTERNAL;
}

int main(int argc, char **argv)
{
    process_harden();
    Globals g = { 0 };
    int rc = options_take_globals(&argc, argv, &g);
    if (rc)
        return rc;
    if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help"))) {
        options_usage(stdout);
        return EXIT_OK;
    }
    if (argc > 1 && !strcmp(argv[1], "--version"))
        return version();
    Settings s;
    rc = settings_load(&s, &g);
    char err[400];
    if (g.check_config || g.print_config || g.print_keys) {
        rc = g.check_config ? (settings_check(&s, stdout) || rc ? EXIT_USAGE : EXIT_OK) : rc ? rc : report(&s, g.print_keys);
    } else if (!rc && !worker_global_init(err, sizeof err)) {
        cli_error("%s", err);
        rc = EXIT_INTERNAL;
    } else if (!rc) {
        bool command = argc > 1 && argv[1][0] != '-';
        rc = command ? cli_command(&s.cli, argc - 1, argv + 1) : dashboard(&s, argc, argv);
        worker_global_cleanup();
    }
    settings_free(&s);
    return rc;
}
