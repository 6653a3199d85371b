/* regfit.c — the fit and path subcommands: penalized least squares on a CSV. */
#include "regfit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdnoreturn.h>
#include <string.h>

#include "design.h"
#include "error.h"
#include "linreg.h"
#include "plot.h"
#include "program.h"

/* The subcommands' options, in one place. */
static struct {
    const char *data, *target, *penalty;
    double lambda, ratio;
    int64_t points;
    bool standardize;
} opt = {NULL, NULL, NULL, -1.0, 1e-4, 100, false};

static const char convention[] = "half-mse-plus-penalty-unpenalized-intercept";

static aics_penalty parse_penalty(const char *s)
{
    if (!s) aics_die_usage("--penalty is required (l1 or l2)");
    if (strcmp(s, "l1") == 0) return AICS_PENALTY_L1;
    if (strcmp(s, "l2") != 0) aics_die_usage("--penalty expects l1 or l2, not '%s'", s);
    return AICS_PENALTY_L2;
}

/* Solve one fit; exits 2 when the design cannot be solved as asked. */
static aics_lasso_info solve(const aics_linreg *p, aics_penalty pen, double lambda, double *w,
                             const char *path)
{
    aics_lasso_info info = {0, true, false};
    memset(w, 0, p->d * sizeof *w);
    if (pen == AICS_PENALTY_L2 || lambda == 0.0) {
        if (!aics_ridge_cholesky(p, lambda, w))
            aics_die_data(path, 0, 0, "the feature columns are collinear (or constant), so least squares "
                          "has no unique solution; use --penalty l2 with --lambda > 0");
        return info;
    }
    return aics_lasso_cd(p, lambda, w, AICS_REGFIT_TOL, AICS_REGFIT_SWEEPS);
}

/* Exit 2 unless every number about to be reported is finite (data near the
 * limits of double precision can overflow the Gram matrix). */
static void require_finite(const char *path, const double *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isfinite(v[i]))
            aics_die_data(path, 0, 0, "the fit overflowed: the values are too large for double precision; "
                          "rescale the data or use --standardize");
}

/* The lasso stalls on data, not on a bug: nearly collinear columns or
 * scales far apart make coordinate descent crawl. Exit 2 with a hint. */
static noreturn void not_converged(const char *path, long sweeps)
{
    aics_die_data(path, 0, 0, "the lasso did not converge in %ld coordinate-descent sweeps: feature columns "
                  "nearly collinear or on very different scales; try --standardize, a larger --lambda "
                  "or --penalty l2", sweeps);
}

/* Parse the command line, read the design and set up the problem. */
static aics_penalty start(aics_run *run, const aics_program *prog, int argc, char **argv,
                          aics_design *dz, aics_linreg *p)
{
    aics_run_init(run, prog, argc, argv);
    if (!opt.data) aics_die_usage("--data FILE is required");
    if (!opt.target) aics_die_usage("--target COLUMN is required");
    aics_penalty pen = parse_penalty(opt.penalty);
    if (opt.lambda < 0.0) aics_die_usage("--lambda X is required (X ≥ 0)");
    aics_design_load(opt.data, opt.target, opt.standardize, dz);
    aics_linreg_init(p, dz->x, dz->y, dz->n, dz->d);
    require_finite(opt.data, p->gram, dz->d * dz->d);
    require_finite(opt.data, p->xty, dz->d);
    return pen;
}

/* ---- fit ------------------------------------------------------------------- */

static const aics_opt fit_opts[] = {
    {"data", AICS_OPT_STRING, &opt.data, "FILE", "CSV 文件：一行表头，其余全是数（必填）"},
    {"target", AICS_OPT_STRING, &opt.target, "COLUMN", "目标列的名字，其余各列都是特征（必填）"},
    {"penalty", AICS_OPT_STRING, &opt.penalty, "l1|l2", "lasso（l1）或岭回归（l2）（必填）"},
    {"lambda", AICS_OPT_DOUBLE, &opt.lambda, "X", "惩罚系数 λ，0 即普通最小二乘", AICS_RANGE_CLOSED, 0, 1e300,
     .default_text = "无（必填）"},
    {"standardize", AICS_OPT_FLAG, &opt.standardize, NULL, "先把每个特征列标准化（均值 0、总体标准差 1）"},
    {NULL},
};

static const char fit_details[] =
    "目标函数：F(b,w) = (1/2n)∑(y − b − xᵀw)² + P(w)，P = (λ/2)‖w‖²（l2）或 λ‖w‖₁（l1）；\n"
    "截距 b 不受惩罚。--standardize 把每个特征列标准化（均值 0、总体标准差 1），目标列不变，\n"
    "系数按拟合所用的空间报告。\n"
    "--format=kv 的键：intercept、每个特征列的 w.<列>、objective、iterations（l1 且 λ > 0 时\n"
    "为坐标下降的轮数；l2 与 λ = 0 用 Cholesky 直接求解，为 0）、solver、optimality（由数据\n"
    "算出的最优性条件的最大违背量）。列名变成键时转为小写，[a-z0-9_] 以外的字符换成 _，\n"
    "与前面重复的再加上 _<列号>。lasso 在一轮更新中所有预测值的变化都小于 1e-12·sd(y)\n"
    "时停止，或在活跃集上精确求解并满足最优性条件时提前停止。\n"
    "CSV 有错时以“文件:行:列: 说明”报错，退出码为 2。";

/* Every number of a fit, kv only (the facts and the table show them). */
static void fit_kv(aics_result *r, const aics_design *dz, const aics_linreg *p, aics_penalty pen,
                   const double *w, aics_lasso_info info, double worst)
{
    bool direct = pen == AICS_PENALTY_L2 || opt.lambda == 0.0;
    aics_result_kv_only(r, true);
    aics_result_int(r, "n", (int64_t)dz->n, "行数");
    aics_result_int(r, "d", (int64_t)dz->d, "特征列数");
    aics_result_word(r, "penalty", pen == AICS_PENALTY_L1 ? "l1" : "l2", "惩罚");
    aics_result_double(r, "lambda", opt.lambda, "λ");
    aics_result_word(r, "standardized", opt.standardize ? "yes" : "no", "特征已标准化");
    aics_result_double(r, "intercept", aics_linreg_intercept(p, w), "截距 b");
    for (size_t j = 0; j < dz->d; j++) {
        char key[300];
        snprintf(key, sizeof key, "w.%s", dz->keys[j]);
        aics_result_double(r, key, w[j], dz->names[j]);
    }
    aics_result_double(r, "objective", aics_linreg_objective(p, pen, opt.lambda, w), "目标函数值 F(b, w)");
    aics_result_int(r, "iterations", info.sweeps, "坐标下降的轮数");
    aics_result_word(r, "solver", direct ? "cholesky" : "coordinate_descent", "解法");
    aics_result_double(r, "optimality", worst, "最优性条件的最大违背量");
    aics_result_kv_only(r, false);
}

/* The answer block holds at most 15 lines: with more than FIT_ALL feature
 * columns it shows the FIT_TOP largest coefficients by |w| and one line for
 * the rest, which the --detail table lists. */
#define FIT_ALL 8
#define FIT_TOP 7

static const double *fit_w; /* the coefficients qsort compares */

static int by_abs_desc(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    double x = fabs(fit_w[i]), y = fabs(fit_w[j]);
    return x > y ? -1 : x < y ? 1 : (i > j) - (i < j);
}

static void fit_top(aics_result *r, const aics_design *dz, const double *w)
{
    size_t d = dz->d, shown = d <= FIT_ALL ? d : FIT_TOP, zeros = 0;
    size_t *order = aics_xmalloc((d ? d : 1) * sizeof *order);
    for (size_t j = 0; j < d; j++) order[j] = j;
    fit_w = w;
    qsort(order, d, sizeof *order, by_abs_desc);
    for (size_t a = 0; a < shown; a++) aics_result_fact(r, dz->names[order[a]], "%.6g", w[order[a]]);
    for (size_t a = shown; a < d; a++) zeros += w[order[a]] == 0.0;
    if (shown < d && zeros > 0)
        aics_result_fact(r, "其余系数", "还有 %zu 个（%zu 个恰为 0），全部系数见 --detail", d - shown, zeros);
    else if (shown < d)
        aics_result_fact(r, "其余系数", "还有 %zu 个，全部系数见 --detail", d - shown);
    free(order);
}

static void report_fit(aics_result *r, const aics_design *dz, const aics_linreg *p, aics_penalty pen,
                       const double *w, aics_lasso_info info)
{
    bool direct = pen == AICS_PENALTY_L2 || opt.lambda == 0.0;
    double worst = pen == AICS_PENALTY_L1 ? aics_lasso_kkt(p, opt.lambda, w) : aics_ridge_optimality(p, opt.lambda, w);
    aics_result_part_show(r, "fit", "惩罚最小二乘的拟合结果", AICS_SHOW_ANSWER);
    aics_result_note(r, "目标函数 (1/2n)∑(y − b − xᵀw)² + %s，截距不罚；特征%s。",
                     pen == AICS_PENALTY_L1 ? "λ‖w‖₁" : "(λ/2)‖w‖²",
                     opt.standardize ? "已标准化（总体标准差）" : "按原样");
    fit_kv(r, dz, p, pen, w, info, worst);
    aics_result_fact(r, "数据", "%zu 行，%zu 个特征列", dz->n, dz->d);
    aics_result_fact(r, "惩罚", "%s，λ = %.6g", pen == AICS_PENALTY_L1 ? "L1（lasso）" : "L2（岭回归）", opt.lambda);
    aics_result_fact(r, "截距 b", "%.6g", aics_linreg_intercept(p, w));
    fit_top(r, dz, w);
    aics_result_fact(r, "目标函数值 F(b, w)", "%.6g", aics_linreg_objective(p, pen, opt.lambda, w));
    if (direct) aics_result_fact(r, "解法", "Cholesky 直接求解；最优性条件最大违背 %.3g", worst);
    else aics_result_fact(r, "解法", "坐标下降 %ld 轮；最优性条件最大违背 %.3g", info.sweeps, worst);
    aics_result_part(r, "coefficients", "全部系数（按列的次序）");
    aics_table *t = aics_result_table(r, "lr", (const char *const[]){"特征列", "系数 w"});
    for (size_t j = 0; j < dz->d; j++) {
        aics_table_cell(t, "%s", dz->names[j]);
        aics_table_cell(t, "%.6g", w[j]);
    }
}

int aics_regfit_main(const char *exercise, int argc, char **argv)
{
    static char name[64];
    snprintf(name, sizeof name, "ex%s fit", exercise);
    for (char *c = name; *c; c++) *c = *c == '.' ? '_' : *c;
    const aics_program prog = {.name = name, .exercise = exercise, .opts = fit_opts, .details = fit_details,
                               .summary = "在一个 CSV 文件上拟合惩罚最小二乘（lasso 或岭回归）。"};
    aics_run run;
    aics_design dz;
    aics_linreg p;
    aics_penalty pen = start(&run, &prog, argc, argv, &dz, &p);
    double *w = aics_xcalloc(dz.d, sizeof *w);
    aics_lasso_info info = solve(&p, pen, opt.lambda, w, opt.data);
    if (!info.converged) not_converged(opt.data, info.sweeps);
    double extra[2] = {aics_linreg_intercept(&p, w), aics_linreg_objective(&p, pen, opt.lambda, w)};
    require_finite(opt.data, w, dz.d);
    require_finite(opt.data, extra, 2);
    aics_result *r = aics_result_new(exercise, 0, convention);
    report_fit(r, &dz, &p, pen, w, info);
    int rc = aics_run_emit(&run, r);
    aics_result_free(r);
    free(w);
    aics_linreg_free(&p);
    aics_design_free(&dz);
    return rc;
}

/* ---- path (also the benchmark) ----------------------------------------------- */

static const aics_opt path_opts[] = {
    {"data", AICS_OPT_STRING, &opt.data, "FILE", "CSV 文件：一行表头，其余全是数（必填）"},
    {"target", AICS_OPT_STRING, &opt.target, "COLUMN", "目标列的名字（必填）"},
    {"penalty", AICS_OPT_STRING, &opt.penalty, "l1|l2", "lasso（l1）或岭回归（l2）（必填）"},
    {"points", AICS_OPT_INT, &opt.points, "M", "λ 的个数", AICS_RANGE_CLOSED, 2, 100000},
    {"ratio", AICS_OPT_DOUBLE, &opt.ratio, "R", "最小 λ 与最大 λ 之比", AICS_RANGE_OPEN_MIN, 0, 0.999999},
    {"lambda", AICS_OPT_DOUBLE, &opt.lambda, "X", "最大的 λ", AICS_RANGE_OPEN_MIN, 0, 1e300,
     .default_text = "l1 取使全部系数为 0 的最小 λ，l2 取 1000·max G_jj"},
    {"standardize", AICS_OPT_FLAG, &opt.standardize, NULL, "先把每个特征列标准化"},
    {NULL},
};

/* The largest λ of the path: --lambda, or the default for the penalty. */
static double path_top(const aics_linreg *p, aics_penalty pen)
{
    double hi = opt.lambda, gmax = 0.0;
    if (hi != 0.0) return hi;
    for (size_t j = 0; j < p->d; j++) gmax = fmax(gmax, p->gram[j * p->d + j]);
    return pen == AICS_PENALTY_L1 ? aics_lasso_lambda_max(p) : 1000.0 * gmax;
}

static void report_path_point(aics_result *r, const aics_design *dz, const aics_linreg *p, size_t k,
                              double lambda, const double *w)
{
    char key[320];
    int64_t nz = 0;
    for (size_t j = 0; j < dz->d; j++) nz += w[j] != 0.0;
    snprintf(key, sizeof key, "path.%03zu.lambda", k);
    aics_result_double(r, key, lambda, NULL);
    snprintf(key, sizeof key, "path.%03zu.nonzero", k);
    aics_result_int(r, key, nz, NULL);
    snprintf(key, sizeof key, "path.%03zu.intercept", k);
    aics_result_double(r, key, aics_linreg_intercept(p, w), NULL);
    for (size_t j = 0; j < dz->d; j++) {
        snprintf(key, sizeof key, "path.%03zu.w.%s", k, dz->keys[j]);
        aics_result_double(r, key, w[j], NULL);
    }
}

int aics_regpath_main(const char *exercise, int argc, char **argv)
{
    static char name[64], details[512];
    snprintf(name, sizeof name, "ex%s path", exercise);
    for (char *c = name; *c; c++) *c = *c == '.' ? '_' : *c;
    snprintf(details, sizeof details,
             "--format=kv 的键：path.points、path.lambda_max、path.sweeps、path.max_optimality，\n"
             "以及每个 k = 000、001……的 path.k.lambda、path.k.nonzero、path.k.intercept 与\n"
             "path.k.w.<列>。约定与列名同 %.*s fit --help。",
             (int)(strlen(name) - 5), name);
    const aics_program prog = {.name = name, .exercise = exercise, .opts = path_opts, .details = details,
                               .summary = "正则化路径：在 M 个对数等距的 λ 上依次拟合，每次从上一个解热启动。"};
    aics_run run;
    aics_design dz;
    aics_linreg p;
    opt.lambda = 0.0;
    aics_penalty pen = start(&run, &prog, argc, argv, &dz, &p);
    size_t m = (size_t)opt.points, d = dz.d;
    double hi = path_top(&p, pen);
    if (!(hi > 0.0)) aics_die_data(opt.data, 0, 0, "every feature is uncorrelated with the target; the path is all zeros");
    double *lambdas = aics_xmalloc(m * sizeof *lambdas), *W = aics_xmalloc(m * d * sizeof *W);
    aics_lambda_grid(hi, hi * opt.ratio, m, lambdas);
    long sweeps = aics_linreg_path(&p, pen, lambdas, m, AICS_REGFIT_SWEEPS, AICS_REGFIT_TOL, W);
    if (sweeps == -2) not_converged(opt.data, AICS_REGFIT_SWEEPS);
    if (sweeps < 0) aics_die_data(opt.data, 0, 0, "a ridge solve failed: the feature columns are collinear");
    require_finite(opt.data, W, m * d);
    aics_result *r = aics_result_new(exercise, 0, convention);
    aics_result_part_show(r, "path", "正则化路径", AICS_SHOW_ANSWER);
    aics_result_int(r, "path.points", (int64_t)m, "λ 的个数");
    aics_result_double(r, "path.lambda_max", hi, "最大的 λ");
    aics_result_int(r, "path.sweeps", sweeps, "坐标下降的总轮数");
    double worst = 0.0;
    for (size_t k = 0; k < m && pen == AICS_PENALTY_L1; k++)
        worst = fmax(worst, aics_lasso_kkt(&p, lambdas[k], W + k * d));
    aics_result_double(r, "path.max_optimality", worst, "lasso 最优性条件的最大违背量（l2 为 0）");
    aics_result_part(r, "points", "路径上的每个 λ（系数见 --format=kv）");
    aics_table *t = aics_result_table(r, "rrrr", (const char *const[]){"k", "λ", "非零系数", "截距"});
    aics_result_kv_only(r, true); /* the table shows them; the coefficients are for kv */
    for (size_t k = 0; k < m; k++) {
        int64_t nz = 0;
        for (size_t j = 0; j < d; j++) nz += W[k * d + j] != 0.0;
        aics_table_cell(t, "%zu", k);
        aics_table_cell(t, "%.6g", lambdas[k]);
        aics_table_cell(t, "%lld", (long long)nz);
        aics_table_cell(t, "%.6g", aics_linreg_intercept(&p, W + k * d));
        report_path_point(r, &dz, &p, k, lambdas[k], W + k * d);
    }
    aics_result_kv_only(r, false);
    int rc = aics_run_emit(&run, r);
    aics_result_free(r);
    free(lambdas);
    free(W);
    aics_linreg_free(&p);
    aics_design_free(&dz);
    return rc;
}

/* ---- the path as a figure --------------------------------------------------- */

void aics_regfit_draw_path(aics_plot *plot, const char *name, const char *xlabel, const aics_design *dz,
                      const double *lambdas, const double *W, size_t m)
{
    size_t d = dz->d, cols = d + 1;
    double *rows = aics_xmalloc(m * cols * sizeof *rows);
    for (size_t k = 0; k < m; k++) {
        rows[k * cols] = lambdas[k];
        memcpy(rows + k * cols + 1, W + k * d, d * sizeof *W);
    }
    aics_plot_begin(plot, name, 720, 460);
    aics_plot_data(plot, "W", rows, m, cols);
    aics_plot_cmd(plot, "set logscale x");
    aics_plot_cmd(plot, "set format x '10^{%%L}'");
    aics_plot_cmd(plot, "set xrange [*:*] reverse");
    aics_plot_cmd(plot, "set xlabel '%s'", xlabel);
    aics_plot_cmd(plot, "set ylabel '系数（标准化特征）'");
    aics_plot_cmd(plot, "set grid");
    aics_plot_cmd(plot, "set key outside right");
    static const char *const colors[10] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                           "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    char cmd[4096];
    size_t used = (size_t)snprintf(cmd, sizeof cmd, "plot");
    for (size_t j = 0; j < d && used < sizeof cmd; j++)
        used += (size_t)snprintf(cmd + used, sizeof cmd - used,
                                 "%s $W using 1:%zu with lines lw 2 lc '%s' dt %d title '%s'", j ? "," : "",
                                 j + 2, colors[j % 10], j < 10 ? 1 : 2, dz->keys[j]);
    aics_plot_cmd(plot, "%s", cmd);
    aics_plot_end(plot);
    free(rows);
}
