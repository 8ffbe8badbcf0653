/* regdesk's command line: global options (anywhere before --), the help text, and the
 * dashboard's own options. */
#include "main/options.h"

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/sort.h"

static const char usage_text[] =
    "usage: regdesk [OPTIONS] [COMMAND [ARGS]]\n"
    "\n"
    "Review Verifik App Registrations. With no command, opens the dashboard.\n"
    "\n"
    "Dashboard (no command):\n"
    "  [--filter EXPR] [--sort KEY] [--columns LIST] [--no-mouse]\n"
    "                       start with this filter, sort and list columns; ? in the\n"
    "                       dashboard lists every key\n"
    "\n"
    "Commands:\n"
    "  list [--filter EXPR] [--sort KEY] [--format table|json|csv|tsv|count]\n"
    "       [--columns LIST] [--mask] [--partial] [--file PATH|-]\n"
    "                       print the registrations that match (every page is fetched,\n"
    "                       or read from a JSON dump with --file, even a list export);\n"
    "                       --mask hides e-mail, phone and document number; a load with\n"
    "                       missing pages prints nothing unless --partial (exit status\n"
    "                       is not 0 either way); sort keys: created updated age status\n"
    "                       flags failed name email, - for descending (default -created)\n"
    "  show ID [--format text|json]\n"
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
    "  --timeout SECONDS    give up on one request after this long (default 60)\n"
    "  -h, --help           this help;  --version  the version\n"
    "\n"
    "The token comes from VERIFIK_TOKEN or the token file (which must be yours, mode 0600);\n"
    "no option takes the token itself, so it never shows in `ps`.\n"
    "\n"
    "Exit status: 0 ok (q in the dashboard too), 2 usage or filter error, 3 network, 4 auth\n"
    "(token missing, refused or expired, login code refused), 5 the API answered with an\n"
    "error or something unreadable, 6 local failure (output, files, a malformed --file);\n"
    "128+N stopped by signal N, the terminal restored first: 129 SIGHUP, 130 Ctrl-C\n"
    "(SIGINT), 143 SIGTERM.\n";

void options_usage(FILE *out)
{
    fputs(usage_text, out);
}

static bool parse_long(const char *s, long lo, long hi, long *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < lo || v > hi)
        return false;
    *out = v;
    return true;
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
        const char **slot = !strcmp(a, "--api")          ? &g->api
                          : !strcmp(a, "--token-file")   ? &g->token_file
                          : !strcmp(a, "--cacert")       ? &g->cacert
                          : !strcmp(a, "--config")       ? &g->config
                                                         : NULL;
        bool numeric = !strcmp(a, "--parallel") || !strcmp(a, "--timeout");
        if (!strcmp(a, "--token")) {
            fprintf(stderr, "regdesk: there is no --token option, so the token never shows in `ps`; "
                            "set VERIFIK_TOKEN or use --token-file\n");
            return EXIT_USAGE;
        }
        if (!strcmp(a, "--allow-http")) {
            g->allow_http = true;
            continue;
        }
        if (!slot && !numeric) {
            argv[out++] = argv[i];
            continue;
        }
        if (i + 1 >= *argc) {
            cli_error("%s needs a value; see regdesk --help", a);
            return EXIT_USAGE;
        }
        const char *v = argv[++i];
        long n;
        if (slot) {
            *slot = v;
        } else if (!strcmp(a, "--parallel") && parse_long(v, 1, 16, &n)) {
            g->parallel = (int)n;
        } else if (!strcmp(a, "--timeout") && parse_long(v, 1, 3600, &n)) {
            g->timeout_s = n;
        } else {
            cli_error("%s takes a number (%s), not \"%s\"", a, !strcmp(a, "--parallel") ? "1-16" : "1-3600 seconds", v);
            return EXIT_USAGE;
        }
    }
    *argc = out;
    argv[out] = NULL;
    return 0;
}

int options_dashboard(int argc, char **argv, UiConfig *ui)
{
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--filter") && i + 1 < argc) {
            ui->filter = argv[++i];
        } else if (!strcmp(argv[i], "--sort") && i + 1 < argc) {
            ui->sort = argv[++i];
        } else if (!strcmp(argv[i], "--columns") && i + 1 < argc) {
            ui->columns = argv[++i];
        } else if (!strcmp(argv[i], "--no-mouse")) {
            ui->mouse = false;
        } else {
            cli_error("unknown option \"%s\" for the dashboard; see regdesk --help", argv[i]);
            return EXIT_USAGE;
        }
    }
    SortSpec spec;
    if (ui->sort && !sort_parse(ui->sort, &spec)) {
        cli_error("unknown sort \"%s\"; use created, updated, age, status, flags, failed, name or email, with - "
                  "for descending", ui->sort);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}
