/* `list --file` on bad local input: each ends in one sentence and a non-zero exit (a
 * file cut inside its last record: the records before the cut and a warning), quickly,
 * with memory bounded, and with progress on a terminal for a large file. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test_cli_run.h"

TestSuite(cli_file, .fini = cli_scratch_clean, .timeout = 120);

static void write_file(const char *path, const char *data)
{
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f, "%s", path);
    fputs(data, f);
    cr_assert_eq(fclose(f), 0);
}

/* prefix, then `pad` bytes of c (0: a sparse hole of zeros), then suffix. */
static void make_file(const char *path, const char *prefix, long long pad, char c, const char *suffix)
{
    write_file(path, prefix);
    if (c == 0) {
        cr_assert_eq(truncate(path, (off_t)strlen(prefix) + pad), 0);
    } else {
        FILE *f = fopen(path, "ab");
        static char block[1 << 20];
        memset(block, c, sizeof block);
        for (long long left = pad; left > 0; left -= (long long)sizeof block)
            fwrite(block, 1, left < (long long)sizeof block ? (size_t)left : sizeof block, f);
        fclose(f);
    }
    FILE *f = fopen(path, "ab");
    fputs(suffix, f);
    fclose(f);
}

static CliRun list_file(const char *path)
{
    return cli_run((const char *[]){ "--timeout", "2", "list", "--file", path, "--format", "count", NULL }, NULL);
}

/* One sentence on stderr, exit 6, no output, and at most this much memory. */
static void assert_refused(const char *path, const char *says, long max_rss_mb)
{
    CliRun r = list_file(path);
    cr_assert_eq(r.status, 6, "%s: exit %d: %s", path, r.status, r.err);
    cr_assert_str_eq(r.out, "", "%s: nothing on stdout", path);
    cr_assert(!strncmp(r.err, "regdesk: ", 9) && strchr(r.err, '\n') == r.err + r.err_len - 1,
              "%s: one line on stderr: %s", path, r.err);
    cr_assert(strstr(r.err, says), "%s: %s", path, r.err);
    cr_assert_lt(r.max_rss_kb, max_rss_mb * 1024, "%s: %ld KB resident", path, r.max_rss_kb);
    cli_run_free(&r);
}

Test(cli_file, empty_garbage_zeros_and_a_directory_are_refused)
{
    char path[256];
    cli_scratch_path(path, sizeof path, "empty.json");
    write_file(path, "");
    assert_refused(path, "the input is empty", 100);
    cli_scratch_path(path, sizeof path, "blank.json");
    write_file(path, " \n\t\n");
    assert_refused(path, "the input is empty", 100);
    cli_scratch_path(path, sizeof path, "garbage.bin");
    write_file(path, "\x89PNG\r\n\x1a\n\x7f\xff binary");
    assert_refused(path, "expected a JSON array of registrations", 100);
    assert_refused("/dev/zero", "/dev/zero holds a zero byte at byte offset 0", 100);
    cli_scratch_path(path, sizeof path, "utf16.json");
    FILE *f = fopen(path, "wb");
    fwrite("\xff\xfe[\0]\0", 1, 6, f);
    fclose(f);
    assert_refused(path, "is UTF-16 text; save it as UTF-8", 100);
    assert_refused(cli_scratch(), "is a directory; --file takes a JSON file", 100);
    cli_scratch_path(path, sizeof path, "missing.json");
    assert_refused(path, "cannot open", 100);
}

/* A dump a crash left padded with zeros, 2 GB of them: refused at the first zero, not
 * read to the end. */
Test(cli_file, a_two_gigabyte_sparse_file_of_zeros_is_refused_at_once)
{
    char path[256];
    cli_scratch_path(path, sizeof path, "sparse.json");
    make_file(path, "", 2LL << 30, 0, "");
    assert_refused(path, "holds a zero byte at byte offset 0", 100);
    cli_scratch_path(path, sizeof path, "cut.json");
    make_file(path, "[{\"_id\":\"a1\"},{\"_id\":\"", 2LL << 30, 0, "");
    CliRun r = list_file(path);
    cr_assert_eq(r.status, 6, "%s", r.err);
    cr_assert(strstr(r.err, "holds a zero byte at byte offset 22"), "%s", r.err);
    cr_assert_lt(r.ms, 10000, "took %ld ms", r.ms);
    cli_run_free(&r);
}

/* One record that never ends is capped at 64 MB (memory bounded). */
Test(cli_file, a_record_that_never_ends_is_capped)
{
    char path[256];
    cli_scratch_path(path, sizeof path, "long.json");
    make_file(path, "[{\"notes\":\"", 100LL << 20, 'x', "");
    assert_refused(path, "is larger than 64 MB", 400);
}

Test(cli_file, a_fifo_without_a_writer_times_out_with_a_sentence)
{
    char path[256];
    cli_scratch_path(path, sizeof path, "dump.fifo");
    cr_assert_eq(mkfifo(path, 0600), 0);
    CliRun r = list_file(path);
    cr_assert_eq(r.status, 6, "%s", r.err);
    cr_assert(strstr(r.err, "is a FIFO and no program wrote to it in 2 s"), "%s", r.err);
    cr_assert_lt(r.ms, 8000, "gave up after %ld ms for a 2 s timeout", r.ms);
    cli_run_free(&r);
}

static void write_fifo_later(pid_t pid, void *ctx)
{
    (void)pid;
    int fd = open(ctx, O_WRONLY);
    const char data[] = "[{\"_id\":\"a1\"},{\"_id\":\"a2\"}]";
    cr_assert_eq(write(fd, data, sizeof data - 1), (ssize_t)(sizeof data - 1));
    close(fd);
}

Test(cli_file, a_fifo_is_read_once_its_writer_comes)
{
    char path[256];
    cli_scratch_path(path, sizeof path, "late.fifo");
    cr_assert_eq(mkfifo(path, 0600), 0);
    CliRun r = cli_run((const char *[]){ "--timeout", "20", "list", "--file", path, "--format", "count", NULL },
                       &(CliRunOpts){ .while_running = write_fifo_later, .ctx = path, .delay_ms = 300 });
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert_str_eq(r.out, "2\n");
    cli_run_free(&r);
}

Test(cli_file, a_file_cut_in_its_last_record_lists_the_records_before_and_warns)
{
    char path[256];
    cli_scratch_path(path, sizeof path, "cut.json");
    write_file(path, "[{\"_id\":\"a1\",\"status\":\"ONGOING\"},\n{\"_id\":\"a2\",\"status\":\"FAILED\"},\n{\"_id\":\"a3\",\"sta");
    CliRun r = cli_run((const char *[]){ "list", "--file", path, "--format", "json", NULL }, NULL);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert(strstr(r.out, "\"a1\"") && strstr(r.out, "\"a2\""), "%s", r.out);
    cr_assert_null(strstr(r.out, "\"a3\""));
    cr_assert(strstr(r.err, "ends in the middle of the JSON (at byte offset 82): it looks cut short; listed the 2 "
                            "complete registration(s) before the cut"), "%s", r.err);
    cli_run_free(&r);
    /* Cut before any record is complete: nothing to list, an error. */
    write_file(path, "[{\"_id\":\"a1\",\"sta");
    r = list_file(path);
    cr_assert_eq(r.status, 6, "%s", r.err);
    cr_assert(strstr(r.err, "is it truncated?"), "%s", r.err);
    cli_run_free(&r);
}

Test(cli_file, the_same_id_twice_in_a_file_is_listed_once_and_said)
{
    char path[256];
    cli_scratch_path(path, sizeof path, "dup.json");
    write_file(path, "[{\"_id\":\"a1\",\"status\":\"ONGOING\"},{\"_id\":\"a2\"},{\"_id\":\"a1\",\"status\":\"FAILED\"}]");
    CliRun r = cli_run((const char *[]){ "list", "--file", path, "--format", "csv", "--columns", "id,status", NULL },
                       NULL);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert(strstr(r.out, "a1,FAILED"), "the later copy: %s", r.out);
    cr_assert(strstr(r.err, "holds 1 registration(s) whose id came earlier in it"), "%s", r.err);
    cli_run_free(&r);
}

/* A large file shows its progress on a terminal's stderr (script(1) gives a pty), and
 * nothing when stderr is a file. */
Test(cli_file, a_large_file_shows_progress_on_a_terminal_only)
{
    char path[256], cmd[8192];
    cli_scratch_path(path, sizeof path, "big.json");
    make_file(path, "[{\"_id\":\"a1\"}", 24LL << 20, ' ', "]");
    if (access("/usr/bin/script", X_OK) != 0)
        cr_skip_test("script(1) is not installed");
    snprintf(cmd, sizeof cmd, "%s list --file %s --format count", cli_binary(), path); /* absolute */
    CliRun r = cli_run((const char *[]){ "-qec", cmd, "/dev/null", NULL }, &(CliRunOpts){ .binary = "/usr/bin/script" });
    cr_assert_eq(r.status, 0, "%s %s", r.out, r.err);
    cr_assert(strstr(r.out, "regdesk: reading ") && strstr(r.out, " of 24.0 MB ("), "no progress on the terminal: %s",
              r.out);
    cr_assert(strstr(r.out, "\r\033[K"), "the progress line is cleared");
    cr_assert(strstr(r.out, "1\r\n"), "the count: %s", r.out);
    cli_run_free(&r);
    r = list_file(path);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert_str_eq(r.err, "", "no progress when stderr is not a terminal");
    cli_run_free(&r);
}

/* Output that cannot be written (the export is stdout here): /dev/full, and a file size
 * limit, which is an error with a sentence, not SIGXFSZ killing regdesk. */
Test(cli_file, output_that_cannot_be_written_is_a_sentence)
{
    char path[256], out[256], cmd[8192];
    cli_scratch_path(path, sizeof path, "dump.json");
    make_file(path, "[", 0, 'x', "");
    FILE *f = fopen(path, "ab");
    for (int i = 0; i < 3000; i++)
        fprintf(f, "%s{\"_id\":\"id%05d\",\"status\":\"ONGOING\",\"fullName\":\"Ana Ruiz %d\"}", i ? "," : "", i, i);
    fputs("]", f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "%s list --file %s --format csv > /dev/full", cli_binary(), path); /* absolute */
    CliRun r = cli_run((const char *[]){ "-c", cmd, NULL }, &(CliRunOpts){ .binary = "/bin/sh" });
    cr_assert_eq(r.status, 6, "%s", r.err);
    cr_assert(strstr(r.err, "regdesk: cannot write the output: No space left on device"), "%s", r.err);
    cli_run_free(&r);
    cli_scratch_path(out, sizeof out, "out.csv");
    snprintf(cmd, sizeof cmd, "%s list --file %s --format csv > %s", cli_binary(), path, out);
    r = cli_run((const char *[]){ "-c", cmd, NULL }, &(CliRunOpts){ .binary = "/bin/sh", .fsize_limit = 8192 });
    cr_assert_eq(r.status, 6, "a size limit is an exit status, not a signal (%d): %s", r.status, r.err);
    cr_assert(strstr(r.err, "regdesk: cannot write the output: File too large"), "%s", r.err);
    cli_run_free(&r);
}
