/* test_rng.c — PCG32 against the reference implementation's published output. */
#include <check.h>
#include <math.h>
#include <stdlib.h>

#include "rng.h"

/* pcg32-demo (pcg-c-basic) seeds with 42, stream 54 and prints these first six. */
START_TEST(matches_reference_sequence)
{
    static const uint32_t expected[] = {0xa15c02b7, 0x7b47f409, 0xba1d3330,
                                        0x83d2f293, 0xbfa4784b, 0xcbed606e};
    aics_rng r;
    aics_rng_seed(&r, 42u, 54u);
    for (int i = 0; i < 6; i++)
        ck_assert_msg(aics_rng_u32(&r) == expected[i],
                      "Output %d should match pcg32-demo's published value.", i);
}
END_TEST

START_TEST(same_seed_same_sequence)
{
    aics_rng a, b;
    aics_rng_seed(&a, 7, 1);
    aics_rng_seed(&b, 7, 1);
    for (int i = 0; i < 1000; i++)
        ck_assert_msg(aics_rng_uniform(&a) == aics_rng_uniform(&b),
                      "Two generators with the same seed should agree at draw %d.", i);
    aics_rng_seed(&b, 8, 1);
    ck_assert_msg(aics_rng_u32(&a) != aics_rng_u32(&b), "A different seed should give a different draw.");
}
END_TEST

START_TEST(uniform_and_normal_moments)
{
    aics_rng r;
    aics_rng_seed(&r, 2024, 0);
    enum { N = 200000 };
    double su = 0, sn = 0, sn2 = 0;
    for (int i = 0; i < N; i++) {
        double u = aics_rng_uniform(&r);
        ck_assert_msg(u >= 0.0 && u < 1.0, "uniform() should stay in [0, 1).");
        su += u;
        double z = aics_rng_normal(&r);
        sn += z;
        sn2 += z * z;
    }
    /* Standard errors: 0.29/sqrt(N) = 6.5e-4 for the mean of U, 1/sqrt(N) = 2.2e-3 for Z. */
    ck_assert_msg(fabs(su / N - 0.5) < 5e-3, "The uniform mean should be 0.5 within 5e-3.");
    ck_assert_msg(fabs(sn / N) < 1.2e-2, "The normal mean should be 0 within 1.2e-2.");
    ck_assert_msg(fabs(sn2 / N - 1.0) < 2e-2, "The normal variance should be 1 within 2e-2.");
}
END_TEST

START_TEST(below_covers_range_without_bias)
{
    aics_rng r;
    aics_rng_seed(&r, 1, 1);
    int counts[3] = {0};
    for (int i = 0; i < 30000; i++) {
        uint32_t k = aics_rng_below(&r, 3);
        ck_assert_msg(k < 3, "below(3) should return 0, 1 or 2.");
        counts[k]++;
    }
    for (int k = 0; k < 3; k++)
        ck_assert_msg(abs(counts[k] - 10000) < 400, "Each residue should appear 10000 ± 400 times.");
}
END_TEST

START_TEST(below_one_and_huge_bounds)
{
    aics_rng r;
    aics_rng_seed(&r, 3, 3);
    for (int i = 0; i < 100; i++) ck_assert_msg(aics_rng_below(&r, 1) == 0, "below(1) is always 0.");
    for (int i = 0; i < 100; i++)
        ck_assert_msg(aics_rng_below(&r, 0xFFFFFFFFu) < 0xFFFFFFFFu, "below(max) stays below max.");
}
END_TEST

START_TEST(shuffle_is_a_permutation)
{
    aics_rng r;
    aics_rng_seed(&r, 5, 0);
    uint32_t idx[50];
    int seen[50] = {0};
    for (uint32_t i = 0; i < 50; i++) idx[i] = i;
    aics_rng_shuffle(&r, idx, 50);
    for (int i = 0; i < 50; i++) seen[idx[i]]++;
    for (int i = 0; i < 50; i++) ck_assert_msg(seen[i] == 1, "Every index should appear exactly once.");
    aics_rng_shuffle(&r, idx, 0); /* an empty shuffle must not touch memory */
}
END_TEST

Suite *rng_suite(void)
{
    Suite *s = suite_create("rng");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, matches_reference_sequence);
    tcase_add_test(core, same_seed_same_sequence);
    tcase_add_test(core, uniform_and_normal_moments);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_add_test(limits, below_covers_range_without_bias);
    tcase_add_test(limits, below_one_and_huge_bounds);
    tcase_add_test(limits, shuffle_is_a_permutation);
    suite_add_tcase(s, limits);
    return s;
}
