/* conv.h — a 2-D convolution computed two ways, and max pooling with its
 * gradient (exercises 5.5 and 5.7).
 *
 * Tensors are CHW, batch 1, row-major. A layer has C_in input channels,
 * C_out filters of K×K, stride s and zero padding p; the output is
 * C_out × H_out × W_out with H_out = ⌊(H + 2p − K)/s⌋ + 1 (and likewise W).
 * Weights are C_out × C_in × K × K, one bias per filter.
 *
 *   direct   the seven nested loops of the definition;
 *   im2col   unfold every receptive field into a column of a
 *            (C_in·K·K) × (H_out·W_out) matrix, then one matrix product
 *            W (C_out × C_in·K·K) · columns — how frameworks run it on
 *            BLAS. Both sum the same products in the same order, so they
 *            agree to the last bit; the check allows rounding anyway.
 */
#ifndef AICS_CONV_H
#define AICS_CONV_H

#include <stddef.h>

typedef struct {
    int c_in, h, w;      /* input */
    int c_out, k, stride, pad;
} aics_conv_shape;

int aics_conv_out_h(const aics_conv_shape *s);
int aics_conv_out_w(const aics_conv_shape *s);

/* out: c_out × H_out × W_out. */
void aics_conv_direct(const aics_conv_shape *s, const double *in, const double *weight,
                      const double *bias, double *out);

/* cols: (c_in·k·k) × (H_out·W_out) scratch space. */
void aics_conv_im2col(const aics_conv_shape *s, const double *in, double *cols);
void aics_conv_gemm(const aics_conv_shape *s, const double *in, const double *weight,
                    const double *bias, double *cols, double *out);

/* Max pooling of one h × w channel with a k × k window and stride k (no
 * padding): out is (h/k) × (w/k); argmax[i] is the index in `in` of output
 * i's maximum (the first one on ties). The backward pass routes each output
 * gradient to that position and gives every other input gradient 0. */
void aics_maxpool(const double *in, int h, int w, int k, double *out, int *argmax);
void aics_maxpool_backward(const double *dout, const int *argmax, int h, int w, int k,
                           double *din);

#endif
