/* The list writers: CSV neutralising, TSV blanking, JSON that parses back with nothing
 * raw a terminal would act on, tables aligned by display width, and column lists. */
#include <cJSON.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../testutil.h"
#include "cli/clirun.h"
#include "cli/output.h"
#include "core/parse.h"
#include "core/safetext.h"

static Summary *rec(const char *id, const char *name, const char *email)
{
    SummaryInit in = { .status = ST_NEEDS_MANUAL_VERIFICATION, .created_ms = 1748095200000LL,
                       .updated_ms = TIME_NONE, .red_flags = 2, .failed = { 0, 1, 2, 3 } };
    in.str[SS_ID] = id;
    in.str[SS_NAME] = name;
    in.str[SS_EMAIL] = email;
    in.str[SS_PHONE] = "3001234567";
    in.str[SS_COUNTRY_CODE] = "+57";
    in.str[SS_DOCNUM] = "1020304050";
    return summary_new(&in);
}

static OutSpec spec(OutFormat f, const char *columns)
{
    OutSpec o = { .format = f, .now_ms = 1748095200000LL + 30 * 3600 * 1000LL };
    out_columns_default(&o);
    char err[400];
    if (columns)
        cr_assert(out_columns_parse(&o, columns, err, sizeof err), "%s", err);
    return o;
}

Test(cli_output, csv_quotes_and_neutralises_formulas)
{
    OutSpec o = spec(FMT_CSV, "id,name,email,phone,flags,created");
    StrBuf b = STRBUF_INIT;
    out_delim_header(&o, &b);
    Summary *s1 = rec("r1", "=HYPERLINK(\"http://evil\",\"x\")", "@SUM(A1)");
    Summary *s2 = rec("r2", "Peña, José", " -2+3");
    out_delim_row(&o, s1, &b);
    out_delim_row(&o, s2, &b);
    cr_assert_str_eq(strbuf_cstr(&b),
                     "id,name,email,phone,redFlags,createdAt\r\n"
                     "r1,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",'@SUM(A1),'+57 3001234567,2,2025-05-24T14:00:00.000Z\r\n"
                     "r2,\"Peña, José\",' -2+3,'+57 3001234567,2,2025-05-24T14:00:00.000Z\r\n");
    free(s1);
    free(s2);
    strbuf_free(&b);
}

Test(cli_output, csv_default_columns_and_masking)
{
    OutSpec o = spec(FMT_CSV, NULL);
    o.mask = MASK_DEFAULT;
    StrBuf b = STRBUF_INIT;
    out_delim_header(&o, &b);
    cr_assert_str_eq(strbuf_cstr(&b), "id,status,step,name,email,phone,project,flow,documentNumber,redFlags,failed,"
                                      "failed.email,failed.phone,failed.document,failed.biometric,createdAt,"
                                      "updatedAt,invalid\r\n");
    strbuf_reset(&b);
    Summary *s = rec("r1", "Ana", "ana.ruiz@example.org");
    out_delim_row(&o, s, &b);
    cr_assert_str_eq(strbuf_cstr(&b), "r1,NEEDS_MANUAL_VERIFICATION,,Ana,a***@example.org,'+57 ******4567,,,"
                                      "******4050,2,6,0,1,2,3,2025-05-24T14:00:00.000Z,,\r\n");
    free(s);
    strbuf_free(&b);
}

Test(cli_output, tsv_blanks_tabs_and_line_breaks)
{
    OutSpec o = spec(FMT_TSV, "id,name,email");
    StrBuf b = STRBUF_INIT;
    /* summary_new takes sanitised text, which has no tabs; the writer holds the line anyway. */
    Summary *s = rec("r\t1", "a\tb\nc\rd", "=x");
    out_delim_header(&o, &b);
    out_delim_row(&o, s, &b);
    cr_assert_str_eq(strbuf_cstr(&b), "id\tname\temail\nr 1\ta b c d\t=x\n");
    free(s);
    strbuf_free(&b);
}

/* Control, C1 or bidi bytes other than the format's own separators in `allowed`. */
static bool has_raw_danger(const char *s, const char *allowed)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x20 && !strchr(allowed, *p))
            return true;
        if (*p == 0x7f || (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f))
            return true;
        if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xae || p[2] == 0x8e || p[2] == 0x8f || p[2] == 0xab))
            return true;
        if (p[0] == 0xe2 && p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9)
            return true;
    }
    return false;
}

/* Summaries built straight from raw hostile bytes: the JSON writer alone must hold. */
Test(cli_output, json_escapes_everything_a_terminal_would_act_on)
{
    const char *hostile[] = { "\x1b]0;pwn\x07", "\x1b[2J", "\xc2\x9b" "31m", "\xe2\x80\xae" "evil",
                              "a\xe2\x81\xa6" "b", "\xef\xbb\xbf", "\xff\xfe", "q\"uo\\te", "tab\there\nnl",
                              "\x7f", "Ω 王 🙂" };
    OutSpec o = spec(FMT_JSON, NULL);
    for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++) {
        Summary *s = rec(hostile[i], hostile[i], hostile[i]);
        StrBuf b = STRBUF_INIT;
        out_json_record(&o, s, &b);
        cr_assert_not(has_raw_danger(strbuf_cstr(&b), ""), "raw bytes in %s", strbuf_cstr(&b));
        cJSON *j = cJSON_Parse(strbuf_cstr(&b));
        cr_assert_not_null(j, "invalid JSON: %s", strbuf_cstr(&b));
        cr_assert(cJSON_IsString(cJSON_GetObjectItemCaseSensitive(j, "name")));
        cJSON_Delete(j);
        free(s);
        strbuf_free(&b);
    }
    Summary *s = rec("k", "Ω 王 🙂 q\"uo\\te", "");
    StrBuf b = STRBUF_INIT;
    out_json_record(&o, s, &b);
    cJSON *j = cJSON_Parse(strbuf_cstr(&b));
    cr_assert_str_eq(cJSON_GetObjectItemCaseSensitive(j, "name")->valuestring, "Ω 王 🙂 q\"uo\\te",
                     "printable UTF-8 survives");
    cr_assert(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(j, "email")), "empty is null");
    cJSON *failed = cJSON_GetObjectItemCaseSensitive(j, "failed");
    cr_assert_eq(cJSON_GetObjectItemCaseSensitive(failed, "biometric")->valueint, 3);
    cr_assert_eq(cJSON_GetObjectItemCaseSensitive(j, "redFlags")->valueint, 2);
    cr_assert_str_eq(cJSON_GetObjectItemCaseSensitive(j, "createdAt")->valuestring, "2025-05-24T14:00:00.000Z");
    cr_assert(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(j, "updatedAt")));
    cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(j, "invalid")), 0);
    cJSON_Delete(j);
    free(s);
    strbuf_free(&b);
}

/* The way records really arrive: a hostile API page, parsed, then every format. */
Test(cli_output, hostile_page_in_every_format)
{
    Page p = tu_page("{\"data\":[{\"_id\":\"\\u001b[31mid\",\"fullName\":\"\\u001b]0;pwn\\u0007\\u202eabc\","
                     "\"email\":\"=cmd|' /C calc'!A0\",\"status\":\"\\u009bPAUSED\",\"currentStep\":\"a\\tb\","
                     "\"phone\":\"\\u2066123\",\"createdAt\":true}]}");
    OutFormat formats[] = { FMT_TABLE, FMT_CSV, FMT_TSV, FMT_JSON };
    for (size_t f = 0; f < 4; f++) {
        OutSpec o = spec(formats[f], NULL);
        if (formats[f] != FMT_JSON) {
            char e[400];
            cr_assert(out_columns_parse(&o, "id,status,step,name,email,phone,created,invalid", e, sizeof e));
        }
        StrBuf b = STRBUF_INIT;
        TableLayout t;
        if (formats[f] == FMT_TABLE) {
            out_table_init(&o, &t);
            out_table_measure(&o, &t, p.items[0]);
            out_table_header(&o, &t, &b);
            out_table_row(&o, &t, p.items[0], &b);
        } else if (formats[f] == FMT_JSON) {
            out_json_record(&o, p.items[0], &b);
        } else {
            out_delim_row(&o, p.items[0], &b);
        }
        const char *out = strbuf_cstr(&b);
        const char *seps = formats[f] == FMT_CSV ? "\r\n" : formats[f] == FMT_TSV ? "\t\n" : "\n";
        cr_assert_not(has_raw_danger(out, seps), "format %zu: %s", f, out);
        if (formats[f] == FMT_CSV) {
            cr_assert_null(strchr(out, '\x1b'));
            cr_assert(strstr(out, ",'=cmd|"), "the email is neutralised: %s", out);
        }
        if (formats[f] != FMT_JSON)
            cr_assert(strstr(out, "createdAt"), "the invalid time is flagged: %s", out);
        strbuf_free(&b);
    }
    page_free(&p);
}

/* Every line of the table has the same display width when the last column is a number. */
Test(cli_output, table_aligns_by_display_width)
{
    const char *names[] = { "Ana Ruiz", "José Peña", "Lucía Ñandú", "王小明", "Nguyễn Thị", "🙂 Emoji", "e\xcc\x81" "e" };
    OutSpec o = spec(FMT_TABLE, "name,email,flags");
    TableLayout t;
    out_table_init(&o, &t);
    Summary *s[7];
    for (int i = 0; i < 7; i++) {
        s[i] = rec("x", names[i], i % 2 ? "é@x.co" : "ab@x.co");
        out_table_measure(&o, &t, s[i]);
    }
    StrBuf b = STRBUF_INIT;
    out_table_header(&o, &t, &b);
    for (int i = 0; i < 7; i++)
        out_table_row(&o, &t, s[i], &b);
    char *save, *text = strdup(strbuf_cstr(&b));
    int lines = 0, width = -1;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save), lines++) {
        int w = safetext_width(line);
        if (width < 0)
            width = w;
        cr_assert_eq(w, width, "line \"%s\" is %d columns, the header %d", line, w, width);
        cr_assert(strstr(line, "  ") != NULL);
    }
    cr_assert_eq(lines, 8);
    cr_assert_eq(width, 11 + 2 + 7 + 2 + 5, "name 11 (Lucía Ñandú), email 7, flags 5");
    free(text);
    for (int i = 0; i < 7; i++)
        free(s[i]);
    strbuf_free(&b);
}

Test(cli_output, table_cuts_long_cells_and_fits_the_terminal)
{
    OutSpec o = spec(FMT_TABLE, "name,flags");
    TableLayout t;
    out_table_init(&o, &t);
    Summary *s = rec("x", "王王王王王王王王王王王王王王王王王王王王 very long indeed", "e");
    out_table_measure(&o, &t, s);
    cr_assert_eq(t.width[0], 28, "the name column stops at its cap");
    StrBuf b = STRBUF_INIT;
    out_table_row(&o, &t, s, &b);
    /* 13 wide characters take 26 columns; a 14th would straddle the 27th, so it is left
     * out; "…" and one blank fill the 28, then the separator and the right-aligned flags. */
    cr_assert_str_eq(strbuf_cstr(&b), "王王王王王王王王王王王王王… " "  " "    2\n");
    o.max_width = 20;
    out_table_fit(&o, &t);
    cr_assert_eq(t.width[0], 13, "shrunk to fit 20 columns with the flags column");
    strbuf_reset(&b);
    out_table_row(&o, &t, s, &b);
    cr_assert_eq(safetext_width(strbuf_cstr(&b)), 20);
    free(s);
    strbuf_free(&b);
}

Test(cli_output, column_lists)
{
    OutSpec o = { .format = FMT_CSV };
    char err[600];
    cr_assert(out_columns_parse(&o, "ID,flags,cc,doc,created,failed.bio", err, sizeof err), "%s", err);
    cr_assert_eq(o.cols.n, 6);
    cr_assert_eq(o.cols.order[1], COL_FLAGS);
    cr_assert_eq(o.cols.order[2], COL_COUNTRY_CODE);
    cr_assert_eq(o.cols.order[5], COL_FAILED_BIO);
    cr_assert_not(out_columns_parse(&o, "id,colour", err, sizeof err));
    cr_assert(strstr(err, "unknown column \"colour\"; the columns are id, status"), "%s", err);
    cr_assert_not(out_columns_parse(&o, "", err, sizeof err));
    OutFormat f;
    cr_assert(out_format_parse("CSV", &f) && f == FMT_CSV);
    cr_assert(out_format_parse("count", &f) && f == FMT_COUNT);
    cr_assert_not(out_format_parse("xml", &f));
}

static char *filter_error_text(const char *expr)
{
    FilterError fe;
    Filter *f = filter_compile(expr, 0, &fe);
    cr_assert_null(f, "%s compiled", expr);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    cli_filter_error(out, expr, &fe);
    fclose(out);
    return buf;
}

Test(cli_output, filter_error_caret_under_the_bad_term)
{
    char *t = filter_error_text("status:failed stauts:x");
    cr_assert(strstr(t, "\n  status:failed stauts:x\n                ^^^^^^^^\n"), "%s", t);
    free(t);
    /* Wide characters before the term: the caret moves by display columns. */
    t = filter_error_text("王王 bogus:1");
    cr_assert(strstr(t, "\n  王王 bogus:1\n       ^^^^^^^\n"), "%s", t);
    free(t);
    /* An escape in the expression is shown as a picture, not sent. */
    t = filter_error_text("\x1b[2J stauts:x");
    cr_assert_null(strchr(t, '\x1b'), "%s", t);
    cr_assert(strstr(t, "\n  ␛[2J stauts:x\n       ^^^^^^^^\n"), "%s", t);
    free(t);
}

/* `regdesk list` in an 80-column terminal: the id, what `regdesk show` needs, comes out
 * whole; columns give way by priority instead (as the dashboard's do), and what is left
 * stays readable. */
Test(cli_output, an_80_column_table_keeps_the_id_whole)
{
    OutSpec o = spec(FMT_TABLE, NULL);
    o.max_width = 80;
    TableLayout t;
    out_table_init(&o, &t);
    Summary *s = rec("6650aa01c0ffee0000000001", "María Fernanda Ruiz Gómez de la Torre", "maria.fernanda.ruiz@example.org");
    out_table_measure(&o, &t, s);
    out_table_fit(&o, &t);
    StrBuf b = STRBUF_INIT;
    out_table_header(&o, &t, &b);
    out_table_row(&o, &t, s, &b);
    const char *text = strbuf_cstr(&b);
    const char *row = strchr(text, '\n') + 1;
    cr_assert(!strncmp(row, "6650aa01c0ffee0000000001  ", 26), "the id is cut:\n%s", text);
    cr_assert(!strncmp(text, "ID  ", 4), "%s", text);
    cr_assert(strstr(text, "STATUS") && strstr(text, "NAME"), "the most important columns stay:\n%s", text);
    cr_assert_null(strstr(text, "CREATED"), "the least important goes first:\n%s", text);
    cr_assert(strstr(row, "María Fernanda R"), "the name stays readable:\n%s", text);
    for (const char *line = text; *line; line += strcspn(line, "\n") + 1)
        cr_assert_leq(safetext_width(line), 80, "wider than the terminal: %.*s", (int)strcspn(line, "\n"), line);
    free(s);
    strbuf_free(&b);
}
