#ifndef REGDESK_CLI_CLIRUN_H
#define REGDESK_CLI_CLIRUN_H
/* What every subcommand does the same way: parse its options, start the worker, wait
 * for a result, turn an error into one sanitised sentence and an exit status. */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cli/cli_internal.h"
#include "core/filter.h"
#include "core/strbuf.h"
#include "net/worker.h"

/* One option of a subcommand: `value` for --name VALUE (or --name=VALUE), `flag` for a
 * switch. */
typedef struct CliOpt {
    const char *name;
    const char **value;
    bool *flag;
} CliOpt;

/* Parses argv[1..argc) (argv[0] is the subcommand). Positional arguments go to pos[]
 * (at most npos; *got receives how many). Prints the problem and returns false on an
 * unknown option, a missing value or too many arguments. */
bool cli_options(int argc, char **argv, const CliOpt *opts, size_t nopts, const char **pos, size_t npos,
                 size_t *got);

/* --format text|json of `regdesk <command>` (NULL: text): whether it asks for JSON;
 * false, with the problem printed, for any other format. */
bool cli_text_or_json(const char *format, const char *command, bool *json);

/* What list and show mask: everything the config's `mask` names with --mask, nothing
 * with --no-mask, and without either the config's set when stdout is a terminal (a
 * screen others may see) and nothing when it is a file or a pipe (an export that was
 * asked for). False, with the problem printed, for both flags at once. */
bool cli_mask_choice(const CliSettings *cs, bool mask, bool no_mask, unsigned *out);

/* Prints a filter error with the expression and a caret line under the bad term. */
void cli_filter_error(FILE *out, const char *expr, const FilterError *e);

/* Starts a worker with the settings (and the token, loaded now, when need_token); NULL
 * with *rc set (the reason already printed) when it cannot. The token is wiped from this
 * side once the worker holds its copy. */
Worker *cli_worker(const CliSettings *s, bool need_token, int *rc);
/* From here on SIGINT, SIGTERM and SIGHUP stop a command cleanly (cli_command calls it). */
void cli_signals_start(void);
/* Blocks until the worker posts a result; NULL when a signal stopped the command (or the
 * wait failed): cli_fail(NULL) then says so and gives the exit status. */
Result *cli_next(Worker *w);
/* The final result of one job: retry notices are shown (on a terminal) and dropped. */
Result *cli_await(Worker *w, uint64_t job);

/* The populated record (owned by the caller: detail_free), or NULL with *rc set and the
 * reason printed. */
Detail *cli_retrieve(Worker *w, const char *id, int *rc);
/* An id from the command line: non-empty, at most 128 bytes, printable. */
bool cli_id_ok(const char *id);

int cli_exit_for(ErrorClass ec);
/* Prints r's message (RES_ERROR) and returns the matching exit status; for NULL, why
 * the wait ended (128 + the signal that stopped the command). */
int cli_fail(const Result *r);

/* Writes b to out; false (with errno) when the output cannot be written. */
bool cli_write(FILE *out, const StrBuf *b);
/* Flushes stdout; on failure says why (a closed pipe quietly) and returns EXIT_INTERNAL. */
int cli_finish_output(FILE *out);

#endif
