#ifndef REGDESK_CORE_DECISION_H
#define REGDESK_CORE_DECISION_H
/* A reviewer's decision (an adminOverride) around the request itself, for the dashboard
 * and `regdesk override` alike: the record as the reviewer opened it, whether it changed
 * before the decision went out (a team shares one queue: nobody overwrites another's
 * decision unseen), whether a decision whose answer was lost landed, and the reason
 * labels that prefill a note. Pure. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/record.h"

/* What the reviewer saw when deciding. */
typedef struct DecisionBase {
    Status status;
    long n_reviews;     /* manualReviewLog entries; -1 when the full record was not loaded */
    int64_t updated_ms; /* TIME_NONE when absent */
} DecisionBase;

/* From the summary, and the full record when it is loaded (d may be NULL). */
DecisionBase decision_base(const Summary *s, const Detail *d);

/* The newest entry of the review log, or NULL. */
const ReviewEntry *decision_last_review(const Detail *d);
/* "COMPLETED 2d ago by Ana <ana@example.org>" (or without the parts the entry lacks):
 * who closed or last decided the case. "" when d has no review entry. */
void decision_who(const Detail *d, int64_t now_ms, char *buf, size_t n);

/* Whether fresh (re-read just before sending) differs from what the reviewer opened:
 * another status, or another review log. When it does, why holds how, for a person:
 * "decided 2m ago by ana@example.org as FAILED", or "its status is now EXPIRED". */
bool decision_changed(const DecisionBase *opened, const Detail *fresh, int64_t now_ms, char *why, size_t n);

/* An override to `to` whose answer was lost: did it land? fresh is the record re-read
 * afterwards, before is the record as it was just before sending. */
typedef enum Landed {
    LANDED_YES,   /* the record has the new status and one more review entry */
    LANDED_NO,    /* the record is as it was */
    LANDED_OTHER, /* it changed, but not as asked: someone else acted meanwhile */
} Landed;
Landed decision_landed(const DecisionBase *before, Status to, const Detail *fresh);

/* Whether a failed override may still have reached the API, so that only a re-read can
 * tell: no HTTP answer (a transport error after sending), an answer regdesk could not
 * read (2xx), or a 5xx. A 4xx is the API refusing it: nothing was done. */
bool decision_answer_lost(int http);

/* The note after picking a reason label: the label, ": ", and what the reviewer wrote
 * after the label picked before (or the whole note, when it does not start with one of
 * labels); labels[0..n) are the configured ones. */
void decision_note_with_label(const char *note, const char *const *labels, size_t n, const char *label, char *out,
                              size_t outn);

/* The built-in reason labels (the config's reason_labels replaces them). */
extern const char *const DECISION_LABELS_DEFAULT[];
extern const size_t DECISION_LABELS_DEFAULT_N;

#endif
