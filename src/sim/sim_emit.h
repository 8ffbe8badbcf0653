#ifndef REGDESK_SIM_EMIT_H
#define REGDESK_SIM_EMIT_H
/* Writing registrations as JSON, with the populate set asked for. Unpopulated refs are
 * 24-hex id strings, refs that do not exist yet are null, and populated ones are the
 * sub-object regenerated from the record's seed (reference §5 field names). */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/sim_data.h"
#include "sim/sim_derive.h"
#include "sim/sim_json.h"

typedef enum SimPop {
    P_PROJECT, P_FLOW, P_EMAIL, P_PHONE, P_BIO, P_BIO_FACE, P_DOC, P_DOC_LIVE, P_INFO,
    P_PERSON, P_FACE, P_DOCFACE, P_COMPARE, P_CRYPTO, P_FORM, P_SIGNATURE, P_ACL, P_CONSENT,
    P_FAIL_EMAIL, P_FAIL_PHONE, P_FAIL_DOC, P_FAIL_BIO, P_FAIL_BIO_FACE, P_REVIEW_CLIENT,
    P_REVIEW_STAFF, P__COUNT
} SimPop;

#define POP(set, p) (((set) >> (p)) & 1u)

/* Bits for one populate path ("documentValidation", "failedBiometricValidations.face",
 * "formSubmittion" or "formSubmission"); a dotted path includes its parent. 0 when the
 * path is unknown (ignored, like a server that populates only what its schema has). */
uint32_t sim_populate_bits(const char *path);

/* Everything an emitter needs about the record being written. */
typedef struct SimEmit {
    JsonW *w;
    const SimStore *st;
    SimDerived d;
    uint32_t pop;
    uint32_t hostile; /* SimHostileTrait bits */
    const char *id;   /* the _id to write instead of the record's own, or NULL */
} SimEmit;

void sim_emit_registration(JsonW *w, const SimStore *st, size_t idx, uint32_t pop);
/* The same record under another _id (the endless-pages fault). */
void sim_emit_registration_as(JsonW *w, const SimStore *st, size_t idx, uint32_t pop, const char *id);

/* Sub-objects (sim_emit_sub.c, sim_emit_kyc.c). */
void sim_sub_id(const SimEmit *e, unsigned kind, char *out);
void sim_emit_consent(SimEmit *e);
void sim_emit_info(SimEmit *e);
void sim_emit_email_val(SimEmit *e);
void sim_emit_phone_val(SimEmit *e);
void sim_emit_acl(SimEmit *e);
void sim_emit_form(SimEmit *e);
void sim_emit_signature(SimEmit *e);
void sim_emit_failed_contact(SimEmit *e, SimFail kind, unsigned k);
void sim_emit_doc(SimEmit *e);
void sim_emit_bio(SimEmit *e);
void sim_emit_person(SimEmit *e);
void sim_emit_face(SimEmit *e, unsigned kind);
void sim_emit_compare(SimEmit *e);
void sim_emit_failed_doc(SimEmit *e, unsigned k);
void sim_emit_failed_bio(SimEmit *e, unsigned k);
void sim_emit_redflags_details(SimEmit *e);
/* A liveness score as sent: 0–1, or 0–100 for records using that scale. */
void sim_emit_liveness(SimEmit *e, const char *key, double score);

#endif
