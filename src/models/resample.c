/* resample.c — bootstrap, bagging, splits and early stopping (see resample.h). */
#include "resample.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

void aics_bootstrap(aics_rng *rng, size_t n, uint32_t *idx)
{
    AICS_CHECK(n > 0 && n <= UINT32_MAX, "a bootstrap sample needs 0 < n < 2^32 rows");
    for (size_t i = 0; i < n; i++) idx[i] = aics_rng_below(rng, (uint32_t)n);
}

void aics_bag(aics_rng *rng, size_t n, size_t B, size_t m, aics_fit_predict fit, void *ctx,
              double *mean, double *spread)
{
    AICS_CHECK(B >= 1, "bagging needs at least one model");
    uint32_t *idx = aics_xmalloc(n * sizeof *idx);
    double *pred = aics_xmalloc(m * sizeof *pred), *m2 = aics_xcalloc(m, sizeof *m2);
    memset(mean, 0, m * sizeof *mean);
    // ANCHOR: bagging_loop
    for (size_t b = 0; b < B; b++) {
        aics_bootstrap(rng, n, idx);  /* n rows drawn with replacement */
        fit(ctx, idx, n, pred);       /* one model on that sample */
        for (size_t k = 0; k < m; k++) { /* running mean and variance (Welford) */
            double delta = pred[k] - mean[k];
            mean[k] += delta / (double)(b + 1);
            m2[k] += delta * (pred[k] - mean[k]);
        }
    }
    // ANCHOR_END: bagging_loop
    if (spread)
        for (size_t k = 0; k < m; k++) spread[k] = m2[k] / (double)B;
    free(idx);
    free(pred);
    free(m2);
}

void aics_split(aics_rng *rng, uint32_t n, uint32_t n_train, uint32_t *idx)
{
    AICS_CHECK(n_train > 0 && n_train < n, "a split needs 0 < n_train < n");
    for (uint32_t i = 0; i < n; i++) idx[i] = i;
    aics_rng_shuffle(rng, idx, n);
}

aics_early_stop aics_train_early_stopping(const aics_trainer *t, double *w, size_t d,
                                          long max_epochs, long patience)
{
    double *best = aics_xmalloc(d * sizeof *best);
    memcpy(best, w, d * sizeof *best);
    aics_early_stop es = {0, 0, t->val_loss(t->ctx, w), false};
    // ANCHOR: patience
    long since_best = 0;
    for (long epoch = 1; epoch <= max_epochs; epoch++) {
        t->step(t->ctx, w);
        double loss = t->val_loss(t->ctx, w);
        es.stop_epoch = epoch;
        if (loss < es.best_loss) { /* a new best: remember these weights */
            es.best_loss = loss;
            es.best_epoch = epoch;
            memcpy(best, w, d * sizeof *best);
            since_best = 0;
        } else if (patience > 0 && ++since_best >= patience) {
            es.stopped = true;     /* `patience` epochs without a new best */
            break;
        }
    }
    if (patience > 0) memcpy(w, best, d * sizeof *w); /* the best weights, not the last */
    // ANCHOR_END: patience
    free(best);
    return es;
}

size_t aics_log_epochs(long max_epochs, int keep, long *epochs)
{
    size_t n = 0;
    for (int i = 0; i <= keep; i++) {
        long e = (long)floor(pow((double)max_epochs, (double)i / keep));
        if (n > 0 && e <= epochs[n - 1]) continue;
        epochs[n++] = e;
    }
    return n;
}
