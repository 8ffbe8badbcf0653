#ifndef REGDESK_BENCH_UTIL_H
#define REGDESK_BENCH_UTIL_H
/* What the bench programs share: feeding a whole dump file to a record stream. */
#include <stdio.h>
#include <stdlib.h>

#include "core/parse_stream.h"

/* Reads path into rs to the end; exits with a sentence when it cannot. */
static inline void bench_feed_file(RecordStream *rs, const char *path, const char *who)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(1);
    }
    static char buf[1 << 18];
    char err[300];
    size_t got;
    bool ok = true;
    while (ok && (got = fread(buf, 1, sizeof buf, f)) > 0)
        ok = rstream_feed(rs, buf, got, err, sizeof err);
    if (!ok || !rstream_finish(rs, err, sizeof err)) {
        fprintf(stderr, "%s: %s: %s\n", who, path, err);
        exit(1);
    }
    fclose(f);
}

#endif
