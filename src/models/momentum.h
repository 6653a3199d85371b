/* momentum.h — gradient descent with momentum (the heavy ball) on a diagonal
 * quadratic f(x) = ½ Σ λ_i x_i², exercise 2.9.
 *
 *     v ← α·v − η·∇f(x),   x ← x + v.
 *
 * Along eigen-direction i the iterates obey x_{k+1} = (1 + α − ηλ_i)·x_k − α·x_{k−1},
 * whose characteristic polynomial is z² − (1 + α − ηλ_i)·z + α. The error
 * shrinks asymptotically by the largest root modulus per step (the rate); the
 * iteration converges when every rate is below 1, that is when −1 < α < 1 and
 * 0 < ηλ_i < 2(1 + α).
 */
#ifndef AICS_MOMENTUM_H
#define AICS_MOMENTUM_H

#include <stddef.h>

/* The largest |z| with z² − (1 + α − ηλ)z + α = 0. */
double aics_momentum_root_modulus(double alpha, double eta, double lambda);

/* One heavy-ball step on f = ½ Σ λ_i x_i² in n dimensions: x and v updated in place. */
void aics_momentum_step(double *x, double *v, const double *lambda, size_t n, double alpha,
                        double eta);

#endif
