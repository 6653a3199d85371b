/* shape.h — the qualitative shape of a sequence of numbers: does it only
 * rise, only fall, or turn, and how often. Programs use it to decide the
 * claims the book makes in words ("monotone", "oscillates", "grows steadily")
 * instead of leaving them to the eye.
 *
 * A step no larger than rel_tol times the larger |value| of its two ends
 * counts as flat, so rounding noise does not make a flat or monotone
 * sequence turn (a relative test, so it also suits series that grow by
 * orders of magnitude).
 */
#ifndef AICS_SHAPE_H
#define AICS_SHAPE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    bool rises;   /* some step goes up */
    bool falls;   /* some step goes down */
    size_t turns; /* changes of direction between up and down (flat steps skipped) */
    size_t argmin, argmax; /* first index of the smallest and of the largest value */
    size_t last_turn;      /* index of the value where the last turn happened (0 if none) */
} aics_shape;

/* The shape of the n values v[0], v[stride], …, v[(n − 1)·stride] (n ≥ 1). */
aics_shape aics_shape_of(const double *v, size_t n, size_t stride, double rel_tol);

/* Only rises or only falls (flat allowed): !(rises && falls). */
bool aics_shape_monotone(aics_shape s);

/* "Falls and levels off": the values never rise, do fall, and the last step
 * v[n−2] → v[n−1] is at most `share` of the whole fall v[0] − v[n−1]
 * (n ≥ 2). Used for claims like "方差随 B 下降并趋于平稳". */
bool aics_shape_falls_and_levels(const double *v, size_t n, size_t stride, double rel_tol, double share);

/* "Rises all the way after its minimum": from the (first) smallest value on,
 * the values never fall and do rise. False when the minimum is the last
 * value. */
bool aics_shape_rises_after_min(const double *v, size_t n, size_t stride, double rel_tol);

#endif
