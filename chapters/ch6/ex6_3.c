/* ex6_3.c — exercise 6.3: a DLP attached over PCIe to DDR3 at 12.8 Gb/s; in
 * the ideal case, its speed-up on fully connected layers over a DLP with a
 * single ALU.
 *
 * At batch 1 every FC weight is used once, so the layers need about two bytes
 * (16-bit) per MAC: the ideal DLP (unlimited ALUs) is bound by bandwidth. The
 * single-ALU DLP does one MAC per cycle — unless bandwidth binds it too.
 * "Gb" (bits) and "GB" (bytes) give different answers; both are computed, on
 * AlexNet's FC layers with their exact sizes.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "dlp6.h"
#include "error.h"
#include "netcount.h"
#include "plot.h"
#include "program.h"

static struct {
    aics_dlp6 proc;
    double bw;
    const char *net;
} opt = {AICS_DLP6_DIANNAO, 12.8, "alexnet"};

static const aics_opt options[] = {
    {"bw", AICS_OPT_DOUBLE, &opt.bw, "X", "带宽数值：读作 X Gb/s 与 X GB/s 两种", AICS_RANGE_OPEN_MIN, 0, 1e6,
     .kv = "bw_value"},
    {"freq-ghz", AICS_OPT_DOUBLE, &opt.proc.freq_ghz, "GHZ", "主频，GHz（DianNao 的取值，假设）", AICS_RANGE_OPEN_MIN, 0, 100,
     .kv = "freq_ghz"},
    {"bytes", AICS_OPT_INT, &opt.proc.elem_bytes, "B", "每个数的字节数（16 位定点为 2）", AICS_RANGE_CLOSED, 1, 8,
     .kv = "elem_bytes"},
    {"macs", AICS_OPT_INT, &opt.proc.macs_per_cycle, "N", "有限规模的 DLP 每周期乘加数（对照行）", AICS_RANGE_CLOSED, 1,
     1 << 24, .kv = "macs_per_cycle"},
    {"net", AICS_OPT_STRING, &opt.net, "NAME", "内置网络：alexnet、vgg19、resnet152 等"},
    {NULL, 0, NULL, NULL, NULL, 0, 0, 0},
};

typedef struct {
    int64_t macs, bytes;
} fc_layer;

/* Time of the FC layers on `macs_per_cycle` ALUs (0: unlimited) at bandwidth `gbps`. */
static double fc_time(const fc_layer *l, size_t n, int64_t macs_per_cycle, double gbps)
{
    aics_dlp6 p = opt.proc;
    p.bw_gbps = gbps;
    double t = 0;
    for (size_t i = 0; i < n; i++) {
        if (macs_per_cycle == 0) t += (double)l[i].bytes / (gbps * 1e9);
        else p.macs_per_cycle = macs_per_cycle, t += aics_dlp6_time(&p, l[i].macs, l[i].bytes);
    }
    return t;
}

static void report_answer(aics_result *r, const fc_layer *l, size_t n)
{
    const double gb[2] = {opt.bw / 8, opt.bw};
    const char *name[2] = {"gbit", "gbyte"};
    double s[2], s_p[2];
    for (int k = 0; k < 2; k++) {
        s[k] = fc_time(l, n, 1, gb[k]) / fc_time(l, n, 0, gb[k]);
        s_p[k] = fc_time(l, n, 1, gb[k]) / fc_time(l, n, opt.proc.macs_per_cycle, gb[k]);
    }
    aics_result_part_show(r, "answer", "答案", AICS_SHOW_ANSWER);
    aics_table *t = aics_result_table(r, "lrrr", (const char *const[]){"带宽的读法", "字节/秒", "理想 DLP 加速比",
                                                                     "256 个乘加单元时"});
    for (int k = 0; k < 2; k++) {
        aics_table_cell(t, k ? "%.1f GB/s" : "%.1f Gb/s", opt.bw);
        aics_table_cell(t, "%.2f×10⁹", gb[k]);
        aics_table_cell(t, "%.3f", s[k]);
        aics_table_cell(t, "%.3f", s_p[k]);
    }
    aics_result_note(r, "约定：batch 1，每个权重只用一次；%lld 字节一个数；单 ALU 每周期一次乘加，%.2f GHz；"
                        "理想 DLP 的运算单元不限，只受带宽限制。", (long long)opt.proc.elem_bytes, opt.proc.freq_ghz);
    char key[64];
    for (int k = 0; k < 2; k++) {
        snprintf(key, sizeof key, "speedup.%s", name[k]);
        aics_result_double(r, key, s[k], k ? "读作 GB/s 时的加速比" : "读作 Gb/s 时的加速比");
        aics_result_kv_only(r, true);
        snprintf(key, sizeof key, "speedup_array.%s", name[k]);
        aics_result_double(r, key, s_p[k], NULL);
        aics_result_kv_only(r, false);
    }
    int64_t macs = 0, bytes = 0;
    for (size_t i = 0; i < n; i++) macs += l[i].macs, bytes += l[i].bytes;
    aics_result_int(r, "fc_macs", macs, "全连接层乘加次数");
    aics_result_int(r, "fc_bytes", bytes, "全连接层必需访存字节数");
    aics_result_kv_only(r, true);
    aics_result_double(r, "bw_value", opt.bw, NULL);
    aics_result_double(r, "freq_ghz", opt.proc.freq_ghz, NULL);
    aics_result_int(r, "elem_bytes", opt.proc.elem_bytes, NULL);
    aics_result_int(r, "macs_per_cycle", opt.proc.macs_per_cycle, NULL);
    aics_result_kv_only(r, false);
    aics_result_double(r, "knee_gbps", (double)bytes / (double)macs * opt.proc.freq_ghz,
                       "单 ALU 不再受带宽限制所需的带宽（GB/s）");
}

/* The fully connected layers of --net, for the figure. */
static struct {
    fc_layer *l;
    size_t n;
} fc;

static void report(aics_result *r, const aics_run *run)
{
    (void)run;
    aics_dlp6_net d;
    aics_dlp6_net_load(&d, opt.net, opt.proc.elem_bytes);
    fc.l = aics_xcalloc(d.n + 1, sizeof *fc.l);
    for (size_t i = 0; i < d.n; i++)
        if (d.l[i].fc) fc.l[fc.n++] = (fc_layer){d.l[i].macs, d.l[i].bytes};
    if (fc.n == 0) aics_die_usage("%s has no fully connected layer", opt.net);
    aics_dlp6_net_free(&d);
    report_answer(r, fc.l, fc.n);
}

static void plot(aics_plot *p, const fc_layer *l, size_t n)
{
    enum { N = 121 };
    double v[N * 3];
    for (int i = 0; i < N; i++) {
        double g = 0.1 * pow(10.0, i / 30.0);
        v[3 * i] = g;
        v[3 * i + 1] = fc_time(l, n, 1, g) / fc_time(l, n, 0, g);
        v[3 * i + 2] = fc_time(l, n, 1, g) / fc_time(l, n, opt.proc.macs_per_cycle, g);
    }
    double pts[4] = {opt.bw / 8, fc_time(l, n, 1, opt.bw / 8) / fc_time(l, n, 0, opt.bw / 8), opt.bw,
                     fc_time(l, n, 1, opt.bw) / fc_time(l, n, 0, opt.bw)};
    aics_plot_begin(p, "ex6_3_speedup", 1000, 600);
    aics_plot_data(p, "S", v, N, 3);
    aics_plot_data(p, "P", pts, 2, 2);
    aics_plot_axes_set(p, &(aics_plot_axes){.xlabel = "带宽（GB/s，对数坐标）", .ylabel = "对单 ALU 的加速比（对数坐标）",
                                            .logscale = "xy", .key = "below"});
    aics_plot_cmd(p, "plot $S using 1:2 with lines lw 2 title '理想 DLP（运算单元不限）', '' using 1:3 with lines "
                     "lw 2 dt 2 title '%lld 个乘加单元', $P using 1:2 with points pt 7 ps 2 title '12.8 Gb/s 与 12.8 GB/s'",
                  (long long)opt.proc.macs_per_cycle);
    aics_plot_end(p);
}

static void draw(aics_plot *p) { plot(p, fc.l, fc.n); }
static void finish(void) { free(fc.l); }

AICS_MAIN(.name = "ex6_3", .exercise = "6.3", .convention = "batch1-compulsory-bytes",
          .summary = "习题 6.3：DLP 通过 PCIe 接 12.8 Gb/s 的 DDR3，理想情况下全连接层相对单 ALU 的 DLP 的加速比；"
                     "Gb/s 与 GB/s 两种读法都算。",
          .details = "全连接层取 AlexNet 的 fc6、fc7、fc8，batch 1，必需访存 = 输入 + 权重与偏置 + 输出，各一次。\n"
                     "kv 键：speedup.gbit、speedup.gbyte、speedup_array.*、fc_macs、fc_bytes、knee_gbps。",
          .opts = options, .report = report, .draw = draw, .finish = finish)
