/* rng.h — the project's only source of randomness: PCG32 (O'Neill 2014).
 *
 * Every random number in AICS Workbook comes from here, seeded explicitly, so
 * that a result is the same on every run and every machine. Never call rand().
 * The state is a plain struct owned by the caller; there is no global state.
 */
#ifndef AICS_RNG_H
#define AICS_RNG_H

#include <stdint.h>

typedef struct {
    uint64_t state;
    uint64_t inc; /* always odd: selects one of 2^63 streams */
} aics_rng;

/* Seed `r` with `seed` on stream `stream` (pcg32_srandom_r). */
void aics_rng_seed(aics_rng *r, uint64_t seed, uint64_t stream);

/* The next 32 uniformly distributed bits. */
uint32_t aics_rng_u32(aics_rng *r);

/* A uniform integer in [0, bound), without modulo bias. `bound` > 0. */
uint32_t aics_rng_below(aics_rng *r, uint32_t bound);

/* A uniform double in [0, 1) with 53 random bits. */
double aics_rng_uniform(aics_rng *r);

/* A uniform double in [lo, hi). */
double aics_rng_range(aics_rng *r, double lo, double hi);

/* A standard normal deviate (Marsaglia's polar method; no cached state, so
 * the sequence depends only on the generator). */
double aics_rng_normal(aics_rng *r);

/* Shuffle `n` indices in place (Fisher–Yates). */
void aics_rng_shuffle(aics_rng *r, uint32_t *idx, uint32_t n);

#endif
