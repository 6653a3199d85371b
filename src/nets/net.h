/* net.h — a feed-forward network as a DAG of layers, with shape inference.
 *
 * The model behind chapter 3: layers in execution order, each reading named
 * blobs (bottoms) and writing named blobs (tops), exactly as Caffe wires
 * them. A top with the same name as one of the layer's bottoms is an
 * in-place layer (ReLU, BatchNorm, Scale, Dropout): the name then refers to
 * the new blob from that layer on. Shapes are NCHW with batch 1 (every count
 * is per image; the batch a description states is kept in `aics_net.batch`,
 * only so that the mistake of counting it can be shown). A blob that is not 4-D, like the output
 * of InnerProduct, is C×1×1.
 *
 * Two ways to build a net:
 *   - the builder below (used by nets_builtin.c and the tests): aics_net_new,
 *     aics_net_input, aics_net_layer (+ set the fields), aics_net_finish;
 *   - the Caffe reader (caffe.h), which fills the same structures.
 * aics_net_finish() resolves bottoms and infers every shape; its errors carry
 * the source line and column of the layer (0 for built-in nets).
 */
#ifndef AICS_NET_H
#define AICS_NET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
    AICS_LAYER_INPUT,       /* defines a blob; no work */
    AICS_LAYER_CONV,        /* Convolution */
    AICS_LAYER_POOL,        /* Pooling (MAX or AVE) */
    AICS_LAYER_FC,          /* InnerProduct */
    AICS_LAYER_RELU,
    AICS_LAYER_LRN,
    AICS_LAYER_BATCHNORM,
    AICS_LAYER_SCALE,
    AICS_LAYER_ELTWISE,
    AICS_LAYER_CONCAT,
    AICS_LAYER_SOFTMAX,
    AICS_LAYER_DROPOUT,     /* identity at inference */
    AICS_LAYER_FLATTEN,
    AICS_LAYER_NOWORK,      /* loss, accuracy, silence: no inference work */
    AICS_LAYER_UNKNOWN,     /* only with --allow-unknown: counts as zero */
    AICS_LAYER_TYPE_COUNT
} aics_layer_type;

typedef enum { AICS_POOL_MAX, AICS_POOL_AVE } aics_pool_method;
typedef enum { AICS_ELTWISE_PROD, AICS_ELTWISE_SUM, AICS_ELTWISE_MAX } aics_eltwise_op;
typedef enum { AICS_LRN_ACROSS, AICS_LRN_WITHIN } aics_lrn_region;

/* One blob's shape at batch 1: channels × height × width, all >= 1. */
typedef struct {
    int64_t c, h, w;
} aics_blob_shape;

typedef struct {
    char *name;
    char *type_name;        /* as written in the source ("Convolution", "CONVOLUTION") */
    aics_layer_type type;
    long line, col;         /* where the layer starts in its file; 0 if built in */

    char **bottom;          /* blob names read */
    size_t nbottom;
    char **top;             /* blob names written */
    size_t ntop;

    /* Convolution, InnerProduct (num_output, bias) and Pooling (kernel…). */
    int64_t num_output;
    int64_t kernel_h, kernel_w, stride_h, stride_w, pad_h, pad_w;
    int64_t dilation_h, dilation_w, group;
    bool bias_term;         /* Convolution, InnerProduct and Scale */
    aics_pool_method pool;
    bool global_pool;
    bool pool_floor;        /* round the pooled size down (PyTorch), not up (Caffe) */
    /* LRN */
    int64_t local_size;
    aics_lrn_region lrn_region;
    /* Eltwise */
    aics_eltwise_op eltwise;
    bool eltwise_coeff;     /* SUM with coefficients: one multiplication per input */
    /* Concat (1 = channels), Softmax (1 = channels), Flatten (from this axis) */
    int64_t axis;

    /* Input: the blob's shape, given before aics_net_finish(). */
    aics_blob_shape input_shape;

    /* Filled by aics_net_finish(). */
    aics_blob_shape in;          /* shape of the first bottom (zeros if none) */
    int64_t in_total;       /* elements over all bottoms */
    aics_blob_shape out;         /* shape of every top (all tops share it) */
    bool in_place;          /* its (first) top reuses its (first) bottom's blob */
} aics_layer;

typedef struct aics_net {
    char *name;             /* the built-in name or the kv name of the file */
    char *path;             /* source file for messages, or NULL */
    aics_layer *layers;
    size_t nlayers, cap;
    bool finished;
    /* The batch N the description states: a Caffe file's first input
     * (input_dim, input_shape, input_param) or Data layer batch_size; for a
     * built-in net, that of the released Caffe file it follows
     * (bvlc_alexnet 10, VGG_ILSVRC_19_layers_deploy 10, ResNet-152-deploy 1).
     * 0 when none is stated. Never used in a count (see netcount.h's
     * AICS_MISTAKE_FILE_BATCH). */
    int64_t batch;
} aics_net;

typedef struct {
    long line, col;         /* 0 when unknown */
    char msg[256];
} aics_net_error;

/* A new empty net called `name`. Never NULL. */
aics_net *aics_net_new(const char *name);
void aics_net_free(aics_net *net);

/* Add an Input layer named `top` defining blob `top` of shape c×h×w. */
aics_layer *aics_net_input(aics_net *net, const char *top, int64_t c, int64_t h,
                           int64_t w);

/* Append a layer of type `type` reading `bottom` (NULL for none) and writing
 * `top` (NULL for none) with Caffe's defaults: stride 1, pad 0, dilation 1,
 * group 1, bias on, MAX pooling, SUM eltwise, axis 1, local_size 5. The
 * pointer is valid until the next layer is added. */
aics_layer *aics_net_layer(aics_net *net, aics_layer_type type, const char *name,
                           const char *bottom, const char *top);
void aics_layer_add_bottom(aics_layer *l, const char *name);
void aics_layer_add_top(aics_layer *l, const char *name);

/* Resolve bottoms, check the graph and infer every shape. On failure fill
 * `err` (line and col of the offending layer) and return false. */
bool aics_net_finish(aics_net *net, aics_net_error *err);

/* The built-in networks, written from the papers: "alexnet", "vgg19",
 * "resnet152", AlexNet on the paper's 224×224 input "alexnet_224", and the
 * torchvision variants "alexnet_tv", "resnet152_tv".
 * NULL if `name` is unknown. The net is finished. */
aics_net *aics_net_builtin(const char *name);
/* The names aics_net_builtin() knows, NULL-terminated; the first three are
 * the exercise's networks. */
extern const char *const aics_net_builtin_names[];

/* Caffe's spelling of a type ("Convolution"), for tables. */
const char *aics_layer_type_name(aics_layer_type t);

/* Caffe's pooling output size: ceil((in + 2p − k)/s) + 1, minus one when
 * p > 0 and the last window would start in the padding. Convolution rounds
 * down: floor((in + 2p − d(k−1) − 1)/s) + 1. Return −1 when the window does
 * not fit (kernel larger than the padded input). */
int64_t aics_pool_out_size(int64_t in, int64_t k, int64_t s, int64_t p);
int64_t aics_conv_out_size(int64_t in, int64_t k, int64_t s, int64_t p, int64_t d);

/* Elements in a shape (checked; −1 on overflow). */
int64_t aics_blob_count(aics_blob_shape s);

#endif
