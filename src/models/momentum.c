/* momentum.c — the heavy ball on a diagonal quadratic (see momentum.h). */
#include "momentum.h"

#include <complex.h>
#include <math.h>

// ANCHOR: theory
double aics_momentum_root_modulus(double alpha, double eta, double lambda)
{
    double b = 1 + alpha - eta * lambda;
    double complex d = csqrt((double complex)(b * b - 4 * alpha));
    return fmax(cabs((b + d) / 2), cabs((b - d) / 2));
}
// ANCHOR_END: theory

// ANCHOR: step
void aics_momentum_step(double *x, double *v, const double *lambda, size_t n, double alpha,
                        double eta)
{
    for (size_t i = 0; i < n; i++) {
        v[i] = alpha * v[i] - eta * lambda[i] * x[i]; /* ∂f/∂x_i = λ_i x_i */
        x[i] += v[i];
    }
}
// ANCHOR_END: step
