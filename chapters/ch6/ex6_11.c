/* ex6_11.c — exercise 6.11: a convolution layer's loop nest and three
 * tilings of it, with the traffic each moves between memory and the on-chip
 * buffers, on AlexNet's convolution layers.
 *
 * The loop nests are in src/dlp/tiling.c (shown in the book by anchor); a
 * unit test checks that every tiling gives bit-identical outputs to the plain
 * loop nest and that the traffic counted while running equals the closed
 * form this program uses. Grouped layers count as independent groups.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "intmath.h"
#include "net.h"
#include "plot.h"
#include "program.h"
#include "tiling.h"

static struct {
    int64_t co, rows, ci, bytes;
    const char *layer;
} opt = {16, 4, 16, 2, "conv2"};

static const aics_opt options[] = {
    {"tile-co", AICS_OPT_INT, &opt.co, "T", "输出通道分块：每块的卷积核数", AICS_RANGE_CLOSED, 1, 1 << 20,
     .kv = "tile.co"},
    {"tile-rows", AICS_OPT_INT, &opt.rows, "T", "输出行分块：每块的输出行数", AICS_RANGE_CLOSED, 1, 1 << 20,
     .kv = "tile.rows"},
    {"tile-ci", AICS_OPT_INT, &opt.ci, "T", "输入通道分块：每块的输入通道数", AICS_RANGE_CLOSED, 1, 1 << 20,
     .kv = "tile.ci"},
    {"bytes", AICS_OPT_INT, &opt.bytes, "B", "每个数的字节数（16 位定点为 2）", AICS_RANGE_CLOSED, 1, 8,
     .kv = "elem_bytes"},
    {"layer", AICS_OPT_STRING, &opt.layer, "NAME", "画图用的 AlexNet 卷积层"},
    {NULL, 0, NULL, NULL, NULL, 0, 0, 0},
};

typedef struct {
    const char *name;
    aics_conv_shape s;        /* one group */
    int64_t groups, macs;
} conv_layer;

static const char *const tiling_key[AICS_TILE_COUNT] = {"none", "co", "rows", "ci"};
static const char *const tiling_zh[AICS_TILE_COUNT] = {"不分块（每次都访存）", "输出通道分块", "输出行分块",
                                                       "输入通道分块"};

static int64_t tile_of(int t) { return t == AICS_TILE_CO ? opt.co : t == AICS_TILE_ROWS ? opt.rows : opt.ci; }

/* Bytes of a layer under tiling t (all groups). */
static int64_t bytes_of(const conv_layer *c, int t, int64_t tile)
{
    aics_traffic tr = aics_conv_traffic(&c->s, (aics_tiling)t, tile);
    return aics_traffic_total(&tr) * c->groups * opt.bytes;
}

static int64_t compulsory(const conv_layer *c)
{
    const aics_conv_shape *s = &c->s;
    int64_t e = s->ci * s->h * s->w + s->co * (s->ci * s->k * s->k + 1) + s->co * aics_conv_ho(s) * aics_conv_wo(s);
    return e * c->groups * opt.bytes;
}

static size_t alexnet_convs(conv_layer *out, size_t cap)
{
    aics_net *net = aics_net_builtin("alexnet");
    size_t n = 0;
    for (size_t i = 0; i < net->nlayers && n < cap; i++) {
        const aics_layer *l = &net->layers[i];
        if (l->type != AICS_LAYER_CONV) continue;
        AICS_CHECK(l->kernel_h == l->kernel_w && l->stride_h == l->stride_w && l->pad_h == l->pad_w,
                   "AlexNet's kernels are square");
        int64_t g = l->group;
        out[n] = (conv_layer){.groups = g};
        out[n].s = (aics_conv_shape){l->in.c / g, l->in.h, l->in.w, l->num_output / g, l->kernel_h, l->stride_h,
                                     l->pad_h};
        static char names[8][32];
        snprintf(names[n], sizeof names[n], "%s", l->name);
        out[n].name = names[n];
        out[n].macs = g * out[n].s.co * aics_conv_ho(&out[n].s) * aics_conv_wo(&out[n].s) * out[n].s.ci *
                      out[n].s.k * out[n].s.k;
        n++;
    }
    aics_net_free(net);
    return n;
}

static void report_answer(aics_result *r, const conv_layer *c, size_t n)
{
    aics_result_part_show(r, "answer", "答案：AlexNet 各卷积层的访存量（×10⁶ 字节）", AICS_SHOW_ANSWER);
    char h[AICS_TILE_COUNT][48];
    snprintf(h[1], sizeof h[1], "输出通道 %lld", (long long)opt.co);
    snprintf(h[2], sizeof h[2], "输出行 %lld", (long long)opt.rows);
    snprintf(h[3], sizeof h[3], "输入通道 %lld", (long long)opt.ci);
    aics_table *t = aics_result_table(r, "lrrrrr", (const char *const[]){"层", "必需", "不分块", h[1], h[2], h[3]});
    for (size_t i = 0; i < n; i++) {
        aics_table_cell(t, "%s", c[i].name);
        aics_table_cell(t, "%.2f", (double)compulsory(&c[i]) / 1e6);
        for (int k = 0; k < AICS_TILE_COUNT; k++) aics_table_cell(t, "%.2f", (double)bytes_of(&c[i], k, tile_of(k)) / 1e6);
    }
    aics_result_note(r, "约定：%lld 字节一个数；访存量 = 读入的输入、权重与偏置、部分和，加上写出的输出（部分和）；"
                        "必需 = 每个数只搬一次；分组卷积按各组独立计算。", (long long)opt.bytes);
    aics_result_kv_only(r, true);
    for (size_t i = 0; i < n; i++) {
        char key[100];
        snprintf(key, sizeof key, "%s.bytes.compulsory", c[i].name);
        aics_result_int(r, key, compulsory(&c[i]), NULL);
        for (int k = 0; k < AICS_TILE_COUNT; k++) {
            snprintf(key, sizeof key, "%s.bytes.%s", c[i].name, tiling_key[k]);
            aics_result_int(r, key, bytes_of(&c[i], k, tile_of(k)), NULL);
            snprintf(key, sizeof key, "%s.intensity.%s", c[i].name, tiling_key[k]);
            aics_result_double(r, key, (double)c[i].macs / (double)bytes_of(&c[i], k, tile_of(k)), NULL);
        }
    }
    aics_result_int(r, "tile.co", opt.co, NULL);
    aics_result_int(r, "tile.rows", opt.rows, NULL);
    aics_result_int(r, "tile.ci", opt.ci, NULL);
    aics_result_int(r, "elem_bytes", opt.bytes, NULL);
    aics_result_kv_only(r, false);

    aics_result_part(r, "intensity", "运算强度（乘加/字节）与片上占用");
    aics_table *u = aics_result_table(r, "lrrrrrrr", (const char *const[]){"层", "必需", "不分块", h[1], h[2], h[3],
                                                                         h[1], h[3]});
    for (size_t i = 0; i < n; i++) {
        aics_table_cell(u, "%s", c[i].name);
        aics_table_cell(u, "%.1f", (double)c[i].macs / (double)compulsory(&c[i]));
        for (int k = 0; k < AICS_TILE_COUNT; k++)
            aics_table_cell(u, "%.2f", (double)c[i].macs / (double)bytes_of(&c[i], k, tile_of(k)));
        aics_table_cell(u, "%.0f KB", (double)(aics_conv_footprint(&c[i].s, AICS_TILE_CO, opt.co) * opt.bytes) / 1024);
        aics_table_cell(u, "%.0f KB", (double)(aics_conv_footprint(&c[i].s, AICS_TILE_CI, opt.ci) * opt.bytes) / 1024);
    }
    aics_result_note(r, "最后两列是一组（group）在输出通道分块与输入通道分块时的片上占用：每块的数据都留在片上，才能做到每块只搬一次。");
}

/* AlexNet's convolution layers, found by report() for draw(). */
static conv_layer convs[8];
static size_t nconvs;

static void report(aics_result *r, const aics_run *run)
{
    (void)run;
    nconvs = alexnet_convs(convs, 8);
    report_answer(r, convs, nconvs);
}

static void draw(aics_plot *p)
{
    const conv_layer *L = NULL;
    for (size_t i = 0; i < nconvs; i++)
        if (strcmp(convs[i].name, opt.layer) == 0) L = &convs[i];
    if (!L) aics_die_usage("--layer: AlexNet has no convolution layer '%s'", opt.layer);
    aics_plot_begin(p, "ex6_11_tradeoff", 1000, 620);
    for (int t = AICS_TILE_CO; t < AICS_TILE_COUNT; t++) {
        int64_t max = t == AICS_TILE_CO ? L->s.co : t == AICS_TILE_ROWS ? aics_conv_ho(&L->s) : L->s.ci;
        double *v = aics_xcalloc((size_t)max * 2, sizeof *v);
        size_t m = 0;
        for (int64_t tile = 1; tile <= max; tile++) {
            if (tile > 1 && tile < max && (max % tile) != 0) continue; /* divisors only: no ragged last tile */
            v[2 * m] = (double)(aics_conv_footprint(&L->s, (aics_tiling)t, tile) * opt.bytes) / 1024;
            v[2 * m + 1] = (double)bytes_of(L, t, tile) / 1e6;
            m++;
        }
        char block[8];
        snprintf(block, sizeof block, "T%d", t);
        aics_plot_data(p, block, v, m, 2);
        free(v);
    }
    double comp[4] = {1, (double)compulsory(L) / 1e6, 1e5, (double)compulsory(L) / 1e6};
    aics_plot_data(p, "C", comp, 2, 2);
    char ylabel[200];
    snprintf(ylabel, sizeof ylabel, "%s 的访存量（×10⁶ 字节，对数坐标）", L->name);
    aics_plot_axes_set(p, &(aics_plot_axes){.xlabel = "一组的片上占用（KB，对数坐标）", .ylabel = ylabel,
                                            .xrange = "20:2000", .logscale = "xy", .key = "top right"});
    aics_plot_cmd(p, "plot $T1 using 1:2 with linespoints lw 2 pt 7 title '%s', $T2 using 1:2 with linespoints lw 2 "
                     "pt 5 title '%s', $T3 using 1:2 with linespoints lw 2 pt 9 title '%s', $C using 1:2 with lines "
                     "dt 2 lw 2 lc rgb 'black' title '必需访存量'",
                  tiling_zh[1], tiling_zh[2], tiling_zh[3]);
    aics_plot_end(p);
}

AICS_MAIN(.name = "ex6_11", .exercise = "6.11", .convention = "elements-moved-times-bytes",
          .summary = "习题 6.11：卷积层的循环表示与三种分块（输出通道、输出行、输入通道），以及它们在 AlexNet 各卷积层上"
                     "的访存量。",
          .details = "分块的代码在 src/dlp/tiling.c；单元测试检查三种分块与不分块的输出逐位相同、运行中数出的访存量等于公式。\n"
                     "kv 键：<层>.bytes.{compulsory,none,co,rows,ci}、<层>.intensity.*、tile.*。",
          .opts = options, .report = report, .draw = draw)
