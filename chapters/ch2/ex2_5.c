/* ex2_5.c — exercise 2.5: three ways to avoid over-fitting, each shown on data.
 *
 * With no subcommand the program runs the book's four demos:
 *   1. over-fitting and L2: a degree-9 polynomial on 12 noisy samples of
 *      sin(2πx), ridge over a λ grid (train, validation and test error);
 *   2. L1 vs L2 on the diabetes data (Efron et al. 2004): coefficient paths,
 *      the order in which the lasso lets variables in, OLS checked two ways
 *      and against the published coefficients;
 *   3. bagging fully grown regression trees: error, bias² and variance over
 *      40 independent training sets against the number of bags B;
 *   4. early stopping: gradient descent on 60 Gaussian bumps fitted to 20
 *      points, with a patience rule that keeps the best weights.
 *
 * The models live in src/models (linreg, design, regtree, toydata, basis,
 * resample); this file holds the story: the settings, the calls, the report.
 * Subcommands work on any numeric CSV (src/models/regfit.h):
 *   ex2_5 fit  --data F --target C --penalty l1|l2 --lambda X [--standardize]
 *   ex2_5 path --data F --target C --penalty l1|l2 [--points M] [--ratio R]
 *
 * Convention everywhere: F(b, w) = (1/2n)Σ(y − b − xᵀw)² + P(w), P = (λ/2)‖w‖²
 * or λ‖w‖₁, intercept unpenalized; --standardize z-scores the feature columns
 * with the population standard deviation and leaves the target as it is.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "basis.h"
#include "datafile.h"
#include "design.h"
#include "diabetes.h"
#include "error.h"
#include "linreg.h"
#include "overfit.h"
#include "plot.h"
#include "program.h"
#include "regfit.h"
#include "regtree.h"
#include "resample.h"
#include "rng.h"
#include "shape.h"
#include "toydata.h"

/* The program's options (the subcommands have their own, in regfit.c). */
#define DIABETES_DEFAULT "data/diabetes.csv"

static struct {
    const char *diabetes;
} opt = {DIABETES_DEFAULT};

/* The numbers the answer restates, gathered as the demos report them. */
static struct {
    double ols_test, best_lambda, best_test;   /* demo 1 */
    int64_t zeros_l1, zeros_l2, coefs;          /* demo 2 */
    double var_pct, err_pct;                    /* demo 3, at the largest B */
    long best_epoch, stop_epoch;                /* demo 4 */
    double es_test, end_test;
    bool norm_smaller;
} ans;

/* What the demos computed, kept for draw() and freed by finish(). */
static struct {
    struct poly_data *poly;
    aics_design dz;       /* the standardized diabetes data */
    aics_two_paths paths; /* its L1 and L2 paths */
    struct bag_study *bag;
    aics_es_study *es;
} st;

/* ---- demo 1: a degree-9 polynomial and L2 ----------------------------------- */

#define POLY_DEGREE 9
#define POLY_TRAIN 12
#define POLY_VAL 50
#define POLY_TEST 500
#define POLY_NOISE 0.3
#define POLY_GRID 61   /* λ = 10^(1 − k/5), k = 0 … 60: from 10 down to 1e-11 */
#define POLY_LARGE 1.0 /* the "large λ" curve */
#define CURVE_POINTS 201

static double poly_lambda(int k) { return pow(10.0, 1.0 - 0.2 * k); } /* 10 … 1e-11 */

typedef struct poly_data {
    aics_toy_sets s;
    aics_poly_model m;
    double w0[POLY_DEGREE], wb[POLY_DEGREE], wl[POLY_DEGREE]; /* λ = 0, chosen, large */
    double grid[POLY_GRID][4], norm[POLY_GRID];               /* λ, train, val, test; ‖w‖₂ */
    double lbest;
} poly_data;

static void poly_fit(const poly_data *pd, double lambda, double *w)
{
    AICS_CHECK(aics_poly_model_fit(&pd->m, lambda, w), "the 12×9 polynomial design has full rank");
}

/* Ridge over the λ grid (src/models/overfit.h); the chosen λ has the smallest validation RMSE. */
static void poly_sweep(poly_data *pd)
{
    double lambdas[POLY_GRID];
    for (int k = 0; k < POLY_GRID; k++) lambdas[k] = poly_lambda(k);
    poly_fit(pd, 0.0, pd->w0);
    poly_fit(pd, POLY_LARGE, pd->wl);
    pd->lbest = lambdas[aics_poly_sweep(&pd->m, &pd->s, lambdas, POLY_GRID, &pd->grid[0][0], pd->norm)];
    poly_fit(pd, pd->lbest, pd->wb);
}

static void report_poly_score(aics_result *r, const char *prefix, const char *what, double lambda, aics_poly_score s)
{
    static const char *const field[5] = {"lambda", "train_rmse", "val_rmse", "test_rmse", "w_norm"};
    static const char *const label[5] = {"λ", "训练 RMSE", "验证 RMSE", "测试 RMSE", "‖w‖₂（标准化特征）"};
    double value[5] = {lambda, s.train, s.val, s.test, s.norm};
    for (int i = 0; i < 5; i++) {
        char key[64], text[96];
        snprintf(key, sizeof key, "poly.%s.%s", prefix, field[i]);
        snprintf(text, sizeof text, "%s：%s", what, label[i]);
        aics_result_double(r, key, value[i], text);
    }
}

static void poly_report(aics_result *r, const poly_data *pd)
{
    aics_result_part(r, "overfit", "演示 1：九次多项式与 L2 正则化");
    aics_result_note(r, "数据：$y=\\sin(2\\pi x)+\\varepsilon$，$\\varepsilon\\sim N(0,%g^2)$，$x$ 在 $[0,1)$ 上均匀抽取；"
                     "训练 %d 点、验证 %d 点、测试 %d 点。特征为 $t=2x-1$ 的 1 到 %d 次幂，"
                     "用训练集的均值与总体标准差标准化；截距不受惩罚。λ 网格为 $10^{1}$ 到 $10^{-11}$，每十倍 5 个点，"
                     "“好的 λ”取验证 RMSE 最小者。",
                     POLY_NOISE, POLY_TRAIN, POLY_VAL, POLY_TEST, POLY_DEGREE);
    aics_result_int(r, "poly.degree", POLY_DEGREE, "多项式次数");
    aics_result_int(r, "poly.n_train", POLY_TRAIN, "训练样本数");
    aics_poly_score s0 = aics_poly_score_of(&pd->m, &pd->s, pd->w0), sb = aics_poly_score_of(&pd->m, &pd->s, pd->wb);
    aics_poly_score sl = aics_poly_score_of(&pd->m, &pd->s, pd->wl);
    report_poly_score(r, "ols", "λ = 0", 0.0, s0);
    report_poly_score(r, "best", "验证集选出的 λ", pd->lbest, sb);
    ans.ols_test = s0.test, ans.best_lambda = pd->lbest, ans.best_test = sb.test;
    report_poly_score(r, "large", "大 λ", POLY_LARGE, sl);
    aics_result_bool(r, "poly.best_test_lower", sb.test < s0.test, "验证集选出的 λ 的测试 RMSE 小于 λ = 0 的");
    aics_result_bool(r, "poly.large_both_higher", sl.train > sb.train && sl.test > sb.test,
                     "大 λ 的训练 RMSE 与测试 RMSE 都大于验证集选出的 λ 的（欠拟合）");
    aics_table *t = aics_result_table(r, "rrrrr", (const char *const[]){"λ", "训练 RMSE", "验证 RMSE", "测试 RMSE", "‖w‖₂"});
    for (int k = 0; k < POLY_GRID; k += 10) {
        for (int c = 0; c < 4; c++) aics_table_cell(t, c ? "%.4f" : "%.0e", pd->grid[k][c]);
        aics_table_cell(t, "%.4g", pd->norm[k]);
    }
}

static void poly_plot_error(aics_plot *plot, const poly_data *pd)
{
    aics_plot_begin(plot, "ex2_5_poly_error", 720, 440);
    aics_plot_data(plot, "E", &pd->grid[0][0], POLY_GRID, 4);
    aics_plot_axes_set(plot, &(aics_plot_axes){.xlabel = "λ（标准化特征上的 L2 惩罚）", .ylabel = "RMSE", .logscale = "xy", .key = "below"});
    aics_plot_cmd(plot, "set format x '10^{%%L}'");
    aics_plot_cmd(plot, "set arrow from %.17g, graph 0 to %.17g, graph 1 nohead dt 2 lc 'gray40'", pd->lbest, pd->lbest);
    aics_plot_cmd(plot, "plot $E using 1:2 with linespoints pt 7 ps 0.5 lw 2 title '训练', "
                        "$E using 1:3 with linespoints pt 5 ps 0.5 lw 2 title '验证', "
                        "$E using 1:4 with lines lw 2 title '测试'");
    aics_plot_end(plot);
}

static void poly_plot_fits(aics_plot *plot, const poly_data *pd)
{
    static double curve[CURVE_POINTS][5];
    double xs[CURVE_POINTS], p0[CURVE_POINTS], pb[CURVE_POINTS], pl[CURVE_POINTS];
    for (int i = 0; i < CURVE_POINTS; i++) xs[i] = (double)i / (CURVE_POINTS - 1);
    aics_poly_model_predict(&pd->m, pd->w0, xs, CURVE_POINTS, p0);
    aics_poly_model_predict(&pd->m, pd->wb, xs, CURVE_POINTS, pb);
    aics_poly_model_predict(&pd->m, pd->wl, xs, CURVE_POINTS, pl);
    for (int i = 0; i < CURVE_POINTS; i++) {
        double row[5] = {xs[i], aics_toy_truth(xs[i]), p0[i], pb[i], pl[i]};
        memcpy(curve[i], row, sizeof row);
    }
    double pts[POLY_TRAIN][2];
    for (int i = 0; i < POLY_TRAIN; i++) pts[i][0] = pd->s.train.x[i], pts[i][1] = pd->s.train.y[i];
    aics_plot_begin(plot, "ex2_5_poly_fits", 720, 440);
    aics_plot_data(plot, "C", &curve[0][0], CURVE_POINTS, 5);
    aics_plot_data(plot, "P", &pts[0][0], POLY_TRAIN, 2);
    aics_plot_axes_set(plot, &(aics_plot_axes){.xlabel = "x", .ylabel = "y", .yrange = "-2:2", .key = "below"});
    aics_plot_cmd(plot, "plot $C using 1:2 with lines lw 1 dt 2 lc 'black' title 'sin(2πx)', "
                        "$C using 1:3 with lines lw 2 title 'λ = 0', "
                        "$C using 1:4 with lines lw 2 title 'λ = %.0e（验证集选出）', "
                        "$C using 1:5 with lines lw 2 title 'λ = %g', "
                        "$P using 1:2 with points pt 7 ps 1 lc 'black' title '训练样本'",
                  pd->lbest, POLY_LARGE);
    aics_plot_end(plot);
}

static void demo_poly(aics_result *r, uint64_t seed)
{
    poly_data *pd = aics_xcalloc(1, sizeof *pd);
    aics_rng rng;
    aics_rng_seed(&rng, seed, 1);
    aics_toy_draw(&rng, POLY_TRAIN, POLY_VAL, POLY_TEST, POLY_NOISE, &pd->s);
    AICS_CHECK(aics_poly_model_init(&pd->m, pd->s.train.x, pd->s.train.y, POLY_TRAIN, POLY_DEGREE), "random x are distinct");
    poly_sweep(pd);
    poly_report(r, pd);
    st.poly = pd;
}

/* ---- demo 2: L1 and L2 on the diabetes data ---------------------------------- */

#define DIAB_POINTS 100
#define DIAB_FINE 2000 /* grid used to find where each coefficient enters */

static void ols_checks(aics_result *r, const aics_design *raw, const char *path)
{
    aics_ols_check oc;
    if (!aics_ols_check_run(raw, &oc))
        aics_die_data(path, 0, 0, "the feature columns are collinear, so OLS has no unique solution");
    aics_ols_check_table(r, raw, &oc);
    size_t bmi = aics_design_column_or_die(raw, path, "bmi"), s5 = aics_design_column_or_die(raw, path, "s5");
    aics_result_double(r, "diabetes.ols.intercept", oc.bc, "原始数据 OLS 截距");
    aics_result_double(r, "diabetes.ols.w_bmi", oc.wc[bmi], "原始数据 OLS 的 bmi 系数");
    aics_result_double(r, "diabetes.ols.w_s5", oc.wc[s5], "原始数据 OLS 的 s5 系数");
    aics_result_double(r, "diabetes.ols.cholesky_vs_qr", oc.two_ways, "Cholesky 与 QR 的最大相对差");
    aics_result_double(r, "diabetes.ols.max_abs_diff_published", oc.published, "与公开值（截距 5 位、系数 6 位小数）的最大绝对差");
    aics_result_word(r, "diabetes.ols.check", aics_ols_check_pass(&oc) ? "pass" : "fail", "两种解法一致且与公开值相符");
    aics_ols_check_free(&oc);
}

typedef aics_two_paths diab_paths; /* both paths and their checks (src/models/overfit.h) */

static void report_paths(aics_result *r, const diab_paths *dp, size_t d)
{
    char label[128];
    aics_result_note(r, "L1 路径：%d 个 λ，从 $\\lambda_{\\max}=\\max_j|x_j^\\top y_c|/n$ 到它的千分之一，对数等距，"
                     "每个 λ 从上一个解热启动；L2 路径：%d 个 λ，从 $10^{4}$ 到 $10^{-2}$。"
                     "坐标下降在一轮更新中所有预测值的变化都小于 %g·sd(y) 时停止，或在活跃集上精确求解并满足最优性条件时提前停止。",
                     DIAB_POINTS, DIAB_POINTS, AICS_REGFIT_TOL);
    aics_result_double(r, "diabetes.lasso.lambda_max", dp->lmax, "λ_max（所有 L1 系数恰为 0 的最小 λ）");
    aics_result_int(r, "diabetes.lasso.path_sweeps", dp->sweeps, "L1 路径的坐标下降总轮数");
    aics_result_double(r, "diabetes.lasso.max_kkt", dp->kkt, "L1 路径上最大的最优性条件违背量");
    aics_path_shape sh = aics_path_shape_of(dp->W2, DIAB_POINTS, d);
    aics_result_bool(r, "diabetes.ridge.norm_monotone", sh.norm_monotone, "L2 路径上 ‖w‖₂ 随 λ 单调变化");
    aics_result_bool(r, "diabetes.ridge.coef_monotone_all", sh.nonmonotone == 0, "L2 路径上每个 |w_j| 都随 λ 单调变化");
    aics_result_int(r, "diabetes.ridge.nonmonotone_coefs", (int64_t)sh.nonmonotone, "L2 路径上 |w_j| 随 λ 先增后减（不单调）的系数个数");
    aics_result_int(r, "diabetes.ridge.sign_changes", (int64_t)sh.sign_changes, "L2 路径上变号的系数个数");
    for (int k = 0; k < 2; k++) { /* the count is the grid's size times the columns, never typed in */
        snprintf(label, sizeof label, "L%d 路径上恰为 0 的系数个数（共 %zu 个）", k + 1, (size_t)DIAB_POINTS * d);
        aics_result_int(r, k ? "diabetes.ridge.zero_coefs" : "diabetes.lasso.zero_coefs", k ? dp->zeros2 : dp->zeros1, label);
    }
    ans.zeros_l1 = dp->zeros1, ans.zeros_l2 = dp->zeros2, ans.coefs = (int64_t)DIAB_POINTS * (int64_t)d;
}

/* The entry order as "bmi-s5-…", whether it is Efron et al.'s, and the exits. */
static void report_entries(aics_result *r, const aics_design *dz, const aics_lasso_entries *en)
{
    char order[256] = "", exits[512] = "";
    bool classic = aics_diabetes_is_lars_order(dz, en->order, en->nentered);
    for (size_t a = 0, used = 0; a < en->nentered; a++, used = strlen(order))
        snprintf(order + used, sizeof order - used, "%s%s", a ? "-" : "", dz->keys[en->order[a]]);
    for (size_t e = 0, used = 0; e < en->nexits; e++, used = strlen(exits))
        snprintf(exits + used, sizeof exits - used, "%s%s 在 λ≈%.3g 处回到 0", used ? "；" : "",
                 dz->keys[en->exit_coef[e]], en->exit_lambda[e]);
    aics_result_word(r, "diabetes.lasso.entry_order", order, "L1 系数变为非零的次序（λ 从大到小）");
    aics_result_word(r, "diabetes.lasso.classic_order", classic ? "pass" : "fail",
                     "与 LARS 论文的次序 3,9,4,7,2,10,5,8,6,1 一致");
    aics_result_int(r, "diabetes.lasso.exits", (int64_t)en->nexits, "系数从非零回到 0 的次数");
    if (en->nexits > 0) aics_result_note(r, "路径上的退出：%s（此后又重新进入）。", exits);
    aics_table *t = aics_result_table(r, "rlr", (const char *const[]){"次序", "变量", "进入时的 λ"});
    for (size_t a = 0; a < en->nentered; a++) {
        char key[64];
        snprintf(key, sizeof key, "diabetes.lasso.entry_lambda.%s", dz->keys[en->order[a]]);
        aics_result_kv_only(r, true); /* the table shows it */
        aics_result_double(r, key, en->entry[en->order[a]], NULL);
        aics_result_kv_only(r, false);
        aics_table_cell(t, "%zu", a + 1);
        aics_table_cell(t, "%s", dz->keys[en->order[a]]);
        aics_table_cell(t, "%.6g", en->entry[en->order[a]]);
    }
}

static void demo_diabetes(aics_result *r, const char *path)
{
    aics_design raw, dz;
    aics_design_load(path, "y", false, &raw);
    aics_design_load(path, "y", true, &dz);
    aics_result_part(r, "diabetes", "演示 2：糖尿病数据上的 L1 与 L2");
    aics_result_note(r, "数据：Efron 等（2004）的糖尿病数据，%zu 名病人、%zu 个基线变量，目标为一年后的病情进展 y。"
                     "路径图与进入次序在标准化特征（均值 0、总体标准差 1）上计算，目标不变；"
                     "目标函数为 $\\frac{1}{2n}\\sum(y-b-x^\\top w)^2+P(w)$。先用原始数据核对 OLS：",
                     dz.n, dz.d);
    ols_checks(r, &raw, path);
    aics_linreg p;
    aics_linreg_init(&p, dz.x, dz.y, dz.n, dz.d);
    diab_paths dp;
    aics_two_paths_run(&dp, &p, DIAB_POINTS, 1e-3, 1e4, 1e-2, AICS_REGFIT_TOL, AICS_REGFIT_SWEEPS);
    aics_lasso_entries en;
    aics_lasso_find_entries(&p, dp.lmax, 1e-4, DIAB_FINE, AICS_REGFIT_TOL, AICS_REGFIT_SWEEPS, &en);
    report_paths(r, &dp, dz.d);
    report_entries(r, &dz, &en);
    st.dz = dz;
    st.paths = dp;
    aics_lasso_entries_free(&en);
    aics_linreg_free(&p);
    aics_design_free(&raw);
}

/* ---- demo 3: bagging regression trees ---------------------------------------- */

#define BAG_TRAIN 40
#define BAG_NOISE 0.3
#define BAG_SETS 40   /* independent training sets */
#define BAG_QUERY 200 /* evaluation grid on [0, 1) */

static const int bag_sizes[] = {1, 2, 5, 10, 20, 50, 100, 200};
#define BAG_NSIZES ((int)(sizeof bag_sizes / sizeof *bag_sizes))

typedef struct bag_study {
    aics_bias_variance single;             /* one tree on each whole training set */
    double table[BAG_NSIZES][4];           /* B, error, bias², variance */
} bag_study;

/* For each B, bag B trees on each of the BAG_SETS training sets and split the
 * error against the truth into bias² and variance (src/models/overfit.h). */
static void bag_run(uint64_t seed, bag_study *st)
{
    aics_bag_plan plan = {BAG_TRAIN, BAG_NOISE, BAG_SETS, BAG_QUERY, bag_sizes, BAG_NSIZES};
    aics_bag_study(&plan, seed, &st->single, &st->table[0][0]);
}

/* The figure's words, decided: bias² hardly changes with B (its range over B
 * is at most 5% of the single tree's error), and the variance falls and
 * levels off (the last step of B takes at most 5% of its whole fall). */
static void bag_verdicts(aics_result *r, const bag_study *st)
{
    aics_shape b = aics_shape_of(&st->table[0][2], BAG_NSIZES, 4, 0.0);
    double range = st->table[b.argmax][2] - st->table[b.argmin][2];
    aics_result_double(r, "bagging.bias2_range_share", range / st->single.error, "偏差² 随 B 的极差 ÷ 单棵树的误差");
    aics_result_bool(r, "bagging.bias2_flat", range <= 0.05 * st->single.error,
                     "偏差² 随 B 几乎不变：极差不超过单棵树误差的 5%");
    aics_result_bool(r, "bagging.variance_levels_off",
                     aics_shape_falls_and_levels(&st->table[0][3], BAG_NSIZES, 4, 1e-12, 0.05),
                     "方差随 B 只降不升并趋于平稳：最后一档 B 的降幅不超过总降幅的 5%");
}

static void bag_report(aics_result *r, const bag_study *st)
{
    aics_result_part(r, "bagging", "演示 3：装袋（bagging）回归树");
    aics_result_note(r, "学习器：完全生长的一维回归树（每个叶子只剩一个不同的 x 才停止分裂）。"
                     "%d 组相互独立的训练集，每组 %d 点，$y=\\sin(2\\pi x)+N(0,%g^2)$；"
                     "在 $[0,1)$ 上 %d 个等距点处与真函数比较。误差 = 偏差² + 方差，"
                     "方差是同一点上不同训练集所得预测的方差（对点平均）。",
                     BAG_SETS, BAG_TRAIN, BAG_NOISE, BAG_QUERY);
    aics_result_double(r, "bagging.single_tree.error", st->single.error, "单棵树（整组训练集）：误差");
    aics_result_double(r, "bagging.single_tree.variance", st->single.variance, "单棵树：方差");
    aics_result_double(r, "bagging.single_tree.bias2", st->single.bias2, "单棵树：偏差²");
    aics_table *t = aics_result_table(r, "rrrr", (const char *const[]){"B", "误差", "偏差²", "方差"});
    aics_table_cell(t, "单棵树");
    for (int c = 0; c < 3; c++) aics_table_cell(t, "%.4f", (double[]){st->single.error, st->single.bias2, st->single.variance}[c]);
    for (int b = 0; b < BAG_NSIZES; b++) {
        char key[64];
        aics_result_kv_only(r, true); /* the table shows them */
        snprintf(key, sizeof key, "bagging.b%d.error", bag_sizes[b]);
        aics_result_double(r, key, st->table[b][1], NULL);
        snprintf(key, sizeof key, "bagging.b%d.variance", bag_sizes[b]);
        aics_result_double(r, key, st->table[b][3], NULL);
        aics_result_kv_only(r, false);
        aics_table_cell(t, "%d", bag_sizes[b]);
        for (int c = 1; c < 4; c++) aics_table_cell(t, "%.4f", st->table[b][c]);
    }
    const double *last = st->table[BAG_NSIZES - 1];
    aics_result_double(r, "bagging.variance_ratio", last[3] / st->single.variance, "方差之比：B 最大时 / 单棵树");
    aics_result_double(r, "bagging.error_ratio", last[1] / st->single.error, "误差之比：B 最大时 / 单棵树");
    ans.var_pct = 100.0 * last[3] / st->single.variance, ans.err_pct = 100.0 * last[1] / st->single.error;
    aics_result_int(r, "bagging.variance_pct", (int64_t)lround(100.0 * last[3] / st->single.variance),
                    "B 最大时的方差占单棵树的百分比（四舍五入）");
    aics_result_int(r, "bagging.error_pct", (int64_t)lround(100.0 * last[1] / st->single.error),
                    "B 最大时的误差占单棵树的百分比（四舍五入）");
    bag_verdicts(r, st);
}

static void bag_plot(aics_plot *plot, const bag_study *st)
{
    aics_plot_begin(plot, "ex2_5_bagging", 720, 440);
    aics_plot_data(plot, "B", &st->table[0][0], BAG_NSIZES, 4);
    char xrange[32];
    snprintf(xrange, sizeof xrange, "0.8:%g", 1.25 * bag_sizes[BAG_NSIZES - 1]);
    aics_plot_axes_set(plot, &(aics_plot_axes){.xlabel = "袋数 B", .ylabel = "对真函数的均方误差", .logscale = "x",
                                               .xrange = xrange, .yrange = "0:*", .key = "below"});
    aics_plot_cmd(plot, "plot $B using 1:2 with linespoints pt 7 lw 2 title '误差（装袋）', "
                        "$B using 1:4 with linespoints pt 5 lw 2 title '方差（装袋）', "
                        "$B using 1:3 with linespoints pt 9 lw 2 title '偏差²（装袋）', "
                        "%.17g with lines dt 2 lw 2 lc 1 title '误差（单棵树）', "
                        "%.17g with lines dt 2 lw 2 lc 2 title '方差（单棵树）'",
                  st->single.error, st->single.variance);
    aics_plot_end(plot);
}

static void demo_bagging(aics_result *r, uint64_t seed)
{
    st.bag = aics_xcalloc(1, sizeof *st.bag);
    bag_run(seed, st.bag);
    bag_report(r, st.bag);
}

/* ---- demo 4: early stopping ---------------------------------------------------- */

#define ES_TRAIN 20
#define ES_VAL 40
#define ES_TEST 500
#define ES_NOISE 0.3
#define ES_BUMPS 60 /* Gaussian bumps, plus a constant feature */
#define ES_WIDTH 0.03
#define ES_EPOCHS 100000L
#define ES_PATIENCE 2000L
#define ES_D (ES_BUMPS + 1)
#define ES_KEEP 400 /* epochs drawn, log-spaced */

typedef aics_es_study es_task; /* src/models/overfit.h */

static double es_rmse(const es_task *t, const double *w, int set) { return aics_es_study_rmse(t, w, set); }

/* The figure's words, decided on the run trained to the end: the training
 * error only falls; the validation error only rises after its minimum. */
static void es_verdicts(aics_result *r, const es_task *t)
{
    aics_shape tr = aics_shape_of(t->train_curve, ES_EPOCHS + 1, 1, 1e-12);
    aics_result_bool(r, "early.train_falls", tr.falls && !tr.rises, "训练到底：训练误差逐轮只降不升");
    aics_result_bool(r, "early.val_rises_after_min", aics_shape_rises_after_min(t->val_curve, ES_EPOCHS + 1, 1, 1e-12),
                     "训练到底：验证误差过了最低点之后逐轮只升不降");
}

static void es_report(aics_result *r, const es_task *t)
{
    aics_result_part(r, "early_stopping", "演示 4：提前停止");
    aics_result_note(r, "模型：%d 个宽 %g 的高斯基函数加常数项（%d 个参数），只拟合 %d 个训练点，参数多于样本。"
                     "全批量梯度下降，步长 $1/L$（$L$ 为 $\\Phi^\\top\\Phi/n$ 最大特征值的 Gershgorin 上界），从 $w=0$ 出发，"
                     "每轮（epoch）一步；验证集 %d 点，测试集 %d 点，噪声标准差 %g。梯度步作用在均方误差的一半 $\\frac{1}{2n}\\sum(y-\\phi^\\top w)^2$ 上（这样梯度没有因子 2），验证与报告用均方误差本身，报告时取其平方根（RMSE）。"
                     "耐心规则：验证损失连续 %ld 轮没有刷新最低值就停止，并取回最低点的权重。",
                     ES_BUMPS, ES_WIDTH, ES_D, ES_TRAIN, ES_VAL, ES_TEST, ES_NOISE, ES_PATIENCE);
    aics_result_int(r, "early.patience", ES_PATIENCE, "耐心（轮）");
    aics_result_int(r, "early.best_epoch", t->es.best_epoch, "验证损失最低的轮次");
    aics_result_int(r, "early.stop_epoch", t->es.stop_epoch, "耐心耗尽、停止训练的轮次");
    aics_result_int(r, "early.max_epochs", ES_EPOCHS, "不提前停止时训练的轮数");
    aics_result_double(r, "early.best.train_rmse", es_rmse(t, t->wes, 0), "提前停止：训练 RMSE");
    aics_result_double(r, "early.best.val_rmse", sqrt(t->es.best_loss), "提前停止：验证 RMSE");
    aics_result_double(r, "early.best.test_rmse", es_rmse(t, t->wes, 2), "提前停止：测试 RMSE");
    aics_result_double(r, "early.end.train_rmse", es_rmse(t, t->wend, 0), "训练到底：训练 RMSE");
    aics_result_double(r, "early.end.val_rmse", es_rmse(t, t->wend, 1), "训练到底：验证 RMSE");
    aics_result_double(r, "early.end.test_rmse", es_rmse(t, t->wend, 2), "训练到底：测试 RMSE");
    ans.best_epoch = t->es.best_epoch, ans.stop_epoch = t->es.stop_epoch;
    ans.es_test = es_rmse(t, t->wes, 2), ans.end_test = es_rmse(t, t->wend, 2);
    double nb = 0.0, ne = 0.0;
    for (int k = 0; k < ES_D; k++) nb += t->wes[k] * t->wes[k], ne += t->wend[k] * t->wend[k];
    aics_result_double(r, "early.best.w_norm", sqrt(nb), "提前停止：‖w‖₂");
    aics_result_double(r, "early.end.w_norm", sqrt(ne), "训练到底：‖w‖₂");
    aics_result_bool(r, "early.test_better", es_rmse(t, t->wes, 2) < es_rmse(t, t->wend, 2), "提前停止的测试 RMSE 小于训练到底的");
    aics_result_bool(r, "early.norm_smaller", nb < ne, "提前停止的 ‖w‖₂ 小于训练到底的");
    ans.norm_smaller = nb < ne;
    aics_result_int(r, "early.full_best_epoch", t->full.best_epoch,
                    "训练到底时验证损失最低的轮次（耐心规则看不到停止之后的轮次）");
    es_verdicts(r, t);
}

static void es_plot(aics_plot *plot, const es_task *t)
{
    long epochs[ES_KEEP + 1], best = t->es.best_epoch, stop = t->es.stop_epoch;
    size_t nrows = aics_log_epochs(ES_EPOCHS, ES_KEEP, epochs); /* thinned for the figure */
    double rows[ES_KEEP + 1][3];
    for (size_t i = 0; i < nrows; i++)
        memcpy(rows[i], (double[3]){(double)epochs[i], sqrt(t->train_curve[epochs[i]]), sqrt(t->val_curve[epochs[i]])}, sizeof rows[i]);
    aics_plot_begin(plot, "ex2_5_early_stopping", 720, 440);
    aics_plot_data(plot, "L", &rows[0][0], nrows, 3);
    aics_plot_axes_set(plot, &(aics_plot_axes){.xlabel = "轮次（epoch）", .ylabel = "RMSE", .logscale = "x", .key = "below"});
    aics_plot_cmd(plot, "set format x '10^{%%L}'");
    aics_plot_cmd(plot, "set arrow from %ld, graph 0 to %ld, graph 1 nohead lw 2 lc 'forest-green'", best, best);
    aics_plot_cmd(plot, "set arrow from %ld, graph 0 to %ld, graph 1 nohead dt 2 lc 'gray40'", stop, stop);
    aics_plot_cmd(plot, "set label '最佳轮次 %ld' at %ld, graph 0.95 right offset -0.5,0", best, best);
    aics_plot_cmd(plot, "set label '停止（耐心 %ld）' at %ld, graph 0.88 left offset 0.5,0", ES_PATIENCE, stop);
    aics_plot_cmd(plot, "plot $L using 1:2 with lines lw 2 title '训练', $L using 1:3 with lines lw 2 title '验证'");
    aics_plot_end(plot);
}

static void demo_early_stopping(aics_result *r, const aics_run *run)
{
    es_task *t = aics_xcalloc(1, sizeof *t);
    aics_rng rng;
    aics_rng_seed(&rng, run->seed, 4);
    aics_es_study_run(t, &(aics_es_plan){ES_TRAIN, ES_VAL, ES_TEST, ES_NOISE, ES_BUMPS, ES_WIDTH, ES_EPOCHS, ES_PATIENCE}, &rng);
    aics_progress(run, "early stopping: best epoch %ld, stopped at %ld", t->es.best_epoch, t->es.stop_epoch);
    es_report(r, t);
    st.es = t;
}

/* ---- the answer -------------------------------------------------------------- */

/* The three ways, each with what its demo measured (facts: kv holds the numbers). */
static void report_answer(aics_result *r)
{
    aics_result_part_show(r, "answer", "避免过拟合的三种方法，各在数据上验证", AICS_SHOW_ANSWER);
    aics_result_fact(r, "1. 正则化（L2）", "九次多项式、12 个训练点：λ = 0 时测试 RMSE %.3g，", ans.ols_test);
    aics_result_fact(r, "", "按验证集选 λ = %.3g 后降到 %.3g", ans.best_lambda, ans.best_test);
    aics_result_fact(r, "   正则化（L1）", "糖尿病数据：L1 路径上 %lld 个系数恰为 0（L2：%lld，共 %lld）",
                     (long long)ans.zeros_l1, (long long)ans.zeros_l2, (long long)ans.coefs);
    aics_result_fact(r, "2. 装袋（bagging）", "%d 棵回归树平均：方差降到单棵树的 %.0f%%，误差降到 %.0f%%",
                     bag_sizes[BAG_NSIZES - 1], ans.var_pct, ans.err_pct);
    aics_result_fact(r, "3. 提前停止", "验证损失在第 %ld 轮最低，第 %ld 轮停止：", ans.best_epoch, ans.stop_epoch);
    aics_result_fact(r, "", "测试 RMSE %.3g，训练到底为 %.3g", ans.es_test, ans.end_test);
    aics_result_note(r, "约定：损失 (1/2n)∑(y − b − xᵀw)² 加惩罚 (λ/2)‖w‖² 或 λ‖w‖₁，截距不罚；RMSE 在测试集上。");
    aics_result_part_show(r, "brief", "说明", AICS_SHOW_BRIEF);
    aics_result_note(r, "正则化在损失上加权值大小的惩罚，限制模型的复杂度；装袋在自助采样的训练集上训练多个模型再平均，"
                        "减小方差；提前停止在验证误差不再下降时停止训练%s。"
                        "四个演示的全部数字见 --detail，图用 --figures=DIR 画出；任意 CSV 上的拟合见 "
                        "ex2_5 fit --help 与 ex2_5 path --help。",
                     ans.norm_smaller ? "，停下时的 ‖w‖₂ 也比训练到底时小，作用与正则化相近" : "");
}

/* ---- the demos' program ------------------------------------------------------ */

static const aics_opt demo_opts[] = {
    {"diabetes", AICS_OPT_STRING, &opt.diabetes, "FILE",
     "糖尿病数据的 CSV 文件；默认的文件在仓库或安装目录（share/aics-workbook）里找"},
    {NULL},
};

/* The diabetes CSV: the shipped file found from anywhere (datafile.h) when
 * --diabetes was not given; a file that cannot be read names the option. */
static char *diabetes_file(void)
{
    bool shipped = strcmp(opt.diabetes, DIABETES_DEFAULT) == 0;
    char *path = shipped ? aics_data_path(opt.diabetes) : aics_xstrdup(opt.diabetes);
    FILE *f = fopen(path, "rb");
    if (!f)
        aics_die_data(path, 0, 0, "cannot read: %s (set the diabetes CSV with --diabetes=FILE%s)",
                      strerror(errno), shipped ? ", or AICS_DATA=DIR for the folder holding data/" : "");
    fclose(f);
    return path;
}

static void run_demos(aics_result *r, const aics_run *run)
{
    aics_progress(run, "demo 1: polynomial and L2");
    demo_poly(r, run->seed);
    char *diabetes = diabetes_file();
    aics_progress(run, "demo 2: L1 and L2 on %s", diabetes);
    demo_diabetes(r, diabetes);
    free(diabetes);
    aics_progress(run, "demo 3: bagging trees");
    demo_bagging(r, run->seed);
    aics_progress(run, "demo 4: early stopping");
    demo_early_stopping(r, run);
    report_answer(r);
}

static void draw(aics_plot *plot)
{
    poly_plot_error(plot, st.poly);
    poly_plot_fits(plot, st.poly);
    aics_regfit_draw_path(plot, "ex2_5_lasso_path", "λ（L1，向右减小）", &st.dz, st.paths.l1, st.paths.W1, DIAB_POINTS);
    aics_regfit_draw_path(plot, "ex2_5_ridge_path", "λ（L2，向右减小）", &st.dz, st.paths.l2, st.paths.W2, DIAB_POINTS);
    bag_plot(plot, st.bag);
    es_plot(plot, st.es);
}

static void finish(void)
{
    aics_poly_model_free(&st.poly->m);
    aics_toy_sets_free(&st.poly->s);
    free(st.poly);
    aics_two_paths_free(&st.paths);
    aics_design_free(&st.dz);
    free(st.bag);
    aics_es_study_free(st.es);
    free(st.es);
}

static const aics_program program = {
    .name = "ex2_5",
    .exercise = "2.5",
    .summary = "习题 2.5：避免过拟合的三种方法（L2/L1 正则化、装袋、提前停止），各在数据上演示。",
    .usage = "| fit 选项 | path 选项",
    .details = "不带子命令时运行四个演示：九次多项式上的过拟合与 L2；糖尿病数据上的 L1 与 L2 路径；\n"
               "装袋回归树；带耐心规则的提前停止。图：ex2_5_poly_error、ex2_5_poly_fits、\n"
               "ex2_5_lasso_path、ex2_5_ridge_path、ex2_5_bagging、ex2_5_early_stopping。\n"
               "子命令在任意数值 CSV 上拟合（见 ex2_5 fit --help、ex2_5 path --help）：\n"
               "  ex2_5 fit --data FILE.csv --target COLUMN --penalty l1|l2 --lambda X\n"
               "  ex2_5 path --data FILE.csv --target COLUMN --penalty l1|l2 [--points M]\n"
               "约定：F(b,w) = (1/2n)∑(y − b − xᵀw)² + P(w)，P = (λ/2)‖w‖² 或 λ‖w‖₁，截距不罚，\n"
               "特征按总体标准差标准化。",
    .opts = demo_opts, .uses_seed = true, .default_seed = 2005,
    .convention = "half-mse-plus-penalty-unpenalized-intercept",
    .report = run_demos, .draw = draw, .finish = finish,
};

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "fit") == 0) return aics_regfit_main(program.exercise, argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "path") == 0) return aics_regpath_main(program.exercise, argc - 1, argv + 1);
    return aics_main(argc, argv, &program);
}
