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
#include "plot.h"
#include "program.h"

static char *thou(int64_t v, char *buf) { return aics_fmt_thousands(v, buf); }

static void key_int(aics_result *r, const char *net, const char *rest, int64_t v, const char *label)
{
    aics_netreport_int(r, net, rest, v, label);
}

static void report_conventions(aics_result *r)
{
    aics_result_part(r, "conventions", "计数约定");
    aics_result_note(r,
        "卷积层：输出 $C_{out}\\times H_{out}\\times W_{out}$，每个输出的扇入 "
        "$F=\\frac{C_{in}}{g}K_hK_w$（$g$ 为分组数）。全连接层：$F=N_{if}$，输出 $N_{of}$ 个。");
    aics_result_note(r,
        "- **mul** = 输出元素数 × $F$（只计卷积层与全连接层）；\n"
        "- **add** = 输出元素数 × $(F-1+b)$，$b=1$ 表示该层有偏置；\n"
        "- **mac**（乘加）= mul，即 ResNet、VGG 论文所说的 FLOPs（一次乘加算一次）；"
        "按字面把乘、加各算一次时 FLOPs = 2 × mac（PyTorch 的一些计数工具这样算）；\n"
        "- 其他层的运算单独列出，不计入 mul、add：比较（最大池化、ReLU）、加法/乘法/除法"
        "（平均池化、LRN、BN/Scale、Eltwise、Softmax）、指数与幂（Softmax、LRN 的幂、BN 的开方）。\n"
        "- 一律按一张图（batch 1）计数，64 位整数，逐步检查溢出。");
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
    aics_result_kv_only(r, true);
    for (size_t i = 0; i < rep->n; i++) {
        const aics_netreport_entry *e = &rep->e[i];
        key_int(r, e->key, "total.mul", e->total.mul, NULL);
        key_int(r, e->key, "total.add", e->total.add, NULL);
        key_int(r, e->key, "total.mac", e->total.mac, NULL);
    }
    aics_result_kv_only(r, false);
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
    aics_result_part(r, "other", "其他层的运算（不计入 mul、add）");
    aics_table *t = aics_result_table(r, "lrrrrr",
        (const char *const[]){"网络", "比较", "加法", "乘法", "除法", "指数/幂/开方"});
    char v[32];
    for (size_t i = 0; i < rep->n; i++) {
        const aics_layer_counts *c = &rep->e[i].total;
        aics_table_cell(t, "%s", rep->e[i].key);
        aics_table_cell(t, "%s", thou(c->other_cmp, v));
        aics_table_cell(t, "%s", thou(c->other_add, v));
        aics_table_cell(t, "%s", thou(c->other_mul, v));
        aics_table_cell(t, "%s", thou(c->other_div, v));
        aics_table_cell(t, "%s", thou(c->other_exp, v));
    }
    aics_result_note(r, "最大池化每个输出比较（窗口元素数 − 1）次，窗口按 Caffe 的方式在边界截断；"
                        "平均池化相应地做加法并除一次。LRN 每个元素：窗口内平方与求和、乘 α/n、加 k、一次幂、一次除法。"
                        "BN 每个元素减均值、除标准差；每个通道给方差加一次 ε（计入上表的“加法”）、开一次方（计入“指数/幂/开方”）；Scale 每个元素一次乘法（有 β 时再加一次）。"
                        "Softmax 按 Caffe：求最大值、减去、取指数、求和、相除。");
    aics_result_kv_only(r, true);
    for (size_t i = 0; i < rep->n; i++) {
        const aics_layer_counts *c = &rep->e[i].total;
        const char *k = rep->e[i].key;
        key_int(r, k, "total.other.cmp", c->other_cmp, NULL);
        key_int(r, k, "total.other.add", c->other_add, NULL);
        key_int(r, k, "total.other.mul", c->other_mul, NULL);
        key_int(r, k, "total.other.div", c->other_div, NULL);
        key_int(r, k, "total.other.exp", c->other_exp, NULL);
    }
    aics_result_kv_only(r, false);
}

/* One row per Convolution / InnerProduct layer, one per other type. */
static void report_layers(aics_result *r, const aics_netreport_entry *e)
{
    char part[160], title[200], a[32], b[32], c[32], shape[64];
    snprintf(part, sizeof part, "layers_%s", e->key);
    snprintf(title, sizeof title, "%s 逐层计数", aics_netreport_title(e));
    aics_result_part_show(r, part, title, AICS_SHOW_LAYERS);
    aics_table *t = aics_result_table(r, "llrrrr",
        (const char *const[]){"层", "类型", "输出 C×H×W", "乘法 mul", "加法 add", "参数"});
    const aics_net *net = e->net;
    for (size_t i = 0; i < net->nlayers; i++) {
        const aics_layer *l = &net->layers[i];
        if (!aics_netreport_row(l)) continue;
        const aics_layer_counts *k = &e->per_layer[i];
        aics_table_cell(t, "%s", l->name);
        aics_table_cell(t, "%s", l->type_name);
        aics_table_cell(t, "%s", aics_netreport_shape(l->out, shape, sizeof shape));
        aics_table_cell(t, "%s", thou(k->mul, a));
        aics_table_cell(t, "%s", thou(k->add, b));
        aics_table_cell(t, "%s", thou(k->params, c));
    }
    for (int ty = 0; ty < AICS_LAYER_TYPE_COUNT; ty++) {
        if (ty == AICS_LAYER_CONV || ty == AICS_LAYER_FC) continue;
        int64_t n = 0, params = 0;
        for (size_t i = 0; i < net->nlayers; i++)
            if ((int)net->layers[i].type == ty) n++, params += e->per_layer[i].params;
        if (n == 0) continue;
        aics_table_cell(t, "（%lld 层）", (long long)n);
        aics_table_cell(t, "%s", aics_layer_type_name((aics_layer_type)ty));
        aics_table_cell(t, "—");
        aics_table_cell(t, "0");
        aics_table_cell(t, "0");
        aics_table_cell(t, "%s", thou(params, c));
    }
    aics_table_cell(t, "**合计**");
    aics_table_cell(t, " ");
    aics_table_cell(t, " ");
    aics_table_cell(t, "%s", thou(e->total.mul, a));
    aics_table_cell(t, "%s", thou(e->total.add, b));
    aics_table_cell(t, "%s", thou(e->total.params, c));

    /* Per-layer keys for the grader: thousands of them for ResNet-152, so they
     * are joined with memcpy rather than printf (see tests/bench/nets.sh). */
    static const char *const names[] = {"mul", "add", "mac", "other.cmp", "other.add", "other.mul",
                                        "other.div", "other.exp"};
    aics_result_kv_only(r, true);
    for (size_t i = 0; i < net->nlayers; i++) {
        const aics_layer_counts *k = &e->per_layer[i];
        const int64_t vals[] = {k->mul, k->add, k->mac, k->other_cmp, k->other_add, k->other_mul,
                                k->other_div, k->other_exp};
        char key[600];
        size_t stem = aics_netreport_layer_key(e, i, key, sizeof key);
        for (size_t m = 0; m < sizeof vals / sizeof *vals; m++) {
            if (m >= 3 && vals[m] == 0) continue; /* other.* only where there is work */
            snprintf(key + stem, sizeof key - stem, "%s", names[m]);
            aics_result_int(r, key, vals[m], NULL);
        }
    }
    aics_result_kv_only(r, false);
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

static const char *mistake_zh(unsigned m)
{
    switch (m) {
    case AICS_MISTAKE_NO_KERNEL: return "漏掉卷积核大小 $K_hK_w$";
    case AICS_MISTAKE_NO_GROUPS: return "忽略分组 $g$";
    case AICS_MISTAKE_FC_AS_ONE: return "把每个全连接层算作一次运算";
    case AICS_MISTAKE_ADD_NIF_MINUS_1: return "加法按 $(N_{if}-1)N_{of}$ 计（漏掉偏置）";
    case AICS_MISTAKE_NO_BIAS_ADD: return "完全忽略偏置";
    default: return "前四种同时犯";
    }
}

static const char *mistake_set_key(unsigned m)
{
    const char *k = aics_mistake_key(m);
    return k ? k : "combined";
}

static void report_mistakes(aics_result *r, const aics_netreport *rep)
{
    aics_result_part(r, "mistakes", "常见错误会得到的数字");
    aics_table *t = aics_result_table(r, "llrrr",
        (const char *const[]){"网络", "错误的算法", "乘法 mul", "加法 add", "mul 与正确值之比"});
    char a[32], b[32], key[200];
    const size_t nm = sizeof mistake_sets / sizeof *mistake_sets;
    aics_layer_counts *cs = aics_xcalloc(rep->n * nm, sizeof *cs);
    for (size_t i = 0; i < rep->n; i++) {
        const aics_netreport_entry *e = &rep->e[i];
        aics_table_cell(t, "%s", e->key);
        aics_table_cell(t, "正确");
        aics_table_cell(t, "%s", thou(e->total.mul, a));
        aics_table_cell(t, "%s", thou(e->total.add, b));
        aics_table_cell(t, "1");
        for (size_t m = 0; m < nm; m++) {
            aics_layer_counts c = cs[i * nm + m] = aics_netreport_count(e, mistake_sets[m]);
            if (!aics_netreport_mistake_shown(e, mistake_sets[m])) continue;
            aics_table_cell(t, "%s", e->key);
            if (mistake_sets[m] == AICS_MISTAKE_FILE_BATCH)
                aics_table_cell(t, "按部署文件的 batch %lld 计", (long long)e->net->batch);
            else
                aics_table_cell(t, "%s", mistake_zh(mistake_sets[m]));
            aics_table_cell(t, "%s", thou(c.mul, a));
            aics_table_cell(t, "%s", thou(c.add, b));
            aics_table_cell(t, "%.4g", e->total.mul ? (double)c.mul / (double)e->total.mul : 0.0);
        }
    }
    aics_result_kv_only(r, true);
    for (size_t i = 0; i < rep->n; i++) {
        const aics_netreport_entry *e = &rep->e[i];
        for (size_t m = 0; m < nm; m++) {
            if (!aics_netreport_mistake_shown(e, mistake_sets[m])) continue;
            const aics_layer_counts c = cs[i * nm + m];
            snprintf(key, sizeof key, "mistake.%s.mul", mistake_set_key(mistake_sets[m]));
            key_int(r, e->key, key, c.mul, NULL);
            snprintf(key, sizeof key, "mistake.%s.add", mistake_set_key(mistake_sets[m]));
            key_int(r, e->key, key, c.add, NULL);
        }
    }
    aics_result_kv_only(r, false);
    free(cs);
}

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

static aics_netreport_opts opt;
static const aics_opt options[] = {AICS_NETREPORT_OPTS(opt), {NULL}};

/* The networks, loaded by report() and drawn by draw(). */
static aics_netreport rep;

static void report(aics_result *r, const aics_run *run)
{
    aics_netreport_load(&rep, run, opt.net, opt.allow_unknown);
    report_conventions(r);
    report_totals(r, &rep);
    report_brief(r, &rep);
    report_compare(r, &rep);
    aics_netreport_alexnet_224(r, &rep, false);
    report_other(r, &rep);
    report_mistakes(r, &rep);
    for (size_t i = 0; i < rep.n; i++) report_layers(r, &rep.e[i]);
}

static void draw(aics_plot *p)
{
    aics_netreport_plot_each(p, &rep, "ex3_2_macs", AICS_NETREPORT_MACS);
    if (rep.n > 1) aics_netreport_plot_compare(p, &rep, "ex3_2_compare");
}

static void finish(void) { aics_netreport_free(&rep); }

AICS_MAIN(.name = "ex3_2", .exercise = "3.2", .convention = "mul-add-per-image",
          .summary = "习题 3.2：AlexNet、VGG-19、ResNet-152 或 Caffe prototxt 文件描述的网络的乘法与加法次数。",
          .usage = "[FILE.prototxt...]",
          .details = "约定（每张图）：卷积层 mul = 输出元素数 × (C_in/g)·K_h·K_w，全连接层 mul = N_of × N_if；\n"
                     "add = 输出元素数 × (扇入 − 1 + b)，b = 1 表示有偏置；mac = mul。其他层的运算单列。\n"
                     "--format=kv 的键：<net>.total.{mul,add,mac}、<net>.total.other.{cmp,add,mul,div,exp}、\n"
                     "<net>.layer.<层>.{mul,add,mac}（及不为 0 的 .other.*）、<net>.mistake.<错误>.{mul,add}。\n"
                     "<net> 是内置网络名，或文件名去掉扩展名、小写、[^a-z0-9_] 换成 _。\n"
                     "例：ex3_2 data/nets/lenet5.prototxt 数一个自己写的网络。",
          .opts = options, .max_args = 1000, .layers = true, .report = report, .draw = draw, .finish = finish)
