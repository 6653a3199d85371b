/* ex3_1.c — exercise 3.1: the neurons and trainable parameters of AlexNet,
 * VGG-19 and ResNet-152 (or of any Caffe prototxt).
 *
 * Counts are exact int64 per image, following src/nets/netcount.h, which the
 * program prints with the answer: neurons are the output elements of the
 * Convolution and InnerProduct layers; parameters are conv and FC weights and
 * biases plus Scale's γ and β (BatchNorm's running statistics are not
 * trainable). It also reports memory at fp32, the totals the common wrong
 * conventions give, and the published figures for comparison.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"
#include "intmath.h"
#include "netcount.h"
#include "netreport.h"
#include "nettable.h"
#include "plot.h"
#include "program.h"

static char *thou(int64_t v, char *buf) { return aics_fmt_thousands(v, buf); }

static void report_conventions(aics_result *r, const aics_netreport *rep)
{
    (void)rep; /* the same conventions for every net */
    aics_nettable_conventions(r, NULL,
        "- **神经元数**：卷积层与全连接层的输出元素个数之和，卷积层为 $C_{out}H_{out}W_{out}$，"
        "全连接层为 $N_{of}$（输入图像本身、池化等层的输出不算）；\n"
        "- **可训练参数**：卷积层 $C_{out}\\cdot\\frac{C_{in}}{g}K_hK_w$ 个权重加 $C_{out}$ 个偏置（有偏置时），"
        "全连接层 $N_{if}N_{of}+N_{of}$，BN 之后的 Scale 层每通道 $\\gamma$、$\\beta$ 各一个；"
        "BN 的滑动均值、方差不是可训练参数，不计入；\n"
        "- **内存**（fp32，每个数 4 字节）：参数字节 = 4 ×（可训练参数 + BN 保存的统计量）；"
        "激活字节 = 4 × 每个新写出的 blob 的元素数（原地层不新增，输入计入）；\n");
}

static void report_totals(aics_result *r, const aics_netreport *rep)
{
    aics_result_part_show(r, "totals", "神经元与可训练参数（每张图）", AICS_SHOW_ANSWER);
    aics_table *t = aics_result_table(r, "lrrrr",
        (const char *const[]){"网络", "神经元", "可训练参数", "参数内存（MiB）", "激活内存（MiB）"});
    char a[32], b[32];
    for (size_t i = 0; i < rep->n; i++) {
        const aics_netreport_entry *e = &rep->e[i];
        aics_table_cell(t, "%s", aics_netreport_title(e));
        aics_table_cell(t, "%s", thou(e->total.neurons, a));
        aics_table_cell(t, "%s", thou(e->total.params, b));
        aics_table_cell(t, "%.1f", (double)e->total.param_bytes / 1048576.0);
        aics_table_cell(t, "%.1f", (double)e->total.act_bytes / 1048576.0);
    }
    aics_nettable_total_keys(r, rep, (const aics_count_field[]){AICS_FIELD_NEURONS, AICS_FIELD_PARAMS,
                                                                AICS_FIELD_PARAM_BYTES, AICS_FIELD_ACT_BYTES}, 4);
    aics_result_note(r, "约定：batch 1；神经元 = 卷积层与全连接层的输出元素数；参数 = 卷积层与全连接层的"
                        "权重和偏置，加上 Scale 层的 $\\gamma$、$\\beta$；内存按 fp32（4 字节）。");
}

/* The short explanation under the answer: where each net's parameters and
 * neurons sit, summed over its layers. */
static void report_brief(aics_result *r, const aics_netreport *rep)
{
    aics_result_part_show(r, "brief", "说明", AICS_SHOW_BRIEF);
    aics_buf b = AICS_BUF_INIT;
    for (size_t i = 0; i < rep->n; i++) {
        const aics_netreport_entry *e = &rep->e[i];
        int64_t fc_params = 0, conv_neurons = 0;
        for (size_t l = 0; l < e->net->nlayers; l++) {
            if (e->net->layers[l].type == AICS_LAYER_FC) fc_params += e->per_layer[l].params;
            if (e->net->layers[l].type == AICS_LAYER_CONV) conv_neurons += e->per_layer[l].neurons;
        }
        aics_buf_printf(&b, "%s%s 的参数 %.1f%% 在全连接层，神经元 %.1f%% 在卷积层", i ? "；" : "",
                        aics_netreport_title(e),
                        e->total.params ? 100.0 * (double)fc_params / (double)e->total.params : 0.0,
                        e->total.neurons ? 100.0 * (double)conv_neurons / (double)e->total.neurons : 0.0);
    }
    aics_result_note(r, "参数与神经元并不同步：卷积层的权重在每个空间位置都要用一次，全连接层的每个权重"
                        "只用一次。%s。逐层的数字见 --layers，常见错误会得到的数字见 --detail。", b.data);
    aics_buf_free(&b);
}

/* Published parameter counts (citations, in millions). */
static void report_compare(aics_result *r, const aics_netreport *rep)
{
    static const struct {
        const char *net;
        double published;
        const char *source;
    } papers[] = {
        {"alexnet", 60, "AlexNet 论文：约 6000 万"},
        {"vgg19", 144, "VGG 论文表 2（配置 E）"},
        {"resnet152", 60.2, "torchvision 文档"},
    };
    bool any = false;
    for (size_t i = 0; i < rep->n; i++) any |= rep->e[i].builtin;
    if (!any) return;
    aics_result_part(r, "compare", "与文献的对照");
    aics_table *t = aics_result_table(r, "lrrl",
        (const char *const[]){"网络", "本程序参数（×10⁶）", "文献（×10⁶）", "出处"});
    for (size_t i = 0; i < rep->n; i++)
        for (size_t p = 0; p < sizeof papers / sizeof *papers; p++) {
            if (!rep->e[i].builtin || strcmp(papers[p].net, rep->e[i].net->name) != 0) continue;
            aics_table_cell(t, "%s", rep->e[i].key);
            aics_table_cell(t, "%.3f", (double)rep->e[i].total.params / 1e6);
            aics_table_cell(t, "%g", papers[p].published);
            aics_table_cell(t, "%s", papers[p].source);
        }
}

/* The common wrong conventions, alone and two combined. */
static const unsigned mistake_sets[] = {
    AICS_MISTAKE_NO_KERNEL, AICS_MISTAKE_NO_GROUPS, AICS_MISTAKE_NO_BIAS_ADD, AICS_MISTAKE_FILE_BATCH,
    AICS_MISTAKE_NO_KERNEL | AICS_MISTAKE_NO_GROUPS,
};
static const char *const mistake_zh[] = {
    "漏掉卷积核大小 $K_hK_w$", "忽略分组 $g$", "忽略偏置（及 β）", NULL, "漏掉 $K_hK_w$ 且忽略分组",
};
static const aics_nettable_mistakes mistakes = {
    mistake_sets, mistake_zh, sizeof mistake_sets / sizeof *mistake_sets, "神经元", "no_kernel_no_groups",
};

/* Neurons and parameters, in the per-layer and the mistakes tables. */
static const aics_nettable_cols cols = {
    2, {AICS_FIELD_NEURONS, AICS_FIELD_PARAMS}, {"神经元", "可训练参数"},
};

static void report_alexnet_224(aics_result *r, const aics_netreport *rep)
{
    aics_netreport_alexnet_224(r, rep, true);
}

static void report_mistakes(aics_result *r, const aics_netreport *rep)
{
    aics_nettable_mistakes_part(r, rep, &mistakes, &cols, NULL, true);
}

static void report_layers(aics_result *r, const aics_netreport *rep)
{
    for (size_t i = 0; i < rep->n; i++) aics_nettable_layers(r, &rep->e[i], &cols, true, cols.field, 2, 2);
}

static aics_nettable_section *const sections[] = {
    report_conventions, report_totals, report_brief, report_compare, report_alexnet_224, report_mistakes,
    report_layers,
};

static aics_netreport_opts opt;
static const aics_opt options[] = {AICS_NETREPORT_OPTS(opt), {NULL}};

/* The networks, loaded by report() and drawn by draw(). */
static aics_netreport nets;

static void report(aics_result *r, const aics_run *run)
{
    aics_nettable_report(r, run, &opt, &nets, sections, sizeof sections / sizeof *sections);
}

static void draw(aics_plot *p) { aics_netreport_plot_each(p, &nets, "ex3_1_params", AICS_NETREPORT_PARAMS); }

static void finish(void) { aics_netreport_free(&nets); }

AICS_MAIN(.name = "ex3_1", .exercise = "3.1", .convention = "neurons-params-per-image",
          .summary = "习题 3.1：AlexNet、VGG-19、ResNet-152 或 Caffe prototxt 文件描述的网络的神经元数与可训练参数。",
          .usage = AICS_NETREPORT_USAGE,
          .details = "约定（每张图）：神经元 = 卷积层与全连接层的输出元素数；参数 = 卷积层与全连接层的\n"
                     "权重和偏置，加上 Scale 层的 γ、β（BN 的滑动均值与方差不是可训练参数）。\n"
                     "--format=kv 的键：<net>.total.{neurons,params,param_bytes,act_bytes}、\n"
                     "<net>.layer.<层>.{neurons,params}、<net>.mistake.<错误>.{neurons,params}、\n"
                     "<net>.file_batch（部署文件写的 batch，只用于演示把它乘进去的错误）。\n"
                     AICS_NETREPORT_NAMING
                     "例：ex3_1 data/nets/lenet5.prototxt 数一个自己写的网络。",
          .opts = options, .max_args = 1000, .layers = true, .report = report, .draw = draw, .finish = finish)
