#include "sim/sim_rng.h"

uint64_t sim_mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

uint64_t sim_mix2(uint64_t a, uint64_t b)
{
    return sim_mix(sim_mix(a) ^ (b * 0xd6e8feb86659fd93ULL));
}

uint64_t sim_hash_str(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    return h;
}

void sim_rng_init(SimRng *r, uint64_t seed)
{
    r->s = seed;
}

uint64_t sim_rng_next(SimRng *r)
{
    r->s += 0x9e3779b97f4a7c15ULL;
    uint64_t z = r->s;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

uint32_t sim_rng_below(SimRng *r, uint32_t n)
{
    /* Lemire's multiply-shift: the tiny bias does not matter for test data. */
    return (uint32_t)(((sim_rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

int sim_rng_range(SimRng *r, int lo, int hi)
{
    return lo + (int)sim_rng_below(r, (uint32_t)(hi - lo + 1));
}

double sim_rng_unit(SimRng *r)
{
    return (double)(sim_rng_next(r) >> 11) * 0x1.0p-53;
}

bool sim_rng_pct(SimRng *r, unsigned pct)
{
    return sim_rng_below(r, 100) < pct;
}

size_t sim_rng_weighted(SimRng *r, const unsigned *weights, size_t n)
{
    unsigned total = 0;
    for (size_t i = 0; i < n; i++)
        total += weights[i];
    unsigned pick = sim_rng_below(r, total);
    for (size_t i = 0; i < n; i++) {
        if (pick < weights[i])
            return i;
        pick -= weights[i];
    }
    return n - 1;
}
