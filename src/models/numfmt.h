/* numfmt.h — how bits become numbers: unsigned and two's-complement integers
 * and IEEE 754 binary32 (exercises 8.5 and 8.6).
 *
 * Bit patterns are written most significant bit first, as in the textbook
 * ("10011001"); blanks and underscores between bits are ignored, so
 * "1 10000101 1111111…" reads as written. Nothing here depends on how the
 * machine stores a float: binary32 is decoded field by field with exact
 * arithmetic (every binary32 value is exactly a double).
 *
 * binary32 fields: sign s (bit 31), biased exponent e (bits 30–23, bias 127),
 * fraction f (bits 22–0). The value is
 *     e = 1…254   normal:     (−1)^s · (1 + f/2²³) · 2^(e−127)
 *     e = 0       subnormal:  (−1)^s · (f/2²³) · 2^(−126)   (zero when f = 0)
 *     e = 255     infinity when f = 0, else NaN.
 * A subnormal's scale is 2^(−126), not 2^(−127): the common mistake.
 */
#ifndef AICS_NUMFMT_H
#define AICS_NUMFMT_H

#include <stdbool.h>
#include <stdint.h>

/* Read a bit pattern of exactly `nbits` (1…64) bits into *out. Returns false
 * (and leaves *out alone) when the text holds another character or another
 * number of bits. */
bool aics_bits_parse(const char *text, int nbits, uint64_t *out);

/* A pattern the user typed as positional argument `index` (0-based): nbits
 * binary digits as aics_bits_parse() reads them, or, when `hex`, also "0x"
 * and exactly nbits/4 hexadecimal digits. Anything else ends the program
 * with a usage error (exit 2) naming the argument. */
uint64_t aics_bits_arg(const char *text, int index, int nbits, bool hex);

/* The pattern's value read as an unsigned integer and as an nbits-wide two's
 * complement integer (the top bit weighs −2^(nbits−1)). nbits is 1…63. */
uint64_t aics_bits_unsigned(uint64_t bits, int nbits);
int64_t aics_bits_twos(uint64_t bits, int nbits);

typedef enum {
    AICS_F32_ZERO,
    AICS_F32_SUBNORMAL,
    AICS_F32_NORMAL,
    AICS_F32_INF,
    AICS_F32_NAN
} aics_f32_class;

typedef struct {
    int sign;              /* 0 or 1 */
    int exp_bits;          /* the stored exponent field, 0…255 */
    uint32_t frac_bits;    /* the stored fraction field, 0…2²³−1 */
    aics_f32_class cls;
    int exponent;          /* the power of two applied: e − 127, or −126 for subnormals and zero */
    double significand;    /* 1 + f/2²³ for normals, f/2²³ otherwise (NaN/inf: 0) */
    double value;          /* the exact value; ±HUGE_VAL for infinities, NaN for NaN */
} aics_f32_fields;

/* Decode a binary32 pattern field by field. */
aics_f32_fields aics_f32_decode(uint32_t bits);

/* The class's Chinese name ("规格化数", "非规格化数", …). */
const char *aics_f32_class_name(aics_f32_class c);

#endif
