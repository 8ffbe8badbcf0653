/* The review SLA. */
#include "core/sla.h"

int64_t summary_review_since(const Summary *s)
{
    if (summary_status(s) != ST_NEEDS_MANUAL_VERIFICATION)
        return TIME_NONE;
    return s->created_ms;
}

bool summary_overdue(const Summary *s, int64_t now_ms)
{
    int64_t since = summary_review_since(s);
    return since != TIME_NONE && now_ms - since > SLA_REVIEW_MS;
}
