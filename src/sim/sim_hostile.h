#ifndef REGDESK_SIM_HOSTILE_H
#define REGDESK_SIM_HOSTILE_H
/* --hostile: about one registration in five carries attacker-shaped data, so the
 * client's sanitising and tolerant parsing are exercised against a live server:
 * terminal escape sequences (OSC title, CSI clear screen, OSC 52 clipboard), 8-bit C1
 * CSI, bidi overrides, zero-width characters, raw invalid UTF-8 bytes (raw in the body,
 * not \u escapes), an embedded \u0000, 64 KB strings, nesting 500 deep, wrong JSON
 * types, nulls, a missing _id and numbers like 1e999. Each record draws a few traits
 * from its own seed, so the same records are hostile on every run. */
#include <stdint.h>

#include "sim/sim_data.h"
#include "sim/sim_json.h"

typedef enum SimHostileTrait {
    H_NAME_ESC,    /* fullName with OSC 0 title + CSI 2J */
    H_EMAIL_OSC52, /* e-mail with an OSC 52 clipboard write */
    H_C1,          /* U+009B and a raw 0x9B byte (8-bit CSI) */
    H_BIDI,        /* U+202E right-to-left override */
    H_ZERO_WIDTH,  /* U+200B / U+200D / U+FEFF */
    H_RAW_BYTES,   /* raw invalid UTF-8: FF FE C0 AF */
    H_NUL,         /* \u0000 in the middle of the name */
    H_HUGE,        /* 64 KB notes */
    H_DEEP,        /* redFlagsDetails nested 500 deep */
    H_TYPES,       /* status as a number, redFlags as "3" or an object, createdAt a number */
    H_NULLS,       /* fullName, email and currentStep null */
    H_NO_ID,       /* no _id */
    H_BIGNUM,      /* redFlags 1e999 */
    H__COUNT
} SimHostileTrait;

#define HOSTILE(t, x) (((t) >> (x)) & 1u)

/* The record's traits; 0 for a record that is not hostile. */
uint32_t sim_hostile_traits(const SimRec *r);

/* A string value: `plain` with the payloads the traits call for mixed in. */
void sim_hostile_text(JsonW *w, uint32_t traits, const char *plain);
/* The e-mail value. */
void sim_hostile_email(JsonW *w, uint32_t traits, const char *plain);
/* notes: 64 KB with H_HUGE, else a short note with escape sequences. */
void sim_hostile_notes(JsonW *w, uint32_t traits);
/* A value nested `depth` objects deep. */
void sim_hostile_deep(JsonW *w, int depth);

#endif
