/* basis.h — linear models on fixed feature maps of one input x: powers of x
 * (polynomial regression) and Gaussian bumps (a radial-basis model), their
 * mean squared error, and plain full-batch gradient descent on half of it.
 *
 * Feature matrices are row-major: row i holds the d features of point i.
 * Two models are built on them: ridge on standardized powers
 * (aics_poly_model) and gradient descent with early stopping on any
 * feature matrix (aics_gd_early_stopping).
 */
#ifndef AICS_BASIS_H
#define AICS_BASIS_H

#include <stdbool.h>
#include <stddef.h>

#include "linreg.h"
#include "resample.h"

/* Powers t, t², …, t^degree of t = 2x − 1 (x in [0, 1] maps to [−1, 1], where
 * powers stay bounded), each standardized as (t^k − mean[k−1]) / sd[k−1].
 * Writes n × degree values to f. Pass mean 0 and sd 1 for the raw powers. */
void aics_poly_features(const double *x, size_t n, int degree, const double *mean, const double *sd,
                        double *f);

/* A constant 1, then `bumps` Gaussians exp(−½((x − c_k)/width)²) centred at
 * c_k = k/(bumps − 1), k = 0 … bumps−1: 1 + bumps values written to f
 * (bumps ≥ 2). */
void aics_bump_features(double x, int bumps, double width, double *f);

/* (1/n) Σ_i (f_iᵀw − y_i)² over the n × d features f. */
double aics_linear_mse(const double *f, size_t n, size_t d, const double *w, const double *y);

/* One full-batch gradient step of size eta on ½·MSE, (1/2n) Σ (f_iᵀw − y_i)²:
 * w ← w − eta·(1/n) Σ_i (f_iᵀw − y_i) f_i. `g` is scratch for d numbers. */
void aics_half_mse_step(const double *f, size_t n, size_t d, const double *y, double eta, double *w,
                        double *g);

/* Gershgorin's bound on the largest eigenvalue of FᵀF/n: max_j Σ_k |(FᵀF)_jk|/n.
 * A step of 1/bound is then safe for aics_half_mse_step(). */
double aics_gram_bound(const double *f, size_t n, size_t d);

/* Ridge regression on the standardized powers t, …, t^degree of t = 2x − 1,
 * intercept unpenalized (src/models/linreg.h). The powers are standardized
 * with the training points' means and population sds only, and new points
 * get the same transformation. */
typedef struct {
    int degree;
    double *mean, *sd; /* degree each */
    aics_linreg p;
} aics_poly_model;

/* Set up on n training points (n ≥ 2). Returns false, leaving nothing to
 * free, when a power is constant on the training points. */
bool aics_poly_model_init(aics_poly_model *m, const double *x, const double *y, size_t n, int degree);

/* The ridge coefficients (degree numbers) for penalty λ ≥ 0; false when
 * the system is singular (λ = 0 and fewer distinct x than degree + 1). */
bool aics_poly_model_fit(const aics_poly_model *m, double lambda, double *w);

/* Predictions at n points x, intercept included. */
void aics_poly_model_predict(const aics_poly_model *m, const double *w, const double *x, size_t n,
                             double *out);

/* The RMSE of the predictions at the n points (x, y). */
double aics_poly_model_rmse(const aics_poly_model *m, const double *w, const double *x, const double *y,
                            size_t n);

void aics_poly_model_free(aics_poly_model *m);

/* Full-batch gradient descent on ½·MSE of the training features with early
 * stopping on the validation MSE (src/models/resample.h). One epoch is one
 * step of size eta. When train_curve and val_curve are not NULL they receive
 * the two MSEs after each epoch (index 0: before training; max_epochs + 1
 * entries each). */
typedef struct {
    const double *ftr, *ytr; /* ntr × d training features and targets */
    const double *fva, *yva; /* nva × d validation features and targets */
    size_t ntr, nva, d;
    double eta;
    double *train_curve, *val_curve;
} aics_gd_problem;

/* Train w (d numbers, the start on entry) for at most max_epochs epochs with
 * the patience rule (patience ≤ 0: no early stopping, w is the last). */
aics_early_stop aics_gd_early_stopping(aics_gd_problem *gp, double *w, long max_epochs, long patience);

#endif
