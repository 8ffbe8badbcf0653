/* local/wholefile: a file whole at its path or not there, never over another. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../testutil.h"
#include "local/wholefile.h"

static char dir[64];

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/regdesk-wf-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(wholefile, .init = setup, .fini = teardown);

/* How many entries the directory holds (a left temporary file counts). */
static int entries(void)
{
    DIR *d = opendir(dir);
    cr_assert_not_null(d);
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    closedir(d);
    return n;
}

static void in_dir(char *path, size_t n, const char *name)
{
    snprintf(path, n, "%s/%s", dir, name);
}

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
}

Test(wholefile, a_committed_file_is_whole_and_private)
{
    char path[128], err[300];
    in_dir(path, sizeof path, "out.csv");
    WholeFile *f = wholefile_open(path, WHOLEFILE_EXCL, err, sizeof err);
    cr_assert_not_null(f, "%s", err);
    cr_assert_eq(access(path, F_OK), -1, "nothing at the name before the commit");
    cr_assert(wholefile_write(f, "a,b\r\n", 5, err, sizeof err));
    cr_assert(wholefile_write(f, "1,2\r\n", 5, err, sizeof err));
    cr_assert(wholefile_commit(f, err, sizeof err), "%s", err);
    struct stat st;
    cr_assert_eq(stat(path, &st), 0);
    cr_assert_eq(st.st_mode & 0777, 0600);
    char *text = tu_read_file(path, NULL);
    cr_assert_str_eq(text, "a,b\r\n1,2\r\n");
    free(text);
    cr_assert_eq(entries(), 1, "no temporary file left");
}

Test(wholefile, an_existing_file_is_refused_and_left_alone)
{
    char path[128], err[300];
    in_dir(path, sizeof path, "taken.csv");
    put(path, "theirs");
    cr_assert_null(wholefile_open(path, WHOLEFILE_EXCL, err, sizeof err));
    cr_assert(strstr(err, "taken.csv exists; give another name"), "%s", err);
    /* created between the prompt and the end of the writing: still not replaced */
    unlink(path);
    WholeFile *f = wholefile_open(path, WHOLEFILE_EXCL, err, sizeof err);
    cr_assert_not_null(f, "%s", err);
    cr_assert(wholefile_write(f, "mine", 4, err, sizeof err));
    put(path, "theirs");
    cr_assert_not(wholefile_commit(f, err, sizeof err));
    cr_assert(strstr(err, "exists"), "%s", err);
    char *text = tu_read_file(path, NULL);
    cr_assert_str_eq(text, "theirs");
    free(text);
    cr_assert_eq(entries(), 1, "the temporary file went");
}

Test(wholefile, a_failed_write_leaves_no_half_file)
{
    char path[128], err[300];
    in_dir(path, sizeof path, "big.csv");
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit lim = { 4096, 4096 };
    cr_assert_eq(setrlimit(RLIMIT_FSIZE, &lim), 0);
    WholeFile *f = wholefile_open(path, WHOLEFILE_EXCL, err, sizeof err);
    cr_assert_not_null(f, "%s", err);
    static char chunk[1000];
    memset(chunk, 'x', sizeof chunk);
    bool ok = true;
    for (int i = 0; i < 10 && ok; i++)
        ok = wholefile_write(f, chunk, sizeof chunk, err, sizeof err);
    cr_assert_not(ok, "the limit stops the writing");
    cr_assert(strstr(err, "cannot write") && strstr(err, "big.csv"), "%s", err);
    wholefile_abort(f);
    cr_assert_eq(access(path, F_OK), -1, "no file at the name");
    cr_assert_eq(entries(), 0, "and no temporary one");
}

Test(wholefile, a_directory_that_is_not_there_is_a_sentence)
{
    char path[128], err[300];
    in_dir(path, sizeof path, "nowhere/out.csv");
    cr_assert_null(wholefile_open(path, WHOLEFILE_EXCL, err, sizeof err));
    cr_assert(strstr(err, "cannot write") && strstr(err, "the directory must exist"), "%s", err);
    cr_assert_null(wholefile_open(dir, WHOLEFILE_EXCL, err, sizeof err), "a directory is no file name");
}
