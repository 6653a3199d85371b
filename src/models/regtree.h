/* regtree.h — a fully grown regression tree on one feature.
 *
 * The tree splits a node at the midpoint between two neighbouring distinct x
 * that most reduces the squared error, and keeps splitting until a node holds
 * one distinct x; a leaf predicts the mean y of its points. Such a tree
 * interpolates its sample (up to ties in x), so it changes a lot when the
 * sample changes: the unstable learner bagging is made for (Breiman 1996).
 * Ties between equally good splits go to the leftmost cut, so a fit is
 * deterministic.
 */
#ifndef AICS_REGTREE_H
#define AICS_REGTREE_H

#include <stddef.h>
#include <stdint.h>

#include "rng.h"

typedef struct {
    double threshold; /* go left when x < threshold */
    double value;     /* mean y of the node's points */
    int left, right;  /* children, or −1 for a leaf */
} aics_tree_node;

typedef struct {
    double x, y;
} aics_tree_point;

typedef struct {
    aics_tree_node *nodes; /* nodes[0] is the root */
    size_t count;
    aics_tree_point *pts;  /* scratch, reused between fits */
    size_t cap;            /* points the scratch holds */
} aics_tree;

/* An empty tree; aics_tree_fit() may be called on it many times. */
void aics_tree_init(aics_tree *t);

/* Grow a tree on the rows idx[0..n) of (x, y), repeats allowed (n ≥ 1). */
void aics_tree_fit(aics_tree *t, const double *x, const double *y, const uint32_t *idx, size_t n);

/* The tree's prediction at x. */
double aics_tree_predict(const aics_tree *t, double x);

void aics_tree_free(aics_tree *t);

/* Bagged trees (src/models/resample.h): B trees, each grown on its own
 * bootstrap sample of the n rows of (x, y) drawn from rng, averaged at the m
 * query points into pred. With B = 0 (and rng unused), one tree grown on all
 * n rows as they are. */
void aics_tree_bag(aics_rng *rng, const double *x, const double *y, size_t n, size_t B,
                   const double *query, size_t m, double *pred);

#endif
