/* netcount.c — the counting conventions of netcount.h, layer by layer.
 *
 * Every product and sum goes through intmath.h; the first overflow stops the
 * count with an error naming the layer. Exact window sizes are used where
 * padding clips a window (pooling, LRN): a window's sum over the outputs of a
 * separable 2-D window is (Σ rows)·(Σ cols), so this costs O(H + W), not
 * O(H·W), per layer.
 */
#include "netcount.h"

#include <stdio.h>
#include <string.h>

#include "intmath.h"

/* A small overflow-checked expression helper: the first failure sticks. */
typedef struct {
    bool ok;
} ck;

static int64_t mul(ck *c, int64_t a, int64_t b)
{
    int64_t r = 0;
    if (c->ok && !aics_mul_i64(a, b, &r)) c->ok = false;
    return r;
}

static int64_t add(ck *c, int64_t a, int64_t b)
{
    int64_t r = 0;
    if (c->ok && !aics_add_i64(a, b, &r)) c->ok = false;
    return r;
}

/* Σ over the outputs along one axis of the number of input positions each
 * window covers inside the image (Caffe's pooling windows: start a = o·s − p,
 * end b = a + k, clipped to [0, in)); `*nonempty` gets how many windows
 * cover anything. p < k gives b > 0, and a grows with o, so the empty
 * windows (a ≥ in, possible in Caffe when s > k) are the last ones. Over
 * the others Σ size = Σ min(b, in) − Σ max(a, 0): two arithmetic series,
 * O(1) even for absurd sizes, in 128-bit arithmetic, checked to fit 64 bits. */
__extension__ typedef __int128 i128;

static int64_t window_sum(ck *c, int64_t in, int64_t out, int64_t k, int64_t s, int64_t p,
                          int64_t *nonempty)
{
    const i128 S = s, P = p, K = k, IN = in;
    i128 O = (IN + P + S - 1) / S; /* windows with a < in */
    if (O > out) O = out;
    *nonempty = (int64_t)O;
    i128 lo = 0, o0 = (P + S - 1) / S; /* first o with a ≥ 0 */
    if (o0 < O) {
        i128 cnt = O - o0;
        lo = S * ((o0 + O - 1) * cnt / 2) - P * cnt;
    }
    i128 lim = IN + P - K, c1 = lim < 0 ? 0 : lim / S + 1; /* windows with b ≤ in */
    if (c1 > O) c1 = O;
    i128 hi = S * ((c1 - 1) * c1 / 2) + (K - P) * c1 + (O - c1) * IN;
    i128 sum = hi - lo;
    if (sum < 0 || sum > INT64_MAX) {
        c->ok = false;
        return 0;
    }
    return (int64_t)sum;
}

// ANCHOR: conv_count
/* Convolution: out elements × fan-in F = (C_in/g)·K_h·K_w. */
static void count_conv(ck *c, const aics_layer *l, unsigned m, aics_layer_counts *r)
{
    int64_t out = (m & AICS_MISTAKE_NO_SPATIAL) ? l->out.c : aics_blob_count(l->out);
    int64_t cin = (m & AICS_MISTAKE_NO_GROUPS) ? l->in.c : l->in.c / l->group;
    int64_t kk = (m & AICS_MISTAKE_NO_KERNEL) ? 1 : mul(c, l->kernel_h, l->kernel_w);
    int64_t fan_in = mul(c, cin, kk);
    bool bias_add = l->bias_term && !(m & (AICS_MISTAKE_ADD_NIF_MINUS_1 | AICS_MISTAKE_NO_BIAS_ADD));
    bool bias_param = l->bias_term && !(m & AICS_MISTAKE_NO_BIAS_ADD);
    r->mul = mul(c, out, fan_in);
    r->add = mul(c, out, fan_in - 1 + bias_add);
    r->neurons = out;
    r->params = add(c, mul(c, l->num_output, fan_in), bias_param ? l->num_output : 0);
}

/* InnerProduct: N_of outputs × N_if inputs. */
static void count_fc(ck *c, const aics_layer *l, unsigned m, aics_layer_counts *r)
{
    int64_t nif = aics_blob_count(l->in), nof = l->num_output;
    bool bias_add = l->bias_term && !(m & (AICS_MISTAKE_ADD_NIF_MINUS_1 | AICS_MISTAKE_NO_BIAS_ADD));
    bool bias_param = l->bias_term && !(m & AICS_MISTAKE_NO_BIAS_ADD);
    if (m & AICS_MISTAKE_FC_AS_ONE) {
        r->mul = 1, r->add = 1;
    } else {
        r->mul = mul(c, nof, nif);
        r->add = mul(c, nof, nif - 1 + bias_add);
    }
    r->neurons = nof;
    r->params = add(c, mul(c, nof, nif), bias_param ? nof : 0);
}
// ANCHOR_END: conv_count

/* Pooling: max compares the window's elements (window − 1 comparisons per
 * output); average adds them (window − 1 additions) and divides once per
 * output. A window that falls wholly outside the image does no comparison. */
static void count_pool(ck *c, const aics_layer *l, aics_layer_counts *r)
{
    int64_t nr, nc;
    int64_t rows = window_sum(c, l->in.h, l->out.h, l->kernel_h, l->stride_h, l->pad_h, &nr);
    int64_t cols = window_sum(c, l->in.w, l->out.w, l->kernel_w, l->stride_w, l->pad_w, &nc);
    int64_t covered = mul(c, l->out.c, mul(c, rows, cols));
    int64_t outs = aics_blob_count(l->out);
    int64_t work = covered - mul(c, l->out.c, mul(c, nr, nc)); /* an empty window does nothing */
    if (l->pool == AICS_POOL_MAX) r->other_cmp = work;
    else r->other_add = work, r->other_div = outs;
}

/* LRN: b = a / (k + α/n·Σ a²)^β over a window of n neighbours (clipped at the
 * edges): per element, window squares, window − 1 + 1 additions, one
 * multiplication by α/n, one power and one division. */
static void count_lrn(ck *c, const aics_layer *l, aics_layer_counts *r)
{
    int64_t e = aics_blob_count(l->out), n = l->local_size, covered, unused;
    if (l->lrn_region == AICS_LRN_ACROSS) {
        int64_t chans = window_sum(c, l->out.c, l->out.c, n, 1, (n - 1) / 2, &unused);
        covered = mul(c, chans, mul(c, l->out.h, l->out.w));
    } else {
        int64_t p = (n - 1) / 2;
        int64_t rows = window_sum(c, l->out.h, l->out.h, n, 1, p, &unused);
        int64_t cols = window_sum(c, l->out.w, l->out.w, n, 1, p, &unused);
        covered = mul(c, l->out.c, mul(c, rows, cols));
    }
    r->other_mul = add(c, covered, e);
    r->other_add = covered; /* (window − 1) for the sum, + 1 for k */
    r->other_exp = e;
    r->other_div = e;
}

static void count_other(ck *c, const aics_layer *l, unsigned m, aics_layer_counts *r)
{
    int64_t e = aics_blob_count(l->out), nb = (int64_t)l->nbottom;
    switch (l->type) {
    case AICS_LAYER_POOL:
        count_pool(c, l, r);
        if (m & AICS_MISTAKE_NEURONS_POOL) r->neurons = e;
        break;
    case AICS_LAYER_RELU:
        r->other_cmp = e; /* max(0, x) */
        if (m & AICS_MISTAKE_NEURONS_RELU) r->neurons = e;
        break;
    case AICS_LAYER_INPUT:
        if (m & AICS_MISTAKE_NEURONS_INPUT) r->neurons = e;
        break;
    case AICS_LAYER_LRN:
        count_lrn(c, l, r);
        break;
    case AICS_LAYER_BATCHNORM: /* (x − μ)/√(σ² + ε): per element − and ÷; per channel + and √ */
        r->other_add = add(c, e, l->out.c);
        r->other_div = e;
        r->other_exp = l->out.c;
        if (m & AICS_MISTAKE_BN_STATS) r->params = add(c, mul(c, 2, l->out.c), 1);
        break;
    case AICS_LAYER_SCALE: /* γ·x + β */
        r->other_mul = e;
        if (l->bias_term) r->other_add = e;
        if (nb == 1) {
            bool beta = l->bias_term && !(m & AICS_MISTAKE_NO_BIAS_ADD);
            r->params = mul(c, l->out.c, beta ? 2 : 1);
        }
        break;
    case AICS_LAYER_ELTWISE:
        if (l->eltwise == AICS_ELTWISE_SUM) {
            r->other_add = mul(c, nb - 1, e);
            if (l->eltwise_coeff) r->other_mul = mul(c, nb, e);
        } else if (l->eltwise == AICS_ELTWISE_PROD) {
            r->other_mul = mul(c, nb - 1, e);
        } else {
            r->other_cmp = mul(c, nb - 1, e);
        }
        break;
    case AICS_LAYER_SOFTMAX: { /* as Caffe: max, subtract, exp, sum, divide */
        int64_t along = l->axis == 1 ? l->out.c : l->axis == 2 ? l->out.h : l->out.w;
        int64_t positions = along ? e / along : 0;
        int64_t reduce = mul(c, positions, along - 1);
        r->other_cmp = reduce;
        r->other_add = add(c, e, reduce);
        r->other_exp = e;
        r->other_div = e;
        break;
    }
    default: /* Input, Concat, Flatten, Dropout, loss and unknown layers: no arithmetic */
        break;
    }
}

static void count_memory(ck *c, const aics_layer *l, aics_layer_counts *r)
{
    int64_t stored = r->params;
    if (l->type == AICS_LAYER_BATCHNORM) stored = add(c, mul(c, 2, l->out.c), 1); /* μ, σ², factor */
    r->param_bytes = mul(c, 4, stored);
    if (!l->in_place && l->type != AICS_LAYER_NOWORK && l->type != AICS_LAYER_UNKNOWN)
        r->act_bytes = mul(c, 4, mul(c, (int64_t)l->ntop, aics_blob_count(l->out)));
}

/* Whether `l` reads blob `name` as one of its bottoms. */
static bool reads(const aics_layer *l, const char *name)
{
    for (size_t b = 0; b < l->nbottom; b++)
        if (strcmp(l->bottom[b], name) == 0) return true;
    return false;
}

/* Whether `l` writes blob `name` as a new blob (not in place). */
static bool rewrites(const aics_layer *l, const char *name)
{
    if (l->in_place) return false;
    for (size_t t = 0; t < l->ntop; t++)
        if (strcmp(l->top[t], name) == 0) return true;
    return false;
}

/* Convolution `i` is a projection shortcut when its output reaches an
 * Eltwise through in-place layers only, and its input also feeds another
 * Convolution (the block's main branch) before that input is rewritten.
 * Both scans stop at the first layer that settles the question, so a plain
 * chain of layers costs O(1) per layer. */
static bool conv_is_projection(const aics_net *net, size_t i)
{
    const aics_layer *l = &net->layers[i];
    if (l->type != AICS_LAYER_CONV || !l->ntop || !l->nbottom) return false;
    const char *t = l->top[0], *x = l->bottom[0];
    size_t e = i + 1;
    for (; e < net->nlayers; e++) {
        const aics_layer *k = &net->layers[e];
        if (rewrites(k, t)) return false;
        if (!reads(k, t) || k->in_place) continue;
        if (k->type != AICS_LAYER_ELTWISE) return false;
        break;
    }
    if (e == net->nlayers) return false;
    for (size_t k = i; k-- > 0 && !rewrites(&net->layers[k], x);)
        if (net->layers[k].type == AICS_LAYER_CONV && reads(&net->layers[k], x)) return true;
    for (size_t k = i + 1; k < e && !rewrites(&net->layers[k], x); k++)
        if (net->layers[k].type == AICS_LAYER_CONV && reads(&net->layers[k], x)) return true;
    return false;
}

bool aics_layer_is_projection(const aics_net *net, size_t i)
{
    const aics_layer *l = &net->layers[i];
    if (l->type == AICS_LAYER_CONV) return conv_is_projection(net, i);
    if (!l->in_place) return false;
    for (size_t k = i; k-- > 0;) { /* the layer that made the blob this one works on */
        const aics_layer *p = &net->layers[k];
        if (p->ntop && strcmp(p->top[0], l->top[0]) == 0 && !p->in_place)
            return conv_is_projection(net, k);
    }
    return false;
}

/* Mistakes that scale a whole layer's counts: the file's batch and FLOPs. */
static void scale_counts(ck *c, unsigned mistakes, int64_t batch, aics_layer_counts *out)
{
    if (mistakes & AICS_MISTAKE_FLOPS) {
        out->mul = mul(c, out->mul, 2);
        out->mac = mul(c, out->mac, 2);
    }
    if ((mistakes & AICS_MISTAKE_FILE_BATCH) && batch > 1) {
        out->mul = mul(c, out->mul, batch);
        out->add = mul(c, out->add, batch);
        out->mac = mul(c, out->mac, batch);
        out->neurons = mul(c, out->neurons, batch);
    }
}

/* Whether the mistakes leave layer `i` out altogether. */
static bool left_out(const aics_net *net, size_t i, unsigned mistakes)
{
    const aics_layer *l = &net->layers[i];
    if ((mistakes & AICS_MISTAKE_NO_FC) && l->type == AICS_LAYER_FC) return true;
    return (mistakes & AICS_MISTAKE_NO_PROJECTION) &&
           (l->type == AICS_LAYER_CONV || l->in_place) && aics_layer_is_projection(net, i);
}

bool aics_layer_count(const aics_net *net, size_t i, unsigned mistakes, aics_layer_counts *out,
                      aics_net_error *err)
{
    const aics_layer *l = &net->layers[i];
    ck c = {true};
    memset(out, 0, sizeof *out);
    if (l->type == AICS_LAYER_CONV) count_conv(&c, l, mistakes, out);
    else if (l->type == AICS_LAYER_FC) count_fc(&c, l, mistakes, out);
    else count_other(&c, l, mistakes, out);
    out->mac = out->mul;
    count_memory(&c, l, out);
    scale_counts(&c, mistakes, net->batch, out);
    if (mistakes && left_out(net, i, mistakes)) memset(out, 0, sizeof *out);
    if (!c.ok && err) {
        err->line = l->line, err->col = l->col;
        snprintf(err->msg, sizeof err->msg, "layer '%.80s' (%s): a count overflows 64 bits", l->name,
                 l->type_name);
    }
    return c.ok;
}

/* Every field of aics_layer_counts is an int64_t count, and a net's counts
 * are its layers' sums field by field: add them as one array. */
enum { NCOUNTS = sizeof(aics_layer_counts) / sizeof(int64_t) };
_Static_assert(sizeof(aics_layer_counts) == NCOUNTS * sizeof(int64_t),
               "aics_layer_counts holds int64_t counts only");

static void add_counts(ck *c, aics_layer_counts *t, const aics_layer_counts *x)
{
    int64_t sum[NCOUNTS], one[NCOUNTS];
    memcpy(sum, t, sizeof sum);
    memcpy(one, x, sizeof one);
    for (size_t k = 0; k < NCOUNTS; k++) sum[k] = add(c, sum[k], one[k]);
    memcpy(t, sum, sizeof sum);
}

bool aics_net_count(const aics_net *net, unsigned mistakes, aics_layer_counts *per_layer,
                    aics_layer_counts *total, aics_net_error *err)
{
    aics_layer_counts t, one;
    memset(&t, 0, sizeof t);
    ck c = {true};
    for (size_t i = 0; i < net->nlayers; i++) {
        if (!aics_layer_count(net, i, mistakes, &one, err)) return false;
        if (per_layer) per_layer[i] = one;
        add_counts(&c, &t, &one);
        if (!c.ok) {
            if (err) {
                err->line = net->layers[i].line, err->col = net->layers[i].col;
                snprintf(err->msg, sizeof err->msg,
                         "the network's total count overflows 64 bits at layer '%.80s'",
                         net->layers[i].name);
            }
            return false;
        }
    }
    if (total) *total = t;
    return true;
}

bool aics_net_count_totals(const aics_net *net, unsigned mistakes, aics_net_totals *out)
{
    aics_layer_counts t;
    if (!net || !net->finished || !aics_net_count(net, mistakes, NULL, &t, NULL)) return false;
    *out = (aics_net_totals){t.mul, t.add, t.mac, t.neurons, t.params};
    return true;
}

static const struct {
    const char *key, *text;
} mistakes[AICS_MISTAKE_COUNT] = {
    {"no_kernel", "leaving out the kernel size"},
    {"no_groups", "ignoring groups"},
    {"fc_as_one", "counting each FC layer as one operation"},
    {"add_nif_minus_1", "counting additions as (N_if-1)*N_of"},
    {"no_bias_add", "forgetting the biases"},
    {"file_batch", "counting the file's batch"},
    {"no_spatial", "counting one output position (forgetting H_out*W_out)"},
    {"no_fc", "leaving out the FC layers"},
    {"no_projection", "leaving out the projection shortcuts"},
    {"flops", "counting FLOPs (2 per MAC)"},
    {"neurons_input", "counting the input as neurons"},
    {"neurons_pool", "counting pooling outputs as neurons"},
    {"neurons_relu", "counting ReLU outputs as neurons"},
    {"bn_stats", "counting BatchNorm statistics as parameters"},
};

const char *aics_mistake_key(unsigned bit)
{
    for (int i = 0; i < AICS_MISTAKE_COUNT; i++)
        if (bit == 1u << i) return mistakes[i].key;
    return NULL;
}

const char *aics_mistake_describe(unsigned m, char *buf, size_t n)
{
    if (!buf || n == 0) return buf;
    buf[0] = '\0';
    if (m == 0) {
        snprintf(buf, n, "the correct convention");
        return buf;
    }
    size_t len = 0;
    for (int i = 0; i < AICS_MISTAKE_COUNT; i++) {
        if (!(m & (1u << i))) continue;
        int w = snprintf(buf + len, n - len, "%s%s", len ? " + " : "", mistakes[i].text);
        if (w < 0 || (size_t)w >= n - len) break;
        len += (size_t)w;
    }
    return buf;
}
