/* regdesk-sim as a process: the first line, loopback-only binding, options, clean exit. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <unistd.h>

#include "simhttp.h"
#include "simproc.h"

static SimProc *sim;

static void stop_sim(void)
{
    simproc_stop(sim);
    sim = NULL;
}

TestSuite(sim_proc, .fini = stop_sim, .timeout = 60);

/* Runs the simulator with argv (after the binary), captures stdout; returns the exit code. */
static int run(const char *const args[], char *out, size_t n)
{
    const char *argv[16] = { simproc_binary() };
    size_t k = 1;
    for (size_t i = 0; args[i] && k < 15; i++)
        argv[k++] = args[i];
    argv[k] = NULL;
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        int null = open("/dev/null", O_WRONLY);
        dup2(null, STDERR_FILENO); /* the expected complaints about bad options */
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    close(fds[1]);
    size_t len = 0;
    ssize_t r;
    while (len + 1 < n && (r = read(fds[0], out + len, n - 1 - len)) > 0)
        len += (size_t)r;
    out[len] = '\0';
    close(fds[0]);
    int status;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

Test(sim_proc, first_line_names_a_loopback_url)
{
    sim = simproc_start((const char *[]){ "--count", "10", NULL });
    cr_assert_not_null(sim);
    cr_assert_gt(simproc_port(sim), 0);
    char want[64];
    snprintf(want, sizeof want, "http://127.0.0.1:%u", simproc_port(sim));
    cr_assert_str_eq(simproc_url(sim), want);
}

/* The listening socket in /proc/net/tcp must be 127.0.0.1 (0100007F), not 0.0.0.0. */
Test(sim_proc, listens_on_loopback_only)
{
    sim = simproc_start((const char *[]){ "--count", "10", NULL });
    cr_assert_not_null(sim);
    FILE *f = fopen("/proc/net/tcp", "r");
    cr_assert_not_null(f);
    char line[512], loop[32], any[32];
    snprintf(loop, sizeof loop, "0100007F:%04X", simproc_port(sim));
    snprintf(any, sizeof any, "00000000:%04X", simproc_port(sim));
    bool found = false, open_to_all = false;
    while (fgets(line, sizeof line, f)) {
        found |= strstr(line, loop) != NULL;
        open_to_all |= strstr(line, any) != NULL;
    }
    fclose(f);
    cr_assert(found, "no socket on %s", loop);
    cr_assert_not(open_to_all, "listening on all interfaces");
}

Test(sim_proc, uses_the_port_it_is_given)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t len = sizeof a;
    cr_assert_eq(bind(s, (struct sockaddr *)&a, sizeof a), 0);
    getsockname(s, (struct sockaddr *)&a, &len);
    close(s);
    char port[16];
    snprintf(port, sizeof port, "%u", ntohs(a.sin_port));
    /* --port 0 comes first from simproc; the later --port wins */
    sim = simproc_start((const char *[]){ "--count", "10", "--port", port, NULL });
    cr_assert_not_null(sim);
    cr_assert_eq(simproc_port(sim), ntohs(a.sin_port));
}

Test(sim_proc, exits_cleanly_on_sigterm_and_sigint)
{
    int sigs[] = { SIGTERM, SIGINT };
    for (int i = 0; i < 2; i++) {
        sim = simproc_start((const char *[]){ "--count", "500", NULL });
        cr_assert_not_null(sim);
        SimHttpResp r = simhttp_get(sim, "/v2/app-registrations?limit=50");
        cr_assert_eq(r.status, 200);
        simhttp_free(&r);
        int rc = simproc_stop_with(sim, sigs[i]);
        sim = NULL;
        cr_assert_eq(rc, 0, "exit status %d after signal %d", rc, sigs[i]);
    }
}

Test(sim_proc, help_says_what_it_is)
{
    char out[8192];
    cr_assert_eq(run((const char *[]){ "--help", NULL }, out, sizeof out), 0);
    cr_assert(strstr(out, "NOT Verifik"), "%s", out);
    const char *opts[] = { "--port", "--count", "--seed", "--token", "--hostile", "--fault",
                           "--expire-after", "--verbose", "--now" };
    for (size_t i = 0; i < sizeof opts / sizeof *opts; i++)
        cr_assert(strstr(out, opts[i]), "help lacks %s", opts[i]);
}

Test(sim_proc, rejects_bad_options)
{
    const char *const bad[][4] = {
        { "--count", "-1", NULL }, { "--count", "abc", NULL }, { "--port", "70000", NULL },
        { "--fault", "bogus=1", NULL }, { "--fault", "error=0.7,429=0.7", NULL },
        { "--fault", "latency", NULL }, { "--now", "yesterday", NULL }, { "--frobnicate", NULL },
        { "stray", NULL }, { "--expire-after", "x", NULL },
    };
    char out[256];
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        cr_assert_eq(run(bad[i], out, sizeof out), 2, "accepted %s %s", bad[i][0],
                     bad[i][1] ? bad[i][1] : "");
}
