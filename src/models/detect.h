/* detect.h — evaluating an object detector: IoU, matching, precision/recall
 * and average precision (exercise 3.3).
 *
 * Boxes are [x1, y1, x2, y2] with x1 < x2, y1 < y2, in continuous
 * coordinates: area (x2 − x1)(y2 − y1), no "+1" pixel convention.
 *
 * Matching (PASCAL VOC): detections are taken in order of falling score (ties
 * keep their given order); each is a true positive when its best-overlapping
 * ground-truth box has IoU ≥ the threshold and was not matched before, and a
 * false positive otherwise (a second detection of the same object counts as a
 * false positive).
 *
 * AP, two definitions, both over the precision/recall points after each
 * detection:
 *   all-point  (VOC 2010 and later, COCO's per-threshold AP): the area under
 *              the precision envelope p_interp(r) = max_{r' ≥ r} p(r');
 *   11-point   (VOC 2007): the mean of p_interp at r = 0, 0.1, …, 1.
 */
#ifndef AICS_DETECT_H
#define AICS_DETECT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    double x1, y1, x2, y2;
} aics_box;

typedef struct {
    aics_box box;
    double score;
} aics_detection;

/* Intersection over union of two boxes, in [0, 1]. */
double aics_iou(aics_box a, aics_box b);

/* Match n detections against m ground-truth boxes at IoU >= threshold.
 * order[k] receives the index of the k-th detection by falling score, tp[k]
 * whether it is a true positive, precision[k] and recall[k] the values after
 * it (arrays of n). m >= 1. */
void aics_detect_match(const aics_detection *d, size_t n, const aics_box *gt, size_t m,
                       double threshold, size_t *order, bool *tp, double *precision,
                       double *recall);

/* AP from the n precision/recall points of aics_detect_match(). */
double aics_ap_all_points(const double *precision, const double *recall, size_t n);
double aics_ap_11_points(const double *precision, const double *recall, size_t n);

#endif
