/* Wrong types, missing fields and hostile text: the record is kept, the field is marked,
 * nothing unsafe survives, and the neighbours are untouched. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../testutil.h"
#include "core/parse.h"

/* No byte that a terminal would act on: C0 (but none at all here), ESC, DEL, C1 in UTF-8. */
static void assert_display_safe(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        cr_assert(*p >= 0x20 && *p != 0x7f, "control byte 0x%02x in \"%s\"", *p, s);
        cr_assert_not(p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F, "C1 control in \"%s\"", s);
        cr_assert_not(p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE, "bidi override in \"%s\"", s);
    }
}

Test(parse_invalid, wrong_types_are_marked_and_kept)
{
    Page p = tu_page("{\"data\":[{\"_id\":\"ok1\",\"status\":\"FAILED\"},"
                  "{\"_id\":\"bad\",\"status\":7,\"redFlags\":{\"n\":1},\"createdAt\":\"yesterday\","
                  "\"failedDocumentValidations\":\"3\",\"fullName\":12345,\"email\":[\"a@b.co\"],"
                  "\"project\":42,\"currentStep\":{\"x\":1}},"
                  "{\"_id\":\"ok2\",\"status\":\"EXPIRED\"}]}");
    cr_assert_eq(p.n, 3);
    Summary *s = p.items[1];
    cr_assert_str_eq(summary_str(s, SS_ID), "bad");
    uint32_t want = SUMF_STATUS | SUMF_REDFLAGS | SUMF_CREATED | SUMF_FAILED | SUMF_NAME | SUMF_EMAIL |
                    SUMF_PROJECT | SUMF_STEP;
    cr_assert_eq(s->invalid, want, "invalid bits 0x%x, want 0x%x", s->invalid, want);
    cr_assert_eq(summary_status(s), ST_UNKNOWN);
    cr_assert_str_eq(summary_str(s, SS_STATUS_RAW), "7", "the wrong value is kept for display");
    cr_assert_str_eq(summary_str(s, SS_NAME), "12345");
    cr_assert_str_eq(summary_str(s, SS_EMAIL), "[\"a@b.co\"]");
    cr_assert_eq(s->created_ms, TIME_NONE);
    cr_assert_eq(summary_status(p.items[0]), ST_FAILED, "neighbours untouched");
    cr_assert_eq(summary_status(p.items[2]), ST_EXPIRED);
    cr_assert_eq(p.items[0]->invalid | p.items[2]->invalid, 0);
    page_free(&p);
}

Test(parse_invalid, epoch_numbers_are_times)
{
    Page p = tu_page("{\"data\":[{\"_id\":\"a\",\"createdAt\":1733159136788,\"updatedAt\":1733159136},"
                  "{\"_id\":\"b\",\"createdAt\":{\"$date\":\"2024-12-02T17:05:36.788Z\"}}]}");
    cr_assert_eq(p.items[0]->created_ms, 1733159136788LL);
    cr_assert_eq(p.items[0]->updated_ms, 1733159136000LL, "seconds when small");
    cr_assert_eq(p.items[1]->created_ms, 1733159136788LL, "Mongo extended JSON");
    cr_assert_eq(p.items[0]->invalid | p.items[1]->invalid, 0);
    page_free(&p);
}

Test(parse_invalid, missing_id_gets_a_stable_synthetic_key)
{
    Page p = tu_page("{\"data\":[{\"fullName\":\"No Id\"},{\"fullName\":\"No Id\"},{\"fullName\":\"Other\"},{\"_id\":\"\"}]}");
    cr_assert_eq(p.n, 4);
    const char *a = summary_str(p.items[0], SS_ID), *b = summary_str(p.items[1], SS_ID),
               *c = summary_str(p.items[2], SS_ID);
    cr_assert_eq(a[0], '~');
    cr_assert_str_eq(a, b, "same content, same key: a reload finds the record again");
    cr_assert_str_neq(a, c);
    for (size_t i = 0; i < 4; i++)
        cr_assert(p.items[i]->invalid & SUMF_ID);
    page_free(&p);
}

Test(parse_invalid, huge_and_infinite_numbers)
{
    Page p = tu_page("{\"data\":[{\"_id\":\"a\",\"redFlags\":1e999},{\"_id\":\"b\",\"redFlags\":-2},"
                  "{\"_id\":\"c\",\"redFlags\":2.5},{\"_id\":\"d\",\"redFlags\":99999999}]}");
    cr_assert(p.items[0]->invalid & SUMF_REDFLAGS, "infinity");
    cr_assert(p.items[1]->invalid & SUMF_REDFLAGS, "negative count");
    cr_assert(p.items[2]->invalid & SUMF_REDFLAGS, "fractional count");
    cr_assert_eq(p.items[3]->red_flags, 65535, "saturates");
    cr_assert_eq(p.items[3]->invalid, 0);
    page_free(&p);
    Detail *d = tu_detail("{\"_id\":\"x\",\"compareFaceVerification\":{\"result\":{\"score\":1e999}}}");
    cr_assert_eq(d->compare.score.st, FS_INVALID);
    detail_free(d);
}

Test(parse_invalid, hostile_text_is_neutralised_everywhere)
{
    const char *json =
        "{\"data\":{\"_id\":\"h1\",\"fullName\":\"Ana\\u001b]0;pwn\\u0007\\u001b[2J\\u009b31m\\u202eevil\","
        "\"email\":\"x\\u200b@ex\\ufeff.com\",\"notes\":\"line\\r\\nover\\bwrite\\u001b]52;c;ZXZpbA==\\u0007\","
        "\"redFlagsDetails\":{\"\\u001b[31mkey\":\"v\\u2066al\"},"
        "\"manualReviewLog\":[{\"note\":\"\\u001b]8;;http://evil\\u001b\\\\x\"}],"
        "\"documentValidation\":{\"_id\":\"d\",\"OCRExtraction\":{\"fullName\":\"\\udb40\\udc41tag\"}},"
        "\"weird\\u001bkey\":\"\\u001b[5m\"}}";
    Detail *d = tu_detail(json);
    assert_display_safe(summary_str(d->summary, SS_NAME));
    assert_display_safe(summary_str(d->summary, SS_EMAIL));
    assert_display_safe(d->full_name.s);
    cr_assert(strstr(d->full_name.s, "pwn"), "text around the escapes survives: %s", d->full_name.s);
    cr_assert(strstr(d->full_name.s, "evil"));
    for (const char *p = d->notes.s; *p; p++)
        cr_assert(*p == '\n' || (unsigned char)*p >= 0x20, "notes keep only LF");
    cr_assert_eq(d->red_flags_details.n, 1);
    assert_display_safe(d->red_flags_details.items[0].key);
    assert_display_safe(d->red_flags_details.items[0].value);
    assert_display_safe(d->reviews[0].note.s);
    assert_display_safe(d->doc.ocr.items[0].value);
    assert_display_safe(d->unknown.items[0].key);
    assert_display_safe(d->unknown.items[0].value);
    for (const char *p = d->raw_json; *p; p++)
        cr_assert(*p == '\n' || (unsigned char)*p >= 0x20, "raw view holds no control byte");
    detail_free(d);
}

Test(parse_invalid, raw_invalid_utf8_bytes)
{
    char json[] = "{\"data\":[{\"_id\":\"u\",\"fullName\":\"Jos\xC3 \xFF\xFE\xC0\xAF\xED\xA0\x80 OK\"}]}";
    Page p;
    char err[200];
    cr_assert(parse_page(json, strlen(json), &p, err, sizeof err), "%s", err);
    const char *name = summary_str(p.items[0], SS_NAME);
    assert_display_safe(name);
    cr_assert(strstr(name, "\xEF\xBF\xBD"), "bad bytes become U+FFFD: %s", name);
    cr_assert(strstr(name, " OK"), "text after the bad bytes survives");
    page_free(&p);
}

Test(parse_invalid, nul_escape_keeps_the_rest_of_the_string)
{
    Page p = tu_page("{\"data\":[{\"_id\":\"n\",\"fullName\":\"Ana\\u0000Hidden\",\"email\":\"a\\\\u0000b@x.co\"}]}");
    const char *name = summary_str(p.items[0], SS_NAME);
    cr_assert(strstr(name, "Hidden"), "cJSON alone would cut at the NUL: %s", name);
    cr_assert(strstr(name, "\xE2\x90\x80"), "the NUL shows as U+2400: %s", name);
    cr_assert_str_eq(summary_str(p.items[0], SS_EMAIL), "a\\u0000b@x.co", "an escaped backslash is not a NUL");
    page_free(&p);
}

/* A raw NUL byte inside a string (not valid JSON, but cJSON takes it) cut the string
 * there without a sign. It shows as U+2400 like the escape; outside strings it is no
 * part of any value. Lengths are explicit: the bodies hold NULs. */
Test(parse_invalid, raw_nul_bytes_keep_the_rest_of_the_string)
{
    static const char page[] = "{\"data\":[{\"_id\":\"n\",\"fullName\":\"Ana\0Hidden\",\"ful\0l\":1}]}";
    char *body = malloc(sizeof page);
    memcpy(body, page, sizeof page);
    Page p;
    char err[200];
    cr_assert(parse_page(body, sizeof page - 1, &p, err, sizeof err), "%s", err);
    cr_assert_str_eq(summary_str(p.items[0], SS_NAME), "Ana\xE2\x90\x80Hidden");
    page_free(&p);
    free(body);

    static const char detail[] = "{\"_id\":\"d\",\"notes\":\"first\0second\",\"x\0y\":\"z\"}";
    body = malloc(sizeof detail);
    memcpy(body, detail, sizeof detail);
    Detail *d = tu_detail_body(body, sizeof detail - 1, "raw NULs");
    cr_assert_str_eq(d->notes.s, "first\xE2\x90\x80second");
    cr_assert_eq(d->unknown.n, 1);
    cr_assert_str_eq(d->unknown.items[0].key, "x\xE2\x90\x80y", "a key keeps its NUL too");
    detail_free(d);
}

Test(parse_invalid, long_strings_are_capped_in_the_summary_only)
{
    size_t n = 64 * 1024;
    char *json = malloc(n + 128);
    strcpy(json, "{\"data\":{\"_id\":\"big\",\"fullName\":\"");
    size_t pos = strlen(json);
    for (size_t i = 0; i < n / 2; i++) { /* "é" is two bytes: the cut must not split it */
        json[pos++] = '\xC3';
        json[pos++] = '\xA9';
    }
    strcpy(json + pos, "\"}}");
    char err[200];
    Detail *d = parse_detail(json, strlen(json), err, sizeof err);
    cr_assert_not_null(d, "%s", err);
    const char *sn = summary_str(d->summary, SS_NAME);
    cr_assert_leq(strlen(sn), SUMMARY_STR_MAX);
    cr_assert(strstr(sn, "\xE2\x80\xA6"), "capped names end in an ellipsis");
    assert_display_safe(sn);
    cr_assert_eq(strlen(d->full_name.s), n, "the detail keeps the full text");
    detail_free(d);
    free(json);
}

Test(parse_invalid, deep_red_flag_details_are_flattened_with_a_cap)
{
    char *json = tu_nested("{\"data\":{\"_id\":\"deep\",\"redFlagsDetails\":", "{\"k\":", 500, "1",
                           "}", "}}");
    char err[200];
    Detail *d = parse_detail(json, strlen(json), err, sizeof err);
    cr_assert_not_null(d, "%s", err);
    cr_assert_gt(d->red_flags_details.n, 0);
    for (size_t i = 0; i < d->red_flags_details.n; i++)
        cr_assert_lt(d->red_flags_details.items[i].depth, 6);
    detail_free(d);
    free(json);
}

Test(parse_invalid, many_red_flag_rows_are_truncated_and_say_so)
{
    char *json = malloc(400 * 16 + 64);
    size_t pos = (size_t)sprintf(json, "{\"_id\":\"m\",\"redFlagsDetails\":{");
    for (int i = 0; i < 400; i++)
        pos += (size_t)sprintf(json + pos, "%s\"k%d\":%d", i ? "," : "", i, i);
    strcpy(json + pos, "}}");
    char err[200];
    Detail *d = parse_detail(json, strlen(json), err, sizeof err);
    cr_assert_not_null(d, "%s", err);
    cr_assert_eq(d->red_flags_details.n, 200);
    cr_assert(d->red_flags_details.truncated);
    detail_free(d);
    free(json);
}

Test(parse_invalid, failed_arrays_with_nulls_and_garbage)
{
    Detail *d = tu_detail("{\"_id\":\"f\",\"failedBiometricValidations\":[null,\"id1\",{\"_id\":\"id2\",\"failedReason\":42},7],"
                       "\"failedEmailValidations\":{\"not\":\"array\"}}");
    cr_assert_eq(d->summary->failed[FAIL_BIO], 3, "nulls are not attempts");
    cr_assert(d->summary->invalid & SUMF_FAILED);
    cr_assert_eq(d->n_attempts, 3);
    size_t invalid_refs = 0;
    for (size_t i = 0; i < d->n_attempts; i++)
        invalid_refs += d->attempts[i].ref.st == REF_INVALID;
    cr_assert_eq(invalid_refs, 1, "the number 7 is kept as an invalid attempt entry");
    detail_free(d);
}
