/* net.c — building a network, resolving its blobs and inferring shapes.
 *
 * Layers run in the order given (as in Caffe). A name table maps each blob
 * name to the shape of its latest version, so in-place layers simply rebind
 * the name. A bottom must be produced by an earlier layer; one produced only
 * by a later layer means a cycle or an out-of-order file, and is an error.
 * The table is a strmap, so finishing a net is linear in its size.
 */
#include "net.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "intmath.h"
#include "strmap.h"

aics_net *aics_net_new(const char *name)
{
    aics_net *net = aics_xcalloc(1, sizeof *net);
    net->name = aics_xstrdup(name);
    return net;
}

static void free_names(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++) free(v[i]);
    free(v);
}

void aics_net_free(aics_net *net)
{
    if (!net) return;
    for (size_t i = 0; i < net->nlayers; i++) {
        aics_layer *l = &net->layers[i];
        free(l->name);
        free(l->type_name);
        free_names(l->bottom, l->nbottom);
        free_names(l->top, l->ntop);
    }
    free(net->layers);
    free(net->name);
    free(net->path);
    free(net);
}

static const char *const type_names[AICS_LAYER_TYPE_COUNT] = {
    [AICS_LAYER_INPUT] = "Input",         [AICS_LAYER_CONV] = "Convolution",
    [AICS_LAYER_POOL] = "Pooling",        [AICS_LAYER_FC] = "InnerProduct",
    [AICS_LAYER_RELU] = "ReLU",           [AICS_LAYER_LRN] = "LRN",
    [AICS_LAYER_BATCHNORM] = "BatchNorm", [AICS_LAYER_SCALE] = "Scale",
    [AICS_LAYER_ELTWISE] = "Eltwise",     [AICS_LAYER_CONCAT] = "Concat",
    [AICS_LAYER_SOFTMAX] = "Softmax",     [AICS_LAYER_DROPOUT] = "Dropout",
    [AICS_LAYER_FLATTEN] = "Flatten",     [AICS_LAYER_NOWORK] = "NoWork",
    [AICS_LAYER_UNKNOWN] = "Unknown",
};

const char *aics_layer_type_name(aics_layer_type t)
{
    return (unsigned)t < AICS_LAYER_TYPE_COUNT ? type_names[t] : "?";
}

static void push_name(char ***v, size_t *n, const char *name)
{
    *v = aics_xrealloc(*v, (*n + 1) * sizeof **v);
    (*v)[(*n)++] = aics_xstrdup(name);
}

void aics_layer_add_bottom(aics_layer *l, const char *name) { push_name(&l->bottom, &l->nbottom, name); }
void aics_layer_add_top(aics_layer *l, const char *name) { push_name(&l->top, &l->ntop, name); }

aics_layer *aics_net_layer(aics_net *net, aics_layer_type type, const char *name,
                           const char *bottom, const char *top)
{
    net->layers = aics_xgrow(net->layers, net->nlayers, &net->cap, sizeof *net->layers);
    aics_layer *l = &net->layers[net->nlayers++];
    memset(l, 0, sizeof *l);
    l->name = aics_xstrdup(name);
    l->type = type;
    l->type_name = aics_xstrdup(aics_layer_type_name(type));
    l->stride_h = l->stride_w = 1;
    l->dilation_h = l->dilation_w = 1;
    l->group = 1;
    l->bias_term = true;
    l->pool = AICS_POOL_MAX;
    l->eltwise = AICS_ELTWISE_SUM;
    l->axis = 1;
    l->local_size = 5;
    l->lrn_region = AICS_LRN_ACROSS;
    if (bottom) aics_layer_add_bottom(l, bottom);
    if (top) aics_layer_add_top(l, top);
    net->finished = false;
    return l;
}

aics_layer *aics_net_input(aics_net *net, const char *top, int64_t c, int64_t h, int64_t w)
{
    aics_layer *l = aics_net_layer(net, AICS_LAYER_INPUT, top, NULL, top);
    l->input_shape = (aics_blob_shape){c, h, w};
    return l;
}

int64_t aics_blob_count(aics_blob_shape s)
{
    int64_t n;
    if (!aics_mul_i64(s.c, s.h, &n) || !aics_mul_i64(n, s.w, &n)) return -1;
    return n;
}

/* Ceiling division for b > 0 and any a. */
static int64_t div_ceil(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a > 0)) ? q + 1 : q;
}

/* Sizes beyond this are refused before any arithmetic, so that in + 2p,
 * (out − 1)·s and the window bounds of netcount.c cannot overflow. */
#define SIZE_LIMIT ((int64_t)1 << 40)

int64_t aics_pool_out_size(int64_t in, int64_t k, int64_t s, int64_t p)
{
    int64_t span;
    if (p < 0 || p > SIZE_LIMIT || !aics_add_i64(in, 2 * p, &span) || span < k) return -1;
    int64_t out = div_ceil(span - k, s) + 1;
    /* The last window must start inside the image (or its left padding). */
    if (p > 0 && (out - 1) * s >= in + p) out--;
    return out;
}

int64_t aics_conv_out_size(int64_t in, int64_t k, int64_t s, int64_t p, int64_t d)
{
    int64_t span, ek;
    if (p < 0 || p > SIZE_LIMIT || !aics_add_i64(in, 2 * p, &span)) return -1;
    if (!aics_mul_i64(d, k - 1, &ek) || !aics_add_i64(ek, 1, &ek)) return -1;
    if (span < ek) return -1;
    return (span - ek) / s + 1;
}

/* ---- the blob name table: name -> latest shape (strmap.h) ----------------- */

typedef struct {
    aics_strmap *index; /* blob name -> position in shape */
    aics_blob_shape *shape;
    size_t n, cap;
} blob_table;

static bool table_get(const blob_table *t, const char *name, aics_blob_shape *shape)
{
    size_t i;
    if (!aics_strmap_get(t->index, name, &i)) return false;
    *shape = t->shape[i];
    return true;
}

static void table_put(blob_table *t, const char *name, aics_blob_shape shape)
{
    size_t i;
    if (aics_strmap_add(t->index, name, t->n, &i)) {
        t->shape = aics_xgrow(t->shape, t->n, &t->cap, sizeof *t->shape);
        i = t->n++;
    }
    t->shape[i] = shape;
}

/* ---- shape inference ------------------------------------------------------- */

static bool fail(aics_net_error *err, const aics_layer *l, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool fail(aics_net_error *err, const aics_layer *l, const char *fmt, ...)
{
    if (!err) return false;
    err->line = l ? l->line : 0;
    err->col = l ? l->col : 0;
    char msg[150];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (l) snprintf(err->msg, sizeof err->msg, "layer '%.60s' (%.30s): %s", l->name, l->type_name, msg);
    else snprintf(err->msg, sizeof err->msg, "%s", msg);
    return false;
}

static bool positive(aics_net_error *err, const aics_layer *l, const char *what, int64_t v)
{
    if (v >= 1) return true;
    return fail(err, l, "%s must be positive, got %lld", what, (long long)v);
}

static bool check_shape(aics_net_error *err, const aics_layer *l, aics_blob_shape s)
{
    if (s.h > SIZE_LIMIT || s.w > SIZE_LIMIT)
        return fail(err, l, "height or width beyond 2^40 is not supported");
    if (s.c < 1 || s.h < 1 || s.w < 1)
        return fail(err, l, "zero or negative size %lldx%lldx%lld", (long long)s.c,
                    (long long)s.h, (long long)s.w);
    if (aics_blob_count(s) < 0)
        return fail(err, l, "blob size %lldx%lldx%lld overflows 64 bits", (long long)s.c,
                    (long long)s.h, (long long)s.w);
    return true;
}

static bool infer_conv(aics_layer *l, aics_net_error *err)
{
    const aics_blob_shape in = l->in;
    if (!positive(err, l, "num_output", l->num_output) ||
        !positive(err, l, "kernel_size", l->kernel_h) || !positive(err, l, "kernel_size", l->kernel_w) ||
        !positive(err, l, "stride", l->stride_h) || !positive(err, l, "stride", l->stride_w) ||
        !positive(err, l, "dilation", l->dilation_h) || !positive(err, l, "dilation", l->dilation_w) ||
        !positive(err, l, "group", l->group))
        return false;
    if (l->pad_h < 0 || l->pad_w < 0) return fail(err, l, "pad must not be negative");
    if (l->pad_h > INT32_MAX || l->pad_w > INT32_MAX) return fail(err, l, "pad is too large");
    if (l->kernel_h > SIZE_LIMIT || l->kernel_w > SIZE_LIMIT || l->stride_h > SIZE_LIMIT ||
        l->stride_w > SIZE_LIMIT || l->dilation_h > SIZE_LIMIT || l->dilation_w > SIZE_LIMIT)
        return fail(err, l, "kernel, stride or dilation is too large");
    if (in.c % l->group != 0)
        return fail(err, l, "group %lld does not divide the %lld input channels", (long long)l->group,
                    (long long)in.c);
    if (l->num_output % l->group != 0)
        return fail(err, l, "group %lld does not divide num_output %lld", (long long)l->group,
                    (long long)l->num_output);
    int64_t oh = aics_conv_out_size(in.h, l->kernel_h, l->stride_h, l->pad_h, l->dilation_h);
    int64_t ow = aics_conv_out_size(in.w, l->kernel_w, l->stride_w, l->pad_w, l->dilation_w);
    if (oh < 0 || ow < 0)
        return fail(err, l, "kernel %lldx%lld (dilation %lldx%lld) is larger than the padded input %lldx%lld",
                    (long long)l->kernel_h, (long long)l->kernel_w, (long long)l->dilation_h,
                    (long long)l->dilation_w, (long long)(in.h + 2 * l->pad_h),
                    (long long)(in.w + 2 * l->pad_w));
    l->out = (aics_blob_shape){l->num_output, oh, ow};
    return true;
}

static bool infer_pool(aics_layer *l, aics_net_error *err)
{
    if (l->global_pool) {
        l->kernel_h = l->in.h, l->kernel_w = l->in.w;
        l->stride_h = l->stride_w = 1;
        l->pad_h = l->pad_w = 0;
    }
    if (!positive(err, l, "kernel_size", l->kernel_h) || !positive(err, l, "kernel_size", l->kernel_w) ||
        !positive(err, l, "stride", l->stride_h) || !positive(err, l, "stride", l->stride_w))
        return false;
    if (l->pad_h < 0 || l->pad_w < 0) return fail(err, l, "pad must not be negative");
    if (l->kernel_h > SIZE_LIMIT || l->kernel_w > SIZE_LIMIT || l->stride_h > SIZE_LIMIT ||
        l->stride_w > SIZE_LIMIT)
        return fail(err, l, "kernel or stride is too large");
    if (l->pad_h >= l->kernel_h || l->pad_w >= l->kernel_w)
        return fail(err, l, "pad must be smaller than the kernel");
    int64_t oh, ow;
    if (l->pool_floor) {
        oh = aics_conv_out_size(l->in.h, l->kernel_h, l->stride_h, l->pad_h, 1);
        ow = aics_conv_out_size(l->in.w, l->kernel_w, l->stride_w, l->pad_w, 1);
    } else {
        oh = aics_pool_out_size(l->in.h, l->kernel_h, l->stride_h, l->pad_h);
        ow = aics_pool_out_size(l->in.w, l->kernel_w, l->stride_w, l->pad_w);
    }
    if (oh < 0 || ow < 0)
        return fail(err, l, "kernel %lldx%lld is larger than the padded input %lldx%lld",
                    (long long)l->kernel_h, (long long)l->kernel_w, (long long)(l->in.h + 2 * l->pad_h),
                    (long long)(l->in.w + 2 * l->pad_w));
    l->out = (aics_blob_shape){l->in.c, oh, ow};
    return true;
}

static bool infer_concat(aics_layer *l, const aics_blob_shape *ins, aics_net_error *err)
{
    if (l->axis < 1 || l->axis > 3)
        return fail(err, l, "concatenation axis %lld is not supported (expected 1, 2 or 3)",
                    (long long)l->axis);
    aics_blob_shape out = ins[0];
    for (size_t i = 1; i < l->nbottom; i++) {
        aics_blob_shape s = ins[i];
        bool ok = (l->axis == 1 || s.c == out.c) && (l->axis == 2 || s.h == out.h) &&
                  (l->axis == 3 || s.w == out.w);
        if (!ok)
            return fail(err, l, "bottom '%.60s' is %lldx%lldx%lld, which does not fit %lldx%lldx%lld",
                        l->bottom[i], (long long)s.c, (long long)s.h, (long long)s.w,
                        (long long)out.c, (long long)out.h, (long long)out.w);
        int64_t *dim = l->axis == 1 ? &out.c : l->axis == 2 ? &out.h : &out.w;
        int64_t add = l->axis == 1 ? s.c : l->axis == 2 ? s.h : s.w;
        if (!aics_add_i64(*dim, add, dim)) return fail(err, l, "concatenated size overflows 64 bits");
    }
    l->out = out;
    return true;
}

static bool infer_layer(aics_layer *l, const aics_blob_shape *ins, aics_net_error *err)
{
    aics_blob_shape in = l->in;
    switch (l->type) {
    case AICS_LAYER_INPUT:
        l->out = l->input_shape;
        return true;
    case AICS_LAYER_CONV:
        return infer_conv(l, err);
    case AICS_LAYER_POOL:
        return infer_pool(l, err);
    case AICS_LAYER_FC:
        if (!positive(err, l, "num_output", l->num_output)) return false;
        l->out = (aics_blob_shape){l->num_output, 1, 1};
        return true;
    case AICS_LAYER_FLATTEN:
        l->out = (aics_blob_shape){aics_blob_count(in), 1, 1};
        return true;
    case AICS_LAYER_CONCAT:
        return infer_concat(l, ins, err);
    case AICS_LAYER_ELTWISE:
        if (l->nbottom < 2) return fail(err, l, "needs at least two bottoms");
        for (size_t i = 1; i < l->nbottom; i++)
            if (ins[i].c != in.c || ins[i].h != in.h || ins[i].w != in.w)
                return fail(err, l, "bottom '%.60s' is %lldx%lldx%lld but '%.60s' is %lldx%lldx%lld",
                            l->bottom[i], (long long)ins[i].c, (long long)ins[i].h,
                            (long long)ins[i].w, l->bottom[0], (long long)in.c, (long long)in.h,
                            (long long)in.w);
        l->out = in;
        return true;
    case AICS_LAYER_LRN:
        if (!positive(err, l, "local_size", l->local_size)) return false;
        if (l->local_size > SIZE_LIMIT) return fail(err, l, "local_size is too large");
        l->out = in;
        return true;
    case AICS_LAYER_NOWORK:
        l->out = (aics_blob_shape){1, 1, 1};
        return true;
    case AICS_LAYER_UNKNOWN:
        l->out = l->nbottom ? in : (aics_blob_shape){1, 1, 1};
        return true;
    default: /* ReLU, BatchNorm, Scale, Softmax, Dropout keep the shape */
        l->out = in;
        return true;
    }
}

/* The first later layer that writes `name`, for the error message. */
static const aics_layer *later_producer(const aics_net *net, size_t from, const char *name)
{
    for (size_t j = from + 1; j < net->nlayers; j++)
        for (size_t t = 0; t < net->layers[j].ntop; t++)
            if (strcmp(net->layers[j].top[t], name) == 0) return &net->layers[j];
    return NULL;
}

static bool bottom_missing(const aics_net *net, size_t i, const char *name, aics_net_error *err)
{
    const aics_layer *l = &net->layers[i], *later = later_producer(net, i, name);
    if (later)
        return fail(err, l,
                    "bottom '%.60s' is produced only later, by layer '%.60s'%s: the graph has a cycle "
                    "or is out of order",
                    name, later->name, later->line ? " below" : "");
    return fail(err, l, "bottom '%.60s' is not produced by any layer before it", name);
}

/* Caffe refuses a top that names a blob already produced ("Top blob 'x'
 * produced by multiple sources"), unless the layer works in place: its
 * bottom at the same position has the same name. */
static bool fresh_top(const blob_table *t, const aics_layer *l, size_t k, aics_net_error *err)
{
    aics_blob_shape ignored;
    if (!table_get(t, l->top[k], &ignored)) return true;
    if (k < l->nbottom && strcmp(l->bottom[k], l->top[k]) == 0) return true;
    return fail(err, l, "top '%.40s' is produced twice; Caffe refuses that unless the layer works in place",
                l->top[k]);
}

bool aics_net_finish(aics_net *net, aics_net_error *err)
{
    blob_table t = {aics_strmap_new(), NULL, 0, 0};
    aics_blob_shape *ins = NULL;
    size_t ins_cap = 0;
    bool ok = true;
    if (net->nlayers == 0) {
        ok = fail(err, NULL, "the network has no layers");
        if (err) err->line = 1, err->col = 1;
    }
    for (size_t i = 0; ok && i < net->nlayers; i++) {
        aics_layer *l = &net->layers[i];
        if (l->nbottom > ins_cap) {
            ins_cap = l->nbottom * 2;
            ins = aics_xrealloc(ins, ins_cap * sizeof *ins);
        }
        l->in_total = 0;
        for (size_t b = 0; ok && b < l->nbottom; b++) {
            if (!table_get(&t, l->bottom[b], &ins[b])) ok = bottom_missing(net, i, l->bottom[b], err);
            else {
                if (!aics_add_i64(l->in_total, aics_blob_count(ins[b]), &l->in_total))
                    ok = fail(err, l, "input size overflows 64 bits");
            }
        }
        if (!ok) break;
        if (l->type != AICS_LAYER_INPUT && l->type != AICS_LAYER_NOWORK && l->type != AICS_LAYER_UNKNOWN &&
            l->nbottom == 0) {
            ok = fail(err, l, "has no bottom");
            break;
        }
        l->in = l->nbottom ? ins[0] : (aics_blob_shape){0, 0, 0};
        ok = infer_layer(l, ins, err) && check_shape(err, l, l->out);
        if (!ok) break;
        l->in_place = l->ntop && l->nbottom && strcmp(l->top[0], l->bottom[0]) == 0;
        for (size_t k = 0; ok && k < l->ntop; k++) {
            ok = fresh_top(&t, l, k, err);
            table_put(&t, l->top[k], l->out);
        }
    }
    free(ins);
    aics_strmap_free(t.index);
    free(t.shape);
    net->finished = ok;
    return ok;
}
