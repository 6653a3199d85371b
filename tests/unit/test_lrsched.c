/* test_lrsched.c — exponential decay (src/models/lrsched.h) against values
 * worked by hand for exercise 4.8: η₀ = 0.1, r = 0.9, T = 10000. */
#include <check.h>
#include <math.h>

#include "lrsched.h"

static const aics_lrsched stair = {0.1, 0.9, 10000, true};
static const aics_lrsched smooth = {0.1, 0.9, 10000, false};

/* By hand: ⌊25000/10000⌋ = 2, so 0.1 × 0.9² = 0.081; 0.9^2.5 = 0.81 × √0.9. */
START_TEST(test_at_25000)
{
    ck_assert_double_eq_tol(aics_lrsched_at(&stair, 25000), 0.081, 1e-15);
    ck_assert_double_eq_tol(aics_lrsched_at(&smooth, 25000), 0.081 * sqrt(0.9), 1e-15);
}
END_TEST

START_TEST(test_staircase_steps)
{
    ck_assert_double_eq(aics_lrsched_at(&stair, 0), 0.1);
    ck_assert_double_eq(aics_lrsched_at(&stair, 9999), 0.1);
    ck_assert_double_eq_tol(aics_lrsched_at(&stair, 10000), 0.09, 1e-16);
    ck_assert_double_eq_tol(aics_lrsched_at(&stair, 19999), 0.09, 1e-16);
    ck_assert_double_eq_tol(aics_lrsched_at(&stair, 20000), 0.081, 1e-16);
    /* The two forms agree at multiples of T and the staircase lies above between them. */
    for (int64_t k = 0; k <= 10; k++)
        ck_assert_double_eq_tol(aics_lrsched_at(&stair, k * 10000), aics_lrsched_at(&smooth, k * 10000), 1e-15);
    ck_assert(aics_lrsched_at(&stair, 15000) > aics_lrsched_at(&smooth, 15000));
}
END_TEST

/* 0.9^21 = 0.1094… and 0.9^22 = 0.0985…, so the staircase first drops below
 * 0.01 (a tenth of η₀) at t = 220000; the continuous form where
 * t = 10000 · ln 0.1 / ln 0.9 = 218543.5…, i.e. at t = 218544. */
START_TEST(test_first_below)
{
    ck_assert_int_eq(aics_lrsched_first_below(&stair, 0.01), 220000);
    ck_assert_int_eq(aics_lrsched_first_below(&smooth, 0.01), 218544);
    aics_lrsched flat = {0.1, 1.0, 10, true};
    ck_assert_int_eq(aics_lrsched_first_below(&flat, 0.01), -1);
}
END_TEST

Suite *lrsched_suite(void)
{
    Suite *s = suite_create("lrsched");
    TCase *c = tcase_create("Core");
    tcase_add_test(c, test_at_25000);
    tcase_add_test(c, test_staircase_steps);
    tcase_add_test(c, test_first_below);
    suite_add_tcase(s, c);
    return s;
}
