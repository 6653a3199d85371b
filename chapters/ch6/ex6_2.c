/* ex6_2.c — exercise 6.2: a processor that speeds up convolution 10× and
 * fully connected layers 2×; AlexNet's overall speed-up (Amdahl's law).
 *
 * The answer depends on how the original run time splits between the layer
 * kinds, which the exercise does not give. The program takes the split from
 * the exact MAC counts of chapter 3 (time ∝ MACs on the original processor,
 * all other layers taking no time), says so, and shows how the speed-up moves
 * when the other layers take a share of the time and when the split changes.
 */
#include <stdio.h>
#include <stdlib.h>

#include "dlp6.h"
#include "error.h"
#include "netcount.h"
#include "plot.h"
#include "program.h"

static struct {
    double conv_speedup, fc_speedup;
    const char *net;
} opt = {10.0, 2.0, "alexnet"};

static const aics_opt options[] = {
    {"conv-speedup", AICS_OPT_DOUBLE, &opt.conv_speedup, "X", "卷积层的加速比", AICS_RANGE_OPEN_MIN, 0, 1e9,
     .kv = "conv_speedup"},
    {"fc-speedup", AICS_OPT_DOUBLE, &opt.fc_speedup, "X", "全连接层的加速比", AICS_RANGE_OPEN_MIN, 0, 1e9,
     .kv = "fc_speedup"},
    {"net", AICS_OPT_STRING, &opt.net, "NAME", "内置网络：alexnet、vgg19、resnet152 等"},
    {NULL, 0, NULL, NULL, NULL, 0, 0, 0},
};

/* The speed-up when the other layers take `other` of the original time and
 * conv and FC share the rest as `conv` : 1 − `conv`. */
static double speedup(double conv, double other)
{
    const double f[3] = {(1 - other) * conv, (1 - other) * (1 - conv), other};
    const double s[3] = {opt.conv_speedup, opt.fc_speedup, 1.0};
    return aics_amdahl(f, s, 3);
}

static const double others[] = {0.0, 0.05, 0.10, 0.20};
#define NOTHER (sizeof others / sizeof *others)

static void report_answer(aics_result *r, int64_t conv, int64_t fc)
{
    double fconv = (double)conv / (double)(conv + fc);
    aics_result_part_show(r, "answer", "答案", AICS_SHOW_ANSWER);
    aics_result_double(r, "speedup", speedup(fconv, 0.0), "总加速比（按乘加数分配时间）");
    aics_result_note(r, "约定：原处理器上各层时间与乘加次数成正比，其他层（池化、ReLU、LRN 等）不计时间。"
                        "卷积占 %.2f%%，全连接占 %.2f%%。", 100 * fconv, 100 * (1 - fconv));
    aics_result_int(r, "conv_macs", conv, "卷积层乘加次数");
    aics_result_int(r, "fc_macs", fc, "全连接层乘加次数");
    aics_result_double(r, "conv_fraction", fconv, "卷积层所占时间比例");
    aics_result_part(r, "other", "其他层也占时间时");
    aics_table *t = aics_result_table(r, "rr", (const char *const[]){"其他层所占时间", "总加速比"});
    for (size_t i = 0; i < NOTHER; i++) {
        aics_table_cell(t, "%.0f%%", 100 * others[i]);
        aics_table_cell(t, "%.3f", speedup(fconv, others[i]));
    }
    aics_result_kv_only(r, true);
    for (size_t i = 1; i < NOTHER; i++) {
        char key[64];
        snprintf(key, sizeof key, "speedup.other_%02.0f", 100 * others[i]);
        aics_result_double(r, key, speedup(fconv, others[i]), NULL);
    }
    aics_result_kv_only(r, false);
}

/* The convolution share of the conv + FC time, for the figure. */
static double fconv;

static void report(aics_result *r, const aics_run *run)
{
    (void)run;
    aics_dlp6_net d;
    aics_dlp6_net_load(&d, opt.net, 2);
    int64_t conv = 0, fc = 0;
    for (size_t i = 0; i < d.n; i++) *(d.l[i].fc ? &fc : &conv) += d.l[i].macs;
    fconv = (double)conv / (double)(conv + fc);
    report_answer(r, conv, fc);
    aics_result_word(r, "split.check", conv + fc == d.total.mac ? "pass" : "fail",
                     "卷积与全连接的乘加数之和等于全网乘加数（习题 3.2）");
    aics_result_kv_only(r, true);
    aics_result_double(r, "conv_speedup", opt.conv_speedup, NULL);
    aics_result_double(r, "fc_speedup", opt.fc_speedup, NULL);
    aics_result_kv_only(r, false);
    aics_dlp6_net_free(&d);
}

static void draw(aics_plot *p)
{
    enum { N = 101 };
    double v[N * (NOTHER + 1)];
    for (int i = 0; i < N; i++) {
        double c = i / (double)(N - 1);
        v[i * (NOTHER + 1)] = 100 * c;
        for (size_t k = 0; k < NOTHER; k++) v[i * (NOTHER + 1) + 1 + k] = speedup(c, others[k]);
    }
    double pt[2] = {100 * fconv, speedup(fconv, 0.0)};
    aics_plot_begin(p, "ex6_2_amdahl", 1000, 600);
    aics_plot_data(p, "S", v, N, NOTHER + 1);
    aics_plot_data(p, "P", pt, 1, 2);
    aics_plot_axes_set(p, &(aics_plot_axes){.xlabel = "卷积层占卷积与全连接时间的比例（%）", .ylabel = "总加速比",
                                            .xrange = "0:100", .yrange = "0:*", .key = "below"});
    aics_plot_cmd(p, "plot $S using 1:2 with lines lw 2 title '其他层 0%%', '' using 1:3 with lines lw 2 title "
                     "'其他层 5%%', '' using 1:4 with lines lw 2 title '其他层 10%%', '' using 1:5 with lines lw 2 "
                     "title '其他层 20%%', $P using 1:2 with points pt 7 ps 2 title 'AlexNet（按乘加数）'");
    aics_plot_end(p);
}

AICS_MAIN(.name = "ex6_2", .exercise = "6.2", .convention = "time-proportional-to-macs",
          .summary = "习题 6.2：卷积层加速 10 倍、全连接层加速 2 倍时，AlexNet 的总加速比（阿姆达尔定律）。",
          .details = "时间按各层乘加次数分配（第 3 章的精确计数），其他层不计时间；另给出其他层占时间时的结果。\n"
                     "kv 键：speedup、conv_fraction、conv_macs、fc_macs、speedup.other_NN。",
          .opts = options, .report = report, .draw = draw)
