/* test_shape.c — rises, falls and turns of a sequence; the shape of a ridge
 * path on a hand-made design; log-spaced epochs. */
#include <check.h>
#include <math.h>

#include "linreg.h"
#include "resample.h"
#include "shape.h"

START_TEST(shape_by_hand)
{
    const double up[4] = {1, 2, 2, 5}, dip[5] = {0.65, 1.26, 1.17, 13.9, 165}, wave[6] = {3, 1, 2, 0, 1, -1};
    aics_shape s = aics_shape_of(up, 4, 1, 1e-12);
    ck_assert_msg(aics_shape_monotone(s) && s.rises && !s.falls && s.turns == 0, "1 2 2 5 only rises.");
    s = aics_shape_of(dip, 5, 1, 1e-12);
    ck_assert_msg(s.turns == 2 && s.last_turn == 2 && s.argmin == 0 && s.argmax == 4, "Up, down, up: 2 turns, the last at index 2.");
    s = aics_shape_of(wave, 6, 1, 1e-12);
    ck_assert_msg(s.turns == 4 && !aics_shape_monotone(s), "3 1 2 0 1 −1 turns 4 times.");
    const double strided[6] = {1, 99, 2, -99, 3, 0};
    s = aics_shape_of(strided, 3, 2, 1e-12);
    ck_assert_msg(s.turns == 0 && !s.falls, "The stride skips the other column.");
}
END_TEST

START_TEST(rounding_is_flat_at_any_scale)
{
    const double big[3] = {1e300, 1e300 * (1 + 1e-15), 1e300}, grow[4] = {1, 10, 100, 1000};
    aics_shape s = aics_shape_of(big, 3, 1, 1e-12);
    ck_assert_msg(!s.rises && !s.falls && s.turns == 0, "A relative wobble of 1e-15 is flat.");
    s = aics_shape_of(grow, 4, 1, 1e-12);
    ck_assert_msg(s.rises && s.turns == 0, "Small early steps still count next to a huge last value.");
}
END_TEST

/* The two claims of ex2_5's captions, on hand-made sequences. */
START_TEST(falls_and_levels_rises_after_min)
{
    const double level[5] = {10, 6, 4, 3.5, 3.4}, steady[4] = {10, 7, 4, 1}, bump[4] = {10, 6, 6.5, 6.4};
    ck_assert_msg(aics_shape_falls_and_levels(level, 5, 1, 1e-12, 0.05), "10 6 4 3.5 3.4: the last step is 0.1 of 6.6.");
    ck_assert_msg(!aics_shape_falls_and_levels(steady, 4, 1, 1e-12, 0.05), "10 7 4 1 falls but does not level off.");
    ck_assert_msg(!aics_shape_falls_and_levels(bump, 4, 1, 1e-12, 0.5), "10 6 6.5 6.4 rises once: not only falling.");
    const double vee[5] = {3, 1, 2, 4, 9}, wobble[5] = {3, 1, 2, 1.9, 9}, down[3] = {3, 2, 1};
    ck_assert_msg(aics_shape_rises_after_min(vee, 5, 1, 1e-12), "3 1 2 4 9 rises all the way after the minimum.");
    ck_assert_msg(!aics_shape_rises_after_min(wobble, 5, 1, 1e-12), "2 → 1.9 is a fall after the minimum.");
    ck_assert_msg(!aics_shape_rises_after_min(down, 3, 1, 1e-12), "The minimum is last: nothing rises after it.");
}
END_TEST

/* Ridge on an orthogonal design (G = I): w_j(λ) = c_j/(1 + λ), all monotone,
 * no sign change. Then a path that is made to turn and change sign. */
START_TEST(path_shape_by_hand)
{
    double W[3 * 2] = {4, -1, 2, -0.5, 1, -0.25};
    aics_path_shape sh = aics_path_shape_of(W, 3, 2);
    ck_assert_msg(sh.nonmonotone == 0 && sh.sign_changes == 0 && sh.norm_monotone, "Shrinking together is monotone.");
    double V[3 * 2] = {1, 0.5, 3, -0.5, 1.5, -1};
    sh = aics_path_shape_of(V, 3, 2);
    ck_assert_msg(sh.nonmonotone == 1 && sh.sign_changes == 1, "w_1 rises and falls, w_2 changes sign.");
    ck_assert_msg(!sh.norm_monotone, "‖w‖ goes 1.118, 3.04, 1.80: not monotone.");
}
END_TEST

START_TEST(log_epochs_are_increasing_and_end_at_max)
{
    long e[401];
    size_t n = aics_log_epochs(100000, 400, e);
    ck_assert_msg(e[0] == 1 && e[n - 1] == 100000, "From 1 to the last epoch.");
    for (size_t i = 1; i < n; i++) ck_assert_msg(e[i] > e[i - 1], "Strictly increasing, no repeats.");
    ck_assert_msg(n < 401 && n > 300, "Repeats at the small end are dropped (%zu kept).", n);
}
END_TEST

Suite *shape_suite(void)
{
    Suite *s = suite_create("shape");
    TCase *c = tcase_create("Core");
    tcase_add_test(c, shape_by_hand);
    tcase_add_test(c, falls_and_levels_rises_after_min);
    tcase_add_test(c, rounding_is_flat_at_any_scale);
    tcase_add_test(c, path_shape_by_hand);
    tcase_add_test(c, log_epochs_are_increasing_and_end_at_max);
    suite_add_tcase(s, c);
    return s;
}
