/* ex2_9.c — exercise 2.9: what does a momentum term α ∈ [0, 1] do to the
 * weight updates, and what does α ∈ [−1, 0] do?
 *
 * Gradient descent with momentum (the heavy ball) on an ill-conditioned
 * quadratic f(x) = ½(λ₁x₁² + λ₂x₂²), λ₁ = 1, λ₂ = 25:
 *     v ← α·v − η·∇f(x),   x ← x + v,        η = 0.05, x₀ = (1, 1), v₀ = 0.
 * Along each eigen-direction the iteration is linear, with characteristic
 * polynomial z² − (1 + α − ηλ)·z + α; the asymptotic convergence rate is the
 * largest root modulus over both directions (theory). The program measures the
 * rate from the simulated trajectory, (‖x_K‖/‖x_{K−W}‖)^(1/W), and checks the
 * two agree. It also reports the stability condition ηλ < 2(1 + α).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "momentum.h"
#include "plot.h"
#include "program.h"

#define LAMBDA1 1.0
#define LAMBDA2 25.0
#define ETA 0.05
#define STEPS 400
#define WINDOW 100
#define TOL 1e-6

static const double alphas[] = {-0.5, -0.2, 0.0, 0.3, 0.6, 0.9};
#define NALPHA (sizeof alphas / sizeof *alphas)

static double rate_theory(double alpha)
{
    return fmax(aics_momentum_root_modulus(alpha, ETA, LAMBDA1), aics_momentum_root_modulus(alpha, ETA, LAMBDA2));
}

/* Run the heavy ball; path gets STEPS+1 points (x₁, x₂) and norms ‖x‖ after each step. */
static void simulate(double alpha, double path[][2], double *norms)
{
    double x[2] = {1, 1}, v[2] = {0, 0};
    const double lambda[2] = {LAMBDA1, LAMBDA2};
    path[0][0] = x[0], path[0][1] = x[1], norms[0] = hypot(x[0], x[1]);
    for (int k = 1; k <= STEPS; k++) {
        aics_momentum_step(x, v, lambda, 2, alpha, ETA);
        path[k][0] = x[0], path[k][1] = x[1], norms[k] = hypot(x[0], x[1]);
    }
}

static void alpha_key(double alpha, const char *field, char *out, size_t n)
{
    char a[16];
    snprintf(a, sizeof a, "%g", fabs(alpha));
    for (char *p = a; *p; p++)
        if (*p == '.') *p = '_';
    snprintf(out, n, "alpha_%s%s.%s", alpha < 0 ? "neg" : "", a, field);
}

static double paths[NALPHA][STEPS + 1][2];

/* One α's run: the measured rate (NaN when it diverged) and the first step below TOL (−1 if none). */
static double measure(size_t i, int *reach)
{
    double norms[STEPS + 1];
    simulate(alphas[i], paths[i], norms);
    *reach = -1;
    for (int k = 0; k <= STEPS; k++)
        if (norms[k] < TOL) { *reach = k; break; }
    if (!(norms[STEPS] < 1e3)) return NAN;
    return pow(norms[STEPS] / norms[STEPS - WINDOW], 1.0 / WINDOW);
}

static bool agrees(double theory, double measured)
{
    return isnan(measured) ? theory > 1 : fabs(measured - theory) <= 0.01 * theory;
}

static void report_answer(aics_result *r, bool agree)
{
    double best = 0, best_rate = 2;
    for (int k = -99; k < 100; k++) {
        double a = k / 100.0, rate = rate_theory(a);
        if (rate < best_rate) best_rate = rate, best = a;
    }
    aics_result_part_show(r, "answer", "动量系数 α 的影响", AICS_SHOW_ANSWER);
    aics_result_note(r, "α ∈ [0,1)：累积方向一致的梯度、抑制振荡；合适的 α 收敛更快，太接近 1 反而振荡变慢。");
    aics_result_note(r, "α ∈ [−1,0)：相当于刹车，步长变小，稳定区间 ηλ < 2(1+α) 变窄，更易发散。");
    aics_result_word(r, "theory.check", agree ? "pass" : "fail", "模拟速率与理论相差不到 1%");
    aics_result_double(r, "best_alpha", best, "本例理论上最快的 α（步长 0.01 搜索）");
    aics_result_double(r, "best_rate", best_rate, "它的速率（每步误差缩小的倍数）");
    aics_result_double(r, "alpha_min_stable", ETA * LAMBDA2 / 2 - 1, "稳定所需 α 的下限 ηλ₂/2 − 1");
    /* The verdicts the page states, from the theoretical rates (checked against the runs). */
    aics_result_kv_only(r, true);
    aics_result_int(r, "verdict.alpha_0_6_faster_than_plain", rate_theory(0.6) < rate_theory(0.0),
                    "α = 0.6 比不加动量（α = 0）收敛快");
    aics_result_int(r, "verdict.alpha_0_9_slower_than_0_6", rate_theory(0.9) > rate_theory(0.6),
                    "α = 0.9 比 α = 0.6 收敛慢");
    aics_result_int(r, "verdict.alpha_neg0_2_slower_than_plain", rate_theory(-0.2) > rate_theory(0.0),
                    "α = −0.2 比不加动量收敛慢");
    aics_result_kv_only(r, false);
}

static void report_rates(aics_result *r)
{
    aics_result_part_show(r, "rates", "各 α 的收敛速率：理论与模拟", AICS_SHOW_BRIEF);
    aics_result_note(r, "f = ½(x₁² + 25x₂²)，η = 0.05，从 (1, 1) 出发；速率越小收敛越快，≥ 1 则发散。");
    aics_table *t = aics_result_table(r, "rrrrl",
        (const char *const[]){"α", "理论速率", "实测速率", "到 1e-6 的步数", "稳定"});
    for (size_t i = 0; i < NALPHA; i++) {
        int reach;
        double a = alphas[i], theory = rate_theory(a), measured = measure(i, &reach);
        bool diverged = isnan(measured);
        aics_table_cell(t, "%g", a);
        aics_table_cell(t, "%.4f", theory);
        aics_table_cell(t, diverged ? "发散" : "%.4f", measured);
        aics_table_cell(t, reach < 0 ? "—" : "%d", reach);
        aics_table_cell(t, "%s", ETA * LAMBDA2 < 2 * (1 + a) ? "是" : "否");
        char key[48];
        aics_result_kv_only(r, true);
        alpha_key(a, "rate_theory", key, sizeof key);
        aics_result_double(r, key, theory, NULL);
        alpha_key(a, diverged ? "diverged" : "rate_measured", key, sizeof key);
        if (diverged) aics_result_int(r, key, 1, NULL);
        else aics_result_double(r, key, measured, NULL);
        alpha_key(a, "steps_to_1e_6", key, sizeof key);
        if (reach >= 0) aics_result_int(r, key, reach, NULL);
        aics_result_kv_only(r, false);
    }
}

static void report(aics_result *r, const aics_run *run)
{
    (void)run;
    bool agree = true;
    for (size_t i = 0; i < NALPHA; i++) {
        int reach;
        agree = agree && agrees(rate_theory(alphas[i]), measure(i, &reach));
    }
    report_answer(r, agree);
    report_rates(r);
}

static void draw_paths(aics_plot *p)
{
    static const int shown[] = {1, 2, 4, 5}; /* −0.2, 0, 0.6, 0.9 */
    aics_plot_begin(p, "ex2_9_paths", 960, 600);
    aics_plot_axes_set(p, &(aics_plot_axes){.xlabel = "x₁（平缓方向，λ₁ = 1）", .ylabel = "x₂（陡峭方向，λ₂ = 25）",
                                            .xrange = "-0.6:1.05", .yrange = "-1.05:1.05", .key = "right top"});
    char plot[1024] = "plot ";
    for (size_t i = 0; i < sizeof shown / sizeof *shown; i++) {
        char block[8];
        snprintf(block, sizeof block, "P%zu", i);
        aics_plot_data(p, block, &paths[shown[i]][0][0], 60, 2);
        size_t len = strlen(plot);
        snprintf(plot + len, sizeof plot - len, "%s$%s using 1:2 with linespoints lw 2 ps 0.8 title 'α = %g'",
                 i ? ", " : "", block, alphas[shown[i]]);
    }
    aics_plot_cmd(p, "%s", plot);
    aics_plot_end(p);
}

static void draw_rates(aics_plot *p)
{
    enum { N = 191 };
    static double rows[N][2];
    for (int i = 0; i < N; i++) {
        double a = -0.9 + 1.89 * i / (N - 1);
        rows[i][0] = a, rows[i][1] = rate_theory(a);
    }
    aics_plot_begin(p, "ex2_9_rates", 960, 540);
    aics_plot_data(p, "R", &rows[0][0], N, 2);
    aics_plot_axes_set(p, &(aics_plot_axes){.xlabel = "动量系数 α", .ylabel = "收敛速率（每步误差缩小的倍数）",
                                            .yrange = "0:1.5"});
    aics_plot_cmd(p, "set arrow from -0.9,1 to 0.99,1 nohead dt 2 lc 'red'");
    aics_plot_cmd(p, "plot $R using 1:2 with lines lw 3 title '理论：特征根的最大模'");
    aics_plot_end(p);
}

static void draw(aics_plot *p)
{
    draw_paths(p);
    draw_rates(p);
}

AICS_MAIN(.name = "ex2_9", .exercise = "2.9", .convention = "heavy-ball-eta0.05-lambda-1-25",
          .summary = "习题 2.9：动量项 α ∈ [0,1] 与 α ∈ [−1,0] 对权重更新的影响（病态二次函数上的模拟与理论）。",
          .details = "约定：v ← αv − η∇f，x ← x + v；f = ½(x₁² + 25x₂²)，η = 0.05，x₀ = (1, 1)；\n"
                     "速率 = 特征多项式 z² − (1+α−ηλ)z + α 的最大根模，实测取最后 100 步的几何平均。",
          .report = report, .draw = draw)
