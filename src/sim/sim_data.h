#ifndef REGDESK_SIM_DATA_H
#define REGDESK_SIM_DATA_H
/* The simulator's registrations. Each one is a compact SimRec (48 bytes) plus its
 * name, e-mail, phone, dial code and document number in a shared string pool; every
 * sub-object (validations, faces, compare, failed attempts, red-flag details) is
 * regenerated on demand from the record's own seed (sim_derive.h), so a million
 * registrations fit in ~130 MB and a page is built from scratch per request. */
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/sim_projects.h"

typedef enum SimStatus {
    RS_STARTED, RS_ONGOING, RS_COMPLETED, RS_COMPLETED_WITHOUT_KYC, RS_FAILED,
    RS_NEEDS_MANUAL_VERIFICATION, RS_EXPIRED, RS__COUNT
} SimStatus;

/* currentStep values, in flow order; STEP_NONE is the "1" a new registration carries. */
typedef enum SimStep {
    STEP_NONE, STEP_INSTRUCTIONS, STEP_SIGNUP, STEP_BASIC, STEP_DOCUMENT, STEP_LIVENESS,
    STEP_FORM, STEP_END, STEP_SKIPKYC, STEP__COUNT
} SimStep;

/* Why a registration ended where it did; drives every derived detail. */
typedef enum SimCause {
    C_NONE,
    /* NEEDS_MANUAL_VERIFICATION reasons (reference §9.2) */
    C_NMV_COMPARE_LOW, C_NMV_COMPARE_NOT_RUN, C_NMV_NAME_MATCH, C_NMV_LIVENESS_AT_MIN,
    C_NMV_DOC_STATUS, C_NMV_DOC_UNKNOWN, C_NMV_TIMEOUT, C_NMV_REQUESTED, C_NMV_STALE_THRESHOLD,
    /* FAILED causes */
    C_FAIL_LIVENESS, C_FAIL_DOCUMENT, C_FAIL_COMPARE, C_FAIL_BLACKLIST,
    /* ONGOING / EXPIRED registrations stuck on a step */
    C_STUCK_LIVENESS, C_STUCK_DOCUMENT,
    C__COUNT
} SimCause;

/* SimRec.variant: the documented-but-rare shapes, and provenance. */
enum {
    V_NAME_KEY = 1u << 0,     /* `name` instead of fullName/firstName/lastName */
    V_DUP_ID = 1u << 1,       /* `id` alongside `_id` */
    V_LOWER_STATUS = 1u << 2, /* status in lower case */
    V_PERCENT = 1u << 3,      /* liveness scores on a 0–100 scale */
    V_HOSTILE = 1u << 4,      /* --hostile record (sim_hostile.h) */
    V_RESOLVED = 1u << 5,     /* was NEEDS_MANUAL_VERIFICATION, resolved by a reviewer */
    V_EAST_ASIAN = 1u << 6,   /* surname first: split is the surname's length */
    V_CREATED = 1u << 7,      /* made by POST: no evidence, no generated history */
};

/* SimRec.flags */
enum { RF_DELETED = 1u << 0, RF_SHARES_IDENTITY = 1u << 1 };

/* Invented redFlagsDetails keys (reference §3.5), one bit each in SimRec.redflags. */
typedef enum SimFlag {
    FLAG_LIVENESS, FLAG_COMPARE, FLAG_NAMES, FLAG_DOC_ATTEMPTS, FLAG_BLACKLIST,
    FLAG_SHARED_IDENTITY, FLAG_IP_COUNTRY, FLAG_DEVICES, FLAG__COUNT
} SimFlag;

typedef enum SimFail { SF_EMAIL, SF_PHONE, SF_DOC, SF_BIO, SF__COUNT } SimFail;

typedef struct SimRec {
    int64_t created_ms, updated_ms;
    uint32_t text;   /* pool offset of "name\0email\0phone\0dial\0docnum\0" */
    uint32_t rseed;  /* seed of everything derived lazily */
    uint32_t extra;  /* 1-based index into SimStore.extras, 0 = none */
    uint8_t status;  /* SimStatus */
    uint8_t step;    /* SimStep: currentStep */
    uint8_t reach;   /* SimStep: how far the evidence goes (does not move on sync) */
    uint8_t cause;   /* SimCause */
    uint8_t flow, country, variant, flags;
    uint8_t redflags; /* SimFlag bits */
    uint8_t split;    /* see SimPerson.split */
    uint8_t gen_status; /* status as generated (what a generated review resolved it to) */
    uint8_t fails[SF__COUNT];
} SimRec;

typedef struct SimReview {
    uint8_t prev, next; /* SimStatus */
    char *note;         /* NULL = no note */
    char *reviewer;     /* the e-mail that logged in for the token, NULL = the account */
    int64_t at_ms;
} SimReview;

/* What a record has beyond the generator's output: reviews added by adminOverride and
 * the language given at create time. */
typedef struct SimExtra {
    SimReview *log;
    size_t n, cap;
    char language[8];
} SimExtra;

typedef enum SimSortKey {
    SK_CREATED, SK_UPDATED, SK_STATUS, SK_REDFLAGS, SK_EMAIL, SK_NAME, SK_STEP, SK_NATURAL,
    SK__COUNT
} SimSortKey;

typedef struct SimStore {
    pthread_mutex_t lock; /* held by every request that reads or changes records */
    uint64_t seed;
    int64_t now_ms;
    SimRec *recs;
    size_t n, cap, live; /* live = not deleted */
    char *pool;
    size_t pool_len, pool_cap;
    SimExtra *extras;
    size_t n_extras, cap_extras;
    size_t counts[SIM_FLOWS][RS__COUNT]; /* live records by flow and status */
    /* Cached orders, ascending, one per sort key, rebuilt when that key's values change. */
    uint32_t *perm[SK__COUNT];
    uint64_t perm_ver[SK__COUNT], key_ver[SK__COUNT];
} SimStore;

typedef struct SimText {
    const char *name, *email, *phone, *dial, *docnum;
} SimText;

const char *sim_status_name(SimStatus s);
int sim_status_parse(const char *s); /* exact API spelling; -1 if unknown */
const char *sim_step_name(SimStep s);
int sim_step_parse(const char *s);   /* -1 if unknown */
const char *sim_flag_name(SimFlag f);
bool sim_cause_is_review(SimCause c); /* a NEEDS_MANUAL_VERIFICATION reason */

/* Generates `count` registrations (single-threaded, deterministic). */
SimStore *sim_store_generate(uint64_t seed, uint32_t count, int64_t now_ms, bool hostile);
void sim_store_free(SimStore *st);
/* Gives every registration the first one's person (name, e-mail, phone, document
 * number) and creation time: one huge group of equal keys (issue 17's stall). */
void sim_store_same_person(SimStore *st);

/* Appends a record's strings to the pool; returns the offset for SimRec.text. */
uint32_t sim_pool_add(SimStore *st, const char *name, const char *email, const char *phone,
                      const char *dial, const char *docnum);
SimText sim_rec_text(const SimStore *st, const SimRec *r);
/* Milliseconds between two steps of this registration (the timeline of its evidence). */
int64_t sim_rec_step_ms(const SimRec *r);
/* When the generated registration last changed: its updatedAt before any sync. */
int64_t sim_rec_finished_ms(const SimRec *r, int64_t now_ms);

#endif
