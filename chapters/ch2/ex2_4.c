/* ex2_4.c — exercise 2.4: draw five activation functions in one coordinate
 * system and compare their ranges.
 *
 * The five of chapter 2: sigmoid, tanh, ReLU, Leaky ReLU (slope α = 0.1 below
 * zero, drawn large enough to see; 0.01 is common in practice) and ELU
 * (α = 1). The range of each is stated by hand in the table below and checked
 * on a grid: every value on [−40, 40] must lie inside it, and the values at
 * the ends must come within 1e-9 of each finite bound (or pass a large value
 * for an unbounded side).
 */
#include <float.h>
#include <math.h>
#include <stdio.h>

#include "plot.h"
#include "program.h"

#define LEAKY_ALPHA 0.1
#define ELU_ALPHA 1.0
#define GRID 8001
#define SPAN 40.0

static double sigmoid(double v) { return 1.0 / (1.0 + exp(-v)); }
static double relu(double v) { return v > 0 ? v : 0.0; }
static double leaky(double v) { return v > 0 ? v : LEAKY_ALPHA * v; }
static double elu(double v) { return v > 0 ? v : ELU_ALPHA * expm1(v); }

typedef struct {
    const char *key, *name, *formula, *range;
    double (*f)(double);
    double lo, hi;          /* the range's ends; ±HUGE_VAL when unbounded */
    bool lo_closed;         /* the lower end is attained (ReLU's 0) */
} activation;

static const activation acts[] = {
    {"sigmoid", "sigmoid", "1/(1+e^(−v))", "(0, 1)", sigmoid, 0, 1, false},
    {"tanh", "tanh", "(e^v−e^(−v))/(e^v+e^(−v))", "(−1, 1)", tanh, -1, 1, false},
    {"relu", "ReLU", "max(0, v)", "[0, +∞)", relu, 0, HUGE_VAL, true},
    {"leaky_relu", "Leaky ReLU", "v>0 ? v : 0.1v", "(−∞, +∞)", leaky, -HUGE_VAL, HUGE_VAL, false},
    {"elu", "ELU", "v>0 ? v : e^v − 1", "(−1, +∞)", elu, -ELU_ALPHA, HUGE_VAL, false},
};
#define NACT (sizeof acts / sizeof *acts)

/* Every grid value inside the stated range, and the ends approaching it. */
static bool range_holds(const activation *a, double *min, double *max)
{
    bool inside = true;
    *min = HUGE_VAL, *max = -HUGE_VAL;
    for (int i = 0; i < GRID; i++) {
        double v = -SPAN + 2 * SPAN * i / (GRID - 1), y = a->f(v);
        *min = fmin(*min, y), *max = fmax(*max, y);
        bool above = a->lo_closed ? y >= a->lo : (y > a->lo || (isfinite(a->lo) && y - a->lo < 1e-15));
        inside = inside && above && y <= a->hi;
    }
    /* A bound approached in the limit may be reached in floating point (sigmoid(40) rounds to 1). */
    bool lo_ok = isfinite(a->lo) ? fabs(*min - a->lo) < 1e-9 : *min < -1;
    bool hi_ok = isfinite(a->hi) ? fabs(*max - a->hi) < 1e-9 : *max > SPAN / 2;
    return inside && lo_ok && hi_ok;
}

static double central(double (*f)(double), double v)
{
    double h = cbrt(DBL_EPSILON);
    return (f(v + h) - f(v - h)) / (2 * h);
}

static void report(aics_result *r, const aics_run *run)
{
    (void)run;
    aics_result_part_show(r, "answer", "五种激活函数的值域", AICS_SHOW_ANSWER);
    aics_table *t = aics_result_table(r, "llrrll",
        (const char *const[]){"函数", "值域", "f(0)", "f'(0)", "有负输出", "有界"});
    bool all = true;
    for (size_t i = 0; i < NACT; i++) {
        const activation *a = &acts[i];
        double mn, mx;
        bool ok = range_holds(a, &mn, &mx);
        all = all && ok;
        /* ReLU-type functions have a kink at 0: f'(0) is the average of the one-sided slopes there. */
        double d0 = central(a->f, 0.0);
        aics_table_cell(t, "%s", a->name);
        aics_table_cell(t, "%s", a->range);
        aics_table_cell(t, "%g", a->f(0.0));
        aics_table_cell(t, "%.3g", d0);
        aics_table_cell(t, "%s", mn < 0 ? "是" : "否");
        aics_table_cell(t, "%s", isfinite(a->lo) && isfinite(a->hi) ? "两侧" : isfinite(a->lo) ? "下方" : "否");
        char key[48];
        aics_result_kv_only(r, true);
        snprintf(key, sizeof key, "%s.min_on_grid", a->key);
        aics_result_double(r, key, mn, NULL);
        snprintf(key, sizeof key, "%s.max_on_grid", a->key);
        aics_result_double(r, key, mx, NULL);
        snprintf(key, sizeof key, "%s.value_at_0", a->key);
        aics_result_double(r, key, a->f(0.0), NULL);
        aics_result_kv_only(r, false);
    }
    aics_result_note(r, "f'(0) 用中心差分求；ReLU 类函数在 0 处不可导，差分给出两侧斜率的平均。");
    aics_result_word(r, "range.check", all ? "pass" : "fail", "值域与 [−40, 40] 上的取值相符");
}

static void draw_figure(aics_plot *p)
{
    aics_plot_fn curves[NACT];
    for (size_t k = 0; k < NACT; k++) curves[k] = acts[k].f;
    aics_plot_begin(p, "ex2_4_activations", 960, 600);
    aics_plot_functions(p, "A", -4, 4, 401, curves, NACT);
    aics_plot_axes_set(p, &(aics_plot_axes){.xlabel = "v", .ylabel = "f(v)", .yrange = "-1.5:3", .key = "left top"});
    aics_plot_cmd(p, "set xzeroaxis lt -1");
    aics_plot_cmd(p, "set yzeroaxis lt -1");
    aics_plot_cmd(p, "plot $A using 1:2 with lines lw 3 title 'sigmoid', "
                     "$A using 1:3 with lines lw 3 title 'tanh', "
                     "$A using 1:4 with lines lw 3 title 'ReLU', "
                     "$A using 1:5 with lines lw 3 dt 2 title 'Leaky ReLU（α = 0.1）', "
                     "$A using 1:6 with lines lw 3 dt 4 title 'ELU（α = 1）'");
    aics_plot_end(p);
}

AICS_MAIN(.name = "ex2_4", .exercise = "2.4", .convention = "leaky-alpha-0.1-elu-alpha-1",
          .summary = "习题 2.4：在同一坐标系内画出五种激活函数并比较取值范围。",
          .details = "约定：Leaky ReLU 取 α = 0.1（便于看清），ELU 取 α = 1；值域在 [−40, 40] 的 8001 个点上核对。",
          .report = report, .draw = draw_figure)
