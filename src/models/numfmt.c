/* numfmt.c — bits to numbers (see numfmt.h). */
#include "numfmt.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

bool aics_bits_parse(const char *text, int nbits, uint64_t *out)
{
    AICS_CHECK(nbits >= 1 && nbits <= 64, "a bit pattern has 1 to 64 bits");
    uint64_t v = 0;
    int n = 0;
    for (const char *p = text; *p; p++) {
        if (*p == ' ' || *p == '_') continue;
        if (*p != '0' && *p != '1') return false;
        if (++n > nbits) return false;
        v = (v << 1) | (uint64_t)(*p - '0');
    }
    if (n != nbits) return false;
    *out = v;
    return true;
}

/* "0x" and exactly nbits/4 hex digits (no sign, no blanks: strtoull would take them). */
static bool hex_parse(const char *text, int nbits, uint64_t *out)
{
    size_t digits = (size_t)nbits / 4;
    if (nbits % 4 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X') || strlen(text + 2) != digits) return false;
    if (strspn(text + 2, "0123456789abcdefABCDEF") != digits) return false;
    *out = strtoull(text + 2, NULL, 16);
    return true;
}

uint64_t aics_bits_arg(const char *text, int index, int nbits, bool hex)
{
    uint64_t v;
    if (hex && hex_parse(text, nbits, &v)) return v;
    if (aics_bits_parse(text, nbits, &v)) return v;
    if (hex) aics_die_usage("参数 %d “%s”：应为 %d 个二进制位或 0x 加 %d 位十六进制", index + 1, text, nbits, nbits / 4);
    aics_die_usage("参数 %d “%s”：应为 %d 个二进制位（0 或 1）", index + 1, text, nbits);
}

uint64_t aics_bits_unsigned(uint64_t bits, int nbits)
{
    AICS_CHECK(nbits >= 1 && nbits <= 63, "1 to 63 bits");
    return bits & ((UINT64_C(1) << nbits) - 1);
}

// ANCHOR: twos
int64_t aics_bits_twos(uint64_t bits, int nbits)
{
    uint64_t u = aics_bits_unsigned(bits, nbits);
    int64_t top = (int64_t)(UINT64_C(1) << (nbits - 1)); /* the sign bit's weight, 2^(n−1) */
    /* The top bit weighs −2^(n−1) instead of +2^(n−1): subtract it twice. */
    return (u & (uint64_t)top) ? (int64_t)u - 2 * top : (int64_t)u;
}
// ANCHOR_END: twos

// ANCHOR: f32
aics_f32_fields aics_f32_decode(uint32_t bits)
{
    aics_f32_fields d = {0};
    d.sign = (int)(bits >> 31);
    d.exp_bits = (int)((bits >> 23) & 0xFF);
    d.frac_bits = bits & 0x7FFFFF;
    double frac = ldexp((double)d.frac_bits, -23); /* f / 2²³, exact */
    double sign = d.sign ? -1.0 : 1.0;
    if (d.exp_bits == 255) {
        d.cls = d.frac_bits ? AICS_F32_NAN : AICS_F32_INF;
        d.value = d.frac_bits ? NAN : sign * HUGE_VAL;
        return d;
    }
    if (d.exp_bits == 0) { /* no hidden 1, and the scale stays at 2^(1−127) */
        d.cls = d.frac_bits ? AICS_F32_SUBNORMAL : AICS_F32_ZERO;
        d.exponent = -126;
        d.significand = frac;
    } else {
        d.cls = AICS_F32_NORMAL;
        d.exponent = d.exp_bits - 127;
        d.significand = 1.0 + frac;
    }
    d.value = sign * ldexp(d.significand, d.exponent); /* exact: 24 bits fit a double */
    return d;
}
// ANCHOR_END: f32

const char *aics_f32_class_name(aics_f32_class c)
{
    static const char *const names[] = {[AICS_F32_ZERO] = "零", [AICS_F32_SUBNORMAL] = "非规格化数",
                                        [AICS_F32_NORMAL] = "规格化数", [AICS_F32_INF] = "无穷大",
                                        [AICS_F32_NAN] = "NaN"};
    return (unsigned)c < sizeof names / sizeof *names ? names[c] : "?";
}
