/* test_momentum.c — the heavy ball (src/models/momentum.h) against values
 * worked by hand for exercise 2.9 (η = 0.05, λ = 1 and 25). */
#include <check.h>
#include <math.h>

#include "momentum.h"

/* α = 0: plain gradient descent, z = 1 − ηλ: 0.95 for λ = 1, −0.25 for λ = 25. */
START_TEST(test_plain_descent)
{
    ck_assert_double_eq_tol(aics_momentum_root_modulus(0, 0.05, 1), 0.95, 1e-15);
    ck_assert_double_eq_tol(aics_momentum_root_modulus(0, 0.05, 25), 0.25, 1e-15);
}
END_TEST

/* α = 0.6, λ = 1: z² − 1.55z + 0.6 = (z − 0.8)(z − 0.75); λ = 25: discriminant
 * 0.35² − 2.4 < 0, complex roots of modulus √0.6. */
START_TEST(test_real_and_complex_roots)
{
    ck_assert_double_eq_tol(aics_momentum_root_modulus(0.6, 0.05, 1), 0.8, 1e-14);
    ck_assert_double_eq_tol(aics_momentum_root_modulus(0.6, 0.05, 25), sqrt(0.6), 1e-14);
}
END_TEST

/* α = −0.5, λ = 25: z² + 0.75z − 0.5, roots (−0.75 ± √2.5625)/2; |−1.1754| > 1: diverges,
 * as ηλ = 1.25 ≥ 2(1 + α) = 1 says. */
START_TEST(test_negative_momentum_diverges)
{
    double r = aics_momentum_root_modulus(-0.5, 0.05, 25);
    ck_assert_double_eq_tol(r, (0.75 + sqrt(2.5625)) / 2, 1e-14);
    ck_assert(r > 1);
}
END_TEST

/* Two steps by hand from x = 1, v = 0 with α = 0.5, η = 0.1, λ = 2:
 * v = −0.2, x = 0.8; v = 0.5·(−0.2) − 0.1·2·0.8 = −0.26, x = 0.54. */
START_TEST(test_steps_by_hand)
{
    double x = 1, v = 0, lambda = 2;
    aics_momentum_step(&x, &v, &lambda, 1, 0.5, 0.1);
    ck_assert_double_eq_tol(x, 0.8, 1e-15);
    aics_momentum_step(&x, &v, &lambda, 1, 0.5, 0.1);
    ck_assert_double_eq_tol(v, -0.26, 1e-15);
    ck_assert_double_eq_tol(x, 0.54, 1e-15);
}
END_TEST

Suite *momentum_suite(void)
{
    Suite *s = suite_create("momentum");
    TCase *c = tcase_create("Core");
    tcase_add_test(c, test_plain_descent);
    tcase_add_test(c, test_real_and_complex_roots);
    tcase_add_test(c, test_negative_momentum_diverges);
    tcase_add_test(c, test_steps_by_hand);
    suite_add_tcase(s, c);
    return s;
}
