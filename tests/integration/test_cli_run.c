/* Running build/regdesk from the CLI integration tests. */
#include "test_cli_run.h"

#include <criterion/criterion.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/utf8.h"

enum { RUN_TIMEOUT_MS = 90000, MAX_ARGS = 48, MAX_ENV = 32 };

const char *cli_binary(void)
{
    static char path[4096], abs[4096];
    const char *dir = getenv("REGDESK_BUILD_DIR");
    snprintf(path, sizeof path, "%s/regdesk", dir && *dir ? dir : "build");
    return realpath(path, abs) ? abs : path; /* absolute: a run may start in another directory */
}

static char scratch[64];

const char *cli_scratch(void)
{
    if (!scratch[0]) {
        snprintf(scratch, sizeof scratch, "/tmp/regdesk-cli-test-XXXXXX");
        if (!mkdtemp(scratch))
            scratch[0] = '\0';
    }
    return scratch;
}

void cli_scratch_path(char *buf, size_t n, const char *name)
{
    snprintf(buf, n, "%s/%s", cli_scratch(), name);
}

void cli_scratch_clean(void)
{
    if (!scratch[0])
        return;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", scratch);
    scratch[0] = '\0';
}

/* The child's whole environment: a private HOME, UTF-8, and the sanitizer settings. */
static size_t build_env(char **env, const CliRunOpts *o, char *home_buf, size_t n)
{
    size_t k = 0;
    snprintf(home_buf, n, "HOME=%s", cli_scratch());
    env[k++] = home_buf;
    env[k++] = "PATH=/usr/bin:/bin";
    env[k++] = "LC_ALL=C.UTF-8";
    env[k++] = "TZ=UTC";
    /* A command that forgot --api must not reach the real API: the default goes nowhere. */
    env[k++] = "REGDESK_API=http://127.0.0.1:9";
    static const char *const pass[] = { "ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS", NULL };
    for (size_t i = 0; pass[i]; i++) {
        const char *v = getenv(pass[i]);
        if (v) {
            static char bufs[4][1024];
            snprintf(bufs[i], sizeof bufs[i], "%s=%s", pass[i], v);
            env[k++] = bufs[i];
        }
    }
    for (size_t i = 0; o && o->env && o->env[i] && k < MAX_ENV - 1; i++)
        env[k++] = (char *)o->env[i];
    env[k] = NULL;
    return k;
}

static long since_ms(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

static void append(char **buf, size_t *len, const char *data, size_t n)
{
    *buf = realloc(*buf, *len + n + 1);
    memcpy(*buf + *len, data, n);
    *len += n;
    (*buf)[*len] = '\0';
}

/* Feeds stdin, drains stdout and stderr until both close or the time is up. */
static void pump(int in_fd, int out_fd, int err_fd, const char *input, CliRun *r, pid_t pid, const CliRunOpts *o)
{
    size_t in_left = input ? strlen(input) : 0;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    bool out_open = true, err_open = true, peek_due = o && o->while_running;
    if (!in_left)
        close(in_fd), in_fd = -1;
    while ((out_open || err_open) && since_ms(&t0) < RUN_TIMEOUT_MS) {
        if (peek_due && since_ms(&t0) >= (o->delay_ms ? o->delay_ms : 0)) {
            peek_due = false;
            r->peeked = waitpid(pid, NULL, WNOHANG) == 0;
            o->while_running(pid, o->ctx);
        }
        struct pollfd p[3] = { { out_open ? out_fd : -1, POLLIN, 0 }, { err_open ? err_fd : -1, POLLIN, 0 },
                               { in_fd, POLLOUT, 0 } };
        if (poll(p, 3, 20) < 0 && errno != EINTR)
            break;
        char buf[65536];
        for (int i = 0; i < 2; i++) {
            if (!(p[i].revents & (POLLIN | POLLHUP)))
                continue;
            ssize_t got = read(p[i].fd, buf, sizeof buf);
            if (got > 0)
                append(i ? &r->err : &r->out, i ? &r->err_len : &r->out_len, buf, (size_t)got);
            else if (i)
                err_open = false;
            else
                out_open = false;
        }
        if (in_fd >= 0 && (p[2].revents & (POLLOUT | POLLERR))) {
            ssize_t w = write(in_fd, input + strlen(input) - in_left, in_left);
            in_left = w > 0 ? in_left - (size_t)w : 0;
            if (!in_left)
                close(in_fd), in_fd = -1;
        }
    }
    if (in_fd >= 0)
        close(in_fd);
}

/* Replaces the stdout pipe with a pseudo-terminal: out[0] its master (read back like
 * the pipe; EIO once the child is gone ends it), out[1] its slave. */
static bool tty_instead(int out[2])
{
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || grantpt(master) || unlockpt(master))
        return false;
    int slave = open(ptsname(master), O_RDWR | O_NOCTTY);
    if (slave < 0)
        return false;
    close(out[0]);
    close(out[1]);
    out[0] = master;
    out[1] = slave;
    return true;
}

CliRun cli_run(const char *const args[], const CliRunOpts *o)
{
    CliRun r = { .status = -1 };
    append(&r.out, &r.out_len, "", 0);
    append(&r.err, &r.err_len, "", 0);
    const char *argv[MAX_ARGS + 2] = { o && o->binary ? o->binary : cli_binary() };
    size_t k = 1;
    for (size_t i = 0; args[i] && k < MAX_ARGS; i++)
        argv[k++] = args[i];
    argv[k] = NULL;
    char *env[MAX_ENV], home[512];
    build_env(env, o, home, sizeof home);
    int in[2], out[2], err[2];
    if (pipe(in) || pipe(out) || pipe(err))
        return r;
    if (o && o->tty_stdout && !tty_instead(out))
        return r;
    pid_t parent = getpid(), pid = fork();
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(127);
        dup2(in[0], STDIN_FILENO);
        dup2(out[1], STDOUT_FILENO);
        dup2(err[1], STDERR_FILENO);
        for (int fd = 3; fd < 1024; fd++)
            close(fd);
        if (o && o->cwd && chdir(o->cwd) != 0)
            _exit(126);
        if (o && o->fsize_limit) {
            struct rlimit rl = { (rlim_t)o->fsize_limit, (rlim_t)o->fsize_limit };
            setrlimit(RLIMIT_FSIZE, &rl);
        }
        execve(argv[0], (char *const *)argv, env);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    close(err[1]);
    signal(SIGPIPE, SIG_IGN);
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pump(in[1], out[0], err[0], o ? o->input : NULL, &r, pid, o);
    close(out[0]);
    close(err[0]);
    int status = 0;
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    /* Its output closed, or the time is up: a few seconds more to exit, then SIGKILL. */
    pid_t done = 0;
    for (int i = 0; i < 500 && (done = wait4(pid, &status, WNOHANG, &ru)) == 0 && since_ms(&t0) < RUN_TIMEOUT_MS; i++)
        usleep(10000);
    if (done == 0) {
        kill(pid, SIGKILL);
        wait4(pid, &status, 0, &ru);
    }
    r.max_rss_kb = ru.ru_maxrss;
    r.ms = since_ms(&t0);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.signaled = WIFSIGNALED(status);
    return r;
}

void cli_run_free(CliRun *r)
{
    free(r->out);
    free(r->err);
    r->out = r->err = NULL;
}

SimProc *cli_sim;

void cli_sim_start(const char *const args[])
{
    cli_sim = simproc_start(args);
    cr_assert_not_null(cli_sim, "the simulator did not start");
}

void cli_sim_stop(void)
{
    simproc_stop(cli_sim);
    cli_sim = NULL;
    cli_scratch_clean();
}

static bool format_char(uint32_t cp)
{
    return cp == 0x061C || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2060 && cp <= 0x2069) || cp == 0xFEFF || cp == 0x2028 || cp == 0x2029 ||
           (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0xE0000 && cp <= 0xE007F) || cp == 0x180E;
}

bool cli_has_raw_control(const char *s, size_t len, const char *allowed)
{
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (n == 0)
            return true; /* invalid UTF-8 */
        if ((cp < 0x20 && !strchr(allowed, (int)cp)) || cp == 0 || (cp >= 0x7F && cp <= 0x9F) || format_char(cp))
            return true;
        i += n;
    }
    return false;
}
