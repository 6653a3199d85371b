/* perceptron.h — Rosenblatt's perceptron with two inputs (connectionist AI).
 *
 * The unit computes y = 1 if w1·x1 + w2·x2 + b > 0, else 0 (a step at 0, and 0
 * exactly on the boundary). Learning is the perceptron rule, applied after
 * every sample in a fixed order:
 *
 *   w ← w + η (t − y) x,   b ← b + η (t − y),
 *
 * which changes nothing when the answer y equals the target t. An epoch is one
 * pass over the samples; training has converged after an epoch with no error.
 * When the data are linearly separable this happens after finitely many
 * updates (Novikoff 1962); when they are not (XOR) every epoch has an error.
 */
#ifndef AICS_PERCEPTRON_H
#define AICS_PERCEPTRON_H

#include <stdbool.h>

typedef struct {
    double w[2]; /* input weights */
    double b;    /* bias (the threshold, negated) */
} aics_perceptron;

typedef struct {
    double x[2];
    int target; /* 0 or 1 */
} aics_sample;

typedef struct {
    bool converged;  /* an epoch ended with no error */
    int epochs;      /* epochs run, the error-free one included */
    int errors_last; /* errors in the last epoch run */
    int errors_min;  /* fewest errors in any epoch */
    int updates;     /* weight updates made in all */
} aics_perceptron_fit;

/* The unit's weighted sum w·x + b, and its output 0 or 1. */
double aics_perceptron_sum(const aics_perceptron *p, const double x[2]);
int aics_perceptron_output(const aics_perceptron *p, const double x[2]);

/* One epoch over `s[0..n)` in order with learning rate `eta`; returns the
 * number of samples that were misclassified (and so caused an update). */
int aics_perceptron_epoch(aics_perceptron *p, const aics_sample *s, int n, double eta);

/* Train from the current weights for at most `max_epochs` epochs, stopping
 * after the first error-free one. If `errors` is not NULL it receives each
 * epoch's error count (room for `max_epochs`). */
aics_perceptron_fit aics_perceptron_train(aics_perceptron *p, const aics_sample *s, int n,
                                          double eta, int max_epochs, int *errors);

/* How many of `s[0..n)` the unit classifies wrongly as it stands. */
int aics_perceptron_errors(const aics_perceptron *p, const aics_sample *s, int n);

#endif
