/* dual.h — forward-mode automatic differentiation with dual numbers.
 *
 * A dual number a + b·ε with ε² = 0 carries a value `v` and a derivative `d`.
 * Evaluating f on aics_dual_var(x) gives f(x) in `.v` and f'(x) in `.d`, exact
 * up to rounding: there is no step size, so no truncation error. Values are
 * passed and returned by value; nothing is allocated.
 */
#ifndef AICS_DUAL_H
#define AICS_DUAL_H

typedef struct {
    double v; /* value */
    double d; /* derivative with respect to the seeded variable */
} aics_dual;

/* The variable x itself (derivative 1) and a constant c (derivative 0). */
aics_dual aics_dual_var(double x);
aics_dual aics_dual_const(double c);

aics_dual aics_dual_add(aics_dual a, aics_dual b);
aics_dual aics_dual_sub(aics_dual a, aics_dual b);
aics_dual aics_dual_mul(aics_dual a, aics_dual b);
aics_dual aics_dual_div(aics_dual a, aics_dual b);
aics_dual aics_dual_neg(aics_dual a);
aics_dual aics_dual_scale(aics_dual a, double k);
aics_dual aics_dual_add_const(aics_dual a, double c);

aics_dual aics_dual_exp(aics_dual a);
aics_dual aics_dual_log(aics_dual a);   /* a.v > 0 */
aics_dual aics_dual_sqrt(aics_dual a);  /* a.v > 0 */
aics_dual aics_dual_pow(aics_dual a, double p); /* a.v > 0, or integral p */
aics_dual aics_dual_tanh(aics_dual a);
aics_dual aics_dual_sigmoid(aics_dual a);
aics_dual aics_dual_sin(aics_dual a);
aics_dual aics_dual_cos(aics_dual a);

#endif
