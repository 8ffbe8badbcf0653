/* The review SLA: only what waits for review can be overdue, from when it started
 * waiting, and only past SLA_REVIEW_MS. */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "core/sla.h"

static Summary *rec(Status st, int64_t created)
{
    SummaryInit in = { .status = st, .created_ms = created };
    in.str[SS_ID] = "r1";
    return summary_new(&in);
}

Test(sla, overdue_only_past_the_sla_and_only_in_review)
{
    const int64_t now = 1748174400000LL; /* 2025-05-25T12:00Z */
    Summary *fresh = rec(ST_NEEDS_MANUAL_VERIFICATION, now - SLA_REVIEW_MS);
    Summary *late = rec(ST_NEEDS_MANUAL_VERIFICATION, now - SLA_REVIEW_MS - 1);
    Summary *done = rec(ST_COMPLETED, now - 10LL * SLA_REVIEW_MS);
    Summary *undated = rec(ST_NEEDS_MANUAL_VERIFICATION, TIME_NONE);
    cr_assert_not(summary_overdue(fresh, now), "exactly 24 h is still within the SLA");
    cr_assert(summary_overdue(late, now));
    cr_assert_eq(summary_review_since(late), now - SLA_REVIEW_MS - 1);
    cr_assert_not(summary_overdue(done, now), "a finished registration is never overdue");
    cr_assert_eq(summary_review_since(done), TIME_NONE);
    cr_assert_not(summary_overdue(undated, now), "an unknown time cannot be judged");
    free(fresh);
    free(late);
    free(done);
    free(undated);
}
