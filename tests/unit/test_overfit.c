/* test_overfit.c — the studies of exercise 2.5 (src/models/overfit.c): the
 * ridge sweep picks the smallest validation error, the bagging table splits
 * error exactly into bias² and variance, early stopping starts from w = 0
 * (so epoch 0's MSE is the mean of y², by hand), and the L1 path starts at
 * λ_max with every coefficient 0. */
#include <check.h>
#include <math.h>

#include "overfit.h"

START_TEST(test_poly_sweep_picks_smallest_validation)
{
    aics_rng rng;
    aics_toy_sets s;
    aics_poly_model m;
    aics_rng_seed(&rng, 11, 1);
    aics_toy_draw(&rng, 15, 30, 40, 0.3, &s);
    ck_assert(aics_poly_model_init(&m, s.train.x, s.train.y, 15, 5));
    double lambdas[6] = {10, 1, 0.1, 1e-2, 1e-3, 1e-4}, rows[6][4], norms[6], w[5];
    size_t best = aics_poly_sweep(&m, &s, lambdas, 6, &rows[0][0], norms);
    for (size_t k = 0; k < 6; k++) {
        ck_assert_double_eq(rows[k][0], lambdas[k]);
        ck_assert_double_le(rows[best][2], rows[k][2]);
        ck_assert(aics_poly_model_fit(&m, lambdas[k], w));
        aics_poly_score sc = aics_poly_score_of(&m, &s, w);
        ck_assert_double_eq(sc.test, rows[k][3]);
        ck_assert_double_eq(sc.norm, norms[k]);
    }
    ck_assert_double_gt(norms[5], norms[0]); /* a smaller penalty lets the weights grow */
    aics_poly_model_free(&m);
    aics_toy_sets_free(&s);
}
END_TEST

START_TEST(test_bagging_splits_error)
{
    static const int sizes[] = {1, 10};
    aics_bag_plan plan = {20, 0.3, 10, 50, sizes, 2};
    aics_bias_variance single;
    double table[2][4];
    aics_bag_study(&plan, 5, &single, &table[0][0]);
    ck_assert_double_lt(fabs(single.error - single.bias2 - single.variance), 1e-12);
    for (int b = 0; b < 2; b++) {
        ck_assert_double_eq(table[b][0], sizes[b]);
        ck_assert_double_lt(fabs(table[b][1] - table[b][2] - table[b][3]), 1e-12);
    }
    ck_assert_double_lt(table[1][3], single.variance); /* ten bagged trees vary less than one */
}
END_TEST

START_TEST(test_early_stopping_study)
{
    aics_rng rng;
    aics_es_study t;
    aics_rng_seed(&rng, 4, 4);
    aics_es_study_run(&t, &(aics_es_plan){10, 10, 30, 0.3, 12, 0.05, 2000, 100}, &rng);
    ck_assert_uint_eq(t.d, 13);
    double mean_y2 = 0; /* w = 0 predicts 0 everywhere */
    for (size_t i = 0; i < t.s.train.n; i++) mean_y2 += t.s.train.y[i] * t.s.train.y[i] / (double)t.s.train.n;
    ck_assert_double_lt(fabs(t.train_curve[0] - mean_y2), 1e-12);
    ck_assert_int_le(t.es.best_epoch, t.es.stop_epoch);
    ck_assert_double_lt(fabs(aics_es_study_rmse(&t, t.wes, 1) - sqrt(t.es.best_loss)), 1e-12);
    ck_assert_double_lt(t.train_curve[2000], t.train_curve[0]);
    aics_es_study_free(&t);
}
END_TEST

START_TEST(test_two_paths_start_at_zero)
{
    /* y = 2·x1 − x2 + small noise-free wiggle; four columns. */
    double x[12][4], y[12];
    for (int i = 0; i < 12; i++) {
        for (int j = 0; j < 4; j++) x[i][j] = sin(1.0 + i * (j + 1));
        y[i] = 2 * x[i][0] - x[i][1] + 0.1 * cos(i);
    }
    aics_linreg p;
    aics_linreg_init(&p, &x[0][0], y, 12, 4);
    aics_two_paths tp;
    aics_two_paths_run(&tp, &p, 20, 1e-3, 1e3, 1e-3, 1e-12, 100000);
    ck_assert_double_eq(tp.l1[0], tp.lmax);
    for (int j = 0; j < 4; j++) ck_assert_double_eq(tp.W1[j], 0.0);
    ck_assert_int_ge(tp.zeros1, 4);
    ck_assert_int_eq(tp.zeros2, 0);
    ck_assert_double_lt(tp.kkt, 1e-9);
    aics_two_paths_free(&tp);
    aics_linreg_free(&p);
}
END_TEST

Suite *overfit_suite(void)
{
    Suite *s = suite_create("overfit");
    TCase *tc = tcase_create("Core");
    tcase_add_test(tc, test_poly_sweep_picks_smallest_validation);
    tcase_add_test(tc, test_bagging_splits_error);
    tcase_add_test(tc, test_early_stopping_study);
    tcase_add_test(tc, test_two_paths_start_at_zero);
    suite_add_tcase(s, tc);
    return s;
}
