/* toydata.h — the toy regression problem of exercise 2.5's demos, and the two
 * ways it is scored.
 *
 * Data: y = sin(2πx) + ε, ε ~ N(0, sd²), x uniform on [0, 1), drawn from the
 * caller's generator (x first, then the noise), so a seed fixes every sample.
 * The truth is known, which lets a demo split a learner's error into bias²
 * and variance exactly instead of estimating the truth from held-out data.
 */
#ifndef AICS_TOYDATA_H
#define AICS_TOYDATA_H

#include <stddef.h>

#include "rng.h"

/* The true function, sin(2πx). */
double aics_toy_truth(double x);

/* n samples: first n uniform x on [0, 1), then n normal noises of sd `sd`. */
void aics_toy_samples(aics_rng *rng, size_t n, double sd, double *x, double *y);

/* A sample: n points (x_i, y_i). */
typedef struct {
    double *x, *y;
    size_t n;
} aics_toy_set;

/* The three samples of a fitting experiment. */
typedef struct {
    aics_toy_set train, val, test;
} aics_toy_sets;

/* Three independent samples drawn in turn with aics_toy_samples(): training
 * (ntr points), validation (nva), test (nte). */
void aics_toy_draw(aics_rng *rng, size_t ntr, size_t nva, size_t nte, double sd, aics_toy_sets *s);

/* One sample of ntr + nva points split at random (aics_split(), so ntr ≥ 1
 * and nva ≥ 1) into training and validation, then an independent test
 * sample of nte points: a validation set carved out of the data one has. */
void aics_toy_draw_split(aics_rng *rng, size_t ntr, size_t nva, size_t nte, double sd, aics_toy_sets *s);

void aics_toy_sets_free(aics_toy_sets *s);

/* sqrt(mean (a_i − b_i)²) over n ≥ 1 pairs. */
double aics_rmse(const double *a, const double *b, size_t n);

typedef struct {
    double error;    /* mean over sets r and points k of (f̂_r(k) − f(k))² */
    double bias2;    /* mean over k of (mean_r f̂_r(k) − f(k))² */
    double variance; /* mean over k of the population variance over r of f̂_r(k) */
} aics_bias_variance;

/* Decompose the predictions pred (sets × m, row r = one training set) of the
 * truth f (m values): error = bias² + variance, up to rounding. */
aics_bias_variance aics_decompose(const double *pred, size_t sets, size_t m, const double *f);

#endif
