/* ex2_7.c — exercises 2.6 and 2.7: the derivatives of sigmoid and of
 * φ(v) = v/√(1+v²), and their values at the origin.
 *
 * Each derivative is computed three independent ways on a grid over [−6, 6]:
 *   1. the closed form derived by hand: σ' = σ(1−σ), φ' = (1+v²)^(−3/2);
 *   2. forward-mode automatic differentiation (dual numbers, src/models/dual.h),
 *      which applies the chain rule to the function as written;
 *   3. central differences (f(v+h) − f(v−h)) / 2h with h = ∛ε·max(1,|v|).
 * The program reports the largest disagreement of (2) and (3) with (1), and
 * the a-priori error bound of (3), so the closed forms are checked twice.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>

#include "dual.h"
#include "plot.h"
#include "program.h"

#define GRID_MIN (-6.0)
#define GRID_MAX 6.0
#define GRID_POINTS 1201 /* step 0.01 */

// ANCHOR: closed_form
static double sigmoid(double v) { return 1.0 / (1.0 + exp(-v)); }
static double sigmoid_prime(double v)
{
    double s = sigmoid(v);
    return s * (1.0 - s); /* σ' = σ(1 − σ) */
}

static double phi(double v) { return v / sqrt(1.0 + v * v); }
static double phi_prime(double v)
{
    return pow(1.0 + v * v, -1.5); /* φ' = (1 + v²)^(−3/2) */
}
// ANCHOR_END: closed_form

// ANCHOR: dual
/* φ written exactly as defined; the dual numbers differentiate it. */
static aics_dual phi_dual(aics_dual v)
{
    aics_dual one_plus_v2 = aics_dual_add_const(aics_dual_mul(v, v), 1.0);
    return aics_dual_div(v, aics_dual_sqrt(one_plus_v2));
}
// ANCHOR_END: dual

// ANCHOR: central
/* Truncation error is h²/6·|f'''| and rounding error about ε·|f|/h; the sum
 * is smallest near h = ∛ε, scaled with |v| so that v ± h stays exact-ish. */
static double central_step(double v) { return cbrt(DBL_EPSILON) * fmax(1.0, fabs(v)); }

static double central_diff(double (*f)(double), double v)
{
    double h = central_step(v);
    volatile double up = v + h, down = v - h; /* the step actually taken */
    return (f(up) - f(down)) / (up - down);
}
// ANCHOR_END: central

typedef struct {
    const char *key;  /* "sigmoid" or "phi" */
    const char *name; /* for labels */
    double (*f)(double);
    double (*closed)(double);
    aics_dual (*dual)(aics_dual);
    double max_f, max_f3; /* sup |f| and sup |f'''| on the grid, for the bound */
} function;

static const function functions[] = {
    {"sigmoid", "σ", sigmoid, sigmoid_prime, aics_dual_sigmoid, 1.0, 0.125},
    {"phi", "φ", phi, phi_prime, phi_dual, 1.0, 3.0},
};

static double grid_point(int i)
{
    return GRID_MIN + (GRID_MAX - GRID_MIN) * i / (GRID_POINTS - 1);
}

static void report_origin(aics_result *r)
{
    aics_result_part(r, "origin", "在原点的值");
    aics_result_double(r, "sigmoid.value_at_0", sigmoid(0.0), "σ(0)");
    aics_result_double(r, "sigmoid.dphi_at_0", sigmoid_prime(0.0), "σ'(0) = σ(0)(1−σ(0))");
    aics_result_double(r, "phi.value_at_0", phi(0.0), "φ(0)");
    aics_result_double(r, "phi.dphi_at_0", phi_prime(0.0), "φ'(0) = (1+0)^(−3/2)");
}

static void report_table(aics_result *r)
{
    static const double points[] = {-4, -2, -1, 0, 1, 2, 4};
    aics_result_part(r, "table", "若干点上的函数值与导数");
    aics_table *t = aics_result_table(r, "rrrrrrr",
        (const char *const[]){"v", "σ(v)", "σ'(v)", "φ(v)", "φ'(v)", "tanh(v)", "tanh'(v)"});
    for (size_t i = 0; i < sizeof points / sizeof *points; i++) {
        double v = points[i], th = tanh(v);
        aics_table_cell(t, "%g", v);
        aics_table_cell(t, "%.6f", sigmoid(v));
        aics_table_cell(t, "%.6f", sigmoid_prime(v));
        aics_table_cell(t, "%.6f", phi(v));
        aics_table_cell(t, "%.6f", phi_prime(v));
        aics_table_cell(t, "%.6f", th);
        aics_table_cell(t, "%.6f", 1.0 - th * th);
    }
}

/* Largest |method − closed form| over the grid, for one function; true when
 * both methods agree with it within their bounds. */
static bool check_function(aics_result *r, const function *fn)
{
    double err_dual = 0.0, err_num = 0.0, h_max = 0.0;
    for (int i = 0; i < GRID_POINTS; i++) {
        double v = grid_point(i), exact = fn->closed(v);
        err_dual = fmax(err_dual, fabs(fn->dual(aics_dual_var(v)).d - exact));
        err_num = fmax(err_num, fabs(central_diff(fn->f, v) - exact));
        h_max = fmax(h_max, central_step(v));
    }
    double h0 = central_step(0.0);
    /* The bound at the worst point: truncation uses the largest step, rounding the smallest. */
    double bound = h_max * h_max / 6.0 * fn->max_f3 + DBL_EPSILON * fn->max_f / h0;
    char key[64], label[96];
    snprintf(key, sizeof key, "%s.max_err.dual", fn->key);
    snprintf(label, sizeof label, "max |%s'_dual − %s'_closed|", fn->name, fn->name);
    aics_result_double(r, key, err_dual, label);
    snprintf(key, sizeof key, "%s.max_err.numeric", fn->key);
    snprintf(label, sizeof label, "max |%s'_central − %s'_closed|", fn->name, fn->name);
    aics_result_double(r, key, err_num, label);
    snprintf(key, sizeof key, "%s.numeric_bound", fn->key);
    snprintf(label, sizeof label, "中心差分误差上界（%s）", fn->name);
    aics_result_double(r, key, bound, label);
    snprintf(key, sizeof key, "%s.check", fn->key);
    snprintf(label, sizeof label, "%s' 三种方法一致", fn->name);
    bool pass = err_dual <= 1e-12 && err_num <= bound;
    aics_result_word(r, key, pass ? "pass" : "fail", label);
    return pass;
}

static bool report_checks(aics_result *r)
{
    aics_result_part(r, "check", "三种方法的对照");
    aics_result_note(r, "网格：[%g, %g] 上 %d 个点；中心差分步长 h = ∛ε·max(1,|v|) ≈ %.3g·max(1,|v|)。",
                     GRID_MIN, GRID_MAX, GRID_POINTS, cbrt(DBL_EPSILON));
    aics_result_int(r, "grid.points", GRID_POINTS, "网格点数");
    bool all = true;
    for (size_t i = 0; i < sizeof functions / sizeof *functions; i++) all &= check_function(r, &functions[i]);
    return all;
}

/* The answer first: both derivatives and their values at 0, then how they
 * were checked. Facts only: kv holds the same numbers under origin's keys. */
static void report_answer(aics_result *r, bool checked)
{
    aics_result_part_show(r, "answer", "σ（习题 2.6）与 φ（习题 2.7）的导数及在原点的值", AICS_SHOW_ANSWER);
    aics_result_fact(r, "σ(v) = 1/(1+e^(−v))", "σ'(v) = σ(v)(1−σ(v))，σ'(0) = %g", sigmoid_prime(0.0));
    aics_result_fact(r, "φ(v) = v/√(1+v²)", "φ'(v) = (1+v²)^(−3/2)，φ'(0) = %g", phi_prime(0.0));
    aics_result_note(r, "核对：对偶数（自动微分）与中心差分在 [%g, %g] 的 %d 个点上与闭式%s。",
                     GRID_MIN, GRID_MAX, GRID_POINTS, checked ? "一致" : "不一致（见 --detail）");
    aics_result_part_show(r, "brief", "说明", AICS_SHOW_BRIEF);
    aics_result_note(r, "σ' 用链式法则：σ = (1+e^(−v))^(−1)，σ' = e^(−v)/(1+e^(−v))² = σ(1−σ)；"
                        "σ(0) = %g，所以 σ'(0) = %g × %g = %g。φ = v·(1+v²)^(−1/2)，乘积法则给出 "
                        "φ' = (1+v²)^(−1/2) − v²(1+v²)^(−3/2) = (1+v²)^(−3/2)，在 0 处为 %g。",
                     sigmoid(0.0), sigmoid(0.0), 1.0 - sigmoid(0.0), sigmoid_prime(0.0), phi_prime(0.0));
}

static void report_saturation(aics_result *r)
{
    aics_result_part(r, "saturation", "φ 与 tanh 的饱和速度");
    aics_result_double(r, "phi.gap_at_3", 1.0 - phi(3.0), "1 − φ(3)");
    aics_result_double(r, "tanh.gap_at_3", 1.0 - tanh(3.0), "1 − tanh(3)");
    aics_result_double(r, "phi.gap_at_6", 1.0 - phi(6.0), "1 − φ(6)");
    aics_result_double(r, "tanh.gap_at_6", 1.0 - tanh(6.0), "1 − tanh(6)");
}

/* ---- whose gradient is larger: φ' against σ' and tanh' ---------------------- */

#define CROSS_MAX 20.0   /* v searched on (0, 20]; beyond, φ' wins by e^v/v³ */
#define CROSS_STEP 1e-3
#define MAX_CROSS 4

static double tanh_prime(double v) { return 1.0 - tanh(v) * tanh(v); }

/* The v in (0, CROSS_MAX] where φ'(v) − g'(v) changes sign, by a scan and
 * bisection (all three derivatives are even, so |v| is enough). */
static int crossings(double (*g)(double), double *at)
{
    int n = 0;
    double lo = CROSS_STEP, dlo = phi_prime(lo) - g(lo);
    for (long k = 2; k * CROSS_STEP <= CROSS_MAX; k++) {
        double hi = k * CROSS_STEP, dhi = phi_prime(hi) - g(hi);
        if ((dlo < 0) != (dhi < 0) && n < MAX_CROSS) {
            double a = lo, b = hi;
            for (int it = 0; it < 60; it++) {
                double m = 0.5 * (a + b);
                if (((phi_prime(m) - g(m)) < 0) == (dlo < 0)) a = m;
                else b = m;
            }
            at[n++] = 0.5 * (a + b);
        }
        lo = hi, dlo = dhi;
    }
    return n;
}

static void report_crossings(aics_result *r, const char *name, const char *label, double (*g)(double))
{
    double at[MAX_CROSS];
    int n = crossings(g, at);
    char key[64], text[160];
    snprintf(key, sizeof key, "phi_vs_%s.crossings", name);
    snprintf(text, sizeof text, "0 < |v| ≤ %g 上 φ' 与 %s 的交点个数", CROSS_MAX, label);
    aics_result_int(r, key, n, text);
    for (int i = 0; i < n; i++) {
        snprintf(key, sizeof key, "phi_vs_%s.cross_%d", name, i + 1);
        snprintf(text, sizeof text, "φ' 与 %s 的第 %d 个交点 |v|", label, i + 1);
        aics_result_double(r, key, at[i], text);
    }
    snprintf(key, sizeof key, "phi_vs_%s.dphi_larger_above", name);
    snprintf(text, sizeof text, "|v| 大于此值时 φ' > %s（最后一个交点）", label);
    aics_result_double(r, key, n ? at[n - 1] : 0.0, text);
}

static void report_gradients(aics_result *r)
{
    aics_result_part(r, "gradients", "谁的梯度更大：φ' 与 σ'、tanh'");
    aics_result_note(r, "在 $0<|v|\\le %g$ 上以步长 %g 扫描 $\\varphi'(v)-g'(v)$ 的符号，每个变号处二分 60 次；"
                     "三个导数都是偶函数，只看 $|v|$。最后一个交点之外 $\\varphi'$ 更大，"
                     "且 $\\varphi'/\\sigma'\\sim e^{|v|}/|v|^3$ 随 $|v|$ 无界增长。", CROSS_MAX, CROSS_STEP);
    report_crossings(r, "sigmoid", "σ'", sigmoid_prime);
    report_crossings(r, "tanh", "tanh'", tanh_prime);
    aics_result_double(r, "dphi_at_4", phi_prime(4.0), "φ'(4)");
    aics_result_double(r, "dsigmoid_at_4", sigmoid_prime(4.0), "σ'(4)");
}

static void draw_figure(aics_plot *p)
{
    static const aics_plot_fn curves[] = {phi, phi_prime, sigmoid, sigmoid_prime, tanh};
    aics_plot_begin(p, "ex2_7_functions", 720, 440);
    aics_plot_functions(p, "F", GRID_MIN, GRID_MAX, 241, curves, 5);
    aics_plot_axes_set(p, &(aics_plot_axes){.xlabel = "v", .yrange = "-1.1:1.1", .key = "below"});
    aics_plot_cmd(p, "plot $F using 1:2 with lines lw 2 title 'φ(v) = v/√(1+v²)', "
                     "$F using 1:3 with lines lw 2 dt 2 title \"φ'(v)\", "
                     "$F using 1:4 with lines lw 2 title 'σ(v)', "
                     "$F using 1:5 with lines lw 2 dt 2 title \"σ'(v)\", "
                     "$F using 1:6 with lines lw 1 dt 3 lc 'black' title 'tanh(v)'");
    aics_plot_end(p);
}

static void report(aics_result *r, const aics_run *run)
{
    (void)run;
    report_origin(r);
    report_table(r);
    bool checked = report_checks(r);
    report_saturation(r);
    report_gradients(r);
    report_answer(r, checked);
}

AICS_MAIN(.name = "ex2_7", .exercise = "2.7", .convention = "closed-form-vs-dual-vs-central",
          .summary = "习题 2.6 与 2.7：sigmoid 与 φ(v) = v/√(1+v²) 的导数及其在原点的值，用三种方法核对。",
          .details = "约定：导数取手推的闭式，在 [−6, 6] 上 1201 个点与对偶数（自动微分）和中心差分对照。\n"
                     "--format=kv 的键见 docs/results.md。",
          .report = report, .draw = draw_figure)
