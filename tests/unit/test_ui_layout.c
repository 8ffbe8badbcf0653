/* Column widths, the screen layout, cells and the prompt's line editor. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "core/safetext.h"
#include "core/columns.h"
#include "model/dlines.h"
#include "core/glyphs.h"
#include "ui/layout.h"
#include "ui/panes.h"
#include "testmodel.h"
#include "ui/lineedit.h"

static int find_col(const ColumnLayout *l, ColId c)
{
    for (int i = 0; i < l->n; i++)
        if (l->id[i] == c)
            return i;
    return -1;
}

Test(ui_layout, columns_fit_every_width_and_drop_least_important_first)
{
    ColumnSet set;
    char err[200];
    cr_assert(columns_parse(COLUMNS_DEFAULT, &set, err, sizeof err), "%s", err);
    for (int w = 20; w <= 300; w++) {
        ColumnLayout l;
        columns_layout(&set, w, &l);
        int last = l.x[l.n - 1] + l.w[l.n - 1];
        cr_assert_leq(last, w, "width %d", w);
        cr_assert_geq(find_col(&l, COL_STATUS), 0);
        cr_assert_geq(find_col(&l, COL_NAME), 0);
        for (int i = 1; i < l.n; i++)
            cr_assert_eq(l.x[i], l.x[i - 1] + l.w[i - 1] + 1, "one blank between columns");
    }
    ColumnLayout l80, l200;
    columns_layout(&set, 80, &l80);
    columns_layout(&set, 200, &l200);
    cr_assert_geq(find_col(&l80, COL_STEP), 0, "step stays at 80 columns (Diego needs it)");
    cr_assert_lt(find_col(&l80, COL_CREATED), 0, "created goes first");
    cr_assert_eq(l200.n, 9, "all nine fit at 200");
    cr_assert_geq(l80.w[find_col(&l80, COL_NAME)], 18);
}

Test(ui_layout, column_spec_errors)
{
    ColumnSet set;
    char err[200];
    cr_assert(columns_parse("name,status", &set, err, sizeof err));
    cr_assert_eq(set.n, 2);
    cr_assert_eq(set.order[0], COL_NAME);
    cr_assert_not(columns_parse("name,nmae", &set, err, sizeof err));
    cr_assert(strstr(err, "unknown column \"nmae\""), "%s", err);
    cr_assert_not(columns_parse("name,name", &set, err, sizeof err));
    cr_assert_not(columns_parse(",,", &set, err, sizeof err));
}

/* The dashboard's --columns takes the names `regdesk list --columns` takes (one table),
 * in any case, with their aliases. */
Test(ui_layout, columns_take_the_same_names_as_list)
{
    ColumnSet set;
    char err[600];
    cr_assert(columns_parse("Status, createdAt,redFlags,cc,documentNumber failed.bio", &set, err, sizeof err), "%s", err);
    const ColId want[] = { COL_STATUS, COL_CREATED, COL_FLAGS, COL_COUNTRY_CODE, COL_DOCUMENT, COL_FAILED_BIO };
    cr_assert_eq(set.n, 6);
    for (int i = 0; i < 6; i++)
        cr_assert_eq(set.order[i], want[i], "column %d", i);
    ColumnLayout l;
    columns_layout(&set, 80, &l);
    cr_assert_eq(l.n, 6);
    cr_assert_str_eq(column_def(l.id[2])->title, "Flg");
    cr_assert_not(columns_parse("doc,documentNumber", &set, err, sizeof err), "an alias repeats its column");
    cr_assert(strstr(err, "repeated column \"documentNumber\""), "%s", err);
    cr_assert_eq(set.n, 6, "a bad list leaves the set as it was");
}

Test(ui_layout, cells_mark_overdue_invalid_and_empty)
{
    SummaryInit in = { .status = ST_NEEDS_MANUAL_VERIFICATION, .created_ms = 0, .updated_ms = 0,
                       .invalid = SUMF_EMAIL, .red_flags = 2 };
    in.str[SS_ID] = "x";
    in.str[SS_STEP] = "1";
    Summary *s = summary_new(&in);
    Cell c;
    column_cell(COL_AGE, s, &(CellOpts){ .now_ms = 30LL * 3600 * 1000 }, &c);
    cr_assert_str_eq(c.text, "30h");
    cr_assert_eq(c.slot, SL_OVERDUE);
    column_cell(COL_AGE, s, &(CellOpts){ .now_ms = 23LL * 3600 * 1000 }, &c);
    cr_assert_eq(c.slot, SL_NORMAL, "within the SLA");
    column_cell(COL_EMAIL, s, &(CellOpts){ .now_ms = 0 }, &c);
    cr_assert_eq(c.slot, SL_INVALID);
    column_cell(COL_NAME, s, &(CellOpts){ .now_ms = 0 }, &c);
    cr_assert_str_eq(c.text, "(no name)");
    column_cell(COL_STEP, s, &(CellOpts){ .now_ms = 0 }, &c);
    cr_assert_str_eq(c.text, "not started");
    column_cell(COL_FLAGS, s, &(CellOpts){ .now_ms = 0 }, &c);
    cr_assert_eq(c.slot, SL_FLAG);
    column_cell(COL_STATUS, s, &(CellOpts){ .now_ms = 0 }, &c);
    cr_assert_str_eq(c.text, "REVIEW");
    free(s);
}

/* The Fail column tells attempts that counted from quality rejects that did not, as the
 * detail pane and show do; a file keeps the API's count of every failure. */
Test(ui_layout, fail_column_tells_counted_attempts_from_quality_rejects)
{
    SummaryInit in = { .status = ST_ONGOING, .created_ms = 0, .updated_ms = 0, .failed = { 0, 1, 0, 3 },
                       .bio_quality = 2 };
    in.str[SS_ID] = "x";
    Summary *s = summary_new(&in);
    Cell c;
    column_cell(COL_FAILED, s, &(CellOpts){ .medium = CELL_SCREEN }, &c);
    cr_assert_str_eq(c.text, "2+2q", "1 phone code and 1 liveness attempt counted, 2 quality rejects");
    cr_assert_eq(c.slot, SL_FAILCOUNT);
    column_cell(COL_FAILED_BIO, s, &(CellOpts){ .medium = CELL_TABLE }, &c);
    cr_assert_str_eq(c.text, "1+2q");
    column_cell(COL_FAILED_PHONE, s, &(CellOpts){ .medium = CELL_SCREEN }, &c);
    cr_assert_str_eq(c.text, "1");
    column_cell(COL_FAILED, s, &(CellOpts){ .medium = CELL_FILE }, &c);
    cr_assert_str_eq(c.text, "4", "a CSV keeps every failure the API lists");
    free(s);
    in.failed[FAIL_PHONE] = 0;
    in.failed[FAIL_BIO] = 2;
    s = summary_new(&in);
    column_cell(COL_FAILED, s, &(CellOpts){ .medium = CELL_SCREEN }, &c);
    cr_assert_str_eq(c.text, "0+2q");
    cr_assert_eq(c.slot, SL_DIM, "nothing that counted: not the failure colour");
    ColumnLayout l;
    ColumnSet set;
    char err[200];
    cr_assert(columns_parse(COLUMNS_DEFAULT, &set, err, sizeof err));
    columns_layout(&set, 80, &l);
    cr_assert_geq(l.w[find_col(&l, COL_FAILED)], (int)strlen(c.text), "it fits at 80 columns");
    free(s);
}

/* The Step column names a step the way the detail pane does, short: every step regdesk
 * knows fits the column whole at its narrowest. */
Test(ui_layout, step_column_shows_short_names_that_fit)
{
    static const char *const api[] = { "1", "not_started", "instructions", "signUpForm", "basicInformation",
                                       "document", "liveness", "form", "end", "skipKYC" };
    static const char *const want[] = { "not started", "not started", "intro", "sign-up", "basic info",
                                        "document", "liveness", "form", "end", "KYC skipped" };
    for (size_t i = 0; i < sizeof api / sizeof *api; i++) {
        SummaryInit in = { .status = ST_ONGOING };
        in.str[SS_ID] = "x";
        in.str[SS_STEP] = api[i];
        Summary *s = summary_new(&in);
        Cell c;
        column_cell(COL_STEP, s, &(CellOpts){ .medium = CELL_SCREEN }, &c);
        cr_assert_str_eq(c.text, want[i], "%s", api[i]);
        cr_assert_leq(safetext_width(c.text), column_def(COL_STEP)->min, "%s is cut", c.text);
        column_cell(COL_STEP, s, &(CellOpts){ .medium = CELL_FILE }, &c);
        cr_assert_str_eq(c.text, api[i], "a file keeps the API's value");
        free(s);
    }
}

/* A status is spelled the same in the list as in the pane (status_display): the badge
 * whatever the casing, an unknown one as sent, one of the wrong type as its text, marked. */
Test(ui_layout, status_cells_spell_a_status_like_the_pane)
{
    static const struct {
        Status st;
        const char *raw, *want;
        uint32_t invalid;
    } cases[] = { { ST_NEEDS_MANUAL_VERIFICATION, "", "REVIEW", 0 }, { ST_OTHER, "PAUSED", "PAUSED", 0 },
                  { ST_UNKNOWN, "42", "42", SUMF_STATUS }, { ST_UNKNOWN, "", "UNKNOWN", 0 } };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        SummaryInit in = { .status = cases[i].st, .invalid = cases[i].invalid };
        in.str[SS_ID] = "x";
        in.str[SS_STATUS_RAW] = cases[i].raw;
        Summary *s = summary_new(&in);
        Cell c;
        column_cell(COL_STATUS, s, &(CellOpts){ .medium = CELL_SCREEN }, &c);
        cr_assert_str_eq(c.text, cases[i].want);
        cr_assert_eq(c.slot == SL_INVALID, cases[i].invalid != 0);
        free(s);
    }
}

/* The header's counts wrap onto a second row, then abbreviate, rather than end in
 * "STARTED 257 D…": below LAYOUT_COUNTS_ONE_ROW columns the header has a row for it. */
Test(ui_layout, header_counts_wrap_or_abbreviate_but_are_not_cut)
{
    TestModel t;
    tm_init(&t);
    static const Status all[] = { ST_NEEDS_MANUAL_VERIFICATION, ST_ONGOING, ST_STARTED, ST_COMPLETED,
                                  ST_COMPLETED_WITHOUT_KYC, ST_FAILED, ST_EXPIRED };
    for (size_t i = 0; i < 3000; i++) {
        char id[16];
        snprintf(id, sizeof id, "r%zu", i);
        tm_page_of(&t, tm_summary(id, all[i % 7], 1748174400000LL - 30 * 3600000LL)); /* 30 h: overdue */
    }
    model_flush(&t.m);
    const struct {
        int width, rows;
        bool short_form;
    } cases[] = { { 80, 2, false }, { 50, 2, true }, { 200, 1, false }, { 120, 1, true } };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        Layout lay;
        layout_compute(&lay, cases[c].width, 40, false, false, false);
        cr_assert_eq(lay.header.h - 1, cases[c].rows, "count rows at %d columns", cases[c].width);
        DLines dl;
        dl_init(&dl);
        header_counts(&t.m, cases[c].width, cases[c].rows, &dl);
        StrBuf all_text = STRBUF_INIT;
        cr_assert_leq(dl.n, (size_t)cases[c].rows);
        for (size_t i = 0; i < dl.n; i++) {
            StrBuf b = STRBUF_INIT;
            dl_line_text(&dl, i, &b);
            cr_assert_leq(safetext_width(strbuf_cstr(&b)), cases[c].width, "%s", b.s);
            strbuf_printf(&all_text, "%s\n", strbuf_cstr(&b));
            strbuf_free(&b);
        }
        const char *txt = strbuf_cstr(&all_text);
        cr_assert_null(strstr(txt, glyph(GL_ELLIPSIS)), "%d columns: cut:\n%s", cases[c].width, txt);
        cr_assert(!strncmp(txt, " 3000 ", 6) && strstr(txt, "REVIEW 429 (429 overdue, "), "%s", txt);
        cr_assert_eq(strstr(txt, "EXPIRED 428") == NULL, cases[c].short_form, "%d columns:\n%s", cases[c].width, txt);
        cr_assert(strstr(txt, cases[c].short_form ? "EXP 428" : "EXPIRED 428"), "%s", txt);
        strbuf_free(&all_text);
        dl_free(&dl);
    }
    DLines dl; /* narrower than any screen regdesk draws on: cut, and it says so */
    dl_init(&dl);
    header_counts(&t.m, 30, 2, &dl);
    StrBuf last = STRBUF_INIT;
    dl_line_text(&dl, dl.n - 1, &last);
    cr_assert(strstr(strbuf_cstr(&last), glyph(GL_ELLIPSIS)), "%s", last.s);
    cr_assert_leq(safetext_width(last.s), 30);
    strbuf_free(&last);
    dl_free(&dl);
    tm_free(&t);
}

Test(ui_layout, wide_narrow_zoom_and_too_small)
{
    Layout l;
    layout_compute(&l, 200, 60, false, false, false);
    cr_assert(l.wide && l.detail && l.list);
    cr_assert_eq(l.list_r.w + 1 + l.detail_r.w, 200);
    cr_assert_eq(l.header.h + l.list_r.h + l.status.h, 60);
    layout_compute(&l, 80, 24, false, false, false);
    cr_assert(!l.detail, "narrow: the detail waits for Enter");
    cr_assert_eq(l.header.h, 3, "narrow: the counts have two rows");
    cr_assert_eq(l.list_r.h, 20);
    layout_compute(&l, 80, 24, true, false, true);
    cr_assert(l.detail && l.list);
    cr_assert_eq(l.detail_r.y, l.list_r.y + l.list_r.h, "below the list");
    cr_assert_eq(l.status.h, 2, "the prompt takes two rows");
    cr_assert_eq(l.list_r.h + l.detail_r.h + 3 + 2, 24);
    layout_compute(&l, 80, 24, true, true, false);
    cr_assert(!l.list && l.detail);
    cr_assert_eq(l.detail_r.h, 20);
    layout_compute(&l, 40, 10, false, false, false);
    cr_assert(l.too_small);
}

Test(ui_layout, line_editor)
{
    LineEdit e;
    le_set(&e, "status:");
    cr_assert(le_insert(&e, 'r'));
    cr_assert_str_eq(e.buf, "status:r");
    le_home(&e);
    cr_assert(le_insert(&e, 0xF1)); /* ñ */
    cr_assert_str_eq(e.buf, "ñstatus:r");
    cr_assert_eq(le_cursor_chars(&e), 1);
    le_backspace(&e);
    cr_assert_str_eq(e.buf, "status:r");
    cr_assert_not(le_insert(&e, 0x1b), "no escape");
    cr_assert_not(le_insert(&e, 0x202e), "no bidi override");
    le_end(&e);
    le_insert(&e, ' ');
    le_insert(&e, 'x');
    le_kill_word(&e);
    cr_assert_str_eq(e.buf, "status:r ");
    le_left(&e);
    le_left(&e);
    le_kill_end(&e);
    cr_assert_str_eq(e.buf, "status:");
    le_kill_start(&e);
    cr_assert_str_eq(e.buf, "");
    History h = { 0 };
    history_add(&h, "a");
    history_add(&h, "b");
    le_set(&e, "draft");
    cr_assert(history_move(&h, &e, -1));
    cr_assert_str_eq(e.buf, "b");
    cr_assert(history_move(&h, &e, -1));
    cr_assert_str_eq(e.buf, "a");
    cr_assert_not(history_move(&h, &e, -1));
    history_move(&h, &e, +1);
    history_move(&h, &e, +1);
    cr_assert_str_eq(e.buf, "draft");
    history_free(&h);
}

/* The one cut rule shared by draw_text and the detail's lines. */
Test(ui_layout, text_cut_with_an_ellipsis)
{
    glyphs_set_ascii(false);
    TextCut c = text_cut("Ana Ruiz", 8);
    cr_assert(c.bytes == 8 && c.cols == 8 && !c.ellipsis, "fits exactly: whole");
    c = text_cut("Ana Ruiz", 7);
    cr_assert(c.bytes == 6 && c.cols == 6 && c.ellipsis, "\"Ana Ru…\"");
    c = text_cut("Mu\xC3\xB1oz", 4); /* "Muñoz": ñ is two bytes, one column */
    cr_assert(c.bytes == 4 && c.cols == 3 && c.ellipsis, "\"Muñ…\", the ñ whole");
    c = text_cut("ab\xE4\xB8\xAD", 3); /* "ab中": the wide character does not fit */
    cr_assert(c.bytes == 2 && c.cols == 2 && c.ellipsis);
    c = text_cut("ab\ncd", 10);
    cr_assert(c.bytes == 2 && c.cols == 2 && c.ellipsis, "only the first line, marked as cut");
    c = text_cut("abc", 1);
    cr_assert(c.bytes == 0 && c.cols == 0 && c.ellipsis, "room for the ellipsis only");
    c = text_cut("abc", 0);
    cr_assert(c.bytes == 0 && !c.ellipsis);
    c = text_cut("", 5);
    cr_assert(c.bytes == 0 && c.cols == 0 && !c.ellipsis);
    glyphs_set_ascii(true);
    c = text_cut("Ana Ruiz", 7);
    cr_assert(c.bytes == 6 && c.ellipsis, "the ASCII ellipsis is one column too");
    glyphs_set_ascii(false);

    /* The detail's lines use it: a cut span ends the line with a dim ellipsis. */
    DLines d;
    dl_init(&d);
    dl_reset(&d, 10, 0);
    dl_begin(&d, 2);
    dl_add(&d, SL_NORMAL, "Muñoz Ramírez");
    dl_add(&d, SL_NORMAL, "ignored: the line is full");
    dl_end(&d);
    StrBuf b = STRBUF_INIT;
    dl_line_text(&d, 0, &b);
    cr_assert_str_eq(strbuf_cstr(&b), "  Muñoz R…");
    strbuf_free(&b);
    dl_free(&d);
}

/* Text composed into fixed buffers (a cell, a dl_addf span) from long record strings is
 * cut on a character boundary, never in the middle of one. */
Test(ui_layout, long_composed_text_keeps_characters_whole)
{
    char longtext[SUMMARY_STR_MAX];
    size_t k = 0;
    while (k + 2 < sizeof longtext - 1) {
        memcpy(longtext + k, "\xC3\xA9", 2); /* é */
        k += 2;
    }
    longtext[k] = '\0';
    SummaryInit in = { .status = ST_ONGOING };
    in.str[SS_ID] = "x";
    char cc[sizeof longtext + 2] = "+5";
    strcat(cc, longtext);
    in.str[SS_COUNTRY_CODE] = cc; /* both long: together more than a cell holds */
    in.str[SS_PHONE] = longtext;
    Summary *s = summary_new(&in);
    Cell c;
    column_cell(COL_PHONE, s, &(CellOpts){ .now_ms = 0 }, &c);
    cr_assert_gt(strlen(c.text), 400, "the cell was filled");
    cr_assert(safetext_is_safe(c.text, strlen(c.text), SAFE_LINE), "no character cut in half");
    free(s);

    DLines d;
    dl_init(&d);
    dl_reset(&d, 2000, 0);
    dl_begin(&d, 0);
    dl_addf(&d, SL_NORMAL, "xy%s", longtext); /* 512 bytes: the cut falls inside an é */
    dl_end(&d);
    StrBuf b = STRBUF_INIT;
    dl_line_text(&d, 0, &b);
    cr_assert_gt(b.len, 400);
    cr_assert(safetext_is_safe(b.s, b.len, SAFE_LINE), "dl_addf cut a character in half");
    strbuf_free(&b);
    dl_free(&d);
}
