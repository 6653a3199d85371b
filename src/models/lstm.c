/* lstm.c — one LSTM step, forward and backward (see lstm.h). */
#include "lstm.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

void aics_lstm_init(aics_lstm *m, int n_in, int n_h)
{
    AICS_CHECK(n_in >= 1 && n_in <= AICS_LSTM_MAX && n_h >= 1 && n_h <= AICS_LSTM_MAX,
               "LSTM sizes are 1 to AICS_LSTM_MAX");
    m->n_in = n_in, m->n_h = n_h;
    m->nparams = (size_t)(4 * n_h) * (size_t)(n_h + n_in + 1);
    m->theta = aics_xcalloc(m->nparams, sizeof *m->theta);
}

void aics_lstm_free(aics_lstm *m)
{
    free(m->theta);
    m->theta = NULL;
}

static double sigmoid(double a) { return 1.0 / (1.0 + exp(-a)); }

// ANCHOR: forward
void aics_lstm_forward(const aics_lstm *m, const double *x, const double *h_prev,
                       const double *c_prev, aics_lstm_step *s)
{
    int nh = m->n_h, nz = m->n_h + m->n_in;
    memcpy(s->z, h_prev, (size_t)nh * sizeof *s->z);
    memcpy(s->z + nh, x, (size_t)m->n_in * sizeof *s->z);
    const double *w = m->theta, *b = m->theta + (size_t)(4 * nh) * (size_t)nz;
    for (int j = 0; j < nh; j++) {
        double a[4]; /* pre-activations of gates i, f, o and candidate g of unit j */
        for (int q = 0; q < 4; q++) {
            int row = q * nh + j;
            a[q] = b[row];
            for (int k = 0; k < nz; k++) a[q] += w[(size_t)row * (size_t)nz + (size_t)k] * s->z[k];
        }
        s->i[j] = sigmoid(a[0]), s->f[j] = sigmoid(a[1]), s->o[j] = sigmoid(a[2]), s->g[j] = tanh(a[3]);
        s->c_prev[j] = c_prev[j];
        s->c[j] = s->f[j] * c_prev[j] + s->i[j] * s->g[j];
        s->tanh_c[j] = tanh(s->c[j]);
        s->h[j] = s->o[j] * s->tanh_c[j];
    }
}
// ANCHOR_END: forward

// ANCHOR: backward
void aics_lstm_backward(const aics_lstm *m, const aics_lstm_step *s, const double *dh,
                        const double *dc, double *grad, double *dh_prev, double *dc_prev,
                        double *dx)
{
    int nh = m->n_h, nz = m->n_h + m->n_in;
    const double *w = m->theta;
    double *gw = grad, *gb = grad + (size_t)(4 * nh) * (size_t)nz;
    double dz[2 * AICS_LSTM_MAX] = {0};
    for (int j = 0; j < nh; j++) {
        /* h = o·tanh(c): the cell gets dh·o·(1 − tanh²c) on top of what flows in directly. */
        double dcj = (dc ? dc[j] : 0) + dh[j] * s->o[j] * (1 - s->tanh_c[j] * s->tanh_c[j]);
        double da[4] = {
            dcj * s->g[j] * s->i[j] * (1 - s->i[j]),             /* i: c gains i·g */
            dcj * s->c_prev[j] * s->f[j] * (1 - s->f[j]),        /* f: c keeps f·c_prev */
            dh[j] * s->tanh_c[j] * s->o[j] * (1 - s->o[j]),      /* o: h = o·tanh c */
            dcj * s->i[j] * (1 - s->g[j] * s->g[j]),             /* g = tanh(a_g) */
        };
        for (int q = 0; q < 4; q++) {
            int row = q * nh + j;
            gb[row] = da[q];
            for (int k = 0; k < nz; k++) {
                gw[(size_t)row * (size_t)nz + (size_t)k] = da[q] * s->z[k];
                dz[k] += w[(size_t)row * (size_t)nz + (size_t)k] * da[q];
            }
        }
        if (dc_prev) dc_prev[j] = dcj * s->f[j];
    }
    if (dh_prev) memcpy(dh_prev, dz, (size_t)nh * sizeof *dz);
    if (dx) memcpy(dx, dz + nh, (size_t)m->n_in * sizeof *dz);
}
// ANCHOR_END: backward
