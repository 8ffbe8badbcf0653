/* The review SLA. */
#include "core/sla.h"

int64_t summary_review_since(const Summary *s)
{
    if (summary_status(s) != ST_NEEDS_MANUAL_VERIFICATION)
        return TIME_NONE;
    int64_t created = s->created_ms, updated = s->updated_ms;
    if (updated == TIME_NONE || (created != TIME_NONE && updated < created))
        return created;
    return updated;
}

bool summary_overdue(const Summary *s, int64_t now_ms, int64_t sla_ms)
{
    int64_t since = summary_review_since(s);
    return since != TIME_NONE && now_ms - since > (sla_ms > 0 ? sla_ms : SLA_DEFAULT_MS);
}
