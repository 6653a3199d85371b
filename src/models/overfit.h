/* overfit.h — the studies behind exercise 2.5's demos on the toy problem of
 * toydata.h (y = sin(2πx) + noise): ridge on a polynomial over a λ grid,
 * bagging regression trees over many independent training sets, and
 * gradient descent on Gaussian bumps with and without early stopping; and
 * the L1 and L2 coefficient paths of one data set with their checks.
 * Each study draws its data from the caller's generator and returns the
 * numbers the demo reports; the chapter program decides what to show.
 */
#ifndef AICS_OVERFIT_H
#define AICS_OVERFIT_H

#include <stddef.h>
#include <stdint.h>

#include "basis.h"
#include "linreg.h"
#include "resample.h"
#include "toydata.h"

/* ---- ridge on a polynomial ------------------------------------------------- */

/* The RMSE of weights w on the three sets, and ‖w‖₂. */
typedef struct {
    double train, val, test, norm;
} aics_poly_score;

aics_poly_score aics_poly_score_of(const aics_poly_model *m, const aics_toy_sets *s, const double *w);

/* Fit every λ of lambdas[0..n) and write rows (λ, train, val, test RMSE)
 * to rows (n × 4) and ‖w‖₂ to norms (n, or NULL). Returns the index of the
 * smallest validation RMSE (the first, on ties). Dies if a fit is singular. */
size_t aics_poly_sweep(const aics_poly_model *m, const aics_toy_sets *s, const double *lambdas, size_t n,
                       double *rows, double *norms);

/* ---- bagging regression trees ---------------------------------------------- */

typedef struct {
    size_t ntrain;      /* points per training set */
    double noise;       /* sd of the noise */
    size_t sets;        /* independent training sets */
    size_t query;       /* evaluation points (k + ½)/query, k = 0 … query−1 */
    const int *sizes;   /* the bag counts B, each ≥ 1 */
    size_t nsizes;
} aics_bag_plan;

/* Draw the training sets from stream 3 of seed, fit one fully grown tree on
 * each whole set (*single), then for each B bag B trees on each set (bag
 * draws from stream 1000 + 1000·b + s) and split the error against the truth
 * into bias² and variance: rows (B, error, bias², variance) into table
 * (nsizes × 4). */
void aics_bag_study(const aics_bag_plan *p, uint64_t seed, aics_bias_variance *single, double *table);

/* ---- gradient descent with early stopping --------------------------------- */

typedef struct {
    size_t ntrain, nval, ntest; /* training and validation split from one sample; test apart */
    double noise;
    int bumps;                  /* Gaussian bumps (plus a constant feature) */
    double width;
    long epochs, patience;
} aics_es_plan;

typedef struct {
    aics_toy_sets s;
    size_t d;                          /* bumps + 1 features */
    double *f[3];                      /* features of the training, validation and test points */
    double *train_curve, *val_curve;   /* MSE per epoch of the run to the end, epochs + 1 each */
    double *wes, *wend;                /* early-stopped and trained-to-the-end weights */
    aics_early_stop es, full;
} aics_es_study;

/* Draw the data (aics_toy_draw_split) from rng, then train twice from w = 0
 * with step 1/L, L the Gershgorin bound on ΦᵀΦ/n: once with the patience
 * rule, keeping the best weights, once to the end recording both curves. */
void aics_es_study_run(aics_es_study *t, const aics_es_plan *p, aics_rng *rng);

/* RMSE of weights w on set 0 (training), 1 (validation) or 2 (test). */
double aics_es_study_rmse(const aics_es_study *t, const double *w, int set);

void aics_es_study_free(aics_es_study *t);

/* ---- L1 and L2 paths of one problem ---------------------------------------- */

/* Both coefficient paths, each on `points` log-spaced λ (aics_lambda_grid):
 * L1 from λ_max down to λ_max·l1_ratio, L2 from l2_hi down to l2_lo, each
 * warm-started (aics_linreg_path with tol and max_sweeps). W1 and W2 hold
 * points × d coefficients; kkt is the largest optimality violation on the
 * L1 path; zeros1 and zeros2 count the coefficients exactly 0 on each. */
typedef struct {
    size_t points, d;
    double *l1, *l2, *W1, *W2;
    double lmax, kkt;
    long sweeps; /* coordinate-descent sweeps of the L1 path */
    int64_t zeros1, zeros2;
} aics_two_paths;

void aics_two_paths_run(aics_two_paths *tp, const aics_linreg *p, size_t points, double l1_ratio, double l2_hi,
                        double l2_lo, double tol, long max_sweeps);
void aics_two_paths_free(aics_two_paths *tp);

#endif
