/* nets_builtin.c — AlexNet, VGG-19 and ResNet-152 written from their papers.
 *
 * Each net is readable code over the builder of net.h. Layer and blob names
 * follow the released Caffe files (bvlc_alexnet, VGG_ILSVRC_19_layers_deploy,
 * ResNet-152-deploy), so the two can be compared layer by layer.
 *
 *   alexnet       Krizhevsky et al. 2012, the two-GPU original: 227×227 input,
 *                 group 2 on conv2, conv4 and conv5, LRN after conv1 and conv2.
 *   vgg19         Simonyan & Zisserman 2015, configuration E, 224×224 input.
 *   resnet152     He et al. 2015 as released for Caffe: bottleneck blocks
 *                 [3, 8, 36, 3], stride 2 on the first 1×1 convolution of each
 *                 down-sampling block, BatchNorm + Scale, convolutions without
 *                 bias, pool1 with Caffe's ceil rounding (112 → 56).
 *   alexnet_224   the same net on the 224×224 input the paper states: conv1
 *                 then gives ⌊(224 − 11)/4⌋ + 1 = 54 instead of 55 (the
 *                 paper's sizes only work out for 227, which Caffe uses).
 *   alexnet_tv    torchvision's AlexNet (one-GPU variant, 64/192/384/256/256
 *                 channels, no groups, no LRN, 224×224 input).
 *   resnet152_tv  torchvision's ResNet-152 ("v1.5": stride 2 on the 3×3
 *                 convolution, padded pool1 rounded down).
 */
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "net.h"

const char *const aics_net_builtin_names[] = {"alexnet", "vgg19", "resnet152", "alexnet_tv",
                                              "resnet152_tv", NULL};

/* ---- small builders: each returns the name of the blob it wrote ----------- */

/* A k×k window moved by `stride` over an input padded by `pad`: the same
 * numbers down and across, as in every built-in net. */
static void square_window(aics_layer *l, int64_t k, int64_t stride, int64_t pad)
{
    l->kernel_h = l->kernel_w = k;
    l->stride_h = l->stride_w = stride;
    l->pad_h = l->pad_w = pad;
}

static aics_layer *conv(aics_net *n, const char *name, const char *bottom, const char *top,
                        int64_t cout, int64_t k, int64_t stride, int64_t pad, int64_t group, bool bias)
{
    aics_layer *l = aics_net_layer(n, AICS_LAYER_CONV, name, bottom, top);
    l->num_output = cout;
    square_window(l, k, stride, pad);
    l->group = group;
    l->bias_term = bias;
    return l;
}

static void relu(aics_net *n, const char *name, const char *blob)
{
    aics_net_layer(n, AICS_LAYER_RELU, name, blob, blob);
}

static void pool(aics_net *n, const char *name, const char *bottom, const char *top,
                 aics_pool_method m, int64_t k, int64_t stride, int64_t pad, bool floor_mode)
{
    aics_layer *l = aics_net_layer(n, AICS_LAYER_POOL, name, bottom, top);
    l->pool = m;
    square_window(l, k, stride, pad);
    l->pool_floor = floor_mode;
}

static void lrn(aics_net *n, const char *name, const char *bottom, const char *top)
{
    aics_net_layer(n, AICS_LAYER_LRN, name, bottom, top)->local_size = 5;
}

static void fc(aics_net *n, const char *name, const char *bottom, const char *top, int64_t out)
{
    aics_net_layer(n, AICS_LAYER_FC, name, bottom, top)->num_output = out;
}

/* fc6 … fc8 with ReLU and dropout, then the softmax: AlexNet's and VGG's head. */
static void classifier(aics_net *n, const char *bottom)
{
    fc(n, "fc6", bottom, "fc6", 4096);
    relu(n, "relu6", "fc6");
    aics_net_layer(n, AICS_LAYER_DROPOUT, "drop6", "fc6", "fc6");
    fc(n, "fc7", "fc6", "fc7", 4096);
    relu(n, "relu7", "fc7");
    aics_net_layer(n, AICS_LAYER_DROPOUT, "drop7", "fc7", "fc7");
    fc(n, "fc8", "fc7", "fc8", 1000);
    aics_net_layer(n, AICS_LAYER_SOFTMAX, "prob", "fc8", "prob");
}

// ANCHOR: alexnet
static aics_net *build_alexnet(int side)
{
    aics_net *n = aics_net_new(side == 227 ? "alexnet" : "alexnet_224");
    aics_net_input(n, "data", 3, side, side);
    conv(n, "conv1", "data", "conv1", 96, 11, 4, 0, 1, true);
    relu(n, "relu1", "conv1");
    lrn(n, "norm1", "conv1", "norm1");
    pool(n, "pool1", "norm1", "pool1", AICS_POOL_MAX, 3, 2, 0, false);
    conv(n, "conv2", "pool1", "conv2", 256, 5, 1, 2, 2, true); /* two GPUs: group 2 */
    relu(n, "relu2", "conv2");
    lrn(n, "norm2", "conv2", "norm2");
    pool(n, "pool2", "norm2", "pool2", AICS_POOL_MAX, 3, 2, 0, false);
    conv(n, "conv3", "pool2", "conv3", 384, 3, 1, 1, 1, true);  /* crosses the GPUs */
    relu(n, "relu3", "conv3");
    conv(n, "conv4", "conv3", "conv4", 384, 3, 1, 1, 2, true);
    relu(n, "relu4", "conv4");
    conv(n, "conv5", "conv4", "conv5", 256, 3, 1, 1, 2, true);
    relu(n, "relu5", "conv5");
    pool(n, "pool5", "conv5", "pool5", AICS_POOL_MAX, 3, 2, 0, false);
    classifier(n, "pool5");
    return n;
}
// ANCHOR_END: alexnet

static aics_net *build_alexnet_tv(void)
{
    aics_net *n = aics_net_new("alexnet_tv");
    aics_net_input(n, "data", 3, 224, 224);
    static const struct { int64_t cout, k, s, p; bool pool_after; } cfg[] = {
        {64, 11, 4, 2, true}, {192, 5, 1, 2, true}, {384, 3, 1, 1, false},
        {256, 3, 1, 1, false}, {256, 3, 1, 1, true},
    };
    const char *bottom = "data";
    char cname[16], rname[16], pname[16];
    for (int i = 0; i < 5; i++) {
        snprintf(cname, sizeof cname, "conv%d", i + 1);
        snprintf(rname, sizeof rname, "relu%d", i + 1);
        conv(n, cname, bottom, cname, cfg[i].cout, cfg[i].k, cfg[i].s, cfg[i].p, 1, true);
        relu(n, rname, cname);
        bottom = n->layers[n->nlayers - 1].top[0];
        if (cfg[i].pool_after) {
            snprintf(pname, sizeof pname, "pool%d", i + 1);
            pool(n, pname, cname, pname, AICS_POOL_MAX, 3, 2, 0, true);
            bottom = n->layers[n->nlayers - 1].top[0];
        }
    }
    /* AdaptiveAvgPool2d(6) is the identity on the 6×6 map of a 224 input. */
    classifier(n, "pool5");
    return n;
}

// ANCHOR: vgg19
static aics_net *build_vgg19(void)
{
    static const int convs[5] = {2, 2, 4, 4, 4};          /* configuration E */
    static const int64_t width[5] = {64, 128, 256, 512, 512};
    aics_net *n = aics_net_new("vgg19");
    aics_net_input(n, "data", 3, 224, 224);
    char bottom[32] = "data", name[32];
    for (int s = 0; s < 5; s++) {
        for (int i = 1; i <= convs[s]; i++) {
            snprintf(name, sizeof name, "conv%d_%d", s + 1, i);
            conv(n, name, bottom, name, width[s], 3, 1, 1, 1, true);
            char rname[32];
            snprintf(rname, sizeof rname, "relu%d_%d", s + 1, i);
            relu(n, rname, name);
            snprintf(bottom, sizeof bottom, "%s", name);
        }
        snprintf(name, sizeof name, "pool%d", s + 1);
        pool(n, name, bottom, name, AICS_POOL_MAX, 2, 2, 0, false);
        snprintf(bottom, sizeof bottom, "%s", name);
    }
    classifier(n, "pool5");
    return n;
}
// ANCHOR_END: vgg19

/* Convolution + BatchNorm + Scale (+ ReLU), named as in ResNet-152-deploy:
 * res<id>, bn<id>, scale<id>, res<id>_relu, all in place on blob res<id>. */
static void conv_bn(aics_net *n, const char *bottom, const char *id, int64_t cout, int64_t k,
                    int64_t stride, bool with_relu)
{
    char top[48], name[56];
    snprintf(top, sizeof top, "res%s", id);
    conv(n, top, bottom, top, cout, k, stride, (k - 1) / 2, 1, false);
    snprintf(name, sizeof name, "bn%s", id);
    aics_net_layer(n, AICS_LAYER_BATCHNORM, name, top, top);
    snprintf(name, sizeof name, "scale%s", id);
    aics_net_layer(n, AICS_LAYER_SCALE, name, top, top)->bias_term = true;
    if (with_relu) {
        snprintf(name, sizeof name, "res%s_relu", id);
        relu(n, name, top);
    }
}

// ANCHOR: bottleneck
/* One bottleneck block: 1×1 (reduce) → 3×3 → 1×1 (expand ×4), plus the
 * shortcut, which is a strided 1×1 projection in a stage's first block.
 * Caffe's release strides the first 1×1; torchvision ("v1.5") the 3×3. */
static void bottleneck(aics_net *n, const char *bottom, const char *block, int64_t width,
                       int64_t stride, bool project, bool stride_on_3x3)
{
    char id[40], shortcut[48], out[40], name[48];
    const char *identity = bottom;
    if (project) {
        snprintf(id, sizeof id, "%s_branch1", block);
        conv_bn(n, bottom, id, 4 * width, 1, stride, false);
        snprintf(shortcut, sizeof shortcut, "res%s", id);
        identity = shortcut;
    }
    snprintf(id, sizeof id, "%s_branch2a", block);
    conv_bn(n, bottom, id, width, 1, stride_on_3x3 ? 1 : stride, true);
    char prev[48];
    snprintf(prev, sizeof prev, "res%s", id);
    snprintf(id, sizeof id, "%s_branch2b", block);
    conv_bn(n, prev, id, width, 3, stride_on_3x3 ? stride : 1, true);
    snprintf(prev, sizeof prev, "res%s", id);
    snprintf(id, sizeof id, "%s_branch2c", block);
    conv_bn(n, prev, id, 4 * width, 1, 1, false);
    snprintf(prev, sizeof prev, "res%s", id);
    snprintf(out, sizeof out, "res%s", block);
    aics_layer *sum = aics_net_layer(n, AICS_LAYER_ELTWISE, out, identity, out);
    aics_layer_add_bottom(sum, prev);
    snprintf(name, sizeof name, "%s_relu", out);
    relu(n, name, out);
}
// ANCHOR_END: bottleneck

// ANCHOR: resnet152
static aics_net *build_resnet152(bool torchvision)
{
    static const int blocks[4] = {3, 8, 36, 3};
    static const int64_t width[4] = {64, 128, 256, 512};
    aics_net *n = aics_net_new(torchvision ? "resnet152_tv" : "resnet152");
    aics_net_input(n, "data", 3, 224, 224);
    conv(n, "conv1", "data", "conv1", 64, 7, 2, 3, 1, false);
    aics_net_layer(n, AICS_LAYER_BATCHNORM, "bn_conv1", "conv1", "conv1");
    aics_net_layer(n, AICS_LAYER_SCALE, "scale_conv1", "conv1", "conv1")->bias_term = true;
    relu(n, "conv1_relu", "conv1");
    /* Caffe: 3×3/2 without padding, rounded up; torchvision: padding 1, rounded down. */
    pool(n, "pool1", "conv1", "pool1", AICS_POOL_MAX, 3, 2, torchvision ? 1 : 0, torchvision);
    char bottom[40] = "pool1", block[24];
    for (int s = 0; s < 4; s++) {
        for (int b = 0; b < blocks[s]; b++) {
            /* Blocks are a, b, c… or, in long stages, a, b1, b2… */
            if (b == 0 || blocks[s] <= 3) snprintf(block, sizeof block, "%d%c", s + 2, 'a' + b);
            else snprintf(block, sizeof block, "%db%d", s + 2, b);
            int64_t stride = (b == 0 && s > 0) ? 2 : 1;
            bottleneck(n, bottom, block, width[s], stride, b == 0, torchvision);
            snprintf(bottom, sizeof bottom, "res%s", block);
        }
    }
    aics_layer *gap = aics_net_layer(n, AICS_LAYER_POOL, "pool5", bottom, "pool5");
    gap->pool = AICS_POOL_AVE;
    gap->kernel_h = gap->kernel_w = 7;
    fc(n, "fc1000", "pool5", "fc1000", 1000);
    aics_net_layer(n, AICS_LAYER_SOFTMAX, "prob", "fc1000", "prob");
    return n;
}
// ANCHOR_END: resnet152

aics_net *aics_net_builtin(const char *name)
{
    aics_net *n = NULL;
    if (!name) return NULL;
    if (strcmp(name, "alexnet") == 0) n = build_alexnet(227);
    else if (strcmp(name, "alexnet_224") == 0) n = build_alexnet(224);
    else if (strcmp(name, "alexnet_tv") == 0) n = build_alexnet_tv();
    else if (strcmp(name, "vgg19") == 0) n = build_vgg19();
    else if (strcmp(name, "resnet152") == 0) n = build_resnet152(false);
    else if (strcmp(name, "resnet152_tv") == 0) n = build_resnet152(true);
    if (!n) return NULL;
    /* The batch of the released Caffe file each follows (checked against
     * ../shared/nets by tests/unit/test_caffe.c); the torchvision variants
     * and the 224×224 AlexNet have no file. */
    if (strcmp(name, "alexnet") == 0 || strcmp(name, "vgg19") == 0) n->batch = 10;
    else if (strcmp(name, "resnet152") == 0) n->batch = 1;
    aics_net_error err;
    AICS_CHECK(aics_net_finish(n, &err), err.msg);
    return n;
}
