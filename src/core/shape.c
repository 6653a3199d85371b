/* shape.c — rises, falls and turns of a sequence (see shape.h). */
#include "shape.h"

#include <math.h>

aics_shape aics_shape_of(const double *v, size_t n, size_t stride, double rel_tol)
{
    aics_shape s = {false, false, 0, 0, 0, 0};
    for (size_t k = 0; k < n; k++) {
        double x = v[k * stride];
        if (x < v[s.argmin * stride]) s.argmin = k;
        if (x > v[s.argmax * stride]) s.argmax = k;
    }
    int dir = 0; /* the last non-flat direction: +1 up, −1 down */
    for (size_t k = 1; k < n; k++) {
        double a = v[(k - 1) * stride], b = v[k * stride], step = b - a, tol = rel_tol * fmax(fabs(a), fabs(b));
        int d = step > tol ? 1 : step < -tol ? -1 : 0;
        if (d == 0) continue;
        if (d > 0) s.rises = true;
        else s.falls = true;
        if (dir != 0 && d != dir) s.turns++, s.last_turn = k - 1;
        dir = d;
    }
    return s;
}

bool aics_shape_monotone(aics_shape s) { return !(s.rises && s.falls); }

bool aics_shape_falls_and_levels(const double *v, size_t n, size_t stride, double rel_tol, double share)
{
    if (n < 2) return false;
    aics_shape s = aics_shape_of(v, n, stride, rel_tol);
    double whole = v[0] - v[(n - 1) * stride], last = v[(n - 2) * stride] - v[(n - 1) * stride];
    return !s.rises && s.falls && last <= share * whole;
}

bool aics_shape_rises_after_min(const double *v, size_t n, size_t stride, double rel_tol)
{
    if (n == 0) return false;
    size_t m = aics_shape_of(v, n, stride, rel_tol).argmin;
    aics_shape after = aics_shape_of(v + m * stride, n - m, stride, rel_tol);
    return after.rises && !after.falls;
}
