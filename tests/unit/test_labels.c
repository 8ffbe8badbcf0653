/* `regdesk show` and the detail pane name the fields they both show with the same
 * words: each comes from the one table of core/labels.h. */
#include <criterion/criterion.h>
#include <string.h>

#include "../testutil.h"
#include "cli/show.h"
#include "core/labels.h"
#include "core/timeutil.h"
#include "model/detail_build.h"

Test(labels, show_and_the_pane_use_the_same_words)
{
    Detail *d = tu_detail_file(TU_FIXTURE_ANA);
    int64_t now;
    time_parse_iso("2025-05-25T20:00:00Z", &now);
    StrBuf show = STRBUF_INIT, pane = STRBUF_INIT;
    show_text(d, now, &show);
    Store st;
    store_init(&st);
    size_t rec = store_put_detail(&st, d);
    DLines dl;
    dl_init(&dl);
    dl_reset(&dl, 100, 0);
    DetailCtx c = { .st = &st, .rec = rec, .now_ms = now, .state = DS_LOADED };
    detail_build(&dl, &c);
    for (size_t i = 0; i < dl.n; i++) {
        dl_line_text(&dl, i, &pane);
        strbuf_putc(&pane, '\n');
    }
    /* Rows in show are "  label   value"; sections start a line with the title. */
    const Label rows[] = { LBL_ID, LBL_EMAIL, LBL_PHONE, LBL_DOCUMENT, LBL_PROJECT, LBL_FLOW, LBL_CREATED,
                           LBL_UPDATED, LBL_LIVENESS, LBL_FACE_COMPARE, LBL_NAME_MATCH };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        char row[64];
        snprintf(row, sizeof row, "\n  %s ", label(rows[i]));
        cr_assert(strstr(show.s, row), "show has no \"%s\" row:\n%s", label(rows[i]), show.s);
        cr_assert(strstr(pane.s, label_title(rows[i])), "the pane has no \"%s\":\n%s", label_title(rows[i]), pane.s);
    }
    const Label sections[] = { LBL_RED_FLAGS, LBL_FAILED_ATTEMPTS, LBL_REVIEW_HISTORY, LBL_NOTES };
    for (size_t i = 0; i < sizeof sections / sizeof *sections; i++) {
        char title[64];
        snprintf(title, sizeof title, "\n%s", label_title(sections[i]));
        cr_assert(strstr(show.s, title), "show has no %s section", label_title(sections[i]));
        cr_assert(strstr(pane.s, label_title(sections[i])), "the pane has no %s section", label_title(sections[i]));
    }
    cr_assert_str_eq(label_title(LBL_FACE_COMPARE), "Face compare");
    dl_free(&dl);
    store_free(&st);
    strbuf_free(&show);
    strbuf_free(&pane);
}
