/* regdesk's own files (local/files.h, local/audit.h): private directories, a log that
 * takes whole lines or nothing, and an audit log that refuses to be written where it
 * should not be. */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../testutil.h"
#include "local/audit.h"
#include "local/files.h"

static char dir[64];

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/regdesk-files-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static void teardown(void)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s'", dir, dir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(local_files, .init = setup, .fini = teardown);

static void path_in(char *buf, size_t n, const char *name)
{
    snprintf(buf, n, "%s/%s", dir, name);
}

static mode_t mode_of(const char *path)
{
    struct stat st;
    cr_assert_eq(lstat(path, &st), 0, "%s: %s", path, strerror(errno));
    return st.st_mode & 07777;
}

Test(local_files, the_log_and_the_directories_it_needs_are_private)
{
    char file[256], sub[256];
    path_in(file, sizeof file, "state/regdesk/audit.log");
    char why[300];
    cr_assert(files_make_private_dirs(file, why, sizeof why), "%s", why);
    cr_assert(files_append_record(file, "one\n", 4, why, sizeof why), "%s", why);
    cr_assert(files_append_record(file, "two\n", 4, why, sizeof why), "%s", why);
    cr_assert_eq(mode_of(file), 0600);
    path_in(sub, sizeof sub, "state");
    cr_assert_eq(mode_of(sub), 0700);
    path_in(sub, sizeof sub, "state/regdesk");
    cr_assert_eq(mode_of(sub), 0700);
    char *text = tu_read_file(file, NULL);
    cr_assert_str_eq(text, "one\ntwo\n", "appended, in order");
    free(text);
    chmod(file, 0644);
    cr_assert(files_append_record(file, "three\n", 6, why, sizeof why), "%s", why);
    cr_assert_eq(mode_of(file), 0600, "a log others could read is put back to 0600");
}

Test(local_files, a_link_a_directory_or_a_shared_directory_is_refused)
{
    char file[256], target[256], why[300];
    path_in(target, sizeof target, "elsewhere");
    path_in(file, sizeof file, "link.log");
    cr_assert_eq(symlink(target, file), 0);
    cr_assert_not(files_append_record(file, "x\n", 2, why, sizeof why));
    cr_assert(strstr(why, "symbolic link"), "%s", why);
    cr_assert_neq(access(target, F_OK), 0, "nothing was created through the link");
    path_in(file, sizeof file, "adir");
    mkdir(file, 0700);
    cr_assert_lt(files_open_append(file, why, sizeof why), 0);
    path_in(target, sizeof target, "shared");
    mkdir(target, 0777);
    chmod(target, 0777);
    path_in(file, sizeof file, "shared/audit.log");
    cr_assert_not(files_make_private_dirs(file, why, sizeof why));
    cr_assert(strstr(why, "writable by other people") && strstr(why, "chmod 700"), "%s", why);
}

/* Under a file size limit the record does not fit: the log keeps what it had, whole. */
Test(local_files, a_record_that_does_not_fit_is_taken_back)
{
    char file[256];
    path_in(file, sizeof file, "small.log");
    char why[300];
    cr_assert(files_append_record(file, "first line\n", 11, why, sizeof why), "%s", why);
    pid_t pid = fork();
    cr_assert_geq(pid, 0);
    if (pid == 0) {
        signal(SIGXFSZ, SIG_IGN); /* as regdesk's main does not need to: the write fails instead */
        struct rlimit lim = { 16, 16 };
        setrlimit(RLIMIT_FSIZE, &lim);
        char big[64];
        memset(big, 'x', sizeof big - 1);
        big[sizeof big - 1] = '\n';
        bool ok = files_append_record(file, big, sizeof big, why, sizeof why);
        _exit(!ok && strstr(why, "ulimit -f") ? 0 : 1);
    }
    int status;
    waitpid(pid, &status, 0);
    cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the append failed with a sentence about the limit");
    char *text = tu_read_file(file, NULL);
    cr_assert_str_eq(text, "first line\n", "half a record was taken back");
    free(text);
}

Test(local_files, an_audit_log_that_cannot_be_written_refuses_with_a_sentence)
{
    char file[256], ro[256];
    path_in(ro, sizeof ro, "ro");
    mkdir(ro, 0500);
    path_in(file, sizeof file, "ro/regdesk/audit.log");
    AuditLog *a = audit_open(file, "cli", "127.0.0.1:1");
    char err[600];
    if (geteuid() != 0) { /* root writes anywhere */
        cr_assert_not(audit_check(a, err, sizeof err));
        cr_assert(strstr(err, file) && strstr(err, "regdesk acts only where it can leave a trace"), "%s", err);
    }
    audit_close(a);
    /* What refuses even root: a file where a directory should be, and a device. */
    path_in(ro, sizeof ro, "plain");
    fclose(fopen(ro, "w"));
    path_in(file, sizeof file, "plain/regdesk/audit.log");
    a = audit_open(file, "cli", "127.0.0.1:1");
    cr_assert_not(audit_check(a, err, sizeof err));
    cr_assert(strstr(err, "Not a directory") && strstr(err, "fix that first"), "%s", err);
    audit_close(a);
    /* A long path shortens in the sentence; what to do is never cut off (issue 17). */
    static char deep[1200];
    int at = snprintf(deep, sizeof deep, "%s/", ro);
    for (int i = 0; i < 50; i++)
        at += snprintf(deep + at, sizeof deep - (size_t)at, "folder-%02d/", i);
    snprintf(deep + at, sizeof deep - (size_t)at, "audit.log");
    a = audit_open(deep, "cli", "127.0.0.1:1");
    char small[300];
    cr_assert_not(audit_check(a, small, sizeof small));
    cr_assert(strstr(small, "…") && strstr(small, "regdesk acts only where it can leave a trace"), "%s", small);
    audit_close(a);
    a = audit_open("/dev/full", "cli", "127.0.0.1:1");
    AuditEvent none = { .action = "override", .outcome = AO_OK };
    cr_assert_not(audit_append(a, &none, err, sizeof err));
    cr_assert(strstr(err, "not a regular file"), "%s", err);
    audit_close(a);
    path_in(file, sizeof file, "ok/audit.log");
    a = audit_open(file, "cli", "127.0.0.1:1");
    cr_assert(audit_check(a, err, sizeof err), "%s", err);
    AuditEvent ev = { .action = "override", .id = "a1", .outcome = AO_OK, .http = 200 };
    cr_assert(audit_append(a, &ev, err, sizeof err), "%s", err);
    audit_close(a);
    char *text = tu_read_file(file, NULL);
    cr_assert(strstr(text, "\"via\":\"cli\",\"api\":\"127.0.0.1:1\",\"action\":\"override\",\"id\":\"a1\""), "%s", text);
    cr_assert_eq(strchr(text, '\n'), text + strlen(text) - 1, "one line");
    free(text);
}
