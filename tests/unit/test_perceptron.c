/* test_perceptron.c — the perceptron rule (src/models/perceptron.h) against hand
 * calculations, and XOR against an exhaustive search for a separating line. */
#include <check.h>

#include "perceptron.h"

static const aics_sample and_data[] = {{{0, 0}, 0}, {{0, 1}, 0}, {{1, 0}, 0}, {{1, 1}, 1}};
static const aics_sample or_data[] = {{{0, 0}, 0}, {{0, 1}, 1}, {{1, 0}, 1}, {{1, 1}, 1}};
static const aics_sample xor_data[] = {{{0, 0}, 0}, {{0, 1}, 1}, {{1, 0}, 1}, {{1, 1}, 0}};

/* Separation, checked directly: w·x + b > 0 for every target 1 and ≤ 0 for
 * every target 0 (the step's convention: 0 on the boundary). */
static int separates(const aics_perceptron *p, const aics_sample *s, int n)
{
    for (int i = 0; i < n; i++) {
        double v = p->w[0] * s[i].x[0] + p->w[1] * s[i].x[1] + p->b;
        if (s[i].target ? !(v > 0) : !(v <= 0)) return 0;
    }
    return 1;
}

/* AND from zero weights, η = 1, by hand (w1, w2, b after each epoch):
 * epoch 1 (1,1,1) 1 error; 2 (2,1,0) 3 errors; 3 (2,1,−1) 3; 4 (2,2,−1) 2;
 * 5 (2,1,−2) 1; 6 no error. */
START_TEST(test_and_converges_as_by_hand)
{
    aics_perceptron p = {{0, 0}, 0};
    int errors[100];
    aics_perceptron_fit fit = aics_perceptron_train(&p, and_data, 4, 1.0, 100, errors);
    ck_assert_msg(fit.converged, "AND is linearly separable, so training must converge");
    ck_assert_msg(fit.epochs == 6, "AND should take 6 epochs by hand, took %d", fit.epochs);
    ck_assert_msg(p.w[0] == 2 && p.w[1] == 1 && p.b == -2, "AND weights should be (2, 1, -2), got (%g, %g, %g)",
                  p.w[0], p.w[1], p.b);
    static const int by_hand[] = {1, 3, 3, 2, 1, 0};
    for (int e = 0; e < 6; e++)
        ck_assert_msg(errors[e] == by_hand[e], "epoch %d should have %d errors, had %d", e + 1, by_hand[e], errors[e]);
    ck_assert_int_eq(fit.updates, 10);
    ck_assert_msg(separates(&p, and_data, 4), "the learned weights must separate AND's data");
    ck_assert_int_eq(aics_perceptron_errors(&p, and_data, 4), 0);
}
END_TEST

/* OR by hand: epoch 1 (0,1,1) 1 error; 2 (1,1,1) 2; 3 (1,1,0) 1; 4 none. */
START_TEST(test_or_converges_as_by_hand)
{
    aics_perceptron p = {{0, 0}, 0};
    aics_perceptron_fit fit = aics_perceptron_train(&p, or_data, 4, 1.0, 100, NULL);
    ck_assert_msg(fit.converged && fit.epochs == 4, "OR should converge in 4 epochs, got %d (converged %d)",
                  fit.epochs, fit.converged);
    ck_assert_msg(p.w[0] == 1 && p.w[1] == 1 && p.b == 0, "OR weights should be (1, 1, 0), got (%g, %g, %g)",
                  p.w[0], p.w[1], p.b);
    ck_assert_msg(separates(&p, or_data, 4), "the learned weights must separate OR's data");
}
END_TEST

/* XOR: no epoch is ever error-free, and the final weights get some sample wrong. */
START_TEST(test_xor_never_converges)
{
    aics_perceptron p = {{0, 0}, 0};
    aics_perceptron_fit fit = aics_perceptron_train(&p, xor_data, 4, 1.0, 1000, NULL);
    ck_assert_msg(!fit.converged, "XOR is not linearly separable, so training must not converge");
    ck_assert_int_eq(fit.epochs, 1000);
    ck_assert_msg(fit.errors_min >= 1, "every XOR epoch must have an error, but one had %d", fit.errors_min);
    ck_assert_msg(aics_perceptron_errors(&p, xor_data, 4) >= 1, "final weights cannot classify all of XOR");
    ck_assert(!separates(&p, xor_data, 4));
}
END_TEST

/* Independent of the learning rule: search a grid of lines. Some separate AND
 * and OR; none separates XOR. */
START_TEST(test_xor_has_no_separating_line)
{
    int and_lines = 0, or_lines = 0, xor_lines = 0;
    for (int i = -8; i <= 8; i++)
        for (int j = -8; j <= 8; j++)
            for (int k = -8; k <= 8; k++) {
                aics_perceptron p = {{i * 0.5, j * 0.5}, k * 0.5};
                and_lines += separates(&p, and_data, 4);
                or_lines += separates(&p, or_data, 4);
                xor_lines += separates(&p, xor_data, 4);
            }
    ck_assert_msg(and_lines > 0 && or_lines > 0, "the grid should hold lines separating AND and OR");
    ck_assert_msg(xor_lines == 0, "no line may separate XOR, but %d did", xor_lines);
}
END_TEST

START_TEST(test_output_is_zero_on_boundary)
{
    aics_perceptron p = {{1, 1}, -1};
    ck_assert_int_eq(aics_perceptron_output(&p, (const double[]){1, 0}), 0);
    ck_assert_int_eq(aics_perceptron_output(&p, (const double[]){1, 1}), 1);
    ck_assert_double_eq(aics_perceptron_sum(&p, (const double[]){0.5, 0.25}), -0.25);
}
END_TEST

/* One epoch is too few for AND: not converged, and the count says so. */
START_TEST(test_epoch_limit)
{
    aics_perceptron p = {{0, 0}, 0};
    aics_perceptron_fit fit = aics_perceptron_train(&p, and_data, 4, 1.0, 1, NULL);
    ck_assert_msg(!fit.converged && fit.epochs == 1 && fit.errors_last == 1,
                  "one AND epoch should end unconverged with 1 error");
}
END_TEST

/* From zero weights the rate only scales the weights: η = 0.25 takes the same
 * epochs and ends at a quarter of the η = 1 weights (exact in binary). */
START_TEST(test_learning_rate_scales_weights)
{
    aics_perceptron a = {{0, 0}, 0}, q = {{0, 0}, 0};
    aics_perceptron_fit fa = aics_perceptron_train(&a, and_data, 4, 1.0, 100, NULL);
    aics_perceptron_fit fq = aics_perceptron_train(&q, and_data, 4, 0.25, 100, NULL);
    ck_assert_int_eq(fa.epochs, fq.epochs);
    ck_assert_msg(q.w[0] == a.w[0] / 4 && q.w[1] == a.w[1] / 4 && q.b == a.b / 4,
                  "weights at eta 0.25 should be a quarter of those at eta 1");
}
END_TEST

Suite *perceptron_suite(void)
{
    Suite *s = suite_create("perceptron");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, test_and_converges_as_by_hand);
    tcase_add_test(core, test_or_converges_as_by_hand);
    tcase_add_test(core, test_xor_never_converges);
    tcase_add_test(core, test_xor_has_no_separating_line);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_add_test(limits, test_output_is_zero_on_boundary);
    tcase_add_test(limits, test_epoch_limit);
    tcase_add_test(limits, test_learning_rate_scales_weights);
    suite_add_tcase(s, limits);
    return s;
}
