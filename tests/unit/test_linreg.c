/* test_linreg.c — penalized least squares against independent references:
 * ridge by Cholesky vs by gradient descent, the lasso's optimality conditions,
 * OLS by the normal equations vs Householder QR vs the published diabetes
 * coefficients, an orthogonal design solved by hand, and the lasso's entry
 * order on the diabetes data (Efron et al. 2004). */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "fileio.h"
#include "linreg.h"

enum { N_DIAB = 442, D_DIAB = 10 };
static double xraw[N_DIAB * D_DIAB], xstd[N_DIAB * D_DIAB], ydiab[N_DIAB];
static aics_linreg raw, std;

/* The repository's copy, or the shared one when run from elsewhere. */
static void load_diabetes(void)
{
    static char path[4096];
    const char *shared = getenv("AICS_SHARED");
    size_t len;
    char *text = aics_read_file("data/diabetes.csv", AICS_CSV_MAX_BYTES, &len);
    if (!text && shared) {
        snprintf(path, sizeof path, "%s/data/diabetes.csv", shared);
        text = aics_read_file(path, AICS_CSV_MAX_BYTES, &len);
    }
    ck_assert_msg(text != NULL, "data/diabetes.csv should be readable from the repository root.");
    aics_csv t;
    aics_csv_error e;
    ck_assert_msg(aics_csv_parse(text, len, &t, &e), "The diabetes CSV should parse: %s", e.msg);
    free(text);
    ck_assert_msg(t.nrows == N_DIAB && t.ncols == D_DIAB + 1, "The diabetes data should be 442 × 11.");
    for (size_t i = 0; i < N_DIAB; i++) {
        for (size_t j = 0; j < D_DIAB; j++) xraw[i * D_DIAB + j] = t.x[i * t.ncols + j];
        ydiab[i] = t.x[i * t.ncols + D_DIAB];
    }
    aics_csv_free(&t);
    memcpy(xstd, xraw, sizeof xstd);
    ck_assert_msg(aics_standardize(xstd, N_DIAB, D_DIAB, NULL, NULL) < 0, "No diabetes column is constant.");
    aics_linreg_init(&raw, xraw, ydiab, N_DIAB, D_DIAB);
    aics_linreg_init(&std, xstd, ydiab, N_DIAB, D_DIAB);
}

static void unload_diabetes(void)
{
    aics_linreg_free(&raw);
    aics_linreg_free(&std);
}

static double max_rel_diff(const double *a, const double *b, size_t d)
{
    double m = 0.0;
    for (size_t j = 0; j < d; j++) m = fmax(m, fabs(a[j] - b[j]) / fmax(fabs(b[j]), 1e-300));
    return m;
}

START_TEST(ridge_cholesky_equals_gradient_descent)
{
    static const double lambdas[] = {10.0, 0.5, 0.05};
    for (int k = 0; k < 3; k++) {
        double wc[D_DIAB], wg[D_DIAB] = {0};
        bool conv;
        ck_assert_msg(aics_ridge_cholesky(&std, lambdas[k], wc), "Ridge by Cholesky should solve.");
        long it = aics_ridge_gd(&std, lambdas[k], wg, 1e-14, 2000000, &conv);
        ck_assert_msg(conv, "Gradient descent should converge at λ = %g (took %ld steps).", lambdas[k], it);
        double diff = max_rel_diff(wg, wc, D_DIAB);
        ck_assert_msg(diff <= 1e-9, "Ridge by GD and by Cholesky should agree to 1e-9 relative at λ = %g, not %g.",
                      lambdas[k], diff);
    }
}
END_TEST

START_TEST(lasso_satisfies_optimality_conditions)
{
    double lmax = aics_lasso_lambda_max(&std);
    for (int k = 1; k <= 40; k++) {
        double lambda = lmax * pow(10.0, -4.0 * k / 40.0), w[D_DIAB] = {0};
        aics_lasso_info info = aics_lasso_cd(&std, lambda, w, 1e-12, 1000000);
        double kkt = aics_lasso_kkt(&std, lambda, w);
        ck_assert_msg(info.converged, "Coordinate descent should converge at λ = %g.", lambda);
        ck_assert_msg(kkt <= 1e-9, "The lasso at λ = %g should meet its optimality conditions to 1e-9, not %g.", lambda, kkt);
    }
    /* Raw (unscaled) columns: badly conditioned, same conditions. */
    static const double raw_lambdas[] = {50.0, 5.0, 0.5, 0.05};
    for (int k = 0; k < 4; k++) {
        double w[D_DIAB] = {0};
        aics_lasso_cd(&raw, raw_lambdas[k], w, 1e-12, 1000000);
        double kkt = aics_lasso_kkt(&raw, raw_lambdas[k], w);
        ck_assert_msg(kkt <= 1e-9, "The raw-data lasso at λ = %g should meet its optimality conditions to 1e-9, not %g.",
                      raw_lambdas[k], kkt);
    }
}
END_TEST

/* An independent lasso solver: proximal gradient (ISTA), w ← S(w − η∇, ηλ)
 * with η = 1/(Gershgorin bound), run to a fixed point. */
static void ista(const aics_linreg *p, double lambda, double *w)
{
    size_t d = p->d;
    double L = 0.0, g[D_DIAB];
    for (size_t j = 0; j < d; j++) {
        double row = 0.0;
        for (size_t k = 0; k < d; k++) row += fabs(p->gram[j * d + k]);
        L = fmax(L, row);
    }
    memset(w, 0, d * sizeof *w);
    for (long it = 0; it < 2000000; it++) {
        double change = 0.0;
        for (size_t j = 0; j < d; j++) {
            g[j] = -p->xty[j];
            for (size_t k = 0; k < d; k++) g[j] += p->gram[j * d + k] * w[k];
        }
        for (size_t j = 0; j < d; j++) {
            double nw = aics_soft_threshold(w[j] - g[j] / L, lambda / L);
            change = fmax(change, fabs(nw - w[j]));
            w[j] = nw;
        }
        if (change == 0.0) break;
    }
}

START_TEST(lasso_matches_proximal_gradient)
{
    static const double lambdas[] = {20.0, 4.0, 1.0, 0.3};
    for (int k = 0; k < 4; k++) {
        double a[D_DIAB] = {0}, b[D_DIAB];
        aics_lasso_cd(&std, lambdas[k], a, 1e-12, 1000000);
        ista(&std, lambdas[k], b);
        for (int j = 0; j < D_DIAB; j++)
            ck_assert_msg((a[j] == 0.0) == (fabs(b[j]) < 1e-12) && fabs(a[j] - b[j]) <= 1e-8 * fmax(1.0, fabs(b[j])),
                          "Coordinate descent and ISTA should agree to 1e-8 at λ = %g, coefficient %d: %.17g vs %.17g.",
                          lambdas[k], j, a[j], b[j]);
    }
}
END_TEST

START_TEST(lasso_reaches_the_same_point_from_any_start)
{
    /* Compare CD from a cold start against CD warm-started far away. */
    double lambda = 2.0, a[D_DIAB] = {0}, b[D_DIAB];
    aics_lasso_cd(&std, lambda, a, 1e-12, 1000000);
    for (int j = 0; j < D_DIAB; j++) b[j] = a[j] + 3.0 * ((j % 3) - 1);
    aics_lasso_cd(&std, lambda, b, 1e-12, 1000000);
    ck_assert_msg(max_rel_diff(b, a, D_DIAB) <= 1e-10, "Cold and warm starts should reach the same lasso solution.");
    double fa = aics_linreg_objective(&std, AICS_PENALTY_L1, lambda, a);
    for (int j = 0; j < D_DIAB; j++) {
        double c[D_DIAB];
        memcpy(c, a, sizeof c);
        c[j] += 1e-4;
        ck_assert_msg(aics_linreg_objective(&std, AICS_PENALTY_L1, lambda, c) > fa,
                      "Moving coefficient %d should not lower the lasso objective.", j);
    }
}
END_TEST

/* OLS of the raw data as published (R lm(), scikit-learn LinearRegression). */
static const double published_b = -334.56714;
static const double published_w[D_DIAB] = {-0.036361, -22.859648, 5.602962, 1.116808, -1.089996,
                                           0.746450,  0.372005,   6.533832, 68.483125, 0.280117};

START_TEST(zero_lambda_is_ordinary_least_squares)
{
    double wc[D_DIAB], wq[D_DIAB], wl[D_DIAB] = {0}, bq;
    ck_assert_msg(aics_ridge_cholesky(&raw, 0.0, wc), "The normal equations should solve.");
    ck_assert_msg(aics_ols_qr(xraw, ydiab, N_DIAB, D_DIAB, &bq, wq), "QR least squares should solve.");
    double bc = aics_linreg_intercept(&raw, wc);
    ck_assert_msg(max_rel_diff(wc, wq, D_DIAB) <= 1e-10 && fabs(bc - bq) <= 1e-10 * fabs(bq),
                  "Cholesky and QR should agree to 1e-10 relative.");
    for (int j = 0; j < D_DIAB; j++)
        ck_assert_msg(fabs(wc[j] - published_w[j]) <= 1e-6, "OLS coefficient %d should be %g as published, not %.9g.",
                      j, published_w[j], wc[j]);
    ck_assert_msg(fabs(bc - published_b) <= 1e-5, "The OLS intercept should be %g as published.", published_b);
    aics_lasso_info info = aics_lasso_cd(&raw, 0.0, wl, 1e-12, 1000000);
    ck_assert_msg(info.converged && max_rel_diff(wl, wc, D_DIAB) <= 1e-9,
                  "The lasso at λ = 0 should reproduce OLS to 1e-9 relative.");
    double wr[D_DIAB], W[2 * D_DIAB], grid[2] = {1.0, 0.0};
    ck_assert_msg(aics_ridge_cholesky(&std, 0.0, wr), "Standardized OLS should solve.");
    ck_assert_msg(aics_linreg_path(&std, AICS_PENALTY_L1, grid, 2, 1000000, 1e-12, W) >= 0, "A path ending at λ = 0 should run.");
    ck_assert_msg(max_rel_diff(W + D_DIAB, wr, D_DIAB) <= 1e-9, "A warm-started lasso at λ = 0 should be OLS.");
}
END_TEST

START_TEST(large_lambda_zeroes_every_l1_coefficient)
{
    double lmax = aics_lasso_lambda_max(&std);
    double factors[] = {1.0, 1.5, 1e6};
    for (int k = 0; k < 3; k++) {
        double w[D_DIAB] = {0};
        aics_lasso_cd(&std, lmax * factors[k], w, 1e-12, 1000000);
        for (int j = 0; j < D_DIAB; j++)
            ck_assert_msg(w[j] == 0.0, "At λ = %g·λ_max coefficient %d should be exactly zero.", factors[k], j);
    }
    double w[D_DIAB] = {0};
    aics_lasso_cd(&std, lmax * 0.999, w, 1e-12, 1000000);
    int nz = 0;
    for (int j = 0; j < D_DIAB; j++) nz += w[j] != 0.0;
    ck_assert_msg(nz == 1 && w[2] > 0.0, "Just below λ_max only bmi should be nonzero (found %d nonzero).", nz);
}
END_TEST

START_TEST(lasso_enters_in_the_classic_order)
{
    /* Efron et al. (2004): covariates 3, 9, 4, 7, 2, 10, 5, 8, 6, 1 (1-based). */
    static const int classic[D_DIAB] = {2, 8, 3, 6, 1, 9, 4, 7, 5, 0};
    enum { M = 1000 };
    static double grid[M], W[M * D_DIAB];
    double lmax = aics_lasso_lambda_max(&std);
    aics_lambda_grid(lmax, lmax * 1e-4, M, grid);
    aics_linreg_path(&std, AICS_PENALTY_L1, grid, M, 1000000, 1e-12, W);
    int first[D_DIAB];
    for (int j = 0; j < D_DIAB; j++) {
        first[j] = -1;
        for (int k = 0; k < M && first[j] < 0; k++)
            if (W[k * D_DIAB + j] != 0.0) first[j] = k;
        ck_assert_msg(first[j] >= 0, "Coefficient %d should enter the path.", j);
    }
    for (int a = 1; a < D_DIAB; a++)
        ck_assert_msg(first[classic[a - 1]] < first[classic[a]],
                      "Covariate %d should enter before covariate %d.", classic[a - 1] + 1, classic[a] + 1);
}
END_TEST

START_TEST(orthogonal_design_by_hand)
{
    /* Columns ±1 patterns, orthogonal and centered: G = I, so the lasso is
     * S(c_j, λ) and ridge is c_j/(1 + λ), with c = Xᵀy/n. */
    static const double x[4 * 2] = {1, 1, 1, -1, -1, 1, -1, -1};
    static const double y[4] = {3, 1, -1, -7};
    aics_linreg p;
    aics_linreg_init(&p, x, y, 4, 2);
    /* c_1 = (3 + 1 + 1 + 7)/4 = 3, c_2 = (3 − 1 − 1 + 7)/4 = 2, ȳ = −1. */
    double w[2] = {0};
    aics_lasso_cd(&p, 2.5, w, 1e-12, 100);
    ck_assert_msg(fabs(w[0] - 0.5) < 1e-15 && w[1] == 0.0, "The lasso at λ = 2.5 should give (0.5, 0).");
    ck_assert_msg(fabs(aics_linreg_intercept(&p, w) + 1.0) < 1e-15, "The intercept should be ȳ = −1.");
    ck_assert_msg(aics_ridge_cholesky(&p, 1.0, w), "Ridge should solve.");
    ck_assert_msg(fabs(w[0] - 1.5) < 1e-15 && fabs(w[1] - 1.0) < 1e-15, "Ridge at λ = 1 should give (1.5, 1).");
    /* Residuals y − b − Xw = (1.5, 1.5, 0.5, −3.5): F = 17/8 + (1/2)(1.5² + 1²) = 3.75. */
    ck_assert_msg(fabs(aics_linreg_objective(&p, AICS_PENALTY_L2, 1.0, w) - 3.75) < 1e-14, "The ridge objective should be 3.75.");
    ck_assert_msg(aics_soft_threshold(3.0, 1.0) == 2.0 && aics_soft_threshold(-3.0, 1.0) == -2.0 &&
                  aics_soft_threshold(0.5, 1.0) == 0.0, "Soft-thresholding should shrink by t and clip to zero.");
    aics_linreg_free(&p);
}
END_TEST

START_TEST(standardize_z_scores_columns)
{
    double x[3 * 2] = {1, 5, 2, 5, 3, 5}, mean[2], sd[2];
    ck_assert_msg(aics_standardize(x, 3, 2, mean, sd) == 1, "Column 1 is constant and should be reported.");
    ck_assert_msg(mean[0] == 2.0 && fabs(sd[0] - sqrt(2.0 / 3.0)) < 1e-15, "Mean 2 and population sd √(2/3) expected.");
    ck_assert_msg(fabs(x[0] + sqrt(1.5)) < 1e-15 && x[2] == 0.0 && x[1] == 0.0, "Values should be z-scored.");
}
END_TEST

START_TEST(collinear_design_is_refused)
{
    static const double x[5 * 2] = {1, 2, 2, 4, 3, 6, 4, 8, 5, 10};
    static const double y[5] = {1, 2, 2, 3, 5};
    aics_linreg p;
    aics_linreg_init(&p, x, y, 5, 2);
    double w[2], b;
    ck_assert_msg(!aics_ridge_cholesky(&p, 0.0, w), "OLS on collinear columns should be refused.");
    ck_assert_msg(!aics_ols_qr(x, y, 5, 2, &b, w), "QR should refuse collinear columns too.");
    ck_assert_msg(aics_ridge_cholesky(&p, 0.1, w), "Ridge with λ > 0 should solve collinear columns.");
    ck_assert_msg(fabs(w[1] - 2.0 * w[0]) < 1e-12, "Ridge should split the weight 1:2 between proportional columns.");
    aics_linreg_free(&p);
}
END_TEST

Suite *linreg_suite(void)
{
    Suite *s = suite_create("linreg");
    TCase *core = tcase_create("Core");
    tcase_add_unchecked_fixture(core, load_diabetes, unload_diabetes);
    tcase_set_timeout(core, 30);
    tcase_add_test(core, ridge_cholesky_equals_gradient_descent);
    tcase_add_test(core, lasso_satisfies_optimality_conditions);
    tcase_add_test(core, lasso_reaches_the_same_point_from_any_start);
    tcase_add_test(core, lasso_matches_proximal_gradient);
    tcase_add_test(core, zero_lambda_is_ordinary_least_squares);
    tcase_add_test(core, large_lambda_zeroes_every_l1_coefficient);
    tcase_add_test(core, lasso_enters_in_the_classic_order);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_add_test(limits, orthogonal_design_by_hand);
    tcase_add_test(limits, standardize_z_scores_columns);
    tcase_add_test(limits, collinear_design_is_refused);
    suite_add_tcase(s, limits);
    return s;
}
