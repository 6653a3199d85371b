/* test_detect.c — IoU, matching and AP (src/models/detect.h) on exercise 3.3's
 * example, every value worked by hand. Ground truth A = [0,0,10,10],
 * B = [20,0,30,10]; detections by score: d1 [0,0,10,8] (IoU with A 80/100),
 * d2 [5,0,15,10] (50/150 with A), d3 [21,0,30,10] (90/100 with B),
 * d4 [0,0,10,10] (1 with A, a duplicate), d5 [40,0,50,10] (no overlap). */
#include <check.h>

#include "detect.h"

static const aics_box gt[] = {{0, 0, 10, 10}, {20, 0, 30, 10}};
static const aics_detection det[] = {
    {{0, 0, 10, 10}, 0.6}, {{0, 0, 10, 8}, 0.9}, {{40, 0, 50, 10}, 0.5},
    {{5, 0, 15, 10}, 0.8}, {{21, 0, 30, 10}, 0.7},
};

START_TEST(test_iou)
{
    ck_assert_double_eq_tol(aics_iou(det[1].box, gt[0]), 0.8, 1e-15);
    ck_assert_double_eq_tol(aics_iou(det[3].box, gt[0]), 1.0 / 3, 1e-15);
    ck_assert_double_eq_tol(aics_iou(det[4].box, gt[1]), 0.9, 1e-15);
    ck_assert_double_eq(aics_iou(det[2].box, gt[0]), 0.0);
    ck_assert_double_eq(aics_iou(gt[0], gt[0]), 1.0);
    aics_box touching = {10, 0, 20, 10}; /* shares an edge only */
    ck_assert_double_eq(aics_iou(touching, gt[0]), 0.0);
}
END_TEST

/* At 0.5: TP FP TP FP FP; precision 1, 1/2, 2/3, 2/4, 2/5; recall ½ ½ 1 1 1.
 * AP all-point = ½·1 + ½·⅔ = 5/6; 11-point = (6·1 + 5·⅔)/11 = 28/33. */
START_TEST(test_ap_at_half)
{
    size_t order[5];
    bool tp[5];
    double p[5], r[5];
    aics_detect_match(det, 5, gt, 2, 0.5, order, tp, p, r);
    static const size_t want_order[] = {1, 3, 4, 0, 2};
    static const bool want_tp[] = {true, false, true, false, false};
    for (int k = 0; k < 5; k++) {
        ck_assert_uint_eq(order[k], want_order[k]);
        ck_assert_int_eq(tp[k], want_tp[k]);
    }
    ck_assert_double_eq_tol(p[2], 2.0 / 3, 1e-15);
    ck_assert_double_eq_tol(r[4], 1.0, 1e-15);
    ck_assert_double_eq_tol(aics_ap_all_points(p, r, 5), 5.0 / 6, 1e-15);
    ck_assert_double_eq_tol(aics_ap_11_points(p, r, 5), 28.0 / 33, 1e-15);
}
END_TEST

/* At 0.85 d1 (0.8) misses, so the duplicate d4 becomes A's match: FP FP TP TP FP;
 * precision 0 0 ⅓ ½ ⅖, recall 0 0 ½ 1 1; AP = ½·½ + ½·½ = ½. */
START_TEST(test_ap_at_085)
{
    size_t order[5];
    bool tp[5];
    double p[5], r[5];
    aics_detect_match(det, 5, gt, 2, 0.85, order, tp, p, r);
    ck_assert(!tp[0] && !tp[1] && tp[2] && tp[3] && !tp[4]);
    ck_assert_double_eq_tol(aics_ap_all_points(p, r, 5), 0.5, 1e-15);
}
END_TEST

Suite *detect_suite(void)
{
    Suite *s = suite_create("detect");
    TCase *c = tcase_create("Core");
    tcase_add_test(c, test_iou);
    tcase_add_test(c, test_ap_at_half);
    tcase_add_test(c, test_ap_at_085);
    suite_add_tcase(s, c);
    return s;
}
