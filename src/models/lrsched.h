/* lrsched.h — exponential learning-rate decay (exercise 4.8), in the form
 * TensorFlow's tf.train.exponential_decay uses:
 *
 *     staircase:   η(t) = η₀ · r^⌊t / T⌋
 *     continuous:  η(t) = η₀ · r^(t / T)
 *
 * t is the number of iterations already done (global_step, starting at 0), T
 * the decay period and r the rate. The staircase holds η constant over each
 * block of T iterations and multiplies it by r at t = T, 2T, …; the
 * continuous form passes through the same values at those points and lies
 * below the staircase in between.
 */
#ifndef AICS_LRSCHED_H
#define AICS_LRSCHED_H

#include <stdbool.h>
#include <stdint.h>

typedef struct {
    double lr0;      /* η₀ > 0 */
    double rate;     /* r, 0 < r < 1 for a decay */
    int64_t period;  /* T >= 1 iterations */
    bool staircase;
} aics_lrsched;

/* η after t >= 0 iterations. The staircase's power is an integer, applied by
 * repeated squaring so that η(kT) is the same product r·r·…·r every time. */
double aics_lrsched_at(const aics_lrsched *s, int64_t t);

/* The first iteration t at which η(t) < target (target < η₀), or −1 when it
 * never falls that low (r >= 1). */
int64_t aics_lrsched_first_below(const aics_lrsched *s, double target);

#endif
