/* intmath.h — exact 64-bit counting with overflow checks.
 *
 * Every count in AICS Workbook (multiplications, parameters, neurons) is an
 * int64_t computed through these helpers. They return false instead of
 * wrapping, so a caller can report "count overflows 64 bits" with context.
 */
#ifndef AICS_INTMATH_H
#define AICS_INTMATH_H

#include <stdbool.h>
#include <stdint.h>

/* *out = a + b, a * b, a - b; false (and *out untouched) on overflow. */
static inline bool aics_add_i64(int64_t a, int64_t b, int64_t *out)
{
    int64_t r;
    if (__builtin_add_overflow(a, b, &r)) return false;
    *out = r;
    return true;
}

static inline bool aics_mul_i64(int64_t a, int64_t b, int64_t *out)
{
    int64_t r;
    if (__builtin_mul_overflow(a, b, &r)) return false;
    *out = r;
    return true;
}

static inline bool aics_sub_i64(int64_t a, int64_t b, int64_t *out)
{
    int64_t r;
    if (__builtin_sub_overflow(a, b, &r)) return false;
    *out = r;
    return true;
}

/* Format `v` with thousands separators ("1,234,567") into buf (>= 32 bytes). */
char *aics_fmt_thousands(int64_t v, char *buf);

#endif
