/* regtree.c — a fully grown one-feature regression tree. */
#include "regtree.h"

#include <stdlib.h>

#include "error.h"
#include "resample.h"

void aics_tree_init(aics_tree *t)
{
    *t = (aics_tree){NULL, 0, NULL, 0};
}

static int cmp_point(const void *a, const void *b)
{
    double u = ((const aics_tree_point *)a)->x, v = ((const aics_tree_point *)b)->x;
    return (u > v) - (u < v);
}

/* Grow the subtree on the sorted points [lo, hi); returns its node's index.
 * Recursion depth is at most the number of distinct x. */
static int grow(const aics_tree_point *pt, size_t lo, size_t hi, aics_tree *t)
{
    int id = (int)t->count++;
    double s = 0.0, s2 = 0.0;
    for (size_t i = lo; i < hi; i++) s += pt[i].y, s2 += pt[i].y * pt[i].y;
    size_t n = hi - lo;
    t->nodes[id] = (aics_tree_node){0.0, s / (double)n, -1, -1};
    double best = s2 - s * s / (double)n, ls = 0.0, ls2 = 0.0; /* SSE without a split */
    size_t cut = 0;
    for (size_t i = lo; i + 1 < hi; i++) {
        ls += pt[i].y;
        ls2 += pt[i].y * pt[i].y;
        if (pt[i].x == pt[i + 1].x) continue;
        size_t nl = i + 1 - lo, nr = n - nl;
        double sse = ls2 - ls * ls / (double)nl + (s2 - ls2) - (s - ls) * (s - ls) / (double)nr;
        if (sse < best - 1e-15 * s2 || (cut == 0 && sse <= best)) best = sse, cut = i + 1;
    }
    if (cut == 0) return id;
    t->nodes[id].threshold = 0.5 * (pt[cut - 1].x + pt[cut].x);
    int l = grow(pt, lo, cut, t);
    int r = grow(pt, cut, hi, t);
    t->nodes[id].left = l;
    t->nodes[id].right = r;
    return id;
}

void aics_tree_fit(aics_tree *t, const double *x, const double *y, const uint32_t *idx, size_t n)
{
    AICS_CHECK(n >= 1 && n < (size_t)1 << 30, "a tree needs between 1 and 2^30 points");
    if (n > t->cap) {
        free(t->pts);
        free(t->nodes);
        t->pts = aics_xmalloc(n * sizeof *t->pts);
        t->nodes = aics_xmalloc((2 * n - 1) * sizeof *t->nodes); /* a binary tree with ≤ n leaves */
        t->cap = n;
    }
    for (size_t i = 0; i < n; i++) t->pts[i] = (aics_tree_point){x[idx[i]], y[idx[i]]};
    qsort(t->pts, n, sizeof *t->pts, cmp_point);
    t->count = 0;
    grow(t->pts, 0, n, t);
}

double aics_tree_predict(const aics_tree *t, double x)
{
    int id = 0;
    while (t->nodes[id].left >= 0) id = x < t->nodes[id].threshold ? t->nodes[id].left : t->nodes[id].right;
    return t->nodes[id].value;
}

void aics_tree_free(aics_tree *t)
{
    free(t->nodes);
    free(t->pts);
    aics_tree_init(t);
}

typedef struct {
    const double *x, *y, *query;
    size_t m;
    aics_tree tree; /* reused between fits */
} bag_task;

static void fit_predict(void *ctx, const uint32_t *idx, size_t n, double *pred)
{
    bag_task *t = ctx;
    aics_tree_fit(&t->tree, t->x, t->y, idx, n);
    for (size_t k = 0; k < t->m; k++) pred[k] = aics_tree_predict(&t->tree, t->query[k]);
}

void aics_tree_bag(aics_rng *rng, const double *x, const double *y, size_t n, size_t B,
                   const double *query, size_t m, double *pred)
{
    bag_task t = {x, y, query, m, {NULL, 0, NULL, 0}};
    if (B > 0) {
        aics_bag(rng, n, B, m, fit_predict, &t, pred, NULL);
    } else {
        AICS_CHECK(n <= UINT32_MAX, "bagging indexes rows with 32 bits");
        uint32_t *all = aics_xmalloc(n * sizeof *all);
        for (size_t i = 0; i < n; i++) all[i] = (uint32_t)i;
        fit_predict(&t, all, n, pred);
        free(all);
    }
    aics_tree_free(&t.tree);
}
