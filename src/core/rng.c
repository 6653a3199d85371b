/* rng.c — PCG32 (XSH RR 64/32), following the reference pcg32_random_r. */
#include "rng.h"

#include <math.h>

#include "error.h"

void aics_rng_seed(aics_rng *r, uint64_t seed, uint64_t stream)
{
    r->state = 0u;
    r->inc = (stream << 1u) | 1u;
    aics_rng_u32(r);
    r->state += seed;
    aics_rng_u32(r);
}

uint32_t aics_rng_u32(aics_rng *r)
{
    uint64_t old = r->state;
    r->state = old * 6364136223846793005ULL + r->inc;
    uint32_t xorshifted = (uint32_t)(((old >> 18u) ^ old) >> 27u);
    uint32_t rot = (uint32_t)(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((-rot) & 31u));
}

uint32_t aics_rng_below(aics_rng *r, uint32_t bound)
{
    AICS_CHECK(bound > 0, "aics_rng_below needs a positive bound");
    /* Reject the low 2^32 mod bound values so every residue is equally likely. */
    uint32_t threshold = (uint32_t)(-bound) % bound;
    for (;;) {
        uint32_t x = aics_rng_u32(r);
        if (x >= threshold) return x % bound;
    }
}

double aics_rng_uniform(aics_rng *r)
{
    uint64_t hi = aics_rng_u32(r) >> 5; /* 27 bits */
    uint64_t lo = aics_rng_u32(r) >> 6; /* 26 bits */
    return (double)((hi << 26) | lo) * 0x1.0p-53;
}

double aics_rng_range(aics_rng *r, double lo, double hi)
{
    return lo + (hi - lo) * aics_rng_uniform(r);
}

double aics_rng_normal(aics_rng *r)
{
    for (;;) {
        double u = 2.0 * aics_rng_uniform(r) - 1.0;
        double v = 2.0 * aics_rng_uniform(r) - 1.0;
        double s = u * u + v * v;
        if (s > 0.0 && s < 1.0) return u * sqrt(-2.0 * log(s) / s);
    }
}

void aics_rng_shuffle(aics_rng *r, uint32_t *idx, uint32_t n)
{
    for (uint32_t i = n; i > 1; i--) {
        uint32_t j = aics_rng_below(r, i);
        uint32_t t = idx[i - 1];
        idx[i - 1] = idx[j];
        idx[j] = t;
    }
}
