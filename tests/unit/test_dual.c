/* test_dual.c — dual numbers against derivatives known in closed form. */
#include <check.h>
#include <math.h>

#include "dual.h"

#define TOL 1e-14 /* relative; a few ulps of rounding in each rule */

static void assert_close(double got, double want, const char *what)
{
    ck_assert_msg(fabs(got - want) <= TOL * fmax(1.0, fabs(want)),
                  "%s: got %.17g, expected %.17g (tolerance %g relative).", what, got, want, TOL);
}

START_TEST(polynomial_and_quotient)
{
    /* f(x) = (3x² + 2x) / (x + 1) at x = 2: f' = (6x+2)(x+1) − (3x²+2x) over (x+1)² = 26/9. */
    aics_dual x = aics_dual_var(2.0);
    aics_dual num = aics_dual_add(aics_dual_scale(aics_dual_mul(x, x), 3.0), aics_dual_scale(x, 2.0));
    aics_dual f = aics_dual_div(num, aics_dual_add_const(x, 1.0));
    assert_close(f.v, 16.0 / 3.0, "f(2)");
    assert_close(f.d, 26.0 / 9.0, "f'(2)");
}
END_TEST

START_TEST(elementary_functions)
{
    double x = 0.7;
    aics_dual v = aics_dual_var(x);
    assert_close(aics_dual_exp(v).d, exp(x), "d/dx exp");
    assert_close(aics_dual_log(v).d, 1.0 / x, "d/dx log");
    assert_close(aics_dual_sqrt(v).d, 0.5 / sqrt(x), "d/dx sqrt");
    assert_close(aics_dual_pow(v, -1.5).d, -1.5 * pow(x, -2.5), "d/dx x^-1.5");
    assert_close(aics_dual_tanh(v).d, 1.0 - tanh(x) * tanh(x), "d/dx tanh");
    double s = 1.0 / (1.0 + exp(-x));
    assert_close(aics_dual_sigmoid(v).d, s * (1.0 - s), "d/dx sigmoid");
    assert_close(aics_dual_neg(aics_dual_sub(aics_dual_const(1.0), v)).d, 1.0, "d/dx (x − 1)");
}
END_TEST

/* sin' = cos and cos' = −sin, by hand at 0 and π/2; and sin² + cos² = 1 has derivative 0. */
START_TEST(trigonometric_functions)
{
    aics_dual s0 = aics_dual_sin(aics_dual_var(0.0)), c0 = aics_dual_cos(aics_dual_var(0.0));
    ck_assert(s0.v == 0 && s0.d == 1 && c0.v == 1 && c0.d == 0);
    aics_dual x = aics_dual_var(0.7);
    aics_dual one = aics_dual_add(aics_dual_mul(aics_dual_sin(x), aics_dual_sin(x)),
                                  aics_dual_mul(aics_dual_cos(x), aics_dual_cos(x)));
    ck_assert_double_eq_tol(one.v, 1.0, 1e-15);
    ck_assert_double_eq_tol(one.d, 0.0, 1e-15);
}
END_TEST

START_TEST(constants_have_zero_derivative)
{
    aics_dual c = aics_dual_const(5.0);
    ck_assert_msg(aics_dual_exp(c).d == 0.0, "A constant's derivative should be exactly 0.");
    ck_assert_msg(aics_dual_mul(c, aics_dual_var(3.0)).d == 5.0, "d/dx (5x) should be exactly 5.");
}
END_TEST

START_TEST(saturated_sigmoid_stays_finite)
{
    /* Far out the derivative underflows towards 0 but must not become NaN. */
    aics_dual s = aics_dual_sigmoid(aics_dual_var(-700.0));
    ck_assert_msg(isfinite(s.d) && s.d >= 0.0 && s.d < 1e-300, "σ'(−700) should be a tiny finite number.");
    aics_dual t = aics_dual_tanh(aics_dual_var(50.0));
    ck_assert_msg(t.d == 0.0, "tanh'(50) should round to exactly 0.");
}
END_TEST

Suite *dual_suite(void)
{
    Suite *s = suite_create("dual");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, polynomial_and_quotient);
    tcase_add_test(core, elementary_functions);
    tcase_add_test(core, constants_have_zero_derivative);
    tcase_add_test(core, trigonometric_functions);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_add_test(limits, saturated_sigmoid_stays_finite);
    suite_add_tcase(s, limits);
    return s;
}
