/* test_resample.c — bootstrap, bagging and early stopping with patience. */
#include <check.h>
#include <math.h>
#include <string.h>

#include "resample.h"

/* A model that predicts, at each of 3 query points, the mean of the sampled
 * y plus the query's index times the first sampled row: it depends on which
 * rows were drawn and in what order. */
static const double ys[7] = {3, -1, 4, 1, -5, 9, 2};

static void toy_fit(void *ctx, const uint32_t *idx, size_t n, double *pred)
{
    (void)ctx;
    double m = 0.0;
    for (size_t i = 0; i < n; i++) m += ys[idx[i]];
    m /= (double)n;
    for (int k = 0; k < 3; k++) pred[k] = m + k * (double)idx[0];
}

START_TEST(bagging_one_equals_one_bootstrap_fit)
{
    aics_rng a, b;
    aics_rng_seed(&a, 99, 7);
    aics_rng_seed(&b, 99, 7);
    double bagged[3], spread[3], single[3];
    aics_bag(&a, 7, 1, 3, toy_fit, NULL, bagged, spread);
    uint32_t idx[7];
    aics_bootstrap(&b, 7, idx);
    toy_fit(NULL, idx, 7, single);
    for (int k = 0; k < 3; k++) {
        ck_assert_msg(bagged[k] == single[k], "Bagging with B = 1 should equal one bootstrap fit exactly (point %d).", k);
        ck_assert_msg(spread[k] == 0.0, "One model has no spread.");
    }
}
END_TEST

START_TEST(bagging_averages_members)
{
    aics_rng a, b;
    aics_rng_seed(&a, 5, 1);
    aics_rng_seed(&b, 5, 1);
    double bagged[3], spread[3], sum[3] = {0}, sum2[3] = {0}, p[3];
    aics_bag(&a, 7, 25, 3, toy_fit, NULL, bagged, spread);
    uint32_t idx[7];
    for (int m = 0; m < 25; m++) {
        aics_bootstrap(&b, 7, idx);
        toy_fit(NULL, idx, 7, p);
        for (int k = 0; k < 3; k++) sum[k] += p[k], sum2[k] += p[k] * p[k];
    }
    for (int k = 0; k < 3; k++) {
        double mean = sum[k] / 25, var = sum2[k] / 25 - mean * mean;
        ck_assert_msg(fabs(bagged[k] - mean) <= 1e-12 * fmax(1, fabs(mean)), "The bag should be the mean of its 25 members.");
        ck_assert_msg(fabs(spread[k] - var) <= 1e-9 * fmax(1, var), "The spread should be the members' variance.");
    }
}
END_TEST

START_TEST(bootstrap_draws_with_replacement)
{
    aics_rng r;
    aics_rng_seed(&r, 1, 1);
    enum { N = 1000 };
    static uint32_t idx[N];
    static int seen[N];
    aics_bootstrap(&r, N, idx);
    int distinct = 0;
    for (int i = 0; i < N; i++) {
        ck_assert_msg(idx[i] < N, "Indices should stay below n.");
        distinct += !seen[idx[i]]++;
    }
    /* E[distinct] = n(1 − (1 − 1/n)^n) ≈ 632; sd ≈ 9. */
    ck_assert_msg(distinct > 580 && distinct < 690, "About 63%% of rows should appear, not %d of %d.", distinct, N);
}
END_TEST

START_TEST(split_is_a_permutation)
{
    aics_rng r;
    aics_rng_seed(&r, 3, 3);
    uint32_t idx[10];
    int seen[10] = {0};
    aics_split(&r, 10, 6, idx);
    for (int i = 0; i < 10; i++) {
        ck_assert_msg(idx[i] < 10 && !seen[idx[i]], "A split should use every row exactly once.");
        seen[idx[i]] = 1;
    }
}
END_TEST

/* A scripted validation curve: the loss falls until epoch 5, then rises.
 * "Training" adds 1 to w[0], so w[0] records the epoch reached. */
static const double curve[] = {10, 9, 7, 6, 5.5, 5, 5.2, 5.1, 6, 7, 8, 9, 10, 11, 12, 13};

static void count_step(void *ctx, double *w) { (void)ctx; w[0] += 1.0; }
static double scripted_loss(void *ctx, const double *w) { (void)ctx; return curve[(int)w[0]]; }

START_TEST(patience_keeps_best_weights)
{
    aics_trainer t = {count_step, scripted_loss, NULL};
    double w[1] = {0};
    aics_early_stop es = aics_train_early_stopping(&t, w, 1, 15, 3);
    ck_assert_msg(es.best_epoch == 5 && es.best_loss == 5.0, "The best epoch should be 5, not %ld.", es.best_epoch);
    ck_assert_msg(es.stopped && es.stop_epoch == 8, "Patience 3 should stop at epoch 8, not %ld.", es.stop_epoch);
    ck_assert_msg(w[0] == 5.0, "The weights of the best epoch should come back, not those of epoch %g.", w[0]);
}
END_TEST

START_TEST(no_patience_runs_to_the_end)
{
    aics_trainer t = {count_step, scripted_loss, NULL};
    double w[1] = {0};
    aics_early_stop es = aics_train_early_stopping(&t, w, 1, 15, 0);
    ck_assert_msg(!es.stopped && es.stop_epoch == 15 && es.best_epoch == 5, "Without patience training should run all 15 epochs.");
    ck_assert_msg(w[0] == 15.0, "Without patience the last weights should come back.");
    w[0] = 0.0;
    es = aics_train_early_stopping(&t, w, 1, 15, 100);
    ck_assert_msg(!es.stopped && w[0] == 5.0, "Patience longer than the run should still return the best weights.");
}
END_TEST

Suite *resample_suite(void)
{
    Suite *s = suite_create("resample");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, bagging_one_equals_one_bootstrap_fit);
    tcase_add_test(core, bagging_averages_members);
    tcase_add_test(core, patience_keeps_best_weights);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_add_test(limits, bootstrap_draws_with_replacement);
    tcase_add_test(limits, split_is_a_permutation);
    tcase_add_test(limits, no_patience_runs_to_the_end);
    suite_add_tcase(s, limits);
    return s;
}
