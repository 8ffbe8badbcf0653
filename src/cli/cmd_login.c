/* regdesk login --email E: the email one-time-code login; the token goes to the token
 * file (mode 0600) and nowhere else. */
#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/clirun.h"
#include "core/safetext.h"
#include "net/token.h"

enum { CODE_DIGITS = 6 };

static struct termios saved_tty;
static struct sigaction saved_int, saved_term;

/* Ctrl-C while the code is typed must not leave the terminal without echo. */
static void restore_and_die(int sig)
{
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tty);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* One line from stdin into buf (without its newline); with echo off on a terminal. */
static bool read_code_line(char *buf, size_t n)
{
    bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved_tty) == 0;
    if (tty) {
        struct termios quiet = saved_tty;
        quiet.c_lflag &= (tcflag_t)~ECHO;
        quiet.c_lflag |= ECHONL;
        struct sigaction die;
        memset(&die, 0, sizeof die);
        die.sa_handler = restore_and_die;
        sigemptyset(&die.sa_mask);
        sigaction(SIGINT, &die, &saved_int);
        sigaction(SIGTERM, &die, &saved_term);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    bool ok = fgets(buf, (int)n, stdin) != NULL;
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tty);
        sigaction(SIGINT, &saved_int, NULL); /* back to stopping the command cleanly */
        sigaction(SIGTERM, &saved_term, NULL);
    } else {
        fputc('\n', stderr); /* nothing echoed the line end */
    }
    buf[ok ? strcspn(buf, "\r\n") : 0] = '\0';
    return ok;
}

/* The code's digits, blanks ignored ("123 456"); false unless there are exactly six. */
static bool clean_code(const char *in, char *out)
{
    size_t n = 0;
    for (; *in; in++) {
        if (isspace((unsigned char)*in))
            continue;
        if (!isdigit((unsigned char)*in) || n == CODE_DIGITS)
            return false;
        out[n++] = *in;
    }
    out[n] = '\0';
    return n == CODE_DIGITS;
}

static int ask_code(const char *email, char *code)
{
    char line[128];
    char shown[300];
    safetext_format(shown, sizeof shown, "%s", email);
    fprintf(stderr, "regdesk: a %d-digit code was sent to %s; type it here: ", CODE_DIGITS, shown);
    fflush(stderr);
    bool ok = read_code_line(line, sizeof line) && clean_code(line, code);
    explicit_bzero(line, sizeof line);
    if (!ok) {
        cli_error("no valid code was entered (it is %d digits); run regdesk login again", CODE_DIGITS);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

/* A refused code is an authentication failure, whatever status the API used for it. */
static int confirm_failed(const Result *r)
{
    int rc = cli_fail(r);
    return r && r->error == EC_SERVER && r->http >= 400 && r->http < 500 ? EXIT_AUTH : rc;
}

static int save(const CliSettings *cs, const char *token)
{
    char path[512], err[400];
    const char *file = cs->token_file;
    if (!file) {
        token_default_path(path, sizeof path);
        file = path;
    }
    if (!token_save(file, token, err, sizeof err)) {
        cli_error("%s", err);
        return EXIT_INTERNAL;
    }
    char shown[600];
    safetext_format(shown, sizeof shown, "logged in; the token is saved in " QS " (mode 0600)", file);
    printf("%s\n", shown);
    /* The variable is read before the file: the new token would go unused. */
    const char *env = getenv("VERIFIK_TOKEN");
    if (env && *env)
        cli_error("VERIFIK_TOKEN is set and wins over the token file; unset it so regdesk uses the new token");
    return cli_finish_output(stdout);
}

int cmd_login(int argc, char **argv, const CliSettings *cs)
{
    const char *email = NULL;
    const CliOpt opts[] = { { "--email", &email, NULL } };
    size_t npos;
    if (!cli_options(argc, argv, opts, 1, NULL, 0, &npos))
        return EXIT_USAGE;
    if (!email || !strchr(email, '@')) {
        cli_error("usage: regdesk login --email E (the e-mail address of your Verifik account)");
        return EXIT_USAGE;
    }
    int rc;
    Worker *w = cli_worker(cs, false, &rc);
    if (!w)
        return rc;
    Result *r = cli_await(w, worker_login(w, email, 1));
    char code[CODE_DIGITS + 1] = "";
    if (!r || r->kind == RES_ERROR)
        rc = cli_fail(r);
    else
        rc = ask_code(email, code);
    result_free(r);
    r = NULL;
    if (rc == EXIT_OK) {
        r = cli_await(w, worker_login_confirm(w, email, code, 1));
        explicit_bzero(code, sizeof code);
        rc = r && r->kind == RES_TOKEN ? save(cs, r->token) : confirm_failed(r);
    }
    result_free(r); /* wipes the token */
    worker_stop(w);
    return rc;
}
