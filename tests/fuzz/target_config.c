/* The config file parser (config_load, src/conf/config.c). The input is the file: it is
 * written to a memfd and read through /proc/self/fd/N, as the real file would be.
 *
 * On success every value is inside its documented range, every string ends inside its
 * field, the filter compiles and the sort parses, and loading again gives the same
 * Config. On failure the message is one display-safe line naming file:line, whatever
 * bytes the file held. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "conf/config.h"
#include "core/filter.h"
#include "core/sort.h"
#include "fuzz.h"

static void in_range(const char *what, long v, long unset, long lo, long hi)
{
    FUZZ_CHECK(v == unset || (v >= lo && v <= hi), "%s = %ld, outside %ld-%ld", what, v, lo, hi);
}

static void check_config(const Config *c)
{
    /* api: only the scheme is checked here; api_base_parse judges the rest where it is used */
    FUZZ_CHECK(memchr(c->api, '\0', sizeof c->api), "api not terminated");
    FUZZ_CHECK(!c->api[0] || !strncmp(c->api, "https://", 8) || !strncmp(c->api, "http://", 7), "api \"%s\"", c->api);
    FUZZ_CHECK(memchr(c->token_file, '\0', sizeof c->token_file), "token_file not terminated");
    FUZZ_CHECK(memchr(c->cacert, '\0', sizeof c->cacert), "cacert not terminated");
    FUZZ_CHECK(memchr(c->filter, '\0', sizeof c->filter), "filter not terminated");
    FUZZ_CHECK(memchr(c->sort, '\0', sizeof c->sort), "sort not terminated");
    in_range("parallel", c->parallel, 0, 1, 16);
    in_range("page_size", c->page_size, 0, 1, 100);
    in_range("retries", c->retries, -1, 0, 10);
    in_range("connect_timeout", c->connect_timeout_s, 0, 1, 300);
    in_range("timeout", c->timeout_s, 0, 1, 3600);
    in_range("max_response_mb", c->max_response_mb, 0, 1, 4096);
    FUZZ_CHECK(c->have_allow_http || !c->allow_http, "allow_http set without have_allow_http");
    FUZZ_CHECK(c->have_mouse || !c->mouse, "mouse set without have_mouse");
    FilterError fe;
    Filter *f = filter_compile(c->filter, 0, &fe);
    FUZZ_CHECK(f, "the config's filter \"%s\" does not compile: %s", c->filter, fe.msg);
    filter_free(f);
    SortSpec spec;
    FUZZ_CHECK(!c->sort[0] || sort_parse(c->sort, &spec), "the config's sort \"%s\" does not parse", c->sort);
}

static bool load(int fd, const char *path, Config *c, char *err, size_t n)
{
    memset(err, 0x5A, n);
    if (lseek(fd, 0, SEEK_SET) != 0)
        fuzz_fail("lseek on the memfd failed");
    return config_load(path, true, c, err, n);
}

FUZZ_TARGET(config)
{
    setenv("HOME", "/home/fuzz", 1); /* "~/" in a path expands to it */
    int fd = memfd_create("regdesk-fuzz-config", MFD_CLOEXEC);
    FUZZ_CHECK(fd >= 0, "memfd_create failed");
    for (size_t off = 0; off < size;) {
        ssize_t w = write(fd, data + off, size - off);
        FUZZ_CHECK(w > 0, "writing the memfd failed");
        off += (size_t)w;
    }
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    Config c, c2;
    char err[600], err2[600];
    bool ok = load(fd, path, &c, err, sizeof err);
    if (ok) {
        check_config(&c);
    } else {
        fuzz_check_buf("config_load's error", err, sizeof err, false);
        FUZZ_CHECK(!strncmp(err, path, strlen(path)) && err[strlen(path)] == ':',
                   "the error does not start with the file name: \"%s\"", err);
    }
    bool ok2 = load(fd, path, &c2, err2, sizeof err2);
    FUZZ_CHECK(ok == ok2, "loading twice gave %d then %d", ok, ok2);
    if (ok)
        FUZZ_CHECK(!memcmp(&c, &c2, sizeof c), "loading twice gave different configs");
    else
        FUZZ_CHECK(!strcmp(err, err2), "loading twice failed differently");
    close(fd);
    return 0;
}
