/* toydata.c — y = sin(2πx) + noise, RMSE, and the bias–variance split. */
#include "toydata.h"

#include <math.h>
#include <stdlib.h>

#include "error.h"
#include "resample.h"

#define PI 3.14159265358979323846

double aics_toy_truth(double x) { return sin(2.0 * PI * x); }

void aics_toy_samples(aics_rng *rng, size_t n, double sd, double *x, double *y)
{
    for (size_t i = 0; i < n; i++) x[i] = aics_rng_uniform(rng);
    for (size_t i = 0; i < n; i++) y[i] = aics_toy_truth(x[i]) + sd * aics_rng_normal(rng);
}

static aics_toy_set toy_set(size_t n)
{
    return (aics_toy_set){aics_xmalloc(n * sizeof(double)), aics_xmalloc(n * sizeof(double)), n};
}

void aics_toy_draw(aics_rng *rng, size_t ntr, size_t nva, size_t nte, double sd, aics_toy_sets *s)
{
    *s = (aics_toy_sets){toy_set(ntr), toy_set(nva), toy_set(nte)};
    aics_toy_samples(rng, ntr, sd, s->train.x, s->train.y);
    aics_toy_samples(rng, nva, sd, s->val.x, s->val.y);
    aics_toy_samples(rng, nte, sd, s->test.x, s->test.y);
}

void aics_toy_draw_split(aics_rng *rng, size_t ntr, size_t nva, size_t nte, double sd, aics_toy_sets *s)
{
    AICS_CHECK(ntr + nva <= UINT32_MAX, "a split indexes points with 32 bits");
    *s = (aics_toy_sets){toy_set(ntr), toy_set(nva), toy_set(nte)};
    aics_toy_set all = toy_set(ntr + nva);
    uint32_t *idx = aics_xmalloc((ntr + nva) * sizeof *idx);
    aics_toy_samples(rng, ntr + nva, sd, all.x, all.y);
    aics_split(rng, (uint32_t)(ntr + nva), (uint32_t)ntr, idx);
    for (size_t i = 0; i < ntr; i++) s->train.x[i] = all.x[idx[i]], s->train.y[i] = all.y[idx[i]];
    for (size_t i = 0; i < nva; i++) s->val.x[i] = all.x[idx[ntr + i]], s->val.y[i] = all.y[idx[ntr + i]];
    aics_toy_samples(rng, nte, sd, s->test.x, s->test.y);
    free(idx);
    free(all.x);
    free(all.y);
}

void aics_toy_sets_free(aics_toy_sets *s)
{
    aics_toy_set *sets[3] = {&s->train, &s->val, &s->test};
    for (int k = 0; k < 3; k++) {
        free(sets[k]->x);
        free(sets[k]->y);
    }
}

double aics_rmse(const double *a, const double *b, size_t n)
{
    double s = 0.0;
    for (size_t i = 0; i < n; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
    return sqrt(s / (double)n);
}

aics_bias_variance aics_decompose(const double *pred, size_t sets, size_t m, const double *f)
{
    aics_bias_variance dc = {0, 0, 0};
    for (size_t k = 0; k < m; k++) {
        double mean = 0.0;
        for (size_t s = 0; s < sets; s++) mean += pred[s * m + k];
        mean /= (double)sets;
        for (size_t s = 0; s < sets; s++) {
            double e = pred[s * m + k] - f[k], v = pred[s * m + k] - mean;
            dc.error += e * e;
            dc.variance += v * v;
        }
        dc.bias2 += (mean - f[k]) * (mean - f[k]);
    }
    dc.error /= (double)(sets * m);
    dc.variance /= (double)(sets * m);
    dc.bias2 /= (double)m;
    return dc;
}
