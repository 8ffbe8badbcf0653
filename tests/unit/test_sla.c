/* The review SLA: only what waits for review can be overdue, from when it started
 * waiting, and only past the SLA (24 h unless the sla setting says otherwise). */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "core/sla.h"

static Summary *rec(Status st, int64_t created)
{
    SummaryInit in = { .status = st, .created_ms = created, .updated_ms = TIME_NONE };
    in.str[SS_ID] = "r1";
    return summary_new(&in);
}

Test(sla, overdue_only_past_the_sla_and_only_in_review)
{
    const int64_t now = 1748174400000LL; /* 2025-05-25T12:00Z */
    Summary *fresh = rec(ST_NEEDS_MANUAL_VERIFICATION, now - SLA_DEFAULT_MS);
    Summary *late = rec(ST_NEEDS_MANUAL_VERIFICATION, now - SLA_DEFAULT_MS - 1);
    Summary *done = rec(ST_COMPLETED, now - 10LL * SLA_DEFAULT_MS);
    Summary *undated = rec(ST_NEEDS_MANUAL_VERIFICATION, TIME_NONE);
    cr_assert_not(summary_overdue(fresh, now, 0), "exactly 24 h is still within the SLA");
    cr_assert(summary_overdue(late, now, 0));
    cr_assert_eq(summary_review_since(late), now - SLA_DEFAULT_MS - 1);
    cr_assert_not(summary_overdue(done, now, 0), "a finished registration is never overdue");
    cr_assert_eq(summary_review_since(done), TIME_NONE);
    cr_assert_not(summary_overdue(undated, now, 0), "an unknown time cannot be judged");
    free(fresh);
    free(late);
    free(done);
    free(undated);
}

/* The clock starts when the case entered review, which is its updatedAt (the list page
 * and the populated record carry no other time of it), not when it was created: a case
 * created a week ago that reached review two hours ago is within the SLA. */
Test(sla, counted_from_entry_into_review_not_from_creation)
{
    const int64_t now = 1748174400000LL, hour = 3600000LL;
    SummaryInit in = { .status = ST_NEEDS_MANUAL_VERIFICATION, .created_ms = now - 7 * 24 * hour,
                       .updated_ms = now - 2 * hour };
    in.str[SS_ID] = "r1";
    Summary *recent = summary_new(&in);
    cr_assert_eq(summary_review_since(recent), now - 2 * hour);
    cr_assert_not(summary_overdue(recent, now, 0), "two hours in review: within the SLA");
    in.updated_ms = now - 30 * hour;
    Summary *late = summary_new(&in);
    cr_assert(summary_overdue(late, now, 0), "30 hours in review: overdue");
    in.updated_ms = now - 8 * 24 * hour; /* malformed: before its creation */
    Summary *odd = summary_new(&in);
    cr_assert_eq(summary_review_since(odd), now - 7 * 24 * hour);
    free(recent);
    free(late);
    free(odd);
}

/* The sla setting moves the line: with 8 h, a case nine hours in review is overdue and
 * one seven hours in is not; with 48 h the 30-hour case is within it. */
Test(sla, the_configured_sla_is_the_line)
{
    const int64_t now = 1748174400000LL, hour = 3600000LL;
    SummaryInit in = { .status = ST_NEEDS_MANUAL_VERIFICATION, .created_ms = now - 40 * hour };
    in.str[SS_ID] = "r1";
    in.updated_ms = now - 9 * hour;
    Summary *nine = summary_new(&in);
    in.updated_ms = now - 7 * hour;
    Summary *seven = summary_new(&in);
    in.updated_ms = now - 30 * hour;
    Summary *thirty = summary_new(&in);
    cr_assert(summary_overdue(nine, now, 8 * hour));
    cr_assert_not(summary_overdue(seven, now, 8 * hour));
    cr_assert_not(summary_overdue(nine, now, 0), "0 is the default, 24 h");
    cr_assert_not(summary_overdue(thirty, now, 48 * hour));
    cr_assert(summary_overdue(thirty, now, 24 * hour));
    free(nine);
    free(seven);
    free(thirty);
}
