/* tiling.c — the convolution loop nest and its three tilings, with real
 * on-chip buffers: every element a tiling moves is copied into or out of a
 * buffer, and counted where it is copied (see tiling.h). */
#include "tiling.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"

int64_t aics_conv_ho(const aics_conv_shape *s) { return (s->h + 2 * s->pad - s->k) / s->stride + 1; }
int64_t aics_conv_wo(const aics_conv_shape *s) { return (s->w + 2 * s->pad - s->k) / s->stride + 1; }

int64_t aics_traffic_total(const aics_traffic *tr) { return tr->in + tr->w + tr->psum_in + tr->out; }

/* Input rows a band of output rows [y0, y1) reads, clipped to the image. */
static void band_rows(const aics_conv_shape *s, int64_t y0, int64_t y1, int64_t *r0, int64_t *r1)
{
    *r0 = y0 * s->stride - s->pad;
    *r1 = (y1 - 1) * s->stride - s->pad + s->k;
    if (*r0 < 0) *r0 = 0;
    if (*r1 > s->h) *r1 = s->h;
}

/* Input channels from `c0`, rows [row0, row0 + rows), full width: the whole
 * image in memory, or a copy in an on-chip buffer. */
typedef struct {
    const float *p;
    int64_t c0, row0, rows;
} in_view;

// ANCHOR: point
/* One output (y, x) of filter `f` (channels from `fc0`): `acc` plus the
 * terms of channels [c0, c1), ascending, padding skipped. Adds the number of
 * terms to *terms. */
static float conv_point(const aics_conv_shape *s, in_view in, const float *f, int64_t fc0, float acc,
                        int64_t c0, int64_t c1, int64_t y, int64_t x, int64_t *terms)
{
    for (int64_t c = c0; c < c1; c++)
        for (int64_t ky = 0; ky < s->k; ky++) {
            int64_t iy = y * s->stride - s->pad + ky;
            if (iy < 0 || iy >= s->h) continue;
            const float *row = in.p + ((c - in.c0) * in.rows + (iy - in.row0)) * s->w;
            const float *frow = f + ((c - fc0) * s->k + ky) * s->k;
            for (int64_t kx = 0; kx < s->k; kx++) {
                int64_t ix = x * s->stride - s->pad + kx;
                if (ix < 0 || ix >= s->w) continue;
                acc += row[ix] * frow[kx];
                ++*terms;
            }
        }
    return acc;
}
// ANCHOR_END: point

/* Copy n floats into an on-chip buffer and count them. */
static void load(float *dst, const float *src, int64_t n, int64_t *count)
{
    memcpy(dst, src, (size_t)n * sizeof *dst);
    *count += n;
}

// ANCHOR: none
/* The plain loop nest: every operand comes from memory each time it is used. */
static void run_none(const aics_conv_shape *s, const float *in, const float *w, const float *b, float *out,
                     aics_traffic *tr)
{
    int64_t ho = aics_conv_ho(s), wo = aics_conv_wo(s), kk = s->ci * s->k * s->k, terms = 0;
    in_view whole = {in, 0, 0, s->h};
    for (int64_t o = 0; o < s->co; o++)
        for (int64_t y = 0; y < ho; y++)
            for (int64_t x = 0; x < wo; x++) {
                out[(o * ho + y) * wo + x] = conv_point(s, whole, w + o * kk, 0, b[o], 0, s->ci, y, x, &terms);
                tr->w++, tr->out++; /* the bias in, the output out */
            }
    tr->in += terms, tr->w += terms;
}
// ANCHOR_END: none

// ANCHOR: co
/* Output-channel tiles: t filters stay on chip; the input streams by once per tile. */
static void run_co(const aics_conv_shape *s, int64_t t, const float *in, const float *w, const float *b,
                   float *out, aics_traffic *tr)
{
    int64_t ho = aics_conv_ho(s), wo = aics_conv_wo(s), kk = s->ci * s->k * s->k, hw = s->h * s->w, terms = 0;
    float *wbuf = aics_xmalloc((size_t)(t * kk + t) * sizeof *wbuf);
    float *ibuf = aics_xmalloc((size_t)(s->ci * hw) * sizeof *ibuf);
    for (int64_t o0 = 0; o0 < s->co; o0 += t) {
        int64_t n = s->co - o0 < t ? s->co - o0 : t;
        load(wbuf, w + o0 * kk, n * kk, &tr->w);
        load(wbuf + n * kk, b + o0, n, &tr->w);
        load(ibuf, in, s->ci * hw, &tr->in);
        in_view v = {ibuf, 0, 0, s->h};
        for (int64_t o = 0; o < n; o++)
            for (int64_t y = 0; y < ho; y++)
                for (int64_t x = 0; x < wo; x++, tr->out++)
                    out[((o0 + o) * ho + y) * wo + x] =
                        conv_point(s, v, wbuf + o * kk, 0, wbuf[n * kk + o], 0, s->ci, y, x, &terms);
    }
    free(wbuf), free(ibuf);
}
// ANCHOR_END: co

// ANCHOR: rows
/* Output-row bands: the band's input rows stay on chip; all filters stream by once per band. */
static void run_rows(const aics_conv_shape *s, int64_t t, const float *in, const float *w, const float *b,
                     float *out, aics_traffic *tr)
{
    int64_t ho = aics_conv_ho(s), wo = aics_conv_wo(s), kk = s->ci * s->k * s->k, terms = 0;
    float *ibuf = aics_xmalloc((size_t)(s->ci * s->h * s->w) * sizeof *ibuf);
    float *wbuf = aics_xmalloc((size_t)(kk + 1) * sizeof *wbuf);
    for (int64_t y0 = 0; y0 < ho; y0 += t) {
        int64_t y1 = y0 + t < ho ? y0 + t : ho, r0, r1;
        band_rows(s, y0, y1, &r0, &r1);
        for (int64_t c = 0; c < s->ci; c++)
            load(ibuf + c * (r1 - r0) * s->w, in + (c * s->h + r0) * s->w, (r1 - r0) * s->w, &tr->in);
        in_view v = {ibuf, 0, r0, r1 - r0};
        for (int64_t o = 0; o < s->co; o++) {
            load(wbuf, w + o * kk, kk, &tr->w);
            load(wbuf + kk, b + o, 1, &tr->w);
            for (int64_t y = y0; y < y1; y++)
                for (int64_t x = 0; x < wo; x++, tr->out++)
                    out[(o * ho + y) * wo + x] = conv_point(s, v, wbuf, 0, wbuf[kk], 0, s->ci, y, x, &terms);
        }
    }
    free(ibuf), free(wbuf);
}
// ANCHOR_END: rows

// ANCHOR: ci
/* Input-channel tiles: t channels of input and weights stay on chip; every
 * output's partial sum goes out after a tile and comes back for the next. */
static void run_ci(const aics_conv_shape *s, int64_t t, const float *in, const float *w, const float *b,
                   float *out, aics_traffic *tr)
{
    int64_t ho = aics_conv_ho(s), wo = aics_conv_wo(s), kk = s->k * s->k, hw = s->h * s->w, terms = 0;
    float *ibuf = aics_xmalloc((size_t)(t * hw) * sizeof *ibuf);
    float *wbuf = aics_xmalloc((size_t)(t * kk) * sizeof *wbuf);
    float *acc = aics_xmalloc((size_t)(ho * wo) * sizeof *acc);
    for (int64_t c0 = 0; c0 < s->ci; c0 += t) {
        int64_t n = s->ci - c0 < t ? s->ci - c0 : t;
        load(ibuf, in + c0 * hw, n * hw, &tr->in);
        in_view v = {ibuf, c0, 0, s->h};
        for (int64_t o = 0; o < s->co; o++) {
            load(wbuf, w + (o * s->ci + c0) * kk, n * kk, &tr->w);
            if (c0 == 0) load(acc, b + o, 1, &tr->w);
            for (int64_t y = 0; y < ho; y++)
                for (int64_t x = 0; x < wo; x++) {
                    float *dst = &out[(o * ho + y) * wo + x];
                    float start = c0 == 0 ? acc[0] : *dst; /* the bias, or the partial sum brought back */
                    if (c0 > 0) tr->psum_in++;
                    *dst = conv_point(s, v, wbuf, c0, start, c0, c0 + n, y, x, &terms);
                    tr->out++;
                }
        }
    }
    free(ibuf), free(wbuf), free(acc);
}
// ANCHOR_END: ci

void aics_conv_run(const aics_conv_shape *s, aics_tiling t, int64_t tile, const float *in, const float *w,
                   const float *b, float *out, aics_traffic *tr)
{
    aics_traffic scratch = {0};
    if (!tr) tr = &scratch;
    AICS_CHECK(tile >= 1 || t == AICS_TILE_NONE, "tiles hold at least one element");
    switch (t) {
    case AICS_TILE_NONE: run_none(s, in, w, b, out, tr); break;
    case AICS_TILE_CO: run_co(s, tile, in, w, b, out, tr); break;
    case AICS_TILE_ROWS: run_rows(s, tile, in, w, b, out, tr); break;
    case AICS_TILE_CI: run_ci(s, tile, in, w, b, out, tr); break;
    default: AICS_CHECK(0, "a known tiling");
    }
}

/* Valid (non-padding) kernel taps summed over output positions along one axis. */
static int64_t valid_taps(int64_t n_out, int64_t n_in, int64_t k, int64_t stride, int64_t pad)
{
    int64_t v = 0;
    for (int64_t y = 0; y < n_out; y++)
        for (int64_t ky = 0; ky < k; ky++) {
            int64_t iy = y * stride - pad + ky;
            v += iy >= 0 && iy < n_in;
        }
    return v;
}

aics_traffic aics_conv_traffic(const aics_conv_shape *s, aics_tiling t, int64_t tile)
{
    int64_t ho = aics_conv_ho(s), wo = aics_conv_wo(s), outs = s->co * ho * wo;
    int64_t wts = s->co * s->ci * s->k * s->k + s->co, img = s->ci * s->h * s->w;
    aics_traffic tr = {0};
    tr.out = outs;
    if (t == AICS_TILE_NONE) {
        int64_t terms = s->co * s->ci * valid_taps(ho, s->h, s->k, s->stride, s->pad) *
                        valid_taps(wo, s->w, s->k, s->stride, s->pad);
        tr.in = terms, tr.w = terms + outs;
    } else if (t == AICS_TILE_CO) {
        tr.in = (s->co + tile - 1) / tile * img, tr.w = wts;
    } else if (t == AICS_TILE_ROWS) {
        for (int64_t y0 = 0; y0 < ho; y0 += tile) {
            int64_t r0, r1;
            band_rows(s, y0, y0 + tile < ho ? y0 + tile : ho, &r0, &r1);
            tr.in += s->ci * (r1 - r0) * s->w, tr.w += wts;
        }
    } else {
        int64_t tiles = (s->ci + tile - 1) / tile;
        tr.in = img, tr.w = wts, tr.psum_in = (tiles - 1) * outs, tr.out = tiles * outs;
    }
    return tr;
}

int64_t aics_conv_footprint(const aics_conv_shape *s, aics_tiling t, int64_t tile)
{
    int64_t ho = aics_conv_ho(s), wo = aics_conv_wo(s), kk = s->k * s->k;
    switch (t) {
    case AICS_TILE_CO: return tile * (s->ci * kk + 1) + s->ci * s->h * s->w + tile * ho * wo;
    case AICS_TILE_ROWS: {
        int64_t rows = (tile - 1) * s->stride + s->k; /* a band away from the edges */
        if (rows > s->h) rows = s->h;
        return s->ci * rows * s->w + s->co * (s->ci * kk + 1) + s->co * tile * wo;
    }
    case AICS_TILE_CI: return tile * s->h * s->w + s->co * (tile * kk + 1) + s->co * ho * wo;
    default: return 3;
    }
}
