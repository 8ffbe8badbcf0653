/* The token goes nowhere else: one test over every way regdesk puts text out — stdout in
 * every format, stderr, error sentences (also when the server quotes the token back),
 * the help and the man page, the dashboard's screens, a proxy from the environment, a
 * core dump — each searched for a token that appears nowhere else. */
#include <cJSON.h>
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../testutil.h"
#include "simproc.h"
#include "simstats.h"
#include "test_cli_run.h"

#define SECRET "tok-Q9x7c1f-nowhere-else"
#define PROXY_SECRET "prx-pass-5Kq2"

static SimProc *sim, *proxy;

static void stop(void)
{
    simproc_stop(sim);
    simproc_stop(proxy);
    sim = proxy = NULL;
    cli_scratch_clean();
}

TestSuite(token_paths, .fini = stop, .timeout = 180);

static bool has(const char *hay, size_t len, const char *needle)
{
    return memmem(hay, len, needle, strlen(needle)) != NULL;
}

static void assert_clean(const CliRun *r, const char *what)
{
    cr_assert_not(has(r->out, r->out_len, SECRET), "the token on stdout of %s:\n%s", what, r->out);
    cr_assert_not(has(r->err, r->err_len, SECRET), "the token on stderr of %s:\n%s", what, r->err);
}

static const char *const ENV[] = { "VERIFIK_TOKEN=" SECRET, NULL };

static CliRun run(const char *const args[], const char *const *env)
{
    return cli_run(args, &(CliRunOpts){ .env = env ? env : ENV });
}

static void start_sim(const char *fault)
{
    sim = simproc_start((const char *[]){ "--count", "300", "--seed", "9", "--token", SECRET, "--fault", fault, NULL });
    cr_assert_not_null(sim);
}

/* An id of a registration waiting for review, from the API itself. */
static void review_id(char *id, size_t n)
{
    CliRun r = run((const char *[]){ "--api", simproc_url(sim), "list", "--filter", "status:review", "--format",
                                      "json", NULL }, NULL);
    cJSON *a = cJSON_Parse(r.out);
    cr_assert(cJSON_GetArraySize(a) > 0, "%s", r.err);
    snprintf(id, n, "%s", cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(a, 0), "id")->valuestring);
    cJSON_Delete(a);
    cli_run_free(&r);
}

Test(token_paths, every_command_and_format)
{
    start_sim("latency=0");
    const char *url = simproc_url(sim);
    char id[64], dump[256];
    review_id(id, sizeof id);
    cli_scratch_path(dump, sizeof dump, "export.json");
    const char *const *cmds[] = {
        (const char *[]){ "--api", url, "list", NULL },
        (const char *[]){ "--api", url, "list", "--format", "csv", NULL },
        (const char *[]){ "--api", url, "list", "--format", "tsv", NULL },
        (const char *[]){ "--api", url, "list", "--format", "json", NULL },
        (const char *[]){ "--api", url, "list", "--format", "count", NULL },
        (const char *[]){ "--api", url, "list", "--mask", "--columns", "id,name,email,phone,doc", NULL },
        (const char *[]){ "--api", url, "show", id, NULL },
        (const char *[]){ "--api", url, "show", id, "--format", "json", NULL },
        (const char *[]){ "--api", url, "resend-link", id, NULL },
        (const char *[]){ "--api", url, "resend-link", id, "--reveal-link", NULL },
        (const char *[]){ "--api", url, "override", id, "--status", "FAILED", "--note", "document forged", NULL },
        (const char *[]){ "--api", url, "create", "--project", "nope", "--flow", "nope", "--email", "a@b.example",
                          NULL },
        (const char *[]){ "--api", url, "show", "000000000000000000000000", NULL },
        (const char *[]){ "--api", url, "list", "--filter", "stauts:x", NULL },
        (const char *[]){ "--help", NULL },
        (const char *[]){ "--version", NULL },
    };
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        CliRun r = run(cmds[i], NULL);
        char what[64];
        snprintf(what, sizeof what, "command %zu (%s)", i, !strcmp(cmds[i][0], "--api") ? cmds[i][2] : cmds[i][0]);
        assert_clean(&r, what);
        if (i == 3) { /* its own export, read back */
            FILE *f = fopen(dump, "w");
            fputs(r.out, f);
            fclose(f);
        }
        cli_run_free(&r);
    }
    CliRun r = run((const char *[]){ "list", "--file", dump, "--format", "json", NULL }, NULL);
    cr_assert_eq(r.status, 0, "%s", r.err);
    assert_clean(&r, "list --file");
    cli_run_free(&r);
    size_t len;
    char *man = tu_read_file("src/cli/regdesk.1", &len);
    cr_assert_not(has(man, len, SECRET));
    free(man);
}

/* A server that quotes the Authorization header back in its error: regdesk's sentence
 * quotes the server, but never the token (on main it printed it). */
Test(token_paths, a_server_that_quotes_the_token_back)
{
    start_sim("echo=1");
    CliRun r = run((const char *[]){ "--api", simproc_url(sim), "list", NULL }, NULL);
    cr_assert_eq(r.status, 4, "%s", r.err);
    cr_assert(strstr(r.err, "invalid_token Bearer ***"), "the rest of the sentence stays: %s", r.err);
    assert_clean(&r, "list against a server that echoes the token");
    cli_run_free(&r);
    r = run((const char *[]){ "--api", simproc_url(sim), "show", "6650aa01c0ffee0000000001", NULL }, NULL);
    assert_clean(&r, "show against a server that echoes the token");
    cli_run_free(&r);
}

/* Token files and options that go wrong: the sentence names the file, never what it holds. */
Test(token_paths, token_file_and_option_errors)
{
    start_sim("latency=0");
    char path[256];
    cli_scratch_path(path, sizeof path, "token");
    FILE *f = fopen(path, "w");
    fputs(SECRET "\n", f);
    fclose(f);
    chmod(path, 0644);
    CliRun r = run((const char *[]){ "--api", simproc_url(sim), "--token-file", path, "list", NULL },
                   (const char *[]){ "PATH=/usr/bin:/bin", NULL });
    cr_assert_eq(r.status, 4, "%s", r.err);
    cr_assert(strstr(r.err, "readable by others"), "%s", r.err);
    assert_clean(&r, "a token file readable by others");
    cli_run_free(&r);
    f = fopen(path, "w");
    fputs(SECRET " " SECRET "\n", f);
    fclose(f);
    chmod(path, 0600);
    r = run((const char *[]){ "--api", simproc_url(sim), "--token-file", path, "list", NULL },
            (const char *[]){ "PATH=/usr/bin:/bin", NULL });
    cr_assert(strstr(r.err, "holds a blank or a control character"), "%s", r.err);
    assert_clean(&r, "a token file with a blank");
    cli_run_free(&r);
    r = run((const char *[]){ "--token", SECRET, "list", NULL }, NULL);
    cr_assert_eq(r.status, 2);
    assert_clean(&r, "--token");
    cli_run_free(&r);
    /* A token the API refuses. */
    r = run((const char *[]){ "--api", simproc_url(sim), "list", NULL },
            (const char *[]){ "VERIFIK_TOKEN=" SECRET "-but-wrong", NULL });
    cr_assert_eq(r.status, 4, "%s", r.err);
    assert_clean(&r, "a refused token");
    cli_run_free(&r);
}

/* A proxy from the environment, with credentials: a loopback API never goes through it,
 * and an https API goes through it only as a tunnel, its errors never quoting the proxy's
 * password. The "proxy" is a second simulator that counts what it receives. */
Test(token_paths, proxy_settings_never_carry_the_token)
{
    start_sim("latency=0");
    proxy = simproc_start((const char *[]){ "--count", "10", NULL });
    cr_assert_not_null(proxy);
    char env_proxy[4][200];
    const char *names[] = { "http_proxy", "https_proxy", "HTTPS_PROXY", "ALL_PROXY" };
    for (int i = 0; i < 4; i++)
        snprintf(env_proxy[i], sizeof env_proxy[i], "%s=http://user:" PROXY_SECRET "@127.0.0.1:%u", names[i],
                 simproc_port(proxy));
    const char *const env[] = { "VERIFIK_TOKEN=" SECRET, env_proxy[0], env_proxy[1], env_proxy[2], env_proxy[3], NULL };
    simstats_reset(proxy);
    CliRun r = run((const char *[]){ "--api", simproc_url(sim), "list", "--format", "count", NULL }, env);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert_str_eq(r.out, "300\n");
    assert_clean(&r, "list with a proxy set");
    cli_run_free(&r);
    SimStats s;
    simstats_get(proxy, &s);
    cr_assert_eq(s.connections, 1, "only the stats probe reached the proxy (%lu connections)", s.connections);
    cr_assert_eq(s.with_authorization, 0);
    /* https through the proxy: CONNECT to a name that exists nowhere (.invalid). */
    char cfg[256];
    cli_scratch_path(cfg, sizeof cfg, "config");
    FILE *f = fopen(cfg, "w");
    fputs("retries = 0\ntimeout = 5\n", f);
    fclose(f);
    simstats_reset(proxy);
    r = run((const char *[]){ "--config", cfg, "--api", "https://regdesk.invalid", "list", NULL }, env);
    cr_assert_neq(r.status, 0);
    assert_clean(&r, "an https API through a proxy");
    cr_assert_not(has(r.err, r.err_len, PROXY_SECRET), "the proxy's password in a message: %s", r.err);
    cli_run_free(&r);
    simstats_get(proxy, &s);
    cr_assert_eq(s.with_authorization, 0, "the proxy saw an Authorization header");
}

/* The dashboard: its screens (the list, a record's detail, its JSON view, an error in the
 * status bar) dumped by the scripted mode, and its stderr. */
Test(token_paths, dashboard_screens)
{
    for (int pass = 0; pass < 2; pass++) {
        start_sim(pass ? "echo=1" : "latency=0");
        char script[256], dumps[3][256];
        cli_scratch_path(script, sizeof script, "script");
        for (int i = 0; i < 3; i++) {
            char name[32];
            snprintf(name, sizeof name, "screen%d.txt", i);
            cli_scratch_path(dumps[i], sizeof dumps[i], name);
        }
        FILE *f = fopen(script, "w");
        if (pass)
            fprintf(f, ":sleep 1500\n:dump %s\n:quit\n", dumps[0]);
        else
            fprintf(f, ":wait-loaded\n:dump %s\n<Enter>\n:wait-detail\n:dump %s\nv\n:dump %s\n:quit\n", dumps[0],
                    dumps[1], dumps[2]);
        fclose(f);
        char script_env[300];
        snprintf(script_env, sizeof script_env, "REGDESK_SCRIPT=%s", script);
        const char *const env[] = { "VERIFIK_TOKEN=" SECRET, "REGDESK_HEADLESS=160x40", script_env, NULL };
        CliRun r = run((const char *[]){ "--api", simproc_url(sim), NULL }, env);
        assert_clean(&r, pass ? "the dashboard against an echoing server" : "the dashboard");
        cli_run_free(&r);
        for (int i = 0; i < (pass ? 1 : 3); i++) {
            size_t len;
            char *screen = tu_read_file(dumps[i], &len);
            cr_assert_gt(len, 100, "screen %d was dumped", i);
            cr_assert_not(has(screen, len, SECRET), "the token on screen %d:\n%s", i, screen);
            if (pass)
                cr_assert(strstr(screen, "refused the token"), "the error is on screen:\n%s", screen);
            free(screen);
        }
        simproc_stop(sim);
        sim = NULL;
    }
}

typedef struct Limits {
    char text[4096];
} Limits;

static void read_limits(pid_t pid, void *ctx)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%ld/limits", (long)pid);
    int fd = open(path, O_RDONLY);
    Limits *l = ctx;
    ssize_t n = fd >= 0 ? read(fd, l->text, sizeof l->text - 1) : 0;
    l->text[n > 0 ? n : 0] = '\0';
    if (fd >= 0)
        close(fd);
}

/* No core dump can hold the token: the core size limit is 0 while regdesk runs. */
Test(token_paths, no_core_dump)
{
    start_sim("latency=500");
    Limits l = { "" };
    CliRun r = cli_run((const char *[]){ "--api", simproc_url(sim), "list", "--format", "count", NULL },
                       &(CliRunOpts){ .env = ENV, .while_running = read_limits, .ctx = &l, .delay_ms = 200 });
    cr_assert(r.peeked, "regdesk ended before its limits could be read");
    const char *core = strstr(l.text, "Max core file size");
    cr_assert_not_null(core, "%s", l.text);
    char soft[32], hard[32];
    cr_assert_eq(sscanf(core + strlen("Max core file size"), "%31s %31s", soft, hard), 2);
    cr_assert_str_eq(soft, "0");
    cr_assert_str_eq(hard, "0");
    cli_run_free(&r);
}
