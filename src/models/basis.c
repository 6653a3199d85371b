/* basis.c — polynomial and Gaussian-bump features, MSE, gradient steps. */
#include "basis.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "toydata.h"

void aics_poly_features(const double *x, size_t n, int degree, const double *mean, const double *sd,
                        double *f)
{
    size_t dg = (size_t)degree;
    for (size_t i = 0; i < n; i++) {
        double t = 2.0 * x[i] - 1.0, pw = 1.0;
        for (size_t k = 0; k < dg; k++) {
            pw *= t;
            f[i * dg + k] = (pw - mean[k]) / sd[k];
        }
    }
}

void aics_bump_features(double x, int bumps, double width, double *f)
{
    f[0] = 1.0;
    for (int k = 0; k < bumps; k++) {
        double c = (double)k / (bumps - 1), z = (x - c) / width;
        f[k + 1] = exp(-0.5 * z * z);
    }
}

double aics_linear_mse(const double *f, size_t n, size_t d, const double *w, const double *y)
{
    double s = 0.0;
    for (size_t i = 0; i < n; i++) {
        double p = 0.0;
        for (size_t k = 0; k < d; k++) p += f[i * d + k] * w[k];
        s += (p - y[i]) * (p - y[i]);
    }
    return s / (double)n;
}

void aics_half_mse_step(const double *f, size_t n, size_t d, const double *y, double eta, double *w,
                        double *g)
{
    memset(g, 0, d * sizeof *g);
    for (size_t i = 0; i < n; i++) {
        double e = -y[i];
        for (size_t k = 0; k < d; k++) e += f[i * d + k] * w[k];
        for (size_t k = 0; k < d; k++) g[k] += e * f[i * d + k] / (double)n;
    }
    for (size_t k = 0; k < d; k++) w[k] -= eta * g[k];
}

double aics_gram_bound(const double *f, size_t n, size_t d)
{
    double bound = 0.0;
    for (size_t j = 0; j < d; j++) {
        double row = 0.0;
        for (size_t k = 0; k < d; k++) {
            double g = 0.0;
            for (size_t i = 0; i < n; i++) g += f[i * d + j] * f[i * d + k];
            row += fabs(g) / (double)n;
        }
        bound = fmax(bound, row);
    }
    return bound;
}

bool aics_poly_model_init(aics_poly_model *m, const double *x, const double *y, size_t n, int degree)
{
    size_t dg = (size_t)degree;
    m->degree = degree;
    m->mean = aics_xmalloc(dg * sizeof *m->mean);
    m->sd = aics_xmalloc(dg * sizeof *m->sd);
    double *f = aics_xmalloc(n * dg * sizeof *f);
    for (size_t k = 0; k < dg; k++) m->mean[k] = 0.0, m->sd[k] = 1.0;
    aics_poly_features(x, n, degree, m->mean, m->sd, f);
    bool ok = aics_standardize(f, n, dg, m->mean, m->sd) < 0;
    if (ok) aics_linreg_init(&m->p, f, y, n, dg);
    free(f);
    if (!ok) {
        free(m->mean);
        free(m->sd);
    }
    return ok;
}

bool aics_poly_model_fit(const aics_poly_model *m, double lambda, double *w)
{
    return aics_ridge_cholesky(&m->p, lambda, w);
}

void aics_poly_model_predict(const aics_poly_model *m, const double *w, const double *x, size_t n,
                             double *out)
{
    size_t dg = (size_t)m->degree;
    double *f = aics_xmalloc(n * dg * sizeof *f);
    aics_poly_features(x, n, m->degree, m->mean, m->sd, f);
    double b = aics_linreg_intercept(&m->p, w);
    for (size_t i = 0; i < n; i++) {
        out[i] = b;
        for (size_t k = 0; k < dg; k++) out[i] += f[i * dg + k] * w[k];
    }
    free(f);
}

double aics_poly_model_rmse(const aics_poly_model *m, const double *w, const double *x, const double *y,
                            size_t n)
{
    double *pred = aics_xmalloc(n * sizeof *pred);
    aics_poly_model_predict(m, w, x, n, pred);
    double e = aics_rmse(pred, y, n);
    free(pred);
    return e;
}

void aics_poly_model_free(aics_poly_model *m)
{
    aics_linreg_free(&m->p);
    free(m->mean);
    free(m->sd);
}

/* The trainer's callbacks (src/models/resample.h) for aics_gd_problem. */
typedef struct {
    aics_gd_problem *gp;
    double *g;  /* gradient scratch */
    long epoch;
} gd_state;

static void gd_step(void *ctx, double *w)
{
    gd_state *s = ctx;
    const aics_gd_problem *gp = s->gp;
    aics_half_mse_step(gp->ftr, gp->ntr, gp->d, gp->ytr, gp->eta, w, s->g);
    s->epoch++;
    if (gp->train_curve) gp->train_curve[s->epoch] = aics_linear_mse(gp->ftr, gp->ntr, gp->d, w, gp->ytr);
}

static double gd_val(void *ctx, const double *w)
{
    gd_state *s = ctx;
    const aics_gd_problem *gp = s->gp;
    double v = aics_linear_mse(gp->fva, gp->nva, gp->d, w, gp->yva);
    if (gp->val_curve) gp->val_curve[s->epoch] = v;
    return v;
}

aics_early_stop aics_gd_early_stopping(aics_gd_problem *gp, double *w, long max_epochs, long patience)
{
    gd_state s = {gp, aics_xmalloc(gp->d * sizeof(double)), 0};
    if (gp->train_curve) gp->train_curve[0] = aics_linear_mse(gp->ftr, gp->ntr, gp->d, w, gp->ytr);
    aics_trainer tr = {gd_step, gd_val, &s};
    aics_early_stop es = aics_train_early_stopping(&tr, w, gp->d, max_epochs, patience);
    free(s.g);
    return es;
}
