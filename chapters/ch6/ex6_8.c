/* ex6_8.c — exercises 6.8 and 6.9: with 12.8 GB/s of bandwidth, the
 * utilisation of the compute units on AlexNet, and how it changes with the
 * size of the compute array — for the chapter's matrix architecture (a
 * DianNao-like Tn×Tn array with on-chip reuse) and for the scalar-MAC
 * architecture of §6.4.1 (independent MACs, every operand from memory).
 *
 * Each layer takes max(MACs / peak, bytes / bandwidth) (dlp6.h); the matrix
 * architecture moves each value once (compulsory bytes), the scalar one moves
 * two operands per MAC. Utilisation = Σ MACs / (peak · Σ time).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "dlp6.h"
#include "error.h"
#include "intmath.h"
#include "netcount.h"
#include "netreport.h"
#include "plot.h"
#include "program.h"

static struct {
    aics_dlp6 proc;
    const char *net;
} opt = {AICS_DLP6_DIANNAO, "alexnet"};

static const aics_opt options[] = {
    AICS_DLP6_OPTS(opt.proc),
    {"net", AICS_OPT_STRING, &opt.net, "NAME", "内置网络：alexnet、vgg19、resnet152 等"},
    {NULL, 0, NULL, NULL, NULL, 0, 0, 0},
};

#define NSIZES 9
static int64_t size_at(int i) { return (int64_t)1 << (2 * i); } /* 1, 4, 16, …, 65536 = Tn² */

static double util_at(const aics_dlp6_layer *l, size_t n, int64_t macs, bool scalar)
{
    aics_dlp6 p = opt.proc;
    p.macs_per_cycle = macs;
    return aics_dlp6_utilisation(&p, l, n, scalar);
}

/* The prose's words, decided over the array sizes of the table: utilisation
 * never rises as the array grows (and does fall); the largest size at which
 * each structure is still fully busy; and the layers bound by memory (matrix
 * structure) never become fewer as the array grows. */
static void report_verdicts(aics_result *r, const aics_dlp6_layer *l, size_t n)
{
    bool rises = false, grows = true;
    int64_t full_m = 0, full_s = 0;
    size_t bound = 0, prev = 0, first = 0;
    for (int i = 0; i < NSIZES; i++) {
        double um = util_at(l, n, size_at(i), false), us = util_at(l, n, size_at(i), true);
        if (i > 0) rises |= um > util_at(l, n, size_at(i - 1), false) || us > util_at(l, n, size_at(i - 1), true);
        if (um >= 1.0) full_m = size_at(i);
        if (us >= 1.0) full_s = size_at(i);
        aics_dlp6 p = opt.proc;
        p.macs_per_cycle = size_at(i);
        bound = 0;
        for (size_t k = 0; k < n; k++)
            bound += (double)l[k].bytes / (p.bw_gbps * 1e9) > (double)l[k].macs / aics_dlp6_peak(&p);
        if (i > 0 && bound < prev) grows = false;
        if (i == 0) first = bound;
        prev = bound;
    }
    aics_result_bool(r, "util.falls_with_array", !rises && util_at(l, n, size_at(NSIZES - 1), false) < 1.0,
                     "阵列越大利用率越低：两种结构的利用率随阵列规模只降不升");
    aics_result_int(r, "util.matrix.last_full_p", full_m, "矩阵结构仍满载的最大阵列（表中的档，乘加/周期）");
    aics_result_int(r, "util.scalar.last_full_p", full_s, "标量结构仍满载的最大阵列（表中的档，乘加/周期）");
    aics_result_bool(r, "util.memory_bound_layers_grow", grows && prev > first,
                     "矩阵结构中受访存限制的层随阵列规模只增不减，且最大阵列时比最小时多");
}

static void report_answer(aics_result *r, const aics_dlp6_layer *l, size_t n)
{
    aics_result_part_show(r, "answer", "答案", AICS_SHOW_ANSWER);
    aics_result_double(r, "util.matrix", util_at(l, n, opt.proc.macs_per_cycle, false), "矩阵结构的利用率");
    aics_result_double(r, "util.scalar", util_at(l, n, opt.proc.macs_per_cycle, true), "标量乘加结构的利用率");
    aics_result_note(r, "约定：%lld 个乘加单元，%.2f GHz，带宽 %.1f GB/s，%lld 字节一个数，batch 1；"
                        "每层时间 = max(乘加 ÷ 峰值, 字节 ÷ 带宽)。矩阵结构每个数只搬一次；"
                        "标量结构每次乘加都从存储器取输入和权重。",
                     (long long)opt.proc.macs_per_cycle, opt.proc.freq_ghz, opt.proc.bw_gbps, (long long)opt.proc.elem_bytes);
    aics_result_part(r, "sizes", "利用率随运算阵列规模的变化");
    aics_table *t = aics_result_table(r, "rrrr", (const char *const[]){"阵列（Tn×Tn）", "乘加/周期", "矩阵结构",
                                                                     "标量结构"});
    for (int i = 0; i < NSIZES; i++) {
        aics_table_cell(t, "%lld×%lld", (long long)1 << i, (long long)1 << i);
        aics_table_cell(t, "%lld", (long long)size_at(i));
        aics_table_cell(t, "%.2f%%", 100 * util_at(l, n, size_at(i), false));
        aics_table_cell(t, "%.2f%%", 100 * util_at(l, n, size_at(i), true));
    }
    aics_result_kv_only(r, true);
    for (int i = 0; i < NSIZES; i++) {
        char key[64];
        snprintf(key, sizeof key, "util.matrix.p%lld", (long long)size_at(i));
        aics_result_double(r, key, util_at(l, n, size_at(i), false), NULL);
        snprintf(key, sizeof key, "util.scalar.p%lld", (long long)size_at(i));
        aics_result_double(r, key, util_at(l, n, size_at(i), true), NULL);
    }
    aics_result_kv_only(r, false);
    report_verdicts(r, l, n);
}

static void report_layers(aics_result *r, const aics_net *net, const aics_dlp6_layer *l, size_t n)
{
    aics_result_part(r, "layers", "逐层：矩阵结构");
    aics_table *t = aics_result_table(r, "lrrrrrl", (const char *const[]){"层", "乘加", "必需字节", "乘加/字节",
                                                                        "计算 μs", "访存 μs", "瓶颈"});
    char a[32], b[32];
    for (size_t i = 0; i < n; i++) {
        double c = (double)l[i].macs / aics_dlp6_peak(&opt.proc) * 1e6;
        double m = (double)l[i].bytes / (opt.proc.bw_gbps * 1e9) * 1e6;
        aics_table_cell(t, "%s", net->layers[l[i].index].name);
        aics_table_cell(t, "%s", aics_fmt_thousands(l[i].macs, a));
        aics_table_cell(t, "%s", aics_fmt_thousands(l[i].bytes, b));
        aics_table_cell(t, "%.1f", (double)l[i].macs / (double)l[i].bytes);
        aics_table_cell(t, "%.1f", c);
        aics_table_cell(t, "%.1f", m);
        aics_table_cell(t, "%s", c >= m ? "计算" : "访存");
    }
}

/* The network's layers, loaded by report() and drawn by draw(). */
static aics_dlp6_net d;

static void report(aics_result *r, const aics_run *run)
{
    (void)run;
    aics_dlp6_net_load(&d, opt.net, opt.proc.elem_bytes);
    report_answer(r, d.l, d.n);
    report_layers(r, d.net, d.l, d.n);
    aics_dlp6_report_proc(r, &opt.proc);
}

static void plot(aics_plot *p, const aics_dlp6_layer *l, size_t n)
{
    enum { N = 65 };
    double v[N * 3];
    for (int i = 0; i < N; i++) {
        double x = floor(pow(2.0, i / 4.0) + 0.5);
        v[3 * i] = x;
        v[3 * i + 1] = 100 * util_at(l, n, (int64_t)x, false);
        v[3 * i + 2] = 100 * util_at(l, n, (int64_t)x, true);
    }
    aics_plot_begin(p, "ex6_8_util", 1000, 600);
    aics_plot_data(p, "U", v, N, 3);
    aics_plot_axes_set(p, &(aics_plot_axes){.xlabel = "运算阵列每周期乘加数（对数坐标）", .ylabel = "利用率（%）",
                                            .yrange = "0:105", .logscale = "x 2", .key = "below"});
    aics_plot_cmd(p, "set arrow from %lld, graph 0 to %lld, graph 1 nohead dt 3", (long long)opt.proc.macs_per_cycle,
                  (long long)opt.proc.macs_per_cycle);
    aics_plot_cmd(p, "plot $U using 1:2 with linespoints lw 2 pt 7 title '矩阵结构（片上复用）', '' using 1:3 with "
                     "linespoints lw 2 pt 5 title '标量乘加结构（无复用）'");
    aics_plot_end(p);
}

static void draw(aics_plot *p) { plot(p, d.l, d.n); }
static void finish(void) { aics_dlp6_net_free(&d); }

AICS_MAIN(.name = "ex6_8", .exercise = "6.8", .convention = "roofline-max-compute-memory",
          .summary = "习题 6.8、6.9：带宽 12.8 GB/s 时 AlexNet 上运算单元的利用率，以及利用率随运算阵列规模的变化"
                     "（矩阵结构与 §6.4.1 的标量乘加结构）。",
          .details = "处理器参数取 DianNao（16×16 乘加阵列，0.98 GHz，16 位定点），是假设，均可用选项修改。\n"
                     "kv 键：util.matrix、util.scalar、util.{matrix,scalar}.pN（N 个乘加单元）、proc.*；\n"
                     "书中文字的判定：util.falls_with_array、util.{matrix,scalar}.last_full_p、\n"
                     "util.memory_bound_layers_grow。",
          .opts = options, .report = report, .draw = draw, .finish = finish)
