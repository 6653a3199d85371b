/* test_regtree.c — the fully grown one-feature regression tree and bagging it,
 * against hand-worked splits. */
#include <check.h>
#include <math.h>

#include "regtree.h"
#include "resample.h"

START_TEST(tree_interpolates_distinct_points)
{
    const double x[5] = {0.9, 0.1, 0.5, 0.3, 0.7}, y[5] = {4, -1, 2, 7, 0};
    const uint32_t idx[5] = {0, 1, 2, 3, 4};
    aics_tree t;
    aics_tree_init(&t);
    aics_tree_fit(&t, x, y, idx, 5);
    for (int i = 0; i < 5; i++)
        ck_assert_msg(aics_tree_predict(&t, x[i]) == y[i], "A fully grown tree should return y at each of its x (point %d).", i);
    ck_assert_msg(t.count == 9, "5 distinct x need 5 leaves and 4 splits, 9 nodes, not %zu.", t.count);
    aics_tree_free(&t);
}
END_TEST

/* (0,0) (1,0) (2,10) (3,10): the best first cut is between 1 and 2, at 1.5,
 * which leaves SSE 0; the children then split at 0.5 and 2.5. */
START_TEST(tree_splits_at_the_best_midpoint)
{
    const double x[4] = {3, 0, 2, 1}, y[4] = {10, 0, 10, 0};
    const uint32_t idx[4] = {0, 1, 2, 3};
    aics_tree t;
    aics_tree_init(&t);
    aics_tree_fit(&t, x, y, idx, 4);
    ck_assert_msg(t.nodes[0].threshold == 1.5, "The root should cut at 1.5, not %g.", t.nodes[0].threshold);
    ck_assert_msg(t.nodes[0].value == 5.0, "The root's value should be the mean y, 5.");
    ck_assert_msg(aics_tree_predict(&t, 1.49) == 0.0 && aics_tree_predict(&t, 1.5) == 10.0,
                  "x < threshold goes left, x = threshold goes right.");
    aics_tree_free(&t);
}
END_TEST

/* Repeated rows (a bootstrap sample) and tied x: a leaf holds every point of
 * its x and predicts their mean. */
START_TEST(tree_averages_ties)
{
    const double x[3] = {0.2, 0.2, 0.8}, y[3] = {1, 3, 5};
    const uint32_t idx[5] = {0, 1, 1, 2, 2};
    aics_tree t;
    aics_tree_init(&t);
    aics_tree_fit(&t, x, y, idx, 5);
    ck_assert_msg(fabs(aics_tree_predict(&t, 0.2) - 7.0 / 3.0) < 1e-15, "The leaf at 0.2 should average 1, 3, 3.");
    ck_assert_msg(aics_tree_predict(&t, 0.8) == 5.0, "The leaf at 0.8 should be 5.");
    ck_assert_msg(t.count == 3, "Two distinct x give one split.");
    aics_tree_fit(&t, x, y, idx, 1); /* refit, smaller: one leaf */
    ck_assert_msg(t.count == 1 && aics_tree_predict(&t, 0.9) == 1.0, "A tree on one point is a leaf at that y.");
    aics_tree_free(&t);
}
END_TEST

START_TEST(bag_of_zero_is_one_tree_and_bag_is_deterministic)
{
    const double x[6] = {0.1, 0.4, 0.2, 0.9, 0.6, 0.3}, y[6] = {1, -2, 0.5, 3, 2, -1};
    const double q[4] = {0.0, 0.25, 0.5, 0.95};
    const uint32_t idx[6] = {0, 1, 2, 3, 4, 5};
    double single[4], a[4], b[4];
    aics_tree_bag(NULL, x, y, 6, 0, q, 4, single);
    aics_tree t;
    aics_tree_init(&t);
    aics_tree_fit(&t, x, y, idx, 6);
    for (int k = 0; k < 4; k++) ck_assert_msg(single[k] == aics_tree_predict(&t, q[k]), "B = 0 should be one tree on all rows.");
    aics_tree_free(&t);
    aics_rng r1, r2;
    aics_rng_seed(&r1, 7, 1);
    aics_rng_seed(&r2, 7, 1);
    aics_tree_bag(&r1, x, y, 6, 25, q, 4, a);
    aics_tree_bag(&r2, x, y, 6, 25, q, 4, b);
    for (int k = 0; k < 4; k++) {
        ck_assert_msg(a[k] == b[k], "The same seed should give the same bag.");
        ck_assert_msg(a[k] >= -2.0 && a[k] <= 3.0, "A bag of trees averages observed y values, so stays in their range.");
    }
}
END_TEST

Suite *regtree_suite(void)
{
    Suite *s = suite_create("regtree");
    TCase *c = tcase_create("Core");
    tcase_add_test(c, tree_interpolates_distinct_points);
    tcase_add_test(c, tree_splits_at_the_best_midpoint);
    tcase_add_test(c, tree_averages_ties);
    tcase_add_test(c, bag_of_zero_is_one_tree_and_bag_is_deterministic);
    suite_add_tcase(s, c);
    return s;
}
