/* test_toydata.c — the toy samples, RMSE and the bias–variance split, by hand. */
#include <check.h>
#include <math.h>

#include "toydata.h"

START_TEST(decomposition_by_hand)
{
    /* Two sets, one point, truth 0: predictions 1 and 3. Mean 2, so bias² 4,
     * variance ((1−2)² + (3−2)²)/2 = 1, error (1 + 9)/2 = 5. */
    const double pred[2] = {1, 3}, f[1] = {0};
    aics_bias_variance dc = aics_decompose(pred, 2, 1, f);
    ck_assert_msg(dc.error == 5.0 && dc.bias2 == 4.0 && dc.variance == 1.0,
                  "Expected error 5 = bias² 4 + variance 1, got %g, %g, %g.", dc.error, dc.bias2, dc.variance);
}
END_TEST

START_TEST(decomposition_adds_up)
{
    aics_rng rng;
    aics_rng_seed(&rng, 11, 0);
    double pred[7 * 13], f[13];
    for (int k = 0; k < 13; k++) f[k] = aics_rng_normal(&rng);
    for (int i = 0; i < 7 * 13; i++) pred[i] = 0.3 + aics_rng_normal(&rng);
    aics_bias_variance dc = aics_decompose(pred, 7, 13, f);
    ck_assert_msg(fabs(dc.error - (dc.bias2 + dc.variance)) < 1e-12 * dc.error, "error should equal bias² + variance.");
}
END_TEST

START_TEST(rmse_by_hand)
{
    const double a[2] = {0, 0}, b[2] = {3, 4};
    ck_assert_msg(aics_rmse(a, b, 2) == sqrt(12.5), "RMSE of (3, 4) should be sqrt(12.5).");
}
END_TEST

START_TEST(split_draw_is_a_split_of_one_sample)
{
    aics_rng r1, r2;
    aics_rng_seed(&r1, 3, 4);
    aics_rng_seed(&r2, 3, 4);
    aics_toy_sets s;
    aics_toy_draw_split(&r1, 5, 3, 4, 0.3, &s);
    double x[8], y[8];
    aics_toy_samples(&r2, 8, 0.3, x, y);
    for (int i = 0; i < 8; i++) {
        const double *px = i < 5 ? &s.train.x[i] : &s.val.x[i - 5], *py = i < 5 ? &s.train.y[i] : &s.val.y[i - 5];
        int found = 0;
        for (int j = 0; j < 8; j++) found += x[j] == *px && y[j] == *py;
        ck_assert_msg(found == 1, "Every training and validation point should be one of the pooled sample's.");
    }
    ck_assert_msg(s.train.n == 5 && s.val.n == 3 && s.test.n == 4, "The sets should have the asked sizes.");
    for (int i = 0; i < 4; i++)
        ck_assert_msg(s.test.x[i] >= 0.0 && s.test.x[i] < 1.0, "Test x should lie in [0, 1).");
    aics_toy_sets_free(&s);
}
END_TEST

START_TEST(sequential_draw_matches_samples)
{
    aics_rng r1, r2;
    aics_rng_seed(&r1, 9, 1);
    aics_rng_seed(&r2, 9, 1);
    aics_toy_sets s;
    aics_toy_draw(&r1, 2, 3, 1, 0.5, &s);
    double x[3], y[3];
    aics_toy_samples(&r2, 2, 0.5, x, y);
    ck_assert_msg(x[1] == s.train.x[1] && y[1] == s.train.y[1], "The training set comes first.");
    aics_toy_samples(&r2, 3, 0.5, x, y);
    ck_assert_msg(x[2] == s.val.x[2] && y[2] == s.val.y[2], "Then the validation set.");
    ck_assert_msg(fabs(aics_toy_truth(0.25) - 1.0) < 1e-15, "The truth is sin(2πx).");
    aics_toy_sets_free(&s);
}
END_TEST

Suite *toydata_suite(void)
{
    Suite *s = suite_create("toydata");
    TCase *c = tcase_create("Core");
    tcase_add_test(c, decomposition_by_hand);
    tcase_add_test(c, decomposition_adds_up);
    tcase_add_test(c, rmse_by_hand);
    tcase_add_test(c, split_draw_is_a_split_of_one_sample);
    tcase_add_test(c, sequential_draw_matches_samples);
    suite_add_tcase(s, c);
    return s;
}
