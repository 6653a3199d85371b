/* regfit.c — the fit and path subcommands: penalized least squares on a CSV. */
#include "regfit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "design.h"
#include "error.h"
#include "linreg.h"
#include "plot.h"
#include "program.h"

/* The subcommands' options, in one place. */
static struct {
    const char *data, *target, *penalty;
    double lambda, ratio;
    int64_t points;
    bool standardize;
} opt = {NULL, NULL, NULL, -1.0, 1e-4, 100, false};

static const char convention[] = "half-mse-plus-penalty-unpenalized-intercept";

static aics_penalty parse_penalty(const char *s)
{
    if (!s) aics_die_usage("--penalty is required (l1 or l2)");
    if (strcmp(s, "l1") == 0) return AICS_PENALTY_L1;
    if (strcmp(s, "l2") != 0) aics_die_usage("--penalty expects l1 or l2, not '%s'", s);
    return AICS_PENALTY_L2;
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
    return aics_lasso_cd(p, lambda, w, AICS_REGFIT_TOL, AICS_REGFIT_SWEEPS);
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

/* Parse the command line, read the design and set up the problem. */
static aics_penalty start(aics_run *run, const aics_program *prog, int argc, char **argv,
                          aics_design *dz, aics_linreg *p)
{
    aics_run_init(run, prog, argc, argv);
    if (!opt.data) aics_die_usage("--data FILE is required");
    if (!opt.target) aics_die_usage("--target COLUMN is required");
    aics_penalty pen = parse_penalty(opt.penalty);
    if (opt.lambda < 0.0) aics_die_usage("--lambda X is required (X ≥ 0)");
    aics_design_load(opt.data, opt.target, opt.standardize, dz);
    aics_linreg_init(p, dz->x, dz->y, dz->n, dz->d);
    require_finite(opt.data, p->gram, dz->d * dz->d);
    require_finite(opt.data, p->xty, dz->d);
    return pen;
}

/* ---- fit ------------------------------------------------------------------- */

static const aics_opt fit_opts[] = {
    {"data", AICS_OPT_STRING, &opt.data, "FILE", "CSV file: a header row, then numbers (required)", AICS_RANGE_NONE, 0, 0},
    {"target", AICS_OPT_STRING, &opt.target, "COLUMN", "name of the target column; every other column is a feature (required)", AICS_RANGE_NONE, 0, 0},
    {"penalty", AICS_OPT_STRING, &opt.penalty, "l1|l2", "lasso (l1) or ridge (l2) (required)", AICS_RANGE_NONE, 0, 0},
    {"lambda", AICS_OPT_DOUBLE, &opt.lambda, "X", "penalty weight λ ≥ 0; 0 is ordinary least squares (required)", AICS_RANGE_CLOSED, 0, 1e300},
    {"standardize", AICS_OPT_FLAG, &opt.standardize, NULL, "z-score every feature column first (mean 0, population sd 1)", AICS_RANGE_NONE, 0, 0},
    {NULL, 0, NULL, NULL, NULL, 0, 0, 0},
};

static const char fit_details[] =
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

static void report_fit(aics_result *r, const aics_design *dz, const aics_linreg *p, aics_penalty pen,
                       const double *w, aics_lasso_info info)
{
    bool direct = pen == AICS_PENALTY_L2 || opt.lambda == 0.0;
    aics_result_part(r, "fit", "Fit");
    aics_result_note(r, "Objective (1/2n)·Σ(y − b − xᵀw)² + %s, intercept unpenalized; features %s.",
                     pen == AICS_PENALTY_L1 ? "λ‖w‖₁" : "(λ/2)‖w‖²",
                     opt.standardize ? "z-scored (population sd)" : "as given");
    aics_result_int(r, "n", (int64_t)dz->n, "rows");
    aics_result_int(r, "d", (int64_t)dz->d, "feature columns");
    aics_result_word(r, "penalty", pen == AICS_PENALTY_L1 ? "l1" : "l2", "penalty");
    aics_result_double(r, "lambda", opt.lambda, "λ");
    aics_result_word(r, "standardized", opt.standardize ? "yes" : "no", "features standardized");
    aics_result_double(r, "intercept", aics_linreg_intercept(p, w), "intercept b");
    for (size_t j = 0; j < dz->d; j++) {
        char key[300];
        snprintf(key, sizeof key, "w.%s", dz->keys[j]);
        aics_result_double(r, key, w[j], dz->names[j]);
    }
    aics_result_double(r, "objective", aics_linreg_objective(p, pen, opt.lambda, w), "objective F(b, w)");
    aics_result_int(r, "iterations", info.sweeps, "iterations (coordinate-descent sweeps)");
    aics_result_word(r, "solver", direct ? "cholesky" : "coordinate_descent", "solver");
    double worst = pen == AICS_PENALTY_L1 ? aics_lasso_kkt(p, opt.lambda, w) : aics_ridge_optimality(p, opt.lambda, w);
    aics_result_double(r, "optimality", worst, "largest optimality-condition violation");
}

int aics_regfit_main(const char *exercise, int argc, char **argv)
{
    static char name[64];
    snprintf(name, sizeof name, "ex%s fit", exercise);
    for (char *c = name; *c; c++) *c = *c == '.' ? '_' : *c;
    const aics_program prog = {.name = name, .exercise = exercise, .opts = fit_opts, .details = fit_details,
                               .summary = "Fit penalized least squares (lasso or ridge) to a CSV file."};
    aics_run run;
    aics_design dz;
    aics_linreg p;
    aics_penalty pen = start(&run, &prog, argc, argv, &dz, &p);
    double *w = aics_xcalloc(dz.d, sizeof *w);
    aics_lasso_info info = solve(&p, pen, opt.lambda, w, opt.data);
    if (!info.converged) {
        fprintf(stderr, "%s: coordinate descent did not converge in %ld sweeps\n", aics_progname(), info.sweeps);
        return 1;
    }
    double extra[2] = {aics_linreg_intercept(&p, w), aics_linreg_objective(&p, pen, opt.lambda, w)};
    require_finite(opt.data, w, dz.d);
    require_finite(opt.data, extra, 2);
    aics_result *r = aics_result_new(exercise, 0, convention);
    report_fit(r, &dz, &p, pen, w, info);
    int rc = aics_run_emit(&run, r);
    aics_result_free(r);
    free(w);
    aics_linreg_free(&p);
    aics_design_free(&dz);
    return rc;
}

/* ---- path (also the benchmark) ----------------------------------------------- */

static const aics_opt path_opts[] = {
    {"data", AICS_OPT_STRING, &opt.data, "FILE", "CSV file: a header row, then numbers (required)", AICS_RANGE_NONE, 0, 0},
    {"target", AICS_OPT_STRING, &opt.target, "COLUMN", "name of the target column (required)", AICS_RANGE_NONE, 0, 0},
    {"penalty", AICS_OPT_STRING, &opt.penalty, "l1|l2", "lasso (l1) or ridge (l2) (required)", AICS_RANGE_NONE, 0, 0},
    {"points", AICS_OPT_INT, &opt.points, "M", "number of λ values (default 100)", AICS_RANGE_CLOSED, 2, 100000},
    {"ratio", AICS_OPT_DOUBLE, &opt.ratio, "R", "smallest λ / largest λ (default 1e-4)", AICS_RANGE_OPEN_MIN, 0, 0.999999},
    {"lambda", AICS_OPT_DOUBLE, &opt.lambda, "X", "largest λ (default: l1 the smallest λ that zeroes every coefficient; l2 1000·max G_jj)", AICS_RANGE_OPEN_MIN, 0, 1e300},
    {"standardize", AICS_OPT_FLAG, &opt.standardize, NULL, "z-score every feature column first", AICS_RANGE_NONE, 0, 0},
    {NULL, 0, NULL, NULL, NULL, 0, 0, 0},
};

/* The largest λ of the path: --lambda, or the default for the penalty. */
static double path_top(const aics_linreg *p, aics_penalty pen)
{
    double hi = opt.lambda, gmax = 0.0;
    if (hi != 0.0) return hi;
    for (size_t j = 0; j < p->d; j++) gmax = fmax(gmax, p->gram[j * p->d + j]);
    return pen == AICS_PENALTY_L1 ? aics_lasso_lambda_max(p) : 1000.0 * gmax;
}

static void report_path_point(aics_result *r, const aics_design *dz, const aics_linreg *p, size_t k,
                              double lambda, const double *w)
{
    char key[320];
    int64_t nz = 0;
    for (size_t j = 0; j < dz->d; j++) nz += w[j] != 0.0;
    snprintf(key, sizeof key, "path.%03zu.lambda", k);
    aics_result_double(r, key, lambda, NULL);
    snprintf(key, sizeof key, "path.%03zu.nonzero", k);
    aics_result_int(r, key, nz, NULL);
    snprintf(key, sizeof key, "path.%03zu.intercept", k);
    aics_result_double(r, key, aics_linreg_intercept(p, w), NULL);
    for (size_t j = 0; j < dz->d; j++) {
        snprintf(key, sizeof key, "path.%03zu.w.%s", k, dz->keys[j]);
        aics_result_double(r, key, w[j], NULL);
    }
}

int aics_regpath_main(const char *exercise, int argc, char **argv)
{
    static char name[64], details[512];
    snprintf(name, sizeof name, "ex%s path", exercise);
    for (char *c = name; *c; c++) *c = *c == '.' ? '_' : *c;
    snprintf(details, sizeof details,
             "Keys: path.points, path.lambda_max, path.sweeps, path.max_optimality, then for\n"
             "each k = 000, 001, ...: path.k.lambda, path.k.nonzero, path.k.intercept and\n"
             "path.k.w.<column>. Conventions and column names as for `%.*s fit --help`.",
             (int)(strlen(name) - 5), name);
    const aics_program prog = {.name = name, .exercise = exercise, .opts = path_opts, .details = details,
                               .summary = "A regularization path over M log-spaced λ values, each fit warm-started from the last."};
    aics_run run;
    aics_design dz;
    aics_linreg p;
    opt.lambda = 0.0;
    aics_penalty pen = start(&run, &prog, argc, argv, &dz, &p);
    size_t m = (size_t)opt.points, d = dz.d;
    double hi = path_top(&p, pen);
    if (!(hi > 0.0)) aics_die_data(opt.data, 0, 0, "every feature is uncorrelated with the target; the path is all zeros");
    double *lambdas = aics_xmalloc(m * sizeof *lambdas), *W = aics_xmalloc(m * d * sizeof *W);
    aics_lambda_grid(hi, hi * opt.ratio, m, lambdas);
    long sweeps = aics_linreg_path(&p, pen, lambdas, m, AICS_REGFIT_TOL, W);
    if (sweeps < 0) aics_die_data(opt.data, 0, 0, "a ridge solve failed: the feature columns are collinear");
    require_finite(opt.data, W, m * d);
    aics_result *r = aics_result_new(exercise, 0, convention);
    aics_result_part(r, "path", "Path");
    aics_result_int(r, "path.points", (int64_t)m, "λ values");
    aics_result_double(r, "path.lambda_max", hi, "largest λ");
    aics_result_int(r, "path.sweeps", sweeps, "coordinate-descent sweeps in all");
    double worst = 0.0;
    for (size_t k = 0; k < m && pen == AICS_PENALTY_L1; k++)
        worst = fmax(worst, aics_lasso_kkt(&p, lambdas[k], W + k * d));
    aics_result_double(r, "path.max_optimality", worst, "largest lasso optimality violation (0 for l2)");
    for (size_t k = 0; k < m; k++) report_path_point(r, &dz, &p, k, lambdas[k], W + k * d);
    int rc = aics_run_emit(&run, r);
    aics_result_free(r);
    free(lambdas);
    free(W);
    aics_linreg_free(&p);
    aics_design_free(&dz);
    return rc;
}

/* ---- the path as a figure --------------------------------------------------- */

void aics_regfit_draw_path(aics_plot *plot, const char *name, const char *xlabel, const aics_design *dz,
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
                                 j + 2, colors[j % 10], j < 10 ? 1 : 2, dz->keys[j]);
    aics_plot_cmd(plot, "%s", cmd);
    aics_plot_end(plot);
    free(rows);
}
