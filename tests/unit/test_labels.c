/* `regdesk show` and the detail pane name the fields they both show with the same
 * words: each comes from the one table of core/labels.h. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../testutil.h"
#include "cli/show.h"
#include "core/labels.h"
#include "core/pii.h"
#include "core/timeutil.h"
#include "model/detail_build.h"

/* d as regdesk show prints it and as the detail pane (100 columns wide) shows it, one
 * line per line; d is freed. */
static void render_both(Detail *d, StrBuf *show, StrBuf *pane)
{
    int64_t now;
    time_parse_iso("2025-05-25T20:00:00Z", &now);
    show_text(d, now, MASK_NONE, show);
    Store st;
    store_init(&st);
    size_t rec = store_put_detail(&st, d);
    DLines dl;
    dl_init(&dl);
    dl_reset(&dl, 100, 0);
    DetailCtx c = { .st = &st, .rec = rec, .now_ms = now, .state = DS_LOADED };
    detail_build(&dl, &c);
    for (size_t i = 0; i < dl.n; i++) {
        dl_line_text(&dl, i, pane);
        strbuf_putc(pane, '\n');
    }
    dl_free(&dl);
    store_free(&st);
}

Test(labels, show_and_the_pane_use_the_same_words)
{
    StrBuf show = STRBUF_INIT, pane = STRBUF_INIT;
    render_both(tu_detail_file(TU_FIXTURE_ANA), &show, &pane);
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
    strbuf_free(&show);
    strbuf_free(&pane);
}

/* The first list on screen is the same in show and the pane: for a case in review its
 * reasons, for any other its diagnosis (each line of show's list starts a line in the
 * pane, which may wrap the rest). */
static void same_first_list(const char *json, const char *title)
{
    StrBuf show = STRBUF_INIT, pane = STRBUF_INIT;
    render_both(tu_detail(json), &show, &pane);
    char head[64];
    snprintf(head, sizeof head, "\n%s\n", title);
    const char *p = strstr(show.s, head);
    cr_assert_not_null(p, "show has no \"%s\":\n%s", title, show.s);
    cr_assert(strstr(pane.s, title), "the pane has no \"%s\":\n%s", title, pane.s);
    int items = 0;
    for (p += strlen(head); !strncmp(p, "  • ", strlen("  • ")); p = strchr(p, '\n') + 1, items++) {
        char start[48];
        snprintf(start, sizeof start, "%.40s", p + strlen("  • "));
        cr_assert(strstr(pane.s, start), "the pane lacks \"%s\":\n%s", start, pane.s);
    }
    cr_assert_gt(items, 0);
    strbuf_free(&show);
    strbuf_free(&pane);
}

Test(labels, show_and_the_pane_open_with_the_same_list)
{
    char *ana = tu_read_file(TU_FIXTURE_ANA, NULL);
    same_first_list(ana, "Why it needs review");
    free(ana);
    same_first_list("{\"_id\":\"6650aa01c0ffee0000000021\",\"status\":\"ONGOING\",\"currentStep\":\"document\","
                    "\"projectFlow\":{\"_id\":\"f1\",\"type\":\"onboarding\",\"liveness\":{\"attemptLimit\":3}},"
                    "\"failedBiometricValidations\":[{\"_id\":\"b1\",\"failedReason\":\"poor_lighting\","
                    "\"updatedAt\":\"2025-05-20T10:00:00Z\"}],\"updatedAt\":\"2025-05-20T10:00:00Z\","
                    "\"expiresAt\":\"2025-05-20T11:00:00Z\"}",
                    "Why it is stuck");
    same_first_list("{\"_id\":\"6650aa01c0ffee0000000022\",\"status\":\"FAILED\",\"currentStep\":\"end\","
                    "\"updatedAt\":\"2025-05-20T10:00:00Z\"}",
                    "How it ended");
}

/* A kind of failed attempt has one name: the selfie's attempts are "liveness" in both. */
Test(labels, attempt_kinds_have_one_name)
{
    cr_assert_str_eq(failkind_label(FAIL_BIO), "liveness");
    cr_assert_str_eq(failkind_label(FAIL_DOC), "document");
    cr_assert_str_eq(failkind_name(FAIL_BIO), "biometric", "the API's word stays for JSON and the filter");
}
