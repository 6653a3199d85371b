/* test_lstm.c — one LSTM step (src/models/lstm.h) against hand calculation and
 * its backward pass against central differences. */
#include <check.h>
#include <math.h>

#include "lstm.h"
#include "rng.h"

/* All parameters 0: every gate is σ(0) = ½ and the candidate tanh(0) = 0, so
 * c = ½·c_prev and h = ½·tanh(½·c_prev), whatever x and h_prev are. */
START_TEST(test_zero_parameters_by_hand)
{
    aics_lstm m;
    aics_lstm_init(&m, 3, 2);
    ck_assert_uint_eq(m.nparams, 4 * 2 * (2 + 3 + 1));
    double x[3] = {1, -2, 3}, h0[2] = {0.3, -0.4}, c0[2] = {1, -2};
    aics_lstm_step s;
    aics_lstm_forward(&m, x, h0, c0, &s);
    ck_assert_double_eq_tol(s.c[0], 0.5, 1e-15);
    ck_assert_double_eq_tol(s.c[1], -1.0, 1e-15);
    ck_assert_double_eq_tol(s.h[0], 0.5 * tanh(0.5), 1e-15);
    ck_assert_double_eq_tol(s.h[1], 0.5 * tanh(-1.0), 1e-15);
    aics_lstm_free(&m);
}
END_TEST

/* Only the forget gate's bias set very negative: f ≈ 0, so the old cell is forgotten. */
START_TEST(test_forget_gate_forgets)
{
    aics_lstm m;
    aics_lstm_init(&m, 1, 1);
    size_t b = m.nparams - 4; /* biases i, f, o, g */
    m.theta[b + 1] = -40;
    double x = 0, h0 = 0, c0 = 5;
    aics_lstm_step s;
    aics_lstm_forward(&m, &x, &h0, &c0, &s);
    ck_assert_double_lt(fabs(s.c[0]), 1e-15);
    aics_lstm_free(&m);
}
END_TEST

static double loss(const aics_lstm *m, const double *x, const double *h0, const double *c0)
{
    aics_lstm_step s;
    aics_lstm_forward(m, x, h0, c0, &s);
    double l = 0;
    for (int j = 0; j < m->n_h; j++) l += 0.5 * s.h[j] * s.h[j] + 0.25 * s.c[j] * s.c[j];
    return l;
}

START_TEST(test_backward_matches_central_differences)
{
    aics_lstm m;
    aics_lstm_init(&m, 3, 2);
    aics_rng rng;
    aics_rng_seed(&rng, 37, 1);
    for (size_t k = 0; k < m.nparams; k++) m.theta[k] = aics_rng_range(&rng, -1, 1);
    double x[3] = {0.5, -1, 0.25}, h0[2] = {0.1, -0.3}, c0[2] = {0.7, -0.2};
    aics_lstm_step s;
    aics_lstm_forward(&m, x, h0, c0, &s);
    double dh[2], dc[2], grad[64];
    for (int j = 0; j < 2; j++) dh[j] = s.h[j], dc[j] = 0.5 * s.c[j];
    aics_lstm_backward(&m, &s, dh, dc, grad, NULL, NULL, NULL);
    for (size_t k = 0; k < m.nparams; k++) {
        double keep = m.theta[k], h = 1e-6;
        m.theta[k] = keep + h;
        double up = loss(&m, x, h0, c0);
        m.theta[k] = keep - h;
        double down = loss(&m, x, h0, c0);
        m.theta[k] = keep;
        ck_assert_msg(fabs((up - down) / (2 * h) - grad[k]) < 1e-8, "parameter %zu: %g vs %g", k,
                      (up - down) / (2 * h), grad[k]);
    }
    aics_lstm_free(&m);
}
END_TEST

Suite *lstm_suite(void)
{
    Suite *s = suite_create("lstm");
    TCase *c = tcase_create("Core");
    tcase_add_test(c, test_zero_parameters_by_hand);
    tcase_add_test(c, test_forget_gate_forgets);
    tcase_add_test(c, test_backward_matches_central_differences);
    suite_add_tcase(s, c);
    return s;
}
