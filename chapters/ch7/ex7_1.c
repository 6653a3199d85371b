/* ex7_1.c — exercise 7.1: peak compute, memory bandwidth and power of real
 * AI accelerators, each figure with its source document, and the ridge
 * point of each roofline computed from them.
 *
 * The figures are quoted from the cited documents (vendor datasheets and
 * papers) and typed here once; everything else — ridge points, energy
 * efficiency, the figure — is computed. "ops" counts a multiply-accumulate
 * as two operations, as every one of these documents does.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"

#include "plot.h"
#include "program.h"

typedef struct {
    const char *key, *precision;
    double tops;              /* peak, 10¹² operations per second */
} peak;

typedef struct {
    const char *key, *name, *source;
    const char *short_name;
    peak peaks[4];
    double gbps;              /* memory bandwidth, GB/s; 0 when the source gives none */
    double watts;             /* power; which power is said in power_kind */
    const char *power_kind;
} chip;

// ANCHOR: chips
static const chip chips[] = {
    {"diannao", "DianNao（65 nm）",
     "Chen et al., DianNao, ASPLOS 2014, 摘要（ACM DOI 10.1145/2654822.2541967）", "DianNao",
     {{"int16", "16 位定点", 0.452}}, 0, 0.485, "布局后功耗"},
    {"tpu_v1", "Google TPU v1",
     "Jouppi et al., In-Datacenter Performance Analysis of a Tensor Processing Unit, ISCA 2017, 摘要与表 2",
     "TPU v1",
     {{"int8", "8 位整数", 92}}, 34, 75, "TDP"},
    {"v100", "NVIDIA Tesla V100 SXM2",
     "NVIDIA Tesla V100 GPU Accelerator 数据手册（2017–2018）", "V100",
     {{"fp64", "FP64", 7.8}, {"fp32", "FP32", 15.7}, {"fp16_tensor", "FP16 张量核", 125}}, 900, 300, "TDP"},
    {"a100", "NVIDIA A100 SXM4 40 GB",
     "NVIDIA A100 Tensor Core GPU 数据手册（2020）", "A100",
     {{"fp64", "FP64", 9.7}, {"fp32", "FP32", 19.5}, {"fp16_tensor", "FP16 张量核", 312}, {"int8", "INT8 张量核", 624}},
     1555, 400, "最大 TDP"},
};
// ANCHOR_END: chips
#define NCHIPS (sizeof chips / sizeof *chips)

static size_t npeaks(const chip *c)
{
    size_t n = 0;
    while (n < 4 && c->peaks[n].key) n++;
    return n;
}

static void report(aics_result *r, const aics_run *run)
{
    (void)run;
    aics_result_part_show(r, "answer", "答案：四种加速器的峰值、带宽与功耗", AICS_SHOW_ANSWER);
    aics_table *t = aics_result_table(r, "llrrrrr", (const char *const[]){"加速器", "精度", "T 次/秒", "GB/s",
                                                                       "功耗 W", "屋脊点", "T 次/秒/W"});
    for (size_t i = 0; i < NCHIPS; i++) {
        const chip *c = &chips[i];
        for (size_t k = 0; k < npeaks(c); k++) {
            aics_table_cell(t, "%s", k ? "" : c->short_name);
            aics_table_cell(t, "%s", c->peaks[k].precision);
            aics_table_cell(t, "%g", c->peaks[k].tops);
            if (c->gbps > 0) aics_table_cell(t, "%g", c->gbps);
            else aics_table_cell(t, "—");
            aics_table_cell(t, "%g", c->watts);
            if (c->gbps > 0) aics_table_cell(t, "%.1f", c->peaks[k].tops * 1e12 / (c->gbps * 1e9));
            else aics_table_cell(t, "—");
            aics_table_cell(t, "%.2f", c->peaks[k].tops / c->watts);
        }
    }
    aics_result_note(r, "一次乘加算两次运算；1 GB/s = 10⁹ B/s；屋脊点 = 峰值 ÷ 带宽（次/字节），运算强度低于它的程序"
                        "受带宽限制。功耗：DianNao 为布局后功耗，TPU v1 与 V100 为 TDP，A100 为最大 TDP；"
                        "DianNao 的论文没有给出片外带宽。");
    aics_result_part(r, "power", "功耗的含义");
    aics_table *w = aics_result_table(r, "ll", (const char *const[]){"加速器", "功耗指的是"});
    for (size_t i = 0; i < NCHIPS; i++) {
        aics_table_cell(w, "%s", chips[i].short_name);
        aics_table_cell(w, "%s", chips[i].power_kind);
    }
    aics_result_part(r, "sources", "出处");
    aics_table *s = aics_result_table(r, "ll", (const char *const[]){"加速器", "出处"});
    for (size_t i = 0; i < NCHIPS; i++) {
        aics_table_cell(s, "%s", chips[i].name);
        aics_table_cell(s, "%s", chips[i].source);
    }
    aics_result_kv_only(r, true);
    for (size_t i = 0; i < NCHIPS; i++) {
        const chip *c = &chips[i];
        char key[100];
        for (size_t k = 0; k < npeaks(c); k++) {
            snprintf(key, sizeof key, "%s.%s.tops", c->key, c->peaks[k].key);
            aics_result_double(r, key, c->peaks[k].tops, NULL);
            if (c->gbps > 0) {
                snprintf(key, sizeof key, "%s.%s.ridge", c->key, c->peaks[k].key);
                aics_result_double(r, key, c->peaks[k].tops * 1e12 / (c->gbps * 1e9), NULL);
            }
        }
        snprintf(key, sizeof key, "%s.gbps", c->key);
        if (c->gbps > 0) aics_result_double(r, key, c->gbps, NULL);
        snprintf(key, sizeof key, "%s.watts", c->key);
        aics_result_double(r, key, c->watts, NULL);
    }
    aics_result_kv_only(r, false);
}

static void plot(aics_plot *p)
{
    aics_plot_begin(p, "ex7_1_rooflines", 1100, 680);
    aics_buf cmd = AICS_BUF_INIT;
    aics_buf_puts(&cmd, "plot ");
    int n = 0;
    for (size_t i = 0; i < NCHIPS; i++) {
        const chip *c = &chips[i];
        if (c->gbps <= 0) continue;
        size_t k = npeaks(c) - 1; /* the highest precision-reduced peak: the last listed */
        double top = c->peaks[k].tops * 1e3, ridge = top / c->gbps;
        double v[6] = {0.1, 0.1 * c->gbps, ridge, top, 1e5, top};
        char block[16];
        snprintf(block, sizeof block, "R%d", n);
        aics_plot_data(p, block, v, 3, 2);
        aics_buf_printf(&cmd, "%s$R%d using 1:2 with lines lw 3 title '%s（%s）'", n ? ", " : "", n, c->name,
                        c->peaks[k].precision);
        n++;
    }
    aics_plot_axes_set(p, &(aics_plot_axes){.xlabel = "运算强度（次/字节，对数坐标）", .ylabel = "可达性能（10⁹ 次/秒，对数坐标）",
                                            .logscale = "xy", .xrange = "0.1:100000", .key = "bottom right"});
    aics_plot_cmd(p, "%s", cmd.data);
    aics_buf_free(&cmd);
    aics_plot_end(p);
}

AICS_MAIN(.name = "ex7_1", .exercise = "7.1", .convention = "ops-2-per-mac-gb10e9",
          .summary = "习题 7.1：几种真实 AI 加速器的峰值算力（按精度）、访存带宽与功耗，各注出处，并由它们算出屋脊点。",
          .details = "数字引自出处文件（厂商数据手册与论文）；屋脊点与能效由程序计算。\n"
                     "kv 键：<加速器>.<精度>.tops、<加速器>.<精度>.ridge、<加速器>.gbps、<加速器>.watts。",
          .report = report, .draw = plot)
