/* test_backprop.c — exercise 2.3's instruments (src/models/backprop.c): the
 * noisy-XOR data, the names of neurons and parameters, the three-way gradient
 * check, a training run's curve, the sign classifier and the output grid. */
#include <check.h>
#include <math.h>
#include <string.h>

#include "backprop.h"

/* A 2–3–1 network, tanh hidden, identity output, random parameters. */
static void net_231(aics_mlp *m, uint64_t seed)
{
    aics_rng rng;
    aics_mlp_init(m, 2, (const int[]){2, 3, 1}, AICS_ACT_TANH, AICS_ACT_IDENTITY);
    aics_rng_seed(&rng, seed, 1);
    aics_mlp_randomize(m, &rng);
}

START_TEST(test_xor_without_noise_is_the_centres)
{
    double x[8][2], t[8];
    aics_rng rng;
    aics_rng_seed(&rng, 1, 1);
    aics_bp_xor(&rng, 8, 0.0, &x[0][0], t);
    /* clusters interleaved: (1,1) +1, (−1,1) −1, (−1,−1) +1, (1,−1) −1, again */
    static const double want[4][3] = {{1, 1, 1}, {-1, 1, -1}, {-1, -1, 1}, {1, -1, -1}};
    for (int e = 0; e < 8; e++) {
        ck_assert_double_eq(x[e][0], want[e % 4][0]);
        ck_assert_double_eq(x[e][1], want[e % 4][1]);
        ck_assert_double_eq(t[e], want[e % 4][2]);
    }
}
END_TEST

START_TEST(test_names)
{
    aics_mlp m;
    char name[48];
    int layer, to, from;
    net_231(&m, 1);
    aics_bp_param_name(&m, aics_mlp_w_index(&m, 1, 1, 0), name, sizeof name);
    ck_assert_str_eq(name, "w_h2_x1");
    aics_bp_param_name(&m, aics_mlp_b_index(&m, 1, 2), name, sizeof name);
    ck_assert_str_eq(name, "b_h3");
    aics_bp_param_name(&m, aics_mlp_w_index(&m, 2, 0, 2), name, sizeof name);
    ck_assert_str_eq(name, "w_y_h3");
    aics_bp_param_name(&m, aics_mlp_b_index(&m, 2, 0), name, sizeof name);
    ck_assert_str_eq(name, "b_y");
    aics_bp_param_input(&m, aics_mlp_b_index(&m, 2, 0), &layer, &to, &from);
    ck_assert_int_eq(layer, 2);
    ck_assert_int_eq(to, 0);
    ck_assert_int_eq(from, -1);
    aics_bp_param_input(&m, aics_mlp_w_index(&m, 1, 2, 1), &layer, &to, &from);
    ck_assert_int_eq(layer, 1);
    ck_assert_int_eq(to, 2);
    ck_assert_int_eq(from, 1);
    /* every parameter has its own name: 3·2 + 3 + 3 + 1 = 13 */
    char all[13][48];
    ck_assert_uint_eq(m.nparams, 13);
    for (size_t k = 0; k < m.nparams; k++) {
        aics_bp_param_name(&m, k, all[k], sizeof all[k]);
        for (size_t q = 0; q < k; q++) ck_assert_str_ne(all[q], all[k]);
    }
    aics_mlp_free(&m);
}
END_TEST

START_TEST(test_gradcheck_agrees)
{
    aics_mlp m;
    double x[20][2], t[20];
    aics_rng rng;
    aics_rng_seed(&rng, 7, 1);
    aics_bp_xor(&rng, 20, 0.3, &x[0][0], t);
    net_231(&m, 3);
    aics_mlp_data d = {20, 2, 1, &x[0][0], t};
    aics_bp_gradcheck g;
    aics_bp_gradcheck_run(&g, &m, &d);
    ck_assert_double_lt(g.err_central, 1e-6);
    ck_assert_double_lt(g.err_dual, 1e-6);
    double nonzero = 0;
    for (size_t k = 0; k < m.nparams; k++) nonzero = fmax(nonzero, fabs(g.bp[k]));
    ck_assert_double_gt(nonzero, 1e-3); /* a real gradient, not all zeros */
    aics_bp_gradcheck_free(&g);
    aics_mlp_free(&m);
}
END_TEST

/* All parameters 0 but the output bias: y = b_y everywhere. */
static void constant_net(aics_mlp *m, double b_y)
{
    aics_mlp_init(m, 2, (const int[]){2, 3, 1}, AICS_ACT_TANH, AICS_ACT_IDENTITY);
    m->theta[aics_mlp_b_index(m, 2, 0)] = b_y;
}

START_TEST(test_correct_and_grid)
{
    aics_mlp m;
    double x[8][2], t[8], rows[9][3];
    aics_rng rng;
    aics_rng_seed(&rng, 1, 1);
    aics_bp_xor(&rng, 8, 0.3, &x[0][0], t);
    aics_mlp_data d = {8, 2, 1, &x[0][0], t};
    constant_net(&m, 5.0);
    ck_assert_int_eq(aics_bp_correct(&m, &d), 4); /* y > 0 right on the 4 targets +1 */
    aics_bp_grid(&m, -1.0, 1.0, 3, 1.5, &rows[0][0]);
    ck_assert_double_eq(rows[0][0], -1.0);
    ck_assert_double_eq(rows[0][1], -1.0);
    ck_assert_double_eq(rows[1][0], 0.0); /* x1 varies fastest */
    ck_assert_double_eq(rows[1][1], -1.0);
    ck_assert_double_eq(rows[8][0], 1.0);
    ck_assert_double_eq(rows[8][1], 1.0);
    for (int i = 0; i < 9; i++) ck_assert_double_eq(rows[i][2], 1.5); /* 5 clipped */
    aics_mlp_free(&m);
}
END_TEST

START_TEST(test_train_keeps_curve)
{
    aics_mlp m;
    double x[20][2], t[20];
    aics_rng rng;
    aics_rng_seed(&rng, 5, 1);
    aics_bp_xor(&rng, 20, 0.3, &x[0][0], t);
    net_231(&m, 2);
    aics_mlp_data d = {20, 2, 1, &x[0][0], t};
    aics_mlp_trace tr;
    aics_mlp_trace_init(&tr, &m);
    double before = aics_mlp_batch(&m, &tr, &d, NULL, 0, NULL);
    aics_bp_run run;
    aics_bp_train(&run, &m, &d, &(aics_mlp_train_opts){0.1, 50, 20}, &rng);
    ck_assert_double_eq(run.curve[0], before);
    ck_assert_int_eq(run.res.epochs_run, 50);
    ck_assert_double_eq(run.curve[50], run.res.final_loss);
    ck_assert_double_lt(run.curve[50], before); /* gradient descent at a small rate descends */
    ck_assert_double_eq(aics_mlp_batch(&m, &tr, &d, NULL, 0, NULL), before); /* the start is a copy */
    aics_bp_run_free(&run);
    aics_mlp_trace_free(&tr);
    aics_mlp_free(&m);
}
END_TEST

Suite *backprop_suite(void)
{
    Suite *s = suite_create("backprop");
    TCase *tc = tcase_create("Core");
    tcase_add_test(tc, test_xor_without_noise_is_the_centres);
    tcase_add_test(tc, test_names);
    tcase_add_test(tc, test_gradcheck_agrees);
    tcase_add_test(tc, test_correct_and_grid);
    tcase_add_test(tc, test_train_keeps_curve);
    suite_add_tcase(s, tc);
    return s;
}
