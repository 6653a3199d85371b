/* mlp.h — a small fully connected network (multi-layer perceptron) trained by
 * backpropagation, written so every number of one training step can be shown.
 *
 * Shapes. A network has L weight layers (1 <= L <= AICS_MLP_MAX_LAYERS) and
 * L+1 neuron layers of sizes n_0 (inputs) … n_L (outputs). Layer l (1..L)
 * computes, for each of its n_l neurons j,
 *
 *     z_j = Σ_i w_ji · a_i + b_j      (a_i: the n_{l−1} values of layer l−1)
 *     a_j = f_l(z_j)
 *
 * with f_l the hidden activation for l < L and the output activation for l = L.
 * All parameters live in one flat array `theta` of aics_mlp_nparams() doubles:
 * for each layer in order, its weights row-major (w_ji at j·n_{l−1} + i) and
 * then its biases. Gradients use the same layout, so an update is one loop.
 *
 * Loss. For one example with target t (n_L values) and output y,
 *     L = ½ Σ_k (y_k − t_k)²,
 * and the loss of a batch is the mean over its examples. With an identity
 * output the loss is unbounded, so too large a learning rate really diverges;
 * aics_mlp_train() detects that (a NaN or infinite loss or parameter) and stops.
 *
 * Backpropagation (the chain rule, from the output backwards):
 *     δ_k = (y_k − t_k) · f_L'(z_k)                       output neuron k
 *     δ_j = f_l'(z_j) · Σ_k w_kj · δ_k                     hidden neuron j of layer l
 *     ∂L/∂w_ji = δ_j · a_i,   ∂L/∂b_j = δ_j
 * and the update is θ ← θ − η · ∂L/∂θ.
 *
 * Two independent checks of the gradient: central differences of the loss and
 * forward-mode dual numbers (src/models/dual.h), one parameter at a time.
 */
#ifndef AICS_MLP_H
#define AICS_MLP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rng.h"

#define AICS_MLP_MAX_LAYERS 8
#define AICS_MLP_MAX_WIDTH 1024

typedef enum { AICS_ACT_IDENTITY, AICS_ACT_SIGMOID, AICS_ACT_TANH } aics_act;

typedef struct {
    int nlayers;                          /* L, weight layers */
    int sizes[AICS_MLP_MAX_LAYERS + 1];   /* n_0 … n_L */
    aics_act hidden, output;              /* activations */
    size_t nparams;
    size_t w_off[AICS_MLP_MAX_LAYERS];    /* where layer l+1's weights start in theta */
    size_t b_off[AICS_MLP_MAX_LAYERS];    /* where layer l+1's biases start */
    double *theta;                        /* all parameters, owned */
} aics_mlp;

/* The values of one example's forward and backward pass, all layers. Layer l
 * (0..L) occupies [off[l], off[l+1]) of z, a, fprime and delta; layer 0 holds
 * the inputs in a (its z, fprime and delta are unused). */
typedef struct {
    size_t off[AICS_MLP_MAX_LAYERS + 2];
    double *z, *a, *fprime, *delta;
} aics_mlp_trace;

/* A data set of n examples: x is n × n_in, t is n × n_out, row-major. */
typedef struct {
    size_t n;
    int n_in, n_out;
    const double *x, *t;
} aics_mlp_data;

/* Make `m` with `nlayers` weight layers and sizes[0..nlayers]; parameters 0. */
void aics_mlp_init(aics_mlp *m, int nlayers, const int *sizes, aics_act hidden, aics_act output);
void aics_mlp_free(aics_mlp *m);
/* A deep copy of `src` into `dst` (initialised here). */
void aics_mlp_copy(aics_mlp *dst, const aics_mlp *src);
/* Weights and biases uniform in ±1/√n_{l−1} (fan-in scaling). */
void aics_mlp_randomize(aics_mlp *m, aics_rng *rng);

/* Index in theta of w_ji of layer l (1..L) and of b_j. */
size_t aics_mlp_w_index(const aics_mlp *m, int l, int j, int i);
size_t aics_mlp_b_index(const aics_mlp *m, int l, int j);

/* The activation and its derivative written as a function of z. */
double aics_act_f(aics_act act, double z);
double aics_act_fprime(aics_act act, double z);
const char *aics_act_name(aics_act act);

void aics_mlp_trace_init(aics_mlp_trace *tr, const aics_mlp *m);
void aics_mlp_trace_free(aics_mlp_trace *tr);

/* Forward pass of one example x (n_0 values) into tr; returns the outputs
 * (n_L values inside tr). */
const double *aics_mlp_forward(const aics_mlp *m, aics_mlp_trace *tr, const double *x);

/* ½ Σ (y − t)² of the outputs last computed into tr. */
double aics_mlp_example_loss(const aics_mlp *m, const aics_mlp_trace *tr, const double *t);

/* Backward pass after aics_mlp_forward(): fills tr->delta and adds
 * scale · ∂L/∂θ to grad (nparams values). */
void aics_mlp_backward(const aics_mlp *m, aics_mlp_trace *tr, const double *t, double *grad,
                       double scale);

/* Mean loss of the examples idx[0..n) (all of d when idx is NULL), and its
 * gradient into grad (overwritten) when grad is not NULL. */
double aics_mlp_batch(const aics_mlp *m, aics_mlp_trace *tr, const aics_mlp_data *d,
                      const uint32_t *idx, size_t n, double *grad);

/* θ ← θ − η · grad. */
void aics_mlp_update(aics_mlp *m, const double *grad, double lr);

/* Whether every parameter is finite. */
bool aics_mlp_finite(const aics_mlp *m);

/* The gradient of the mean loss over d by other means, into grad:
 * central differences with step h = ∛ε · max(1, |θ_k|), and dual numbers. */
void aics_mlp_grad_central(const aics_mlp *m, const aics_mlp_data *d, double *grad);
void aics_mlp_grad_dual(const aics_mlp *m, const aics_mlp_data *d, double *grad);

/* The relative error |a − b| / max(|a|, |b|, AICS_MLP_REL_FLOOR). The floor
 * keeps a pair of near-zero gradients, whose difference is rounding noise of
 * size ε·L/h ≈ 1e-11, from reading as a large relative error. */
#define AICS_MLP_REL_FLOOR 1e-4
double aics_mlp_rel_err(double a, double b);
/* The largest relative error over n pairs; NaN if any pair gives NaN. */
double aics_mlp_max_rel_err(const double *a, const double *b, size_t n);

typedef struct {
    double lr;         /* η > 0 */
    int64_t epochs;    /* passes over the data */
    size_t batch;      /* examples per step; >= d->n means full-batch GD */
} aics_mlp_train_opts;

typedef struct {
    bool diverged;          /* a loss or parameter became NaN or infinite */
    int64_t diverged_epoch; /* the epoch in which it did (1-based), else 0 */
    int64_t epochs_run;     /* epochs completed with finite loss */
    int64_t steps;          /* parameter updates made */
    double final_loss;      /* mean loss over d after the last finite epoch */
} aics_mlp_train_result;

/* Train m on d. curve, when not NULL, gets epochs+1 values: the mean loss
 * before training and after each epoch (entries after a divergence are left
 * untouched). rng shuffles the examples each epoch for mini-batches (not used
 * for full-batch GD). */
aics_mlp_train_result aics_mlp_train(aics_mlp *m, const aics_mlp_data *d,
                                     const aics_mlp_train_opts *o, aics_rng *rng,
                                     double *curve);

#endif
