/* test_netcount.c — the counting conventions on small nets computed by hand
 * (grouped, dilated, rectangular, ceil-pooled, padded average pooling, LRN),
 * the common mistakes, overflow, and the built-in networks' known totals. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "netcount.h"
#include "rng.h"

/* A finished one-layer-after-input net; the layer is returned for setup. */
static aics_net *one(aics_layer_type type, int64_t c, int64_t h, int64_t w, aics_layer **l)
{
    aics_net *n = aics_net_new("t");
    aics_net_input(n, "data", c, h, w);
    *l = aics_net_layer(n, type, "x", "data", "x");
    return n;
}

static aics_layer_counts count_last(aics_net *n, unsigned mistakes)
{
    aics_net_error e;
    ck_assert_msg(aics_net_finish(n, &e), "The net should finish: %s", e.msg);
    aics_layer_counts c;
    ck_assert_msg(aics_layer_count(n, n->nlayers - 1, mistakes, &c, &e), "Counting should succeed: %s", e.msg);
    return c;
}

static void conv_setup(aics_layer *l, int64_t cout, int64_t kh, int64_t kw, int64_t g)
{
    l->num_output = cout;
    l->kernel_h = kh, l->kernel_w = kw;
    l->group = g;
}

START_TEST(grouped_convolution)
{
    /* 4×5×5 input, 6 filters 3×3, pad 1, group 2: out 6×5×5 = 150, fan-in (4/2)·9 = 18. */
    aics_layer *l;
    aics_net *n = one(AICS_LAYER_CONV, 4, 5, 5, &l);
    conv_setup(l, 6, 3, 3, 2);
    l->pad_h = l->pad_w = 1;
    aics_layer_counts c = count_last(n, 0);
    ck_assert_msg(c.mul == 2700 && c.add == 2700 && c.mac == 2700,
                  "mul = add = 150·18 = 2700 with a bias, got mul %lld add %lld", (long long)c.mul, (long long)c.add);
    ck_assert_msg(c.params == 114, "params = 6·18 + 6 = 114, got %lld", (long long)c.params);
    ck_assert_msg(c.neurons == 150, "neurons = 6·5·5 = 150, got %lld", (long long)c.neurons);
    c = count_last(n, AICS_MISTAKE_NO_GROUPS);
    ck_assert_msg(c.mul == 5400 && c.params == 222, "Ignoring groups doubles the fan-in: mul 5400, params 222.");
    c = count_last(n, AICS_MISTAKE_NO_KERNEL);
    ck_assert_msg(c.mul == 300 && c.add == 300 && c.params == 18,
                  "Without K_h·K_w the fan-in is 2: mul 300, add 300, params 18.");
    c = count_last(n, AICS_MISTAKE_ADD_NIF_MINUS_1);
    ck_assert_msg(c.add == 150 * 17 && c.mul == 2700 && c.params == 114, "(N_if−1)·N_of forgets only the bias add.");
    c = count_last(n, AICS_MISTAKE_NO_BIAS_ADD);
    ck_assert_msg(c.add == 150 * 17 && c.params == 108, "Forgetting biases drops 150 adds and 6 params.");
    c = count_last(n, AICS_MISTAKE_FILE_BATCH);
    ck_assert_msg(c.mul == 2700 && c.neurons == 150, "No batch stated: counting it changes nothing.");
    n->batch = 1;
    c = count_last(n, AICS_MISTAKE_FILE_BATCH);
    ck_assert_msg(c.mul == 2700 && c.neurons == 150, "A file's batch 1 changes nothing.");
    n->batch = 10;
    c = count_last(n, AICS_MISTAKE_FILE_BATCH);
    ck_assert_msg(c.mul == 27000 && c.neurons == 1500 && c.params == 114, "Batch 10 scales work, not params.");
    n->batch = 7;
    c = count_last(n, AICS_MISTAKE_FILE_BATCH);
    ck_assert_msg(c.add == 2700 * 7 && c.neurons == 1050 && c.params == 114, "The file's own batch (7) scales.");
    n->batch = 0;
    l = &n->layers[1];
    l->bias_term = false;
    c = count_last(n, 0);
    ck_assert_msg(c.add == 150 * 17 && c.params == 108, "Without a bias: add 150·17, params 108.");
    aics_net_free(n);
}
END_TEST

START_TEST(dilated_convolution)
{
    /* 1×7×7, one 3×3 filter with dilation 2 spans 5: out 3×3; with pad 2, 7×7. */
    aics_layer *l;
    aics_net *n = one(AICS_LAYER_CONV, 1, 7, 7, &l);
    conv_setup(l, 1, 3, 3, 1);
    l->dilation_h = l->dilation_w = 2;
    aics_layer_counts c = count_last(n, 0);
    ck_assert_msg(n->layers[1].out.h == 3 && n->layers[1].out.w == 3, "Dilation 2 makes a 3×3 kernel span 5: out 3×3.");
    ck_assert_msg(c.mul == 81 && c.add == 81 && c.params == 10, "9 outputs × 9 taps = 81; params 9 + 1.");
    n->layers[1].pad_h = n->layers[1].pad_w = 2;
    c = count_last(n, 0);
    ck_assert_msg(c.mul == 441, "With pad 2 the output is 7×7: 49·9 = 441, got %lld", (long long)c.mul);
    aics_net_free(n);
}
END_TEST

START_TEST(rectangular_convolution)
{
    /* 3×10×8, 4 filters 3×1, stride 2×1, pad 1×0: out h = ⌊(10+2−3)/2⌋+1 = 5, w = 8. */
    aics_layer *l;
    aics_net *n = one(AICS_LAYER_CONV, 3, 10, 8, &l);
    conv_setup(l, 4, 3, 1, 1);
    l->stride_h = 2;
    l->pad_h = 1;
    aics_layer_counts c = count_last(n, 0);
    aics_blob_shape o = n->layers[1].out;
    ck_assert_msg(o.c == 4 && o.h == 5 && o.w == 8, "The output should be 4×5×8, got %lld×%lld×%lld",
                  (long long)o.c, (long long)o.h, (long long)o.w);
    ck_assert_msg(c.mul == 160 * 9 && c.params == 40, "160 outputs × fan-in 9 = 1440; params 4·9 + 4 = 40.");
    aics_net_free(n);
}
END_TEST

START_TEST(ceil_pooling)
{
    /* 1×6×6, max 3×3 stride 2: Caffe rounds up to 3×3 (floor would give 2×2). Windows
     * along an axis cover 3, 3 and 2 (clipped): 8·8 = 64 inputs for 9 outputs. */
    aics_layer *l;
    aics_net *n = one(AICS_LAYER_POOL, 1, 6, 6, &l);
    l->kernel_h = l->kernel_w = 3;
    l->stride_h = l->stride_w = 2;
    aics_layer_counts c = count_last(n, 0);
    ck_assert_msg(n->layers[1].out.h == 3, "Caffe's pooling rounds up: 3, got %lld", (long long)n->layers[1].out.h);
    ck_assert_msg(c.other_cmp == 64 - 9, "Max pooling compares window − 1 times per output: 55, got %lld",
                  (long long)c.other_cmp);
    ck_assert_msg(c.mul == 0 && c.add == 0, "Pooling is not counted in mul or add.");
    l = &n->layers[1];
    l->pool_floor = true;
    count_last(n, 0);
    ck_assert_msg(n->layers[1].out.h == 2, "Rounded down the output is 2.");
    aics_net_free(n);
}
END_TEST

START_TEST(pool_sizes_follow_caffe)
{
    ck_assert_msg(aics_pool_out_size(112, 3, 2, 0) == 56, "ResNet's pool1 gives 56, not 55.");
    ck_assert_msg(aics_pool_out_size(112, 3, 2, 1) == 57, "With pad 1 Caffe gives 57 (PyTorch's floor gives 56).");
    ck_assert_msg(aics_pool_out_size(5, 2, 2, 1) == 3,
                  "ceil((5+2−2)/2)+1 = 4, minus one because the last window would start in the padding.");
    ck_assert_msg(aics_pool_out_size(55, 3, 2, 0) == 27, "AlexNet's pool1: 27.");
    ck_assert_msg(aics_pool_out_size(2, 3, 1, 0) == -1, "A kernel larger than its input does not fit.");
    ck_assert_msg(aics_conv_out_size(227, 11, 4, 0, 1) == 55, "AlexNet's conv1: 55.");
    ck_assert_msg(aics_conv_out_size(7, 3, 1, 0, 4) == -1, "Dilation 4 makes a 3-tap kernel span 9 > 7.");
}
END_TEST

START_TEST(padded_average_pooling)
{
    /* 1×4×4, average 3×3 stride 1 pad 1: 4×4 outputs whose clipped windows cover
     * 2, 3, 3, 2 rows (and columns): 10·10 = 100 inputs, 84 additions, 16 divisions. */
    aics_layer *l;
    aics_net *n = one(AICS_LAYER_POOL, 1, 4, 4, &l);
    l->pool = AICS_POOL_AVE;
    l->kernel_h = l->kernel_w = 3;
    l->pad_h = l->pad_w = 1;
    aics_layer_counts c = count_last(n, 0);
    ck_assert_msg(c.other_add == 84 && c.other_div == 16 && c.other_cmp == 0,
                  "Padded average pooling: 84 additions and 16 divisions, got %lld and %lld",
                  (long long)c.other_add, (long long)c.other_div);
    aics_net_free(n);
}
END_TEST

START_TEST(fully_connected)
{
    /* 2×3×3 = 18 inputs to 5 outputs. */
    aics_layer *l;
    aics_net *n = one(AICS_LAYER_FC, 2, 3, 3, &l);
    l->num_output = 5;
    aics_layer_counts c = count_last(n, 0);
    ck_assert_msg(c.mul == 90 && c.add == 90 && c.params == 95 && c.neurons == 5,
                  "FC 18→5: mul 90, add 90 (17 + bias per output), params 95, neurons 5.");
    c = count_last(n, AICS_MISTAKE_FC_AS_ONE);
    ck_assert_msg(c.mul == 1 && c.add == 1 && c.params == 95, "As one operation: mul 1, add 1, params kept.");
    c = count_last(n, AICS_MISTAKE_ADD_NIF_MINUS_1);
    ck_assert_msg(c.add == 85, "(N_if − 1)·N_of = 17·5 = 85, got %lld", (long long)c.add);
    c = count_last(n, AICS_MISTAKE_NO_KERNEL | AICS_MISTAKE_NO_GROUPS);
    ck_assert_msg(c.mul == 90, "Kernel and group mistakes do not touch FC layers.");
    aics_net_free(n);
}
END_TEST

START_TEST(lrn_eltwise_softmax_scale)
{
    /* LRN over 3 channels with local_size 5 at 1×1: every window is clipped to
     * the 3 channels: 9 squares, + 3 for α/n; 9 additions; 3 powers; 3 divisions. */
    aics_layer *l;
    aics_net *n = one(AICS_LAYER_LRN, 3, 1, 1, &l);
    aics_layer_counts c = count_last(n, 0);
    ck_assert_msg(c.other_mul == 12 && c.other_add == 9 && c.other_exp == 3 && c.other_div == 3,
                  "LRN 3×1×1: mul 12, add 9, pow 3, div 3; got %lld %lld %lld %lld", (long long)c.other_mul,
                  (long long)c.other_add, (long long)c.other_exp, (long long)c.other_div);
    aics_net_free(n);

    n = aics_net_new("e");
    aics_net_input(n, "a", 2, 2, 2);
    aics_net_input(n, "b", 2, 2, 2);
    aics_net_input(n, "c", 2, 2, 2);
    l = aics_net_layer(n, AICS_LAYER_ELTWISE, "sum", "a", "s");
    aics_layer_add_bottom(l, "b");
    aics_layer_add_bottom(l, "c");
    c = count_last(n, 0);
    ck_assert_msg(c.other_add == 16 && c.mul == 0, "A 3-way sum of 8 elements takes 16 additions.");
    aics_net_free(n);

    n = one(AICS_LAYER_SOFTMAX, 10, 1, 1, &l);
    c = count_last(n, 0);
    ck_assert_msg(c.other_exp == 10 && c.other_cmp == 9 && c.other_add == 19 && c.other_div == 10,
                  "Softmax over 10: 9 comparisons, 10 subtractions + 9 additions, 10 exp, 10 divisions.");
    aics_net_free(n);

    n = one(AICS_LAYER_SCALE, 4, 3, 3, &l);
    c = count_last(n, 0);
    ck_assert_msg(c.params == 8 && c.other_mul == 36 && c.other_add == 36, "Scale with β: 2 params per channel.");
    n->layers[1].bias_term = false;
    c = count_last(n, 0);
    ck_assert_msg(c.params == 4 && c.other_add == 0, "Scale without β: 1 param per channel.");
    aics_net_free(n);
}
END_TEST

START_TEST(concat_and_memory)
{
    aics_net *n = aics_net_new("c");
    aics_net_input(n, "a", 2, 4, 4);
    aics_net_input(n, "b", 3, 4, 4);
    aics_layer *l = aics_net_layer(n, AICS_LAYER_CONCAT, "cat", "a", "cat");
    aics_layer_add_bottom(l, "b");
    aics_net_layer(n, AICS_LAYER_RELU, "relu", "cat", "cat");
    aics_net_error e;
    ck_assert_msg(aics_net_finish(n, &e), "Concat should finish: %s", e.msg);
    ck_assert_msg(n->layers[2].out.c == 5, "Concatenating 2 and 3 channels gives 5.");
    aics_layer_counts t;
    ck_assert(aics_net_count(n, 0, NULL, &t, &e));
    ck_assert_msg(t.act_bytes == 4 * (32 + 48 + 80), "Activations: both inputs and the concat, not the in-place ReLU.");
    ck_assert_msg(n->layers[3].in_place, "A top equal to its bottom is in place.");
    aics_net_free(n);
}
END_TEST

START_TEST(builtin_totals)
{
    /* Independent references: AlexNet and VGG-19 parameter counts are the
     * well-known sums of the released Caffe models; ResNet-152's 60,192,808
     * is torchvision's; AlexNet conv1 is 96·55·55 × 3·11·11 by hand. */
    aics_net_totals t;
    aics_net *n = aics_net_builtin("alexnet");
    ck_assert(aics_net_count_totals(n, 0, &t));
    ck_assert_msg(t.params == 60965224, "AlexNet has 60,965,224 parameters, got %lld", (long long)t.params);
    ck_assert_msg(t.mac == 724406816, "AlexNet: 724,406,816 MACs, got %lld", (long long)t.mac);
    aics_layer_counts c;
    aics_net_error e;
    ck_assert(aics_layer_count(n, 1, 0, &c, &e));
    ck_assert_msg(c.mul == 96LL * 55 * 55 * 3 * 11 * 11, "conv1: 96·55·55·3·11·11 multiplications.");
    aics_net_free(n);
    n = aics_net_builtin("vgg19");
    ck_assert(aics_net_count_totals(n, 0, &t));
    ck_assert_msg(t.params == 143667240, "VGG-19 has 143,667,240 parameters, got %lld", (long long)t.params);
    ck_assert_msg(t.mac > 19550000000LL && t.mac < 19650000000LL, "VGG-19 is 19.6 G MACs (ResNet paper).");
    aics_net_free(n);
    n = aics_net_builtin("resnet152");
    ck_assert(aics_net_count_totals(n, 0, &t));
    ck_assert_msg(t.params == 60192808, "ResNet-152 has 60,192,808 parameters, got %lld", (long long)t.params);
    ck_assert_msg(t.mac > 11250000000LL && t.mac < 11350000000LL, "ResNet-152 is 11.3 G MACs (Table 1), got %lld",
                  (long long)t.mac);
    aics_net_free(n);
    n = aics_net_builtin("resnet152_tv");
    ck_assert(aics_net_count_totals(n, 0, &t));
    ck_assert_msg(t.mac > 11450000000LL && t.mac < 11550000000LL, "torchvision's ResNet-152 is 11.5 G MACs.");
    aics_net_free(n);
    n = aics_net_builtin("alexnet_tv");
    ck_assert(aics_net_count_totals(n, 0, &t));
    ck_assert_msg(t.mac > 705000000 && t.mac < 715000000, "torchvision's AlexNet is 0.71 G MACs.");
    ck_assert_msg(t.params == 61100840, "torchvision's AlexNet has 61,100,840 parameters.");
    aics_net_free(n);
    ck_assert_msg(aics_net_builtin("lenet") == NULL, "An unknown built-in is NULL.");
}
END_TEST

START_TEST(mistake_descriptions)
{
    char buf[200];
    ck_assert_str_eq(aics_mistake_describe(AICS_MISTAKE_NO_KERNEL | AICS_MISTAKE_NO_GROUPS, buf, sizeof buf),
                     "leaving out the kernel size + ignoring groups");
    ck_assert_str_eq(aics_mistake_describe(0, buf, sizeof buf), "the correct convention");
    aics_mistake_describe((1u << AICS_MISTAKE_COUNT) - 1, buf, 20);
    ck_assert_msg(strlen(buf) < 20, "The description is cut to the buffer.");
    ck_assert_str_eq(aics_mistake_key(AICS_MISTAKE_FILE_BATCH), "file_batch");
    ck_assert_msg(aics_mistake_key(3) == NULL, "Only single bits have keys.");
}
END_TEST

START_TEST(overflow_is_reported)
{
    /* 2^20×4096×4096 (2^44 elements) through a 1×1 conv with 2^20 outputs:
     * 2^44 outputs × 2^20 taps = 2^64 > 2^63 − 1. */
    aics_layer *l;
    aics_net *n = one(AICS_LAYER_CONV, 1 << 20, 4096, 4096, &l);
    conv_setup(l, 1 << 20, 1, 1, 1);
    aics_net_error e;
    ck_assert(aics_net_finish(n, &e));
    aics_layer_counts c;
    ck_assert_msg(!aics_layer_count(n, 1, 0, &c, &e), "A count past 2^63 must fail, not wrap.");
    ck_assert_msg(strstr(e.msg, "overflows 64 bits") && strstr(e.msg, "'x'"), "The message names the layer: %s", e.msg);
    aics_net_totals t;
    ck_assert_msg(!aics_net_count_totals(n, 0, &t), "The totals fail too.");
    aics_net_free(n);
}
END_TEST

/* Brute force: the covered inputs of every window, one by one; with
 * `minus_one`, window − 1 for each window that covers anything. */
static int64_t brute_windows(int64_t in, int64_t out, int64_t k, int64_t s, int64_t p, bool minus_one)
{
    int64_t sum = 0;
    for (int64_t o = 0; o < out; o++) {
        int64_t size = 0;
        for (int64_t x = o * s - p; x < o * s - p + k; x++) size += x >= 0 && x < in;
        sum += minus_one && size > 0 ? size - 1 : size;
    }
    return sum;
}

START_TEST(pool_and_lrn_windows_match_brute_force)
{
    /* The counter sums window sizes in closed form; check it against a loop
     * over every position for 2000 random pooling and LRN layers. */
    aics_rng rng;
    aics_rng_seed(&rng, 3, 1);
    for (int t = 0; t < 2000; t++) {
        int64_t in = 1 + aics_rng_below(&rng, 40), k = 1 + aics_rng_below(&rng, 7);
        int64_t s = 1 + aics_rng_below(&rng, 4), p = aics_rng_below(&rng, (uint32_t)k);
        bool floor_mode = aics_rng_below(&rng, 2);
        if (in + 2 * p < k) continue;
        aics_layer *l;
        aics_net *n = one(AICS_LAYER_POOL, 2, in, 1, &l);
        l->kernel_h = k, l->kernel_w = 1, l->stride_h = s, l->pad_h = p, l->pool_floor = floor_mode;
        aics_layer_counts c = count_last(n, 0);
        int64_t out = n->layers[1].out.h;
        int64_t want = 2 * brute_windows(in, out, k, s, p, true);
        ck_assert_msg(c.other_cmp == want, "in %lld k %lld s %lld p %lld%s: %lld comparisons, expected %lld",
                      (long long)in, (long long)k, (long long)s, (long long)p, floor_mode ? " floor" : "",
                      (long long)c.other_cmp, (long long)want);
        aics_net_free(n);

        n = one(AICS_LAYER_LRN, in, 1, 1, &l);
        l->local_size = k;
        c = count_last(n, 0);
        want = brute_windows(in, in, k, 1, (k - 1) / 2, false);
        ck_assert_msg(c.other_add == want, "LRN over %lld channels, size %lld: %lld additions, expected %lld",
                      (long long)in, (long long)k, (long long)c.other_add, (long long)want);
        aics_net_free(n);
    }
}
END_TEST

START_TEST(huge_windows_are_counted_at_once)
{
    /* 2^30 rows pooled 3/2: closed form, no loop over 2^29 outputs. */
    aics_layer *l;
    aics_net *n = one(AICS_LAYER_POOL, 1, (int64_t)1 << 30, 1, &l);
    l->kernel_h = 3, l->kernel_w = 1, l->stride_h = 2;
    aics_layer_counts c = count_last(n, 0);
    int64_t out = ((int64_t)1 << 29); /* ceil((2^30 − 3)/2) + 1 */
    ck_assert_msg(n->layers[1].out.h == out, "2^30 pooled 3/2 gives 2^29 rows.");
    ck_assert_msg(c.other_cmp == 2 * (out - 1) + 1, "Each full window compares twice, the clipped last once.");
    aics_net_free(n);
}
END_TEST

Suite *netcount_suite(void)
{
    Suite *s = suite_create("netcount");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, grouped_convolution);
    tcase_add_test(core, dilated_convolution);
    tcase_add_test(core, rectangular_convolution);
    tcase_add_test(core, ceil_pooling);
    tcase_add_test(core, pool_sizes_follow_caffe);
    tcase_add_test(core, padded_average_pooling);
    tcase_add_test(core, fully_connected);
    tcase_add_test(core, lrn_eltwise_softmax_scale);
    tcase_add_test(core, concat_and_memory);
    tcase_add_test(core, builtin_totals);
    tcase_add_test(core, mistake_descriptions);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_add_test(limits, overflow_is_reported);
    tcase_add_test(limits, pool_and_lrn_windows_match_brute_force);
    tcase_add_test(limits, huge_windows_are_counted_at_once);
    suite_add_tcase(s, limits);
    return s;
}
