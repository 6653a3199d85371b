/* intmath.c — thousands separators for readable terminal tables. */
#include "intmath.h"

#include <stdio.h>
#include <string.h>

char *aics_fmt_thousands(int64_t v, char *buf)
{
    char digits[32];
    /* Print the magnitude as unsigned so INT64_MIN works too. */
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)mag);
    char *p = buf;
    if (v < 0) *p++ = '-';
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0) *p++ = ',';
        *p++ = digits[i];
    }
    *p = '\0';
    return buf;
}
