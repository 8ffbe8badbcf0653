#include "sim/sim_opts.h"

#include <cJSON.h>
#include <errno.h>
#include <getopt.h>
#include <microhttpd.h>
#include <stdlib.h>
#include <string.h>

#include "core/buildinfo.h"
#include "core/timeutil.h"
#include "core/xalloc.h"
#include "sim/sim_rng.h"

enum { MAX_COUNT = 10000000 };

static const char DEFAULT_BLOCKED[] =
    "mailinator.com,yopmail.com,guerrillamail.com,10minutemail.com,blocked.example";

void sim_opts_usage(FILE *out)
{
    fputs(
        "usage: regdesk-sim [options]\n"
        "A simulator of the Verifik App Registrations API for regdesk's demo and tests.\n"
        "It is NOT Verifik: it serves invented, deterministic data on 127.0.0.1 only.\n"
        "\n"
        "  --port N           port on 127.0.0.1 (default 0: any free port)\n"
        "  --count N          registrations to generate (default 5000, at most 10000000)\n"
        "  --seed S           dataset seed, a number or any string (default 1)\n"
        "  --now ISO          the dataset's \"now\" (default: the start time); fix it for\n"
        "                     byte-identical output across runs\n"
        "  --token T          accepted bearer token (default demo-token)\n"
        "  --expire-after N   a token expires after N requests (403 expired_token)\n"
        "  --hostile          about 1 in 5 registrations carry escape sequences, invalid\n"
        "                     UTF-8, huge or deeply nested values and wrong types\n"
        "  --fault SPEC       inject faults: KEY=PROBABILITY,... (their sum at most 1),\n"
        "                     drawn from the seed, each counted in /__sim/stats; e.g.\n"
        "                     latency=300,error=0.1,429=0.1,truncate=0.05,reset=0.05\n"
        "                     any route: error (500/503), 429, truncate, malformed,\n"
        "                     reset, slow (a drip over slow-ms), huge (huge-mb MiB),\n"
        "                     html (a 502 page), trickle (1 byte per trickle-ms), hang\n"
        "                     (accept, never answer), redirect (302 to redirect-to, by\n"
        "                     default this server), deep (deep-levels nested arrays),\n"
        "                     empty ({}), wrongtype ({\"data\":\"...\"}), echo (401\n"
        "                     quoting the Authorization header back)\n"
        "                     retrieve: otherid (another registration), aslist (a list)\n"
        "                     list: dupes (page k starts (k-1)*dupes-n early), drift (total\n"
        "                     grows drift-n per page), endless (full pages, no total),\n"
        "                     growing (always one page more), wrongpage (page 1\n"
        "                     whatever was asked), wronglimit (half the page size)\n"
        "                     tuning: latency=MS (every request), retry-after=S,\n"
        "                     slow-ms=MS, huge-mb=N, trickle-ms=MS, hang-ms=MS,\n"
        "                     redirect-to=http://127.0.0.1:PORT, deep-levels=N,\n"
        "                     dupes-n=N, drift-n=N, only=ROUTE (one route's requests:\n"
        "                     only=sync)\n"
        "  --block-domains L  comma-separated e-mail domains create refuses\n"
        "                     (default mailinator.com,yopmail.com,... blocked.example)\n"
        "  --no-projects      serve no projects list (GET /v3/projects answers 404), like\n"
        "                     an API without one\n"
        "  --same-person      every registration has one person's name, e-mail, phone,\n"
        "                     document number and creation time (degenerate data)\n"
        "  --verbose          log each request with its server time (us) to stderr\n"
        "  --help             this text;  --version  the version and libraries\n"
        "\n"
        "The first line on stdout is \"listening on http://127.0.0.1:PORT\".\n"
        "The e-mail login accepts the demo OTP 123456; an override made with the token it\n"
        "gives names that e-mail as its reviewer. GET /__sim/stats shows counters;\n"
        "POST /__sim/reset-stats zeroes them; POST /__sim/faults?on=0 pauses --fault\n"
        "(and its latency), on=1 resumes it; POST /__sim/expire?after=N expires every\n"
        "token after N more API requests. See regdesk-sim(1).\n",
        out);
}

void sim_opts_version(FILE *out)
{
    fprintf(out, "regdesk-sim %s\n  libmicrohttpd %s\n  cJSON %s\n", buildinfo_version, MHD_get_version(),
            cJSON_Version());
}

static bool parse_ulong(const char *s, unsigned long max, unsigned long *out)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || end == s || *end || *s == '-' || v > max)
        return false;
    *out = v;
    return true;
}

static void set_blocked(SimConfig *cfg, const char *list)
{
    sim_opts_free(cfg);
    char *copy = xstrdup(list), *save = NULL;
    for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        cfg->blocked_domains = xrealloc(cfg->blocked_domains,
                                        (cfg->n_blocked + 1) * sizeof *cfg->blocked_domains);
        cfg->blocked_domains[cfg->n_blocked++] = xstrdup(t);
    }
    free(copy);
}

static bool apply(SimConfig *cfg, int opt, const char *arg)
{
    unsigned long v;
    char err[160];
    switch (opt) {
    case 'p': return parse_ulong(arg, 65535, &v) && (cfg->port = (unsigned)v, true);
    case 'c': return parse_ulong(arg, MAX_COUNT, &v) && (cfg->count = (uint32_t)v, true);
    case 'e': return parse_ulong(arg, 1000000000UL, &v) && (cfg->expire_after = (long)v, true);
    case 's': {
        char *end;
        errno = 0;
        unsigned long long n = strtoull(arg, &end, 10);
        cfg->seed = (!errno && end != arg && !*end) ? n : sim_hash_str(arg);
        return true;
    }
    case 'n': return time_parse_iso(arg, &cfg->now_ms);
    case 't': cfg->token = arg; return *arg != '\0';
    case 'H': cfg->hostile = true; return true;
    case 'v': cfg->verbose = true; return true;
    case 'P': cfg->no_projects = true; return true;
    case 'S': cfg->same_person = true; return true;
    case 'b': set_blocked(cfg, arg); return true;
    case 'f':
        if (sim_fault_parse(arg, &cfg->fault, err, sizeof err))
            return true;
        fprintf(stderr, "regdesk-sim: %s\n", err);
        return false;
    default: return false;
    }
}

SimOptsResult sim_opts_parse(int argc, char **argv, SimConfig *cfg)
{
    static const struct option longopts[] = {
        { "port", required_argument, NULL, 'p' },   { "count", required_argument, NULL, 'c' },
        { "seed", required_argument, NULL, 's' },   { "token", required_argument, NULL, 't' },
        { "now", required_argument, NULL, 'n' },    { "fault", required_argument, NULL, 'f' },
        { "expire-after", required_argument, NULL, 'e' },
        { "block-domains", required_argument, NULL, 'b' },
        { "hostile", no_argument, NULL, 'H' },      { "verbose", no_argument, NULL, 'v' },
        { "no-projects", no_argument, NULL, 'P' },
        { "same-person", no_argument, NULL, 'S' },
        { "help", no_argument, NULL, 'h' },         { "version", no_argument, NULL, 'V' },
        { NULL, 0, NULL, 0 },
    };
    memset(cfg, 0, sizeof *cfg);
    cfg->count = 5000;
    cfg->seed = 1;
    cfg->token = "demo-token";
    cfg->now_ms = time_now_ms();
    sim_fault_defaults(&cfg->fault);
    set_blocked(cfg, DEFAULT_BLOCKED);
    int opt, idx = -1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, "", longopts, &idx)) != -1) {
        if (opt == 'h' || opt == 'V')
            return opt == 'h' ? OPTS_HELP : OPTS_VERSION;
        if (opt == '?') {
            fprintf(stderr, "regdesk-sim: unknown option %s (try --help)\n", argv[optind - 1]);
            return OPTS_ERROR;
        }
        if (!apply(cfg, opt, optarg)) {
            fprintf(stderr, "regdesk-sim: bad value for --%s: '%s' (try --help)\n",
                    longopts[idx].name, optarg ? optarg : "");
            return OPTS_ERROR;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "regdesk-sim: unexpected argument '%s' (try --help)\n", argv[optind]);
        return OPTS_ERROR;
    }
    return OPTS_RUN;
}

void sim_opts_free(SimConfig *cfg)
{
    for (size_t i = 0; i < cfg->n_blocked; i++)
        free(cfg->blocked_domains[i]);
    free(cfg->blocked_domains);
    cfg->blocked_domains = NULL;
    cfg->n_blocked = 0;
}
