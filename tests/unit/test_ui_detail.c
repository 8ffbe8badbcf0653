/* The detail pane's lines for Lucía's case (tests/fixtures/detail_ana.json): reasons
 * first, scores against thresholds, the attempt timeline, collapsing, narrow widths. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../testutil.h"
#include "core/diagnose.h"
#include "core/glyphs.h"
#include "core/parse.h"
#include "core/pii.h"
#include "core/safetext.h"
#include "core/timeutil.h"
#include "model/detail_build.h"

typedef struct Fx {
    int64_t now; /* the pane's clock when it was built */
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

/* The store holds one populated record, from json. */
static void load_json(Fx *fx, const char *json)
{
    store_init(&fx->st);
    fx->idx = store_put_detail(&fx->st, tu_detail(json));
    fx->rel = related_new();
    dl_init(&fx->dl);
    fx->all = (StrBuf)STRBUF_INIT;
}

/* The pane's lines for the fixture's record with c's options (store, record, clock
 * filled in here). */
static void build_with(Fx *fx, int width, uint32_t collapsed, DetailCtx c)
{
    time_parse_iso("2025-05-25T20:00:00Z", &fx->now);
    c.now_ms = fx->now;
    c.st = &fx->st;
    c.rec = fx->idx;
    c.rel = fx->rel;
    dl_reset(&fx->dl, width, collapsed);
    detail_build(&fx->dl, &c);
    strbuf_reset(&fx->all);
    for (size_t i = 0; i < fx->dl.n; i++) {
        dl_line_text(&fx->dl, i, &fx->all);
        strbuf_putc(&fx->all, '\n');
    }
}

static void build(Fx *fx, int width, uint32_t collapsed, DetailState state, bool raw_codes)
{
    build_with(fx, width, collapsed, (DetailCtx){ .state = state, .raw_codes = raw_codes });
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
    long why = find(&fx, "Why it needs review");
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
    shows(&fx, (const char *[]){ "Failed attempts  4 (3 used an attempt, 1 quality reject did not)",
                                 "05-24 14:07  liveness  Lighting too poor; quality, not counted",
                                 "05-24 14:08  liveness  Liveness check failed (score too low), scored 0.41",
                                 "the API sent only its id (6650aa01c0ffee00000000ba)", /* an id-only attempt */
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
                                 "2025-05-24 14:10  ONGOING → NEEDS_MANUAL_VERIFICATION",
                                 "by Ops <ops@verifik.example> (Verifik staff)", /* whole, on a line of its own */
                                 "second line", /* notes keep their lines */
                                 "Selfie image    the API sent only its id (6650aa01c0ffee00000000f9), not the",
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
    cr_assert_lt(find(&fx, "Why it needs review"), 0, "no reasons without the record");
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
    load_json(&fx, "{\"_id\":\"6650aa01c0ffee0000000009\",\"status\":\"needs_manual_verification\","
                   "\"manualReviewLog\":[{\"previousStatus\":\"needs_manual_verification\",\"newStatus\":\"completed\","
                   "\"createdAt\":\"2025-05-24T10:00:00Z\"},{\"previousStatus\":\"Completed\",\"newStatus\":"
                   "\"NEEDS_MANUAL_VERIFICATION\",\"createdAt\":\"2025-05-24T11:00:00Z\"}]}");
    build(&fx, 78, 0, DS_LOADED, false);
    shows(&fx, (const char *[]){ "NEEDS_MANUAL_VERIFICATION → COMPLETED", /* the review history too */
                                 "COMPLETED → NEEDS_MANUAL_VERIFICATION", NULL });
    cr_assert_geq(find(&fx, "Status          NEEDS_MANUAL_VERIFICATION"), 0, "%s", fx.all.s);
    cr_assert_lt(find(&fx, "needs_manual_verification"), 0, "%s", fx.all.s);
    done(&fx);
}

/* 2025-05-25T11:25Z, created, nothing done: the flow allows three liveness tries. */
#define STARTED_JSON                                                                                           \
    "{\"_id\":\"6650aa01c0ffee0000000011\",\"status\":\"STARTED\",\"currentStep\":\"1\",\"emailValidation\":null,"  \
    "\"phoneValidation\":null,\"documentValidation\":null,\"biometricValidation\":null,\"face\":null,"            \
    "\"documentFace\":null,\"compareFaceVerification\":null,\"failedPhoneValidations\":[],"                       \
    "\"projectFlow\":{\"_id\":\"f1\",\"type\":\"onboarding\",\"liveness\":{\"attemptLimit\":3,\"minScore\":0.6},"     \
    "\"documents\":{\"attemptLimit\":3}},\"createdAt\":\"2025-05-25T11:25:00Z\",\"updatedAt\":\"2025-05-25T11:30:00Z\"," \
    "\"expiresAt\":\"2025-05-25T22:25:00Z\"}"

/* The first section after the name is the diagnosis, with every finding regdesk show
 * prints (core/diagnose), in its order. */
static void diagnosis_first(Fx *fx, const char *title)
{
    const Detail *det = store_detail(&fx->st, fx->idx);
    Finding f[DIAGNOSIS_MAX];
    size_t n = diagnose(fx->st.recs[fx->idx], det, fx->now, f);
    cr_assert_gt(n, 0);
    long head = find(fx, title);
    cr_assert_geq(head, 0, "%s", fx->all.s);
    cr_assert_eq(fx->dl.lines[head].section, SEC_REASONS);
    cr_assert_eq(dl_section_line(&fx->dl, SEC_REASONS), head);
    cr_assert_lt(head, dl_section_line(&fx->dl, SEC_CHECKS), "before the checks:\n%s", fx->all.s);
    cr_assert_lt(head, 5, "first on screen:\n%s", fx->all.s);
    long last = head;
    for (size_t i = 0; i < n; i++) {
        char start[48];
        snprintf(start, sizeof start, "%.40s", f[i].text); /* the line may wrap after it */
        long at = find(fx, start);
        cr_assert_gt(at, last, "finding %zu (\"%s\") missing or out of order:\n%s", i, f[i].text, fx->all.s);
        last = at;
    }
}

Test(ui_detail, a_registration_not_in_review_says_why_it_is_stuck_first)
{
    Fx fx;
    load_json(&fx, STARTED_JSON);
    build(&fx, 78, 0, DS_LOADED, false);
    diagnosis_first(&fx, "Why it is stuck");
    shows(&fx, (const char *[]){ "The applicant has not reported any step since it was created", NULL });
    cr_assert_lt(find(&fx, "Why it needs review"), 0, "%s", fx.all.s);
    cr_assert_lt(find(&fx, "Concerns"), 0, "no review reasons outside review:\n%s", fx.all.s);
    cr_assert_lt(find(&fx, "Face compare could not run"), 0, "%s", fx.all.s);
    cr_assert_lt(find(&fx, "of 3 used"), 0, "nothing attempted: no \"0 of 3 used\" check:\n%s", fx.all.s);
    done(&fx);
}

/* A FAILED registration whose document attempts ran out says so, not a review reason. */
Test(ui_detail, a_finished_registration_says_how_it_ended)
{
    Fx fx;
    load_json(&fx, "{\"_id\":\"6650aa01c0ffee0000000012\",\"status\":\"FAILED\",\"currentStep\":\"end\","
                   "\"projectFlow\":{\"_id\":\"f1\",\"type\":\"onboarding\",\"documents\":{\"attemptLimit\":3}},"
                   "\"documentValidation\":null,\"failedDocumentValidations\":["
                   "{\"_id\":\"a1\",\"failedReason\":\"image_is_required\",\"updatedAt\":\"2025-05-24T01:27:00Z\"},"
                   "{\"_id\":\"a2\",\"failedReason\":\"unspecified\",\"updatedAt\":\"2025-05-24T01:28:00Z\"},"
                   "{\"_id\":\"a3\",\"failedReason\":\"document_number_is_not_extracted\","
                   "\"updatedAt\":\"2025-05-24T01:29:00Z\"}],\"createdAt\":\"2025-05-24T01:20:00Z\","
                   "\"updatedAt\":\"2025-05-24T01:34:00Z\"}");
    build(&fx, 78, 0, DS_LOADED, false);
    diagnosis_first(&fx, "How it ended");
    shows(&fx, (const char *[]){ "3 of 3 document attempts failed: none is left.", "Document tries   3 of 3 used",
                                 NULL });
    cr_assert_lt(find(&fx, "Face compare"), 0, "nothing said about a step that never ran:\n%s", fx.all.s);
    done(&fx);
}

/* The retrieve asks for every sub-object the pane shows, so an id where an object was
 * asked for is what the API sent, and the pane says that. */
Test(ui_detail, never_not_loaded_for_what_the_full_record_asked_for)
{
    Fx fx;
    load_json(&fx, "{\"_id\":\"6650aa01c0ffee0000000013\",\"status\":\"ONGOING\",\"currentStep\":\"liveness\","
                   "\"biometricValidation\":\"6650aa01c0ffee00000000b1\",\"phoneValidation\":\"6650aa01c0ffee00000000a1\","
                   "\"compareFaceVerification\":\"6650aa01c0ffee00000000c2\",\"projectFlow\":\"6650aa01c0ffee00000000f1\","
                   "\"failedPhoneValidations\":[\"6650aa01c0ffee00000000a7\"],\"createdAt\":\"2025-05-25T10:00:00Z\"}");
    build(&fx, 100, 0, DS_LOADED, false);
    cr_assert_lt(find(&fx, "not loaded"), 0, "%s", fx.all.s);
    shows(&fx, (const char *[]){ "Liveness         the API sent only its id (6650aa01c0ffee00000000b1), not the object",
                                 "Face compare     the API sent only its id (6650aa01c0ffee00000000c2)",
                                 "phone     the API sent only its id (6650aa01c0ffee00000000a7)",
                                 "Flow            the API sent only its id (6650aa01c0ffee00000000f1)", NULL });
    done(&fx);
    load(&fx);
    build(&fx, 100, 0, DS_LOADED, false);
    cr_assert_lt(find(&fx, "not loaded"), 0, "%s", fx.all.s);
    done(&fx);
}

/* One tally for the counts: attempts that counted and quality rejects apart, in the top
 * line, the checks and the liveness section alike (Ana: 3 liveness failures, one of them
 * a quality reject). */
Test(ui_detail, attempt_counts_agree_everywhere)
{
    Fx fx;
    load(&fx);
    build(&fx, 110, 0, DS_LOADED, false);
    shows(&fx, (const char *[]){ "·  4 failed attempts (1 quality reject did not count)",
                                 "Liveness tries   2 of 3 used; 1 quality reject did not count",
                                 "Attempts        2 of 3 used; 1 quality reject did not count", NULL });
    build(&fx, 60, 0, DS_LOADED, false);
    cr_assert_geq(find(&fx, "4 failed attempts (1 quality reject did not count)"), 0,
                  "a narrow pane moves it to a line of its own, whole:\n%s", fx.all.s);
    done(&fx);
}

/* The same words as show: "not started" for step 1; the API's step beside it. */
Test(ui_detail, steps_have_the_names_show_gives_them)
{
    Fx fx;
    load_json(&fx, STARTED_JSON);
    build(&fx, 78, 0, DS_LOADED, false);
    shows(&fx, (const char *[]){ "step not started", "Current step    not started (1)", NULL });
    done(&fx);
}

/* Labels are never cut: the flow's basicInformation step, a long red-flag key, a reviewer
 * on a narrow pane. */
Test(ui_detail, labels_are_never_cut)
{
    Fx fx;
    load_json(&fx, "{\"_id\":\"6650aa01c0ffee0000000014\",\"status\":\"COMPLETED\",\"redFlags\":1,"
                   "\"redFlagsDetails\":{\"documentAttemptsExceeded\":2},\"projectFlow\":{\"_id\":\"f1\","
                   "\"type\":\"onboarding\",\"steps\":{\"signUpForm\":\"mandatory\",\"basicInformation\":\"optional\"}},"
                   "\"manualReviewLog\":[{\"previousStatus\":\"NEEDS_MANUAL_VERIFICATION\",\"newStatus\":\"COMPLETED\","
                   "\"reviewedByClient\":{\"_id\":\"u1\",\"name\":\"Lucía Fernández Quiñones\"},"
                   "\"createdAt\":\"2025-05-24T10:00:00Z\"}]}");
    build(&fx, 60, 0, DS_LOADED, false);
    shows(&fx, (const char *[]){ "basicInformation optional", "signUpForm       mandatory",
                                 "documentAttemptsExceeded 2", "by Lucía Fernández Quiñones (client)", NULL });
    cr_assert_lt(find(&fx, glyph(GL_ELLIPSIS)), 0, "nothing is cut:\n%s", fx.all.s);
    done(&fx);
}

/* Finding text in lines: folded, both ways, coming round, with the matched bytes. */
Test(ui_detail, finding_text_in_lines)
{
    DLines d;
    dl_init(&d);
    dl_reset(&d, 60, 0);
    const char *const text[] = { "alpha", "Lucía Pérez", "beta", "LUCIA again", "gamma" };
    for (size_t i = 0; i < 5; i++)
        dl_wrap(&d, 0, 0, SL_NORMAL, text[i]);
    DFind f = { .folded = NULL };
    dfind_set(&f, "lucia");
    bool wrapped;
    cr_assert_eq(dfind_line(&f, &d, 0, +1, &wrapped), 1);
    cr_assert_not(wrapped);
    cr_assert_eq(dfind_line(&f, &d, 2, +1, &wrapped), 3);
    cr_assert_eq(dfind_line(&f, &d, 4, +1, &wrapped), 1);
    cr_assert(wrapped);
    cr_assert_eq(dfind_line(&f, &d, 2, -1, &wrapped), 1);
    cr_assert_eq(dfind_line(&f, &d, 0, -1, &wrapped), 3);
    cr_assert(wrapped);
    cr_assert_eq(dfind_count(&f, &d), 2);
    size_t len;
    cr_assert_eq(dfind_in(&f, "x Lucía y", 0, &len), 2);
    cr_assert_eq(len, strlen("Lucía"), "the accented letter is painted whole");
    cr_assert_eq(dfind_in(&f, "x Lucía y", 3, &len), -1);
    dfind_set(&f, "");
    cr_assert_not(dfind_active(&f));
    cr_assert_eq(dfind_line(&f, &d, 0, +1, &wrapped), -1);
    dfind_clear(&f);
    dl_free(&d);
}

/* Every personal value of the fixture, as sent. */
static const char *const real_values[] = { "ana.ruiz@example.org", "3001234567", "1020304050", "183.120.4.5",
                                           "ops@verifik.example", NULL };

static void hides(const Fx *fx, const char *const values[], const char *where)
{
    for (size_t i = 0; values[i]; i++)
        cr_assert_null(strstr(fx->all.s, values[i]), "%s: \"%s\" is shown:\n%s", where, values[i], fx->all.s);
}

Test(ui_detail, personal_data_is_masked_in_every_section_and_in_the_raw_json)
{
    Fx fx;
    load(&fx);
    for (int raw = 0; raw <= 1; raw++) {
        build_with(&fx, 120, 0, (DetailCtx){ .state = DS_LOADED, .raw_json = raw, .mask = MASK_DEFAULT });
        const char *where = raw ? "raw JSON" : "sections";
        hides(&fx, real_values, where);
        shows(&fx, (const char *[]){ "a***@example.org", "******4567", "******4050", "183.120.x.x", "Ana Ruiz",
                                     NULL });
    }
    build_with(&fx, 120, 0, (DetailCtx){ .state = DS_LOADED, .mask = MASK_DEFAULT });
    shows(&fx, (const char *[]){ "+57 ******4567", "Number          ******4050", "o***@verifik.example",
                                 "documentNumber  ******4050", /* OCR and the registry's answer */
                                 "ANA MARIA RUIZ GOMEZ", NULL });
    long email = find(&fx, "a***@example.org");
    const DLine *l = &fx.dl.lines[email];
    bool marked = false;
    for (uint16_t k = 0; k < l->nspans; k++)
        marked |= fx.dl.spans[l->span0 + k].slot == SL_MASKED;
    cr_assert(marked, "a masked value is drawn in the masked slot, so the reviewer sees data is there");
    done(&fx);
}

Test(ui_detail, names_are_masked_only_when_the_set_says_so_and_nothing_when_it_is_empty)
{
    Fx fx;
    load(&fx);
    build_with(&fx, 120, 0, (DetailCtx){ .state = DS_LOADED, .mask = MASK_ALL });
    hides(&fx, (const char *[]){ "Ana Ruiz", "ANA MARIA RUIZ GOMEZ", "RUIZ", NULL }, "names");
    shows(&fx, (const char *[]){ "A*** R***", "registry \"A*** M*** R*** G***\" vs \"A*** R***\"", NULL });
    build_with(&fx, 120, 0, (DetailCtx){ .state = DS_LOADED, .raw_json = true, .mask = MASK_ALL });
    hides(&fx, (const char *[]){ "Ana Ruiz", "ANA MARIA RUIZ GOMEZ", NULL }, "raw names");
    build_with(&fx, 120, 0, (DetailCtx){ .state = DS_LOADED, .mask = MASK_NONE });
    shows(&fx, real_values);
    cr_assert_lt(find(&fx, "***"), 0, "mask = none masks nothing:\n%s", fx.all.s);
    done(&fx);
}
