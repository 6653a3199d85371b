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

static aics_dlp6 proc;
static const char *net_name;

static const aics_opt options[] = {
    {"bw-gbps", AICS_OPT_DOUBLE, &proc.bw_gbps, "GB/S", "带宽，GB/s（1 GB = 10⁹ B）", AICS_RANGE_OPEN_MIN, 0, 1e6,
     .kv = "proc.bw_gbps"},
    {"freq-ghz", AICS_OPT_DOUBLE, &proc.freq_ghz, "GHZ", "主频，GHz（取 DianNao 的值，假设）", AICS_RANGE_OPEN_MIN, 0,
     100, .kv = "proc.freq_ghz"},
    {"macs", AICS_OPT_INT, &proc.macs_per_cycle, "N", "运算阵列每周期乘加数（DianNao：16×16，假设）",
     AICS_RANGE_CLOSED, 1, 1 << 24, .kv = "proc.macs_per_cycle"},
    {"bytes", AICS_OPT_INT, &proc.elem_bytes, "B", "每个数的字节数（16 位定点为 2，假设）", AICS_RANGE_CLOSED, 1, 8,
     .kv = "proc.elem_bytes"},
    {"net", AICS_OPT_STRING, &net_name, "NAME", "只画一个内置网络：alexnet、vgg19、resnet152 等"},
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
    double roof = oi * proc.bw_gbps * 1e9, peak = aics_dlp6_peak(&proc);
    return roof < peak ? roof : peak;
}

static void report(aics_result *r, const aics_netreport *rep, const net_points *np)
{
    double peak = aics_dlp6_peak(&proc), ridge = peak / (proc.bw_gbps * 1e9);
    aics_result_part_show(r, "answer", "答案：屋顶线", AICS_SHOW_ANSWER);
    aics_result_double(r, "peak_gmacs", peak / 1e9, "峰值（10⁹ 乘加/秒）");
    aics_result_double(r, "ridge", ridge, "屋脊点（乘加/字节）");
    aics_result_note(r, "性能上限 = min(峰值, 运算强度 × 带宽)。约定：%lld 个乘加单元 × %.2f GHz，带宽 %.1f GB/s，"
                        "%lld 字节一个数；运算强度 = 乘加次数 ÷ 必需访存字节（输入、权重与偏置、输出各一次）。",
                     (long long)proc.macs_per_cycle, proc.freq_ghz, proc.bw_gbps, (long long)proc.elem_bytes);
    aics_table *t = aics_result_table(r, "lrrrr", (const char *const[]){"网络", "层数", "受访存限制的层",
                                                                      "全网运算强度", "全网可达利用率"});
    for (size_t i = 0; i < rep->n; i++) {
        double oi = (double)np[i].macs / (double)np[i].bytes;
        aics_table_cell(t, "%s", rep->e[i].key);
        aics_table_cell(t, "%zu", np[i].n);
        aics_table_cell(t, "%zu", np[i].mem_bound);
        aics_table_cell(t, "%.1f", oi);
        double tsum = 0;
        for (size_t k = 0; k < np[i].n; k++) tsum += aics_dlp6_time(&proc, np[i].l[k].macs, np[i].l[k].bytes);
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
    aics_result_double(r, "proc.bw_gbps", proc.bw_gbps, NULL);
    aics_result_double(r, "proc.freq_ghz", proc.freq_ghz, NULL);
    aics_result_int(r, "proc.macs_per_cycle", proc.macs_per_cycle, NULL);
    aics_result_int(r, "proc.elem_bytes", proc.elem_bytes, NULL);
    aics_result_kv_only(r, false);
}

static void plot(aics_plot *p, const aics_netreport *rep, const net_points *np)
{
    if (!aics_plot_enabled(p)) return;
    double ridge = aics_dlp6_peak(&proc) / (proc.bw_gbps * 1e9);
    double roof[6] = {0.01, attainable(0.01) / 1e9, ridge, attainable(ridge) / 1e9, 1e5, attainable(1e5) / 1e9};
    aics_plot_begin(p, "ex6_10_roofline", 1100, 680);
    aics_plot_data(p, "R", roof, 3, 2);
    for (size_t i = 0; i < rep->n; i++) {
        double *v = aics_xcalloc(np[i].n * 2 + 2, sizeof *v);
        for (size_t k = 0; k < np[i].n; k++) {
            double oi = (double)np[i].l[k].macs / (double)np[i].l[k].bytes;
            v[2 * k] = oi, v[2 * k + 1] = attainable(oi) / 1e9;
        }
        char block[32];
        snprintf(block, sizeof block, "N%zu", i);
        aics_plot_data(p, block, v, np[i].n, 2);
        free(v);
    }
    aics_plot_cmd(p, "set logscale xy; set grid; set key below; set xrange [0.1:10000]");
    aics_plot_cmd(p, "set xlabel '运算强度（乘加/字节，对数坐标）'; set ylabel '可达性能（10⁹ 乘加/秒，对数坐标）'");
    aics_buf cmd = AICS_BUF_INIT;
    aics_buf_puts(&cmd, "plot $R using 1:2 with lines lw 3 lc rgb 'black' title '屋顶线'");
    static const int pts[] = {7, 5, 9, 11, 13};
    for (size_t i = 0; i < rep->n; i++)
        aics_buf_printf(&cmd, ", $N%zu using 1:2 with points pt %d ps 1.6 title '%s'", i, pts[i % 5],
                        rep->e[i].key);
    aics_plot_cmd(p, "%s", cmd.data);
    aics_buf_free(&cmd);
    aics_plot_end(p);
}

static const aics_program program = {
    .name = "ex6_10",
    .exercise = "6.10",
    .summary = "习题 6.10：第 6 章深度学习处理器的屋顶线（roofline），并把 AlexNet、VGG19、ResNet152 的每个卷积层与"
               "全连接层画在上面。给出 prototxt 文件时画这些网络。",
    .usage = "[FILE.prototxt...]",
    .details = "处理器参数取 DianNao（16×16 乘加阵列，0.98 GHz，16 位定点），带宽取习题的 12.8 GB/s，均可用选项修改。\n"
               "kv 键：peak_gmacs、ridge、<网络>.intensity、<网络>.mem_bound_layers、proc.*。",
    .opts = options,
    .max_args = 100,
};

int main(int argc, char **argv)
{
    proc = aics_dlp6_diannao();
    aics_run run;
    aics_run_init(&run, &program, argc, argv);
    aics_netreport rep;
    aics_netreport_load(&rep, &run, net_name, false);
    net_points *np = aics_xcalloc(rep.n, sizeof *np);
    for (size_t i = 0; i < rep.n; i++) {
        const aics_net *net = rep.e[i].net;
        np[i].l = aics_xcalloc(net->nlayers ? net->nlayers : 1, sizeof *np[i].l);
        np[i].n = aics_dlp6_layers(net, rep.e[i].per_layer, proc.elem_bytes, np[i].l);
        double ridge = aics_dlp6_peak(&proc) / (proc.bw_gbps * 1e9);
        for (size_t k = 0; k < np[i].n; k++) {
            np[i].macs += np[i].l[k].macs, np[i].bytes += np[i].l[k].bytes;
            np[i].mem_bound += (double)np[i].l[k].macs / (double)np[i].l[k].bytes < ridge;
        }
        if (np[i].n == 0) aics_die_usage("%s has no Convolution or InnerProduct layer", rep.e[i].key);
    }
    aics_result *r = aics_result_new(program.exercise, run.seed, "macs-per-compulsory-byte");
    report(r, &rep, np);
    aics_plot *p = aics_plot_open(run.figdir);
    plot(p, &rep, np);
    int rc = aics_plot_close(p);
    rc |= aics_run_emit(&run, r);
    aics_result_free(r);
    for (size_t i = 0; i < rep.n; i++) free(np[i].l);
    free(np);
    aics_netreport_free(&rep);
    return rc;
}
