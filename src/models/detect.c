/* detect.c — IoU, VOC matching and average precision (see detect.h). */
#include "detect.h"

#include <math.h>
#include <stdlib.h>

#include "error.h"

// ANCHOR: iou
double aics_iou(aics_box a, aics_box b)
{
    double w = fmin(a.x2, b.x2) - fmax(a.x1, b.x1), h = fmin(a.y2, b.y2) - fmax(a.y1, b.y1);
    double inter = w > 0 && h > 0 ? w * h : 0.0;
    double area_a = (a.x2 - a.x1) * (a.y2 - a.y1), area_b = (b.x2 - b.x1) * (b.y2 - b.y1);
    return inter / (area_a + area_b - inter);
}
// ANCHOR_END: iou

/* Stable order by falling score: insertion sort (detections per image are few). */
static void sort_by_score(const aics_detection *d, size_t n, size_t *order)
{
    for (size_t i = 0; i < n; i++) {
        size_t j = i;
        while (j > 0 && d[order[j - 1]].score < d[i].score) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = i;
    }
}

void aics_detect_match(const aics_detection *d, size_t n, const aics_box *gt, size_t m,
                       double threshold, size_t *order, bool *tp, double *precision,
                       double *recall)
{
    AICS_CHECK(m >= 1, "recall needs at least one ground-truth box");
    bool *taken = aics_xcalloc(m, sizeof *taken);
    sort_by_score(d, n, order);
    size_t hits = 0;
    for (size_t k = 0; k < n; k++) {
        const aics_box *b = &d[order[k]].box;
        size_t best = 0;
        double best_iou = -1;
        for (size_t g = 0; g < m; g++) {
            double v = aics_iou(*b, gt[g]);
            if (v > best_iou) best_iou = v, best = g;
        }
        tp[k] = best_iou >= threshold && !taken[best];
        if (tp[k]) taken[best] = true, hits++;
        precision[k] = (double)hits / (double)(k + 1);
        recall[k] = (double)hits / (double)m;
    }
    free(taken);
}

// ANCHOR: ap
double aics_ap_all_points(const double *precision, const double *recall, size_t n)
{
    double ap = 0, prev_recall = 0;
    for (size_t k = 0; k < n; k++) {
        if (recall[k] <= prev_recall) continue; /* only where recall grows */
        double envelope = 0;
        for (size_t j = k; j < n; j++) envelope = fmax(envelope, precision[j]);
        ap += (recall[k] - prev_recall) * envelope;
        prev_recall = recall[k];
    }
    return ap;
}
// ANCHOR_END: ap

double aics_ap_11_points(const double *precision, const double *recall, size_t n)
{
    double sum = 0;
    for (int t = 0; t <= 10; t++) {
        double envelope = 0;
        for (size_t j = 0; j < n; j++)
            if (recall[j] >= t / 10.0 - 1e-12) envelope = fmax(envelope, precision[j]);
        sum += envelope;
    }
    return sum / 11;
}
