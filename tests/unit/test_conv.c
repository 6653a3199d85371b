/* test_conv.c — convolution and max pooling (src/models/conv.h) against
 * results worked by hand, and the two convolutions against each other. */
#include <check.h>
#include <math.h>

#include "conv.h"
#include "rng.h"

/* 1×3×3 input 1…9, one 2×2 filter of ones, stride 1, no padding: each output
 * is the sum of a 2×2 block, 1+2+4+5 = 12, 2+3+5+6 = 16, 4+5+7+8 = 24, 28;
 * bias 0.5 on top. */
START_TEST(test_conv_by_hand)
{
    aics_conv_shape s = {1, 3, 3, 1, 2, 1, 0};
    double in[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9}, w[4] = {1, 1, 1, 1}, b = 0.5, out[4], cols[16];
    ck_assert_int_eq(aics_conv_out_h(&s), 2);
    aics_conv_direct(&s, in, w, &b, out);
    ck_assert(out[0] == 12.5 && out[1] == 16.5 && out[2] == 24.5 && out[3] == 28.5);
    aics_conv_gemm(&s, in, w, &b, cols, out);
    ck_assert(out[0] == 12.5 && out[1] == 16.5 && out[2] == 24.5 && out[3] == 28.5);
}
END_TEST

/* Padding 1, stride 2 on a 3×3 input with a 3×3 filter of ones: outputs at
 * the four corners, each the sum of the 2×2 block there: 12, 16, 24, 28. */
START_TEST(test_conv_pad_stride_by_hand)
{
    aics_conv_shape s = {1, 3, 3, 1, 3, 2, 1};
    double in[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9}, w[9], b = 0, out[4], cols[36];
    for (int i = 0; i < 9; i++) w[i] = 1;
    ck_assert_int_eq(aics_conv_out_h(&s), 2);
    aics_conv_direct(&s, in, w, &b, out);
    ck_assert(out[0] == 12 && out[1] == 16 && out[2] == 24 && out[3] == 28);
    aics_conv_gemm(&s, in, w, &b, cols, out);
    ck_assert(out[0] == 12 && out[1] == 16 && out[2] == 24 && out[3] == 28);
}
END_TEST

START_TEST(test_direct_equals_gemm_random)
{
    aics_conv_shape s = {3, 7, 6, 4, 3, 2, 1};
    aics_rng rng;
    aics_rng_seed(&rng, 5, 7);
    double in[3 * 7 * 6], w[4 * 3 * 9], b[4], a[4 * 4 * 3], g[4 * 4 * 3], cols[27 * 12];
    for (size_t i = 0; i < sizeof in / sizeof *in; i++) in[i] = aics_rng_normal(&rng);
    for (size_t i = 0; i < sizeof w / sizeof *w; i++) w[i] = aics_rng_normal(&rng);
    for (int i = 0; i < 4; i++) b[i] = aics_rng_normal(&rng);
    aics_conv_direct(&s, in, w, b, a);
    aics_conv_gemm(&s, in, w, b, cols, g);
    for (size_t i = 0; i < sizeof a / sizeof *a; i++) ck_assert_double_eq(a[i], g[i]);
}
END_TEST

/* 4×4 input, 2×2 windows: maxima 6 (index 5), 8 (7), 14 (13), 16 (15); the
 * gradient goes to those four positions only. */
START_TEST(test_maxpool_by_hand)
{
    double in[16], out[4], dout[4] = {1, 2, 3, 4}, din[16];
    int arg[4];
    for (int i = 0; i < 16; i++) in[i] = i + 1;
    aics_maxpool(in, 4, 4, 2, out, arg);
    ck_assert(out[0] == 6 && out[1] == 8 && out[2] == 14 && out[3] == 16);
    ck_assert(arg[0] == 5 && arg[1] == 7 && arg[2] == 13 && arg[3] == 15);
    aics_maxpool_backward(dout, arg, 4, 4, 2, din);
    double sum = 0;
    for (int i = 0; i < 16; i++) sum += din[i];
    ck_assert(din[5] == 1 && din[7] == 2 && din[13] == 3 && din[15] == 4 && sum == 10);
}
END_TEST

Suite *conv_suite(void)
{
    Suite *s = suite_create("conv");
    TCase *c = tcase_create("Core");
    tcase_add_test(c, test_conv_by_hand);
    tcase_add_test(c, test_conv_pad_stride_by_hand);
    tcase_add_test(c, test_direct_equals_gemm_random);
    tcase_add_test(c, test_maxpool_by_hand);
    suite_add_tcase(s, c);
    return s;
}
