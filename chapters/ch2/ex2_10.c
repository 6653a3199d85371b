/* ex2_10.c — exercise 2.10: how do different activation functions differ in
 * gradient computation? Design a new activation function and give its
 * gradient.
 *
 * Part one compares f' of sigmoid, tanh and ReLU: its largest value (which
 * bounds how much a gradient can shrink per layer) and where it vanishes.
 * Part two designs the log-linear unit (LogLU, this book's name):
 *     f(v) = v              for v ≥ 0,
 *     f(v) = −ln(1 − v)     for v < 0,
 * with f'(v) = 1 for v ≥ 0 and 1/(1 − v) for v < 0: continuous at 0, never
 * zero, so no dead neurons, and unbounded below only logarithmically. Its
 * gradient is checked three ways as in exercise 2.7 (closed form, dual
 * numbers, central differences) on a grid over [−6, 6].
 */
#include <float.h>
#include <math.h>
#include <stdio.h>

#include "dual.h"
#include "plot.h"
#include "program.h"

#define GRID 1201
#define DEPTH 10

// ANCHOR: loglu
static double loglu(double v) { return v >= 0 ? v : -log1p(-v); }
static double loglu_prime(double v) { return v >= 0 ? 1.0 : 1.0 / (1.0 - v); }
// ANCHOR_END: loglu

/* The definition as written, differentiated by dual numbers: ln(1 − v) via aics_dual_log. */
static aics_dual loglu_dual(aics_dual v)
{
    if (v.v >= 0) return v;
    return aics_dual_neg(aics_dual_log(aics_dual_add_const(aics_dual_neg(v), 1.0)));
}

static double sigmoid(double v) { return 1 / (1 + exp(-v)); }
static double sigmoid_prime(double v) { double s = sigmoid(v); return s * (1 - s); }
static double tanh_prime(double v) { double t = tanh(v); return 1 - t * t; }
static double relu_prime(double v) { return v > 0 ? 1.0 : 0.0; }

typedef struct {
    const char *key, *name;
    double (*fprime)(double);
} derivative;

static const derivative derivs[] = {
    {"sigmoid", "sigmoid", sigmoid_prime},
    {"tanh", "tanh", tanh_prime},
    {"relu", "ReLU", relu_prime},
    {"loglu", "LogLU（新设计）", loglu_prime},
};
#define NDERIV (sizeof derivs / sizeof *derivs)

static void report_compare(aics_result *r)
{
    aics_result_part_show(r, "compare", "不同激活函数的导数", AICS_SHOW_BRIEF);
    static const double at[] = {-5, -2, 0.5, 2, 5};
    aics_table *t = aics_result_table(r, "lrrrrrrr",
        (const char *const[]){"函数", "f'(−5)", "f'(−2)", "f'(0.5)", "f'(2)", "f'(5)", "max f'", "max f'^10"});
    for (size_t i = 0; i < NDERIV; i++) {
        double mx = 0;
        for (int k = 0; k < GRID; k++) mx = fmax(mx, derivs[i].fprime(-6 + 12.0 * k / (GRID - 1)));
        aics_table_cell(t, "%s", derivs[i].name);
        for (size_t k = 0; k < sizeof at / sizeof *at; k++) aics_table_cell(t, "%.4f", derivs[i].fprime(at[k]));
        aics_table_cell(t, "%g", mx);
        aics_table_cell(t, "%.3g", pow(mx, DEPTH));
        char key[48];
        aics_result_kv_only(r, true);
        snprintf(key, sizeof key, "%s.max_fprime", derivs[i].key);
        aics_result_double(r, key, mx, NULL);
        snprintf(key, sizeof key, "%s.fprime_at_neg5", derivs[i].key);
        aics_result_double(r, key, derivs[i].fprime(-5), NULL);
        aics_result_kv_only(r, false);
    }
    aics_result_note(r, "max f'^10：梯度经过 10 层这种激活函数时最多还剩的倍数（不计权重）。");
}

static void report_check(aics_result *r)
{
    double err_dual = 0, err_num = 0;
    for (int k = 0; k < GRID; k++) {
        double v = -6 + 12.0 * k / (GRID - 1), exact = loglu_prime(v);
        if (v == 0) continue; /* central differences straddle the seam; f' is continuous there, checked below */
        err_dual = fmax(err_dual, fabs(loglu_dual(aics_dual_var(v)).d - exact));
        double h = cbrt(DBL_EPSILON) * fmax(1, fabs(v));
        err_num = fmax(err_num, fabs((loglu(v + h) - loglu(v - h)) / (2 * h) - exact));
    }
    aics_result_part_show(r, "answer", "新激活函数 LogLU 及其梯度", AICS_SHOW_ANSWER);
    aics_result_note(r, "f(v) = v（v ≥ 0），f(v) = −ln(1 − v)（v < 0）；");
    aics_result_note(r, "f'(v) = 1（v ≥ 0），f'(v) = 1/(1 − v)（v < 0）。");
    aics_result_double(r, "loglu.fprime_left_of_0", loglu_prime(-1e-12), "f'(0⁻)");
    aics_result_double(r, "loglu.fprime_right_of_0", loglu_prime(0), "f'(0⁺)");
    aics_result_double(r, "loglu.max_err.dual", err_dual, "最大 |对偶数 − 闭式|");
    aics_result_double(r, "loglu.max_err.numeric", err_num, "最大 |中心差分 − 闭式|");
    bool ok = err_dual <= 1e-12 && err_num <= 1e-8 && fabs(loglu_prime(-1e-12) - 1) < 1e-11;
    aics_result_word(r, "loglu.check", ok ? "pass" : "fail", "三种方法一致，导数在 0 处连续");
}

static void draw_figure(aics_plot *p)
{
    static const aics_plot_fn curves[] = {loglu, loglu_prime, sigmoid_prime, tanh_prime, relu_prime};
    aics_plot_begin(p, "ex2_10_loglu", 960, 540);
    aics_plot_functions(p, "L", -6, 6, 241, curves, 5);
    aics_plot_axes_set(p, &(aics_plot_axes){.xlabel = "v", .yrange = "-2.2:2.2", .key = "left top"});
    aics_plot_cmd(p, "plot $L using 1:2 with lines lw 3 title 'LogLU f(v)', "
                     "$L using 1:3 with lines lw 3 dt 2 title \"LogLU f'(v)\", "
                     "$L using 1:4 with lines lw 2 title \"sigmoid'\", "
                     "$L using 1:5 with lines lw 2 title \"tanh'\", "
                     "$L using 1:6 with steps lw 2 dt 3 title \"ReLU'\"");
    aics_plot_end(p);
}

static void report(aics_result *r, const aics_run *run)
{
    (void)run;
    report_check(r);
    report_compare(r);
}

AICS_MAIN(.name = "ex2_10", .exercise = "2.10", .convention = "closed-form-vs-dual-vs-central",
          .summary = "习题 2.10：不同激活函数的梯度比较；设计新激活函数 LogLU 并用三种方法核对其梯度。",
          .details = "约定：导数在 [−6, 6] 的 1201 个点上比较；LogLU 的梯度用闭式、对偶数、中心差分核对。",
          .report = report, .draw = draw_figure)
