/* ex2_5.c — exercise 2.5: three ways to avoid over-fitting, each shown on data.
 *
 * With no subcommand the program runs the book's four demos:
 *   1. over-fitting and L2: a degree-9 polynomial on 12 noisy samples of
 *      sin(2πx), ridge over a λ grid (train, validation and test error);
 *   2. L1 vs L2 on the diabetes data (Efron et al. 2004): coefficient paths,
 *      the order in which the lasso lets variables in, OLS checked two ways
 *      and against the published coefficients;
 *   3. bagging fully grown regression trees: error, bias² and variance over
 *      40 independent training sets against the number of bags B;
 *   4. early stopping: gradient descent on 60 Gaussian bumps fitted to 20
 *      points, with a patience rule that keeps the best weights.
 *
 * Subcommands work on any numeric CSV (src/core/csv.h):
 *   ex2_5 fit  --data F --target C --penalty l1|l2 --lambda X [--standardize]
 *   ex2_5 path --data F --target C --penalty l1|l2 [--points M] [--ratio R]
 *
 * Convention everywhere: F(b, w) = (1/2n)Σ(y − b − xᵀw)² + P(w), P = (λ/2)‖w‖²
 * or λ‖w‖₁, intercept unpenalized; --standardize z-scores the feature columns
 * with the population standard deviation and leaves the target as it is.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "error.h"
#include "linreg.h"
#include "plot.h"
#include "program.h"
#include "resample.h"
#include "rng.h"

#define LASSO_TOL 1e-12     /* coordinate descent: largest prediction change / sd(y) */
#define LASSO_SWEEPS 1000000L

/* ---- designs read from CSV ------------------------------------------------ */

typedef struct {
    size_t n, d;
    double *x;     /* n × d, row-major, features only (standardized if asked) */
    double *y;     /* n */
    char **names;  /* d sanitized feature names, [a-z0-9_] */
    char **raw;    /* d names as written in the header */
    const char *target;
} design;

/* A kv-safe name: lower case, every byte outside [a-z0-9_] becomes '_'; a
 * name that then repeats an earlier one gets "_<column number>" appended. */
static char *sanitize(const char *name, char **earlier, size_t count, size_t column)
{
    size_t len = strlen(name);
    char *s = aics_xmalloc(len + 24);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)tolower((unsigned char)name[i]);
        s[i] = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? (char)c : '_';
    }
    s[len] = '\0';
    for (size_t k = 0; k < count; k++)
        if (strcmp(earlier[k], s) == 0) {
            snprintf(s + len, 24, "_%zu", column + 1);
            break;
        }
    return s;
}

static void load_design(const char *path, const char *target, bool standardize, design *dz)
{
    aics_csv t;
    aics_csv_read_or_die(path, &t);
    size_t ty = aics_csv_column_or_die(&t, path, target);
    if (t.ncols < 2) aics_die_data(path, t.header_line, 0, "no feature columns besides the target '%s'", target);
    if (t.nrows < 2) aics_die_data(path, t.header_line + 1, 0, "a regression needs at least 2 data rows, found %zu", t.nrows);
    dz->n = t.nrows;
    dz->d = t.ncols - 1;
    dz->target = target;
    dz->x = aics_xmalloc(dz->n * dz->d * sizeof *dz->x);
    dz->y = aics_xmalloc(dz->n * sizeof *dz->y);
    dz->names = aics_xcalloc(dz->d, sizeof *dz->names);
    dz->raw = aics_xcalloc(dz->d, sizeof *dz->raw);
    for (size_t j = 0, f = 0; j < t.ncols; j++) {
        if (j == ty) continue;
        dz->names[f] = sanitize(t.names[j], dz->names, f, j);
        dz->raw[f] = aics_xstrdup(t.names[j]);
        for (size_t i = 0; i < dz->n; i++) dz->x[i * dz->d + f] = t.x[i * t.ncols + j];
        f++;
    }
    for (size_t i = 0; i < dz->n; i++) dz->y[i] = t.x[i * t.ncols + ty];
    aics_csv_free(&t);
    if (standardize) {
        long c = aics_standardize(dz->x, dz->n, dz->d, NULL, NULL);
        if (c >= 0) aics_die_data(path, 0, 0, "column '%s' is constant, so it cannot be standardized", dz->raw[c]);
    }
}

static void free_design(design *dz)
{
    for (size_t j = 0; j < dz->d; j++) {
        free(dz->names[j]);
        free(dz->raw[j]);
    }
    free(dz->names);
    free(dz->raw);
    free(dz->x);
    free(dz->y);
}

static bool parse_penalty(const char *s, aics_penalty *pen)
{
    if (!s) aics_die_usage("--penalty is required (l1 or l2)");
    if (strcmp(s, "l1") == 0) *pen = AICS_PENALTY_L1;
    else if (strcmp(s, "l2") == 0) *pen = AICS_PENALTY_L2;
    else aics_die_usage("--penalty expects l1 or l2, not '%s'", s);
    return true;
}

/* Solve one fit; exits 2 when the design cannot be solved as asked. */
static aics_lasso_info solve(const aics_linreg *p, aics_penalty pen, double lambda, double *w,
                             const char *path)
{
    aics_lasso_info info = {0, true, false};
    memset(w, 0, p->d * sizeof *w);
    if (pen == AICS_PENALTY_L2 || lambda == 0.0) {
        if (!aics_ridge_cholesky(p, lambda, w))
            aics_die_data(path, 0, 0, "the feature columns are collinear (or constant), so least squares "
                          "has no unique solution; use --penalty l2 with --lambda > 0");
        return info;
    }
    return aics_lasso_cd(p, lambda, w, LASSO_TOL, LASSO_SWEEPS);
}

/* Exit 2 unless every number about to be reported is finite (data near the
 * limits of double precision can overflow the Gram matrix). */
static void require_finite(const char *path, const double *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isfinite(v[i]))
            aics_die_data(path, 0, 0, "the fit overflowed: the values are too large for double precision; "
                          "rescale the data or use --standardize");
}

/* ---- the fit subcommand ------------------------------------------------------ */

/* max_j |∂F/∂w_j| = max_j |λw_j − (1/n)x_jᵀr|, from the data (not from G). */
static double ridge_optimality(const aics_linreg *p, double lambda, const double *w)
{
    double *r = aics_xmalloc(p->n * sizeof *r), worst = 0.0;
    memcpy(r, p->yc, p->n * sizeof *r);
    for (size_t j = 0; j < p->d; j++)
        for (size_t i = 0; i < p->n; i++) r[i] -= p->xc[j * p->n + i] * w[j];
    for (size_t j = 0; j < p->d; j++) {
        double g = 0.0;
        for (size_t i = 0; i < p->n; i++) g += p->xc[j * p->n + i] * r[i];
        worst = fmax(worst, fabs(lambda * w[j] - g / (double)p->n));
    }
    free(r);
    return worst;
}

static const char *sub_data, *sub_target, *sub_penalty;
static double sub_lambda = -1.0, sub_ratio = 1e-4;
static int64_t sub_points = 100;
static bool sub_standardize;

static const aics_opt fit_opts[] = {
    {"data", AICS_OPT_STRING, &sub_data, "FILE", "CSV file: a header row, then numbers (required)", AICS_RANGE_NONE, 0, 0},
    {"target", AICS_OPT_STRING, &sub_target, "COLUMN", "name of the target column; every other column is a feature (required)", AICS_RANGE_NONE, 0, 0},
    {"penalty", AICS_OPT_STRING, &sub_penalty, "l1|l2", "lasso (l1) or ridge (l2) (required)", AICS_RANGE_NONE, 0, 0},
    {"lambda", AICS_OPT_DOUBLE, &sub_lambda, "X", "penalty weight λ ≥ 0; 0 is ordinary least squares (required)", AICS_RANGE_CLOSED, 0, 1e300},
    {"standardize", AICS_OPT_FLAG, &sub_standardize, NULL, "z-score every feature column first (mean 0, population sd 1)", AICS_RANGE_NONE, 0, 0},
    {NULL, 0, NULL, NULL, NULL, 0, 0, 0},
};

static const char conventions[] =
    "Objective: F(b,w) = (1/2n) sum (y - b - x.w)^2 + P(w), P = (lambda/2)|w|_2^2 (l2)\n"
    "or lambda*|w|_1 (l1); the intercept b is not penalized. --standardize z-scores\n"
    "each feature column (mean 0, population standard deviation 1); the target is\n"
    "left as it is, and the coefficients are reported in the fitted space.\n"
    "Output keys: intercept, w.<column> for every feature column, objective,\n"
    "iterations (coordinate-descent sweeps for l1 with lambda > 0; 0 for the direct\n"
    "Cholesky solve used for l2 and for lambda = 0), solver, optimality (the largest\n"
    "violation of the optimality conditions, computed from the data). Column names\n"
    "become keys in lower case with every character outside [a-z0-9_] replaced by\n"
    "'_'; a name that then repeats an earlier one gets '_<column number>' appended.\n"
    "The lasso stops when a sweep changes no prediction by more than 1e-12 sd(y), or\n"
    "earlier when an exact solve on the active set satisfies the optimality\n"
    "conditions. Bad CSV input is reported as file:line:col and exits 2.";

static const aics_program fit_program = {
    .name = "ex2_5 fit",
    .exercise = "2.5",
    .summary = "Fit penalized least squares (lasso or ridge) to a CSV file.",
    .details = conventions,
    .opts = fit_opts,
};

static void require_common(void)
{
    if (!sub_data) aics_die_usage("--data FILE is required");
    if (!sub_target) aics_die_usage("--target COLUMN is required");
}

static int fit_main(int argc, char **argv)
{
    aics_run run;
    aics_run_init(&run, &fit_program, argc, argv);
    require_common();
    aics_penalty pen;
    parse_penalty(sub_penalty, &pen);
    if (sub_lambda < 0.0) aics_die_usage("--lambda X is required (X ≥ 0)");
    design dz;
    load_design(sub_data, sub_target, sub_standardize, &dz);
    aics_linreg p;
    aics_linreg_init(&p, dz.x, dz.y, dz.n, dz.d);
    require_finite(sub_data, p.gram, dz.d * dz.d);
    require_finite(sub_data, p.xty, dz.d);
    double *w = aics_xcalloc(dz.d, sizeof *w);
    aics_lasso_info info = solve(&p, pen, sub_lambda, w, sub_data);
    if (!info.converged) {
        fprintf(stderr, "%s: coordinate descent did not converge in %ld sweeps\n", aics_progname(), info.sweeps);
        return 1;
    }
    double extra[2] = {aics_linreg_intercept(&p, w), aics_linreg_objective(&p, pen, sub_lambda, w)};
    require_finite(sub_data, w, dz.d);
    require_finite(sub_data, extra, 2);
    bool direct = pen == AICS_PENALTY_L2 || sub_lambda == 0.0;
    aics_result *r = aics_result_new("2.5", 0, "half-mse-plus-penalty-unpenalized-intercept");
    aics_result_part(r, "fit", "Fit");
    aics_result_note(r, "Objective (1/2n)·Σ(y − b − xᵀw)² + %s, intercept unpenalized; features %s.",
                     pen == AICS_PENALTY_L1 ? "λ‖w‖₁" : "(λ/2)‖w‖²",
                     sub_standardize ? "z-scored (population sd)" : "as given");
    aics_result_int(r, "n", (int64_t)dz.n, "rows");
    aics_result_int(r, "d", (int64_t)dz.d, "feature columns");
    aics_result_word(r, "penalty", pen == AICS_PENALTY_L1 ? "l1" : "l2", "penalty");
    aics_result_double(r, "lambda", sub_lambda, "λ");
    aics_result_word(r, "standardized", sub_standardize ? "yes" : "no", "features standardized");
    aics_result_double(r, "intercept", aics_linreg_intercept(&p, w), "intercept b");
    for (size_t j = 0; j < dz.d; j++) {
        char key[300];
        snprintf(key, sizeof key, "w.%s", dz.names[j]);
        aics_result_double(r, key, w[j], dz.raw[j]);
    }
    aics_result_double(r, "objective", aics_linreg_objective(&p, pen, sub_lambda, w), "objective F(b, w)");
    aics_result_int(r, "iterations", info.sweeps, "iterations (coordinate-descent sweeps)");
    aics_result_word(r, "solver", direct ? "cholesky" : "coordinate_descent", "solver");
    double opt = pen == AICS_PENALTY_L1 ? aics_lasso_kkt(&p, sub_lambda, w) : ridge_optimality(&p, sub_lambda, w);
    aics_result_double(r, "optimality", opt, "largest optimality-condition violation");
    int rc = aics_run_emit(&run, r);
    aics_result_free(r);
    free(w);
    aics_linreg_free(&p);
    free_design(&dz);
    return rc;
}

/* ---- the path subcommand (also the benchmark) -------------------------------- */

static const aics_opt path_opts[] = {
    {"data", AICS_OPT_STRING, &sub_data, "FILE", "CSV file: a header row, then numbers (required)", AICS_RANGE_NONE, 0, 0},
    {"target", AICS_OPT_STRING, &sub_target, "COLUMN", "name of the target column (required)", AICS_RANGE_NONE, 0, 0},
    {"penalty", AICS_OPT_STRING, &sub_penalty, "l1|l2", "lasso (l1) or ridge (l2) (required)", AICS_RANGE_NONE, 0, 0},
    {"points", AICS_OPT_INT, &sub_points, "M", "number of λ values (default 100)", AICS_RANGE_CLOSED, 2, 100000},
    {"ratio", AICS_OPT_DOUBLE, &sub_ratio, "R", "smallest λ / largest λ (default 1e-4)", AICS_RANGE_OPEN_MIN, 0, 0.999999},
    {"lambda", AICS_OPT_DOUBLE, &sub_lambda, "X", "largest λ (default: l1 the smallest λ that zeroes every coefficient; l2 1000·max G_jj)", AICS_RANGE_OPEN_MIN, 0, 1e300},
    {"standardize", AICS_OPT_FLAG, &sub_standardize, NULL, "z-score every feature column first", AICS_RANGE_NONE, 0, 0},
    {NULL, 0, NULL, NULL, NULL, 0, 0, 0},
};

static const aics_program path_program = {
    .name = "ex2_5 path",
    .exercise = "2.5",
    .summary = "A regularization path over M log-spaced λ values, each fit warm-started from the last.",
    .details = "Keys: path.points, path.lambda_max, path.sweeps, path.max_optimality, then for\n"
               "each k = 000, 001, ...: path.k.lambda, path.k.nonzero, path.k.intercept and\n"
               "path.k.w.<column>. Conventions and column names as for `ex2_5 fit --help`.",
    .opts = path_opts,
};

static int path_main(int argc, char **argv)
{
    aics_run run;
    sub_lambda = 0.0;
    aics_run_init(&run, &path_program, argc, argv);
    require_common();
    aics_penalty pen;
    parse_penalty(sub_penalty, &pen);
    design dz;
    load_design(sub_data, sub_target, sub_standardize, &dz);
    aics_linreg p;
    aics_linreg_init(&p, dz.x, dz.y, dz.n, dz.d);
    require_finite(sub_data, p.gram, dz.d * dz.d);
    require_finite(sub_data, p.xty, dz.d);
    size_t m = (size_t)sub_points, d = dz.d;
    double hi = sub_lambda;
    if (hi == 0.0) {
        double gmax = 0.0;
        for (size_t j = 0; j < d; j++) gmax = fmax(gmax, p.gram[j * d + j]);
        hi = pen == AICS_PENALTY_L1 ? aics_lasso_lambda_max(&p) : 1000.0 * gmax;
    }
    if (!(hi > 0.0)) aics_die_data(sub_data, 0, 0, "every feature is uncorrelated with the target; the path is all zeros");
    double *lambdas = aics_xmalloc(m * sizeof *lambdas), *W = aics_xmalloc(m * d * sizeof *W);
    aics_lambda_grid(hi, hi * sub_ratio, m, lambdas);
    long sweeps = aics_linreg_path(&p, pen, lambdas, m, LASSO_TOL, W);
    if (sweeps < 0) aics_die_data(sub_data, 0, 0, "a ridge solve failed: the feature columns are collinear");
    require_finite(sub_data, W, m * d);
    aics_result *r = aics_result_new("2.5", 0, "half-mse-plus-penalty-unpenalized-intercept");
    aics_result_part(r, "path", "Path");
    aics_result_int(r, "path.points", (int64_t)m, "λ values");
    aics_result_double(r, "path.lambda_max", hi, "largest λ");
    aics_result_int(r, "path.sweeps", sweeps, "coordinate-descent sweeps in all");
    double worst = 0.0;
    for (size_t k = 0; k < m && pen == AICS_PENALTY_L1; k++)
        worst = fmax(worst, aics_lasso_kkt(&p, lambdas[k], W + k * d));
    aics_result_double(r, "path.max_optimality", worst, "largest lasso optimality violation (0 for l2)");
    for (size_t k = 0; k < m; k++) {
        char key[320];
        int64_t nz = 0;
        for (size_t j = 0; j < d; j++) nz += W[k * d + j] != 0.0;
        snprintf(key, sizeof key, "path.%03zu.lambda", k);
        aics_result_double(r, key, lambdas[k], NULL);
        snprintf(key, sizeof key, "path.%03zu.nonzero", k);
        aics_result_int(r, key, nz, NULL);
        snprintf(key, sizeof key, "path.%03zu.intercept", k);
        aics_result_double(r, key, aics_linreg_intercept(&p, W + k * d), NULL);
        for (size_t j = 0; j < d; j++) {
            snprintf(key, sizeof key, "path.%03zu.w.%s", k, dz.names[j]);
            aics_result_double(r, key, W[k * d + j], NULL);
        }
    }
    int rc = aics_run_emit(&run, r);
    aics_result_free(r);
    free(lambdas);
    free(W);
    aics_linreg_free(&p);
    free_design(&dz);
    return rc;
}

/* ---- shared pieces of the demos -------------------------------------------- */

#define PI 3.14159265358979323846

static double truth(double x) { return sin(2.0 * PI * x); }

/* y = sin(2πx) + N(0, sd²) at n points, x uniform on [0, 1). */
static void noisy_samples(aics_rng *rng, size_t n, double sd, double *x, double *y)
{
    for (size_t i = 0; i < n; i++) x[i] = aics_rng_uniform(rng);
    for (size_t i = 0; i < n; i++) y[i] = truth(x[i]) + sd * aics_rng_normal(rng);
}

static double rmse(const double *a, const double *b, size_t n)
{
    double s = 0.0;
    for (size_t i = 0; i < n; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
    return sqrt(s / (double)n);
}

/* ---- demo 1: a degree-9 polynomial and L2 ----------------------------------- */

#define POLY_DEGREE 9
#define POLY_TRAIN 12
#define POLY_VAL 50
#define POLY_TEST 500
#define POLY_NOISE 0.3
#define POLY_GRID 61   /* λ = 10^(1 − k/5), k = 0 … 60: from 10 down to 1e-11 */
#define POLY_LARGE 1.0 /* the "large λ" curve */
#define CURVE_POINTS 201

static double poly_lambda(int k) { return pow(10.0, 1.0 - 0.2 * k); } /* 10 … 1e-11 */

/* Powers t, t², …, t^9 of t = 2x − 1, z-scored with the training means and sds. */
static void poly_features(const double *x, size_t n, const double *mean, const double *sd, double *f)
{
    for (size_t i = 0; i < n; i++) {
        double t = 2.0 * x[i] - 1.0, pw = 1.0;
        for (int k = 0; k < POLY_DEGREE; k++) {
            pw *= t;
            f[i * POLY_DEGREE + k] = (pw - mean[k]) / sd[k];
        }
    }
}

typedef struct {
    double xtr[POLY_TRAIN], ytr[POLY_TRAIN], xva[POLY_VAL], yva[POLY_VAL], xte[POLY_TEST], yte[POLY_TEST];
    double mean[POLY_DEGREE], sd[POLY_DEGREE];
    aics_linreg p;
} poly_data;

static void poly_predict(const poly_data *pd, const double *w, const double *x, size_t n, double *out)
{
    double *f = aics_xmalloc(n * POLY_DEGREE * sizeof *f);
    poly_features(x, n, pd->mean, pd->sd, f);
    double b = aics_linreg_intercept(&pd->p, w);
    for (size_t i = 0; i < n; i++) {
        out[i] = b;
        for (int k = 0; k < POLY_DEGREE; k++) out[i] += f[i * POLY_DEGREE + k] * w[k];
    }
    free(f);
}

static void poly_fit(const poly_data *pd, double lambda, double *w)
{
    AICS_CHECK(aics_ridge_cholesky(&pd->p, lambda, w), "the 12×9 polynomial design has full rank");
}

typedef struct {
    double train, val, test, norm;
} poly_score;

static poly_score poly_evaluate(const poly_data *pd, const double *w)
{
    double pred[POLY_TEST];
    poly_score s = {0, 0, 0, 0};
    poly_predict(pd, w, pd->xtr, POLY_TRAIN, pred);
    s.train = rmse(pred, pd->ytr, POLY_TRAIN);
    poly_predict(pd, w, pd->xva, POLY_VAL, pred);
    s.val = rmse(pred, pd->yva, POLY_VAL);
    poly_predict(pd, w, pd->xte, POLY_TEST, pred);
    s.test = rmse(pred, pd->yte, POLY_TEST);
    for (int k = 0; k < POLY_DEGREE; k++) s.norm += w[k] * w[k];
    s.norm = sqrt(s.norm);
    return s;
}

static void report_poly_score(aics_result *r, const char *prefix, const char *what, double lambda, poly_score s)
{
    char key[64], label[96];
    snprintf(key, sizeof key, "poly.%s.lambda", prefix);
    snprintf(label, sizeof label, "%s：λ", what);
    aics_result_double(r, key, lambda, label);
    snprintf(key, sizeof key, "poly.%s.train_rmse", prefix);
    snprintf(label, sizeof label, "%s：训练 RMSE", what);
    aics_result_double(r, key, s.train, label);
    snprintf(key, sizeof key, "poly.%s.val_rmse", prefix);
    snprintf(label, sizeof label, "%s：验证 RMSE", what);
    aics_result_double(r, key, s.val, label);
    snprintf(key, sizeof key, "poly.%s.test_rmse", prefix);
    snprintf(label, sizeof label, "%s：测试 RMSE", what);
    aics_result_double(r, key, s.test, label);
    snprintf(key, sizeof key, "poly.%s.w_norm", prefix);
    snprintf(label, sizeof label, "%s：‖w‖₂（标准化特征）", what);
    aics_result_double(r, key, s.norm, label);
}

static void demo_poly(aics_result *r, aics_plot *plot, uint64_t seed)
{
    poly_data *pd = aics_xcalloc(1, sizeof *pd);
    aics_rng rng;
    aics_rng_seed(&rng, seed, 1);
    noisy_samples(&rng, POLY_TRAIN, POLY_NOISE, pd->xtr, pd->ytr);
    noisy_samples(&rng, POLY_VAL, POLY_NOISE, pd->xva, pd->yva);
    noisy_samples(&rng, POLY_TEST, POLY_NOISE, pd->xte, pd->yte);
    /* Standardize with the training data's statistics only. */
    double raw[POLY_TRAIN * POLY_DEGREE], f[POLY_TRAIN * POLY_DEGREE];
    for (int k = 0; k < POLY_DEGREE; k++) pd->mean[k] = 0.0, pd->sd[k] = 1.0;
    poly_features(pd->xtr, POLY_TRAIN, pd->mean, pd->sd, raw);
    memcpy(f, raw, sizeof f);
    AICS_CHECK(aics_standardize(f, POLY_TRAIN, POLY_DEGREE, pd->mean, pd->sd) < 0, "random x are distinct");
    aics_linreg_init(&pd->p, f, pd->ytr, POLY_TRAIN, POLY_DEGREE);

    double w0[POLY_DEGREE], wb[POLY_DEGREE], wl[POLY_DEGREE], w[POLY_DEGREE];
    poly_fit(pd, 0.0, w0);
    poly_fit(pd, POLY_LARGE, wl);
    double grid[POLY_GRID][4]; /* λ, train, val, test */
    int best = 0;
    for (int k = 0; k < POLY_GRID; k++) {
        poly_fit(pd, poly_lambda(k), w);
        poly_score s = poly_evaluate(pd, w);
        grid[k][0] = poly_lambda(k);
        grid[k][1] = s.train;
        grid[k][2] = s.val;
        grid[k][3] = s.test;
        if (s.val < grid[best][2]) best = k;
    }
    double lbest = poly_lambda(best);
    poly_fit(pd, lbest, wb);

    aics_result_part(r, "overfit", "演示 1：九次多项式与 L2 正则化");
    aics_result_note(r, "数据：$y=\\sin(2\\pi x)+\\varepsilon$，$\\varepsilon\\sim N(0,%g^2)$，$x$ 在 $[0,1)$ 上均匀抽取；"
                     "训练 %d 点、验证 %d 点、测试 %d 点。特征为 $t=2x-1$ 的 1 到 %d 次幂，"
                     "用训练集的均值与总体标准差标准化；截距不受惩罚。λ 网格为 $10^{1}$ 到 $10^{-11}$，每十倍 5 个点，"
                     "“好的 λ”取验证 RMSE 最小者。",
                     POLY_NOISE, POLY_TRAIN, POLY_VAL, POLY_TEST, POLY_DEGREE);
    aics_result_int(r, "poly.degree", POLY_DEGREE, "多项式次数");
    aics_result_int(r, "poly.n_train", POLY_TRAIN, "训练样本数");
    report_poly_score(r, "ols", "λ = 0", 0.0, poly_evaluate(pd, w0));
    report_poly_score(r, "best", "验证集选出的 λ", lbest, poly_evaluate(pd, wb));
    report_poly_score(r, "large", "大 λ", POLY_LARGE, poly_evaluate(pd, wl));
    aics_table *t = aics_result_table(r, "rrrrr", (const char *const[]){"λ", "训练 RMSE", "验证 RMSE", "测试 RMSE", "‖w‖₂"});
    for (int k = 0; k < POLY_GRID; k += 10) {
        poly_fit(pd, poly_lambda(k), w);
        poly_score s = poly_evaluate(pd, w);
        aics_table_cell(t, "%.0e", poly_lambda(k));
        aics_table_cell(t, "%.4f", s.train);
        aics_table_cell(t, "%.4f", s.val);
        aics_table_cell(t, "%.4f", s.test);
        aics_table_cell(t, "%.4g", s.norm);
    }

    if (aics_plot_enabled(plot)) {
        aics_plot_begin(plot, "ex2_5_poly_error", 720, 440);
        aics_plot_data(plot, "E", &grid[0][0], POLY_GRID, 4);
        aics_plot_cmd(plot, "set logscale x");
        aics_plot_cmd(plot, "set format x '10^{%%L}'");
        aics_plot_cmd(plot, "set xlabel 'λ（标准化特征上的 L2 惩罚）'");
        aics_plot_cmd(plot, "set ylabel 'RMSE'");
        aics_plot_cmd(plot, "set logscale y");
        aics_plot_cmd(plot, "set grid");
        aics_plot_cmd(plot, "set key top left");
        aics_plot_cmd(plot, "set arrow from %.17g, graph 0 to %.17g, graph 1 nohead dt 2 lc 'gray40'", lbest, lbest);
        aics_plot_cmd(plot, "plot $E using 1:2 with linespoints pt 7 ps 0.5 lw 2 title '训练', "
                            "$E using 1:3 with linespoints pt 5 ps 0.5 lw 2 title '验证', "
                            "$E using 1:4 with lines lw 2 title '测试'");
        aics_plot_end(plot);

        static double curve[CURVE_POINTS][5];
        double xs[CURVE_POINTS], p0[CURVE_POINTS], pb[CURVE_POINTS], pl[CURVE_POINTS];
        for (int i = 0; i < CURVE_POINTS; i++) xs[i] = (double)i / (CURVE_POINTS - 1);
        poly_predict(pd, w0, xs, CURVE_POINTS, p0);
        poly_predict(pd, wb, xs, CURVE_POINTS, pb);
        poly_predict(pd, wl, xs, CURVE_POINTS, pl);
        for (int i = 0; i < CURVE_POINTS; i++) {
            curve[i][0] = xs[i];
            curve[i][1] = truth(xs[i]);
            curve[i][2] = p0[i];
            curve[i][3] = pb[i];
            curve[i][4] = pl[i];
        }
        double pts[POLY_TRAIN][2];
        for (int i = 0; i < POLY_TRAIN; i++) pts[i][0] = pd->xtr[i], pts[i][1] = pd->ytr[i];
        aics_plot_begin(plot, "ex2_5_poly_fits", 720, 440);
        aics_plot_data(plot, "C", &curve[0][0], CURVE_POINTS, 5);
        aics_plot_data(plot, "P", &pts[0][0], POLY_TRAIN, 2);
        aics_plot_cmd(plot, "set xlabel 'x'");
        aics_plot_cmd(plot, "set ylabel 'y'");
        aics_plot_cmd(plot, "set yrange [-2:2]");
        aics_plot_cmd(plot, "set grid");
        aics_plot_cmd(plot, "set key bottom left");
        aics_plot_cmd(plot, "plot $C using 1:2 with lines lw 1 dt 2 lc 'black' title 'sin(2πx)', "
                            "$C using 1:3 with lines lw 2 title 'λ = 0', "
                            "$C using 1:4 with lines lw 2 title 'λ = %.0e（验证集选出）', "
                            "$C using 1:5 with lines lw 2 title 'λ = %g', "
                            "$P using 1:2 with points pt 7 ps 1 lc 'black' title '训练样本'",
                      lbest, POLY_LARGE);
        aics_plot_end(plot);
    }
    aics_linreg_free(&pd->p);
    free(pd);
}

/* ---- demo 2: L1 and L2 on the diabetes data ---------------------------------- */

#define DIAB_POINTS 100
#define DIAB_FINE 2000  /* grid used to find where each coefficient enters */

/* OLS on the raw data as published (R lm(), or scikit-learn LinearRegression on
 * load_diabetes(scaled=False)), rounded to the digits usually quoted. */
static const struct {
    const char *name;
    double coef;
} published_ols[] = {
    {"intercept", -334.56714}, {"age", -0.036361}, {"sex", -22.859648}, {"bmi", 5.602962},
    {"bp", 1.116808}, {"s1", -1.089996}, {"s2", 0.746450}, {"s3", 0.372005},
    {"s4", 6.533832}, {"s5", 68.483125}, {"s6", 0.280117},
};

/* The order in which the lasso (and LARS) admits the covariates in Efron et
 * al. (2004), Fig. 1 and §3: 3, 9, 4, 7, 2, 10, 5, 8, 6, 1. */
static const char *const classic_order[] = {"bmi", "s5", "bp", "s3", "sex", "s6", "s1", "s4", "s2", "age"};

/* The largest λ in (lo, hi) at which coefficient j is nonzero, by bisection:
 * zero at hi, nonzero at lo; w holds the solution at lo on entry. */
static double entry_lambda(const aics_linreg *p, size_t j, double hi, double lo, const double *wlo)
{
    size_t d = p->d;
    double *w = aics_xmalloc(d * sizeof *w);
    for (int it = 0; it < 60 && hi - lo > 1e-13 * hi; it++) {
        double mid = 0.5 * (hi + lo);
        memcpy(w, wlo, d * sizeof *w);
        aics_lasso_cd(p, mid, w, LASSO_TOL, LASSO_SWEEPS);
        if (w[j] != 0.0) lo = mid;
        else hi = mid;
    }
    free(w);
    return 0.5 * (hi + lo);
}

typedef struct {
    double entry[64];    /* λ at which each coefficient first becomes nonzero */
    size_t order[64];    /* coefficients in order of entry, largest λ first */
    size_t nentered;
    int64_t exits;       /* times a coefficient went back to zero further down */
    char exit_note[512]; /* where, for the text */
    char order_word[256];
    bool classic;        /* the order is Efron et al.'s */
} entries;

/* Where each coefficient first becomes nonzero, walking λ down a fine grid
 * from λ_max, refined by bisection; later exits are counted too. */
static void find_entries(const aics_linreg *p, const design *dz, double lmax, entries *en)
{
    size_t d = dz->d;
    AICS_CHECK(d <= 64, "the diabetes data have 10 features");
    memset(en, 0, sizeof *en);
    double *fine = aics_xmalloc(DIAB_FINE * sizeof *fine), *WF = aics_xmalloc(DIAB_FINE * d * sizeof *WF);
    aics_lambda_grid(lmax, lmax * 1e-4, DIAB_FINE, fine);
    aics_linreg_path(p, AICS_PENALTY_L1, fine, DIAB_FINE, LASSO_TOL, WF);
    for (size_t k = 1; k < DIAB_FINE; k++)
        for (size_t j = 0; j < d; j++) {
            bool was = WF[(k - 1) * d + j] != 0.0, now = WF[k * d + j] != 0.0;
            if (!was && now && en->entry[j] == 0.0) {
                en->entry[j] = entry_lambda(p, j, fine[k - 1], fine[k], WF + k * d);
                en->order[en->nentered++] = j;
            } else if (was && !now) {
                en->exits++;
                size_t used = strlen(en->exit_note);
                snprintf(en->exit_note + used, sizeof en->exit_note - used, "%s%s 在 λ≈%.3g 处回到 0",
                         used ? "；" : "", dz->names[j], fine[k]);
            }
        }
    /* Sort the entries by λ, largest first (the fine grid may put two in one step). */
    for (size_t a = 1; a < en->nentered; a++)
        for (size_t b = a; b > 0 && en->entry[en->order[b]] > en->entry[en->order[b - 1]]; b--) {
            size_t tmp = en->order[b];
            en->order[b] = en->order[b - 1];
            en->order[b - 1] = tmp;
        }
    en->classic = en->nentered == sizeof classic_order / sizeof *classic_order;
    for (size_t a = 0; a < en->nentered; a++) {
        size_t used = strlen(en->order_word);
        snprintf(en->order_word + used, sizeof en->order_word - used, "%s%s", a ? "-" : "", dz->names[en->order[a]]);
        if (en->classic) en->classic = strcmp(dz->names[en->order[a]], classic_order[a]) == 0;
    }
    free(fine);
    free(WF);
}

static void ols_checks(aics_result *r, const design *raw)
{
    size_t d = raw->d;
    aics_linreg p;
    aics_linreg_init(&p, raw->x, raw->y, raw->n, d);
    double *wc = aics_xmalloc(d * sizeof *wc), *wq = aics_xmalloc(d * sizeof *wq), bq;
    AICS_CHECK(aics_ridge_cholesky(&p, 0.0, wc), "the diabetes design has full rank");
    AICS_CHECK(aics_ols_qr(raw->x, raw->y, raw->n, d, &bq, wq), "the diabetes design has full rank");
    double bc = aics_linreg_intercept(&p, wc);
    double two_ways = fabs(bc - bq) / fabs(bq), published = 0.0;
    for (size_t j = 0; j < d; j++) two_ways = fmax(two_ways, fabs(wc[j] - wq[j]) / fabs(wq[j]));
    size_t matched = 0;
    for (size_t k = 0; k < sizeof published_ols / sizeof *published_ols; k++) {
        double mine = NAN;
        if (k == 0) mine = bc;
        for (size_t j = 0; j < d; j++)
            if (strcmp(raw->names[j], published_ols[k].name) == 0) mine = wc[j];
        if (isnan(mine)) continue;
        matched++;
        published = fmax(published, fabs(mine - published_ols[k].coef));
    }
    aics_table *t = aics_result_table(r, "lrrr", (const char *const[]){"系数", "Cholesky（正规方程）", "Householder QR", "公开值"});
    for (size_t k = 0; k < sizeof published_ols / sizeof *published_ols; k++) {
        double c = k == 0 ? bc : NAN, q = k == 0 ? bq : NAN;
        for (size_t j = 0; j < d; j++)
            if (strcmp(raw->names[j], published_ols[k].name) == 0) c = wc[j], q = wq[j];
        if (isnan(c)) continue;
        aics_table_cell(t, "%s", published_ols[k].name);
        aics_table_cell(t, "%.9g", c);
        aics_table_cell(t, "%.9g", q);
        aics_table_cell(t, "%.8g", published_ols[k].coef);
    }
    aics_result_double(r, "diabetes.ols.intercept", bc, "原始数据 OLS 截距");
    aics_result_double(r, "diabetes.ols.w_bmi", wc[2], "原始数据 OLS 的 bmi 系数");
    aics_result_double(r, "diabetes.ols.w_s5", wc[8], "原始数据 OLS 的 s5 系数");
    aics_result_double(r, "diabetes.ols.cholesky_vs_qr", two_ways, "Cholesky 与 QR 的最大相对差");
    aics_result_double(r, "diabetes.ols.max_abs_diff_published", published, "与公开值（6 位小数）的最大绝对差");
    aics_result_word(r, "diabetes.ols.check",
                     matched == sizeof published_ols / sizeof *published_ols && two_ways < 1e-10 && published < 1e-5 ? "pass" : "fail",
                     "两种解法一致且与公开值相符");
    free(wc);
    free(wq);
    aics_linreg_free(&p);
}

static void draw_path(aics_plot *plot, const char *name, const char *xlabel, const design *dz,
                      const double *lambdas, const double *W, size_t m)
{
    size_t d = dz->d, cols = d + 1;
    double *rows = aics_xmalloc(m * cols * sizeof *rows);
    for (size_t k = 0; k < m; k++) {
        rows[k * cols] = lambdas[k];
        memcpy(rows + k * cols + 1, W + k * d, d * sizeof *W);
    }
    aics_plot_begin(plot, name, 720, 460);
    aics_plot_data(plot, "W", rows, m, cols);
    aics_plot_cmd(plot, "set logscale x");
    aics_plot_cmd(plot, "set format x '10^{%%L}'");
    aics_plot_cmd(plot, "set xrange [*:*] reverse");
    aics_plot_cmd(plot, "set xlabel '%s'", xlabel);
    aics_plot_cmd(plot, "set ylabel '系数（标准化特征）'");
    aics_plot_cmd(plot, "set grid");
    aics_plot_cmd(plot, "set key outside right");
    static const char *const colors[10] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                           "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    char cmd[4096];
    size_t used = (size_t)snprintf(cmd, sizeof cmd, "plot");
    for (size_t j = 0; j < d && used < sizeof cmd; j++)
        used += (size_t)snprintf(cmd + used, sizeof cmd - used,
                                 "%s $W using 1:%zu with lines lw 2 lc '%s' dt %d title '%s'", j ? "," : "",
                                 j + 2, colors[j % 10], j < 10 ? 1 : 2, dz->names[j]);
    aics_plot_cmd(plot, "%s", cmd);
    aics_plot_end(plot);
    free(rows);
}

static void demo_diabetes(aics_result *r, aics_plot *plot, const char *path)
{
    design raw, dz;
    load_design(path, "y", false, &raw);
    load_design(path, "y", true, &dz);
    size_t d = dz.d;
    aics_result_part(r, "diabetes", "演示 2：糖尿病数据上的 L1 与 L2");
    aics_result_note(r, "数据：Efron 等（2004）的糖尿病数据，%zu 名病人、%zu 个基线变量，目标为一年后的病情进展 y。"
                     "路径图与进入次序在标准化特征（均值 0、总体标准差 1）上计算，目标不变；"
                     "目标函数为 $\\frac{1}{2n}\\sum(y-b-x^\\top w)^2+P(w)$。先用原始数据核对 OLS：",
                     dz.n, d);
    ols_checks(r, &raw);

    aics_linreg p;
    aics_linreg_init(&p, dz.x, dz.y, dz.n, d);
    double lmax = aics_lasso_lambda_max(&p);
    double *l1 = aics_xmalloc(DIAB_POINTS * sizeof *l1), *l2 = aics_xmalloc(DIAB_POINTS * sizeof *l2);
    double *W1 = aics_xmalloc(DIAB_POINTS * d * sizeof *W1), *W2 = aics_xmalloc(DIAB_POINTS * d * sizeof *W2);
    aics_lambda_grid(lmax, lmax * 1e-3, DIAB_POINTS, l1);
    aics_lambda_grid(1e4, 1e-2, DIAB_POINTS, l2);
    long sweeps = aics_linreg_path(&p, AICS_PENALTY_L1, l1, DIAB_POINTS, LASSO_TOL, W1);
    AICS_CHECK(aics_linreg_path(&p, AICS_PENALTY_L2, l2, DIAB_POINTS, LASSO_TOL, W2) == 0, "ridge always solves");
    double kkt = 0.0;
    int64_t zeros1 = 0, zeros2 = 0;
    for (size_t k = 0; k < DIAB_POINTS; k++) {
        kkt = fmax(kkt, aics_lasso_kkt(&p, l1[k], W1 + k * d));
        for (size_t j = 0; j < d; j++) zeros1 += W1[k * d + j] == 0.0, zeros2 += W2[k * d + j] == 0.0;
    }

    entries en;
    find_entries(&p, &dz, lmax, &en);
    aics_result_note(r, "L1 路径：%d 个 λ，从 $\\lambda_{\\max}=\\max_j|x_j^\\top y_c|/n$ 到它的千分之一，对数等距，"
                     "每个 λ 从上一个解热启动；L2 路径：%d 个 λ，从 $10^{4}$ 到 $10^{-2}$。"
                     "坐标下降在一轮更新中所有预测值的变化都小于 %g·sd(y) 时停止，或在活跃集上精确求解并满足最优性条件时提前停止。",
                     DIAB_POINTS, DIAB_POINTS, LASSO_TOL);
    aics_result_double(r, "diabetes.lasso.lambda_max", lmax, "λ_max（所有 L1 系数恰为 0 的最小 λ）");
    aics_result_int(r, "diabetes.lasso.path_sweeps", sweeps, "L1 路径的坐标下降总轮数");
    aics_result_double(r, "diabetes.lasso.max_kkt", kkt, "L1 路径上最大的最优性条件违背量");
    aics_result_int(r, "diabetes.lasso.zero_coefs", zeros1, "L1 路径上恰为 0 的系数个数（共 1000 个）");
    aics_result_int(r, "diabetes.ridge.zero_coefs", zeros2, "L2 路径上恰为 0 的系数个数（共 1000 个）");
    aics_result_word(r, "diabetes.lasso.entry_order", en.order_word, "L1 系数变为非零的次序（λ 从大到小）");
    aics_result_word(r, "diabetes.lasso.classic_order", en.classic ? "pass" : "fail",
                     "与 LARS 论文的次序 3,9,4,7,2,10,5,8,6,1 一致");
    aics_result_int(r, "diabetes.lasso.exits", en.exits, "系数从非零回到 0 的次数");
    if (en.exits > 0) aics_result_note(r, "路径上的退出：%s（此后又重新进入）。", en.exit_note);
    aics_table *t = aics_result_table(r, "rlr", (const char *const[]){"次序", "变量", "进入时的 λ"});
    for (size_t a = 0; a < en.nentered; a++) {
        char key[64];
        snprintf(key, sizeof key, "diabetes.lasso.entry_lambda.%s", dz.names[en.order[a]]);
        aics_result_double(r, key, en.entry[en.order[a]], NULL);
        aics_table_cell(t, "%zu", a + 1);
        aics_table_cell(t, "%s", dz.names[en.order[a]]);
        aics_table_cell(t, "%.6g", en.entry[en.order[a]]);
    }

    if (aics_plot_enabled(plot)) {
        draw_path(plot, "ex2_5_lasso_path", "λ（L1，向右减小）", &dz, l1, W1, DIAB_POINTS);
        draw_path(plot, "ex2_5_ridge_path", "λ（L2，向右减小）", &dz, l2, W2, DIAB_POINTS);
    }
    free(l1);
    free(l2);
    free(W1);
    free(W2);
    aics_linreg_free(&p);
    free_design(&raw);
    free_design(&dz);
}

/* ---- demo 3: bagging regression trees ---------------------------------------- */

#define BAG_TRAIN 40
#define BAG_NOISE 0.3
#define BAG_SETS 40     /* independent training sets */
#define BAG_QUERY 200   /* evaluation grid on [0, 1) */

static const int bag_sizes[] = {1, 2, 5, 10, 20, 50, 100, 200};
#define BAG_NSIZES ((int)(sizeof bag_sizes / sizeof *bag_sizes))

/* A fully grown regression tree on one feature: split at the midpoint that
 * most reduces the squared error until a node has one distinct x. Such a
 * tree interpolates its sample, so it changes a lot with the sample: the
 * unstable learner bagging is made for. */
typedef struct {
    double x, y;
} point;

static int cmp_point(const void *a, const void *b)
{
    double u = ((const point *)a)->x, v = ((const point *)b)->x;
    return (u > v) - (u < v);
}

typedef struct {
    double threshold, value;
    int left, right; /* children, or −1 for a leaf */
} tree_node;

static int grow(const point *pt, size_t lo, size_t hi, tree_node *nodes, int *count)
{
    int id = (*count)++;
    double s = 0.0, s2 = 0.0;
    for (size_t i = lo; i < hi; i++) s += pt[i].y, s2 += pt[i].y * pt[i].y;
    size_t n = hi - lo;
    nodes[id] = (tree_node){0.0, s / (double)n, -1, -1};
    double best = s2 - s * s / (double)n, ls = 0.0, ls2 = 0.0; /* SSE without a split */
    size_t cut = 0;
    for (size_t i = lo; i + 1 < hi; i++) {
        ls += pt[i].y;
        ls2 += pt[i].y * pt[i].y;
        if (pt[i].x == pt[i + 1].x) continue;
        size_t nl = i + 1 - lo, nr = n - nl;
        double sse = ls2 - ls * ls / (double)nl + (s2 - ls2) - (s - ls) * (s - ls) / (double)nr;
        if (sse < best - 1e-15 * s2 || (cut == 0 && sse <= best)) best = sse, cut = i + 1;
    }
    if (cut == 0) return id;
    nodes[id].threshold = 0.5 * (pt[cut - 1].x + pt[cut].x);
    int l = grow(pt, lo, cut, nodes, count);
    int r = grow(pt, cut, hi, nodes, count);
    nodes[id].left = l;
    nodes[id].right = r;
    return id;
}

static double tree_predict(const tree_node *nodes, double x)
{
    int id = 0;
    while (nodes[id].left >= 0) id = x < nodes[id].threshold ? nodes[id].left : nodes[id].right;
    return nodes[id].value;
}

typedef struct {
    const double *x, *y;   /* one training set */
    const double *query;   /* BAG_QUERY points */
} tree_task;

static void tree_fit_predict(void *ctx, const uint32_t *idx, size_t n, double *pred)
{
    const tree_task *t = ctx;
    point pt[BAG_TRAIN * 2];
    tree_node nodes[BAG_TRAIN * 4];
    AICS_CHECK(n <= BAG_TRAIN, "trees are grown on training-set-sized samples");
    for (size_t i = 0; i < n; i++) pt[i] = (point){t->x[idx[i]], t->y[idx[i]]};
    qsort(pt, n, sizeof *pt, cmp_point);
    int count = 0;
    grow(pt, 0, n, nodes, &count);
    for (size_t k = 0; k < BAG_QUERY; k++) pred[k] = tree_predict(nodes, t->query[k]);
}

typedef struct {
    double error, bias2, variance;
} decomposition;

/* Over the training sets r and query points k: error = mean (f̂_r − f)²,
 * bias² = mean_k (mean_r f̂ − f)², variance = mean_k var_r f̂; error = bias² + variance. */
static decomposition decompose(const double *pred /* BAG_SETS × BAG_QUERY */, const double *query)
{
    decomposition dc = {0, 0, 0};
    for (size_t k = 0; k < BAG_QUERY; k++) {
        double m = 0.0, f = truth(query[k]);
        for (size_t s = 0; s < BAG_SETS; s++) m += pred[s * BAG_QUERY + k];
        m /= BAG_SETS;
        for (size_t s = 0; s < BAG_SETS; s++) {
            double e = pred[s * BAG_QUERY + k] - f, v = pred[s * BAG_QUERY + k] - m;
            dc.error += e * e;
            dc.variance += v * v;
        }
        dc.bias2 += (m - f) * (m - f);
    }
    dc.error /= BAG_SETS * BAG_QUERY;
    dc.variance /= BAG_SETS * BAG_QUERY;
    dc.bias2 /= BAG_QUERY;
    return dc;
}

static void demo_bagging(aics_result *r, aics_plot *plot, uint64_t seed)
{
    double query[BAG_QUERY];
    for (size_t k = 0; k < BAG_QUERY; k++) query[k] = (k + 0.5) / BAG_QUERY;
    double (*xs)[BAG_TRAIN] = aics_xmalloc(BAG_SETS * sizeof *xs), (*ys)[BAG_TRAIN] = aics_xmalloc(BAG_SETS * sizeof *ys);
    aics_rng data_rng;
    aics_rng_seed(&data_rng, seed, 3);
    for (size_t s = 0; s < BAG_SETS; s++) noisy_samples(&data_rng, BAG_TRAIN, BAG_NOISE, xs[s], ys[s]);
    double *pred = aics_xmalloc(BAG_SETS * BAG_QUERY * sizeof *pred);

    /* The reference: one tree on each whole training set (no resampling). */
    uint32_t all[BAG_TRAIN];
    for (uint32_t i = 0; i < BAG_TRAIN; i++) all[i] = i;
    for (size_t s = 0; s < BAG_SETS; s++) {
        tree_task t = {xs[s], ys[s], query};
        tree_fit_predict(&t, all, BAG_TRAIN, pred + s * BAG_QUERY);
    }
    decomposition single = decompose(pred, query);

    double table[BAG_NSIZES][4]; /* B, error, bias², variance */
    for (int b = 0; b < BAG_NSIZES; b++) {
        for (size_t s = 0; s < BAG_SETS; s++) {
            aics_rng rng;
            aics_rng_seed(&rng, seed, 1000 + 1000 * (uint64_t)b + s);
            tree_task t = {xs[s], ys[s], query};
            aics_bag(&rng, BAG_TRAIN, (size_t)bag_sizes[b], BAG_QUERY, tree_fit_predict, &t,
                     pred + s * BAG_QUERY, NULL);
        }
        decomposition dc = decompose(pred, query);
        table[b][0] = bag_sizes[b];
        table[b][1] = dc.error;
        table[b][2] = dc.bias2;
        table[b][3] = dc.variance;
    }

    aics_result_part(r, "bagging", "演示 3：装袋（bagging）回归树");
    aics_result_note(r, "学习器：完全生长的一维回归树（每个叶子只剩一个不同的 x 才停止分裂）。"
                     "%d 组相互独立的训练集，每组 %d 点，$y=\\sin(2\\pi x)+N(0,%g^2)$；"
                     "在 $[0,1)$ 上 %d 个等距点处与真函数比较。误差 = 偏差² + 方差，"
                     "方差是同一点上不同训练集所得预测的方差（对点平均）。",
                     BAG_SETS, BAG_TRAIN, BAG_NOISE, BAG_QUERY);
    aics_result_double(r, "bagging.single_tree.error", single.error, "单棵树（整组训练集）：误差");
    aics_result_double(r, "bagging.single_tree.variance", single.variance, "单棵树：方差");
    aics_result_double(r, "bagging.single_tree.bias2", single.bias2, "单棵树：偏差²");
    aics_table *t = aics_result_table(r, "rrrr", (const char *const[]){"B", "误差", "偏差²", "方差"});
    aics_table_cell(t, "单棵树");
    aics_table_cell(t, "%.4f", single.error);
    aics_table_cell(t, "%.4f", single.bias2);
    aics_table_cell(t, "%.4f", single.variance);
    for (int b = 0; b < BAG_NSIZES; b++) {
        char key[64];
        snprintf(key, sizeof key, "bagging.b%d.error", bag_sizes[b]);
        aics_result_double(r, key, table[b][1], NULL);
        snprintf(key, sizeof key, "bagging.b%d.variance", bag_sizes[b]);
        aics_result_double(r, key, table[b][3], NULL);
        aics_table_cell(t, "%d", bag_sizes[b]);
        aics_table_cell(t, "%.4f", table[b][1]);
        aics_table_cell(t, "%.4f", table[b][2]);
        aics_table_cell(t, "%.4f", table[b][3]);
    }
    int last = BAG_NSIZES - 1;
    aics_result_double(r, "bagging.variance_ratio", table[last][3] / single.variance,
                       "方差之比：B 最大时 / 单棵树");
    aics_result_double(r, "bagging.error_ratio", table[last][1] / single.error, "误差之比：B 最大时 / 单棵树");
    aics_result_int(r, "bagging.variance_pct", (int64_t)lround(100.0 * table[last][3] / single.variance),
                    "B 最大时的方差占单棵树的百分比（四舍五入）");
    aics_result_int(r, "bagging.error_pct", (int64_t)lround(100.0 * table[last][1] / single.error),
                    "B 最大时的误差占单棵树的百分比（四舍五入）");

    if (aics_plot_enabled(plot)) {
        aics_plot_begin(plot, "ex2_5_bagging", 720, 440);
        aics_plot_data(plot, "B", &table[0][0], BAG_NSIZES, 4);
        aics_plot_cmd(plot, "set logscale x");
        aics_plot_cmd(plot, "set xlabel '袋数 B'");
        aics_plot_cmd(plot, "set xrange [0.8:%g]", 1.25 * bag_sizes[BAG_NSIZES - 1]);
        aics_plot_cmd(plot, "set ylabel '对真函数的均方误差'");
        aics_plot_cmd(plot, "set grid");
        aics_plot_cmd(plot, "set key top right");
        aics_plot_cmd(plot, "set yrange [0:*]");
        aics_plot_cmd(plot, "plot $B using 1:2 with linespoints pt 7 lw 2 title '误差（装袋）', "
                            "$B using 1:4 with linespoints pt 5 lw 2 title '方差（装袋）', "
                            "$B using 1:3 with linespoints pt 9 lw 2 title '偏差²（装袋）', "
                            "%.17g with lines dt 2 lw 2 lc 1 title '误差（单棵树）', "
                            "%.17g with lines dt 2 lw 2 lc 2 title '方差（单棵树）'",
                      single.error, single.variance);
        aics_plot_end(plot);
    }
    free(xs);
    free(ys);
    free(pred);
}

/* ---- demo 4: early stopping ---------------------------------------------------- */

#define ES_TRAIN 20
#define ES_VAL 40
#define ES_TEST 500
#define ES_NOISE 0.3
#define ES_BUMPS 60      /* Gaussian bumps, plus a constant feature */
#define ES_WIDTH 0.03
#define ES_EPOCHS 100000L
#define ES_PATIENCE 2000L
#define ES_D (ES_BUMPS + 1)

typedef struct {
    double xtr[ES_TRAIN], ytr[ES_TRAIN], xva[ES_VAL], yva[ES_VAL], xte[ES_TEST], yte[ES_TEST];
    double ftr[ES_TRAIN][ES_D], fva[ES_VAL][ES_D]; /* features, computed once */
    double eta;
    double *train_curve, *val_curve; /* per epoch, or NULL */
    long epoch;
} es_task;

static void es_features(double x, double *f)
{
    f[0] = 1.0;
    for (int k = 0; k < ES_BUMPS; k++) {
        double c = (double)k / (ES_BUMPS - 1), z = (x - c) / ES_WIDTH;
        f[k + 1] = exp(-0.5 * z * z);
    }
}

static double es_mse(const double *w, const double *x, const double *y, size_t n)
{
    double s = 0.0, f[ES_D];
    for (size_t i = 0; i < n; i++) {
        es_features(x[i], f);
        double p = 0.0;
        for (int k = 0; k < ES_D; k++) p += f[k] * w[k];
        s += (p - y[i]) * (p - y[i]);
    }
    return s / (double)n;
}

/* Mean squared error on precomputed features f (n × ES_D). */
static double es_mse_f(const double *w, const double (*f)[ES_D], const double *y, size_t n)
{
    double s = 0.0;
    for (size_t i = 0; i < n; i++) {
        double p = 0.0;
        for (int k = 0; k < ES_D; k++) p += f[i][k] * w[k];
        s += (p - y[i]) * (p - y[i]);
    }
    return s / (double)n;
}

/* One epoch: one full-batch gradient step on (1/2n)Σ(y − φᵀw)². */
static void es_step(void *ctx, double *w)
{
    es_task *t = ctx;
    double g[ES_D] = {0};
    for (size_t i = 0; i < ES_TRAIN; i++) {
        double e = -t->ytr[i];
        for (int k = 0; k < ES_D; k++) e += t->ftr[i][k] * w[k];
        for (int k = 0; k < ES_D; k++) g[k] += e * t->ftr[i][k] / ES_TRAIN;
    }
    for (int k = 0; k < ES_D; k++) w[k] -= t->eta * g[k];
    t->epoch++;
    if (t->train_curve) t->train_curve[t->epoch] = es_mse_f(w, t->ftr, t->ytr, ES_TRAIN);
}

static double es_val(void *ctx, const double *w)
{
    es_task *t = ctx;
    double v = es_mse_f(w, t->fva, t->yva, ES_VAL);
    if (t->val_curve) t->val_curve[t->epoch] = v;
    return v;
}

static void demo_early_stopping(aics_result *r, aics_plot *plot, const aics_run *run)
{
    es_task *t = aics_xcalloc(1, sizeof *t);
    aics_rng rng;
    aics_rng_seed(&rng, run->seed, 4);
    /* One sample of ES_TRAIN + ES_VAL points, split at random into training and validation. */
    double xall[ES_TRAIN + ES_VAL], yall[ES_TRAIN + ES_VAL];
    uint32_t idx[ES_TRAIN + ES_VAL];
    noisy_samples(&rng, ES_TRAIN + ES_VAL, ES_NOISE, xall, yall);
    aics_split(&rng, ES_TRAIN + ES_VAL, ES_TRAIN, idx);
    for (size_t i = 0; i < ES_TRAIN; i++) t->xtr[i] = xall[idx[i]], t->ytr[i] = yall[idx[i]];
    for (size_t i = 0; i < ES_VAL; i++) t->xva[i] = xall[idx[ES_TRAIN + i]], t->yva[i] = yall[idx[ES_TRAIN + i]];
    noisy_samples(&rng, ES_TEST, ES_NOISE, t->xte, t->yte);
    for (size_t i = 0; i < ES_TRAIN; i++) es_features(t->xtr[i], t->ftr[i]);
    for (size_t i = 0; i < ES_VAL; i++) es_features(t->xva[i], t->fva[i]);
    /* Step 1/L with L ≥ the largest eigenvalue of ΦᵀΦ/n (Gershgorin). */
    double L = 0.0;
    for (int j = 0; j < ES_D; j++) {
        double row = 0.0;
        for (int k = 0; k < ES_D; k++) {
            double g = 0.0;
            for (size_t i = 0; i < ES_TRAIN; i++) g += t->ftr[i][j] * t->ftr[i][k];
            row += fabs(g) / ES_TRAIN;
        }
        L = fmax(L, row);
    }
    t->eta = 1.0 / L;
    aics_trainer tr = {es_step, es_val, t};

    /* Run 1: early stopping with patience; returns the best weights. */
    double wes[ES_D] = {0}, wend[ES_D] = {0};
    aics_early_stop es = aics_train_early_stopping(&tr, wes, ES_D, ES_EPOCHS, ES_PATIENCE);
    /* Run 2: no early stopping, to the end, recording both curves. */
    t->epoch = 0;
    t->train_curve = aics_xcalloc(ES_EPOCHS + 1, sizeof(double));
    t->val_curve = aics_xcalloc(ES_EPOCHS + 1, sizeof(double));
    t->train_curve[0] = es_mse(wend, t->xtr, t->ytr, ES_TRAIN);
    aics_early_stop full = aics_train_early_stopping(&tr, wend, ES_D, ES_EPOCHS, 0);
    aics_progress(run, "early stopping: best epoch %ld, stopped at %ld", es.best_epoch, es.stop_epoch);

    aics_result_part(r, "early_stopping", "演示 4：提前停止");
    aics_result_note(r, "模型：%d 个宽 %g 的高斯基函数加常数项（%d 个参数），只拟合 %d 个训练点，参数多于样本。"
                     "全批量梯度下降，步长 $1/L$（$L$ 为 $\\Phi^\\top\\Phi/n$ 最大特征值的 Gershgorin 上界），从 $w=0$ 出发，"
                     "每轮（epoch）一步；验证集 %d 点，测试集 %d 点，噪声标准差 %g。损失为均方误差，报告时取其平方根（RMSE）。"
                     "耐心规则：验证损失连续 %ld 轮没有刷新最低值就停止，并取回最低点的权重。",
                     ES_BUMPS, ES_WIDTH, ES_D, ES_TRAIN, ES_VAL, ES_TEST, ES_NOISE, ES_PATIENCE);
    aics_result_int(r, "early.patience", ES_PATIENCE, "耐心（轮）");
    aics_result_int(r, "early.best_epoch", es.best_epoch, "验证损失最低的轮次");
    aics_result_int(r, "early.stop_epoch", es.stop_epoch, "耐心耗尽、停止训练的轮次");
    aics_result_int(r, "early.max_epochs", ES_EPOCHS, "不提前停止时训练的轮数");
    aics_result_double(r, "early.best.train_rmse", sqrt(es_mse(wes, t->xtr, t->ytr, ES_TRAIN)), "提前停止：训练 RMSE");
    aics_result_double(r, "early.best.val_rmse", sqrt(es.best_loss), "提前停止：验证 RMSE");
    aics_result_double(r, "early.best.test_rmse", sqrt(es_mse(wes, t->xte, t->yte, ES_TEST)), "提前停止：测试 RMSE");
    aics_result_double(r, "early.end.train_rmse", sqrt(es_mse(wend, t->xtr, t->ytr, ES_TRAIN)), "训练到底：训练 RMSE");
    aics_result_double(r, "early.end.val_rmse", sqrt(es_mse(wend, t->xva, t->yva, ES_VAL)), "训练到底：验证 RMSE");
    aics_result_double(r, "early.end.test_rmse", sqrt(es_mse(wend, t->xte, t->yte, ES_TEST)), "训练到底：测试 RMSE");
    double nb = 0.0, ne = 0.0;
    for (int k = 0; k < ES_D; k++) nb += wes[k] * wes[k], ne += wend[k] * wend[k];
    aics_result_double(r, "early.best.w_norm", sqrt(nb), "提前停止：‖w‖₂");
    aics_result_double(r, "early.end.w_norm", sqrt(ne), "训练到底：‖w‖₂");
    aics_result_int(r, "early.full_best_epoch", full.best_epoch,
                    "训练到底时验证损失最低的轮次（耐心规则看不到停止之后的轮次）");

    if (aics_plot_enabled(plot)) {
        /* Thin the curves to about 400 log-spaced epochs for the figure. */
        enum { KEEP = 400 };
        double rows[KEEP + 1][3];
        size_t nrows = 0;
        long prev = 0;
        for (int i = 0; i <= KEEP; i++) {
            long e = (long)floor(pow((double)ES_EPOCHS, (double)i / KEEP));
            if (e <= prev && i > 0) continue;
            prev = e;
            rows[nrows][0] = (double)e;
            rows[nrows][1] = sqrt(t->train_curve[e]);
            rows[nrows][2] = sqrt(t->val_curve[e]);
            nrows++;
        }
        aics_plot_begin(plot, "ex2_5_early_stopping", 720, 440);
        aics_plot_data(plot, "L", &rows[0][0], nrows, 3);
        aics_plot_cmd(plot, "set logscale x");
        aics_plot_cmd(plot, "set format x '10^{%%L}'");
        aics_plot_cmd(plot, "set xlabel '轮次（epoch）'");
        aics_plot_cmd(plot, "set ylabel 'RMSE'");
        aics_plot_cmd(plot, "set grid");
        aics_plot_cmd(plot, "set key bottom left");
        aics_plot_cmd(plot, "set arrow from %ld, graph 0 to %ld, graph 1 nohead lw 2 lc 'forest-green'", es.best_epoch, es.best_epoch);
        aics_plot_cmd(plot, "set arrow from %ld, graph 0 to %ld, graph 1 nohead dt 2 lc 'gray40'", es.stop_epoch, es.stop_epoch);
        aics_plot_cmd(plot, "set label '最佳轮次 %ld' at %ld, graph 0.95 right offset -0.5,0", es.best_epoch, es.best_epoch);
        aics_plot_cmd(plot, "set label '停止（耐心 %ld）' at %ld, graph 0.88 left offset 0.5,0", ES_PATIENCE, es.stop_epoch);
        aics_plot_cmd(plot, "plot $L using 1:2 with lines lw 2 title '训练', $L using 1:3 with lines lw 2 title '验证'");
        aics_plot_end(plot);
    }
    free(t->train_curve);
    free(t->val_curve);
    free(t);
}

/* ---- the demos' program ------------------------------------------------------ */

static const char *diabetes_path = "data/diabetes.csv";

static const aics_opt demo_opts[] = {
    {"diabetes", AICS_OPT_STRING, &diabetes_path, "FILE", "the diabetes CSV (default data/diabetes.csv, relative to the repository root)", AICS_RANGE_NONE, 0, 0},
    {NULL, 0, NULL, NULL, NULL, 0, 0, 0},
};

static const aics_program program = {
    .name = "ex2_5",
    .exercise = "2.5",
    .summary = "Exercise 2.5: three ways to avoid over-fitting (L2/L1 penalties, bagging, early stopping), each on data.",
    .usage = "| fit OPTIONS | path OPTIONS",
    .details = "Without a subcommand, runs the four demos: over-fitting and L2 on a degree-9\n"
               "polynomial; L1 and L2 paths on the diabetes data; bagging regression trees;\n"
               "early stopping with patience. Figures: ex2_5_poly_error, ex2_5_poly_fits,\n"
               "ex2_5_lasso_path, ex2_5_ridge_path, ex2_5_bagging, ex2_5_early_stopping.\n"
               "Subcommands (see `ex2_5 fit --help`, `ex2_5 path --help`):\n"
               "  ex2_5 fit --data FILE.csv --target COLUMN --penalty l1|l2 --lambda X\n"
               "            [--standardize] [--format=kv]\n"
               "  ex2_5 path --data FILE.csv --target COLUMN --penalty l1|l2 [--points M]\n"
               "            [--ratio R] [--lambda MAX] [--standardize]\n"
               "Convention: F(b,w) = (1/2n) sum (y - b - x.w)^2 + P(w), P = (lambda/2)|w|^2 or\n"
               "lambda*|w|_1, intercept unpenalized, features z-scored with the population sd.",
    .opts = demo_opts,
    .uses_seed = true,
    .default_seed = 2005,
};

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "fit") == 0) return fit_main(argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "path") == 0) return path_main(argc - 1, argv + 1);
    aics_run run;
    aics_run_init(&run, &program, argc, argv);
    aics_result *r = aics_result_new(program.exercise, run.seed, "half-mse-plus-penalty-unpenalized-intercept");
    aics_plot *plot = aics_plot_open(run.figdir);
    aics_progress(&run, "demo 1: polynomial and L2");
    demo_poly(r, plot, run.seed);
    aics_progress(&run, "demo 2: L1 and L2 on %s", diabetes_path);
    demo_diabetes(r, plot, diabetes_path);
    aics_progress(&run, "demo 3: bagging trees");
    demo_bagging(r, plot, run.seed);
    aics_progress(&run, "demo 4: early stopping");
    demo_early_stopping(r, plot, &run);
    int rc = aics_plot_close(plot);
    rc |= aics_run_emit(&run, r);
    aics_result_free(r);
    return rc;
}
