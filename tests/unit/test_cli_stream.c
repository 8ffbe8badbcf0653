/* The streaming splitter behind `regdesk list --file`: chunk boundaries anywhere, tricky
 * strings, both file shapes, regdesk's own export, and malformed input with its offset. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../testutil.h"
#include "core/parse_stream.h"
#include "core/strbuf.h"


/* Feeds text in pieces of `step` bytes (0 = split once at `cut`); returns the verdict. */
static bool run(const char *text, size_t cut, size_t step, TuGot *g, char *err, size_t n)
{
    memset(g, 0, sizeof *g);
    RecordStream *rs = rstream_new(tu_got_sink, g);
    size_t len = strlen(text);
    bool ok = true;
    if (step) {
        for (size_t i = 0; ok && i < len; i += step)
            ok = rstream_feed(rs, text + i, len - i < step ? len - i : step, err, n);
    } else {
        ok = rstream_feed(rs, text, cut, err, n) && rstream_feed(rs, text + cut, len - cut, err, n);
    }
    ok = ok && rstream_finish(rs, err, n);
    rstream_free(rs);
    return ok;
}

/* Strings full of what a naive splitter trips on: escaped quotes, brackets, braces,
 * backslashes before quotes, a \u0000 and multi-byte characters. */
static const char tricky[] =
    "[\n  {\"_id\":\"r1\",\"fullName\":\"Ana \\\"la } jefa\\\" ]\",\"notes\":\"[{\\\\\"},\n"
    "  {\"_id\":\"r2\",\"x\":{\"y\":[1,2,{\"z\":\"]]}}\"}]},\"name\":\"Jos\xc3\xa9 \\u0000 \xe7\x8e\x8b\"},\n"
    "  42, \"str]ing\", null, [\"{\"],\n"
    "  {\"_id\":\"r3\",\"e\":\"\\\\\",\"status\":\"FAILED\"}\n]\n";

Test(cli_stream, every_split_position_gives_the_same_records)
{
    size_t len = strlen(tricky);
    for (size_t cut = 0; cut <= len; cut++) {
        TuGot g;
        char err[240] = "";
        cr_assert(run(tricky, cut, 0, &g, err, sizeof err), "cut at %zu: %s", cut, err);
        cr_assert_str_eq(strbuf_cstr(&g.ids), "r1,r2,r3,", "cut at %zu", cut);
        cr_assert_eq(summary_status(g.last), ST_FAILED);
        tu_got_free(&g);
    }
}

Test(cli_stream, one_byte_chunks_and_what_the_records_hold)
{
    TuGot g;
    char err[240] = "";
    memset(&g, 0, sizeof g);
    RecordStream *rs = rstream_new(tu_got_sink, &g);
    for (size_t i = 0; tricky[i]; i++)
        cr_assert(rstream_feed(rs, tricky + i, 1, err, sizeof err), "%s", err);
    cr_assert(rstream_finish(rs, err, sizeof err), "%s", err);
    RecordStreamStats st;
    rstream_stats(rs, &st);
    cr_assert_eq(st.records, 3);
    cr_assert_eq(st.skipped, 4, "42, a string, null and an array are not records");
    cr_assert_eq(st.bytes, strlen(tricky));
    rstream_free(rs);
    tu_got_free(&g);

    /* The first record's name keeps its escaped quote and bracket. */
    const char *one = "[{\"_id\":\"r1\",\"fullName\":\"Ana \\\"la } jefa\\\" ]\"}]";
    cr_assert(run(one, 5, 0, &g, err, sizeof err), "%s", err);
    cr_assert_str_eq(summary_str(g.last, SS_NAME), "Ana \"la } jefa\" ]");
    tu_got_free(&g);
}

Test(cli_stream, envelope_and_bare_array_agree)
{
    const char *env = "{\"total\":3,\"pagination\":{\"page\":1,\"x\":[\"data\",{\"data\":[9]}]},"
                      "\"note\":\"\\\"data\\\": [\",\"data\":[{\"_id\":\"a\"},{\"_id\":\"b\"},{\"_id\":\"c\"}],"
                      "\"pages\":1,\"signature\":{\"message\":\"]}\"}}";
    const char *bare = " \t\r\n[{\"_id\":\"a\"} , {\"_id\":\"b\"},{\"_id\":\"c\"} ] \n";
    for (size_t cut = 0; cut <= strlen(env); cut++) {
        TuGot g;
        char err[240] = "";
        cr_assert(run(env, cut, 0, &g, err, sizeof err), "cut %zu: %s", cut, err);
        cr_assert_str_eq(strbuf_cstr(&g.ids), "a,b,c,", "cut %zu", cut);
        tu_got_free(&g);
    }
    TuGot g;
    char err[240] = "";
    cr_assert(run(bare, 3, 0, &g, err, sizeof err), "%s", err);
    cr_assert_str_eq(strbuf_cstr(&g.ids), "a,b,c,");
    tu_got_free(&g);
    cr_assert(run("\xef\xbb\xbf[]", 1, 0, &g, err, sizeof err), "a byte order mark is fine: %s", err);
    cr_assert_eq(g.n, 0);
    tu_got_free(&g);
    cr_assert(run("{\"data\":[]}", 4, 0, &g, err, sizeof err), "%s", err);
    tu_got_free(&g);
}

Test(cli_stream, reads_regdesk_export_names_back)
{
    const char *rec = "[{\"id\":\"x1\",\"status\":\"NEEDS_MANUAL_VERIFICATION\",\"step\":\"liveness\","
                      "\"name\":\"Lucía\",\"flow\":\"f9\",\"project\":\"p1\",\"redFlags\":2,"
                      "\"failed\":{\"email\":1,\"phone\":0,\"document\":3,\"biometric\":4},"
                      "\"createdAt\":null,\"invalid\":[\"createdAt\",\"bogus\",\"status\"]}]";
    TuGot g;
    char err[240] = "";
    cr_assert(run(rec, 0, 7, &g, err, sizeof err), "%s", err);
    const Summary *s = g.last;
    cr_assert_str_eq(summary_str(s, SS_STEP), "liveness");
    cr_assert_str_eq(summary_str(s, SS_FLOW), "f9");
    cr_assert_eq(s->failed[FAIL_EMAIL], 1);
    cr_assert_eq(s->failed[FAIL_DOC], 3);
    cr_assert_eq(s->failed[FAIL_BIO], 4);
    cr_assert_eq(s->red_flags, 2);
    cr_assert_eq(s->invalid, SUMF_CREATED | SUMF_STATUS);
    tu_got_free(&g);
    /* The API's own names win when both are there. */
    cr_assert(run("[{\"_id\":\"y\",\"currentStep\":\"end\",\"step\":\"x\",\"failedDocumentValidations\":[\"d\"],"
                  "\"failed\":{\"document\":9}}]", 10, 0, &g, err, sizeof err), "%s", err);
    cr_assert_str_eq(summary_str(g.last, SS_STEP), "end");
    cr_assert_eq(g.last->failed[FAIL_DOC], 1);
    tu_got_free(&g);
}

typedef struct Bad {
    const char *text, *expect; /* a fragment the message must contain */
} Bad;

Test(cli_stream, malformed_input_names_the_offset)
{
    static const Bad bad[] = {
        { "", "empty" },
        { "   \n", "empty" },
        { "x[]", "found 'x' at byte offset 0" },
        { "[{\"_id\":\"a\"},]", "found ']' at byte offset 13" },
        { "[{\"_id\":\"a\"} {\"_id\":\"b\"}]", "expected ',' or ']' after a record, found '{' at byte offset 13" },
        { "[{\"_id\":\"a\"]", "expected '}' to close an object, found ']' at byte offset 11" },
        { "[{\"a\":[1}]", "expected ']' to close an array, found '}' at byte offset 8" },
        { "[{\"_id\":\"a\"}", "ends before the JSON does (at byte offset 12)" },
        { "[{\"_id\":\"a\",\"n\":\"unterminated", "ends before the JSON does" },
        { "[{\"_id\":\"a\"}] x", "unexpected data after the end of the JSON, found 'x' at byte offset 14" },
        { "[] []", "found '[' at byte offset 3" },
        { "[{\"_id\":\"a\"},{\"_id\":tru}]", "record starting at byte offset 13 is not valid JSON (error at byte offset 20)" },
        { "{\"total\":1}", "no \"data\" array" },
        { "{\"data\":{\"_id\":\"a\"}}", "expected \"data\" to be an array" },
        { "{\"data\" []}", "expected ':' after a key, found '[' at byte offset 8" },
        { "{\"a\":1 \"data\":[]}", "expected ',' or '}' in the envelope object" },
        { "{\"a\":@}", "expected a value, found '@'" },
        { "[\x1b]", "found byte 0x1B at byte offset 1" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        size_t len = strlen(bad[i].text);
        for (size_t cut = 0; cut <= len; cut++) {
            TuGot g;
            char err[240] = "";
            cr_assert_not(run(bad[i].text, cut, 0, &g, err, sizeof err), "accepted \"%s\"", bad[i].text);
            cr_assert(strstr(err, bad[i].expect), "\"%s\" (cut %zu): got \"%s\", want \"%s\"", bad[i].text, cut, err,
                      bad[i].expect);
            tu_got_free(&g);
        }
    }
}

Test(cli_stream, an_error_sticks)
{
    TuGot g = { 0 };
    char err[240] = "", err2[240] = "";
    RecordStream *rs = rstream_new(tu_got_sink, &g);
    cr_assert_not(rstream_feed(rs, "[}", 2, err, sizeof err));
    cr_assert_not(rstream_feed(rs, "{\"_id\":\"a\"}]", 12, err2, sizeof err2));
    cr_assert_str_eq(err, err2);
    cr_assert_not(rstream_finish(rs, err2, sizeof err2));
    cr_assert_eq(g.n, 0);
    rstream_free(rs);
    tu_got_free(&g);
}

Test(cli_stream, deep_nesting_is_refused_not_overflowed)
{
    StrBuf b = STRBUF_INIT;
    strbuf_puts(&b, "[{\"a\":");
    for (int i = 0; i < RSTREAM_MAX_DEPTH + 10; i++)
        strbuf_putc(&b, '[');
    TuGot g;
    char err[240] = "";
    cr_assert_not(run(strbuf_cstr(&b), 3, 0, &g, err, sizeof err));
    cr_assert(strstr(err, "nested too deeply"), "%s", err);
    tu_got_free(&g);
    strbuf_free(&b);
}

Test(cli_stream, hostile_record_text_comes_out_sanitised)
{
    const char *rec = "[{\"_id\":\"h\",\"fullName\":\"\\u001b]0;pwn\\u0007 \\u202e \\u009b31m \\u0000\"}]";
    TuGot g;
    char err[240] = "";
    cr_assert(run(rec, 9, 0, &g, err, sizeof err), "%s", err);
    const char *name = summary_str(g.last, SS_NAME);
    cr_assert_null(strchr(name, '\x1b'));
    cr_assert_null(strstr(name, "\xe2\x80\xae"));
    cr_assert_null(strstr(name, "\xc2\x9b"));
    tu_got_free(&g);
}

/* The same for a dump (list --file): a raw NUL byte inside a string shows as U+2400 and
 * keeps what follows; the splitter must not take it for the end of anything. */
Test(cli_stream, raw_nul_bytes_in_a_record_keep_the_rest)
{
    static const char text[] = "[{\"_id\":\"a\",\"fullName\":\"Ana\0Bob\"},{\"_id\":\"b\",\"email\":\"x\0y@z.co\"}]";
    TuGot g;
    char err[240] = "";
    memset(&g, 0, sizeof g);
    RecordStream *rs = rstream_new(tu_got_sink, &g);
    cr_assert(rstream_feed(rs, text, sizeof text - 1, err, sizeof err), "%s", err);
    cr_assert(rstream_finish(rs, err, sizeof err), "%s", err);
    rstream_free(rs);
    cr_assert_str_eq(strbuf_cstr(&g.ids), "a,b,");
    cr_assert_str_eq(summary_str(g.last, SS_EMAIL), "x\xE2\x90\x80y@z.co");
    tu_got_free(&g);
}

/* A malformed record names its error offset in the input's bytes, whether or not a NUL
 * before the error was widened to make it visible. */
Test(cli_stream, a_nul_does_not_shift_the_error_offset)
{
    static const char with_nul[] = "[{\"_id\":\"a\",\"n\":\"x\0y\",\"b\":tru}]";
    char plain[sizeof with_nul];
    memcpy(plain, with_nul, sizeof with_nul);
    plain[memchr(plain, '\0', sizeof plain - 1) - (void *)plain] = 'Q';
    char errs[2][240];
    for (int i = 0; i < 2; i++) {
        TuGot g;
        memset(&g, 0, sizeof g);
        RecordStream *rs = rstream_new(tu_got_sink, &g);
        bool ok = rstream_feed(rs, i ? plain : with_nul, sizeof with_nul - 1, errs[i], sizeof errs[i]) &&
                  rstream_finish(rs, errs[i], sizeof errs[i]);
        rstream_free(rs);
        tu_got_free(&g);
        cr_assert_not(ok);
    }
    cr_assert_str_eq(errs[0], errs[1]);
    cr_assert(strstr(errs[0], "error at byte offset 26"), "%s", errs[0]);
}
