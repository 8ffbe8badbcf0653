/* regdesk's command line: global options (anywhere before --), the help text, and the
 * dashboard's own options. */
#include "main/options.h"

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/clirun.h"
#include "core/filter.h"
#include "core/timeutil.h"

static const char usage_text[] =
    "usage: regdesk [OPTIONS] [COMMAND [ARGS]]\n"
    "\n"
    "Review Verifik App Registrations. With no command, opens the dashboard.\n"
    "\n"
    "Dashboard (no command):\n"
    "  [--filter EXPR] [--sort KEY] [--columns LIST] [--view NAME] [--no-mouse]\n"
    "  [--refresh SECONDS]  start with this filter, sort, list columns or saved view\n"
    "                       (a view's name or key); the list asks for what changed every\n"
    "                       SECONDS (default 60, 0 = never); ? in the dashboard lists\n"
    "                       every key; personal data is masked (u reveals one record a\n"
    "                       while, with an audit line); e exports the list as shown to a\n"
    "                       new file\n"
    "  --file PATH|-        the dashboard on an export (anything list --file reads; - is\n"
    "                       standard input), read-only and without a token: deciding,\n"
    "                       resend, create and reload say they need the API; a file that\n"
    "                       cannot be read leaves its sentence on screen, and q exits 6\n"
    "\n"
    "Commands:\n"
    "  list [--view NAME] [--filter EXPR] [--sort KEY]\n"
    "       [--format table|json|csv|tsv|count] [--columns LIST] [--mask|--no-mask]\n"
    "       [--partial] [--file PATH|-]\n"
    "                       print the registrations that match (every page is fetched,\n"
    "                       or read from a JSON dump with --file, even a list export);\n"
    "                       on a terminal (or with --mask, not with --no-mask) e-mail,\n"
    "                       phone, document number and IP are masked; a load with\n"
    "                       missing pages, or stopped by a cap, prints nothing unless\n"
    "                       --partial (exit status is not 0 either way); sort keys:\n"
    "                       created updated age status flags failed name email, - for\n"
    "                       descending (default -created); --view runs a saved view (its\n"
    "                       name or key; --filter narrows it)\n"
    "  show ID [--format text|json] [--mask|--no-mask]\n"
    "                       one registration: why it needs review or why it is stuck first,\n"
    "                       then validations, red flags, failed attempts, review history\n"
    "  override ID --status COMPLETED|COMPLETED_WITHOUT_KYC|FAILED --note TEXT\n"
    "       [--force] [--dry-run]\n"
    "                       resolve a manual review (the note is required); a no-op is\n"
    "                       refused, a change away from a final status needs --force;\n"
    "                       --dry-run prints the request and sends nothing\n"
    "  resend-link ID [--email] [--reveal-link]\n"
    "                       a new 30-minute continuation link for the applicant, printed\n"
    "                       with its token masked unless --reveal-link\n"
    "  create --project P --flow F (--email E | --phone N --country-code +C) [--language L]\n"
    "                       a new registration; regdesk projects lists the ids\n"
    "  projects [--format text|json]\n"
    "                       the projects and flows the API knows, with their ids (derived\n"
    "                       from the registrations when the API has no projects list)\n"
    "  login --email E      ask for the e-mailed one-time code (read from the terminal\n"
    "                       without echo, or from stdin) and store the token (mode 0600)\n"
    "  audit [--since DATE] [--format table|json]\n"
    "                       the audit log (~/.local/state/regdesk/audit.log): one line per\n"
    "                       override, resend-link and create; --since 2026-12-01 or 7d\n"
    "\n"
    "Options (any position before --):\n"
    "  --api URL            API address (env REGDESK_API, config `api`; default " DEFAULT_API ")\n"
    "  --token-file PATH    token file (config `token_file`; default ~/.config/regdesk/token)\n"
    "  --allow-http         allow plain http to a host that is not loopback\n"
    "  --cacert FILE        trust this CA bundle for the API's certificate\n"
    "  --config FILE        config file (default ~/.config/regdesk/config)\n"
    "  --parallel N         pages fetched at once during a full load (1-16, default 4)\n"
    "  --timeout SECONDS    give up on one request after this long, retries included\n"
    "                       (default 60)\n"
    "  --theme NAME|FILE    colours: default, light, high-contrast, solarized, monochrome, a\n"
    "                       NAME.theme of ~/.config/regdesk/themes, or a theme file; T in\n"
    "                       the dashboard shows the next; NO_COLOR keeps attributes only\n"
    "  --print-config       every setting in effect and where it came from (never the token)\n"
    "  --check-config       read the config and its themes, print every mistake with its\n"
    "                       file:line:column; exit status 0 when there is none, else 2\n"
    "  --print-keys         every key binding in effect (the config's bind lines applied)\n"

    "  -h, --help           this help;  --version  the version\n"
    "\n"
    "The token comes from VERIFIK_TOKEN or the token file (which must be yours, mode 0600);\n"
    "no option takes the token itself, so it never shows in `ps`.\n"
    "\n"
    "Exit status: 0 ok (q in the dashboard too), 2 usage or filter error, 3 network, 4 auth\n"
    "(token missing, refused or expired, login code refused), 5 the API answered with an\n"
    "error or something unreadable or kept announcing pages, 6 local failure (output,\n"
    "files, a malformed --file, a load that reached max_records or max_memory_mb);\n"
    "128+N stopped by signal N, the terminal restored first: 129 SIGHUP, 130 Ctrl-C\n"
    "(SIGINT), 143 SIGTERM.\n";

void options_usage(FILE *out)
{
    fputs(usage_text, out);
}

/* The global options that are settings, and the switches that set one. */
static const struct {
    const char *flag;
    SettingId id;
    const char *switch_value; /* NULL: the option takes a value */
} global_flags[] = {
    { "--api", SET_API, NULL },        { "--token-file", SET_TOKEN_FILE, NULL }, { "--cacert", SET_CACERT, NULL },
    { "--parallel", SET_PARALLEL, NULL }, { "--timeout", SET_TIMEOUT, NULL }, { "--theme", SET_THEME, NULL },
    { "--allow-http", SET_ALLOW_HTTP, "yes" },
};

bool options_apply(Config *cfg, const FlagSetting *f)
{
    char why[400];
    if (config_set(cfg, f->id, f->value, setting_from_flag(f->flag), why, sizeof why))
        return true;
    cli_error("%s: %s", f->flag, why);
    return false;
}

/* A global switch of its own (not a setting); false when a is none. */
static bool take_switch(const char *a, Globals *g)
{
    bool *sw = !strcmp(a, "--print-config") ? &g->print_config
             : !strcmp(a, "--check-config") ? &g->check_config
             : !strcmp(a, "--print-keys")   ? &g->print_keys
                                            : NULL;
    if (sw)
        *sw = true;
    return sw != NULL;
}

int options_take_globals(int *argc, char **argv, Globals *g)
{
    int out = 1;
    for (int i = 1; i < *argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) { /* the end of options: it and the rest go on untouched */
            while (i < *argc)
                argv[out++] = argv[i++];
            break;
        }
        if (!strcmp(a, "--token")) {
            fprintf(stderr, "regdesk: there is no --token option, so the token never shows in `ps`; "
                            "set VERIFIK_TOKEN or use --token-file\n");
            return EXIT_USAGE;
        }
        if (take_switch(a, g))
            continue;
        size_t k = 0;
        while (k < sizeof global_flags / sizeof *global_flags && strcmp(a, global_flags[k].flag))
            k++;
        bool config = !strcmp(a, "--config");
        if (k == sizeof global_flags / sizeof *global_flags && !config) {
            argv[out++] = argv[i];
            continue;
        }
        const char *v = config || !global_flags[k].switch_value ? argv[i + 1] : global_flags[k].switch_value;
        if (!v) {
            cli_error(QS " needs a value; see regdesk --help", a);
            return EXIT_USAGE;
        }
        if (v == argv[i + 1])
            i++;
        if (config)
            g->config = v;
        else if (g->nset < FLAGS_MAX)
            g->set[g->nset++] = (FlagSetting){ global_flags[k].id, v, global_flags[k].flag };
    }
    *argc = out;
    argv[out] = NULL;
    return 0;
}

/* A --filter that does not parse is refused in the words `regdesk list --filter` uses: the
 * sentence, the expression and a caret under the bad term. */
static bool filter_parses(const char *expr)
{
    FilterError fe;
    Filter *f = filter_compile(expr, time_now_ms(), &fe);
    if (!f) {
        cli_filter_error(stderr, expr, &fe);
        return false;
    }
    filter_free(f);
    return true;
}

int options_dashboard(int argc, char **argv, Config *cfg, const char **file)
{
    *file = NULL;
    static const struct {
        const char *flag;
        SettingId id;
    } with_value[] = { { "--filter", SET_FILTER }, { "--sort", SET_SORT }, { "--columns", SET_COLUMNS },
                       { "--view", SET_START_VIEW }, { "--refresh", SET_REFRESH } };
    for (int i = 1; i < argc; i++) {
        FlagSetting f = { SET_MOUSE, "no", "--no-mouse" };
        size_t k = 0;
        while (k < sizeof with_value / sizeof *with_value && strcmp(argv[i], with_value[k].flag))
            k++;
        if (!strcmp(argv[i], "--file") && i + 1 < argc) {
            *file = argv[++i];
            continue;
        }
        if (k < sizeof with_value / sizeof *with_value && i + 1 < argc) {
            f = (FlagSetting){ with_value[k].id, argv[++i], with_value[k].flag };
            if (f.id == SET_FILTER && !filter_parses(f.value))
                return EXIT_USAGE;
        } else if (strcmp(argv[i], "--no-mouse")) {
            cli_error("unknown option \"" QS "\" for the dashboard; see regdesk --help", argv[i]);
            return EXIT_USAGE;
        }
        if (!options_apply(cfg, &f))
            return EXIT_USAGE;
    }
    return EXIT_OK;
}
