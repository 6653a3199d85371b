/* test_mlp.c — the small network of src/models/mlp.c: a training step checked
 * against hand arithmetic, backpropagation against two independent
 * gradients on random networks, reproducible SGD and detected divergence. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mlp.h"
#include "rng.h"

#define TOL 1e-12 /* hand values are exact decimals; only rounding separates them */

#define ck_close(got, want, what)                                                         \
    ck_assert_msg(fabs((got) - (want)) <= TOL * fmax(1.0, fabs(want)),                    \
                  "%s should be %.15g by hand, but the network computed %.15g", (what),   \
                  (double)(want), (double)(got))

/* ---- a 2-2-1 network with tanh hidden neurons and an identity output ------
 *
 * Input x = (1, 2), target t = 1, learning rate η = 0.5. The biases are ln 2
 * and ln 3 because tanh(ln a) = (a − 1/a)/(a + 1/a) is then rational:
 *   tanh(ln 2) = (2 − 0.5)/(2 + 0.5) = 1.5/2.5 = 0.6
 *   tanh(ln 3) = (3 − 1/3)/(3 + 1/3) = (8/3)/(10/3) = 0.8
 *
 * Forward:
 *   z_h1 = 0.5·1 + (−0.25)·2 + ln 2 = 0.5 − 0.5 + ln 2 = ln 2,   h1 = 0.6,  f' = 1 − 0.36 = 0.64
 *   z_h2 = (−1)·1 + 0.5·2 + ln 3    = −1 + 1 + ln 3    = ln 3,   h2 = 0.8,  f' = 1 − 0.64 = 0.36
 *   y    = 1.5·0.6 + (−0.5)·0.8 + 0.1 = 0.9 − 0.4 + 0.1 = 0.6       (identity, f' = 1)
 *   L    = ½(0.6 − 1)² = ½·0.16 = 0.08
 * Backward:
 *   δ_y  = (y − t)·f'(z_y) = (0.6 − 1)·1 = −0.4
 *   δ_h1 = f'(z_h1)·w_y,h1·δ_y = 0.64·1.5·(−0.4)    = 0.64·(−0.6) = −0.384
 *   δ_h2 = f'(z_h2)·w_y,h2·δ_y = 0.36·(−0.5)·(−0.4) = 0.36·0.2    = 0.072
 * Gradients (δ of the neuron the weight enters × the value it carries):
 *   ∂L/∂w_y,h1 = −0.4·0.6 = −0.24    ∂L/∂w_y,h2 = −0.4·0.8 = −0.32    ∂L/∂b_y = −0.4
 *   ∂L/∂w_h1,x1 = −0.384·1 = −0.384  ∂L/∂w_h1,x2 = −0.384·2 = −0.768  ∂L/∂b_h1 = −0.384
 *   ∂L/∂w_h2,x1 = 0.072·1 = 0.072    ∂L/∂w_h2,x2 = 0.072·2 = 0.144    ∂L/∂b_h2 = 0.072
 * Update θ ← θ − 0.5·∂L/∂θ:
 *   w_y,h1: 1.5 + 0.12 = 1.62        w_y,h2: −0.5 + 0.16 = −0.34      b_y: 0.1 + 0.2 = 0.3
 *   w_h1,x1: 0.5 + 0.192 = 0.692     w_h1,x2: −0.25 + 0.384 = 0.134   b_h1: ln 2 + 0.192
 *   w_h2,x1: −1 − 0.036 = −1.036     w_h2,x2: 0.5 − 0.072 = 0.428     b_h2: ln 3 − 0.036
 */
static void set_221(aics_mlp *m, const double hidden_w[2][2], const double hidden_b[2], const double out_w[2],
                    double out_b)
{
    for (int j = 0; j < 2; j++) {
        for (int i = 0; i < 2; i++) m->theta[aics_mlp_w_index(m, 1, j, i)] = hidden_w[j][i];
        m->theta[aics_mlp_b_index(m, 1, j)] = hidden_b[j];
        m->theta[aics_mlp_w_index(m, 2, 0, j)] = out_w[j];
    }
    m->theta[aics_mlp_b_index(m, 2, 0)] = out_b;
}

START_TEST(test_worked_step_tanh)
{
    aics_mlp m;
    aics_mlp_trace tr;
    aics_mlp_init(&m, 2, (const int[]){2, 2, 1}, AICS_ACT_TANH, AICS_ACT_IDENTITY);
    set_221(&m, (const double[2][2]){{0.5, -0.25}, {-1.0, 0.5}}, (const double[]){log(2.0), log(3.0)},
            (const double[]){1.5, -0.5}, 0.1);
    aics_mlp_trace_init(&tr, &m);
    const double x[2] = {1.0, 2.0}, t[1] = {1.0};
    double *grad = calloc(m.nparams, sizeof *grad);

    const double *y = aics_mlp_forward(&m, &tr, x);
    size_t h = tr.off[1], o = tr.off[2];
    ck_close(tr.z[h], log(2.0), "z_h1");
    ck_close(tr.a[h], 0.6, "h1 = tanh(ln 2)");
    ck_close(tr.fprime[h], 0.64, "tanh'(z_h1)");
    ck_close(tr.z[h + 1], log(3.0), "z_h2");
    ck_close(tr.a[h + 1], 0.8, "h2 = tanh(ln 3)");
    ck_close(tr.fprime[h + 1], 0.36, "tanh'(z_h2)");
    ck_close(y[0], 0.6, "y");
    ck_close(tr.fprime[o], 1.0, "the identity's derivative");
    ck_close(aics_mlp_example_loss(&m, &tr, t), 0.08, "L");

    aics_mlp_backward(&m, &tr, t, grad, 1.0);
    ck_close(tr.delta[o], -0.4, "δ_y");
    ck_close(tr.delta[h], -0.384, "δ_h1");
    ck_close(tr.delta[h + 1], 0.072, "δ_h2");
    ck_close(grad[aics_mlp_w_index(&m, 2, 0, 0)], -0.24, "∂L/∂w_y,h1");
    ck_close(grad[aics_mlp_w_index(&m, 2, 0, 1)], -0.32, "∂L/∂w_y,h2");
    ck_close(grad[aics_mlp_b_index(&m, 2, 0)], -0.4, "∂L/∂b_y");
    ck_close(grad[aics_mlp_w_index(&m, 1, 0, 0)], -0.384, "∂L/∂w_h1,x1");
    ck_close(grad[aics_mlp_w_index(&m, 1, 0, 1)], -0.768, "∂L/∂w_h1,x2");
    ck_close(grad[aics_mlp_b_index(&m, 1, 0)], -0.384, "∂L/∂b_h1");
    ck_close(grad[aics_mlp_w_index(&m, 1, 1, 0)], 0.072, "∂L/∂w_h2,x1");
    ck_close(grad[aics_mlp_w_index(&m, 1, 1, 1)], 0.144, "∂L/∂w_h2,x2");
    ck_close(grad[aics_mlp_b_index(&m, 1, 1)], 0.072, "∂L/∂b_h2");

    aics_mlp_update(&m, grad, 0.5);
    ck_close(m.theta[aics_mlp_w_index(&m, 2, 0, 0)], 1.62, "updated w_y,h1");
    ck_close(m.theta[aics_mlp_w_index(&m, 2, 0, 1)], -0.34, "updated w_y,h2");
    ck_close(m.theta[aics_mlp_b_index(&m, 2, 0)], 0.3, "updated b_y");
    ck_close(m.theta[aics_mlp_w_index(&m, 1, 0, 0)], 0.692, "updated w_h1,x1");
    ck_close(m.theta[aics_mlp_w_index(&m, 1, 0, 1)], 0.134, "updated w_h1,x2");
    ck_close(m.theta[aics_mlp_b_index(&m, 1, 0)], log(2.0) + 0.192, "updated b_h1");
    ck_close(m.theta[aics_mlp_w_index(&m, 1, 1, 0)], -1.036, "updated w_h2,x1");
    ck_close(m.theta[aics_mlp_w_index(&m, 1, 1, 1)], 0.428, "updated w_h2,x2");
    ck_close(m.theta[aics_mlp_b_index(&m, 1, 1)], log(3.0) - 0.036, "updated b_h2");

    free(grad);
    aics_mlp_trace_free(&tr);
    aics_mlp_free(&m);
}
END_TEST

/* ---- the same shape with sigmoid everywhere (the textbook's setting) -----
 *
 * σ(ln a) = a/(1 + a), so σ(ln 3) = 3/4 and σ(0) = 1/2; σ' = σ(1 − σ).
 * Input x = (1, 2), target t = 0.
 *   z_h1 = 0.5·1 − 0.25·2 + ln 3 = ln 3,   h1 = 0.75,  σ' = 0.75·0.25 = 0.1875
 *   z_h2 = −1·1 + 0.5·2 + 0     = 0,      h2 = 0.5,   σ' = 0.5·0.5   = 0.25
 *   z_y  = 2·0.75 + (−1)·0.5 + (ln 3 − 1) = 1.5 − 0.5 − 1 + ln 3 = ln 3,  y = 0.75, σ' = 0.1875
 *   L    = ½(0.75 − 0)² = ½·0.5625 = 0.28125
 *   δ_y  = (0.75 − 0)·0.1875 = 0.140625
 *   δ_h1 = 0.1875·2·0.140625     = 0.052734375
 *   δ_h2 = 0.25·(−1)·0.140625    = −0.03515625
 *   ∂L/∂w_y,h1 = 0.140625·0.75 = 0.10546875    ∂L/∂w_y,h2 = 0.140625·0.5 = 0.0703125
 *   ∂L/∂w_h1,x2 = 0.052734375·2 = 0.10546875   ∂L/∂w_h2,x2 = −0.03515625·2 = −0.0703125
 * (all exact binary fractions). */
START_TEST(test_worked_step_sigmoid)
{
    aics_mlp m;
    aics_mlp_trace tr;
    aics_mlp_init(&m, 2, (const int[]){2, 2, 1}, AICS_ACT_SIGMOID, AICS_ACT_SIGMOID);
    set_221(&m, (const double[2][2]){{0.5, -0.25}, {-1.0, 0.5}}, (const double[]){log(3.0), 0.0},
            (const double[]){2.0, -1.0}, log(3.0) - 1.0);
    aics_mlp_trace_init(&tr, &m);
    const double x[2] = {1.0, 2.0}, t[1] = {0.0};
    double *grad = calloc(m.nparams, sizeof *grad);
    const double *y = aics_mlp_forward(&m, &tr, x);
    size_t h = tr.off[1], o = tr.off[2];
    ck_close(tr.a[h], 0.75, "h1 = σ(ln 3)");
    ck_close(tr.a[h + 1], 0.5, "h2 = σ(0)");
    ck_close(y[0], 0.75, "y = σ(ln 3)");
    ck_close(aics_mlp_example_loss(&m, &tr, t), 0.28125, "L");
    aics_mlp_backward(&m, &tr, t, grad, 1.0);
    ck_close(tr.delta[o], 0.140625, "δ_y");
    ck_close(tr.delta[h], 0.052734375, "δ_h1");
    ck_close(tr.delta[h + 1], -0.03515625, "δ_h2");
    ck_close(grad[aics_mlp_w_index(&m, 2, 0, 0)], 0.10546875, "∂L/∂w_y,h1");
    ck_close(grad[aics_mlp_w_index(&m, 2, 0, 1)], 0.0703125, "∂L/∂w_y,h2");
    ck_close(grad[aics_mlp_b_index(&m, 2, 0)], 0.140625, "∂L/∂b_y");
    ck_close(grad[aics_mlp_w_index(&m, 1, 0, 1)], 0.10546875, "∂L/∂w_h1,x2");
    ck_close(grad[aics_mlp_w_index(&m, 1, 1, 1)], -0.0703125, "∂L/∂w_h2,x2");
    ck_close(grad[aics_mlp_b_index(&m, 1, 1)], -0.03515625, "∂L/∂b_h2");
    free(grad);
    aics_mlp_trace_free(&tr);
    aics_mlp_free(&m);
}
END_TEST

/* ---- random networks and data ----------------------------------------------- */

typedef struct {
    double *x, *t;
    aics_mlp_data d;
} rand_data;

static void make_rand_data(rand_data *r, size_t n, int n_in, int n_out, aics_rng *rng)
{
    r->x = malloc(n * (size_t)n_in * sizeof *r->x);
    r->t = malloc(n * (size_t)n_out * sizeof *r->t);
    for (size_t k = 0; k < n * (size_t)n_in; k++) r->x[k] = aics_rng_normal(rng);
    for (size_t k = 0; k < n * (size_t)n_out; k++) r->t[k] = aics_rng_range(rng, -1.0, 1.0);
    r->d = (aics_mlp_data){n, n_in, n_out, r->x, r->t};
}

static void free_rand_data(rand_data *r)
{
    free(r->x);
    free(r->t);
}

static const struct {
    int nlayers, sizes[5];
    aics_act hidden, output;
} shapes[] = {
    {2, {2, 2, 1}, AICS_ACT_TANH, AICS_ACT_IDENTITY},
    {2, {2, 3, 1}, AICS_ACT_SIGMOID, AICS_ACT_SIGMOID},
    {2, {3, 5, 2}, AICS_ACT_TANH, AICS_ACT_SIGMOID},
    {3, {4, 6, 5, 3}, AICS_ACT_SIGMOID, AICS_ACT_IDENTITY},
    {4, {2, 8, 8, 4, 1}, AICS_ACT_TANH, AICS_ACT_TANH},
    {1, {5, 3}, AICS_ACT_TANH, AICS_ACT_IDENTITY},
};

/* Backpropagation agrees with central differences to about ε^(2/3) and with
 * dual numbers to rounding, on each shape, three random draws each. */
START_TEST(test_gradcheck_random_shapes)
{
    aics_rng rng;
    aics_rng_seed(&rng, 42, (uint64_t)_i);
    for (int draw = 0; draw < 3; draw++) {
        aics_mlp m;
        aics_mlp_trace tr;
        rand_data rd;
        aics_mlp_init(&m, shapes[_i].nlayers, shapes[_i].sizes, shapes[_i].hidden, shapes[_i].output);
        aics_mlp_randomize(&m, &rng);
        make_rand_data(&rd, 7, m.sizes[0], m.sizes[m.nlayers], &rng);
        aics_mlp_trace_init(&tr, &m);
        double *bp = malloc(m.nparams * sizeof *bp), *cd = malloc(m.nparams * sizeof *cd),
               *du = malloc(m.nparams * sizeof *du);
        aics_mlp_batch(&m, &tr, &rd.d, NULL, 0, bp);
        aics_mlp_grad_central(&m, &rd.d, cd);
        aics_mlp_grad_dual(&m, &rd.d, du);
        double e_cd = aics_mlp_max_rel_err(bp, cd, m.nparams), e_du = aics_mlp_max_rel_err(bp, du, m.nparams);
        ck_assert_msg(e_cd < 1e-6, "shape %d draw %d: backpropagation and central differences should agree "
                      "within 1e-6 relative, but differ by %.3g", _i, draw, e_cd);
        ck_assert_msg(e_du < 1e-12, "shape %d draw %d: backpropagation and dual numbers should agree to "
                      "rounding (1e-12), but differ by %.3g", _i, draw, e_du);
        free(bp);
        free(cd);
        free(du);
        free_rand_data(&rd);
        aics_mlp_trace_free(&tr);
        aics_mlp_free(&m);
    }
}
END_TEST

/* The gradient of a batch is the mean of its examples' gradients. */
START_TEST(test_batch_is_mean)
{
    aics_rng rng;
    aics_rng_seed(&rng, 7, 0);
    aics_mlp m;
    aics_mlp_trace tr;
    rand_data rd;
    aics_mlp_init(&m, 2, (const int[]){3, 4, 2}, AICS_ACT_TANH, AICS_ACT_IDENTITY);
    aics_mlp_randomize(&m, &rng);
    make_rand_data(&rd, 2, 3, 2, &rng);
    aics_mlp_trace_init(&tr, &m);
    double *g01 = malloc(m.nparams * sizeof *g01), *g0 = malloc(m.nparams * sizeof *g0),
           *g1 = malloc(m.nparams * sizeof *g1);
    const uint32_t i0 = 0, i1 = 1, both[2] = {0, 1};
    double l01 = aics_mlp_batch(&m, &tr, &rd.d, both, 2, g01);
    double l0 = aics_mlp_batch(&m, &tr, &rd.d, &i0, 1, g0);
    double l1 = aics_mlp_batch(&m, &tr, &rd.d, &i1, 1, g1);
    ck_assert_msg(fabs(l01 - (l0 + l1) / 2) <= 1e-15, "a batch's loss should be the mean of its examples' losses");
    for (size_t k = 0; k < m.nparams; k++)
        ck_assert_msg(fabs(g01[k] - (g0[k] + g1[k]) / 2) <= 1e-15,
                      "parameter %zu: a batch's gradient should be the mean of its examples' gradients", k);
    free(g01);
    free(g0);
    free(g1);
    free_rand_data(&rd);
    aics_mlp_trace_free(&tr);
    aics_mlp_free(&m);
}
END_TEST

/* ---- training ---------------------------------------------------------------- */

static aics_mlp_train_result train_once(uint64_t seed, double lr, size_t batch, int64_t epochs, double *theta,
                                        double *curve, size_t *nparams)
{
    aics_rng rng;
    aics_rng_seed(&rng, 99, 1); /* data and initial network: fixed */
    aics_mlp m;
    rand_data rd;
    aics_mlp_init(&m, 2, (const int[]){2, 4, 1}, AICS_ACT_TANH, AICS_ACT_IDENTITY);
    aics_mlp_randomize(&m, &rng);
    make_rand_data(&rd, 20, 2, 1, &rng);
    aics_rng_seed(&rng, seed, 3); /* the shuffles */
    aics_mlp_train_opts o = {lr, epochs, batch};
    aics_mlp_train_result res = aics_mlp_train(&m, &rd.d, &o, &rng, curve);
    if (theta) memcpy(theta, m.theta, m.nparams * sizeof *theta);
    if (nparams) *nparams = m.nparams;
    free_rand_data(&rd);
    aics_mlp_free(&m);
    return res;
}

START_TEST(test_sgd_reproducible)
{
    double a[64], b[64], c[64], ca[51], cb[51];
    size_t n;
    aics_mlp_train_result ra = train_once(5, 0.05, 3, 50, a, ca, &n);
    aics_mlp_train_result rb = train_once(5, 0.05, 3, 50, b, cb, NULL);
    train_once(6, 0.05, 3, 50, c, NULL, NULL);
    ck_assert_msg(!ra.diverged && ra.steps == 50 * 7, "20 examples in batches of 3 make 7 steps an epoch, "
                  "so 350 steps in 50 epochs, not %lld", (long long)ra.steps);
    ck_assert_msg(memcmp(a, b, n * sizeof *a) == 0, "SGD with the same seed should give bit-identical weights");
    ck_assert_msg(memcmp(ca, cb, sizeof ca) == 0, "SGD with the same seed should give bit-identical losses");
    ck_assert_msg(rb.final_loss == ra.final_loss, "SGD with the same seed should end at the same loss");
    ck_assert_msg(memcmp(a, c, n * sizeof *a) != 0, "SGD with another seed should shuffle differently");
    ck_assert_msg(ca[50] < ca[0], "SGD should lower the loss (from %g to %g)", ca[0], ca[50]);
}
END_TEST

START_TEST(test_full_batch_gd)
{
    double curve[201];
    aics_mlp_train_result r = train_once(1, 0.05, 1000, 200, NULL, curve, NULL);
    ck_assert_msg(!r.diverged && r.steps == 200, "full-batch GD makes one step an epoch: 200, not %lld",
                  (long long)r.steps);
    for (int e = 1; e <= 200; e++)
        ck_assert_msg(curve[e] <= curve[e - 1] + 1e-15,
                      "GD with a small rate should never raise the loss, but epoch %d went from %g to %g", e,
                      curve[e - 1], curve[e]);
    ck_assert_msg(r.final_loss == curve[200], "the final loss should be the last point of the curve");
}
END_TEST

START_TEST(test_divergence_detected)
{
    double curve[101];
    aics_mlp_train_result r = train_once(1, 1000.0, 1000, 100, NULL, curve, NULL);
    ck_assert_msg(r.diverged, "GD with learning rate 1000 should be detected as diverging");
    ck_assert_msg(r.diverged_epoch >= 1 && r.diverged_epoch <= 100 && r.epochs_run == r.diverged_epoch - 1,
                  "divergence in epoch %lld should leave %lld finished epochs, not %lld",
                  (long long)r.diverged_epoch, (long long)r.diverged_epoch - 1, (long long)r.epochs_run);
    ck_assert_msg(isfinite(r.final_loss), "the reported final loss should be the last finite one");
    for (int64_t e = 0; e <= r.epochs_run; e++)
        ck_assert_msg(isfinite(curve[e]), "curve point %lld before the divergence should be finite", (long long)e);
}
END_TEST

/* ---- limits -------------------------------------------------------------------- */

/* A NaN in the data makes the very first loss NaN: divergence, not a number. */
START_TEST(test_nan_input_diverges)
{
    aics_mlp m;
    aics_mlp_init(&m, 2, (const int[]){1, 2, 1}, AICS_ACT_TANH, AICS_ACT_IDENTITY);
    double x[2] = {0.5, NAN}, t[2] = {1, -1};
    aics_mlp_data d = {2, 1, 1, x, t};
    aics_rng rng;
    aics_rng_seed(&rng, 1, 1);
    aics_mlp_train_opts o = {0.1, 10, 2};
    aics_mlp_train_result r = aics_mlp_train(&m, &d, &o, &rng, NULL);
    ck_assert_msg(r.diverged && r.diverged_epoch == 1 && r.steps == 0,
                  "a NaN input should stop training in epoch 1 before any update");
    aics_mlp_free(&m);
}
END_TEST

START_TEST(test_rel_err)
{
    ck_assert_msg(aics_mlp_rel_err(2.0, 2.0 + 2e-9) < 1.01e-9, "2 and 2+2e-9 differ by 1e-9 relative");
    ck_assert_msg(aics_mlp_rel_err(0.0, 1e-12) <= 1e-8,
                  "two gradients near zero differ only by rounding; the floor 1e-4 keeps that small");
    ck_assert_msg(aics_mlp_rel_err(1.0, -1.0) == 2.0, "opposite gradients have relative error 2");
    double a[3] = {1, 2, 3}, b[3] = {1, NAN, 3};
    ck_assert_msg(isnan(aics_mlp_max_rel_err(a, b, 3)), "a NaN gradient should make the check NaN, never pass");
}
END_TEST

/* A batch larger than the data is full-batch GD; a partial last batch counts. */
START_TEST(test_batch_sizes)
{
    aics_mlp_train_result big = train_once(1, 0.01, 50, 3, NULL, NULL, NULL);
    aics_mlp_train_result one = train_once(1, 0.01, 1, 3, NULL, NULL, NULL);
    aics_mlp_train_result seven = train_once(1, 0.01, 7, 3, NULL, NULL, NULL);
    ck_assert_msg(big.steps == 3, "batch 50 > 20 examples should be one step an epoch, not %lld",
                  (long long)big.steps);
    ck_assert_msg(one.steps == 60, "batch 1 should be 20 steps an epoch, not %lld", (long long)one.steps);
    ck_assert_msg(seven.steps == 9, "batches 7+7+6 should be 3 steps an epoch, not %lld", (long long)seven.steps);
}
END_TEST

START_TEST(test_bad_shape_is_a_bug)
{
    aics_mlp m;
    aics_mlp_init(&m, 0, (const int[]){2}, AICS_ACT_TANH, AICS_ACT_IDENTITY);
}
END_TEST

Suite *mlp_suite(void)
{
    Suite *s = suite_create("mlp");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, test_worked_step_tanh);
    tcase_add_test(core, test_worked_step_sigmoid);
    tcase_add_loop_test(core, test_gradcheck_random_shapes, 0, (int)(sizeof shapes / sizeof *shapes));
    tcase_add_test(core, test_batch_is_mean);
    tcase_add_test(core, test_sgd_reproducible);
    tcase_add_test(core, test_full_batch_gd);
    tcase_add_test(core, test_divergence_detected);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_add_test(limits, test_nan_input_diverges);
    tcase_add_test(limits, test_rel_err);
    tcase_add_test(limits, test_batch_sizes);
    tcase_add_exit_test(limits, test_bad_shape_is_a_bug, 1);
    suite_add_tcase(s, limits);
    return s;
}
