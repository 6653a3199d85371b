/* resample.h — resampling and stopping: bootstrap samples, bagging,
 * train/validation splits and early stopping with a patience rule.
 *
 * Models are passed in as callbacks so that one bagging loop and one
 * early-stopping loop serve any learner. All randomness comes from the
 * caller's aics_rng, so a seed fixes every sample.
 */
#ifndef AICS_RESAMPLE_H
#define AICS_RESAMPLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rng.h"

/* n indices drawn uniformly with replacement from [0, n) (n < 2^32). */
void aics_bootstrap(aics_rng *rng, size_t n, uint32_t *idx);

/* Fit a model to the training rows idx[0..n) (with repeats) and write its
 * predictions at the caller's m query points into pred[0..m). */
typedef void (*aics_fit_predict)(void *ctx, const uint32_t *idx, size_t n, double *pred);

/* Bagging: fit B models, each on its own bootstrap sample of the n training
 * rows (drawn in order from rng), and average their predictions at the m
 * query points into mean[m]. If spread is not NULL it receives the variance
 * of the B member predictions at each point (population, 0 when B = 1). */
void aics_bag(aics_rng *rng, size_t n, size_t B, size_t m, aics_fit_predict fit, void *ctx,
              double *mean, double *spread);

/* Shuffle 0..n−1 and split: the first n_train indices go to training, the
 * rest to validation (idx has n entries; 0 < n_train < n). */
void aics_split(aics_rng *rng, uint32_t n, uint32_t n_train, uint32_t *idx);

/* Early stopping. Each epoch: one training step, then the validation loss.
 * The patience rule stops training once `patience` epochs in a row have not
 * improved on the best validation loss; the weights of the best epoch are
 * kept and returned, not those of the last. */
typedef struct {
    void (*step)(void *ctx, double *w);             /* one epoch of training, w in place */
    double (*val_loss)(void *ctx, const double *w); /* validation loss at w */
    void *ctx;
} aics_trainer;

typedef struct {
    long best_epoch;  /* epoch with the lowest validation loss (0 = before training) */
    long stop_epoch;  /* epochs actually run */
    double best_loss; /* validation loss at best_epoch */
    bool stopped;     /* true when patience ran out before max_epochs */
} aics_early_stop;

/* Train w (d numbers) for at most max_epochs epochs with early stopping:
 * on return w holds the weights of the best epoch. With patience ≤ 0 there
 * is no early stopping at all: training runs to max_epochs and w holds the
 * last weights (best_epoch is still reported). */
aics_early_stop aics_train_early_stopping(const aics_trainer *t, double *w, size_t d,
                                          long max_epochs, long patience);

/* Epochs 1 … max_epochs thinned to at most keep + 1 log-spaced ones (keep ≥ 1),
 * floor(max^(i/keep)) for i = 0 … keep without repeats, increasing, first 1
 * and last max_epochs: for drawing a long training curve. Returns how many
 * were written to `epochs`. */
size_t aics_log_epochs(long max_epochs, int keep, long *epochs);

#endif
