/* dual.c — the derivative rules, one per operation (see dual.h). */
#include "dual.h"

#include <math.h>

aics_dual aics_dual_var(double x) { return (aics_dual){x, 1.0}; }
aics_dual aics_dual_const(double c) { return (aics_dual){c, 0.0}; }

aics_dual aics_dual_add(aics_dual a, aics_dual b)
{
    return (aics_dual){a.v + b.v, a.d + b.d};
}

aics_dual aics_dual_sub(aics_dual a, aics_dual b)
{
    return (aics_dual){a.v - b.v, a.d - b.d};
}

aics_dual aics_dual_mul(aics_dual a, aics_dual b)
{
    return (aics_dual){a.v * b.v, a.d * b.v + a.v * b.d};
}

aics_dual aics_dual_div(aics_dual a, aics_dual b)
{
    return (aics_dual){a.v / b.v, (a.d * b.v - a.v * b.d) / (b.v * b.v)};
}

aics_dual aics_dual_neg(aics_dual a) { return (aics_dual){-a.v, -a.d}; }

aics_dual aics_dual_scale(aics_dual a, double k)
{
    return (aics_dual){k * a.v, k * a.d};
}

aics_dual aics_dual_add_const(aics_dual a, double c)
{
    return (aics_dual){a.v + c, a.d};
}

aics_dual aics_dual_exp(aics_dual a)
{
    double e = exp(a.v);
    return (aics_dual){e, e * a.d};
}

aics_dual aics_dual_log(aics_dual a) { return (aics_dual){log(a.v), a.d / a.v}; }

aics_dual aics_dual_sqrt(aics_dual a)
{
    double s = sqrt(a.v);
    return (aics_dual){s, a.d / (2.0 * s)};
}

aics_dual aics_dual_pow(aics_dual a, double p)
{
    return (aics_dual){pow(a.v, p), p * pow(a.v, p - 1.0) * a.d};
}

aics_dual aics_dual_tanh(aics_dual a)
{
    double t = tanh(a.v);
    return (aics_dual){t, (1.0 - t * t) * a.d};
}

/* Written as the composition 1/(1+exp(-a)) on purpose: the chain rule, not
 * the closed form σ(1−σ), produces the derivative, so it checks that form. */
aics_dual aics_dual_sigmoid(aics_dual a)
{
    aics_dual one = aics_dual_const(1.0);
    return aics_dual_div(one, aics_dual_add(one, aics_dual_exp(aics_dual_neg(a))));
}

aics_dual aics_dual_sin(aics_dual a) { return (aics_dual){sin(a.v), cos(a.v) * a.d}; }
aics_dual aics_dual_cos(aics_dual a) { return (aics_dual){cos(a.v), -sin(a.v) * a.d}; }
