/* ex6_13.c — exercise 6.13: a cycle-level simulator of the chapter-6
 * processor (src/dlp/dlpsim.h) running every Convolution and InnerProduct
 * layer of AlexNet, VGG19 and ResNet-152, or of Caffe prototxt files, with
 * each network placed on the roofline of exercise 6.10.
 *
 * Per layer it reports the simulated cycles and the roofline bound
 * max(MACs / (Tn·Tn), compulsory bytes / bytes per cycle), and checks that
 * no layer beats the bound.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlp6.h"
#include "dlpsim.h"
#include "error.h"
#include "intmath.h"
#include "netreport.h"
#include "plot.h"
#include "program.h"

static struct {
    aics_dlp6 proc;
    int64_t tn, to;
    const char *net;
} opt = {AICS_DLP6_DIANNAO, 16, 16, NULL};

static const aics_opt options[] = {
    {"tn", AICS_OPT_INT, &opt.tn, "N", "运算阵列为 Tn×Tn（DianNao：16，假设）", AICS_RANGE_CLOSED, 1, 4096,
     .kv = "proc.tn"},
    {"to", AICS_OPT_INT, &opt.to, "N", "每块的输出通道数", AICS_RANGE_CLOSED, 1, 1 << 20, .kv = "proc.to"},
    AICS_DLP6_OPT_BW(opt.proc),
    AICS_DLP6_OPT_FREQ(opt.proc),
    AICS_DLP6_OPT_BYTES(opt.proc),
    {"net", AICS_OPT_STRING, &opt.net, "NAME", "只模拟一个内置网络：alexnet、vgg19、resnet152 等"},
    {NULL, 0, NULL, NULL, NULL, 0, 0, 0},
};

typedef struct {
    size_t n;                 /* simulated layers */
    int64_t *cycles;
    double *bound;            /* cycles */
    aics_dlp6_layer *l;
    int64_t total_cycles, macs, bytes, sim_bytes;
    double total_bound;
    bool ok;                  /* every layer ≥ its bound */
} net_sim;

static void simulate(const aics_netreport_entry *e, net_sim *s)
{
    const aics_net *net = e->net;
    double bpc = opt.proc.bw_gbps / opt.proc.freq_ghz, peak = (double)(opt.tn * opt.tn);
    memset(s, 0, sizeof *s);
    s->l = aics_xcalloc(net->nlayers + 1, sizeof *s->l);
    s->n = aics_dlp6_layers(net, e->per_layer, opt.proc.elem_bytes, s->l);
    s->cycles = aics_xcalloc(s->n + 1, sizeof *s->cycles);
    s->bound = aics_xcalloc(s->n + 1, sizeof *s->bound);
    s->ok = true;
    for (size_t i = 0; i < s->n; i++) {
        size_t nt;
        aics_sim_tile *t = aics_sim_layer_tiles(&net->layers[s->l[i].index], opt.tn, opt.to, opt.proc.elem_bytes, &nt);
        aics_sim_result r = aics_sim_run(t, nt, bpc);
        free(t);
        double c = (double)s->l[i].macs / peak, m = (double)s->l[i].bytes / bpc;
        s->cycles[i] = r.cycles;
        s->bound[i] = c > m ? c : m;
        s->ok &= (double)r.cycles >= s->bound[i];
        s->total_cycles += r.cycles, s->total_bound += s->bound[i];
        s->macs += s->l[i].macs, s->bytes += s->l[i].bytes, s->sim_bytes += r.bytes;
    }
}

static void report_answer(aics_result *r, const aics_netreport *rep, const net_sim *s)
{
    aics_result_part_show(r, "answer", "答案：模拟结果", AICS_SHOW_ANSWER);
    aics_table *t = aics_result_table(r, "lrrrrr", (const char *const[]){"网络", "层数", "模拟周期（×10⁶）",
                                                                       "下界（×10⁶）", "模拟 ÷ 下界", "利用率"});
    bool ok = true;
    for (size_t i = 0; i < rep->n; i++) {
        aics_table_cell(t, "%s", rep->e[i].key);
        aics_table_cell(t, "%zu", s[i].n);
        aics_table_cell(t, "%.3f", (double)s[i].total_cycles / 1e6);
        aics_table_cell(t, "%.3f", s[i].total_bound / 1e6);
        aics_table_cell(t, "%.3f", (double)s[i].total_cycles / s[i].total_bound);
        aics_table_cell(t, "%.1f%%", 100.0 * (double)s[i].macs / ((double)(opt.tn * opt.tn) * (double)s[i].total_cycles));
        ok &= s[i].ok;
    }
    aics_result_note(r, "约定：%lld×%lld 乘加阵列，%.2f GHz，带宽 %.1f GB/s，%lld 字节一个数；每块 %lld 个输出通道，"
                        "双缓冲；下界 = max(乘加 ÷ 阵列规模, 必需字节 ÷ 每周期字节数)。",
                     (long long)opt.tn, (long long)opt.tn, opt.proc.freq_ghz, opt.proc.bw_gbps, (long long)opt.proc.elem_bytes,
                     (long long)opt.to);
    aics_result_word(r, "sim.check", ok ? "pass" : "fail", "每一层的模拟周期都不低于屋顶线下界");
    aics_result_kv_only(r, true);
    for (size_t i = 0; i < rep->n; i++) {
        char key[300];
        snprintf(key, sizeof key, "%s.cycles", rep->e[i].key);
        aics_result_int(r, key, s[i].total_cycles, NULL);
        snprintf(key, sizeof key, "%s.bound_cycles", rep->e[i].key);
        aics_result_double(r, key, s[i].total_bound, NULL);
        snprintf(key, sizeof key, "%s.sim_bytes", rep->e[i].key);
        aics_result_int(r, key, s[i].sim_bytes, NULL);
        for (size_t k = 0; k < s[i].n; k++) {
            size_t stem = aics_netreport_layer_key(&rep->e[i], s[i].l[k].index, key, sizeof key);
            snprintf(key + stem, sizeof key - stem, "cycles");
            aics_result_int(r, key, s[i].cycles[k], NULL);
        }
    }
    aics_result_int(r, "proc.tn", opt.tn, NULL);
    aics_result_int(r, "proc.to", opt.to, NULL);
    aics_result_double(r, "proc.bw_gbps", opt.proc.bw_gbps, NULL);
    aics_result_double(r, "proc.freq_ghz", opt.proc.freq_ghz, NULL);
    aics_result_int(r, "proc.elem_bytes", opt.proc.elem_bytes, NULL);
    aics_result_kv_only(r, false);
}

static void report_layers(aics_result *r, const aics_netreport_entry *e, const net_sim *s)
{
    char part[200], title[200], a[32];
    snprintf(part, sizeof part, "layers_%s", e->key);
    snprintf(title, sizeof title, "%s 逐层的模拟周期", e->key);
    aics_result_part(r, part, title);
    aics_table *t = aics_result_table(r, "lrrrl", (const char *const[]){"层", "模拟周期", "下界", "模拟 ÷ 下界", "瓶颈"});
    double bpc = opt.proc.bw_gbps / opt.proc.freq_ghz;
    for (size_t k = 0; k < s->n; k++) {
        aics_table_cell(t, "%s", e->net->layers[s->l[k].index].name);
        aics_table_cell(t, "%s", aics_fmt_thousands(s->cycles[k], a));
        aics_table_cell(t, "%.0f", s->bound[k]);
        aics_table_cell(t, "%.3f", (double)s->cycles[k] / s->bound[k]);
        aics_table_cell(t, "%s", (double)s->l[k].bytes / bpc > (double)s->l[k].macs / (double)(opt.tn * opt.tn)
                                     ? "访存" : "计算");
    }
}

/* The networks and their simulations, made by report() for draw(). */
static aics_netreport rep;
static net_sim *sims;

static void report(aics_result *r, const aics_run *run)
{
    aics_netreport_load(&rep, run, opt.net, false);
    sims = aics_xcalloc(rep.n, sizeof *sims);
    for (size_t i = 0; i < rep.n; i++) {
        simulate(&rep.e[i], &sims[i]);
        if (sims[i].n == 0) aics_die_usage("%s has no Convolution or InnerProduct layer", rep.e[i].key);
    }
    report_answer(r, &rep, sims);
    for (size_t i = 0; i < rep.n; i++) report_layers(r, &rep.e[i], &sims[i]);
}

static void draw(aics_plot *p)
{
    double peak = (double)(opt.tn * opt.tn) * opt.proc.freq_ghz, ridge = peak / opt.proc.bw_gbps; /* GMAC/s, MAC/B */
    double roof[6] = {0.1, 0.1 * opt.proc.bw_gbps, ridge, peak, 1e4, peak};
    aics_plot_series *series = aics_xcalloc(rep.n, sizeof *series);
    for (size_t i = 0; i < rep.n; i++) {
        const net_sim *s = &sims[i];
        double *v = aics_xcalloc(s->n * 2 + 2, sizeof *v);
        for (size_t k = 0; k < s->n; k++) {
            v[2 * k] = (double)s->l[k].macs / (double)s->l[k].bytes;
            v[2 * k + 1] = (double)s->l[k].macs / (double)s->cycles[k] * opt.proc.freq_ghz;
        }
        size_t len = strlen(rep.e[i].key) + sizeof "（模拟）";
        char *title = aics_xcalloc(len, 1);
        snprintf(title, len, "%s（模拟）", rep.e[i].key);
        series[i] = (aics_plot_series){v, s->n, title};
    }
    aics_plot_begin(p, "ex6_13_roofline", 1100, 680);
    aics_plot_axes_set(p, &(aics_plot_axes){.xlabel = "运算强度（乘加/必需字节，对数坐标）",
                                            .ylabel = "模拟性能（10⁹ 乘加/秒，对数坐标）", .xrange = "0.1:10000",
                                            .logscale = "xy", .key = "bottom right"});
    aics_plot_roofline(p, roof, 3, series, rep.n, 1.4);
    aics_plot_end(p);
    for (size_t i = 0; i < rep.n; i++) free((double *)series[i].xy), free((char *)series[i].title);
    free(series);
}

static void finish(void)
{
    for (size_t i = 0; i < rep.n; i++) free(sims[i].l), free(sims[i].cycles), free(sims[i].bound);
    free(sims);
    aics_netreport_free(&rep);
}

AICS_MAIN(.name = "ex6_13", .exercise = "6.13", .convention = "cycles-double-buffered-tiles",
          .summary = "习题 6.13：第 6 章深度学习处理器的周期级模拟器（事件驱动，以周期为单位），运行 AlexNet、VGG19、"
                     "ResNet152（或 prototxt 文件）的每个卷积层与全连接层，并把结果画在屋顶线上。",
          .usage = AICS_NETREPORT_USAGE,
          .details = "模拟：DMA 载入（权重与整组输入）、Tn×Tn 阵列计算、写回，双缓冲；缓存容量不限制（数据流式经过）。\n"
                     "kv 键：<网络>.cycles、<网络>.bound_cycles、<网络>.sim_bytes、<网络>.layer.<层>.cycles、sim.check、proc.*。",
          .opts = options, .max_args = 100, .report = report, .draw = draw, .finish = finish)
