#ifndef REGDESK_CLI_SHOW_INTERNAL_H
#define REGDESK_CLI_SHOW_INTERNAL_H
/* What the text and JSON renderings of `show` compute the same way. */
#include <stdbool.h>
#include <stddef.h>

#include "core/pii.h"
#include "core/reasons.h"
#include "core/strbuf.h"
#include "core/record.h"

/* status_display's API name, "UNKNOWN" when the record has no status. */
const char *show_status(const Summary *s);
/* What the API sent for a sub-object, for JSON (ref_state_text in core/labels says it
 * for people): "loaded", "idOnly", "null", "absent", "invalid". */
const char *show_ref_word(Ref r);

/* v masked as kind k under mask (core/pii), in tmp (reset first); returns its text. */
const char *show_masked(unsigned mask, PiiKind k, const char *v, StrBuf *tmp);
/* Free text (a reason, a note, a reviewer) with its e-mails and numbers masked. */
const char *show_masked_text(unsigned mask, const char *v, StrBuf *tmp);

/* The decisive numbers, each with the threshold it is judged against. */
typedef struct ShowScores {
    Score live, live_min;       /* the biometric validation's score (else the person's), flow minimum */
    Score compare, threshold;   /* face compare, and the threshold it ran with (else the flow's) */
    bool compare_passed;        /* what the server said, else score >= threshold */
    AttemptTally live_tries;    /* failed liveness attempts: counted, quality rejects, limit */
} ShowScores;
void show_scores(const Detail *d, ShowScores *out);

#endif
