#ifndef REGDESK_CORE_SLA_H
#define REGDESK_CORE_SLA_H
/* The review SLA (Lucía's rule): a registration that has waited for manual review for
 * longer than SLA_REVIEW_MS is overdue. The list's age colour, the detail's "overdue"
 * mark and the header's overdue count all ask here, so what the clock counts from is
 * decided in one place. */
#include <stdbool.h>
#include <stdint.h>

#include "core/record.h"

enum { SLA_REVIEW_MS = 24 * 3600 * 1000 };

/* When s started waiting for review, or TIME_NONE when it is not waiting (another
 * status) or the time is unknown. Today the creation time: the summary carries no
 * time of entry into the queue. */
int64_t summary_review_since(const Summary *s);
/* Waiting for review for longer than the SLA at now_ms. */
bool summary_overdue(const Summary *s, int64_t now_ms);

#endif
