/* ex6_12.c — exercise 6.12: what the six-loop form of a convolution lacks on
 * a deep-learning processor, and two better representations, counted on
 * every convolution layer of AlexNet, VGG19 and ResNet-152:
 *   - im2col: the layer as one matrix product (C_out × C_in·K²)·(C_in·K² × H_out·W_out);
 *     the same MACs, regular rows for the matrix array, but the input matrix
 *     repeats every input value up to K²/s² times;
 *   - Winograd F(m×m, 3×3) on 3×3 stride-1 layers: (m+2)² multiplications
 *     per m×m output tile and channel pair instead of 9m².
 * Counts are exact per image (one group at a time for grouped layers);
 * Winograd counts only the element-wise multiplications, not the transforms.
 */
#include <stdio.h>
#include <stdlib.h>

#include "error.h"
#include "intmath.h"
#include "netreport.h"
#include "program.h"

static struct {
    const char *net;
} opt;

static const aics_opt options[] = {
    {"net", AICS_OPT_STRING, &opt.net, "NAME", "只算一个内置网络：alexnet、vgg19、resnet152 等"},
    {NULL, 0, NULL, NULL, NULL, 0, 0, 0},
};

typedef struct {
    int64_t macs, input, im2col;          /* all conv layers */
    int64_t w_macs, w_f2, w_f4;           /* 3×3 stride-1 layers: direct MACs, Winograd multiplications */
    int64_t layers, w_layers;
} counts;

static int64_t ceil_div(int64_t a, int64_t b) { return (a + b - 1) / b; }

static counts count_net(const aics_net *net)
{
    counts c = {0};
    for (size_t i = 0; i < net->nlayers; i++) {
        const aics_layer *l = &net->layers[i];
        if (l->type != AICS_LAYER_CONV) continue;
        int64_t g = l->group, ci = l->in.c / g, co = l->num_output / g, kk = l->kernel_h * l->kernel_w;
        int64_t pos = l->out.h * l->out.w, macs = g * co * ci * kk * pos;
        c.layers++;
        c.macs += macs;
        c.input += l->in.c * l->in.h * l->in.w;
        c.im2col += g * ci * kk * pos;
        bool w3 = l->kernel_h == 3 && l->kernel_w == 3 && l->stride_h == 1 && l->stride_w == 1 &&
                  l->dilation_h == 1 && l->dilation_w == 1;
        if (!w3) continue;
        c.w_layers++;
        c.w_macs += macs;
        c.w_f2 += g * co * ci * 16 * ceil_div(l->out.h, 2) * ceil_div(l->out.w, 2);
        c.w_f4 += g * co * ci * 36 * ceil_div(l->out.h, 4) * ceil_div(l->out.w, 4);
    }
    return c;
}

static void key_int(aics_result *r, const char *net, const char *rest, int64_t v)
{
    aics_netreport_int(r, net, rest, v, NULL);
}

static void report_answer(aics_result *r, const aics_netreport *rep, const counts *c)
{
    aics_result_part_show(r, "answer", "答案：两种表示省下什么、多花什么", AICS_SHOW_ANSWER);
    aics_table *t = aics_result_table(r, "lrrrr", (const char *const[]){"网络", "im2col 输入放大", "3×3 层占乘加",
                                                                      "Winograd F(2,3) 省", "F(4,3) 省"});
    for (size_t i = 0; i < rep->n; i++) {
        aics_table_cell(t, "%s", rep->e[i].key);
        aics_table_cell(t, "%.2f 倍", (double)c[i].im2col / (double)c[i].input);
        aics_table_cell(t, "%.1f%%", 100.0 * (double)c[i].w_macs / (double)c[i].macs);
        if (c[i].w_layers) {
            aics_table_cell(t, "%.2f 倍", (double)c[i].w_macs / (double)c[i].w_f2);
            aics_table_cell(t, "%.2f 倍", (double)c[i].w_macs / (double)c[i].w_f4);
        } else {
            aics_table_cell(t, "—");
            aics_table_cell(t, "—");
        }
    }
    aics_result_note(r, "im2col 输入放大 = im2col 矩阵的元素数 ÷ 各卷积层输入的元素数（乘加次数不变）；"
                        "Winograd 只用于 3×3、步长 1 的层，“省”指省下的逐元素乘法的倍数（不计变换中的加法）。");
    aics_result_kv_only(r, true);
    for (size_t i = 0; i < rep->n; i++) {
        const char *k = rep->e[i].key;
        key_int(r, k, "conv.macs", c[i].macs);
        key_int(r, k, "conv.input_elements", c[i].input);
        key_int(r, k, "im2col.elements", c[i].im2col);
        key_int(r, k, "winograd.direct_macs", c[i].w_macs);
        key_int(r, k, "winograd.f2.mul", c[i].w_f2);
        key_int(r, k, "winograd.f4.mul", c[i].w_f4);
        key_int(r, k, "winograd.layers", c[i].w_layers);
    }
    aics_result_kv_only(r, false);
}

/* Whether each net's convolution MACs here equal the chapter-3 count. */
static bool same_macs(const aics_netreport *rep, const counts *c)
{
    bool same = true;
    for (size_t i = 0; i < rep->n; i++) {
        int64_t m = 0;
        for (size_t k = 0; k < rep->e[i].net->nlayers; k++)
            if (rep->e[i].net->layers[k].type == AICS_LAYER_CONV) m += rep->e[i].per_layer[k].mac;
        same &= m == c[i].macs;
    }
    return same;
}

static void report(aics_result *r, const aics_run *run)
{
    aics_netreport rep;
    aics_netreport_load(&rep, run, opt.net, false);
    counts *c = aics_xcalloc(rep.n, sizeof *c);
    for (size_t i = 0; i < rep.n; i++) {
        c[i] = count_net(rep.e[i].net);
        if (c[i].layers == 0) aics_die_usage("%s has no Convolution layer", rep.e[i].key);
    }
    report_answer(r, &rep, c);
    aics_result_word(r, "macs.check", same_macs(&rep, c) ? "pass" : "fail", "卷积层的乘加数与习题 3.2 的计数一致");
    free(c);
    aics_netreport_free(&rep);
}

AICS_MAIN(.name = "ex6_12", .exercise = "6.12", .convention = "per-image-exact",
          .summary = "习题 6.12：卷积的循环表示在深度学习处理器上的问题，以及 im2col（转成矩阵乘法）与 Winograd 两种表示"
                     "在 AlexNet、VGG19、ResNet152 上省下与多花的量。",
          .usage = AICS_NETREPORT_USAGE,
          .details = "kv 键：<网络>.conv.macs、<网络>.im2col.elements、<网络>.conv.input_elements、"
                     "<网络>.winograd.{direct_macs,f2.mul,f4.mul,layers}。",
          .opts = options, .max_args = 100, .report = report)
