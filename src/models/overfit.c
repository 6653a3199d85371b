/* overfit.c — the three studies of exercise 2.5 on the toy problem: a ridge
 * sweep, bagged trees split into bias² and variance, early stopping. */
#include "overfit.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "regtree.h"

/* ---- ridge on a polynomial ------------------------------------------------- */

aics_poly_score aics_poly_score_of(const aics_poly_model *m, const aics_toy_sets *s, const double *w)
{
    aics_poly_score sc = {aics_poly_model_rmse(m, w, s->train.x, s->train.y, s->train.n),
                          aics_poly_model_rmse(m, w, s->val.x, s->val.y, s->val.n),
                          aics_poly_model_rmse(m, w, s->test.x, s->test.y, s->test.n), 0.0};
    for (int k = 0; k < m->degree; k++) sc.norm += w[k] * w[k];
    sc.norm = sqrt(sc.norm);
    return sc;
}

size_t aics_poly_sweep(const aics_poly_model *m, const aics_toy_sets *s, const double *lambdas, size_t n,
                       double *rows, double *norms)
{
    double *w = aics_xmalloc((size_t)m->degree * sizeof *w);
    size_t best = 0;
    for (size_t k = 0; k < n; k++) {
        AICS_CHECK(aics_poly_model_fit(m, lambdas[k], w), "the polynomial design has full rank");
        aics_poly_score sc = aics_poly_score_of(m, s, w);
        double row[4] = {lambdas[k], sc.train, sc.val, sc.test};
        memcpy(rows + 4 * k, row, sizeof row);
        if (norms) norms[k] = sc.norm;
        if (sc.val < rows[4 * best + 2]) best = k;
    }
    free(w);
    return best;
}

/* ---- bagging regression trees ---------------------------------------------- */

void aics_bag_study(const aics_bag_plan *p, uint64_t seed, aics_bias_variance *single, double *table)
{
    size_t n = p->ntrain, sets = p->sets, m = p->query;
    double *query = aics_xmalloc(m * sizeof *query), *f = aics_xmalloc(m * sizeof *f);
    for (size_t k = 0; k < m; k++) query[k] = (k + 0.5) / m, f[k] = aics_toy_truth(query[k]);
    double *xs = aics_xmalloc(sets * n * sizeof *xs), *ys = aics_xmalloc(sets * n * sizeof *ys);
    double *pred = aics_xmalloc(sets * m * sizeof *pred);
    aics_rng data_rng;
    aics_rng_seed(&data_rng, seed, 3);
    for (size_t s = 0; s < sets; s++) aics_toy_samples(&data_rng, n, p->noise, xs + s * n, ys + s * n);
    for (size_t s = 0; s < sets; s++) aics_tree_bag(NULL, xs + s * n, ys + s * n, n, 0, query, m, pred + s * m);
    *single = aics_decompose(pred, sets, m, f);
    for (size_t b = 0; b < p->nsizes; b++) {
        for (size_t s = 0; s < sets; s++) {
            aics_rng rng;
            aics_rng_seed(&rng, seed, 1000 + 1000 * (uint64_t)b + s);
            aics_tree_bag(&rng, xs + s * n, ys + s * n, n, (size_t)p->sizes[b], query, m, pred + s * m);
        }
        aics_bias_variance dc = aics_decompose(pred, sets, m, f);
        double row[4] = {p->sizes[b], dc.error, dc.bias2, dc.variance};
        memcpy(table + 4 * b, row, sizeof row);
    }
    free(query);
    free(f);
    free(xs);
    free(ys);
    free(pred);
}

/* ---- gradient descent with early stopping --------------------------------- */

static const aics_toy_set *es_set(const aics_es_study *t, int set)
{
    const aics_toy_set *s[3] = {&t->s.train, &t->s.val, &t->s.test};
    return s[set];
}

void aics_es_study_run(aics_es_study *t, const aics_es_plan *p, aics_rng *rng)
{
    AICS_CHECK(p->bumps >= 2 && p->epochs >= 0, "an early-stopping study has bumps ≥ 2");
    memset(t, 0, sizeof *t);
    t->d = (size_t)p->bumps + 1;
    aics_toy_draw_split(rng, p->ntrain, p->nval, p->ntest, p->noise, &t->s);
    for (int k = 0; k < 3; k++) {
        const aics_toy_set *set = es_set(t, k);
        t->f[k] = aics_xmalloc(set->n * t->d * sizeof(double));
        for (size_t i = 0; i < set->n; i++) aics_bump_features(set->x[i], p->bumps, p->width, t->f[k] + i * t->d);
    }
    t->train_curve = aics_xcalloc((size_t)p->epochs + 1, sizeof(double));
    t->val_curve = aics_xcalloc((size_t)p->epochs + 1, sizeof(double));
    t->wes = aics_xcalloc(t->d, sizeof(double));
    t->wend = aics_xcalloc(t->d, sizeof(double));
    aics_gd_problem gp = {t->f[0], t->s.train.y, t->f[1], t->s.val.y, p->ntrain, p->nval, t->d,
                          1.0 / aics_gram_bound(t->f[0], p->ntrain, t->d), NULL, NULL};
    t->es = aics_gd_early_stopping(&gp, t->wes, p->epochs, p->patience);
    gp.train_curve = t->train_curve;
    gp.val_curve = t->val_curve;
    t->full = aics_gd_early_stopping(&gp, t->wend, p->epochs, 0);
}

double aics_es_study_rmse(const aics_es_study *t, const double *w, int set)
{
    const aics_toy_set *s = es_set(t, set);
    return sqrt(aics_linear_mse(t->f[set], s->n, t->d, w, s->y));
}

void aics_es_study_free(aics_es_study *t)
{
    for (int k = 0; k < 3; k++) free(t->f[k]);
    free(t->train_curve);
    free(t->val_curve);
    free(t->wes);
    free(t->wend);
    aics_toy_sets_free(&t->s);
}

/* ---- L1 and L2 paths of one problem ---------------------------------------- */

void aics_two_paths_run(aics_two_paths *tp, const aics_linreg *p, size_t points, double l1_ratio, double l2_hi,
                        double l2_lo, double tol, long max_sweeps)
{
    size_t d = p->d;
    AICS_CHECK(points >= 2, "a path has at least two points");
    *tp = (aics_two_paths){points, d, aics_xmalloc(points * sizeof(double)), aics_xmalloc(points * sizeof(double)),
                           aics_xmalloc(points * d * sizeof(double)), aics_xmalloc(points * d * sizeof(double))};
    tp->lmax = aics_lasso_lambda_max(p);
    aics_lambda_grid(tp->lmax, tp->lmax * l1_ratio, points, tp->l1);
    aics_lambda_grid(l2_hi, l2_lo, points, tp->l2);
    tp->sweeps = aics_linreg_path(p, AICS_PENALTY_L1, tp->l1, points, max_sweeps, tol, tp->W1);
    AICS_CHECK(aics_linreg_path(p, AICS_PENALTY_L2, tp->l2, points, max_sweeps, tol, tp->W2) == 0,
               "ridge always solves");
    for (size_t k = 0; k < points; k++) {
        tp->kkt = fmax(tp->kkt, aics_lasso_kkt(p, tp->l1[k], tp->W1 + k * d));
        for (size_t j = 0; j < d; j++)
            tp->zeros1 += tp->W1[k * d + j] == 0.0, tp->zeros2 += tp->W2[k * d + j] == 0.0;
    }
}

void aics_two_paths_free(aics_two_paths *tp)
{
    free(tp->l1);
    free(tp->l2);
    free(tp->W1);
    free(tp->W2);
}
