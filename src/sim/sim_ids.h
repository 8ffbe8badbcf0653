#ifndef REGDESK_SIM_IDS_H
#define REGDESK_SIM_IDS_H
/* 24-hex MongoDB-style ObjectIds: 4 bytes of seconds, 4 bytes derived from the seed,
 * 1 byte naming the kind of object, 3 bytes of counter. A registration's counter is its
 * index in the store, so an id maps back to its record without an index, and every
 * sub-object's id is regenerated from (kind, index) instead of being stored. */
#include <stdbool.h>
#include <stdint.h>

typedef enum SimKind {
    K_REG = 0x01, K_CLIENT, K_PROJECT, K_FLOW, K_EMAIL, K_PHONE, K_INFO, K_DOC, K_BIO,
    K_PERSON, K_FACE, K_DOCFACE, K_COMPARE, K_CONSENT, K_ACL, K_SIGNATURE, K_FORM,
    K_COLLECTION, K_DOCLIVE, K_STAFF,
    /* failed attempts: base + attempt number (0–15) */
    K_FAIL_EMAIL = 0x40, K_FAIL_PHONE = 0x50, K_FAIL_DOC = 0x60, K_FAIL_BIO = 0x70,
    K_FAIL_BIOFACE = 0x80,
} SimKind;

enum { SIM_ID_LEN = 24, SIM_ID_MAX_COUNTER = 0xffffff };

/* out needs SIM_ID_LEN + 1 bytes. */
void sim_id(char *out, uint64_t seed, unsigned kind, uint32_t counter, int64_t ms);
/* Kind and counter of a well-formed id (24 lower- or upper-case hex digits). */
bool sim_id_parse(const char *id, unsigned *kind, uint32_t *counter);

#endif
