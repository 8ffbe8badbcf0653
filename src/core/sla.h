#ifndef REGDESK_CORE_SLA_H
#define REGDESK_CORE_SLA_H
/* The review SLA (Lucía's rule): a registration that has waited for manual review for
 * longer than the SLA (the `sla` setting, 24 h unless set) is overdue. The list's age
 * colour, the detail's "overdue" mark and the header's overdue count all ask here, so
 * what the clock counts from is decided in one place. */
#include <stdbool.h>
#include <stdint.h>

#include "core/record.h"

enum { SLA_DEFAULT_MS = 24 * 3600 * 1000 };

/* When s started waiting for review, or TIME_NONE when it is not waiting (another
 * status) or the time is unknown.
 *
 * Neither the list page nor the populated record carries a time of entry into review
 * (reference §3.1): currentStep has no time, and manualReviewLog records only overrides.
 * What puts a case in review, the end step's sync or an override back to review, sets
 * its status and its updatedAt together, and nothing else changes a case while it
 * waits; so updatedAt is when it entered review, and the creation time only stands in
 * when updatedAt is missing (or, malformed, earlier than the creation). */
int64_t summary_review_since(const Summary *s);
/* Waiting for review for longer than sla_ms at now_ms (SLA_DEFAULT_MS when sla_ms <= 0). */
bool summary_overdue(const Summary *s, int64_t now_ms, int64_t sla_ms);

#endif
