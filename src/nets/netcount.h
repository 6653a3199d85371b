/* netcount.h — exact operation, neuron, parameter and memory counts of a net.
 *
 * The conventions (chapter 3 prints them with every answer). For a
 * Convolution with output C_out×H_out×W_out, C_in input channels, `group` g
 * and a K_h×K_w kernel, the fan-in of one output is F = (C_in/g)·K_h·K_w;
 * for an InnerProduct with N_if inputs and N_of outputs, F = N_if.
 *
 *   mul      multiplications in Convolution and InnerProduct layers only:
 *            (output elements) × F.
 *   add      additions in those same layers: each output sums F products
 *            with F − 1 additions, plus 1 for the bias when the layer has one.
 *   mac      multiply-accumulates, equal to mul (the papers' "FLOPs").
 *   neurons  output elements of Convolution and InnerProduct layers.
 *   params   trainable parameters: conv and FC weights and biases, plus Scale
 *            γ (and β with bias_term). BatchNorm's running mean, variance and
 *            scale factor are not trainable and not counted here.
 *
 * The other layers' work is reported apart, never folded into mul or add
 * (fields other_*; see netcount.c for each layer's formula): comparisons
 * (max pooling, ReLU, Eltwise MAX), additions, multiplications, divisions,
 * and exponentials (exp, pow, sqrt: Softmax, LRN's power, BatchNorm's sqrt).
 * Memory at fp32: param_bytes = 4 × (params + BatchNorm's stored statistics),
 * act_bytes = 4 × elements of every blob written (in-place layers write into
 * their input's blob and add nothing; the input blob counts).
 *
 * All counts are int64_t and every step is overflow-checked; a count that
 * does not fit is an error naming the layer, never a wrapped number.
 */
#ifndef AICS_NETCOUNT_H
#define AICS_NETCOUNT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "net.h"

/* The wrong conventions students commonly use, as bit flags; combine with |.
 * Each one changes only what is listed; mac always equals mul.
 *
 * AICS_MISTAKE_NO_KERNEL     leave out K_h·K_w: a Convolution's fan-in becomes
 *                            C_in/g. mul = out × C_in/g; add = out × (C_in/g − 1
 *                            + bias); params = C_out × C_in/g (+ C_out bias).
 *                            InnerProduct, neurons unchanged.
 * AICS_MISTAKE_NO_GROUPS     ignore `group`: use C_in instead of C_in/g in a
 *                            Convolution's mul, add and params. Changes nothing
 *                            when g = 1; neurons unchanged.
 * AICS_MISTAKE_FC_AS_ONE     count each InnerProduct layer as one operation:
 *                            its mul = 1 and add = 1. Its params and neurons
 *                            are unchanged.
 * AICS_MISTAKE_ADD_NIF_MINUS_1  count additions as (N_if − 1)·N_of, N_if being
 *                            the fan-in F and N_of the output elements: the
 *                            bias addition is forgotten in add (Convolution
 *                            and InnerProduct layers with a bias). mul, params,
 *                            neurons unchanged.
 * AICS_MISTAKE_NO_BIAS_ADD   forget biases altogether: no bias addition in
 *                            add (as above) and no bias parameters in params
 *                            (conv and FC biases; Scale β too). mul, neurons
 *                            unchanged.
 * AICS_MISTAKE_FILE_BATCH    take the batch the description states literally
 *                            (aics_net.batch: 10 in bvlc_alexnet's and
 *                            VGG-19's deploy files, 1 in ResNet-152's): mul,
 *                            add, mac and neurons × that batch; params
 *                            unchanged. Changes nothing when the batch is 1
 *                            or not stated.
 * AICS_MISTAKE_NO_SPATIAL    count one output position of a Convolution
 *                            instead of all H_out·W_out: its mul, add, mac
 *                            and neurons use C_out output elements. params
 *                            unchanged; InnerProduct has one position anyway.
 * AICS_MISTAKE_NO_FC         leave the InnerProduct layers out: they count 0
 *                            in every field.
 * AICS_MISTAKE_NO_PROJECTION leave out the projection (downsample) shortcut
 *                            of a residual block: a Convolution whose output
 *                            feeds an Eltwise and whose input also feeds
 *                            another Convolution (the block's main branch),
 *                            with the in-place BatchNorm and Scale on it,
 *                            counts 0 in every field.
 * AICS_MISTAKE_FLOPS         count FLOPs, 2 per multiply-accumulate, where
 *                            multiplications (or MACs) were asked: mul and mac
 *                            ×2; add, neurons, params unchanged.
 * AICS_MISTAKE_NEURONS_INPUT count the input image as neurons too.
 * AICS_MISTAKE_NEURONS_POOL  count the outputs of Pooling layers as neurons.
 * AICS_MISTAKE_NEURONS_RELU  count the outputs of ReLU layers as neurons (they
 *                            are the Convolution's or InnerProduct's outputs
 *                            again, computed in place).
 * AICS_MISTAKE_BN_STATS      count BatchNorm's stored statistics (mean and
 *                            variance per channel and Caffe's scale factor,
 *                            or PyTorch's num_batches_tracked: 2·C + 1) as
 *                            parameters.
 *
 * Combined flags apply together (e.g. NO_KERNEL|NO_GROUPS uses C_in alone).
 */
enum {
    AICS_MISTAKE_NO_KERNEL = 1u << 0,
    AICS_MISTAKE_NO_GROUPS = 1u << 1,
    AICS_MISTAKE_FC_AS_ONE = 1u << 2,
    AICS_MISTAKE_ADD_NIF_MINUS_1 = 1u << 3,
    AICS_MISTAKE_NO_BIAS_ADD = 1u << 4,
    AICS_MISTAKE_FILE_BATCH = 1u << 5,
    AICS_MISTAKE_NO_SPATIAL = 1u << 6,
    AICS_MISTAKE_NO_FC = 1u << 7,
    AICS_MISTAKE_NO_PROJECTION = 1u << 8,
    AICS_MISTAKE_FLOPS = 1u << 9,
    AICS_MISTAKE_NEURONS_INPUT = 1u << 10,
    AICS_MISTAKE_NEURONS_POOL = 1u << 11,
    AICS_MISTAKE_NEURONS_RELU = 1u << 12,
    AICS_MISTAKE_BN_STATS = 1u << 13,
    AICS_MISTAKE_COUNT = 14
};

/* The five exercise figures of a whole net. */
typedef struct {
    int64_t mul, add, mac, neurons, params;
} aics_net_totals;

/* Everything counted for one layer (or summed over a net). */
typedef struct {
    int64_t mul, add, mac, neurons, params;
    int64_t other_cmp, other_add, other_mul, other_div, other_exp;
    int64_t param_bytes, act_bytes;
} aics_layer_counts;

/* Count layer `i` of a finished net under `mistakes` (0 for the correct
 * convention). False on overflow, with `err` naming the layer. With
 * AICS_MISTAKE_NO_PROJECTION this looks at the layers around `i` to tell
 * whether it is a projection shortcut. */
bool aics_layer_count(const aics_net *net, size_t i, unsigned mistakes,
                      aics_layer_counts *out, aics_net_error *err);

/* Count every layer: `per_layer` (net->nlayers entries, or NULL) and the
 * sums in `total`. False on overflow, with `err` naming the layer. */
bool aics_net_count(const aics_net *net, unsigned mistakes,
                    aics_layer_counts *per_layer, aics_layer_counts *total,
                    aics_net_error *err);

/* Whether layer `i` belongs to a projection shortcut (see
 * AICS_MISTAKE_NO_PROJECTION): the Convolution, or an in-place layer on its
 * output before the Eltwise. */
bool aics_layer_is_projection(const aics_net *net, size_t i);

/* The five totals under `mistakes`; false on overflow. */
bool aics_net_count_totals(const aics_net *net, unsigned mistakes,
                           aics_net_totals *out);

/* Describe a set of mistakes in English, joined by " + ", e.g. "leaving out
 * the kernel size + ignoring groups"; "the correct convention" for 0.
 * Writes at most n bytes into buf and returns buf. */
const char *aics_mistake_describe(unsigned mistakes, char *buf, size_t n);

/* Short key word of one mistake bit ("no_kernel", "no_groups", "fc_as_one",
 * "add_nif_minus_1", "no_bias_add", "file_batch", "no_spatial", "no_fc",
 * "no_projection", "flops", "neurons_input", "neurons_pool", "neurons_relu",
 * "bn_stats"), or NULL. */
const char *aics_mistake_key(unsigned bit);

#endif
