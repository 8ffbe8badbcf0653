/* The streaming dump splitter (core/parse_stream.h). The input is fed three ways: in one
 * piece, one byte at a time (small inputs), and in chunks of sizes drawn from a
 * generator seeded by the input. All three must give the same records, the same
 * statistics and the same outcome, error sentence included: where the chunks fall
 * must never matter. Every record is a well-formed, display-safe summary. */
#include <stdlib.h>
#include <string.h>

#include "core/parse_stream.h"
#include "core/record.h"
#include "fuzz.h"

typedef struct Run {
    Summary **recs;
    size_t n, cap;
    bool ok;
    char err[300];
    RecordStreamStats st;
} Run;

static void sink(void *ctx, Summary *s)
{
    Run *r = ctx;
    fuzz_check_summary("rstream", s);
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 16;
        r->recs = realloc(r->recs, r->cap * sizeof *r->recs);
        FUZZ_CHECK(r->recs, "out of memory");
    }
    r->recs[r->n++] = s;
}

static void run_free(Run *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->recs[i]);
    free(r->recs);
}

/* chunk == 0: random sizes from rng; otherwise that fixed size. */
static void feed(Run *r, const uint8_t *data, size_t size, size_t chunk, FuzzRng *rng)
{
    memset(r, 0, sizeof *r);
    RecordStream *rs = rstream_new(sink, r);
    r->ok = true;
    for (size_t off = 0; off < size && r->ok;) {
        size_t n = chunk;
        if (!n) {
            uint32_t x = fuzz_rng_next(rng);
            n = x % 4 == 0 ? 1 + x % 3 : x % 4 == 1 ? 1 + (x >> 8) % 64 : 1 + (x >> 8) % (size + 1);
        }
        if (n > size - off)
            n = size - off;
        /* a private copy of exactly the chunk, so reading past it is an ASan error */
        char *piece = malloc(n);
        FUZZ_CHECK(piece, "out of memory");
        memcpy(piece, data + off, n);
        r->ok = rstream_feed(rs, piece, n, r->err, sizeof r->err);
        free(piece);
        off += n;
    }
    if (r->ok)
        r->ok = rstream_finish(rs, r->err, sizeof r->err);
    else {
        /* once failed, it stays failed with the same sentence */
        char again[300];
        FUZZ_CHECK(!rstream_feed(rs, "[", 1, again, sizeof again), "rstream_feed succeeded after a failure");
        FUZZ_CHECK(!strcmp(again, r->err), "a later feed changed the error: \"%s\" / \"%s\"", r->err, again);
    }
    rstream_stats(rs, &r->st);
    rstream_free(rs);
    if (!r->ok) {
        fuzz_check_buf("rstream's error", r->err, sizeof r->err, false);
        FUZZ_CHECK(strlen(r->err) > 10, "rstream failed without a sentence");
    } else {
        FUZZ_CHECK(r->st.bytes == size, "consumed %llu of %zu bytes", (unsigned long long)r->st.bytes, size);
    }
    FUZZ_CHECK(r->st.records == r->n, "stats say %zu records, the sink got %zu", r->st.records, r->n);
}

static void same(const Run *a, const Run *b, const char *how)
{
    FUZZ_CHECK(a->ok == b->ok, "%s: outcome %d vs %d (\"%s\" / \"%s\")", how, a->ok, b->ok, a->ok ? "" : a->err,
               b->ok ? "" : b->err);
    if (!a->ok)
        FUZZ_CHECK(!strcmp(a->err, b->err), "%s: \"%s\" vs \"%s\"", how, a->err, b->err);
    FUZZ_CHECK(a->n == b->n, "%s: %zu records vs %zu", how, a->n, b->n);
    FUZZ_CHECK(a->st.skipped == b->st.skipped, "%s: skipped %zu vs %zu", how, a->st.skipped, b->st.skipped);
    for (size_t i = 0; i < a->n; i++)
        FUZZ_CHECK(fuzz_summary_equal(a->recs[i], b->recs[i]), "%s: record %zu differs", how, i);
}

FUZZ_TARGET(stream)
{
    FuzzRng rng;
    fuzz_rng_seed(&rng, data, size);
    Run whole, chunked;
    feed(&whole, data, size, size ? size : 1, &rng);
    feed(&chunked, data, size, 0, &rng);
    same(&whole, &chunked, "random chunks");
    run_free(&chunked);
    if (size <= 4096) {
        Run bytes;
        feed(&bytes, data, size, 1, &rng);
        same(&whole, &bytes, "one byte at a time");
        run_free(&bytes);
    }
    run_free(&whole);
    return 0;
}
