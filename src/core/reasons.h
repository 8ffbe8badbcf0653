#ifndef REGDESK_CORE_REASONS_H
#define REGDESK_CORE_REASONS_H
/* Why a registration is where it is, in sentences a reviewer can act on.
 *  - failed-attempt reason codes (reference §3.6) → normalised code and translation;
 *  - manual-review reasons derived from a populated record the way Verifik's own
 *    dashboard derives them (reference §9.2). */
#include <stdbool.h>
#include <stddef.h>

#include "core/record.h"

/* "409:liveness_failed@0.45" → "liveness_failed"; "ERR_NO_FACE_DETECTED" →
 * "no_face_detected"; the code ends at the first character that is not a letter, digit
 * or '_' (so stack text and detail go); lower-cased, capped to n-1 bytes. */
void reason_normalize(const char *raw, char *out, size_t n);
/* A capture-quality reject (face too far, poor lighting…): it does not use up one of the
 * flow's liveness attempts. */
bool reason_is_quality(const char *code);
/* Human text for a normalised code: "Face too far from the camera". Unknown document
 * codes read "Document scan failed", unknown others "Failed". */
const char *reason_text(FailKind kind, const char *code);
/* A failed attempt in words: reason_text of its code; an e-mail or phone code carries no
 * reason, so its status says it ("Code refused", "Code expired before it was entered"). */
const char *attempt_text(const Attempt *a);

typedef enum ReviewReasonKind {
    RR_COMPARE_STALE_THRESHOLD,
    RR_COMPARE_BELOW,
    RR_COMPARE_NOT_RUN,
    RR_COMPARE_NO_DOC_FACE,
    RR_LIVENESS_LOW,
    RR_NAME_MATCH_LOW,
    RR_DOC_NEEDS_REVIEW,
    RR_DOC_CATEGORY_UNKNOWN,
    RR_MANUAL_REASON,
    RR__COUNT
} ReviewReasonKind;

typedef struct ReviewReason {
    ReviewReasonKind kind;
    char text[200]; /* one sentence with the numbers, e.g. "Face compare scored 0.78, below
                       the flow's threshold of 0.85." */
} ReviewReason;

enum { REVIEW_REASONS_MAX = RR__COUNT };
/* Fills out[] (room for REVIEW_REASONS_MAX) and returns how many apply, most decisive
 * first (s: the record's summary; a detail in the store has handed its own over). Only a
 * registration waiting for review (NEEDS_MANUAL_VERIFICATION) has review reasons; any
 * other gets none (core/diagnose explains those). Works on whatever is populated, and
 * only from evidence that is there: a sub-object that is null or missing means the step
 * has not happened, never that it failed; no number is invented. */
size_t review_reasons(const Summary *s, const Detail *d, ReviewReason *out);
/* The same checks whatever the status: what in the record did not pass (a failed
 * registration's diagnosis quotes them). */
size_t failed_checks(const Detail *d, ReviewReason *out);

/* The failed attempts of one kind, told apart the way the flow counts them, so that
 * every place that shows them says the same: the list (from the summary) and show and
 * the detail pane (from the populated record). */
typedef struct AttemptTally {
    unsigned failed;  /* attempts the API lists in failed*Validations */
    unsigned quality; /* liveness capture-quality rejects among them (face too far, poor
                         lighting…): listed, but they do not use up an attempt */
    unsigned counted; /* failed − quality: an attempt listed by its id only counts */
    unsigned limit;   /* the flow's attempt limit (document, liveness); 0 = none known */
} AttemptTally;
/* From the populated record when d is not NULL, else from the summary (whose quality
 * count covers only the attempts that came populated in the list). */
void attempt_tally(const Summary *s, const Detail *d, FailKind k, AttemptTally *out);
/* One phrase for a tally: "3 of 3 used", "0 of 5 used; 2 quality rejects did not count",
 * "2 failed" (a kind without a limit). */
void attempt_tally_text(const AttemptTally *t, char *buf, size_t n);
/* The liveness tally's counted attempts and limit. */
void liveness_attempts(const Detail *d, unsigned *used, unsigned *limit);

#endif
