/* The one way regdesk writes a file (local/safefile.h): whole or not at all, mode 0600,
 * and a sentence when it cannot be written: a read-only directory, /dev/full, a file
 * size limit (ulimit -f), a full disk. Each test runs in its own process (Criterion), so
 * the limits and mounts it sets go with it. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/msg.h"
#include "local/safefile.h"
#include "net/token.h"

static char dir[64];

static void make_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/regdesk-safefile-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    signal(SIGXFSZ, SIG_IGN); /* as process_harden does */
}

static void remove_dir(void)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "chmod -R u+w '%s' 2>/dev/null; rm -rf '%s'", dir, dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
}

TestSuite(safefile, .init = make_dir, .fini = remove_dir);

static void path_in(char *buf, size_t n, const char *name)
{
    snprintf(buf, n, "%s/%s", dir, name);
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* The names in the directory, one per line (so a stray temporary file shows). */
static const char *listing(void)
{
    static char out[4096];
    out[0] = '\0';
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (e->d_name[0] != '.')
            snprintf(out + strlen(out), sizeof out - strlen(out), "%s\n", e->d_name);
    if (d)
        closedir(d);
    return out;
}

static void plain(char *out, size_t n, const char *msg)
{
    msg_plain(out, n, msg);
}

Test(safefile, a_file_is_written_whole_with_mode_0600)
{
    char path[128], err[MSG_MAX];
    path_in(path, sizeof path, "export.csv");
    SafeFile *f = safefile_open(path, 0, err, sizeof err);
    cr_assert_not_null(f, "%s", err);
    cr_assert(safefile_write(f, "id,status\n", 10, err, sizeof err));
    cr_assert_null(read_all(path), "nothing at the path before the commit");
    cr_assert(safefile_write(f, "a1,FAILED\n", 10, err, sizeof err));
    cr_assert(safefile_commit(f, err, sizeof err), "%s", err);
    cr_assert_str_eq(read_all(path), "id,status\na1,FAILED\n");
    struct stat st;
    cr_assert_eq(stat(path, &st), 0);
    cr_assert_eq(st.st_mode & 07777, 0600);
    cr_assert_str_eq(listing(), "export.csv\n", "no temporary file is left");
    /* Replacing it is atomic too; abort leaves the old one. */
    f = safefile_open(path, 0, err, sizeof err);
    safefile_write(f, "half", 4, err, sizeof err);
    safefile_abort(f);
    cr_assert_str_eq(read_all(path), "id,status\na1,FAILED\n");
    cr_assert_str_eq(listing(), "export.csv\n");
}

Test(safefile, excl_never_replaces_a_file)
{
    char path[128], err[MSG_MAX], msg[MSG_MAX];
    path_in(path, sizeof path, "audit.log");
    cr_assert(safefile_write_all(path, "old\n", 4, SAFEFILE_EXCL, err, sizeof err), "%s", err);
    cr_assert_not(safefile_write_all(path, "new\n", 4, SAFEFILE_EXCL, err, sizeof err));
    plain(msg, sizeof msg, err);
    cr_assert(strstr(msg, "exists already"), "%s", msg);
    /* The name appearing between open and commit is caught at the commit. */
    char other[128];
    path_in(other, sizeof other, "late.csv");
    SafeFile *f = safefile_open(other, SAFEFILE_EXCL, err, sizeof err);
    cr_assert_not_null(f);
    safefile_write(f, "mine", 4, err, sizeof err);
    FILE *g = fopen(other, "w");
    fputs("theirs", g);
    fclose(g);
    cr_assert_not(safefile_commit(f, err, sizeof err));
    cr_assert_str_eq(read_all(other), "theirs");
    cr_assert_str_eq(read_all(path), "old\n");
}

Test(safefile, a_device_or_a_directory_is_refused)
{
    char err[MSG_MAX], msg[MSG_MAX];
    cr_assert_not(safefile_write_all("/dev/full", "x", 1, 0, err, sizeof err));
    plain(msg, sizeof msg, err);
    cr_assert(strstr(msg, "cannot write /dev/full: it is not a regular file"), "%s", msg);
    cr_assert_not(safefile_write_all(dir, "x", 1, 0, err, sizeof err));
    char link[128];
    path_in(link, sizeof link, "link");
    cr_assert_eq(symlink("/etc/passwd", link), 0);
    cr_assert_not(safefile_write_all(link, "x", 1, 0, err, sizeof err));
    plain(msg, sizeof msg, err);
    cr_assert(strstr(msg, "symbolic link"), "%s", msg);
}

/* A directory the user cannot write. Root writes anywhere, so as root the attempt runs
 * in a child that has dropped to nobody. */
Test(safefile, a_read_only_directory_is_refused_with_a_sentence)
{
    char path[128];
    path_in(path, sizeof path, "ro");
    cr_assert_eq(mkdir(path, 0755), 0);
    char target[160];
    snprintf(target, sizeof target, "%s/export.csv", path);
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    pid_t pid = fork();
    if (pid == 0) {
        if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
            _exit(3);
        char err[MSG_MAX], msg[MSG_MAX];
        bool ok = safefile_write_all(target, "x", 1, 0, err, sizeof err);
        msg_plain(msg, sizeof msg, err);
        ssize_t w = write(fds[1], msg, strlen(msg));
        (void)w;
        _exit(ok ? 1 : 0);
    }
    close(fds[1]);
    if (geteuid() != 0)
        chmod(path, 0555);
    char msg[MSG_MAX] = "";
    ssize_t got = read(fds[0], msg, sizeof msg - 1);
    msg[got > 0 ? got : 0] = '\0';
    close(fds[0]);
    int status;
    waitpid(pid, &status, 0);
    cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "refused (status %d): %s", status, msg);
    cr_assert(strstr(msg, "Permission denied; check the permissions of the file and its directory"), "%s", msg);
    DIR *d = opendir(path);
    int entries = 0;
    for (struct dirent *e; (e = readdir(d));)
        entries += e->d_name[0] != '.';
    closedir(d);
    cr_assert_eq(entries, 0, "nothing half-written in the directory");
}

/* ulimit -f: the write fails with EFBIG (SIGXFSZ ignored), the old file stays. */
Test(safefile, a_file_size_limit_leaves_the_old_file)
{
    char path[128], err[MSG_MAX], msg[MSG_MAX];
    path_in(path, sizeof path, "big.json");
    cr_assert(safefile_write_all(path, "[]\n", 3, 0, err, sizeof err));
    struct rlimit rl = { 4096, 4096 };
    cr_assert_eq(setrlimit(RLIMIT_FSIZE, &rl), 0);
    static char data[100000];
    memset(data, 'x', sizeof data);
    cr_assert_not(safefile_write_all(path, data, sizeof data, 0, err, sizeof err));
    plain(msg, sizeof msg, err);
    cr_assert(strstr(msg, "ulimit -f"), "%s", msg);
    cr_assert(strstr(msg, "(the file is as it was)"), "%s", msg);
    cr_assert_str_eq(read_all(path), "[]\n");
    cr_assert_str_eq(listing(), "big.json\n", "the temporary file is gone");
}

/* A real full disk: a 64 KB tmpfs in a private mount namespace (root only; skipped
 * elsewhere). */
Test(safefile, a_full_disk_leaves_nothing_half_written)
{
    if (unshare(CLONE_NEWNS) != 0 || mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
        mount("tmpfs", dir, "tmpfs", 0, "size=64k") != 0)
        cr_skip_test("cannot mount a small tmpfs here (%s)", strerror(errno));
    char path[128], err[MSG_MAX], msg[MSG_MAX];
    path_in(path, sizeof path, "export.json");
    cr_assert(safefile_write_all(path, "[]\n", 3, 0, err, sizeof err), "%s", err);
    static char data[256 << 10];
    memset(data, 'x', sizeof data);
    cr_assert_not(safefile_write_all(path, data, sizeof data, 0, err, sizeof err));
    plain(msg, sizeof msg, err);
    cr_assert(strstr(msg, "the disk is full"), "%s", msg);
    cr_assert_str_eq(read_all(path), "[]\n");
    cr_assert_str_eq(listing(), "export.json\n");
    umount(dir);
}

/* The token file is written through the same helper. */
Test(safefile, the_token_file_is_refused_in_a_full_place)
{
    char err[MSG_MAX], msg[MSG_MAX];
    cr_assert_not(token_save("/dev/full", "tok", err, sizeof err));
    plain(msg, sizeof msg, err);
    cr_assert(strstr(msg, "not a regular file"), "%s", msg);
}

/* A name in a directory that is not there, or a directory itself, is refused at the
 * open with a sentence, and nothing is created anywhere. */
Test(safefile, a_missing_directory_or_a_directory_name_is_a_sentence)
{
    char path[128], err[MSG_MAX], msg[MSG_MAX];
    path_in(path, sizeof path, "nowhere/out.csv");
    cr_assert_null(safefile_open(path, SAFEFILE_EXCL, err, sizeof err));
    plain(msg, sizeof msg, err);
    cr_assert(strstr(msg, "cannot write") && strstr(msg, "nowhere/out.csv"), "%s", msg);
    cr_assert_null(safefile_open(dir, SAFEFILE_EXCL, err, sizeof err), "a directory is no file name");
    cr_assert_str_eq(listing(), "", "nothing was created");
}
