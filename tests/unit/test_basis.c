/* test_basis.c — feature maps, MSE and gradient steps by hand; the polynomial
 * model reproduces an exact polynomial; GD with early stopping records its
 * curves consistently. */
#include <check.h>
#include <math.h>

#include "basis.h"

START_TEST(poly_features_by_hand)
{
    const double x[2] = {1.0, 0.0}, mean[3] = {0, 0, 0}, sd[3] = {1, 1, 1};
    double f[6];
    aics_poly_features(x, 2, 3, mean, sd, f);
    const double want[6] = {1, 1, 1, -1, 1, -1}; /* t = 1 and t = −1 */
    for (int i = 0; i < 6; i++) ck_assert_msg(f[i] == want[i], "Power %d should be %g, not %g.", i, want[i], f[i]);
    const double m2[1] = {1}, s2[1] = {2};
    aics_poly_features(x, 1, 1, m2, s2, f);
    ck_assert_msg(f[0] == 0.0, "(t − mean)/sd at t = 1, mean 1 should be 0.");
}
END_TEST

START_TEST(bump_features_by_hand)
{
    double f[4];
    aics_bump_features(0.5, 3, 0.25, f); /* centres 0, 0.5, 1 */
    ck_assert_msg(f[0] == 1.0 && f[2] == 1.0, "The constant and the bump at x should be 1.");
    ck_assert_msg(fabs(f[1] - exp(-2.0)) < 1e-15 && fabs(f[3] - exp(-2.0)) < 1e-15, "Bumps 2 widths away give e^-2.");
}
END_TEST

START_TEST(mse_step_and_bound_by_hand)
{
    /* F = [[1, 1], [1, −1]], y = (2, 0): FᵀF/n = I, so the bound is 1, and
     * one step of size 1 from w = 0 lands on the least-squares w = (1, 1). */
    const double F[4] = {1, 1, 1, -1}, y[2] = {2, 0};
    double w[2] = {0, 0}, g[2];
    ck_assert_msg(aics_linear_mse(F, 2, 2, w, y) == 2.0, "MSE at w = 0 is (4 + 0)/2.");
    ck_assert_msg(aics_gram_bound(F, 2, 2) == 1.0, "FᵀF/n = I has bound 1.");
    aics_half_mse_step(F, 2, 2, y, 1.0, w, g);
    ck_assert_msg(w[0] == 1.0 && w[1] == 1.0, "One step should reach (1, 1), got (%g, %g).", w[0], w[1]);
    ck_assert_msg(aics_linear_mse(F, 2, 2, w, y) == 0.0, "The fit is exact.");
}
END_TEST

START_TEST(poly_model_reproduces_a_cubic)
{
    double x[8], y[8], w[3];
    for (int i = 0; i < 8; i++) {
        x[i] = (i + 0.5) / 8.0;
        double t = 2 * x[i] - 1;
        y[i] = 1 - 2 * t + 0.5 * t * t * t;
    }
    aics_poly_model m;
    ck_assert_msg(aics_poly_model_init(&m, x, y, 8, 3), "Distinct x standardize.");
    ck_assert_msg(aics_poly_model_fit(&m, 0.0, w), "OLS on 8 points, 3 powers, solves.");
    const double q[2] = {0.0, 0.77};
    double p[2];
    aics_poly_model_predict(&m, w, q, 2, p);
    for (int k = 0; k < 2; k++) {
        double t = 2 * q[k] - 1, want = 1 - 2 * t + 0.5 * t * t * t;
        ck_assert_msg(fabs(p[k] - want) < 1e-10, "The cubic should be reproduced at %g: %g vs %g.", q[k], p[k], want);
    }
    ck_assert_msg(aics_poly_model_rmse(&m, w, x, y, 8) < 1e-10, "Training RMSE of an exact fit is 0.");
    aics_poly_model_free(&m);
    const double same[3] = {0.5, 0.5, 0.5};
    ck_assert_msg(!aics_poly_model_init(&m, same, y, 3, 2), "Constant powers cannot be standardized.");
}
END_TEST

START_TEST(gd_curves_match_the_run)
{
    const double F[6] = {1, 0.2, 1, 0.9, 1, 0.4}, y[3] = {1, 2, 1.5}, Fv[2] = {1, 0.6}, yv[1] = {1.6};
    double tc[11], vc[11], w[2] = {0, 0}, v[2] = {0, 0}, g[2];
    aics_gd_problem gp = {F, y, Fv, yv, 3, 1, 2, 0.5, tc, vc};
    aics_early_stop es = aics_gd_early_stopping(&gp, w, 10, 0);
    ck_assert_msg(es.stop_epoch == 10 && tc[0] == aics_linear_mse(F, 3, 2, v, y), "Index 0 is before training.");
    for (int e = 1; e <= 10; e++) {
        aics_half_mse_step(F, 3, 2, y, 0.5, v, g);
        ck_assert_msg(tc[e] == aics_linear_mse(F, 3, 2, v, y), "Training curve at epoch %d.", e);
        ck_assert_msg(vc[e] == aics_linear_mse(Fv, 1, 2, v, yv), "Validation curve at epoch %d.", e);
    }
    ck_assert_msg(w[0] == v[0] && w[1] == v[1], "Without patience, w is the last iterate.");
}
END_TEST

Suite *basis_suite(void)
{
    Suite *s = suite_create("basis");
    TCase *c = tcase_create("Core");
    tcase_add_test(c, poly_features_by_hand);
    tcase_add_test(c, bump_features_by_hand);
    tcase_add_test(c, mse_step_and_bound_by_hand);
    tcase_add_test(c, poly_model_reproduces_a_cubic);
    tcase_add_test(c, gd_curves_match_the_run);
    suite_add_tcase(s, c);
    return s;
}
