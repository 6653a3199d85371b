/* lstm.h — one step of an LSTM cell, forward and backward (exercise 3.7).
 *
 * With z = [h_prev; x] (n_h + n_in values) and gate pre-activations
 * a = W·z + b (W is 4n_h × (n_h + n_in), rows in the order i, f, o, g):
 *     i = σ(a_i)   input gate: how much of the candidate to write
 *     f = σ(a_f)   forget gate: how much of the old cell to keep
 *     o = σ(a_o)   output gate: how much of the cell to show
 *     g = tanh(a_g)  candidate values
 *     c = f ⊙ c_prev + i ⊙ g
 *     h = o ⊙ tanh(c)
 * Parameters live in one flat array: W row-major, then b. The backward pass
 * takes ∂L/∂h and ∂L/∂c (from later steps or a loss) and returns the
 * gradients of the parameters and of h_prev and c_prev.
 */
#ifndef AICS_LSTM_H
#define AICS_LSTM_H

#include <stddef.h>

#define AICS_LSTM_MAX 16 /* largest n_h and n_in */

typedef struct {
    int n_in, n_h;
    double *theta; /* 4n_h(n_h + n_in) weights, then 4n_h biases; owned */
    size_t nparams;
} aics_lstm;

/* Everything one forward step computes, kept for the backward step. */
typedef struct {
    double z[2 * AICS_LSTM_MAX];
    double i[AICS_LSTM_MAX], f[AICS_LSTM_MAX], o[AICS_LSTM_MAX], g[AICS_LSTM_MAX];
    double c_prev[AICS_LSTM_MAX], c[AICS_LSTM_MAX], tanh_c[AICS_LSTM_MAX], h[AICS_LSTM_MAX];
} aics_lstm_step;

void aics_lstm_init(aics_lstm *m, int n_in, int n_h); /* parameters 0 */
void aics_lstm_free(aics_lstm *m);

/* One step from (x, h_prev, c_prev); results in s. */
void aics_lstm_forward(const aics_lstm *m, const double *x, const double *h_prev,
                       const double *c_prev, aics_lstm_step *s);

/* Backward through the step in s: given dh = ∂L/∂h and dc = ∂L/∂c (dc may be
 * NULL for zero), write ∂L/∂θ into grad (nparams values, overwritten) and,
 * when not NULL, ∂L/∂h_prev, ∂L/∂c_prev and ∂L/∂x. */
void aics_lstm_backward(const aics_lstm *m, const aics_lstm_step *s, const double *dh,
                        const double *dc, double *grad, double *dh_prev, double *dc_prev,
                        double *dx);

#endif
