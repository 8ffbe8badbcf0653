/* Runs fuzz inputs through the harnesses without libFuzzer, so the committed corpus is a
 * regression suite that gcc alone can build (make test runs it under ASan+UBSan).
 *
 *   fuzz-replay [CORPUS]            every target over each file in CORPUS/<target>/ (default
 *                                   tests/fuzz/corpus); a target without inputs fails
 *   fuzz-replay TARGET PATH...      one target over files or directories, e.g. to
 *                                   reproduce a crash libFuzzer saved
 *
 * Each input is handed over in a heap block of exactly its size, as libFuzzer does, so a
 * read past the end is an ASan report. A harness that finds a violated property aborts. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

typedef int (*Harness)(const uint8_t *data, size_t size);

static const struct {
    const char *name;
    Harness fn;
} targets[] = {
#define FUZZ_ENTRY(name) { #name, fuzz_##name },
    FUZZ_TARGETS(FUZZ_ENTRY)
#undef FUZZ_ENTRY
};
enum { N_TARGETS = sizeof targets / sizeof *targets };

static uint8_t *read_all(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(2);
    }
    size_t cap = 4096, n = 0;
    uint8_t *buf = malloc(cap);
    for (size_t got; buf && (got = fread(buf + n, 1, cap - n, f)) > 0;) {
        n += got;
        if (n == cap)
            buf = realloc(buf, cap *= 2);
    }
    if (!buf || ferror(f)) {
        fprintf(stderr, "fuzz-replay: cannot read %s\n", path);
        exit(2);
    }
    fclose(f);
    /* exactly n bytes, so ASan sees a read past the input */
    uint8_t *exact = malloc(n ? n : 1);
    if (!exact)
        exit(2);
    memcpy(exact, buf, n);
    free(buf);
    *size = n;
    return exact;
}

static void run_file(Harness fn, const char *name, const char *path)
{
    size_t size;
    uint8_t *data = read_all(path, &size);
    if (getenv("FUZZ_REPLAY_VERBOSE"))
        fprintf(stderr, "fuzz-replay: %s %s (%zu bytes)\n", name, path, size);
    fn(data, size);
    free(data);
}

static int not_hidden(const struct dirent *d)
{
    return d->d_name[0] != '.';
}

/* Runs every regular file of dir (sorted); returns how many. */
static size_t run_dir(Harness fn, const char *name, const char *dir)
{
    struct dirent **list;
    int n = scandir(dir, &list, not_hidden, alphasort);
    if (n < 0)
        return 0;
    size_t ran = 0;
    for (int i = 0; i < n; i++) {
        char path[4096];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", dir, list[i]->d_name);
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            run_file(fn, name, path);
            ran++;
        }
        free(list[i]);
    }
    free(list);
    return ran;
}

static int find_target(const char *name)
{
    for (int i = 0; i < N_TARGETS; i++)
        if (!strcmp(targets[i].name, name))
            return i;
    return -1;
}

int main(int argc, char **argv)
{
    if (argc >= 3) { /* TARGET PATH... */
        int t = find_target(argv[1]);
        if (t < 0) {
            fprintf(stderr, "fuzz-replay: unknown target '%s'\n", argv[1]);
            return 2;
        }
        size_t ran = 0;
        for (int i = 2; i < argc; i++) {
            struct stat st;
            if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
                ran += run_dir(targets[t].fn, targets[t].name, argv[i]);
            } else {
                run_file(targets[t].fn, targets[t].name, argv[i]);
                ran++;
            }
        }
        printf("fuzz-replay: %zu inputs through %s, no property violated\n", ran, targets[t].name);
        return 0;
    }
    const char *root = argc == 2 ? argv[1] : "tests/fuzz/corpus";
    size_t total = 0;
    int missing = 0;
    for (int t = 0; t < N_TARGETS; t++) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/%s", root, targets[t].name);
        size_t ran = run_dir(targets[t].fn, targets[t].name, dir);
        if (!ran) {
            fprintf(stderr, "fuzz-replay: no inputs in %s\n", dir);
            missing++;
        }
        total += ran;
    }
    if (missing)
        return 1;
    printf("fuzz-replay: %zu inputs through %d targets, no property violated\n", total, N_TARGETS);
    return 0;
}
