#ifndef REGDESK_SIM_STORE_H
#define REGDESK_SIM_STORE_H
/* Reading and changing the simulator's registrations. Every function here expects the
 * caller to hold st->lock; the HTTP layer takes it once per request, so a change is
 * visible to the next list or retrieve as soon as its response is queued. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/sim_data.h"

void sim_rec_id(const SimStore *st, size_t idx, char *out); /* out: SIM_ID_LEN + 1 */
/* Index of the live registration with that id, or -1. */
long sim_store_find(const SimStore *st, const char *id);

/* All n records (deleted ones included) in ascending order of key, ties by index.
 * Cached; rebuilt only after a change to that key. */
const uint32_t *sim_store_order(SimStore *st, SimSortKey key);

/* Sets status and currentStep, stamps updatedAt. */
void sim_store_set_status(SimStore *st, size_t idx, SimStatus s, SimStep step, int64_t now_ms);
/* Appends a manualReviewLog entry (note may be NULL; reviewer: an e-mail, or NULL or ""
 * for the account itself). */
void sim_store_add_review(SimStore *st, size_t idx, SimStatus prev, SimStatus next,
                          const char *note, const char *reviewer, int64_t now_ms);
const SimExtra *sim_store_extra(const SimStore *st, size_t idx); /* NULL when none */
void sim_store_delete(SimStore *st, size_t idx);

typedef struct SimNewReg {
    unsigned flow;
    const char *name;    /* full name */
    unsigned split;      /* where the last name starts in `name` (0 = no first name) */
    const char *email, *phone, *dial, *language; /* "" when absent */
} SimNewReg;
/* A new STARTED registration; returns its index, or -1 when the store is full. */
long sim_store_create(SimStore *st, const SimNewReg *in, int64_t now_ms);

/* A live registration in that project already using the e-mail (case-insensitive) or
 * the phone (dial code + digits); -1 when none. */
long sim_store_find_email(const SimStore *st, unsigned project, const char *email);
long sim_store_find_phone(const SimStore *st, unsigned project, const char *dial,
                          const char *phone);

#endif
