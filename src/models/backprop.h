/* backprop.h — the instruments of exercise 2.3 around the network of mlp.h:
 * the noisy-XOR data, names for every neuron and parameter of a network with
 * one hidden layer, one worked training step with all its numbers as kv keys,
 * a three-way gradient check, a training run that keeps its loss curve, and
 * the network's output on a grid (for decision-region figures).
 *
 * Names (a network 2–H–1 or n–H–1, nlayers = 2): inputs x1, x2, …, hidden
 * neurons h1 … hH, the output y; the weight from neuron a into neuron b is
 * w_b_a (w_h2_x1 enters h2 from x1), the bias of neuron b is b_b.
 */
#ifndef AICS_BACKPROP_H
#define AICS_BACKPROP_H

#include <stddef.h>
#include <stdint.h>

#include "mlp.h"
#include "result.h"
#include "rng.h"

/* n points of noisy XOR: four Gaussian clusters (sd `noise`) around (±1, ±1),
 * interleaved (point e belongs to cluster e mod 4, so no point is special),
 * target +1 where the centre's x₁x₂ > 0, else −1. x gets n × 2 values, t n. */
void aics_bp_xor(aics_rng *rng, size_t n, double noise, double *x, double *t);

/* The name of neuron j of layer `layer` (0 inputs, 1 hidden, 2 output). */
void aics_bp_neuron_name(char *buf, size_t size, int layer, int j);
/* The name of parameter k (an index into theta): "w_h2_x1" or "b_h2". */
void aics_bp_param_name(const aics_mlp *m, size_t k, char *buf, size_t size);
/* Where parameter k sits: its layer, the neuron `to` it enters and the
 * neuron `from` of layer − 1 it weighs (−1 for a bias). */
void aics_bp_param_input(const aics_mlp *m, size_t k, int *layer, int *to, int *from);

/* One training step on one example: the network before and after, the
 * forward/backward trace, the gradient. The caller fills it (the exercise
 * shows that code) and frees it with aics_bp_step_free(). */
typedef struct {
    const aics_mlp *before;
    aics_mlp after;
    aics_mlp_trace tr;
    double *grad;
    const double *x, *t;
    double loss, lr;
} aics_bp_step;

void aics_bp_step_free(aics_bp_step *s);

/* Every number of a step as kv keys only (tables show them): step.example,
 * step.x1, step.x2, step.t, step.lr, step.NEURON.{z,a,fprime,delta},
 * step.loss, step.{theta,grad,new}.PARAM. For a network with 2 inputs. */
void aics_bp_step_kv(aics_result *r, const aics_bp_step *s, int example);

/* The mean loss's gradient over d three ways: backpropagation, central
 * differences and dual numbers, and the largest relative errors of the last
 * two against the first (aics_mlp_max_rel_err). */
typedef struct {
    double *bp, *central, *dual;
    double err_central, err_dual;
} aics_bp_gradcheck;

void aics_bp_gradcheck_run(aics_bp_gradcheck *g, const aics_mlp *m, const aics_mlp_data *d);
void aics_bp_gradcheck_free(aics_bp_gradcheck *g);

/* A copy of a network trained by aics_mlp_train(), with its loss curve
 * (epochs + 1 values: before training and after each epoch). */
typedef struct {
    aics_mlp net;
    aics_mlp_train_result res;
    double *curve;
} aics_bp_run;

void aics_bp_train(aics_bp_run *out, const aics_mlp *init, const aics_mlp_data *d,
                   const aics_mlp_train_opts *o, aics_rng *rng);
void aics_bp_run_free(aics_bp_run *r);

/* How many examples of d the sign of the first output classifies right
 * (output > 0 where target > 0). */
int64_t aics_bp_correct(const aics_mlp *m, const aics_mlp_data *d);

/* The first output of a 2-input network on an n × n grid over [lo, hi]²,
 * clipped to [−clip, clip]: n² rows (x1, x2, y), x1 varying fastest. */
void aics_bp_grid(const aics_mlp *m, double lo, double hi, int n, double clip, double *rows);

#endif
