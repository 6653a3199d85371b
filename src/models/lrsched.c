/* lrsched.c — exponential learning-rate decay (see lrsched.h). */
#include "lrsched.h"

#include <math.h>

#include "error.h"

/* r^k for an integer k >= 0 by repeated squaring. */
static double int_power(double r, int64_t k)
{
    double result = 1.0;
    while (k > 0) {
        if (k & 1) result *= r;
        r *= r;
        k >>= 1;
    }
    return result;
}

// ANCHOR: decay
double aics_lrsched_at(const aics_lrsched *s, int64_t t)
{
    AICS_CHECK(s->period >= 1 && t >= 0, "the period is at least 1 and t is not negative");
    if (s->staircase) return s->lr0 * int_power(s->rate, t / s->period); /* ⌊t/T⌋ */
    return s->lr0 * pow(s->rate, (double)t / (double)s->period);
}
// ANCHOR_END: decay

int64_t aics_lrsched_first_below(const aics_lrsched *s, double target)
{
    if (!(s->rate < 1.0) || !(s->rate > 0.0)) return -1;
    /* Solve r^(t/T) < target/η₀ for t, then settle the rounding by looking. */
    double x = log(target / s->lr0) / log(s->rate) * (double)s->period;
    int64_t t = x < 0 ? 0 : (int64_t)x;
    if (s->staircase) t = t / s->period * s->period;
    int64_t step = s->staircase ? s->period : 1;
    while (t >= step && aics_lrsched_at(s, t - step) < target) t -= step;
    while (aics_lrsched_at(s, t) >= target) t += step;
    return t;
}
