/* list --file on several threads (net/fileparse.h) against the one-thread splitter:
 * the same records in the same order, the same first error, the same statistics, for
 * any number of threads and any chunking. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../testutil.h"
#include "net/fileparse.h"
#include "core/strbuf.h"

typedef struct Outcome {
    TuGot got;
    bool ok;
    char err[240];
    RecordStreamStats st;
} Outcome;

/* Records of ~400 bytes: n of them make n / 600 runs. */
static char *dump(size_t n, size_t bad_at, bool truncate)
{
    StrBuf b = STRBUF_INIT;
    strbuf_puts(&b, "{\"total\":1,\"data\":[\n");
    for (size_t i = 0; i < n; i++) {
        strbuf_printf(&b, "%s{\"_id\":\"r%zu\",\"fullName\":\"Ana %zu \\\"q\\\" ]}\",\"status\":\"FAILED\","
                          "\"notes\":\"%0300zu\",\"redFlags\":%s}",
                      i ? ",\n" : "", i, i, i, i == bad_at ? "tru" : "1");
        if (i % 7 == 3)
            strbuf_puts(&b, ",42,\"x\"");
    }
    strbuf_puts(&b, truncate ? "\n" : "\n],\"page\":1}\n");
    return strbuf_steal(&b);
}

/* text fed step bytes at a time to the single-threaded RecordStream (nthreads 0) or to
 * fileparse with nthreads workers; o gets the records, the result and the stats. */
static void feed_all(const char *text, size_t step, int nthreads, Outcome *o)
{
    memset(o, 0, sizeof *o);
    RecordStream *rs = nthreads ? NULL : rstream_new(tu_got_sink, &o->got);
    FileParse *fp = nthreads ? fileparse_new(tu_got_sink, &o->got, nthreads) : NULL;
    size_t len = strlen(text);
    o->ok = true;
    for (size_t i = 0; o->ok && i < len; i += step) {
        size_t k = len - i < step ? len - i : step;
        o->ok = rs ? rstream_feed(rs, text + i, k, o->err, sizeof o->err)
                   : fileparse_feed(fp, text + i, k, o->err, sizeof o->err);
    }
    if (o->ok)
        o->ok = rs ? rstream_finish(rs, o->err, sizeof o->err) : fileparse_finish(fp, o->err, sizeof o->err);
    if (rs) {
        rstream_stats(rs, &o->st);
        rstream_free(rs);
    } else {
        fileparse_stats(fp, &o->st);
        fileparse_free(fp);
    }
}

static void same(const char *text, const char *what)
{
    static const size_t steps[] = { 1 << 20, 4096, 777 };
    for (size_t s = 0; s < sizeof steps / sizeof *steps; s++) {
        Outcome want;
        feed_all(text, steps[s], 0, &want);
        for (int t = 1; t <= 4; t++) {
            Outcome got;
            feed_all(text, steps[s], t, &got);
            cr_assert_eq(got.ok, want.ok, "%s, %d threads: %s / %s", what, t, got.err, want.err);
            cr_assert_str_eq(got.err, want.err, "%s, %d threads", what, t);
            cr_assert_eq(got.got.n, want.got.n, "%s, %d threads, step %zu: %zu vs %zu", what, t, steps[s], got.got.n, want.got.n);
            cr_assert_str_eq(strbuf_cstr(&got.got.ids), strbuf_cstr(&want.got.ids), "%s, %d threads", what, t);
            cr_assert_eq(got.st.records, want.st.records, "%s, %d threads", what, t);
            cr_assert_eq(got.st.skipped, want.st.skipped, "%s, %d threads", what, t);
            if (want.ok)
                cr_assert_eq(got.st.bytes, want.st.bytes, "%s, %d threads", what, t);
            tu_got_free(&got.got);
        }
        tu_got_free(&want.got);
    }
}

Test(net_fileparse, many_runs_come_out_whole_and_in_order, .timeout = 60)
{
    char *text = dump(6000, SIZE_MAX, false);
    same(text, "6000 records");
    Outcome o;
    feed_all(text, 65536, 2, &o);
    cr_assert(o.ok, "%s", o.err);
    cr_assert_eq(o.got.n, 6000);
    cr_assert_eq(o.st.skipped, 2 * 857 + 2 * (6000 % 7 > 3));
    tu_got_free(&o.got);
    free(text);
}

Test(net_fileparse, a_bad_record_stops_at_itself_before_a_later_structural_error, .timeout = 60)
{
    char *bad = dump(5000, 3100, false);
    same(bad, "a bad record");
    free(bad);
    /* A bad record, then the input ends early: the record's error is the first. */
    char *both = dump(5000, 2500, true);
    same(both, "a bad record then a truncated end");
    Outcome o;
    feed_all(both, 1 << 20, 2, &o);
    cr_assert_not(o.ok);
    cr_assert(strstr(o.err, "is not valid JSON"), "%s", o.err);
    cr_assert_eq(o.got.n, 2500);
    tu_got_free(&o.got);
    free(both);
}

Test(net_fileparse, a_structural_error_keeps_the_records_before_it, .timeout = 60)
{
    char *cut = dump(4000, SIZE_MAX, true);
    same(cut, "a truncated end");
    free(cut);
    char *stray = dump(3000, SIZE_MAX, false);
    stray[strlen(stray) / 2] = '#'; /* inside a notes string: harmless */
    char *p = strstr(stray + strlen(stray) / 3, "},\n{");
    cr_assert_not_null(p);
    p[1] = ';';
    same(stray, "a stray byte between records");
    free(stray);
}
