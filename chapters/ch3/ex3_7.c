/* ex3_7.c — exercise 3.7: the roles and formulas of the LSTM's three gates.
 *
 * One step of an LSTM cell (src/models/lstm.h) with 3 inputs and 2 units,
 * parameters drawn from PCG32: the program prints every gate value, then
 * checks the backward pass (the formulas' derivatives) against central
 * differences on the loss L = ½‖h‖² + ¼‖c‖². Finally it shows what the forget
 * gate is for: over 20 steps the gradient reaching the first cell state is
 * the product of the forget gates, ∂c₂₀/∂c₀ = Π f_t (element-wise), which
 * survives when the forget gate stays near 1 and vanishes when it is ½.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>

#include "lstm.h"
#include "program.h"
#include "rng.h"

#define N_IN 3
#define N_H 2
#define STEPS 20

static void randomize(aics_lstm *m, aics_rng *rng)
{
    for (size_t k = 0; k < m->nparams; k++) m->theta[k] = aics_rng_range(rng, -1, 1);
}

static double loss_of(const aics_lstm *m, const double *x, const double *h0, const double *c0)
{
    aics_lstm_step s;
    aics_lstm_forward(m, x, h0, c0, &s);
    double l = 0;
    for (int j = 0; j < m->n_h; j++) l += 0.5 * s.h[j] * s.h[j] + 0.25 * s.c[j] * s.c[j];
    return l;
}

static void report_step(aics_result *r, aics_lstm *m, const double *x, const double *h0, const double *c0)
{
    aics_lstm_step s;
    aics_lstm_forward(m, x, h0, c0, &s);
    aics_result_part(r, "step", "一步前向计算（3 个输入、2 个单元）");
    aics_table *t = aics_result_table(r, "lrr", (const char *const[]){"量", "单元 1", "单元 2"});
    const struct { const char *name; const double *v; } rows[] = {
        {"c_(t−1)", c0}, {"输入门 i", s.i}, {"遗忘门 f", s.f}, {"输出门 o", s.o},
        {"候选 g", s.g}, {"c_t = f·c_(t−1) + i·g", s.c}, {"h_t = o·tanh(c_t)", s.h},
    };
    for (size_t k = 0; k < sizeof rows / sizeof *rows; k++) {
        aics_table_cell(t, "%s", rows[k].name);
        aics_table_cell(t, "%.6f", rows[k].v[0]);
        aics_table_cell(t, "%.6f", rows[k].v[1]);
    }
    aics_result_kv_only(r, true);
    aics_result_double(r, "step.h1", s.h[0], NULL);
    aics_result_double(r, "step.h2", s.h[1], NULL);
    aics_result_double(r, "step.c1", s.c[0], NULL);
    aics_result_double(r, "step.c2", s.c[1], NULL);
    aics_result_kv_only(r, false);
}

static void report_gradcheck(aics_result *r, aics_lstm *m, const double *x, const double *h0, const double *c0)
{
    aics_lstm_step s;
    aics_lstm_forward(m, x, h0, c0, &s);
    double dh[N_H], dc[N_H], grad[4 * N_H * (N_H + N_IN + 1)];
    for (int j = 0; j < N_H; j++) dh[j] = s.h[j], dc[j] = 0.5 * s.c[j];
    aics_lstm_backward(m, &s, dh, dc, grad, NULL, NULL, NULL);
    double worst = 0;
    for (size_t k = 0; k < m->nparams; k++) {
        double keep = m->theta[k], h = cbrt(DBL_EPSILON) * fmax(1, fabs(keep));
        m->theta[k] = keep + h;
        double up = loss_of(m, x, h0, c0);
        m->theta[k] = keep - h;
        double down = loss_of(m, x, h0, c0);
        m->theta[k] = keep;
        double num = (up - down) / (2 * h);
        worst = fmax(worst, fabs(num - grad[k]) / fmax(fmax(fabs(num), fabs(grad[k])), 1e-4));
    }
    aics_result_part_show(r, "answer", "门的公式经反向传播核对", AICS_SHOW_ANSWER);
    aics_result_note(r, "i = σ(W_i·[h,x] + b_i)，f = σ(W_f·[h,x] + b_f)，o = σ(W_o·[h,x] + b_o)，");
    aics_result_note(r, "g = tanh(W_g·[h,x] + b_g)，c_t = f⊙c_(t−1) + i⊙g，h_t = o⊙tanh(c_t)。");
    aics_result_int(r, "gradcheck.params", (int64_t)m->nparams, "核对的参数个数");
    aics_result_double(r, "gradcheck.max_rel_err", worst, "反向传播与中心差分的最大相对误差");
    aics_result_word(r, "gradcheck.check", worst < 1e-6 ? "pass" : "fail", "梯度核对（相对误差 < 1e-6）");
}

/* ∂c_T/∂c_0 through STEPS steps, with the forget gates' biases set to `bias`. */
static double carry_gradient(const aics_lstm *base, double bias, aics_rng *rng, double *mean_f)
{
    aics_lstm m;
    aics_lstm_init(&m, N_IN, N_H);
    for (size_t k = 0; k < m.nparams; k++) m.theta[k] = 0.3 * base->theta[k];
    size_t b = m.nparams - 4 * N_H;
    for (int j = 0; j < N_H; j++) m.theta[b + N_H + j] = bias;
    static aics_lstm_step steps[STEPS];
    double h[N_H] = {0}, c[N_H] = {0}, x[N_IN], fsum = 0;
    for (int t = 0; t < STEPS; t++) {
        for (int k = 0; k < N_IN; k++) x[k] = aics_rng_range(rng, -1, 1);
        aics_lstm_forward(&m, x, h, c, &steps[t]);
        for (int j = 0; j < N_H; j++) h[j] = steps[t].h[j], c[j] = steps[t].c[j], fsum += steps[t].f[j];
    }
    /* Only the cell path: ∂c_t/∂c_(t−1) = f_t, the term the forget gate controls. */
    double dc[N_H] = {1, 0}, dh0[N_H] = {0}, grad[4 * N_H * (N_H + N_IN + 1)];
    for (int t = STEPS - 1; t >= 0; t--) {
        double dc_prev[N_H];
        aics_lstm_backward(&m, &steps[t], dh0, dc, grad, NULL, dc_prev, NULL);
        for (int j = 0; j < N_H; j++) dc[j] = dc_prev[j];
    }
    aics_lstm_free(&m);
    *mean_f = fsum / (STEPS * N_H);
    return dc[0];
}

static void report_forget(aics_result *r, const aics_lstm *m, aics_rng *rng)
{
    aics_result_part_show(r, "forget", "遗忘门决定梯度能传多远（20 步）", AICS_SHOW_BRIEF);
    static const struct { const char *key, *label; double bias; } cases[] = {
        {"carry.bias_0", "遗忘门偏置 0", 0.0}, {"carry.bias_3", "遗忘门偏置 3", 3.0},
    };
    aics_table *t = aics_result_table(r, "lrr", (const char *const[]){"设置", "平均 f", "∂c₂₀/∂c₀"});
    for (size_t k = 0; k < 2; k++) {
        double mean_f, g = carry_gradient(m, cases[k].bias, rng, &mean_f);
        aics_table_cell(t, "%s", cases[k].label);
        aics_table_cell(t, "%.4f", mean_f);
        aics_table_cell(t, "%.3g", g);
        aics_result_kv_only(r, true);
        char key[48];
        snprintf(key, sizeof key, "%s.gradient", cases[k].key);
        aics_result_double(r, key, g, NULL);
        snprintf(key, sizeof key, "%s.mean_f", cases[k].key);
        aics_result_double(r, key, mean_f, NULL);
        aics_result_kv_only(r, false);
    }
}

static void report(aics_result *r, const aics_run *run)
{
    aics_rng rng;
    aics_rng_seed(&rng, run->seed, 7);
    aics_lstm m;
    aics_lstm_init(&m, N_IN, N_H);
    randomize(&m, &rng);
    double x[N_IN] = {0.5, -1.0, 0.25}, h0[N_H] = {0.1, -0.3}, c0[N_H] = {0.7, -0.2};
    report_gradcheck(r, &m, x, h0, c0);
    report_step(r, &m, x, h0, c0);
    report_forget(r, &m, &rng);
    aics_lstm_free(&m);
}

AICS_MAIN(.name = "ex3_7", .exercise = "3.7", .convention = "gates-i-f-o-g-central-difference-check",
          .summary = "习题 3.7：LSTM 三个门的作用与公式（一步计算与梯度核对）。",
          .details = "约定：门按 i、f、o、g 排列，参数在 [−1, 1] 上均匀随机；损失 ½‖h‖² + ¼‖c‖²。",
          .uses_seed = true, .default_seed = 37, .report = report)
