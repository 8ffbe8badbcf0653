/* Around a decision (core/decision.h): the record as opened against the record re-read
 * before sending, whether a decision whose answer was lost landed, and reason labels. */
#include <criterion/criterion.h>
#include <string.h>

#include "../testutil.h"
#include "core/decision.h"

#define NOW 1748174400000LL /* 2025-05-25T12:00Z */

static Detail *rec(const char *status, const char *log)
{
    char json[1200];
    snprintf(json, sizeof json, "{\"_id\":\"a1\",\"status\":\"%s\",\"updatedAt\":\"2025-05-25T11:00:00Z\","
             "\"manualReviewLog\":[%s]}", status, log);
    return tu_detail(json);
}

#define ENTRY(next, who, at) \
    "{\"previousStatus\":\"NEEDS_MANUAL_VERIFICATION\",\"newStatus\":\"" next "\",\"note\":\"n\"," \
    "\"reviewedByClient\":{\"_id\":\"c1\",\"email\":\"" who "\"},\"createdAt\":\"" at "\"}"

Test(decision, nothing_changed_means_nothing_to_say)
{
    Detail *d = rec("NEEDS_MANUAL_VERIFICATION", "");
    DecisionBase b = decision_base(d->summary, d);
    char why[200] = "";
    cr_assert_not(decision_changed(&b, d, NOW, why, sizeof why));
    cr_assert_str_eq(why, "");
    detail_free(d);
}

Test(decision, another_reviewer_first_is_named_with_when_and_how)
{
    Detail *opened = rec("NEEDS_MANUAL_VERIFICATION", "");
    DecisionBase b = decision_base(opened->summary, opened);
    Detail *fresh = rec("FAILED", ENTRY("FAILED", "ana@example.org", "2025-05-25T11:58:00Z"));
    char why[200];
    cr_assert(decision_changed(&b, fresh, NOW, why, sizeof why));
    cr_assert_str_eq(why, "decided 2m ago by ana@example.org as FAILED");
    detail_free(fresh);
    /* The same status, but a new entry in the log (decided and set back): still a change. */
    fresh = rec("NEEDS_MANUAL_VERIFICATION", ENTRY("NEEDS_MANUAL_VERIFICATION", "ana@example.org", "2025-05-25T11:59:00Z"));
    cr_assert(decision_changed(&b, fresh, NOW, why, sizeof why));
    cr_assert(strstr(why, "by ana@example.org as NEEDS_MANUAL_VERIFICATION"), "%s", why);
    detail_free(fresh);
    detail_free(opened);
}

Test(decision, a_status_change_without_a_review_says_the_new_status)
{
    Detail *opened = rec("NEEDS_MANUAL_VERIFICATION", "");
    DecisionBase b = decision_base(opened->summary, NULL); /* opened from the list: no log known */
    cr_assert_eq(b.n_reviews, -1);
    Detail *fresh = rec("EXPIRED", "");
    char why[200];
    cr_assert(decision_changed(&b, fresh, NOW, why, sizeof why));
    cr_assert_str_eq(why, "its status is now EXPIRED");
    detail_free(fresh);
    detail_free(opened);
}

Test(decision, a_lost_answer_is_settled_by_the_record_read_back)
{
    Detail *before = rec("NEEDS_MANUAL_VERIFICATION", ENTRY("NEEDS_MANUAL_VERIFICATION", "x@example.org",
                                                            "2025-05-20T00:00:00Z"));
    DecisionBase b = decision_base(before->summary, before);
    cr_assert_eq(decision_landed(&b, ST_COMPLETED, before), LANDED_NO);
    Detail *after = rec("COMPLETED", ENTRY("NEEDS_MANUAL_VERIFICATION", "x@example.org", "2025-05-20T00:00:00Z") ","
                                     ENTRY("COMPLETED", "me@example.org", "2025-05-25T11:59:59Z"));
    cr_assert_eq(decision_landed(&b, ST_COMPLETED, after), LANDED_YES);
    cr_assert_eq(decision_landed(&b, ST_FAILED, after), LANDED_OTHER, "landed, but not what was asked");
    detail_free(after);
    detail_free(before);
}

Test(decision, only_a_4xx_or_a_refusal_proves_nothing_was_done)
{
    cr_assert(decision_answer_lost(0), "no answer: it may have arrived");
    cr_assert(decision_answer_lost(200), "an answer that could not be read");
    cr_assert(decision_answer_lost(502));
    cr_assert_not(decision_answer_lost(409));
    cr_assert_not(decision_answer_lost(401));
    cr_assert_not(decision_answer_lost(429), "429 means not processed");
}

Test(decision, the_closing_decision_is_told_by_who_and_when)
{
    Detail *d = rec("COMPLETED", ENTRY("COMPLETED", "ana@example.org", "2025-05-23T12:00:00Z"));
    char who[200];
    decision_who(d, NOW, who, sizeof who);
    cr_assert_str_eq(who, "COMPLETED 2d ago by ana@example.org");
    detail_free(d);
    d = rec("COMPLETED", "");
    decision_who(d, NOW, who, sizeof who);
    cr_assert_str_eq(who, "");
    detail_free(d);
}

Test(decision, a_label_prefills_the_note_and_another_label_replaces_it)
{
    const char *labels[] = { "face mismatch", "name mismatch", "document" };
    char note[200];
    decision_note_with_label("", labels, 3, "face mismatch", note, sizeof note);
    cr_assert_str_eq(note, "face mismatch: ");
    decision_note_with_label("face mismatch: selfie darker", labels, 3, "name mismatch", note, sizeof note);
    cr_assert_str_eq(note, "name mismatch: selfie darker", "what was written after the label stays");
    decision_note_with_label("called the applicant", labels, 3, "name mismatch", note, sizeof note);
    cr_assert_str_eq(note, "name mismatch: called the applicant");
    decision_note_with_label("document expired on the 3rd", labels, 3, "face mismatch", note, sizeof note);
    cr_assert_str_eq(note, "face mismatch: document expired on the 3rd", "a word that only starts like a label");
    cr_assert_geq(DECISION_LABELS_DEFAULT_N, 5);
}
