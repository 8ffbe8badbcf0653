/* Every message that names a flag, a command or a config key names one that exists.
 *
 * The string literals of src/ are read (adjacent literals joined, a QS between them read
 * as its "%s"), and in them every `--flag`, every `regdesk COMMAND` and every config key
 * (`key` in backticks next to "config", "KEY in the config", "the config's KEY") is
 * checked against what the programs accept: regdesk's option parsers and config file for
 * every folder of src/ but the simulator's; regdesk-sim's for src/sim. Nothing is taken from
 * a list in this test: each name is tried on the real binary. */
#include <criterion/criterion.h>
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../testutil.h"
#include "simproc.h"
#include "test_cli_run.h"

TestSuite(cli_names, .fini = cli_scratch_clean, .timeout = 240);

/* Names a message may mention although they do not exist, each with its reason. */
static const char *const NOT_OPTIONS[] = {
    "--token", /* "there is no --token option": the refusal names what it refuses */
    NULL,
};

/* ---- reading the literals ------------------------------------------------------------ */

typedef struct Lits {
    char **s;
    size_t n;
} Lits;

static void lit_add(Lits *l, const char *s, size_t len)
{
    l->s = realloc(l->s, (l->n + 1) * sizeof *l->s);
    l->s[l->n] = strndup(s, len);
    l->n++;
}

/* One literal's text from *p (at its opening quote), escapes left as they are. */
static const char *read_literal(const char *p, char *out, size_t *len, size_t cap)
{
    for (p++; *p && *p != '"'; p++) {
        bool esc = *p == '\\' && p[1];
        if (esc)
            p++;
        if (*len + 1 < cap)
            out[(*len)++] = esc && strchr("ntr", *p) ? ' ' : *p; /* "\n--x" must not read as "n--x" */
    }
    return *p ? p + 1 : p;
}

static const char *skip_blank_and_comments(const char *p)
{
    for (;;) {
        while (isspace((unsigned char)*p))
            p++;
        if (p[0] == '/' && p[1] == '*') {
            const char *e = strstr(p + 2, "*/");
            p = e ? e + 2 : p + strlen(p);
        } else if (p[0] == '/' && p[1] == '/') {
            p += strcspn(p, "\n");
        } else {
            return p;
        }
    }
}

/* Every string literal of a C file, adjacent ones (and QS/QSN between them) joined;
 * comments and character constants skipped. */
static void file_literals(const char *path, Lits *out)
{
    size_t n;
    char *text = tu_read_file(path, &n);
    static char buf[65536];
    for (const char *p = text; *p;) {
        if (p[0] == '/' && (p[1] == '*' || p[1] == '/')) {
            p = skip_blank_and_comments(p);
        } else if (*p == '\'') {
            p += p[1] == '\\' ? 4 : 3;
            while (*p && p[-1] != '\'')
                p++;
        } else if (*p == '"') {
            size_t len = 0;
            for (;;) {
                p = read_literal(p, buf, &len, sizeof buf);
                const char *q = skip_blank_and_comments(p);
                if (!strncmp(q, "QSN", 3) || (!strncmp(q, "QS", 2) && !isalnum((unsigned char)q[2]))) {
                    q = skip_blank_and_comments(q + (q[2] == 'N' ? 3 : 2));
                    if (len + 2 < sizeof buf)
                        memcpy(buf + len, "%s", 2), len += 2;
                }
                if (*q != '"')
                    break;
                p = q;
            }
            lit_add(out, buf, len);
        } else {
            p++;
        }
    }
    free(text);
}

static void dir_literals(const char *dir, Lits *out)
{
    DIR *d = opendir(dir);
    cr_assert_not_null(d, "%s (tests run from the repository root)", dir);
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 3 || strcmp(e->d_name + len - 2, ".c"))
            continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        file_literals(path, out);
    }
    closedir(d);
}

/* ---- finding names in a literal -------------------------------------------------------- */

typedef enum NameKind { N_FLAG, N_COMMAND, N_KEY } NameKind;

typedef struct Names {
    char (*name)[64];
    NameKind *kind;
    size_t n;
} Names;

static void name_add(Names *ns, NameKind k, const char *s, size_t len)
{
    if (len == 0 || len >= 64)
        return;
    for (size_t i = 0; i < ns->n; i++)
        if (ns->kind[i] == k && strlen(ns->name[i]) == len && !strncmp(ns->name[i], s, len))
            return;
    ns->name = realloc(ns->name, (ns->n + 1) * sizeof *ns->name);
    ns->kind = realloc(ns->kind, (ns->n + 1) * sizeof *ns->kind);
    memcpy(ns->name[ns->n], s, len);
    ns->name[ns->n][len] = '\0';
    ns->kind[ns->n++] = k;
}

static size_t word_len(const char *s, const char *chars)
{
    size_t n = 0;
    while (s[n] && (islower((unsigned char)s[n]) || isdigit((unsigned char)s[n]) || strchr(chars, s[n])))
        n++;
    return n;
}

/* What follows "regdesk WORD" after a colon when it is a command line: the end, an
 * argument (ID, --flag, [optional]) or punctuation; "…: regdesk acts only where…" is prose. */
static bool command_line_follows(const char *after)
{
    return after[0] != ' ' || !islower((unsigned char)after[1]);
}

/* "regdesk WORD" names a command when it reads like one: `regdesk login`, "run regdesk
 * login", "usage: regdesk show ID", "see regdesk …", "…: regdesk show ID" (prose like
 * "regdesk keeps" does not). */
static bool command_context(const char *lit, const char *at)
{
    static const char *const before[] = { "`", "run ", "usage: ", ": ", "see " };
    for (size_t i = 0; i < sizeof before / sizeof *before; i++) {
        size_t n = strlen(before[i]);
        if ((size_t)(at - lit) >= n && !strncmp(at - n, before[i], n))
            return strcmp(before[i], ": ") || command_line_follows(at + 8 + word_len(at + 8, "-"));
    }
    return false;
}

static void find_names(const char *lit, Names *ns)
{
    for (const char *p = lit; *p; p++) {
        if (p[0] == '-' && p[1] == '-' && islower((unsigned char)p[2]) && (p == lit || !isalnum((unsigned char)p[-1])))
            name_add(ns, N_FLAG, p, 2 + word_len(p + 2, "-"));
        if (!strncmp(p, "regdesk ", 8) && islower((unsigned char)p[8]) && command_context(lit, p))
            name_add(ns, N_COMMAND, p + 8, word_len(p + 8, "-"));
        if (!strncmp(p, "config `", 8))
            name_add(ns, N_KEY, p + 8, word_len(p + 8, "_"));
        if (!strncmp(p, "the config's ", 13))
            name_add(ns, N_KEY, p + 13, word_len(p + 13, "_"));
        if (!strncmp(p, " in the config", 14)) { /* the word before it */
            const char *w = p;
            while (w > lit && (islower((unsigned char)w[-1]) || w[-1] == '_'))
                w--;
            if (strchr(w, '_') && strchr(w, '_') < p)
                name_add(ns, N_KEY, w, (size_t)(p - w));
        }
    }
}

/* ---- asking the programs ------------------------------------------------------------------ */

static bool mentions_probe(const CliRun *r)
{
    return strstr(r->err, "--zzz-probe") != NULL;
}

static bool run_accepts(const char *bin, const char *const args[])
{
    CliRun r = cli_run(args, &(CliRunOpts){ .binary = bin });
    bool ok = mentions_probe(&r) || (r.status == 0 && r.out_len > 0);
    cli_run_free(&r);
    return ok;
}

/* A flag is accepted when a probe placed after it is what the parser complains about:
 * as a global option or the dashboard's, or any command's, with or without a value (or it
 * answers at once, as --help does). A probe never lets a server or the dashboard start. */
static bool flag_accepted(const char *bin, const char *flag, bool sim)
{
    char eq[80];
    snprintf(eq, sizeof eq, "%s=1", flag);
    if (sim)
        return run_accepts(bin, (const char *[]){ flag, "1", "--zzz-probe", NULL }) ||
               run_accepts(bin, (const char *[]){ flag, "--zzz-probe", NULL });
    static const char *const cmds[] = { NULL,     "list",  "show",     "override", "resend-link",
                                        "create", "login", "projects", "audit" };
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        const char *const with_value[] = { flag, "1", "--zzz-probe", NULL };
        const char *const as_switch[] = { flag, "--zzz-probe", NULL };
        const char *const cmd_value[] = { cmds[i], eq, "--zzz-probe", NULL };
        const char *const cmd_switch[] = { cmds[i], flag, "--zzz-probe", NULL };
        if (!cmds[i] ? run_accepts(bin, with_value) || run_accepts(bin, as_switch)
                     : run_accepts(bin, cmd_value) || run_accepts(bin, cmd_switch))
            return true;
    }
    return false;
}

static bool command_accepted(const char *cmd)
{
    CliRun r = cli_run((const char *[]){ cmd, "--zzz-probe", NULL }, NULL);
    bool ok = mentions_probe(&r) && !strstr(r.err, "unknown command");
    cli_run_free(&r);
    return ok;
}

static bool key_accepted(const char *key)
{
    char path[512];
    cli_scratch_path(path, sizeof path, "probe.conf");
    FILE *f = fopen(path, "w");
    fprintf(f, "%s = 1\n", key);
    fclose(f);
    CliRun r = cli_run((const char *[]){ "--config", path, "--check-config", NULL }, NULL);
    bool ok = !strstr(r.out, "unknown setting") && !strstr(r.err, "unknown setting"); /* the report is on stdout */
    cli_run_free(&r);
    return ok;
}

static bool excused(const char *flag)
{
    for (size_t i = 0; NOT_OPTIONS[i]; i++)
        if (!strcmp(flag, NOT_OPTIONS[i]))
            return true;
    return false;
}

static void free_lits(Lits *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->s[i]);
    free(l->s);
}

/* The reader must see what the messages say, or the check below proves nothing. */
Test(cli_names, the_reader_finds_names_in_messages)
{
    Names ns = { 0 };
    find_names("raise max_response in the config if this is expected; see `regdesk login` or --api URL", &ns);
    find_names("config `token_file`; the config's page_size", &ns);
    find_names("fix that first: regdesk acts only where it can", &ns); /* prose, not a command */
    cr_assert_eq(ns.n, 5);
    cr_assert_str_eq(ns.name[0], "max_response");
    cr_assert_eq(ns.kind[0], N_KEY);
    cr_assert_str_eq(ns.name[1], "login");
    cr_assert_str_eq(ns.name[2], "--api");
    cr_assert_str_eq(ns.name[3], "token_file");
    cr_assert_str_eq(ns.name[4], "page_size");
    cr_assert_not(key_accepted("max_response"), "the probe tells a key that does not exist");
    cr_assert(key_accepted("max_response_mb"));
    cr_assert_not(flag_accepted(cli_binary(), "--colour", false));
    cr_assert(flag_accepted(cli_binary(), "--partial", false));
    cr_assert_not(command_accepted("frobnicate"));
    free(ns.name);
    free(ns.kind);
}

static void check_dirs(const char *const dirs[], const char *bin, bool sim, int *seen)
{
    Lits lits = { 0 };
    for (size_t i = 0; dirs[i]; i++)
        dir_literals(dirs[i], &lits);
    Names ns = { 0 };
    for (size_t i = 0; i < lits.n; i++)
        find_names(lits.s[i], &ns);
    for (size_t i = 0; i < ns.n; i++) {
        const char *n = ns.name[i];
        if (ns.kind[i] == N_FLAG && !excused(n))
            cr_expect(flag_accepted(bin, n, sim), "a message names %s, which %s does not accept", n, bin);
        else if (ns.kind[i] == N_COMMAND && !sim)
            cr_expect(command_accepted(n), "a message names `regdesk %s`, which is not a command", n);
        else if (ns.kind[i] == N_KEY)
            cr_expect(key_accepted(n), "a message names the config key %s, which the config file does not accept", n);
        seen[ns.kind[i]]++;
    }
    free(ns.name);
    free(ns.kind);
    free_lits(&lits);
}

Test(cli_names, every_flag_command_and_key_in_a_message_exists)
{
    int seen[3] = { 0 };
    /* Every folder of src/ but the simulator's, whose flags are its own. */
    const char *dirs[16];
    size_t nd = 0;
    DIR *d = opendir("src");
    cr_assert_not_null(d);
    static char names[16][300];
    for (struct dirent *e; (e = readdir(d)) && nd < 15;)
        if (e->d_name[0] != '.' && strcmp(e->d_name, "sim") && !strchr(e->d_name, '.')) {
            snprintf(names[nd], sizeof names[nd], "src/%s", e->d_name);
            dirs[nd] = names[nd];
            nd++;
        }
    closedir(d);
    dirs[nd] = NULL;
    check_dirs(dirs, cli_binary(), false, seen);
    cr_assert_gt(seen[N_FLAG], 20, "flags found in regdesk's messages: %d", seen[N_FLAG]);
    cr_assert_gt(seen[N_COMMAND], 1, "commands found: %d", seen[N_COMMAND]);
    cr_assert_gt(seen[N_KEY], 2, "config keys found: %d", seen[N_KEY]);
    int sim_seen[3] = { 0 };
    check_dirs((const char *const[]){ "src/sim", NULL }, simproc_binary(), true, sim_seen);
    cr_assert_gt(sim_seen[N_FLAG], 8, "flags found in regdesk-sim's messages: %d", sim_seen[N_FLAG]);
}
