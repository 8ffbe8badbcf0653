/* What Tomás checks: exit statuses a script can rely on, a token that never shows in
 * /proc, on stderr or in any output, and hostile API data that comes out inert in every
 * format. */
#include <cJSON.h>
#include <criterion/criterion.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "simhttp.h"
#include "test_cli_run.h"

TestSuite(cli_safety, .fini = cli_sim_stop, .timeout = 120);

static const char *const ENV[] = { "VERIFIK_TOKEN=" SIM_TOKEN, NULL };

static CliRun run_env(const char *const args[], const char *const *env)
{
    return cli_run(args, &(CliRunOpts){ .env = env });
}

/* A loopback port nobody listens on: bound, then closed. */
static unsigned closed_port(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t len = sizeof a;
    cr_assert_eq(bind(s, (struct sockaddr *)&a, sizeof a), 0);
    cr_assert_eq(getsockname(s, (struct sockaddr *)&a, &len), 0);
    close(s);
    return ntohs(a.sin_port);
}

Test(cli_safety, exit_statuses)
{
    cli_sim_start((const char *[]){ "--count", "50", NULL });
    const char *url = simproc_url(cli_sim);
    /* usage: an unknown option, a bad filter, a missing id, an unknown command */
    const char *const *usage[] = {
        (const char *[]){ "--api", url, "list", "--colour", NULL },
        (const char *[]){ "--api", url, "list", "--format", "xml", NULL },
        (const char *[]){ "--api", url, "show", NULL },
        (const char *[]){ "frobnicate", NULL },
        (const char *[]){ "--token", "abc", "list", NULL },
    };
    for (size_t i = 0; i < sizeof usage / sizeof *usage; i++) {
        CliRun r = run_env(usage[i], ENV);
        cr_assert_eq(r.status, 2, "case %zu: %s", i, r.err);
        cr_assert(!strncmp(r.err, "regdesk: ", 9), "one sentence on stderr: %s", r.err);
        cli_run_free(&r);
    }
    CliRun r = run_env((const char *[]){ "--api", url, "list", "--filter", "status:failed stauts:x", NULL }, ENV);
    cr_assert_eq(r.status, 2);
    cr_assert(strstr(r.err, "  status:failed stauts:x\n                ^^^^^^^^\n"), "%s", r.err);
    cli_run_free(&r);
    /* network: nothing listening (no retries, so the test is quick) */
    char cfg[256], dead[64];
    cli_scratch_path(cfg, sizeof cfg, "config");
    FILE *f = fopen(cfg, "w");
    fputs("retries = 0\nconnect_timeout = 5\n", f);
    fclose(f);
    snprintf(dead, sizeof dead, "http://127.0.0.1:%u", closed_port());
    r = run_env((const char *[]){ "--config", cfg, "--api", dead, "list", NULL }, ENV);
    cr_assert_eq(r.status, 3, "%s", r.err);
    cr_assert(strstr(r.err, "cannot connect to the API"), "%s", r.err);
    cli_run_free(&r);
    /* auth: a token the API refuses, and no token at all */
    r = run_env((const char *[]){ "--api", url, "list", NULL }, (const char *[]){ "VERIFIK_TOKEN=wrong", NULL });
    cr_assert_eq(r.status, 4, "%s", r.err);
    /* One sentence that names the variable and says login alone will not help. */
    cr_assert(strstr(r.err, "refused the token in VERIFIK_TOKEN"), "%s", r.err);
    cr_assert(strstr(r.err, "wins over the token file"), "%s", r.err);
    cr_assert(strstr(r.err, "`regdesk login` alone will not help"), "%s", r.err);
    cr_assert_null(strstr(strstr(r.err, "refused the token") + 1, "refused the token"), "said twice: %s", r.err);
    cr_assert_eq(strchr(r.err, '\n'), r.err + strlen(r.err) - 1, "one line: %s", r.err);
    cli_run_free(&r);
    r = run_env((const char *[]){ "--api", url, "show", "x", NULL }, NULL);
    cr_assert_eq(r.status, 4, "%s", r.err);
    cr_assert(strstr(r.err, "no API token"), "%s", r.err);
    cli_run_free(&r);
    /* server: an id that does not exist */
    r = run_env((const char *[]){ "--api", url, "show", "000000000000000000000000", NULL }, ENV);
    cr_assert_eq(r.status, 5, "%s", r.err);
    cr_assert(strstr(r.err, "there is no registration with this id"), "%s", r.err);
    cr_assert(strstr(r.err, "[NotFound]") || strstr(r.err, "[AppRegistration_not_found]"), "%s", r.err);
    cli_run_free(&r);
}

/* The dashboard's start-up errors quote the command line and the environment; they
 * reach the terminal through the same sanitising as every other message. */
Test(cli_safety, dashboard_start_up_errors_are_sanitised)
{
    CliRun r = run_env((const char *[]){ "--columns", "name,e\x1b]0;pwn\x07mail\xE2\x80\xAE", NULL }, ENV);
    cr_assert_eq(r.status, 2, "%s", r.err);
    cr_assert(strstr(r.err, "regdesk: unknown column \"e\u241B]0;pwn\u2407mail\u25CC\""), "%s", r.err);
    cr_assert_not(cli_has_raw_control(r.err, r.err_len, "\n"), "raw control bytes on stderr: %s", r.err);
    cli_run_free(&r);
    const char *const env[] = { "VERIFIK_TOKEN=" SIM_TOKEN, "REGDESK_HEADLESS=80x\x1b[2J", NULL };
    r = run_env((const char *[]){ NULL }, env);
    cr_assert_eq(r.status, 2, "%s", r.err);
    cr_assert(strstr(r.err, "REGDESK_HEADLESS must be COLSxROWS"), "%s", r.err);
    cr_assert_not(cli_has_raw_control(r.err, r.err_len, "\n"), "raw control bytes on stderr: %s", r.err);
    cli_run_free(&r);
}

#define SECRET "tok-8f3a1c9e-unique-Zq7"

typedef struct Peek {
    char cmdline[4096];
    size_t cmd_len;
    char environ_[16384];
    ssize_t env_len; /* -1 when unreadable */
} Peek;

static ssize_t read_proc(pid_t pid, const char *what, char *buf, size_t n)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%ld/%s", (long)pid, what);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    ssize_t got = read(fd, buf, n);
    close(fd);
    return got;
}

static void peek(pid_t pid, void *ctx)
{
    Peek *p = ctx;
    ssize_t n = read_proc(pid, "cmdline", p->cmdline, sizeof p->cmdline);
    p->cmd_len = n > 0 ? (size_t)n : 0;
    p->env_len = read_proc(pid, "environ", p->environ_, sizeof p->environ_);
}

static bool contains(const char *hay, size_t len, const char *needle)
{
    return memmem(hay, len, needle, strlen(needle)) != NULL;
}

/* Every command that sends the token, slowed down so its /proc entries can be read. */
Test(cli_safety, the_token_is_never_visible)
{
    cli_sim_start((const char *[]){ "--count", "600", "--token", SECRET, "--fault", "latency=400", NULL });
    const char *url = simproc_url(cli_sim);
    const char *const env[] = { "VERIFIK_TOKEN=" SECRET, NULL };
    cJSON *page = NULL;
    CliRun ids = run_env((const char *[]){ "--api", url, "list", "--filter", "status:ongoing", "--format", "json", NULL }, env);
    cr_assert_eq(ids.status, 0, "%s", ids.err);
    page = cJSON_Parse(ids.out);
    char id[64];
    snprintf(id, sizeof id, "%s", cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(page, 0), "id")->valuestring);
    cJSON_Delete(page);
    const char *const *cmds[] = {
        (const char *[]){ "--api", url, "list", NULL },
        (const char *[]){ "--api", url, "list", "--format", "csv", NULL },
        (const char *[]){ "--api", url, "show", id, NULL },
        (const char *[]){ "--api", url, "show", id, "--format", "json", NULL },
        (const char *[]){ "--api", url, "resend-link", id, NULL },
        (const char *[]){ "--api", url, "show", "nope", NULL },
    };
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        Peek p = { .env_len = -1 };
        CliRun r = cli_run(cmds[i], &(CliRunOpts){ .env = env, .while_running = peek, .ctx = &p, .delay_ms = 150 });
        cr_assert(r.peeked, "command %zu ended before /proc could be read (%d: %s)", i, r.status, r.err);
        cr_assert(p.cmd_len > 0 && contains(p.cmdline, p.cmd_len, "--api"), "read the right process");
        cr_assert_not(contains(p.cmdline, p.cmd_len, SECRET), "token in /proc/PID/cmdline");
        if (p.env_len > 0)
            cr_assert_not(contains(p.environ_, (size_t)p.env_len, SECRET), "token in /proc/PID/environ");
        cr_assert_not(contains(r.out, r.out_len, SECRET), "token on stdout (command %zu)", i);
        cr_assert_not(contains(r.err, r.err_len, SECRET), "token on stderr (command %zu)", i);
        cr_assert_eq(r.status, i == 5 ? 5 : 0, "command %zu: %s", i, r.err);
        cli_run_free(&r);
    }
    cli_run_free(&ids);
}

/* About one record in five carries escapes, bidi controls, invalid UTF-8, huge or
 * nested values and wrong types: every format must come out inert. */
Test(cli_safety, hostile_data_is_inert_in_every_format)
{
    cli_sim_start((const char *[]){ "--count", "800", "--hostile", NULL });
    const char *url = simproc_url(cli_sim);
    const char *formats[] = { "table", "csv", "tsv", "json" };
    const char *seps[] = { "\n", "\r\n", "\t\n", "\n" };
    char *json = NULL;
    for (int i = 0; i < 4; i++) {
        const char *args[] = { "--api", url, "list", "--format", formats[i], "--columns",
                               "id,status,step,name,email,phone,project,flow,doc,invalid", NULL };
        if (i == 3)
            args[5] = NULL; /* json always has every field */
        CliRun r = run_env(args, ENV);
        cr_assert_eq(r.status, 0, "%s: %s", formats[i], r.err);
        cr_assert_gt(r.out_len, 1000);
        cr_assert_not(cli_has_raw_control(r.out, r.out_len, seps[i]), "raw control bytes in %s output", formats[i]);
        cr_assert_not(cli_has_raw_control(r.err, r.err_len, "\n"));
        if (i == 3)
            json = strdup(r.out);
        cli_run_free(&r);
    }
    cJSON *arr = cJSON_Parse(json);
    cr_assert_eq(cJSON_GetArraySize(arr), 800, "every hostile record is kept");
    /* Show the records whose fields arrived invalid or odd, in both forms. */
    int shown = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, arr) {
        if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(e, "invalid")) == 0 || shown >= 6)
            continue;
        const char *id = cJSON_GetObjectItemCaseSensitive(e, "id")->valuestring;
        for (int j = 0; j < 2; j++) {
            CliRun r = run_env((const char *[]){ "--api", url, "show", id, "--format", j ? "json" : "text", NULL }, ENV);
            cr_assert_not(cli_has_raw_control(r.out, r.out_len, "\n"), "show %s", id);
            cr_assert_not(cli_has_raw_control(r.err, r.err_len, "\n"), "show %s: %s", id, r.err);
            cli_run_free(&r);
        }
        shown++;
    }
    cr_assert_gt(shown, 0, "the hostile set has records with invalid fields");
    cJSON_Delete(arr);
    free(json);
}
