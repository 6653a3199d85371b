/* test_numfmt.c — bits to numbers (src/models/numfmt.h) against values worked
 * by hand for exercises 8.5 and 8.6. */
#include <check.h>
#include <math.h>

#include "numfmt.h"

/* 10011001 = 128 + 16 + 8 + 1 = 153; as int8 153 − 256 = −103. */
START_TEST(test_8_5)
{
    uint64_t b;
    ck_assert(aics_bits_parse("10011001", 8, &b));
    ck_assert_uint_eq(b, 0x99);
    ck_assert_uint_eq(aics_bits_unsigned(b, 8), 153);
    ck_assert_int_eq(aics_bits_twos(b, 8), -103);
    ck_assert_int_eq(aics_bits_twos(0xFF, 8), -1);
    ck_assert_int_eq(aics_bits_twos(0x80, 8), -128);
    ck_assert_int_eq(aics_bits_twos(0x7F, 8), 127);
}
END_TEST

START_TEST(test_parse_rejects)
{
    uint64_t b = 7;
    ck_assert(!aics_bits_parse("1001100", 8, &b));   /* 7 bits */
    ck_assert(!aics_bits_parse("100110011", 8, &b)); /* 9 bits */
    ck_assert(!aics_bits_parse("1001 10x1", 8, &b));
    ck_assert(!aics_bits_parse("", 8, &b));
    ck_assert_uint_eq(b, 7);
    ck_assert(aics_bits_parse("1001_1001", 8, &b) && b == 0x99);
}
END_TEST

/* a: exponent 10000101 = 133, 133 − 127 = 6; significand 1.1111111₂ = 2 − 2⁻⁷;
 * value −(2 − 1/128) × 64 = −127.5. */
START_TEST(test_8_6_a)
{
    uint64_t b;
    ck_assert(aics_bits_parse("1 10000101 11111110000000000000000", 32, &b));
    aics_f32_fields d = aics_f32_decode((uint32_t)b);
    ck_assert_int_eq(d.cls, AICS_F32_NORMAL);
    ck_assert_int_eq(d.exponent, 6);
    ck_assert_double_eq(d.significand, 1.9921875);
    ck_assert_double_eq(d.value, -127.5);
}
END_TEST

/* b: exponent field 0, so subnormal: −0.1₂ × 2⁻¹²⁶ = −2⁻¹²⁷. */
START_TEST(test_8_6_b_subnormal)
{
    uint64_t b;
    ck_assert(aics_bits_parse("1 00000000 10000000000000000000000", 32, &b));
    aics_f32_fields d = aics_f32_decode((uint32_t)b);
    ck_assert_int_eq(d.cls, AICS_F32_SUBNORMAL);
    ck_assert_int_eq(d.exponent, -126);
    ck_assert_double_eq(d.value, -ldexp(1.0, -127));
}
END_TEST

START_TEST(test_special_values)
{
    ck_assert_int_eq(aics_f32_decode(0x00000000).cls, AICS_F32_ZERO);
    ck_assert(signbit(aics_f32_decode(0x80000000).value));
    ck_assert_double_eq(aics_f32_decode(0x3F800000).value, 1.0);
    ck_assert_double_eq(aics_f32_decode(0x00000001).value, ldexp(1.0, -149)); /* smallest subnormal */
    ck_assert_double_eq(aics_f32_decode(0x7F7FFFFF).value, ldexp(2.0 - ldexp(1.0, -23), 127));
    ck_assert_int_eq(aics_f32_decode(0xFF800000).cls, AICS_F32_INF);
    ck_assert(isinf(aics_f32_decode(0xFF800000).value) && aics_f32_decode(0xFF800000).value < 0);
    ck_assert_int_eq(aics_f32_decode(0x7FC00000).cls, AICS_F32_NAN);
}
END_TEST

/* A typed argument: binary (blanks allowed) or, for 8.6, 0x and 8 hex digits. */
START_TEST(test_bits_arg)
{
    ck_assert_uint_eq(aics_bits_arg("1001 1001", 0, 8, false), 0x99);
    ck_assert_uint_eq(aics_bits_arg("0x80400000", 0, 32, true), 0x80400000u);
    ck_assert_uint_eq(aics_bits_arg("0XfFfFfFfF", 1, 32, true), 0xffffffffu);
    ck_assert_uint_eq(aics_bits_arg("1 10000101 11111111111111111111111", 0, 32, true), 0xc2ffffffu);
}
END_TEST

/* strtoull would read a sign or blanks after 0x; a typed pattern has neither. */
#define BITS_ARG_REFUSED(test, text, nbits, hex) \
    START_TEST(test) { aics_bits_arg(text, 0, nbits, hex); } END_TEST
BITS_ARG_REFUSED(test_bits_arg_signed_hex, "0x-0000001", 32, true)
BITS_ARG_REFUSED(test_bits_arg_blank_hex, "0x 1234567", 32, true)
BITS_ARG_REFUSED(test_bits_arg_short_hex, "0x1234567", 32, true)
BITS_ARG_REFUSED(test_bits_arg_hex_not_asked, "0x99", 8, false)
BITS_ARG_REFUSED(test_bits_arg_nine_bits, "100110011", 8, false)

Suite *numfmt_suite(void)
{
    Suite *s = suite_create("numfmt");
    TCase *c = tcase_create("Core");
    tcase_add_test(c, test_8_5);
    tcase_add_test(c, test_parse_rejects);
    tcase_add_test(c, test_8_6_a);
    tcase_add_test(c, test_8_6_b_subnormal);
    tcase_add_test(c, test_special_values);
    tcase_add_test(c, test_bits_arg);
    tcase_add_exit_test(c, test_bits_arg_signed_hex, 2);
    tcase_add_exit_test(c, test_bits_arg_blank_hex, 2);
    tcase_add_exit_test(c, test_bits_arg_short_hex, 2);
    tcase_add_exit_test(c, test_bits_arg_hex_not_asked, 2);
    tcase_add_exit_test(c, test_bits_arg_nine_bits, 2);
    suite_add_tcase(s, c);
    return s;
}
