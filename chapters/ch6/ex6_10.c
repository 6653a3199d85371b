/* ex6_10.c — exercise 6.10: the roofline of the chapter's DLP, with every
 * Convolution and InnerProduct layer of AlexNet, VGG19 and ResNet-152 (or of
 * Caffe prototxt files) placed on it by its operational intensity.
 *
 * Units: MACs per second for performance and MACs per byte for intensity
 * (one MAC = two operations in "OPS" figures). Intensity uses compulsory
 * traffic: each input, weight (with bias) and output element moved once.
 * Attainable performance = min(peak, intensity × bandwidth).
 */
#include <stdio.h>
#include <stdlib.h>

#include "dlp6.h"
#include "error.h"
#include "netreport.h"
#include "plot.h"
#include "program.h"

static struct {
    aics_dlp6 proc;
    const char *net;
} opt = {AICS_DLP6_DIANNAO, NULL};

static const aics_opt options[] = {
    AICS_DLP6_OPTS(opt.proc),
    {"net", AICS_OPT_STRING, &opt.net, "NAME", "只画一个内置网络：alexnet、vgg19、resnet152 等"},
    {NULL, 0, NULL, NULL, NULL, 0, 0, 0},
};

typedef struct {
    aics_dlp6_layer *l;
    size_t n;
    int64_t macs, bytes;
    size_t mem_bound;
} net_points;

static double attainable(double oi)
{
    double roof = oi * opt.proc.bw_gbps * 1e9, peak = aics_dlp6_peak(&opt.proc);
    return roof < peak ? roof : peak;
}

static void report_answer(aics_result *r, const aics_netreport *rep, const net_points *np)
{
    double peak = aics_dlp6_peak(&opt.proc), ridge = peak / (opt.proc.bw_gbps * 1e9);
    aics_result_part_show(r, "answer", "答案：屋顶线", AICS_SHOW_ANSWER);
    aics_result_double(r, "peak_gmacs", peak / 1e9, "峰值（10⁹ 乘加/秒）");
    aics_result_double(r, "ridge", ridge, "屋脊点（乘加/字节）");
    aics_result_note(r, "性能上限 = min(峰值, 运算强度 × 带宽)。约定：%lld 个乘加单元 × %.2f GHz，带宽 %.1f GB/s，"
                        "%lld 字节一个数；运算强度 = 乘加次数 ÷ 必需访存字节（输入、权重与偏置、输出各一次）。",
                     (long long)opt.proc.macs_per_cycle, opt.proc.freq_ghz, opt.proc.bw_gbps, (long long)opt.proc.elem_bytes);
    aics_table *t = aics_result_table(r, "lrrrr", (const char *const[]){"网络", "层数", "受访存限制的层",
                                                                      "全网运算强度", "全网可达利用率"});
    for (size_t i = 0; i < rep->n; i++) {
        double oi = (double)np[i].macs / (double)np[i].bytes;
        aics_table_cell(t, "%s", rep->e[i].key);
        aics_table_cell(t, "%zu", np[i].n);
        aics_table_cell(t, "%zu", np[i].mem_bound);
        aics_table_cell(t, "%.1f", oi);
        double tsum = 0;
        for (size_t k = 0; k < np[i].n; k++) tsum += aics_dlp6_time(&opt.proc, np[i].l[k].macs, np[i].l[k].bytes);
        aics_table_cell(t, "%.1f%%", 100 * (double)np[i].macs / (peak * tsum));
    }
    aics_result_kv_only(r, true);
    for (size_t i = 0; i < rep->n; i++) {
        char key[200];
        snprintf(key, sizeof key, "%s.mem_bound_layers", rep->e[i].key);
        aics_result_int(r, key, (int64_t)np[i].mem_bound, NULL);
        snprintf(key, sizeof key, "%s.intensity", rep->e[i].key);
        aics_result_double(r, key, (double)np[i].macs / (double)np[i].bytes, NULL);
    }
    aics_result_kv_only(r, false);
    aics_dlp6_report_proc(r, &opt.proc);
}

/* The networks and their layers' points, made by report() for draw(). */
static aics_netreport rep;
static net_points *np;

static void report(aics_result *r, const aics_run *run)
{
    aics_netreport_load(&rep, run, opt.net, false);
    np = aics_xcalloc(rep.n, sizeof *np);
    for (size_t i = 0; i < rep.n; i++) {
        const aics_net *net = rep.e[i].net;
        np[i].l = aics_xcalloc(net->nlayers ? net->nlayers : 1, sizeof *np[i].l);
        np[i].n = aics_dlp6_layers(net, rep.e[i].per_layer, opt.proc.elem_bytes, np[i].l);
        double ridge = aics_dlp6_peak(&opt.proc) / (opt.proc.bw_gbps * 1e9);
        for (size_t k = 0; k < np[i].n; k++) {
            np[i].macs += np[i].l[k].macs, np[i].bytes += np[i].l[k].bytes;
            np[i].mem_bound += (double)np[i].l[k].macs / (double)np[i].l[k].bytes < ridge;
        }
        if (np[i].n == 0) aics_die_usage("%s has no Convolution or InnerProduct layer", rep.e[i].key);
    }
    report_answer(r, &rep, np);
}

static void draw(aics_plot *p)
{
    double ridge = aics_dlp6_peak(&opt.proc) / (opt.proc.bw_gbps * 1e9);
    double roof[6] = {0.01, attainable(0.01) / 1e9, ridge, attainable(ridge) / 1e9, 1e5, attainable(1e5) / 1e9};
    aics_plot_series *s = aics_xcalloc(rep.n, sizeof *s);
    for (size_t i = 0; i < rep.n; i++) {
        double *v = aics_xcalloc(np[i].n * 2 + 2, sizeof *v);
        for (size_t k = 0; k < np[i].n; k++) {
            double oi = (double)np[i].l[k].macs / (double)np[i].l[k].bytes;
            v[2 * k] = oi, v[2 * k + 1] = attainable(oi) / 1e9;
        }
        s[i] = (aics_plot_series){v, np[i].n, rep.e[i].key};
    }
    aics_plot_begin(p, "ex6_10_roofline", 1100, 680);
    aics_plot_axes_set(p, &(aics_plot_axes){.xlabel = "运算强度（乘加/字节，对数坐标）",
                                            .ylabel = "可达性能（10⁹ 乘加/秒，对数坐标）", .xrange = "0.1:10000",
                                            .logscale = "xy", .key = "below"});
    aics_plot_roofline(p, roof, 3, s, rep.n, 1.6);
    aics_plot_end(p);
    for (size_t i = 0; i < rep.n; i++) free((double *)s[i].xy);
    free(s);
}

static void finish(void)
{
    for (size_t i = 0; i < rep.n; i++) free(np[i].l);
    free(np);
    aics_netreport_free(&rep);
}

AICS_MAIN(.name = "ex6_10", .exercise = "6.10", .convention = "macs-per-compulsory-byte",
          .summary = "习题 6.10：第 6 章深度学习处理器的屋顶线（roofline），并把 AlexNet、VGG19、ResNet152 的每个卷积层与"
                     "全连接层画在上面。给出 prototxt 文件时画这些网络。",
          .usage = AICS_NETREPORT_USAGE,
          .details = "处理器参数取 DianNao（16×16 乘加阵列，0.98 GHz，16 位定点），带宽取习题的 12.8 GB/s，均可用选项修改。\n"
                     "kv 键：peak_gmacs、ridge、<网络>.intensity、<网络>.mem_bound_layers、proc.*。",
          .opts = options, .max_args = 100, .report = report, .draw = draw, .finish = finish)
