/* ex3_2.c — exercise 3.2: the multiplications and additions of one forward
 * pass of AlexNet, VGG-19 and ResNet-152 (or of any Caffe prototxt).
 *
 * Counts are exact int64 per image, following the conventions of
 * src/nets/netcount.h, which the program prints with the answer: mul and add in
 * Convolution and InnerProduct layers, mac = mul, and every other layer's
 * work reported apart. It also computes the totals a student gets with the
 * common wrong conventions, and compares with the papers' published figures
 * and with torchvision's variants of the same networks.
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
    aics_nettable_conventions(r,
        "卷积层：输出 $C_{out}\\times H_{out}\\times W_{out}$，每个输出的扇入 "
        "$F=\\frac{C_{in}}{g}K_hK_w$（$g$ 为分组数）。全连接层：$F=N_{if}$，输出 $N_{of}$ 个。",
        "- **mul** = 输出元素数 × $F$（只计卷积层与全连接层）；\n"
        "- **add** = 输出元素数 × $(F-1+b)$，$b=1$ 表示该层有偏置；\n"
        "- **mac**（乘加）= mul，即 ResNet、VGG 论文所说的 FLOPs（一次乘加算一次）；"
        "按字面把乘、加各算一次时 FLOPs = 2 × mac（PyTorch 的一些计数工具这样算）；\n"
        "- 其他层的运算单独列出，不计入 mul、add：比较（最大池化、ReLU）、加法/乘法/除法"
        "（平均池化、LRN、BN/Scale、Eltwise、Softmax）、指数与幂（Softmax、LRN 的幂、BN 的开方）。\n");
}

static void report_totals(aics_result *r, const aics_netreport *rep)
{
    aics_result_part_show(r, "totals", "一次正向过程的乘法与加法（每张图）", AICS_SHOW_ANSWER);
    aics_table *t = aics_result_table(r, "lrrrr",
        (const char *const[]){"网络", "乘法 mul", "加法 add", "乘加 MAC", "MAC（×10⁹）"});
    char a[32], b[32], c[32];
    for (size_t i = 0; i < rep->n; i++) {
        const aics_netreport_entry *e = &rep->e[i];
        aics_table_cell(t, "%s", aics_netreport_title(e));
        aics_table_cell(t, "%s", thou(e->total.mul, a));
        aics_table_cell(t, "%s", thou(e->total.add, b));
        aics_table_cell(t, "%s", thou(e->total.mac, c));
        double g = (double)e->total.mac / 1e9;
        aics_table_cell(t, g < 0.1 ? "%.3g" : "%.3f", g); /* a small net is not 0.000 */
    }
    aics_nettable_total_keys(r, rep, (const aics_count_field[]){AICS_FIELD_MUL, AICS_FIELD_ADD, AICS_FIELD_MAC}, 3);
    aics_result_note(r, "约定：batch 1，只计卷积层与全连接层；mul = 输出元素数 × 扇入 $F$，"
                        "add = 输出元素数 × $(F-1+b)$（$b=1$ 表示有偏置），MAC = mul。");
}

/* The short explanation under the answer: a verdict computed from the totals. */
static void report_brief(aics_result *r, const aics_netreport *rep)
{
    aics_result_part_show(r, "brief", "说明", AICS_SHOW_BRIEF);
    aics_buf fewer = AICS_BUF_INIT;
    for (size_t i = 0; i < rep->n; i++)
        if (rep->e[i].total.add < rep->e[i].total.mul)
            aics_buf_printf(&fewer, "%s%s", fewer.len ? "、" : "", aics_netreport_title(&rep->e[i]));
    aics_result_note(r, "卷积层每个输出是长度为 $F = \\frac{C_{in}}{g}K_hK_w$ 的点积：$F$ 次乘法，"
                        "$F-1$ 次加法，有偏置再加一次，所以有偏置的层 add = mul。%s%s"
                        "池化、激活、归一化等其他层的运算单独统计，见 --detail。",
                     fewer.len ? fewer.data : "", fewer.len ? " 有不带偏置的卷积层，所以 add < mul。" : "");
    aics_buf_free(&fewer);
}

static void report_other(aics_result *r, const aics_netreport *rep)
{
    static const aics_count_field other[] = {AICS_FIELD_OTHER_CMP, AICS_FIELD_OTHER_ADD, AICS_FIELD_OTHER_MUL,
                                             AICS_FIELD_OTHER_DIV, AICS_FIELD_OTHER_EXP};
    aics_result_part(r, "other", "其他层的运算（不计入 mul、add）");
    aics_table *t = aics_result_table(r, "lrrrrr",
        (const char *const[]){"网络", "比较", "加法", "乘法", "除法", "指数/幂/开方"});
    char v[32];
    for (size_t i = 0; i < rep->n; i++) {
        aics_table_cell(t, "%s", rep->e[i].key);
        for (size_t f = 0; f < sizeof other / sizeof *other; f++)
            aics_table_cell(t, "%s", thou(aics_count_field_value(&rep->e[i].total, other[f]), v));
    }
    aics_result_note(r, "最大池化每个输出比较（窗口元素数 − 1）次，窗口按 Caffe 的方式在边界截断；"
                        "平均池化相应地做加法并除一次。LRN 每个元素：窗口内平方与求和、乘 α/n、加 k、一次幂、一次除法。"
                        "BN 每个元素减均值、除标准差；每个通道给方差加一次 ε（计入上表的“加法”）、开一次方（计入“指数/幂/开方”）；Scale 每个元素一次乘法（有 β 时再加一次）。"
                        "Softmax 按 Caffe：求最大值、减去、取指数、求和、相除。");
    aics_nettable_total_keys(r, rep, other, sizeof other / sizeof *other);
}

// ANCHOR: mistakes
/* The common wrong conventions, alone and the four of the exercise combined. */
static const unsigned mistake_sets[] = {
    AICS_MISTAKE_NO_KERNEL, AICS_MISTAKE_NO_GROUPS, AICS_MISTAKE_FC_AS_ONE,
    AICS_MISTAKE_ADD_NIF_MINUS_1, AICS_MISTAKE_NO_BIAS_ADD, AICS_MISTAKE_FILE_BATCH,
    AICS_MISTAKE_NO_KERNEL | AICS_MISTAKE_NO_GROUPS | AICS_MISTAKE_FC_AS_ONE |
        AICS_MISTAKE_ADD_NIF_MINUS_1,
};
// ANCHOR_END: mistakes

static const char *const mistake_zh[] = {
    "漏掉卷积核大小 $K_hK_w$", "忽略分组 $g$", "把每个全连接层算作一次运算",
    "加法按 $(N_{if}-1)N_{of}$ 计（漏掉偏置）", "完全忽略偏置", NULL, "前四种同时犯",
};
static const aics_nettable_mistakes mistakes = {
    mistake_sets, mistake_zh, sizeof mistake_sets / sizeof *mistake_sets, "", "combined",
};

/* The per-layer kv keys: thousands of them for ResNet-152 (see
 * tests/bench/nets.sh); other.* only where there is work. */
static const aics_count_field layer_keys[] = {
    AICS_FIELD_MUL, AICS_FIELD_ADD, AICS_FIELD_MAC, AICS_FIELD_OTHER_CMP, AICS_FIELD_OTHER_ADD,
    AICS_FIELD_OTHER_MUL, AICS_FIELD_OTHER_DIV, AICS_FIELD_OTHER_EXP,
};

/* Published figures (citations, in 10⁹ multiply-accumulates), and
 * torchvision's variants computed here. */
static void report_compare(aics_result *r, const aics_netreport *rep)
{
    static const struct {
        const char *net, *variant;
        double published;
        const char *source;
    } papers[] = {
        {"alexnet", "alexnet_tv", 0.0, "论文未给出"},
        {"vgg19", NULL, 19.6, "ResNet 论文（He et al. 2015）"},
        {"resnet152", "resnet152_tv", 11.3, "ResNet 论文表 1"},
    };
    bool any = false;
    int64_t vgg = -1, res = -1, res_tv = -1; /* the prose's comparisons, decided below */
    for (size_t i = 0; i < rep->n; i++) any |= rep->e[i].builtin;
    if (!any) return;
    aics_result_part(r, "compare", "与论文及 torchvision 的对照");
    aics_table *t = aics_result_table(r, "lrrlr",
        (const char *const[]){"网络", "本程序 MAC（×10⁹）", "论文（×10⁹）", "出处", "torchvision 版（×10⁹）"});
    for (size_t i = 0; i < rep->n; i++) {
        const aics_netreport_entry *e = &rep->e[i];
        for (size_t p = 0; p < sizeof papers / sizeof *papers; p++) {
            if (!e->builtin || strcmp(papers[p].net, e->net->name) != 0) continue;
            if (p == 1) vgg = e->total.mac;
            if (p == 2) res = e->total.mac;
            aics_table_cell(t, "%s", e->key);
            aics_table_cell(t, "%.3f", (double)e->total.mac / 1e9);
            if (papers[p].published > 0) aics_table_cell(t, "%.1f", papers[p].published);
            else aics_table_cell(t, "—");
            aics_table_cell(t, "%s", papers[p].source);
            if (!papers[p].variant) {
                aics_table_cell(t, "（同）");
                continue;
            }
            aics_net *v = aics_net_builtin(papers[p].variant);
            aics_net_totals tv;
            AICS_CHECK(aics_net_count_totals(v, 0, &tv), "the built-in variants never overflow");
            aics_table_cell(t, "%.3f", (double)tv.mac / 1e9);
            if (p == 2) res_tv = tv.mac;
            char key[100];
            snprintf(key, sizeof key, "compare.%s.mac", papers[p].variant);
            aics_result_int(r, key, tv.mac, NULL);
            snprintf(key, sizeof key, "compare.%s.mul", papers[p].variant);
            aics_result_int(r, key, tv.mul, NULL);
            aics_net_free(v);
        }
    }
    if (vgg >= 0 && res >= 0)
        aics_result_bool(r, "compare.resnet152_fewer_than_vgg19", res < vgg, "ResNet-152 的乘加次数少于 VGG-19");
    if (res >= 0 && res_tv >= 0)
        aics_result_bool(r, "compare.resnet152_tv.more_mac", res_tv > res, "torchvision 版 ResNet-152 的乘加次数多于 Caffe 版");
}

static void report_alexnet_224(aics_result *r, const aics_netreport *rep)
{
    aics_netreport_alexnet_224(r, rep, false);
}

static void report_mistakes(aics_result *r, const aics_netreport *rep)
{
    static const aics_nettable_cols cols = {2, {AICS_FIELD_MUL, AICS_FIELD_ADD}, {"乘法 mul", "加法 add"}};
    aics_nettable_mistakes_part(r, rep, &mistakes, &cols, "mul 与正确值之比", false);
}

/* One row per Convolution / InnerProduct layer, one per other type. */
static void report_layers(aics_result *r, const aics_netreport *rep)
{
    static const aics_nettable_cols cols = {
        3, {AICS_FIELD_MUL, AICS_FIELD_ADD, AICS_FIELD_PARAMS}, {"乘法 mul", "加法 add", "参数"}};
    for (size_t i = 0; i < rep->n; i++)
        aics_nettable_layers(r, &rep->e[i], &cols, false, layer_keys, sizeof layer_keys / sizeof *layer_keys, 3);
}

static aics_nettable_section *const sections[] = {
    report_conventions, report_totals, report_brief, report_compare, report_alexnet_224, report_other,
    report_mistakes, report_layers,
};

static aics_netreport_opts opt;
static const aics_opt options[] = {AICS_NETREPORT_OPTS(opt), {NULL}};

/* The networks, loaded by report() and drawn by draw(). */
static aics_netreport nets;

static void report(aics_result *r, const aics_run *run)
{
    aics_nettable_report(r, run, &opt, &nets, sections, sizeof sections / sizeof *sections);
}

static void draw(aics_plot *p)
{
    aics_netreport_plot_each(p, &nets, "ex3_2_macs", AICS_NETREPORT_MACS);
    if (nets.n > 1) aics_netreport_plot_compare(p, &nets, "ex3_2_compare");
}

static void finish(void) { aics_netreport_free(&nets); }

AICS_MAIN(.name = "ex3_2", .exercise = "3.2", .convention = "mul-add-per-image",
          .summary = "习题 3.2：AlexNet、VGG-19、ResNet-152 或 Caffe prototxt 文件描述的网络的乘法与加法次数。",
          .usage = AICS_NETREPORT_USAGE,
          .details = "约定（每张图）：卷积层 mul = 输出元素数 × (C_in/g)·K_h·K_w，全连接层 mul = N_of × N_if；\n"
                     "add = 输出元素数 × (扇入 − 1 + b)，b = 1 表示有偏置；mac = mul。其他层的运算单列。\n"
                     "--format=kv 的键：<net>.total.{mul,add,mac}、<net>.total.other.{cmp,add,mul,div,exp}、\n"
                     "<net>.layer.<层>.{mul,add,mac}（及不为 0 的 .other.*）、<net>.mistake.<错误>.{mul,add}。\n"
                     AICS_NETREPORT_NAMING
                     "例：ex3_2 data/nets/lenet5.prototxt 数一个自己写的网络。",
          .opts = options, .max_args = 1000, .layers = true, .report = report, .draw = draw, .finish = finish)
