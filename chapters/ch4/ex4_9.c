/* ex4_9.c — exercise 4.9: the shape of the tensor after each pooling layer of
 * VGG19 for a (224, 224, 3) input.
 *
 * The network is the chapter-3 model (src/nets, built from Simonyan and
 * Zisserman's configuration E): 3×3 convolutions with stride 1 and padding 1
 * keep the spatial size, and each 2×2 max pooling with stride 2 halves it.
 * Shapes are written as the exercise writes the input, height × width ×
 * channels (NHWC without the batch), like 112x112x64. The halving is checked
 * against the pooling formula ⌊(in − 2)/2⌋ + 1 computed here by hand.
 */
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "net.h"
#include "program.h"

#define MAX_POOLS 8

static void shape_word(aics_blob_shape s, char *out, size_t n)
{
    snprintf(out, n, "%lldx%lldx%lld", (long long)s.h, (long long)s.w, (long long)s.c);
}

/* The answer: one key per pooling layer; returns how many pools there are. */
static int report_pools(aics_result *r, const aics_net *net)
{
    aics_result_part_show(r, "answer", "VGG19 每个池化层之后的张量形状（高×宽×通道）", AICS_SHOW_ANSWER);
    int npool = 0;
    bool ok = true;
    int64_t expect = 224; /* the side length by hand: 224 halves at every pool */
    for (size_t i = 0; i < net->nlayers; i++) {
        const aics_layer *l = &net->layers[i];
        if (l->type != AICS_LAYER_POOL) continue;
        AICS_CHECK(++npool <= MAX_POOLS, "VGG19 has five pooling layers");
        char key[48], label[64], word[48];
        shape_word(l->out, word, sizeof word);
        snprintf(key, sizeof key, "%s.shape", l->name);
        snprintf(label, sizeof label, "%s（第 %d 个池化层）之后", l->name, npool);
        aics_result_word(r, key, word, label);
        expect = (expect - 2) / 2 + 1;
        ok = ok && l->out.h == expect && l->out.w == expect;
    }
    aics_result_int(r, "pools", npool, "池化层个数");
    aics_result_word(r, "halving.check", ok ? "pass" : "fail", "与手算 ⌊(n−2)/2⌋+1 一致");
    return npool;
}

/* Every layer that changes the shape: the convolutions' output and the pools'. */
static void report_layers(aics_result *r, const aics_net *net)
{
    aics_result_part(r, "layers", "逐层形状");
    aics_table *t = aics_result_table(r, "llr",
        (const char *const[]){"层", "输出（高×宽×通道）", "元素个数"});
    char word[48];
    shape_word(net->layers[0].out, word, sizeof word);
    aics_table_cell(t, "输入");
    aics_table_cell(t, "%s", word);
    aics_table_cell(t, "%lld", (long long)aics_blob_count(net->layers[0].out));
    for (size_t i = 1; i < net->nlayers; i++) {
        const aics_layer *l = &net->layers[i];
        if (l->type != AICS_LAYER_CONV && l->type != AICS_LAYER_POOL) continue;
        shape_word(l->out, word, sizeof word);
        aics_table_cell(t, "%s", l->name);
        aics_table_cell(t, "%s", word);
        aics_table_cell(t, "%lld", (long long)aics_blob_count(l->out));
    }
}

static void report(aics_result *r, const aics_run *run)
{
    (void)run;
    aics_net *net = aics_net_builtin("vgg19");
    AICS_CHECK(net != NULL, "vgg19 is a built-in network");
    report_pools(r, net);
    report_layers(r, net);
    aics_net_free(net);
}

AICS_MAIN(.name = "ex4_9", .exercise = "4.9", .convention = "hwc-batch1-vgg19-config-e",
          .summary = "习题 4.9：VGG19 在 (224, 224, 3) 输入下每个池化层之后的张量形状。",
          .details = "约定：形状写作 高×宽×通道（如 112x112x64），批大小为 1；网络取自第 3 章的 VGG19 模型\n"
                     "（3×3 卷积、步长 1、填充 1；2×2 最大池化、步长 2）。",
          .report = report)
