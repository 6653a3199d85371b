/* conv.c — convolution directly and by im2col + GEMM; max pooling (see conv.h). */
#include "conv.h"

#include <string.h>

#include "error.h"

int aics_conv_out_h(const aics_conv_shape *s) { return (s->h + 2 * s->pad - s->k) / s->stride + 1; }
int aics_conv_out_w(const aics_conv_shape *s) { return (s->w + 2 * s->pad - s->k) / s->stride + 1; }

/* The input value at (c, y, x), zero in the padding. */
static double at(const aics_conv_shape *s, const double *in, int c, int y, int x)
{
    if (y < 0 || y >= s->h || x < 0 || x >= s->w) return 0.0;
    return in[((size_t)c * (size_t)s->h + (size_t)y) * (size_t)s->w + (size_t)x];
}

// ANCHOR: direct
void aics_conv_direct(const aics_conv_shape *s, const double *in, const double *weight,
                      const double *bias, double *out)
{
    int ho = aics_conv_out_h(s), wo = aics_conv_out_w(s), k = s->k;
    for (int co = 0; co < s->c_out; co++)
        for (int oy = 0; oy < ho; oy++)
            for (int ox = 0; ox < wo; ox++) {
                double sum = 0;
                for (int ci = 0; ci < s->c_in; ci++)
                    for (int ky = 0; ky < k; ky++)
                        for (int kx = 0; kx < k; kx++)
                            sum += weight[(((size_t)co * s->c_in + ci) * k + ky) * k + kx]
                                   * at(s, in, ci, oy * s->stride - s->pad + ky, ox * s->stride - s->pad + kx);
                out[((size_t)co * ho + oy) * wo + ox] = sum + bias[co];
            }
}
// ANCHOR_END: direct

// ANCHOR: im2col
void aics_conv_im2col(const aics_conv_shape *s, const double *in, double *cols)
{
    int ho = aics_conv_out_h(s), wo = aics_conv_out_w(s), k = s->k;
    size_t ncol = (size_t)ho * (size_t)wo;
    for (int ci = 0; ci < s->c_in; ci++)
        for (int ky = 0; ky < k; ky++)
            for (int kx = 0; kx < k; kx++) {
                size_t row = ((size_t)ci * k + ky) * k + kx; /* one row per weight position */
                for (int oy = 0; oy < ho; oy++)
                    for (int ox = 0; ox < wo; ox++)
                        cols[row * ncol + (size_t)oy * wo + ox] =
                            at(s, in, ci, oy * s->stride - s->pad + ky, ox * s->stride - s->pad + kx);
            }
}

void aics_conv_gemm(const aics_conv_shape *s, const double *in, const double *weight,
                    const double *bias, double *cols, double *out)
{
    aics_conv_im2col(s, in, cols);
    size_t ncol = (size_t)aics_conv_out_h(s) * (size_t)aics_conv_out_w(s);
    size_t depth = (size_t)s->c_in * s->k * s->k;
    for (int co = 0; co < s->c_out; co++) /* out = W · cols, one row of W per filter */
        for (size_t j = 0; j < ncol; j++) {
            double sum = 0;
            for (size_t r = 0; r < depth; r++) sum += weight[co * depth + r] * cols[r * ncol + j];
            out[co * ncol + j] = sum + bias[co];
        }
}
// ANCHOR_END: im2col

// ANCHOR: maxpool
void aics_maxpool(const double *in, int h, int w, int k, double *out, int *argmax)
{
    AICS_CHECK(k >= 1 && h % k == 0 && w % k == 0, "the window tiles the input");
    int ho = h / k, wo = w / k;
    for (int oy = 0; oy < ho; oy++)
        for (int ox = 0; ox < wo; ox++) {
            int best = oy * k * w + ox * k;
            for (int ky = 0; ky < k; ky++)
                for (int kx = 0; kx < k; kx++) {
                    int idx = (oy * k + ky) * w + ox * k + kx;
                    if (in[idx] > in[best]) best = idx;
                }
            out[oy * wo + ox] = in[best];
            argmax[oy * wo + ox] = best;
        }
}

void aics_maxpool_backward(const double *dout, const int *argmax, int h, int w, int k,
                           double *din)
{
    memset(din, 0, (size_t)h * (size_t)w * sizeof *din);
    for (int i = 0; i < (h / k) * (w / k); i++) din[argmax[i]] += dout[i]; /* only the maximum passes */
}
// ANCHOR_END: maxpool
