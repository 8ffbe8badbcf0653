#ifndef REGDESK_SIM_DERIVE_H
#define REGDESK_SIM_DERIVE_H
/* Everything about a registration that is not in its SimRec, regenerated on demand from
 * the record's seed and cause: which sub-objects exist, scores, name-match figures,
 * document status, the timeline, and each failed attempt. The rules keep the evidence
 * consistent with the outcome: a liveness failure has liveness-scoring failures and a
 * low score, a NEEDS_MANUAL_VERIFICATION registration shows its concrete reason. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/sim_data.h"
#include "sim/sim_projects.h"

typedef struct SimDerived {
    const SimRec *rec;
    size_t idx;
    const SimFlow *flow;
    SimText text;
    char first[416], last[416];   /* create accepts names up to 2 × 200 bytes */
    const char *language;

    bool consent, email_val, phone_val, info, doc, doc_face, bio, compare, form, signature, acl;
    double liveness;                     /* 0–1 */
    double compare_score, compare_min;   /* compare_min: threshold stored with the result */
    bool compare_passed;
    bool lookup_ran;                     /* government name lookup ran */
    int full_pct, first_pct, last_pct;
    char registry_name[480];             /* scoreValidation.fullName */
    const char *doc_status, *doc_category, *doc_type;
    const char *manual_reason, *info_reason, *face_reason; /* NULL = absent */
    bool doc_live;
    unsigned scoring_fails;              /* biometric failures that were liveness scoring */

    int64_t step_ms;                     /* time between steps */
    int64_t completed_ms, expires_ms;    /* 0 = absent */
    char ip[16];
    const char *user_agent, *os;
} SimDerived;

void sim_derive(const SimStore *st, size_t idx, SimDerived *d);
/* When the evidence for step s was produced. */
int64_t sim_derived_at(const SimDerived *d, SimStep s);

typedef struct SimAttempt {
    char reason[160];     /* failedReason as stored (may carry "409:" or stack text) */
    const char *status;
    double score;         /* livenessScore (biometric), 0–1 */
    bool scoring;         /* a liveness-scoring failure (consumes an attempt) */
    int64_t at_ms;
} SimAttempt;

/* The k-th (oldest first) failed attempt of a kind; k < rec->fails[kind]. */
void sim_attempt(const SimDerived *d, SimFail kind, unsigned k, SimAttempt *out);

#endif
