/* ex5_5.c — exercises 5.5 and 5.7: the gradients of sin and of max pooling,
 * and a convolution implemented directly and by im2col + matrix multiply.
 *
 * sin: d sin(x)/dx = cos x, checked against dual numbers (forward-mode
 * automatic differentiation, as a framework computes it) and central
 * differences on a grid over [−2π, 2π].
 * Max pooling: the gradient of each window's output goes to the position of
 * its maximum, every other input gets 0; a 4×4 example, checked against
 * central differences (the inputs have no ties, where the gradient would not
 * exist).
 * Convolution: src/models/conv.h, direct loops against im2col + GEMM on
 * random layers of several shapes (stride, padding, channels) from PCG32.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conv.h"
#include "dual.h"
#include "error.h"
#include "program.h"
#include "rng.h"

#define GRID 1001
#define PI 3.14159265358979323846

static void report_sin(aics_result *r)
{
    double err_dual = 0, err_num = 0;
    for (int k = 0; k < GRID; k++) {
        double x = -2 * PI + 4 * PI * k / (GRID - 1), exact = cos(x);
        err_dual = fmax(err_dual, fabs(aics_dual_sin(aics_dual_var(x)).d - exact));
        double h = cbrt(DBL_EPSILON) * fmax(1, fabs(x));
        err_num = fmax(err_num, fabs((sin(x + h) - sin(x - h)) / (2 * h) - exact));
    }
    aics_result_double(r, "sin.grad_at_1", aics_dual_sin(aics_dual_var(1.0)).d, "x = 1 处的梯度 cos 1");
    aics_result_note(r, "sin 的梯度：d sin(x)/dx = cos x；反向传播时 ∂L/∂x = cos x · ∂L/∂y。");
    aics_result_double(r, "sin.max_err.dual", err_dual, "最大 |对偶数 − cos x|");
    aics_result_double(r, "sin.max_err.numeric", err_num, "最大 |中心差分 − cos x|");
    aics_result_word(r, "sin.check", err_dual <= 1e-15 && err_num <= 1e-9 ? "pass" : "fail",
                     "sin 的梯度三种方法一致");
}

static const double pool_in[16] = {1, 3, 2, 0, 4, 2, 1, 5, 0, 1, 3, 2, 7, 6, 4, 9};

static double pool_loss(const double *in, const double *dout)
{
    double out[4];
    int arg[4];
    aics_maxpool(in, 4, 4, 2, out, arg);
    return out[0] * dout[0] + out[1] * dout[1] + out[2] * dout[2] + out[3] * dout[3];
}

static void report_pool(aics_result *r)
{
    double out[4], din[16], dout[4] = {1, 1, 1, 1};
    int arg[4];
    aics_maxpool(pool_in, 4, 4, 2, out, arg);
    aics_maxpool_backward(dout, arg, 4, 4, 2, din);
    double worst = 0, in[16];
    for (int i = 0; i < 16; i++) in[i] = pool_in[i];
    for (int i = 0; i < 16; i++) {
        double keep = in[i], h = 1e-3; /* any step smaller than the gap to the runner-up is exact */
        in[i] = keep + h;
        double up = pool_loss(in, dout);
        in[i] = keep - h;
        double down = pool_loss(in, dout);
        in[i] = keep;
        worst = fmax(worst, fabs((up - down) / (2 * h) - din[i]));
    }
    aics_result_part_show(r, "pool", "2×2 最大池化的梯度（上游梯度全为 1）", AICS_SHOW_BRIEF);
    aics_table *t = aics_result_table(r, "rrrrlrrrr",
        (const char *const[]){"x", "x", "x", "x", "", "∂L/∂x", "∂L/∂x", "∂L/∂x", "∂L/∂x"});
    for (int y = 0; y < 4; y++) {
        for (int x = 0; x < 4; x++) aics_table_cell(t, "%g", pool_in[y * 4 + x]);
        aics_table_cell(t, "→");
        for (int x = 0; x < 4; x++) aics_table_cell(t, "%g", din[y * 4 + x]);
    }
    char where[64] = "";
    for (int i = 0; i < 4; i++)
        snprintf(where + strlen(where), sizeof where - strlen(where), "%sx%d", i ? "-" : "", arg[i]);
    aics_result_word(r, "pool.grad_positions", where, "收到梯度的输入位置（行优先编号）");
    aics_result_double(r, "pool.max_err.numeric", worst, "最大 |中心差分 − 路由的梯度|");
    aics_result_word(r, "pool.check", worst < 1e-9 ? "pass" : "fail", "池化梯度与中心差分一致");
}

static const aics_conv_shape layers[] = {
    {1, 5, 5, 1, 3, 1, 0}, {3, 8, 8, 4, 3, 1, 1}, {3, 9, 7, 5, 3, 2, 1},
    {8, 12, 12, 16, 5, 1, 2}, {16, 14, 14, 8, 1, 1, 0}, {4, 11, 11, 6, 3, 3, 0},
};

static double max_diff_one_layer(const aics_conv_shape *s, aics_rng *rng, int64_t *macs)
{
    size_t nin = (size_t)s->c_in * s->h * s->w, nw = (size_t)s->c_out * s->c_in * s->k * s->k;
    size_t nout = (size_t)s->c_out * aics_conv_out_h(s) * aics_conv_out_w(s);
    size_t ncols = (size_t)s->c_in * s->k * s->k * aics_conv_out_h(s) * aics_conv_out_w(s);
    double *in = aics_xmalloc(nin * sizeof *in), *w = aics_xmalloc(nw * sizeof *w);
    double *b = aics_xmalloc((size_t)s->c_out * sizeof *b), *a = aics_xmalloc(nout * sizeof *a);
    double *g = aics_xmalloc(nout * sizeof *g), *cols = aics_xmalloc(ncols * sizeof *cols);
    for (size_t i = 0; i < nin; i++) in[i] = aics_rng_normal(rng);
    for (size_t i = 0; i < nw; i++) w[i] = aics_rng_normal(rng);
    for (int i = 0; i < s->c_out; i++) b[i] = aics_rng_normal(rng);
    aics_conv_direct(s, in, w, b, a);
    aics_conv_gemm(s, in, w, b, cols, g);
    double worst = 0;
    for (size_t i = 0; i < nout; i++) worst = fmax(worst, fabs(a[i] - g[i]));
    *macs = (int64_t)nout * s->c_in * s->k * s->k;
    free(in), free(w), free(b), free(a), free(g), free(cols);
    return worst;
}

static void report_conv(aics_result *r, uint64_t seed)
{
    aics_rng rng;
    aics_rng_seed(&rng, seed, 57);
    aics_result_part_show(r, "conv", "卷积：直接计算与 im2col + 矩阵乘法", AICS_SHOW_BRIEF);
    aics_table *t = aics_result_table(r, "rrrrrrr",
        (const char *const[]){"C_in×H×W", "C_out", "K", "步长", "填充", "乘加次数", "最大差"});
    double worst = 0;
    for (size_t i = 0; i < sizeof layers / sizeof *layers; i++) {
        const aics_conv_shape *s = &layers[i];
        int64_t macs;
        double d = max_diff_one_layer(s, &rng, &macs);
        worst = fmax(worst, d);
        aics_table_cell(t, "%d×%d×%d", s->c_in, s->h, s->w);
        aics_table_cell(t, "%d", s->c_out);
        aics_table_cell(t, "%d", s->k);
        aics_table_cell(t, "%d", s->stride);
        aics_table_cell(t, "%d", s->pad);
        aics_table_cell(t, "%lld", (long long)macs);
        aics_table_cell(t, "%g", d);
    }
    aics_result_int(r, "conv.layers", (int64_t)(sizeof layers / sizeof *layers), "随机层个数");
    aics_result_double(r, "conv.max_abs_diff", worst, "两种实现输出的最大差");
    aics_result_word(r, "conv.check", worst <= 1e-12 ? "pass" : "fail", "两种实现一致");
}

static void report(aics_result *r, const aics_run *run)
{
    aics_result_part_show(r, "answer", "sin 与最大池化的梯度；卷积的两种实现", AICS_SHOW_ANSWER);
    report_sin(r);
    aics_result_note(r, "最大池化的梯度：每个窗口的梯度只传给窗口内最大值的位置，其余为 0。");
    report_pool(r);
    report_conv(r, run->seed);
}

AICS_MAIN(.name = "ex5_5", .exercise = "5.5", .convention = "dual-and-central-checks-direct-vs-im2col",
          .summary = "习题 5.5、5.7：sin 与最大池化的梯度；卷积的直接实现与 im2col + 矩阵乘法实现。",
          .details = "约定：张量为 CHW、批大小 1；卷积层参数与输入由 --seed 的 PCG32 生成（正态分布）。",
          .uses_seed = true, .default_seed = 55, .report = report)
