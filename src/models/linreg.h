/* linreg.h — penalized least squares with an unpenalized intercept.
 *
 * On an n×d design X (rows x_i) and target y, minimize
 *
 *     F(b, w) = (1/2n) Σ_i (y_i − b − x_iᵀw)²  +  P(w),
 *     P(w) = (λ/2)‖w‖₂²  (L2, ridge)   or   λ‖w‖₁  (L1, lasso).
 *
 * The intercept is removed by centering: with x̄ and ȳ the column means,
 * w minimizes the same F on the centered data and b = ȳ − x̄ᵀw. Everything
 * below works on the centered Gram matrix G = X_cᵀX_c/n (d×d) and moment
 * vector c = X_cᵀy_c/n; objectives and optimality conditions are evaluated
 * from the centered data themselves, not from G, so they check the solvers.
 *
 * Solvers: ridge by a Cholesky solve (Jacobi-scaled, with iterative
 * refinement) and by gradient descent; lasso by cyclic coordinate descent
 * with soft-thresholding, finished by an exact solve on the active set once
 * the signs settle (accepted only if the optimality conditions hold).
 * λ = 0 with either penalty is ordinary least squares. Householder QR on
 * the raw [1 X] gives an independent OLS reference.
 *
 * Units: λ is in the units of F (target² per unit of w²for L2, target² per
 * unit of |w| for L1); nothing is rescaled behind the caller's back. Use
 * aics_standardize() first for the usual z-scored convention.
 */
#ifndef AICS_LINREG_H
#define AICS_LINREG_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { AICS_PENALTY_L2, AICS_PENALTY_L1 } aics_penalty;

typedef struct {
    size_t n, d;
    double *xc;    /* n × d, column-major (column j at xc + j*n), centered; one
                      block with the four arrays below (freed with it) */
    double *yc;    /* n, centered target */
    double *xmean; /* d column means */
    double ymean;
    double *gram;  /* d × d, X_cᵀX_c / n */
    double *xty;   /* d, X_cᵀy_c / n */
} aics_linreg;

/* Build the problem from x (n×d, row-major) and y (n). n ≥ 2, d ≥ 1. */
void aics_linreg_init(aics_linreg *p, const double *x, const double *y, size_t n, size_t d);
void aics_linreg_free(aics_linreg *p);

/* Z-score the columns of x (n×d, row-major) in place: mean 0, population
 * standard deviation 1. Writes the means and standard deviations (either may
 * be NULL). Returns the index of the first constant column, which cannot be
 * scaled and is left centered only, or -1 when every column was scaled. */
long aics_standardize(double *x, size_t n, size_t d, double *mean, double *sd);

/* The intercept b = ȳ − x̄ᵀw that goes with w. */
double aics_linreg_intercept(const aics_linreg *p, const double *w);

/* F(b(w), w) evaluated on the centered data: (1/2n)‖y_c − X_c w‖² + P(w). */
double aics_linreg_objective(const aics_linreg *p, aics_penalty pen, double lambda, const double *w);

/* Ridge (or OLS when λ = 0) by Cholesky. Returns false when G + λI is not
 * numerically positive definite (collinear columns with λ = 0). */
bool aics_ridge_cholesky(const aics_linreg *p, double lambda, double *w);

/* Ridge by gradient descent from w (its value on entry is the start), with
 * step 1/L, L an upper estimate of the largest eigenvalue of G + λI. Stops
 * when ‖∇F‖∞ ≤ tol · max(1, ‖c‖∞) or after max_iter steps. Returns the steps
 * taken; *converged says which way it stopped. */
long aics_ridge_gd(const aics_linreg *p, double lambda, double *w, double tol, long max_iter,
                   bool *converged);

/* S(z, t) = sign(z)·max(|z| − t, 0), the proximal map of t|·|. */
double aics_soft_threshold(double z, double t);

typedef struct {
    long sweeps;    /* full coordinate-descent sweeps taken */
    bool converged; /* the optimality conditions hold to the tolerance */
    bool polished;  /* the final w came from the exact active-set solve */
} aics_lasso_info;

/* Lasso by cyclic coordinate descent from w (warm start; zeros for a cold
 * start). Converged when a sweep moves no prediction by more than
 * tol·sd(y) (max_j |Δw_j|·√G_jj) or when the active-set solve satisfies the
 * optimality conditions. λ ≥ 0. */
aics_lasso_info aics_lasso_cd(const aics_linreg *p, double lambda, double *w, double tol,
                              long max_sweeps);

/* The largest violation of the lasso optimality (KKT) conditions at w, with
 * g_j = (1/n)·x_jᵀr and r = y_c − X_c w:  |g_j − λ·sign(w_j)| for w_j ≠ 0,
 * max(0, |g_j| − λ) for w_j = 0. Zero at the exact minimizer. */
double aics_lasso_kkt(const aics_linreg *p, double lambda, const double *w);

/* The smallest λ at which every lasso coefficient is zero: max_j |c_j|. */
double aics_lasso_lambda_max(const aics_linreg *p);

/* m values from hi down to lo, evenly spaced in log λ (m ≥ 2, 0 < lo < hi). */
void aics_lambda_grid(double hi, double lo, size_t m, double *lambdas);

/* A regularization path: for each of the m λ values, in the given order,
 * write the coefficients into W (m × d, row-major), each fit warm-started
 * from the previous one. Returns the total number of L1 sweeps (0 for L2),
 * -1 when an L2 solve failed, or -2 when an L1 fit did not converge in
 * `max_sweeps` sweeps (W is filled all the same). */
long aics_linreg_path(const aics_linreg *p, aics_penalty pen, const double *lambdas, size_t m, long max_sweeps,
                      double tol, double *W);

/* OLS with intercept by Householder QR on the raw n×(d+1) matrix [1 X]
 * (x row-major n×d): an independent check on the normal equations. Writes
 * b and w; returns false when R has a (relatively) zero diagonal. */
bool aics_ols_qr(const double *x, const double *y, size_t n, size_t d, double *b, double *w);

/* The largest violation of the ridge optimality condition at w:
 * max_j |λ·w_j − (1/n)·x_jᵀr|, r = y_c − X_c w, from the data (not from G). */
double aics_ridge_optimality(const aics_linreg *p, double lambda, const double *w);

/* Where each lasso coefficient enters the path. Walking λ down `points`
 * log-spaced values from lmax to lmax·ratio (warm-started coordinate
 * descent), the first step at which coefficient j turns nonzero is refined
 * by bisection to the largest λ at which it is nonzero (relative width
 * 1e-13, at most 60 halvings). A coefficient that later goes back to zero is
 * an exit, recorded with the grid λ at which it is first zero again. */
typedef struct {
    double *entry;       /* d: entry λ of each coefficient, 0 if it never entered */
    size_t *order;       /* the entered coefficients, largest entry λ first */
    size_t nentered;
    size_t *exit_coef;   /* nexits: which coefficient went back to zero … */
    double *exit_lambda; /* … and at which grid λ, in path order */
    size_t nexits;
} aics_lasso_entries;

void aics_lasso_find_entries(const aics_linreg *p, double lmax, double ratio, size_t points, double tol,
                             long max_sweeps, aics_lasso_entries *en);
void aics_lasso_entries_free(aics_lasso_entries *en);

/* The shape of a coefficient path W (m × d, row k the coefficients at the
 * k-th λ, the λ in order): which coefficients are monotone in |w_j| along the
 * path, which change sign, and whether ‖w‖₂ is monotone. Monotone allows
 * equal neighbours and forgives a relative wobble of 1e-12 (rounding); a
 * sign change is a strictly positive and a strictly negative value on the
 * same path. */
typedef struct {
    size_t nonmonotone;  /* coefficients whose |w_j| rises and falls along the path */
    size_t sign_changes; /* coefficients that take both signs */
    bool norm_monotone;  /* ‖w‖₂ only rises or only falls */
} aics_path_shape;

aics_path_shape aics_path_shape_of(const double *W, size_t m, size_t d);

#endif
