#include "simproc.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { MAX_ARGS = 40, START_TIMEOUT_MS = 60000 };

struct SimProc {
    pid_t pid;
    int out_fd; /* read end of the simulator's stdout, kept open so it never gets SIGPIPE */
    unsigned port;
    char url[64];
};

const char *simproc_binary(void)
{
    static char path[4096];
    const char *dir = getenv("REGDESK_BUILD_DIR");
    snprintf(path, sizeof path, "%s/regdesk-sim", dir && *dir ? dir : "build");
    return path;
}

/* In the child: die with the parent, send stderr to the log directory, exec. */
static void exec_child(pid_t parent, int out_fd, char *const argv[])
{
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent)
        _exit(127);
    dup2(out_fd, STDOUT_FILENO);
    close(out_fd);
    const char *logs = getenv("REGDESK_TEST_LOGS");
    if (logs && *logs) {
        char path[4096];
        snprintf(path, sizeof path, "%s/sim.%ld.log", logs, (long)getpid());
        int fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (fd >= 0) {
            dup2(fd, STDERR_FILENO);
            close(fd);
        }
    }
    execv(argv[0], argv);
    fprintf(stderr, "simproc: cannot run %s: %s\n", argv[0], strerror(errno));
    _exit(127);
}

static long elapsed_ms(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

/* Reads the first line of the child's stdout, up to the start timeout. */
static bool read_line(int fd, char *line, size_t n)
{
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    size_t len = 0;
    while (len + 1 < n) {
        long left = START_TIMEOUT_MS - elapsed_ms(&t0);
        struct pollfd p = { fd, POLLIN, 0 };
        if (left <= 0 || poll(&p, 1, (int)left) <= 0)
            return false;
        ssize_t r = read(fd, line + len, 1);
        if (r <= 0)
            return false;
        if (line[len] == '\n')
            break;
        len++;
    }
    line[len] = '\0';
    return true;
}

SimProc *simproc_start(const char *const extra_args[])
{
    char *argv[MAX_ARGS + 4];
    size_t n = 0;
    argv[n++] = (char *)simproc_binary();
    argv[n++] = "--port";
    argv[n++] = "0";
    for (size_t i = 0; extra_args && extra_args[i] && n < MAX_ARGS; i++)
        argv[n++] = (char *)extra_args[i];
    argv[n] = NULL;
    int fds[2];
    if (pipe(fds) != 0)
        return NULL;
    pid_t parent = getpid(), pid = fork();
    if (pid == 0) {
        close(fds[0]);
        exec_child(parent, fds[1], argv);
    }
    close(fds[1]);
    SimProc *p = calloc(1, sizeof *p);
    p->pid = pid;
    p->out_fd = fds[0];
    char line[128];
    if (pid < 0 || !read_line(p->out_fd, line, sizeof line) ||
        sscanf(line, "listening on http://127.0.0.1:%u", &p->port) != 1) {
        fprintf(stderr, "simproc: %s did not start\n", argv[0]);
        simproc_stop_with(p, SIGKILL);
        return NULL;
    }
    snprintf(p->url, sizeof p->url, "http://127.0.0.1:%u", p->port);
    return p;
}

const char *simproc_url(const SimProc *p)
{
    return p->url;
}

unsigned simproc_port(const SimProc *p)
{
    return p->port;
}

pid_t simproc_pid(const SimProc *p)
{
    return p->pid;
}

int simproc_stop_with(SimProc *p, int sig)
{
    if (!p)
        return -1;
    int status = 0, rc = -1;
    if (p->pid > 0) {
        kill(p->pid, sig);
        struct timespec t0;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        pid_t w;
        while ((w = waitpid(p->pid, &status, WNOHANG)) == 0 && elapsed_ms(&t0) < 10000)
            usleep(5000);
        if (w == 0) {
            kill(p->pid, SIGKILL);
            w = waitpid(p->pid, &status, 0);
        }
        if (w == p->pid)
            rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    close(p->out_fd);
    free(p);
    return rc;
}

int simproc_stop(SimProc *p)
{
    return simproc_stop_with(p, SIGTERM);
}
