/* The detail pane's lines for Lucía's case (tests/fixtures/detail_ana.json): reasons
 * first, scores against thresholds, the attempt timeline, collapsing, narrow widths. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../testutil.h"
#include "core/parse.h"
#include "core/safetext.h"
#include "core/timeutil.h"
#include "model/detail_build.h"

typedef struct Fx {
    Store st;
    Related *rel;
    size_t idx;
    DLines dl;
    StrBuf all;
} Fx;

static void load(Fx *fx)
{
    Detail *d = tu_detail_file(TU_FIXTURE_ANA);
    store_init(&fx->st);
    fx->idx = store_put_detail(&fx->st, d);
    fx->rel = related_new();
    dl_init(&fx->dl);
    fx->all = (StrBuf)STRBUF_INIT;
}

static void build(Fx *fx, int width, uint32_t collapsed, DetailState state, bool raw_codes)
{
    int64_t now;
    time_parse_iso("2025-05-25T20:00:00Z", &now);
    DetailCtx c = { .st = &fx->st, .rec = fx->idx, .rel = fx->rel, .now_ms = now, .state = state,
                    .raw_codes = raw_codes };
    dl_reset(&fx->dl, width, collapsed);
    detail_build(&fx->dl, &c);
    strbuf_reset(&fx->all);
    for (size_t i = 0; i < fx->dl.n; i++) {
        dl_line_text(&fx->dl, i, &fx->all);
        strbuf_putc(&fx->all, '\n');
    }
}

static void done(Fx *fx)
{
    strbuf_free(&fx->all);
    dl_free(&fx->dl);
    related_free(fx->rel);
    store_free(&fx->st);
}

/* Line number of the first line containing s, or -1. */
static long find(const Fx *fx, const char *s)
{
    for (size_t i = 0; i < fx->dl.n; i++) {
        StrBuf b = STRBUF_INIT;
        dl_line_text(&fx->dl, i, &b);
        bool hit = strstr(strbuf_cstr(&b), s) != NULL;
        strbuf_free(&b);
        if (hit)
            return (long)i;
    }
    return -1;
}

/* Every one of lines (NULL-terminated) is on some line of the pane. */
static void shows(const Fx *fx, const char *const lines[])
{
    for (size_t i = 0; lines[i]; i++)
        cr_assert_geq(find(fx, lines[i]), 0, "\"%s\" is not shown:\n%s", lines[i], fx->all.s);
}

Test(ui_detail, reasons_and_scores_in_the_first_screen)
{
    Fx fx;
    load(&fx);
    build(&fx, 78, 0, DS_LOADED, false);
    long why = find(&fx, "Why review");
    cr_assert_geq(why, 0, "%s", fx.all.s);
    cr_assert_lt(why, 5, "reasons come first:\n%s", fx.all.s);
    cr_assert_lt(find(&fx, "Face compare scored 0.78, below the threshold of 0.85"), 20);
    cr_assert_lt(find(&fx, "Liveness         0.71 above the flow's minimum of 0.65"), 20, "%s", fx.all.s);
    cr_assert_lt(find(&fx, "62 %: registry \"ANA MARIA RUIZ GOMEZ\" vs \"Ana Ruiz\""), 20, "%s", fx.all.s);
    cr_assert_gt(find(&fx, "Face compare scored"), why);
    done(&fx);
}

Test(ui_detail, attempt_timeline_translated_with_quality_rejects)
{
    Fx fx;
    load(&fx);
    build(&fx, 100, 0, DS_LOADED, false);
    shows(&fx, (const char *[]){ "Failed attempts  4 · liveness 2 of 3 used",
                                 "05-24 14:07  liveness  Lighting too poor; quality, not counted",
                                 "05-24 14:08  liveness  Liveness check failed (score too low), scored 0.41",
                                 "not loaded (id 6650aa01c0ffee00000000ba)", /* an id-only attempt */
                                 NULL });
    cr_assert_lt(find(&fx, "poor_lighting"), 0, "no raw code until asked");
    build(&fx, 130, 0, DS_LOADED, true);
    cr_assert_geq(find(&fx, "[poor_lighting]"), 0, "%s", fx.all.s);
    cr_assert_geq(find(&fx, "[409:liveness_failed@0.41]"), 0, "%s", fx.all.s);
    done(&fx);
}

Test(ui_detail, red_flags_history_notes_and_unpopulated_refs)
{
    Fx fx;
    load(&fx);
    build(&fx, 90, 0, DS_LOADED, false);
    shows(&fx, (const char *[]){ "Red flags  2", "faceCompareFailed", "detail          0.78 < 0.85",
                                 "ONGOING → NEEDS_MANUAL_VERIFICATION  by Ops",
                                 "second line", /* notes keep their lines */
                                 "Selfie image    6650aa01c0ffee00000000f9 · not loaded",
                                 "Related  none share email, phone or document", NULL });
    cr_assert_lt(find(&fx, "enrollee-secret"), 0, "the enrollee token is never shown");
    done(&fx);
}

Test(ui_detail, before_the_full_record_arrives)
{
    Fx fx;
    load(&fx);
    build(&fx, 78, 0, DS_LOADING, false);
    cr_assert_geq(find(&fx, "Loading the full record"), 0, "%s", fx.all.s);
    cr_assert_lt(find(&fx, "Why review"), 0, "no reasons without the record");
    cr_assert_geq(find(&fx, "Their details come with the full record."), 0, "%s", fx.all.s);
    cr_assert_geq(find(&fx, "email 0, phone 0, document 1, liveness 3"), 0, "%s", fx.all.s);
    build(&fx, 78, 0, DS_NOT_REQUESTED, false);
    cr_assert_geq(find(&fx, "Press Enter to load the full record."), 0);
    done(&fx);
}

Test(ui_detail, collapsed_sections_keep_only_their_header)
{
    Fx fx;
    load(&fx);
    build(&fx, 78, 0, DS_LOADED, false);
    size_t full = fx.dl.n;
    build(&fx, 78, 1u << SEC_DOCUMENT, DS_LOADED, false);
    cr_assert_lt(fx.dl.n, full);
    long hdr = dl_section_line(&fx.dl, SEC_DOCUMENT);
    cr_assert_geq(hdr, 0);
    cr_assert(fx.dl.lines[hdr].header);
    cr_assert_lt(find(&fx, "Read from the document (OCR)"), 0);
    cr_assert_geq(find(&fx, "▸ Document"), 0, "%s", fx.all.s);
    cr_assert_neq(fx.dl.lines[hdr + 1].section, SEC_DOCUMENT);
    done(&fx);
}

Test(ui_detail, every_line_fits_the_width)
{
    Fx fx;
    load(&fx);
    for (int w = 20; w <= 120; w += 7) {
        build(&fx, w, 0, DS_LOADED, true);
        for (size_t i = 0; i < fx.dl.n; i++) {
            StrBuf b = STRBUF_INIT;
            dl_line_text(&fx.dl, i, &b);
            cr_assert_leq(safetext_width(strbuf_cstr(&b)), w, "width %d, line %zu: \"%s\"", w, i, b.s);
            strbuf_free(&b);
        }
    }
    done(&fx);
}

Test(ui_detail, related_registrations_are_listed_and_linked)
{
    Fx fx;
    load(&fx);
    SummaryInit in = { .status = ST_FAILED, .created_ms = 1000, .updated_ms = 1000 };
    in.str[SS_ID] = "other1";
    in.str[SS_NAME] = "Someone Else";
    in.str[SS_EMAIL] = "x@example.org";
    in.str[SS_COUNTRY_CODE] = "+57";
    in.str[SS_PHONE] = "300 123 4567";
    size_t other = store_put(&fx.st, summary_new(&in), NULL);
    build(&fx, 90, 0, DS_LOADED, false);
    long at = find(&fx, "Someone Else");
    cr_assert_geq(at, 0, "%s", fx.all.s);
    cr_assert_eq(fx.dl.lines[at].link, (int32_t)other);
    cr_assert_geq(find(&fx, "phone           FAILED"), 0, "%s", fx.all.s);
    done(&fx);
}

/* The pane spells a lower-case status the way it spells every other one. */
Test(ui_detail, status_spelling_is_normalised)
{
    Fx fx;
    Detail *d = tu_detail("{\"_id\":\"6650aa01c0ffee0000000009\",\"status\":\"needs_manual_verification\"}");
    store_init(&fx.st);
    fx.idx = store_put_detail(&fx.st, d);
    fx.rel = related_new();
    dl_init(&fx.dl);
    fx.all = (StrBuf)STRBUF_INIT;
    build(&fx, 78, 0, DS_LOADED, false);
    cr_assert_geq(find(&fx, "Status          NEEDS_MANUAL_VERIFICATION"), 0, "%s", fx.all.s);
    cr_assert_lt(find(&fx, "needs_manual_verification"), 0, "%s", fx.all.s);
    done(&fx);
}
