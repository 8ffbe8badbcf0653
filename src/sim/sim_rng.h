#ifndef REGDESK_SIM_RNG_H
#define REGDESK_SIM_RNG_H
/* Deterministic randomness for the simulator. Everything the simulator invents is a pure
 * function of (--seed, a stream name, a number), so two runs with the same seed agree
 * byte for byte and a record's details can be regenerated lazily from its own seed. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct SimRng {
    uint64_t s;
} SimRng;

/* One splitmix64 step applied to a value: a good 64-bit mixer. */
uint64_t sim_mix(uint64_t x);
/* Mixes two values into one (seed, index) → stream seed. */
uint64_t sim_mix2(uint64_t a, uint64_t b);
/* FNV-1a of a string, for --seed values that are not numbers. */
uint64_t sim_hash_str(const char *s);

void sim_rng_init(SimRng *r, uint64_t seed);
uint64_t sim_rng_next(SimRng *r);
/* Uniform in [0, n); n > 0. */
uint32_t sim_rng_below(SimRng *r, uint32_t n);
/* Uniform in [lo, hi]. */
int sim_rng_range(SimRng *r, int lo, int hi);
/* Uniform in [0, 1). */
double sim_rng_unit(SimRng *r);
/* True with probability pct/100. */
bool sim_rng_pct(SimRng *r, unsigned pct);
/* Index chosen by integer weights (sum > 0). */
size_t sim_rng_weighted(SimRng *r, const unsigned *weights, size_t n);

#endif
