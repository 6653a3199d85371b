/* mlp.c — forward pass, backpropagation, update, gradient checks and
 * training of a small fully connected network (see mlp.h). */
#include "mlp.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dual.h"
#include "error.h"

void aics_mlp_init(aics_mlp *m, int nlayers, const int *sizes, aics_act hidden, aics_act output)
{
    AICS_CHECK(nlayers >= 1 && nlayers <= AICS_MLP_MAX_LAYERS, "a network has 1 to 8 weight layers");
    memset(m, 0, sizeof *m);
    m->nlayers = nlayers;
    m->hidden = hidden;
    m->output = output;
    size_t n = 0;
    for (int l = 0; l <= nlayers; l++) {
        AICS_CHECK(sizes[l] >= 1 && sizes[l] <= AICS_MLP_MAX_WIDTH, "layer sizes are 1 to 1024");
        m->sizes[l] = sizes[l];
    }
    for (int l = 0; l < nlayers; l++) {
        m->w_off[l] = n;
        n += (size_t)sizes[l + 1] * (size_t)sizes[l];
        m->b_off[l] = n;
        n += (size_t)sizes[l + 1];
    }
    m->nparams = n;
    m->theta = aics_xcalloc(n, sizeof *m->theta);
}

void aics_mlp_free(aics_mlp *m)
{
    free(m->theta);
    m->theta = NULL;
}

void aics_mlp_copy(aics_mlp *dst, const aics_mlp *src)
{
    *dst = *src;
    dst->theta = aics_xmalloc(src->nparams * sizeof *dst->theta);
    memcpy(dst->theta, src->theta, src->nparams * sizeof *dst->theta);
}

void aics_mlp_randomize(aics_mlp *m, aics_rng *rng)
{
    for (int l = 0; l < m->nlayers; l++) {
        double r = 1.0 / sqrt((double)m->sizes[l]);
        size_t end = m->b_off[l] + (size_t)m->sizes[l + 1];
        for (size_t k = m->w_off[l]; k < end; k++) m->theta[k] = aics_rng_range(rng, -r, r);
    }
}

size_t aics_mlp_w_index(const aics_mlp *m, int l, int j, int i)
{
    AICS_CHECK(l >= 1 && l <= m->nlayers && j >= 0 && j < m->sizes[l] && i >= 0 && i < m->sizes[l - 1],
               "weight index out of range");
    return m->w_off[l - 1] + (size_t)j * (size_t)m->sizes[l - 1] + (size_t)i;
}

size_t aics_mlp_b_index(const aics_mlp *m, int l, int j)
{
    AICS_CHECK(l >= 1 && l <= m->nlayers && j >= 0 && j < m->sizes[l], "bias index out of range");
    return m->b_off[l - 1] + (size_t)j;
}

double aics_act_f(aics_act act, double z)
{
    switch (act) {
    case AICS_ACT_SIGMOID: return 1.0 / (1.0 + exp(-z));
    case AICS_ACT_TANH: return tanh(z);
    case AICS_ACT_IDENTITY: break;
    }
    return z;
}

double aics_act_fprime(aics_act act, double z)
{
    switch (act) {
    case AICS_ACT_SIGMOID: {
        double s = 1.0 / (1.0 + exp(-z));
        return s * (1.0 - s); /* σ' = σ(1 − σ) */
    }
    case AICS_ACT_TANH: {
        double t = tanh(z);
        return 1.0 - t * t; /* tanh' = 1 − tanh² */
    }
    case AICS_ACT_IDENTITY: break;
    }
    return 1.0;
}

const char *aics_act_name(aics_act act)
{
    switch (act) {
    case AICS_ACT_SIGMOID: return "sigmoid";
    case AICS_ACT_TANH: return "tanh";
    case AICS_ACT_IDENTITY: break;
    }
    return "identity";
}

static aics_dual act_dual(aics_act act, aics_dual z)
{
    switch (act) {
    case AICS_ACT_SIGMOID: return aics_dual_sigmoid(z);
    case AICS_ACT_TANH: return aics_dual_tanh(z);
    case AICS_ACT_IDENTITY: break;
    }
    return z;
}

/* f'(z) from a = f(z): the same bits as aics_act_fprime(act, z), which
 * computes f(z) the same way first (σ' = σ(1 − σ), tanh' = 1 − tanh²) —
 * half the exp calls of a forward pass. */
static double act_prime_of(aics_act act, double a)
{
    switch (act) {
    case AICS_ACT_SIGMOID: return a * (1.0 - a);
    case AICS_ACT_TANH: return 1.0 - a * a;
    case AICS_ACT_IDENTITY: break;
    }
    return 1.0;
}

static aics_act layer_act(const aics_mlp *m, int l) { return l == m->nlayers ? m->output : m->hidden; }

void aics_mlp_trace_init(aics_mlp_trace *tr, const aics_mlp *m)
{
    memset(tr, 0, sizeof *tr);
    size_t n = 0;
    for (int l = 0; l <= m->nlayers; l++) {
        tr->off[l] = n;
        n += (size_t)m->sizes[l];
    }
    tr->off[m->nlayers + 1] = n;
    tr->z = aics_xcalloc(n, sizeof *tr->z);
    tr->a = aics_xcalloc(n, sizeof *tr->a);
    tr->fprime = aics_xcalloc(n, sizeof *tr->fprime);
    tr->delta = aics_xcalloc(n, sizeof *tr->delta);
}

void aics_mlp_trace_free(aics_mlp_trace *tr)
{
    free(tr->z);
    free(tr->a);
    free(tr->fprime);
    free(tr->delta);
    memset(tr, 0, sizeof *tr);
}

// ANCHOR: forward
const double *aics_mlp_forward(const aics_mlp *m, aics_mlp_trace *tr, const double *x)
{
    memcpy(tr->a, x, (size_t)m->sizes[0] * sizeof *x);
    for (int l = 1; l <= m->nlayers; l++) {
        int n_in = m->sizes[l - 1], n_out = m->sizes[l];
        const double *w = m->theta + m->w_off[l - 1], *b = m->theta + m->b_off[l - 1];
        const double *a_in = tr->a + tr->off[l - 1];
        aics_act act = layer_act(m, l);
        for (int j = 0; j < n_out; j++) {
            double z = b[j]; /* z_j = Σ_i w_ji a_i + b_j */
            for (int i = 0; i < n_in; i++) z += w[(size_t)j * n_in + i] * a_in[i];
            size_t k = tr->off[l] + (size_t)j;
            tr->z[k] = z;
            tr->a[k] = aics_act_f(act, z);
            tr->fprime[k] = act_prime_of(act, tr->a[k]); /* from f(z): no second exp */
        }
    }
    return tr->a + tr->off[m->nlayers];
}
// ANCHOR_END: forward

double aics_mlp_example_loss(const aics_mlp *m, const aics_mlp_trace *tr, const double *t)
{
    const double *y = tr->a + tr->off[m->nlayers];
    double loss = 0.0;
    for (int k = 0; k < m->sizes[m->nlayers]; k++) loss += 0.5 * (y[k] - t[k]) * (y[k] - t[k]);
    return loss;
}

// ANCHOR: backward
void aics_mlp_backward(const aics_mlp *m, aics_mlp_trace *tr, const double *t, double *grad,
                       double scale)
{
    int L = m->nlayers;
    /* Output neurons: δ_k = ∂L/∂z_k = (y_k − t_k) · f'(z_k). */
    for (int k = 0; k < m->sizes[L]; k++) {
        size_t q = tr->off[L] + (size_t)k;
        tr->delta[q] = (tr->a[q] - t[k]) * tr->fprime[q];
    }
    for (int l = L; l >= 1; l--) {
        int n_in = m->sizes[l - 1], n_out = m->sizes[l];
        const double *w = m->theta + m->w_off[l - 1];
        const double *delta = tr->delta + tr->off[l], *a_in = tr->a + tr->off[l - 1];
        double *gw = grad + m->w_off[l - 1], *gb = grad + m->b_off[l - 1];
        /* ∂L/∂w_ji = δ_j · a_i and ∂L/∂b_j = δ_j. */
        for (int j = 0; j < n_out; j++) {
            double g = scale * delta[j];
            double *restrict row = gw + (size_t)j * n_in;
            for (int i = 0; i < n_in; i++) row[i] += g * a_in[i];
            gb[j] += g;
        }
        if (l == 1) break; /* the inputs need no δ */
        /* Hidden neurons of layer l−1: δ_i = f'(z_i) · Σ_j w_ji · δ_j. */
        for (int i = 0; i < n_in; i++) {
            double sum = 0.0;
            for (int j = 0; j < n_out; j++) sum += w[(size_t)j * n_in + i] * delta[j];
            size_t q = tr->off[l - 1] + (size_t)i;
            tr->delta[q] = tr->fprime[q] * sum;
        }
    }
}
// ANCHOR_END: backward

double aics_mlp_batch(const aics_mlp *m, aics_mlp_trace *tr, const aics_mlp_data *d,
                      const uint32_t *idx, size_t n, double *grad)
{
    AICS_CHECK(d->n_in == m->sizes[0] && d->n_out == m->sizes[m->nlayers], "data and network shapes differ");
    if (!idx) n = d->n;
    AICS_CHECK(n > 0, "a batch needs at least one example");
    if (grad) memset(grad, 0, m->nparams * sizeof *grad);
    double loss = 0.0, scale = 1.0 / (double)n;
    for (size_t s = 0; s < n; s++) {
        size_t e = idx ? idx[s] : s;
        const double *x = d->x + e * (size_t)d->n_in, *t = d->t + e * (size_t)d->n_out;
        aics_mlp_forward(m, tr, x);
        loss += aics_mlp_example_loss(m, tr, t);
        if (grad) aics_mlp_backward(m, tr, t, grad, scale);
    }
    return loss * scale;
}

// ANCHOR: update
void aics_mlp_update(aics_mlp *m, const double *grad, double lr)
{
    for (size_t k = 0; k < m->nparams; k++) m->theta[k] -= lr * grad[k]; /* θ ← θ − η·∂L/∂θ */
}
// ANCHOR_END: update

bool aics_mlp_finite(const aics_mlp *m)
{
    for (size_t k = 0; k < m->nparams; k++)
        if (!isfinite(m->theta[k])) return false;
    return true;
}

void aics_mlp_grad_central(const aics_mlp *m, const aics_mlp_data *d, double *grad)
{
    aics_mlp copy;
    aics_mlp_trace tr;
    aics_mlp_copy(&copy, m);
    aics_mlp_trace_init(&tr, m);
    for (size_t k = 0; k < m->nparams; k++) {
        double theta = m->theta[k], h = cbrt(DBL_EPSILON) * fmax(1.0, fabs(theta));
        volatile double up = theta + h, down = theta - h; /* the step actually taken */
        copy.theta[k] = up;
        double l_up = aics_mlp_batch(&copy, &tr, d, NULL, 0, NULL);
        copy.theta[k] = down;
        double l_down = aics_mlp_batch(&copy, &tr, d, NULL, 0, NULL);
        copy.theta[k] = theta;
        grad[k] = (l_up - l_down) / (up - down);
    }
    aics_mlp_trace_free(&tr);
    aics_mlp_free(&copy);
}

/* The mean loss over d with every parameter a dual number: parameter `var`
 * carries derivative 1, the rest 0, so the result's .d is ∂L/∂θ_var. The
 * network is evaluated straight from its definition, sharing no code with
 * the backward pass. */
static aics_dual dual_loss(const aics_mlp *m, const aics_mlp_data *d, size_t var, aics_dual *buf)
{
    aics_dual total = aics_dual_const(0.0);
    int widest = 0;
    for (int l = 0; l <= m->nlayers; l++) widest = m->sizes[l] > widest ? m->sizes[l] : widest;
    aics_dual *cur = buf, *next = buf + widest;
    for (size_t e = 0; e < d->n; e++) {
        for (int i = 0; i < d->n_in; i++) cur[i] = aics_dual_const(d->x[e * (size_t)d->n_in + i]);
        for (int l = 1; l <= m->nlayers; l++) {
            for (int j = 0; j < m->sizes[l]; j++) {
                size_t bk = aics_mlp_b_index(m, l, j);
                aics_dual z = bk == var ? aics_dual_var(m->theta[bk]) : aics_dual_const(m->theta[bk]);
                for (int i = 0; i < m->sizes[l - 1]; i++) {
                    size_t wk = aics_mlp_w_index(m, l, j, i);
                    aics_dual w = wk == var ? aics_dual_var(m->theta[wk]) : aics_dual_const(m->theta[wk]);
                    z = aics_dual_add(z, aics_dual_mul(w, cur[i]));
                }
                next[j] = act_dual(layer_act(m, l), z);
            }
            aics_dual *swap = cur;
            cur = next;
            next = swap;
        }
        for (int k = 0; k < d->n_out; k++) {
            aics_dual r = aics_dual_add_const(cur[k], -d->t[e * (size_t)d->n_out + k]);
            total = aics_dual_add(total, aics_dual_scale(aics_dual_mul(r, r), 0.5));
        }
    }
    return aics_dual_scale(total, 1.0 / (double)d->n);
}

void aics_mlp_grad_dual(const aics_mlp *m, const aics_mlp_data *d, double *grad)
{
    int widest = 0;
    for (int l = 0; l <= m->nlayers; l++) widest = m->sizes[l] > widest ? m->sizes[l] : widest;
    aics_dual *buf = aics_xmalloc(2 * (size_t)widest * sizeof *buf);
    for (size_t k = 0; k < m->nparams; k++) grad[k] = dual_loss(m, d, k, buf).d;
    free(buf);
}

double aics_mlp_rel_err(double a, double b)
{
    double scale = fmax(fmax(fabs(a), fabs(b)), AICS_MLP_REL_FLOOR);
    return fabs(a - b) / scale;
}

double aics_mlp_max_rel_err(const double *a, const double *b, size_t n)
{
    double worst = 0.0;
    for (size_t k = 0; k < n; k++) {
        double e = aics_mlp_rel_err(a[k], b[k]);
        if (isnan(e)) return e; /* NaN never passes a check */
        if (e > worst) worst = e;
    }
    return worst;
}

/* One epoch: shuffle (mini-batches only), then one update per batch. Returns
 * false as soon as a batch loss or a parameter is not finite. */
static bool run_epoch(aics_mlp *m, aics_mlp_trace *tr, const aics_mlp_data *d, const aics_mlp_train_opts *o,
                      aics_rng *rng, uint32_t *idx, double *grad, int64_t *steps)
{
    size_t batch = o->batch >= d->n ? d->n : o->batch;
    if (batch < d->n) aics_rng_shuffle(rng, idx, (uint32_t)d->n);
    for (size_t start = 0; start < d->n; start += batch) {
        size_t n = d->n - start < batch ? d->n - start : batch;
        double loss = aics_mlp_batch(m, tr, d, idx + start, n, grad);
        if (!isfinite(loss)) return false;
        aics_mlp_update(m, grad, o->lr);
        ++*steps;
        if (!aics_mlp_finite(m)) return false;
    }
    return true;
}

aics_mlp_train_result aics_mlp_train(aics_mlp *m, const aics_mlp_data *d, const aics_mlp_train_opts *o,
                                     aics_rng *rng, double *curve)
{
    AICS_CHECK(o->lr > 0 && isfinite(o->lr) && o->epochs >= 1 && o->batch >= 1, "bad training options");
    AICS_CHECK(d->n >= 1 && d->n <= UINT32_MAX, "a data set has 1 to 2^32−1 examples");
    aics_mlp_train_result res = {0};
    aics_mlp_trace tr;
    aics_mlp_trace_init(&tr, m);
    double *grad = aics_xmalloc(m->nparams * sizeof *grad);
    uint32_t *idx = aics_xmalloc(d->n * sizeof *idx);
    for (size_t e = 0; e < d->n; e++) idx[e] = (uint32_t)e;
    double loss = aics_mlp_batch(m, &tr, d, NULL, 0, NULL);
    if (curve) curve[0] = loss;
    res.final_loss = loss;
    for (int64_t epoch = 1; epoch <= o->epochs; epoch++) {
        bool ok = isfinite(loss) && run_epoch(m, &tr, d, o, rng, idx, grad, &res.steps);
        if (ok) loss = aics_mlp_batch(m, &tr, d, NULL, 0, NULL);
        if (!ok || !isfinite(loss)) {
            res.diverged = true;
            res.diverged_epoch = epoch;
            break;
        }
        if (curve) curve[epoch] = loss;
        res.epochs_run = epoch;
        res.final_loss = loss;
    }
    free(idx);
    free(grad);
    aics_mlp_trace_free(&tr);
    return res;
}
