/* Helpers shared by the subcommands. */
#include "cli/clirun.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <poll.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/pii.h"
#include "core/safetext.h"
#include "net/token.h"

void cli_error(const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    safetext_vformat(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "regdesk: %s\n", msg);
}

/* ---- options -------------------------------------------------------------------------- */

static const CliOpt *find_opt(const CliOpt *opts, size_t nopts, const char *arg, size_t len)
{
    for (size_t i = 0; i < nopts; i++)
        if (strlen(opts[i].name) == len && !strncmp(opts[i].name, arg, len))
            return &opts[i];
    return NULL;
}

bool cli_options(int argc, char **argv, const CliOpt *opts, size_t nopts, const char **pos, size_t npos,
                 size_t *got)
{
    *got = 0;
    bool only_pos = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_pos || a[0] != '-' || !a[1]) {
            if (*got >= npos) {
                cli_error("unexpected argument \"" QS "\" for `regdesk %s`; see regdesk --help", a, argv[0]);
                return false;
            }
            pos[(*got)++] = a;
            continue;
        }
        if (!strcmp(a, "--")) {
            only_pos = true;
            continue;
        }
        const char *eq = strchr(a, '=');
        const CliOpt *o = find_opt(opts, nopts, a, eq ? (size_t)(eq - a) : strlen(a));
        if (!o || (o->flag && eq)) {
            cli_error("unknown option \"" QS "\" for `regdesk %s`; see regdesk --help", a, argv[0]);
            return false;
        }
        if (o->flag) {
            *o->flag = true;
        } else if (eq) {
            *o->value = eq + 1;
        } else if (i + 1 < argc) {
            *o->value = argv[++i];
        } else {
            cli_error(QS " needs a value; see regdesk --help", a);
            return false;
        }
    }
    return true;
}

bool cli_mask_choice(const CliSettings *cs, bool mask, bool no_mask, unsigned *out)
{
    if (mask && no_mask) {
        cli_error("--mask and --no-mask contradict each other; give one");
        return false;
    }
    unsigned set = cs->mask ? cs->mask : MASK_DEFAULT; /* --mask masks even when the config says none */
    *out = no_mask ? MASK_NONE : mask ? set : isatty(STDOUT_FILENO) ? cs->mask : MASK_NONE;
    return true;
}

bool cli_text_or_json(const char *format, const char *command, bool *json)
{
    *json = format && !strcmp(format, "json");
    if (format && !*json && strcmp(format, "text")) {
        cli_error("unknown format \"" QS "\" for %s; use text or json", format, command);
        return false;
    }
    return true;
}

/* ---- filter errors ------------------------------------------------------------------------ */

/* Display columns taken by the first `chars` characters of s, as they will be shown. */
static int shown_width(const char *s, int chars)
{
    const char *p = s;
    for (int c = 0; *p && c < chars; c++) {
        p++;
        while (((unsigned char)*p & 0xC0) == 0x80)
            p++;
    }
    StrBuf b = STRBUF_INIT;
    safetext_append(&b, s, (size_t)(p - s), SAFE_LINE);
    int w = safetext_width(strbuf_cstr(&b));
    strbuf_free(&b);
    return w;
}

void cli_filter_error(FILE *out, const char *expr, const FilterError *e)
{
    char msg[400];
    safetext_format(msg, sizeof msg, "%s", e->msg);
    StrBuf shown = STRBUF_INIT;
    safetext_append(&shown, expr, strlen(expr), SAFE_LINE);
    int start = shown_width(expr, e->column - 1);
    int width = shown_width(expr, e->column - 1 + e->length) - start;
    fprintf(out, "regdesk: bad filter: %s\n  %s\n  %*s", msg, strbuf_cstr(&shown), start, "");
    for (int i = 0; i < (width > 0 ? width : 1); i++)
        fputc('^', out);
    fputc('\n', out);
    strbuf_free(&shown);
}

/* ---- the worker -------------------------------------------------------------------------- */

Worker *cli_worker(const CliSettings *s, bool need_token, int *rc)
{
    WorkerConfig wc = s->worker;
    char *token = NULL, err[400];
    *rc = EXIT_OK;
    if (need_token) {
        bool missing;
        if (!(token = token_load(s->token_file, &wc.token_origin, &missing, err, sizeof err))) {
            cli_error("%s", err);
            *rc = EXIT_AUTH;
            return NULL;
        }
        wc.token = token;
    }
    Worker *w = worker_start(&wc, err, sizeof err);
    token_free(token); /* the worker keeps its own copy */
    if (!w) {
        cli_error("%s", err);
        *rc = EXIT_INTERNAL;
    }
    return w;
}

/* SIGINT, SIGTERM and SIGHUP while a command waits for the API stop it cleanly: the
 * wait returns, the worker is stopped, nothing half-done is printed, and the exit status
 * is 128 + the signal (cli_fail). */
static int stop_pipe[2] = { -1, -1 };
static volatile sig_atomic_t stop_signal;
static const int stop_signals[] = { SIGINT, SIGTERM, SIGHUP };

static void on_stop(int sig)
{
    int saved = errno;
    stop_signal = sig;
    ssize_t w = write(stop_pipe[1], "", 1);
    (void)w;
    errno = saved;
}

void cli_signals_start(void)
{
    if (pipe2(stop_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return; /* the signals keep their default: they still stop the command */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof stop_signals / sizeof *stop_signals; i++)
        sigaction(stop_signals[i], &sa, NULL);
}

Result *cli_next(Worker *w)
{
    while (!stop_signal) {
        Result *r = worker_poll(w);
        if (r)
            return r;
        struct pollfd p[2] = { { .fd = worker_wake_fd(w), .events = POLLIN },
                               { .fd = stop_pipe[0], .events = POLLIN } };
        if (poll(p, stop_pipe[0] >= 0 ? 2 : 1, -1) < 0 && errno != EINTR)
            return NULL;
    }
    return NULL;
}

Result *cli_await(Worker *w, uint64_t job)
{
    for (;;) {
        Result *r = cli_next(w);
        if (!r || (r->job == job && r->kind != RES_RETRYING))
            return r;
        /* Retries are worth a line on a terminal; a cron job's mail only wants failures. */
        if (r->kind == RES_RETRYING && isatty(STDERR_FILENO))
            cli_error("%s", r->message);
        result_free(r);
    }
}

Detail *cli_retrieve(Worker *w, const char *id, int *rc)
{
    Result *r = cli_await(w, worker_retrieve(w, id, 1));
    Detail *d = NULL;
    if (r && r->kind == RES_DETAIL) {
        d = r->detail;
        r->detail = NULL;
        *rc = EXIT_OK;
    } else if (!r || r->kind == RES_ERROR) {
        *rc = cli_fail(r);
    } else {
        cli_error("the API answered with a different registration than " QS, id);
        *rc = EXIT_SERVER;
    }
    result_free(r);
    return d;
}

bool cli_id_ok(const char *id)
{
    size_t n = strlen(id);
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)id[i] <= ' ' || id[i] == 0x7f)
            return false;
    return n > 0 && n <= 128;
}

int cli_exit_for(ErrorClass ec)
{
    switch (ec) {
    case EC_NETWORK: return EXIT_NETWORK;
    case EC_AUTH: return EXIT_AUTH;
    case EC_SERVER: case EC_PARSE: return EXIT_SERVER;
    default: return EXIT_INTERNAL;
    }
}

int cli_fail(const Result *r)
{
    if (!r && stop_signal) {
        int sig = stop_signal;
        const char *name = sig == SIGINT ? "Ctrl-C (SIGINT)" : sig == SIGHUP ? "SIGHUP" : "SIGTERM";
        cli_error("stopped by %s before the command finished", name);
        return 128 + sig;
    }
    if (!r) {
        cli_error("lost contact with the network worker");
        return EXIT_INTERNAL;
    }
    cli_error("%s", r->message[0] ? r->message : "the request failed");
    return cli_exit_for(r->error);
}

/* ---- output ---------------------------------------------------------------------------- */

bool cli_write(FILE *out, const StrBuf *b)
{
    return b->len == 0 || fwrite(b->s, 1, b->len, out) == b->len;
}

int cli_finish_output(FILE *out)
{
    if (fflush(out) == 0 && !ferror(out))
        return EXIT_OK;
    if (errno != EPIPE) /* `regdesk list | head` closing early is not worth a message */
        cli_error("cannot write the output: %s", strerror(errno));
    return EXIT_INTERNAL;
}
