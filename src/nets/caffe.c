/* caffe.c — turning a parsed prototxt tree into an aics_net (see caffe.h).
 *
 * The tree comes from prototxt.h and knows nothing about Caffe; this file
 * knows the schema: which fields matter for counting, their defaults, the
 * V1 enum spellings of layer types, and the phase rules. Fields that do not
 * change any count (fillers, learning rates, engine…) are ignored.
 */
#include "caffe.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "prototxt.h"
#include "reader.h"
#include "strmap.h"

typedef struct {
    aics_reader r; /* the path and the error buffer; the tree has the lines */
    bool allow_unknown;
} ctx;

/* "path:line:col: message", or "path: message" for the whole file (line 0). */
static bool vperr(ctx *c, long line, long col, const char *fmt, va_list ap)
{
    return aics_reader_vfail(&c->r, line, line > 0 && col <= 0 ? 1 : col, fmt, ap);
}

static bool perr(ctx *c, long line, long col, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static bool perr(ctx *c, long line, long col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vperr(c, line, col, fmt, ap);
    va_end(ap);
    return false;
}

static bool node_err(ctx *c, const aics_pt_node *n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static bool node_err(ctx *c, const aics_pt_node *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vperr(c, n ? n->line : 0, n ? n->col : 0, fmt, ap);
    va_end(ap);
    return false;
}

/* ---- scalar fields ----------------------------------------------------------- */

static bool scalar(ctx *c, const aics_pt_node *n)
{
    if (!n->is_message) return true;
    return node_err(c, n, "expected a value for '%s', found a message", n->name);
}

static bool to_i64(ctx *c, const aics_pt_node *n, int64_t *out)
{
    if (!scalar(c, n)) return false;
    const char *s = n->value;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 0); /* protobuf: 0x hex, leading 0 octal */
    if (n->quoted || end == s || *end != '\0')
        return node_err(c, n, "expected an integer for '%s', got '%.40s'", n->name, s);
    if (errno == ERANGE) return node_err(c, n, "'%s' value %.40s does not fit in 64 bits", n->name, s);
    *out = v;
    return true;
}

/* The first `name` in `msg` as an integer; `def` when absent. */
static bool get_i64(ctx *c, const aics_pt_node *msg, const char *name, int64_t def, int64_t *out)
{
    const aics_pt_node *n = aics_pt_child(msg, name);
    *out = def;
    return n ? to_i64(c, n, out) : true;
}

static bool get_bool(ctx *c, const aics_pt_node *msg, const char *name, bool def, bool *out)
{
    const aics_pt_node *n = aics_pt_child(msg, name);
    *out = def;
    if (!n) return true;
    if (!scalar(c, n)) return false;
    const char *v = n->value;
    if (!n->quoted && (!strcmp(v, "true") || !strcmp(v, "True") || !strcmp(v, "t") || !strcmp(v, "1")))
        *out = true;
    else if (!n->quoted && (!strcmp(v, "false") || !strcmp(v, "False") || !strcmp(v, "f") || !strcmp(v, "0")))
        *out = false;
    else return node_err(c, n, "expected true or false for '%s', got '%.40s'", name, v);
    return true;
}

/* An enum field: one of `names` (its index), or that index written as a number. */
static bool get_enum(ctx *c, const aics_pt_node *msg, const char *field, const char *const *names,
                     int def, int *out)
{
    const aics_pt_node *n = aics_pt_child(msg, field);
    *out = def;
    if (!n) return true;
    if (!scalar(c, n)) return false;
    int count = 0;
    for (; names[count]; count++)
        if (names[count][0] && strcmp(n->value, names[count]) == 0) {
            *out = count;
            return true;
        }
    char *end;
    long v = strtol(n->value, &end, 10);
    if (!n->quoted && end != n->value && *end == '\0' && v >= 0 && v < count && names[v][0]) {
        *out = (int)v;
        return true;
    }
    char expected[160] = "";
    for (int i = 0; i < count; i++)
        if (names[i][0])
            snprintf(expected + strlen(expected), sizeof expected - strlen(expected), "%s%s",
                     expected[0] ? ", " : "", names[i]);
    return node_err(c, n, "unknown value '%.40s' for '%s' (expected %s)", n->value, field, expected);
}

/* A size given either as `name_h` + `name_w` or as a repeated `name` (one
 * value for both axes, or h then w). */
static bool get_hw(ctx *c, const aics_pt_node *msg, const char *name, int64_t def, int64_t *h,
                   int64_t *w)
{
    char hn[32], wn[32];
    snprintf(hn, sizeof hn, "%s_h", name);
    snprintf(wn, sizeof wn, "%s_w", name);
    const aics_pt_node *nh = aics_pt_child(msg, hn), *nw = aics_pt_child(msg, wn);
    if (nh || nw) {
        if (!nh || !nw)
            return node_err(c, nh ? nh : nw, "'%s' needs both %s and %s", name, hn, wn);
        return to_i64(c, nh, h) && to_i64(c, nw, w);
    }
    size_t k = aics_pt_count(msg, name);
    if (k == 0) {
        *h = *w = def;
        return true;
    }
    if (k > 2) return node_err(c, aics_pt_nth(msg, name, 2), "'%s' has more than two values (2-D only)", name);
    if (!to_i64(c, aics_pt_nth(msg, name, 0), h)) return false;
    *w = *h;
    return k == 1 || to_i64(c, aics_pt_nth(msg, name, 1), w);
}

/* ---- layer types ------------------------------------------------------------- */

typedef struct {
    const char *v2, *v1;
    aics_layer_type type;
} type_entry;

static const type_entry type_table[] = {
    {"Input", NULL, AICS_LAYER_INPUT},
    {"Data", "DATA", AICS_LAYER_INPUT},
    {"ImageData", "IMAGE_DATA", AICS_LAYER_INPUT},
    {"HDF5Data", "HDF5_DATA", AICS_LAYER_INPUT},
    {"MemoryData", "MEMORY_DATA", AICS_LAYER_INPUT},
    {"WindowData", "WINDOW_DATA", AICS_LAYER_INPUT},
    {"DummyData", "DUMMY_DATA", AICS_LAYER_INPUT},
    {"Convolution", "CONVOLUTION", AICS_LAYER_CONV},
    {"Pooling", "POOLING", AICS_LAYER_POOL},
    {"InnerProduct", "INNER_PRODUCT", AICS_LAYER_FC},
    {"ReLU", "RELU", AICS_LAYER_RELU},
    {"LRN", "LRN", AICS_LAYER_LRN},
    {"BatchNorm", NULL, AICS_LAYER_BATCHNORM},
    {"Scale", NULL, AICS_LAYER_SCALE},
    {"Eltwise", "ELTWISE", AICS_LAYER_ELTWISE},
    {"Concat", "CONCAT", AICS_LAYER_CONCAT},
    {"Softmax", "SOFTMAX", AICS_LAYER_SOFTMAX},
    {"Dropout", "DROPOUT", AICS_LAYER_DROPOUT},
    {"Flatten", "FLATTEN", AICS_LAYER_FLATTEN},
    {"SoftmaxWithLoss", "SOFTMAX_LOSS", AICS_LAYER_NOWORK},
    {"Accuracy", "ACCURACY", AICS_LAYER_NOWORK},
    {"EuclideanLoss", "EUCLIDEAN_LOSS", AICS_LAYER_NOWORK},
    {"HingeLoss", "HINGE_LOSS", AICS_LAYER_NOWORK},
    {"InfogainLoss", "INFOGAIN_LOSS", AICS_LAYER_NOWORK},
    {"MultinomialLogisticLoss", "MULTINOMIAL_LOGISTIC_LOSS", AICS_LAYER_NOWORK},
    {"SigmoidCrossEntropyLoss", "SIGMOID_CROSS_ENTROPY_LOSS", AICS_LAYER_NOWORK},
    {"ContrastiveLoss", "CONTRASTIVE_LOSS", AICS_LAYER_NOWORK},
    {"Silence", "SILENCE", AICS_LAYER_NOWORK},
};

/* V1's LayerType enum: valid names the counter does not support are
 * "unknown layer types"; anything else is an unknown enum value. */
static const char *const v1_other[] = {
    "NONE", "ABSVAL", "ARGMAX", "BNLL", "DECONVOLUTION", "EXP", "HDF5_OUTPUT", "IM2COL", "MVN",
    "POWER", "SIGMOID", "SPLIT", "SLICE", "TANH", "THRESHOLD", NULL,
};

static bool layer_type(ctx *c, const aics_pt_node *layer, bool v1, const char *lname, aics_layer *l)
{
    const aics_pt_node *t = aics_pt_child(layer, "type");
    if (!t) return node_err(c, layer, "layer '%.60s' has no type", lname);
    if (!scalar(c, t)) return false;
    for (size_t i = 0; i < sizeof type_table / sizeof *type_table; i++) {
        const char *want = v1 && !t->quoted ? type_table[i].v1 : type_table[i].v2;
        if (want && strcmp(t->value, want) == 0) {
            l->type = type_table[i].type;
            return true;
        }
    }
    if (v1 && !t->quoted) {
        bool known = false;
        for (size_t i = 0; v1_other[i]; i++) known |= strcmp(t->value, v1_other[i]) == 0;
        if (!known) return node_err(c, t, "unknown value '%.40s' for the V1 layer type of layer '%.60s'",
                                    t->value, lname);
    }
    if (!c->allow_unknown)
        return node_err(c, t, "unknown layer type '%.40s' in layer '%.60s' (use --allow-unknown to count it as zero)",
                        t->value, lname);
    l->type = AICS_LAYER_UNKNOWN;
    return true;
}

/* ---- per-type parameters ----------------------------------------------------- */

/* The window of a convolution or a pooling: kernel, stride and pad (the
 * _h/_w spellings, or stride and pad repeated; kernel_size is read after). */
static bool get_window(ctx *c, const aics_pt_node *p, aics_layer *l)
{
    return get_hw(c, p, "kernel", 0, &l->kernel_h, &l->kernel_w) &&
           get_hw(c, p, "stride", 1, &l->stride_h, &l->stride_w) && get_hw(c, p, "pad", 0, &l->pad_h, &l->pad_w);
}

static bool read_conv(ctx *c, const aics_pt_node *layer, aics_layer *l)
{
    const aics_pt_node *p = aics_pt_child(layer, "convolution_param");
    if (!p) return node_err(c, layer, "convolution layer '%.60s' has no convolution_param", l->name);
    int64_t axis;
    if (!get_i64(c, p, "num_output", 0, &l->num_output) || !get_bool(c, p, "bias_term", true, &l->bias_term) ||
        !get_i64(c, p, "group", 1, &l->group) || !get_i64(c, p, "axis", 1, &axis) || !get_window(c, p, l) ||
        !get_hw(c, p, "dilation", 1, &l->dilation_h, &l->dilation_w))
        return false;
    /* kernel_size, stride, pad and dilation are the repeated spellings. */
    if (!aics_pt_child(p, "kernel_h") && !get_hw(c, p, "kernel_size", 0, &l->kernel_h, &l->kernel_w))
        return false;
    if (!aics_pt_child(p, "kernel_h") && !aics_pt_child(p, "kernel_size"))
        return node_err(c, p, "convolution layer '%.60s' has no kernel_size", l->name);
    if (axis != 1) return node_err(c, aics_pt_child(p, "axis"), "convolution axis %lld is not supported (only 1)", (long long)axis);
    return true;
}

static bool read_pool(ctx *c, const aics_pt_node *layer, aics_layer *l)
{
    static const char *const methods[] = {"MAX", "AVE", "STOCHASTIC", NULL};
    static const char *const rounding[] = {"CEIL", "FLOOR", NULL};
    const aics_pt_node *p = aics_pt_child(layer, "pooling_param");
    int method, round;
    if (!get_enum(c, p, "pool", methods, 0, &method) || !get_enum(c, p, "round_mode", rounding, 0, &round) ||
        !get_bool(c, p, "global_pooling", false, &l->global_pool) || !get_window(c, p, l))
        return false;
    if (!aics_pt_child(p, "kernel_h") && !get_hw(c, p, "kernel_size", 0, &l->kernel_h, &l->kernel_w))
        return false;
    if (method == 2)
        return node_err(c, aics_pt_child(p, "pool"), "STOCHASTIC pooling in layer '%.60s' is not supported", l->name);
    if (!l->global_pool && !aics_pt_child(p, "kernel_h") && !aics_pt_child(p, "kernel_size"))
        return node_err(c, p ? p : layer, "pooling layer '%.60s' has no kernel_size", l->name);
    l->pool = method == 1 ? AICS_POOL_AVE : AICS_POOL_MAX;
    l->pool_floor = round == 1;
    return true;
}

static bool read_params(ctx *c, const aics_pt_node *layer, aics_layer *l)
{
    static const char *const ops[] = {"PROD", "SUM", "MAX", NULL};
    static const char *const regions[] = {"ACROSS_CHANNELS", "WITHIN_CHANNEL", NULL};
    const aics_pt_node *p;
    int v;
    switch (l->type) {
    case AICS_LAYER_CONV:
        return read_conv(c, layer, l);
    case AICS_LAYER_POOL:
        return read_pool(c, layer, l);
    case AICS_LAYER_FC: {
        p = aics_pt_child(layer, "inner_product_param");
        int64_t axis;
        if (!p) return node_err(c, layer, "InnerProduct layer '%.60s' has no inner_product_param", l->name);
        if (!get_i64(c, p, "num_output", 0, &l->num_output) || !get_bool(c, p, "bias_term", true, &l->bias_term) ||
            !get_i64(c, p, "axis", 1, &axis))
            return false;
        if (axis != 1) return node_err(c, aics_pt_child(p, "axis"), "InnerProduct axis %lld is not supported (only 1)", (long long)axis);
        return true;
    }
    case AICS_LAYER_LRN:
        p = aics_pt_child(layer, "lrn_param");
        if (!get_i64(c, p, "local_size", 5, &l->local_size) || !get_enum(c, p, "norm_region", regions, 0, &v))
            return false;
        if (l->local_size < 1 || l->local_size % 2 == 0) /* as Caffe's LRNLayer checks */
            return node_err(c, p && aics_pt_child(p, "local_size") ? aics_pt_child(p, "local_size") : layer,
                            "LRN local_size must be a positive odd number (Caffe refuses others), not %lld",
                            (long long)l->local_size);
        l->lrn_region = v == 1 ? AICS_LRN_WITHIN : AICS_LRN_ACROSS;
        return true;
    case AICS_LAYER_ELTWISE:
        p = aics_pt_child(layer, "eltwise_param");
        if (!get_enum(c, p, "operation", ops, 1, &v)) return false;
        l->eltwise = v == 0 ? AICS_ELTWISE_PROD : v == 1 ? AICS_ELTWISE_SUM : AICS_ELTWISE_MAX;
        l->eltwise_coeff = aics_pt_count(p, "coeff") > 0;
        return true;
    case AICS_LAYER_CONCAT:
        p = aics_pt_child(layer, "concat_param");
        if (aics_pt_child(p, "axis")) return get_i64(c, p, "axis", 1, &l->axis);
        return get_i64(c, p, "concat_dim", 1, &l->axis);
    case AICS_LAYER_SOFTMAX:
        p = aics_pt_child(layer, "softmax_param");
        if (!get_i64(c, p, "axis", 1, &l->axis)) return false;
        if (l->axis < 1 || l->axis > 3) return node_err(c, aics_pt_child(p, "axis"), "softmax axis %lld is not supported (1, 2 or 3)", (long long)l->axis);
        return true;
    case AICS_LAYER_SCALE:
        return get_bool(c, aics_pt_child(layer, "scale_param"), "bias_term", false, &l->bias_term);
    case AICS_LAYER_FLATTEN: {
        p = aics_pt_child(layer, "flatten_param");
        int64_t axis, end;
        if (!get_i64(c, p, "axis", 1, &axis) || !get_i64(c, p, "end_axis", -1, &end)) return false;
        if (axis != 1 || (end != -1 && end != 3))
            return node_err(c, p, "Flatten from axis %lld to %lld is not supported (only 1 to the end)", (long long)axis, (long long)end);
        return true;
    }
    default:
        return true;
    }
}

/* ---- inputs ------------------------------------------------------------------ */

/* A shape from `count` dims (N, C[, H[, W]]); N, the batch, goes to *n. */
static bool dims_to_shape(ctx *c, const aics_pt_node *where, const int64_t *d, size_t count, aics_blob_shape *s,
                          int64_t *n)
{
    if (count < 2 || count > 4)
        return node_err(c, where, "an input shape needs 2 to 4 dimensions (N, C, H, W), found %zu", count);
    for (size_t i = 0; i < count; i++)
        if (d[i] < 1) return node_err(c, where, "input dimension %zu is %lld: sizes must be positive", i + 1, (long long)d[i]);
    *s = (aics_blob_shape){d[1], count > 2 ? d[2] : 1, count > 3 ? d[3] : 1};
    *n = d[0];
    return true;
}

static bool shape_msg(ctx *c, const aics_pt_node *shape, aics_blob_shape *s, int64_t *n)
{
    int64_t d[4];
    size_t k = aics_pt_count(shape, "dim");
    if (!shape->is_message) return node_err(c, shape, "expected a shape { dim: … } message");
    if (k < 2 || k > 4) return dims_to_shape(c, shape, d, k, s, n);
    for (size_t i = 0; i < k; i++)
        if (!to_i64(c, aics_pt_nth(shape, "dim", i), &d[i])) return false;
    return dims_to_shape(c, shape, d, k, s, n);
}

/* Forms 1 and 2: top-level `input:` fields. */
static bool legacy_inputs(ctx *c, const aics_pt_node *root, aics_net *net)
{
    size_t ninput = aics_pt_count(root, "input"), ndim = aics_pt_count(root, "input_dim");
    size_t nshape = aics_pt_count(root, "input_shape");
    if (ninput == 0) {
        const aics_pt_node *stray = ndim ? aics_pt_child(root, "input_dim") : aics_pt_child(root, "input_shape");
        return stray ? node_err(c, stray, "'%s' without an 'input:' name", stray->name) : true;
    }
    if (ndim && nshape) return node_err(c, aics_pt_child(root, "input_shape"), "give input_dim or input_shape, not both");
    if (ndim && ndim != 4 * ninput)
        return node_err(c, aics_pt_child(root, "input_dim"), "expected 4 input_dim values per input (%zu inputs), found %zu", ninput, ndim);
    if (nshape && nshape != ninput)
        return node_err(c, aics_pt_child(root, "input_shape"), "expected one input_shape per input (%zu inputs), found %zu", ninput, nshape);
    if (!ndim && !nshape) return node_err(c, aics_pt_child(root, "input"), "input has no input_dim or input_shape");
    for (size_t i = 0; i < ninput; i++) {
        const aics_pt_node *in = aics_pt_nth(root, "input", i);
        if (!scalar(c, in)) return false;
        aics_blob_shape s = {0, 0, 0};
        int64_t batch = 0;
        if (ndim) {
            int64_t d[4];
            for (size_t k = 0; k < 4; k++)
                if (!to_i64(c, aics_pt_nth(root, "input_dim", 4 * i + k), &d[k])) return false;
            if (!dims_to_shape(c, aics_pt_nth(root, "input_dim", 4 * i), d, 4, &s, &batch)) return false;
        } else if (!shape_msg(c, aics_pt_nth(root, "input_shape", i), &s, &batch)) {
            return false;
        }
        if (!net->batch) net->batch = batch;
        aics_layer *l = aics_net_input(net, in->value, s.c, s.h, s.w);
        l->line = in->line, l->col = in->col;
    }
    return true;
}

/* Forms 3 and 4: an Input or Data layer's shape, and its batch into *n
 * (the shape's N or data_param's batch_size; left alone when neither). */
static bool input_layer_shape(ctx *c, const aics_pt_node *layer, aics_layer *l, int64_t *n)
{
    const aics_pt_node *ip = aics_pt_child(layer, "input_param");
    if (ip) {
        const aics_pt_node *shape = aics_pt_child(ip, "shape");
        if (!shape) return node_err(c, ip, "input_param of layer '%.60s' has no shape", l->name);
        return shape_msg(c, shape, &l->input_shape, n);
    }
    const aics_pt_node *dp = aics_pt_child(layer, "data_param");
    if (dp && aics_pt_child(dp, "batch_size")) {
        if (!get_i64(c, dp, "batch_size", 0, n)) return false;
        if (*n < 1) return node_err(c, aics_pt_child(dp, "batch_size"), "batch_size must be positive, got %lld", (long long)*n);
    }
    const aics_pt_node *tp = aics_pt_child(layer, "transform_param");
    int64_t crop = 0;
    if (tp && !get_i64(c, tp, "crop_size", 0, &crop)) return false;
    if (crop == 0 && !aics_pt_child(tp, "crop_size"))
        return node_err(c, layer, "cannot tell the size of input layer '%.60s': expected input_param { shape } or transform_param { crop_size }", l->name);
    if (crop < 1) return node_err(c, aics_pt_child(tp, "crop_size"), "crop_size must be positive, got %lld", (long long)crop);
    l->input_shape = (aics_blob_shape){3, crop, crop}; /* colour images */
    return true;
}

/* ---- phases ------------------------------------------------------------------ */

/* Whether a NetStateRule matches the TEST phase (a rule without phase does). */
static bool rule_matches_test(ctx *c, const aics_pt_node *rule, bool *ok)
{
    static const char *const phases[] = {"TRAIN", "TEST", NULL};
    int phase;
    if (!rule->is_message) {
        *ok = node_err(c, rule, "expected '%s { phase: … }'", rule->name);
        return false;
    }
    if (!get_enum(c, rule, "phase", phases, 1, &phase)) *ok = false;
    return phase == 1;
}

/* TEST-phase membership: any include rule must match; no exclude rule may. */
static bool in_test_phase(ctx *c, const aics_pt_node *layer, bool *ok)
{
    size_t ni = aics_pt_count(layer, "include"), ne = aics_pt_count(layer, "exclude");
    bool included = ni == 0;
    for (size_t i = 0; i < ni; i++) included |= rule_matches_test(c, aics_pt_nth(layer, "include", i), ok);
    for (size_t i = 0; i < ne; i++)
        if (rule_matches_test(c, aics_pt_nth(layer, "exclude", i), ok)) included = false;
    return included;
}

/* ---- layers ------------------------------------------------------------------ */

static bool names(ctx *c, const aics_pt_node *layer, const char *field, aics_layer *l, bool top)
{
    size_t k = aics_pt_count(layer, field);
    for (size_t i = 0; i < k; i++) {
        const aics_pt_node *n = aics_pt_nth(layer, field, i);
        if (!scalar(c, n)) return false;
        if (!n->value[0]) return node_err(c, n, "empty %s name", field);
        if (top) aics_layer_add_top(l, n->value);
        else aics_layer_add_bottom(l, n->value);
    }
    return true;
}

static bool read_layer(ctx *c, const aics_pt_node *layer, bool v1, aics_net *net)
{
    if (!layer->is_message) return node_err(c, layer, "expected '%s { … }'", layer->name);
    const aics_pt_node *nm = aics_pt_child(layer, "name");
    char fallback[32];
    snprintf(fallback, sizeof fallback, "layer%zu", net->nlayers + 1);
    if (nm && !scalar(c, nm)) return false;
    const char *lname = nm && nm->value[0] ? nm->value : fallback;
    aics_layer *l = aics_net_layer(net, AICS_LAYER_NOWORK, lname, NULL, NULL);
    l->line = layer->line, l->col = layer->col;
    const aics_pt_node *t = aics_pt_child(layer, "type");
    if (!layer_type(c, layer, v1, lname, l)) return false;
    free(l->type_name);
    l->type_name = aics_xstrdup(t->value);
    if (!names(c, layer, "bottom", l, false) || !names(c, layer, "top", l, true)) return false;
    if (l->type == AICS_LAYER_INPUT) {
        if (l->ntop == 0) return node_err(c, layer, "input layer '%.60s' has no top", lname);
        int64_t batch = 0;
        if (!input_layer_shape(c, layer, l, &batch)) return false;
        if (!net->batch) net->batch = batch; /* the first input's */
        return true;
    }
    return read_params(c, layer, l);
}

/* Add the names of `layer`'s tops to `tops`. */
static void add_tops(aics_strmap *tops, const aics_pt_node *layer)
{
    size_t k = aics_pt_count(layer, "top");
    for (size_t u = 0; u < k; u++) {
        const aics_pt_node *o = aics_pt_nth(layer, "top", u);
        if (o->value) aics_strmap_add(tops, o->value, 0, NULL);
    }
}

/* An input layer left out by its phase still defines its blobs when no
 * kept layer does (a train_val file with only a TRAIN Data); `tops` holds
 * the tops of the kept layers. */
static bool input_needed(const aics_strmap *tops, const aics_pt_node *layer)
{
    size_t ntop = aics_pt_count(layer, "top");
    for (size_t t = 0; t < ntop; t++) {
        const char *name = aics_pt_nth(layer, "top", t)->value;
        if (name && aics_strmap_get(tops, name, NULL)) return false;
    }
    return true;
}

static bool is_input_type(const aics_pt_node *layer)
{
    const aics_pt_node *t = aics_pt_child(layer, "type");
    if (!t || !t->value) return false;
    for (size_t i = 0; i < sizeof type_table / sizeof *type_table; i++)
        if (type_table[i].type == AICS_LAYER_INPUT &&
            ((type_table[i].v1 && !strcmp(t->value, type_table[i].v1)) || !strcmp(t->value, type_table[i].v2)))
            return true;
    return false;
}

static bool is_layer_field(const aics_pt_node *n)
{
    return !strcmp(n->name, "layer") || !strcmp(n->name, "layers");
}

static bool read_net(ctx *c, const aics_pt_node *root, aics_net *net)
{
    if (!legacy_inputs(c, root, net)) return false;
    size_t n = root->nchildren;
    bool *keep = aics_xcalloc(n ? n : 1, sizeof *keep), ok = true;
    for (size_t i = 0; ok && i < n; i++) {
        const aics_pt_node *f = root->children[i];
        if (!is_layer_field(f)) continue;
        if (!f->is_message) ok = node_err(c, f, "expected '%s { … }'", f->name);
        else keep[i] = in_test_phase(c, f, &ok);
    }
    aics_strmap *tops = aics_strmap_new(); /* one look-up per top: linear in the file */
    for (size_t i = 0; ok && i < n; i++)
        if (keep[i]) add_tops(tops, root->children[i]);
    for (size_t i = 0; ok && i < n; i++) {
        const aics_pt_node *f = root->children[i];
        if (is_layer_field(f) && !keep[i] && is_input_type(f) && input_needed(tops, f)) {
            keep[i] = true;
            add_tops(tops, f);
        }
    }
    aics_strmap_free(tops);
    for (size_t i = 0; ok && i < n; i++)
        if (keep[i]) ok = read_layer(c, root->children[i], !strcmp(root->children[i]->name, "layers"), net);
    free(keep);
    return ok;
}

void aics_caffe_net_name(const char *path, char *out, size_t n)
{
    if (!out || n == 0) return;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t len = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    size_t k = 0;
    for (size_t i = 0; i < len && k + 1 < n; i++) {
        unsigned char ch = (unsigned char)tolower((unsigned char)base[i]);
        out[k++] = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' ? (char)ch : '_';
    }
    if (k == 0 && n > 1) out[k++] = '_';
    out[k] = '\0';
}

static aics_net *build(ctx *c, aics_pt_node *root)
{
    char name[128];
    aics_caffe_net_name(c->r.path, name, sizeof name);
    aics_net *net = aics_net_new(name);
    net->path = aics_xstrdup(c->r.path);
    aics_net_error e;
    if (!read_net(c, root, net)) goto fail;
    if (net->nlayers == 0) {
        perr(c, 1, 1, "no layers and no input: expected 'layer { … }' or 'input:'");
        goto fail;
    }
    if (!aics_net_finish(net, &e)) {
        perr(c, e.line, e.col, "%s", e.msg);
        goto fail;
    }
    aics_pt_free(root);
    return net;
fail:
    aics_pt_free(root);
    aics_net_free(net);
    return NULL;
}

aics_net *aics_caffe_parse(const char *text, size_t len, const char *path, bool allow_unknown, char *err,
                           size_t errsz)
{
    ctx c = {{.path = path ? path : "<input>", .err = err, .errsz = errsz}, allow_unknown};
    aics_pt_node *root = aics_pt_parse(text, len, c.r.path, err, errsz);
    return root ? build(&c, root) : NULL;
}

aics_net *aics_caffe_load(const char *path, bool allow_unknown, char *err, size_t errsz)
{
    ctx c = {{.path = path, .err = err, .errsz = errsz}, allow_unknown};
    aics_pt_node *root = aics_pt_load(path, err, errsz);
    return root ? build(&c, root) : NULL;
}
