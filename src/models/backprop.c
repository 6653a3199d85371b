/* backprop.c — exercise 2.3's data, names, worked-step keys, gradient check,
 * training runs and output grid around the network of mlp.c. */
#include "backprop.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "error.h"

void aics_bp_xor(aics_rng *rng, size_t n, double noise, double *x, double *t)
{
    static const double centre[4][2] = {{1, 1}, {-1, 1}, {-1, -1}, {1, -1}};
    for (size_t e = 0; e < n; e++) {
        size_t c = e % 4;
        x[2 * e] = centre[c][0] + noise * aics_rng_normal(rng);
        x[2 * e + 1] = centre[c][1] + noise * aics_rng_normal(rng);
        t[e] = centre[c][0] * centre[c][1] > 0 ? 1.0 : -1.0;
    }
}

/* ---- names ------------------------------------------------------------------ */

void aics_bp_neuron_name(char *buf, size_t size, int layer, int j)
{
    if (layer == 0) snprintf(buf, size, "x%d", j + 1);
    else if (layer == 1) snprintf(buf, size, "h%d", j + 1);
    else snprintf(buf, size, "y");
}

void aics_bp_param_input(const aics_mlp *m, size_t k, int *layer, int *to, int *from)
{
    for (int l = 1; l <= m->nlayers; l++)
        for (int j = 0; j < m->sizes[l]; j++) {
            *layer = l;
            *to = j;
            *from = -1;
            if (k == aics_mlp_b_index(m, l, j)) return;
            for (int i = 0; i < m->sizes[l - 1]; i++)
                if (k == aics_mlp_w_index(m, l, j, i)) {
                    *from = i;
                    return;
                }
        }
    AICS_CHECK(0, "every parameter belongs to a neuron");
}

void aics_bp_param_name(const aics_mlp *m, size_t k, char *buf, size_t size)
{
    int layer, j, i;
    char to[16], from[16];
    aics_bp_param_input(m, k, &layer, &j, &i);
    aics_bp_neuron_name(to, sizeof to, layer, j);
    if (i < 0) {
        snprintf(buf, size, "b_%s", to);
        return;
    }
    aics_bp_neuron_name(from, sizeof from, layer - 1, i);
    snprintf(buf, size, "w_%s_%s", to, from);
}

/* ---- the worked step ------------------------------------------------------- */

void aics_bp_step_free(aics_bp_step *s)
{
    aics_mlp_free(&s->after);
    aics_mlp_trace_free(&s->tr);
    free(s->grad);
}

static void add_double(aics_result *r, const char *fmt, const char *name, double v, const char *label)
{
    char key[96];
    snprintf(key, sizeof key, fmt, name);
    aics_result_double(r, key, v, label);
}

static void neuron_kv(aics_result *r, const aics_bp_step *s, int l, int j)
{
    char name[16], label[64];
    size_t q = s->tr.off[l] + (size_t)j;
    aics_bp_neuron_name(name, sizeof name, l, j);
    snprintf(label, sizeof label, "%s：z", name);
    add_double(r, "step.%s.z", name, s->tr.z[q], label);
    snprintf(label, sizeof label, "%s：f(z)", name);
    add_double(r, "step.%s.a", name, s->tr.a[q], label);
    snprintf(label, sizeof label, "%s：f'(z)", name);
    add_double(r, "step.%s.fprime", name, s->tr.fprime[q], label);
    snprintf(label, sizeof label, "%s：δ", name);
    add_double(r, "step.%s.delta", name, s->tr.delta[q], label);
}

void aics_bp_step_kv(aics_result *r, const aics_bp_step *s, int example)
{
    const aics_mlp *m = s->before;
    aics_result_kv_only(r, true);
    aics_result_int(r, "step.example", example, "样本编号");
    aics_result_double(r, "step.x1", s->x[0], "x1");
    aics_result_double(r, "step.x2", s->x[1], "x2");
    aics_result_double(r, "step.t", s->t[0], "目标 t");
    aics_result_double(r, "step.lr", s->lr, "学习率 η");
    for (int l = 1; l <= m->nlayers; l++)
        for (int j = 0; j < m->sizes[l]; j++) neuron_kv(r, s, l, j);
    aics_result_double(r, "step.loss", s->loss, "L = ½(y − t)²");
    for (size_t k = 0; k < m->nparams; k++) {
        char name[48], label[64];
        aics_bp_param_name(m, k, name, sizeof name);
        add_double(r, "step.theta.%s", name, m->theta[k], name);
        snprintf(label, sizeof label, "∂L/∂%s", name);
        add_double(r, "step.grad.%s", name, s->grad[k], label);
        snprintf(label, sizeof label, "更新后的 %s", name);
        add_double(r, "step.new.%s", name, s->after.theta[k], label);
    }
    aics_result_kv_only(r, false);
}

/* ---- the gradient check ---------------------------------------------------- */

void aics_bp_gradcheck_run(aics_bp_gradcheck *g, const aics_mlp *m, const aics_mlp_data *d)
{
    aics_mlp_trace tr;
    aics_mlp_trace_init(&tr, m);
    g->bp = aics_xmalloc(m->nparams * sizeof *g->bp);
    g->central = aics_xmalloc(m->nparams * sizeof *g->central);
    g->dual = aics_xmalloc(m->nparams * sizeof *g->dual);
    aics_mlp_batch(m, &tr, d, NULL, 0, g->bp);
    aics_mlp_grad_central(m, d, g->central);
    aics_mlp_grad_dual(m, d, g->dual);
    g->err_central = aics_mlp_max_rel_err(g->bp, g->central, m->nparams);
    g->err_dual = aics_mlp_max_rel_err(g->bp, g->dual, m->nparams);
    aics_mlp_trace_free(&tr);
}

void aics_bp_gradcheck_free(aics_bp_gradcheck *g)
{
    free(g->bp);
    free(g->central);
    free(g->dual);
}

/* ---- training runs and what a network computes ------------------------------ */

void aics_bp_train(aics_bp_run *out, const aics_mlp *init, const aics_mlp_data *d,
                   const aics_mlp_train_opts *o, aics_rng *rng)
{
    AICS_CHECK(o->epochs >= 0, "a run has at least no epochs");
    aics_mlp_copy(&out->net, init);
    out->curve = aics_xcalloc((size_t)o->epochs + 1, sizeof *out->curve);
    out->res = aics_mlp_train(&out->net, d, o, rng, out->curve);
}

void aics_bp_run_free(aics_bp_run *r)
{
    aics_mlp_free(&r->net);
    free(r->curve);
}

int64_t aics_bp_correct(const aics_mlp *m, const aics_mlp_data *d)
{
    aics_mlp_trace tr;
    aics_mlp_trace_init(&tr, m);
    int64_t n = 0;
    for (size_t e = 0; e < d->n; e++)
        n += (aics_mlp_forward(m, &tr, d->x + e * (size_t)d->n_in)[0] > 0) == (d->t[e * (size_t)d->n_out] > 0);
    aics_mlp_trace_free(&tr);
    return n;
}

void aics_bp_grid(const aics_mlp *m, double lo, double hi, int n, double clip, double *rows)
{
    aics_mlp_trace tr;
    aics_mlp_trace_init(&tr, m);
    for (int a = 0; a < n; a++)
        for (int b = 0; b < n; b++) {
            double x[2] = {lo + (hi - lo) * b / (n - 1), lo + (hi - lo) * a / (n - 1)};
            double *row = rows + 3 * ((size_t)a * (size_t)n + (size_t)b);
            row[0] = x[0];
            row[1] = x[1];
            row[2] = fmax(-clip, fmin(clip, aics_mlp_forward(m, &tr, x)[0]));
        }
    aics_mlp_trace_free(&tr);
}
