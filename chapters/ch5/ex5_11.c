/* ex5_11.c — exercise 5.11: why does operator fusion speed a network up, and
 * which networks gain more?
 *
 * Without fusion every layer reads its input blob from memory and writes its
 * output back; an element-wise layer (BatchNorm, Scale, ReLU) right after a
 * convolution or fully connected layer does almost no arithmetic but moves
 * its whole blob twice. Fused into the convolution, it is applied in
 * registers before the single write. The program counts, for each chapter-3
 * network (src/nets, batch 1, fp32), the bytes moved per image:
 *   unfused  Σ over layers of (input elements read + parameters and stored
 *            statistics read + output elements written) × 4 bytes;
 *   fused    the same minus 2 × 4 × (output elements) for every BatchNorm,
 *            Scale or ReLU that works in place on the output of a
 *            convolution or fully connected layer (directly or after other
 *            such layers). Their parameters are still counted as read: the
 *            saving claimed is a lower bound.
 * For a memory-bound layer time is proportional to traffic, so unfused/fused
 * bounds the speed-up.
 */
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "net.h"
#include "netcount.h"
#include "plot.h"
#include "program.h"

typedef struct {
    int64_t unfused, saved, fused_layers, layers;
} traffic;

static bool elementwise(aics_layer_type t)
{
    return t == AICS_LAYER_BATCHNORM || t == AICS_LAYER_SCALE || t == AICS_LAYER_RELU;
}

// ANCHOR: traffic
static traffic count_traffic(const aics_net *net)
{
    traffic tr = {0};
    const char *chain = NULL; /* the blob a conv/FC wrote, while only element-wise layers touched it */
    for (size_t i = 0; i < net->nlayers; i++) {
        const aics_layer *l = &net->layers[i];
        if (l->type == AICS_LAYER_INPUT) continue;
        aics_layer_counts c;
        aics_net_error err;
        AICS_CHECK(aics_layer_count(net, i, 0, &c, &err), "the built-in networks count");
        int64_t out = aics_blob_count(l->out) * (int64_t)l->ntop;
        tr.unfused += 4 * l->in_total + c.param_bytes + 4 * out;
        tr.layers++;
        bool fusible = elementwise(l->type) && l->in_place && chain && l->nbottom == 1
                       && strcmp(l->bottom[0], chain) == 0;
        if (fusible) {
            tr.saved += 2 * 4 * aics_blob_count(l->out); /* no read and no write of the blob */
            tr.fused_layers++;
        } else {
            chain = (l->type == AICS_LAYER_CONV || l->type == AICS_LAYER_FC) && l->ntop == 1 ? l->top[0] : NULL;
        }
    }
    return tr;
}
// ANCHOR_END: traffic

static const char *const nets[] = {"alexnet", "vgg19", "resnet152"};
static const char *const titles[] = {"AlexNet", "VGG19", "ResNet152"};
#define NNETS 3

static double bars[NNETS][3]; /* index, unfused MB, fused MB: the figure's data */

static void draw_figure(aics_plot *p)
{
    aics_plot_begin(p, "ex5_11_traffic", 900, 500);
    aics_plot_data(p, "T", &bars[0][0], NNETS, 3);
    aics_plot_cmd(p, "set style data histogram");
    aics_plot_cmd(p, "set style histogram clustered gap 1");
    aics_plot_cmd(p, "set style fill solid 0.8 border -1");
    aics_plot_axes_set(p, &(aics_plot_axes){.ylabel = "每张图的访存量（MB）", .yrange = "0:*", .grid = "ytics",
                                            .key = "left top"});
    aics_plot_cmd(p, "set xtics ('AlexNet' 0, 'VGG19' 1, 'ResNet152' 2)");
    aics_plot_cmd(p, "plot $T using 2 title '不融合', $T using 3 title '融合 BN、Scale、ReLU'");
    aics_plot_end(p);
}

static void report(aics_result *r, const aics_run *run)
{
    (void)run;
    aics_result_part_show(r, "answer", "融合 卷积/全连接 + BN + Scale + ReLU 省下的访存（每张图，fp32）", AICS_SHOW_ANSWER);
    aics_table *t = aics_result_table(r, "lrrrrr",
        (const char *const[]){"网络", "融合的层", "不融合 MB", "融合 MB", "省下", "加速上限"});
    double best = 0;
    const char *winner = "";
    for (int k = 0; k < NNETS; k++) {
        aics_net *net = aics_net_builtin(nets[k]);
        AICS_CHECK(net != NULL, "a built-in network");
        traffic tr = count_traffic(net);
        int64_t fused = tr.unfused - tr.saved;
        double speedup = (double)tr.unfused / (double)fused;
        if (speedup > best) best = speedup, winner = nets[k];
        bars[k][0] = k, bars[k][1] = tr.unfused / 1e6, bars[k][2] = fused / 1e6;
        aics_table_cell(t, "%s", titles[k]);
        aics_table_cell(t, "%lld", (long long)tr.fused_layers);
        aics_table_cell(t, "%.1f", tr.unfused / 1e6);
        aics_table_cell(t, "%.1f", fused / 1e6);
        aics_table_cell(t, "%.1f%%", 100.0 * tr.saved / tr.unfused);
        aics_table_cell(t, "%.2f×", speedup);
        char key[64];
        aics_result_kv_only(r, true);
        snprintf(key, sizeof key, "%s.fused_layers", nets[k]);
        aics_result_int(r, key, tr.fused_layers, NULL);
        snprintf(key, sizeof key, "%s.bytes_unfused", nets[k]);
        aics_result_int(r, key, tr.unfused, NULL);
        snprintf(key, sizeof key, "%s.bytes_fused", nets[k]);
        aics_result_int(r, key, fused, NULL);
        snprintf(key, sizeof key, "%s.saved_fraction", nets[k]);
        aics_result_double(r, key, (double)tr.saved / (double)tr.unfused, NULL);
        snprintf(key, sizeof key, "%s.speedup_bound", nets[k]);
        aics_result_double(r, key, speedup, NULL);
        aics_result_kv_only(r, false);
        aics_net_free(net);
    }
    aics_result_word(r, "largest_gain", winner, "加速上限最大的网络");
    aics_result_note(r, "MB = 10⁶ 字节；加速上限 = 不融合/融合，假设各层都受访存限制。");
}

AICS_MAIN(.name = "ex5_11", .exercise = "5.11", .convention = "fp32-batch1-read-inputs-params-write-outputs",
          .summary = "习题 5.11：算子融合为何提速；第 3 章三个网络融合 conv+BN+ReLU 省下的访存。",
          .details = "约定：批大小 1，fp32；每层读入输入与参数、写出输出；融合去掉紧跟卷积/全连接层的\n"
                     "原位 BatchNorm、Scale、ReLU 的读写（参数仍计入，所以是下界）。",
          .report = report, .draw = draw_figure)
