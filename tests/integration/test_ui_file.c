/* The dashboard on an export (regdesk --file PATH|-), run headless with scripted keys:
 * read-only (what needs the API says so; no token, no network, no audit line), the
 * records loaded progressively off the main thread, and every bad file ending in a
 * sentence on screen. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../testutil.h"
#include "test_cli_run.h"

TestSuite(ui_file, .fini = cli_scratch_clean, .timeout = 120);

static void write_file(const char *path, const char *data)
{
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f, "%s", path);
    fputs(data, f);
    cr_assert_eq(fclose(f), 0);
}

static const char three[] = "[{\"_id\":\"a1\",\"status\":\"NEEDS_MANUAL_VERIFICATION\",\"fullName\":\"Ana Ruiz\"},\n"
                            "{\"_id\":\"a2\",\"status\":\"FAILED\",\"fullName\":\"Bruno Díaz\"},\n"
                            "{\"_id\":\"a3\",\"status\":\"ONGOING\",\"fullName\":\"Carla Peña\"}]\n";

/* The dashboard on `file` with the script `script` (its %s are dump paths d0, d1), no
 * token in the environment. */
static CliRun dash(const char *file, const char *script, const CliRunOpts *more, const char *timeout)
{
    static char keys[4096];
    snprintf(keys, sizeof keys, "REGDESK_KEYS=%s", script);
    const char *const env[] = { "REGDESK_HEADLESS=320x24", keys, "REGDESK_NOW=2025-05-25T12:00:00Z", NULL };
    CliRunOpts o = more ? *more : (CliRunOpts){ 0 };
    o.env = env;
    return cli_run((const char *[]){ "--timeout", timeout, "--file", file, NULL }, &o);
}

static char *dump_path(const char *name)
{
    static char paths[8][256];
    static int k;
    char *p = paths[k++ % 8];
    cli_scratch_path(p, 256, name);
    unlink(p);
    return p;
}

static char *screen(const char *path)
{
    char *s = tu_read_file(path, NULL);
    cr_assert_not_null(s, "no dump %s", path);
    return s;
}

/* An export opens read-only: its name in the header, every record, and each action that
 * needs the API refused in one sentence, with nothing sent and nothing logged. */
Test(ui_file, an_export_opens_read_only)
{
    char path[256], script[2048];
    cli_scratch_path(path, sizeof path, "three.json");
    write_file(path, three);
    const char *d[] = { dump_path("open.txt"), dump_path("a.txt"), dump_path("L.txt"), dump_path("C.txt") };
    const char *r = dump_path("r.txt"), *enter = dump_path("enter.txt");
    snprintf(script, sizeof script, ":wait-loaded\n:dump %s\na\n:dump %s\nL\n:dump %s\nC\n:dump %s\nr\n:dump %s\n"
             "<Enter>\n:dump %s\n:quit\n", d[0], d[1], d[2], d[3], r, enter);
    CliRun run = dash(path, script, NULL, "5");
    cr_assert_eq(run.status, 0, "%d %s", run.status, run.err);
    char *s = screen(d[0]);
    cr_assert(strstr(s, "file ") && strstr(s, "three.json (read-only)"), "the source in the header: %s", s);
    cr_assert(strstr(s, "Ana Ruiz") && strstr(s, "Bruno Díaz") && strstr(s, "Carla Peña"), "%s", s);
    cr_assert(strstr(s, "3 loaded from the export"), "%s", s);
    free(s);
    const char *doing[] = { "deciding", "resending the link", "creating a registration" };
    for (int i = 0; i < 3; i++) {
        char want[200];
        snprintf(want, sizeof want, "this is an export opened with --file: %s needs the API; open the dashboard without "
                 "--file", doing[i]);
        s = screen(d[i + 1]);
        cr_assert(strstr(s, want), "%s: %s", doing[i], s);
        free(s);
    }
    s = screen(r);
    cr_assert(strstr(s, "reloading needs the API"), "%s", s);
    free(s);
    s = screen(enter);
    cr_assert(strstr(s, "From the export ") && strstr(s, "API: open the dashboard without --file."),
              "the detail says what the export holds: %s", s);
    cr_assert_null(strstr(s, "offline"), "nothing went to the network: %s", s);
    free(s);
    char audit[512];
    snprintf(audit, sizeof audit, "%s/.local/state/regdesk/audit.log", cli_scratch());
    cr_assert_neq(access(audit, F_OK), 0, "no audit line");
    cli_run_free(&run);
}

/* --file - reads the export from standard input (the keys from the terminal). */
Test(ui_file, standard_input_is_an_export_too)
{
    char script[512];
    const char *d = dump_path("stdin.txt");
    snprintf(script, sizeof script, ":wait-loaded\n:dump %s\n:quit\n", d);
    CliRun run = dash("-", script, &(CliRunOpts){ .input = three }, "5");
    cr_assert_eq(run.status, 0, "%d %s", run.status, run.err);
    char *s = screen(d);
    cr_assert(strstr(s, "file standard input (read-only)") && strstr(s, "Carla Peña"), "%s", s);
    free(s);
    cli_run_free(&run);
}

/* Records show while the rest is still coming: a FIFO whose writer sends 4000 records
 * (more than the parser's run, ~256 KB), waits, then the last one; the screen between
 * says how many so far. */
enum { FIRST_PART = 4000 };

static void write_in_two_parts(pid_t pid, void *ctx)
{
    (void)pid;
    int fd = open(ctx, O_WRONLY);
    cr_assert_geq(fd, 0);
    FILE *f = fdopen(fd, "w");
    fputs("[", f);
    for (int i = 0; i < FIRST_PART; i++)
        fprintf(f, "{\"_id\":\"r%05d\",\"status\":\"ONGOING\",\"fullName\":\"Persona %05d del archivo\"},\n", i, i);
    fflush(f);
    usleep(1500 * 1000);
    fputs("{\"_id\":\"last\",\"status\":\"FAILED\",\"fullName\":\"Carla Peña\"}]\n", f);
    fclose(f);
}

Test(ui_file, records_show_while_the_file_still_loads)
{
    char path[256], script[1024];
    cli_scratch_path(path, sizeof path, "parts.fifo");
    unlink(path);
    cr_assert_eq(mkfifo(path, 0600), 0);
    const char *mid = dump_path("mid.txt"), *end = dump_path("end.txt");
    snprintf(script, sizeof script, ":wait-rows 1000\n:dump %s\n:wait-loaded\n:dump %s\n:quit\n", mid, end);
    CliRun run = dash(path, script, &(CliRunOpts){ .while_running = write_in_two_parts, .ctx = path, .delay_ms = 200 },
                      "20");
    cr_assert_eq(run.status, 0, "%d %s", run.status, run.err);
    char *s = screen(mid);
    cr_assert(strstr(s, "loading: ") && strstr(s, " registrations, "), "progress for a pipe is records so far: %s", s);
    cr_assert_null(strstr(s, "Carla Peña"), "%s", s);
    free(s);
    s = screen(end);
    cr_assert(strstr(s, "4001 loaded from the export"), "%s", s);
    free(s);
    cli_run_free(&run);
}

/* ---- bad local input (issue 15): each ends in a sentence on the screen ---------------- */

/* The dashboard on a file it cannot read: the sentence on the status bar, the
 * dashboard open with it until q, then the same sentence on stderr and exit 6; memory
 * bounded. */
static void assert_refused_on_screen(const char *path, const char *says, const char *timeout, long max_ms)
{
    char script[600];
    const char *d = dump_path("refused.txt");
    snprintf(script, sizeof script, ":wait-loaded\n:dump %s\n:quit\n", d);
    CliRun run = dash(path, script, NULL, timeout);
    cr_assert_eq(run.status, 6, "%s: exit %d: %s", path, run.status, run.err);
    char *s = screen(d);
    cr_assert(strstr(s, says), "%s: the sentence on screen: %s", path, s);
    cr_assert(strstr(s, "nothing loaded"), "%s", s);
    free(s);
    cr_assert(!strncmp(run.err, "regdesk: ", 9) && strstr(run.err, says) && strchr(run.err, '\n') == run.err + run.err_len - 1,
              "%s: one line on stderr: %s", path, run.err);
    cr_assert_lt(run.max_rss_kb, 100 * 1024, "%s: %ld KB resident", path, run.max_rss_kb);
    cr_assert_lt(run.ms, max_ms, "%s: took %ld ms", path, run.ms);
    cli_run_free(&run);
}

Test(ui_file, empty_garbage_zeros_and_a_directory_end_in_a_sentence)
{
    char path[256];
    cli_scratch_path(path, sizeof path, "empty.json");
    write_file(path, "");
    assert_refused_on_screen(path, "the input is empty", "5", 10000);
    cli_scratch_path(path, sizeof path, "garbage.bin");
    write_file(path, "\x89PNG\r\n\x1a\n\x7f\xff binary");
    assert_refused_on_screen(path, "expected a JSON array of registrations", "5", 10000);
    assert_refused_on_screen("/dev/zero", "/dev/zero holds a zero byte at byte offset 0", "5", 10000);
    assert_refused_on_screen(cli_scratch(), "is a directory; --file takes a JSON file", "5", 10000);
}

/* 2 GB of zeros (a sparse file): refused at the first zero, not read to the end. */
Test(ui_file, a_two_gigabyte_sparse_file_of_zeros_ends_at_once)
{
    char path[256];
    cli_scratch_path(path, sizeof path, "sparse.json");
    write_file(path, "");
    cr_assert_eq(truncate(path, 2LL << 30), 0);
    assert_refused_on_screen(path, "holds a zero byte at byte offset 0", "5", 10000);
}

/* A FIFO nobody writes to: the wait on screen with its time left, then the timeout's
 * sentence; and q during the wait quits at once, whatever the timeout. */
Test(ui_file, a_fifo_without_a_writer_says_it_waits_then_times_out)
{
    char path[256], script[600];
    cli_scratch_path(path, sizeof path, "nobody.fifo");
    unlink(path);
    cr_assert_eq(mkfifo(path, 0600), 0);
    const char *wait = dump_path("wait.txt");
    snprintf(script, sizeof script, ":sleep 300\n:dump %s\n:quit\n", wait);
    CliRun run = dash(path, script, NULL, "60");
    cr_assert_lt(run.ms, 5000, "q while waiting took %ld ms", run.ms);
    char *s = screen(wait);
    cr_assert(strstr(s, "waiting up to 60 s for a program to write to ") && strstr(s, " s left)"), "%s", s);
    free(s);
    cli_run_free(&run);
    assert_refused_on_screen(path, "is a FIFO and no program wrote to it in 2 s", "2", 8000);
}

/* A file cut inside its last record: the records before the cut, and a warning. */
Test(ui_file, a_file_cut_in_its_last_record_shows_the_records_before_and_warns)
{
    char path[256], script[600];
    cli_scratch_path(path, sizeof path, "cut.json");
    write_file(path, "[{\"_id\":\"a1\",\"status\":\"ONGOING\"},\n{\"_id\":\"a2\",\"status\":\"FAILED\"},\n{\"_id\":\"a3\",\"sta");
    const char *d = dump_path("cut.txt");
    snprintf(script, sizeof script, ":wait-loaded\n:dump %s\n:quit\n", d);
    CliRun run = dash(path, script, NULL, "5");
    cr_assert_eq(run.status, 0, "%d %s", run.status, run.err);
    char *s = screen(d);
    cr_assert(strstr(s, "2 loaded from the export"), "%s", s);
    cr_assert(strstr(s, "ends in the middle of the JSON (at byte offset 82): it looks cut short; showing the 2 "
                        "complete registration(s) before the cut"), "%s", s);
    free(s);
    cli_run_free(&run);
}

/* A large file shows its progress as bytes read of its size while it loads (the script
 * holds back what came after the page that brought the rows it waits for). */
Test(ui_file, a_large_file_shows_bytes_read_of_its_size)
{
    char path[256], script[600];
    cli_scratch_path(path, sizeof path, "large.json");
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f);
    fputs("[", f);
    for (int i = 0; i < 20000; i++)
        fprintf(f, "%s{\"_id\":\"r%05d\",\"status\":\"ONGOING\",\"fullName\":\"Persona %05d\"}\n", i ? "," : "", i, i);
    fputs("]\n", f);
    cr_assert_eq(fclose(f), 0);
    const char *d = dump_path("large.txt");
    snprintf(script, sizeof script, ":wait-rows 1000\n:dump %s\n:wait-loaded\n:quit\n", d);
    CliRun run = dash(path, script, NULL, "5");
    cr_assert_eq(run.status, 0, "%d %s", run.status, run.err);
    char *s = screen(d);
    cr_assert(strstr(s, "loading ") && strstr(s, " %: ") && strstr(s, " of 1.2 MB, "), "%s", s);
    free(s);
    cli_run_free(&run);
}
