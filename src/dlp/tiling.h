/* tiling.h — a convolution layer's loop nest and three tilings of it
 * (exercise 6.11), each counting the elements it moves between memory and
 * the on-chip buffers.
 *
 * The layer: input ci×h×w, co filters of ci×k×k, stride s, zero padding p,
 * output co×ho×wo with ho = (h + 2p − k)/s + 1 (and wo likewise). Every
 * variant computes each output as
 *     acc = bias; for ci, ky, kx (ascending, skipping padding): acc += in·w
 * in float, in exactly that order, so all of them give bit-identical outputs
 * (tests/unit/test_tiling.c checks it on a random layer). The tilings:
 *   co    output-channel tiles of t filters: a tile's weights stay on chip,
 *         the whole input is streamed once per tile;
 *   rows  output-row bands of t rows: the band's input rows (with the halo)
 *         stay on chip, all the weights are streamed once per band;
 *   ci    input-channel tiles of t channels: a tile's input and weights stay
 *         on chip; the partial sums of all outputs go out after each tile and
 *         come back for the next.
 * Traffic counts elements (multiply by the element size for bytes): loads of
 * input, weights (with the bias) and partial sums, and stores of outputs.
 */
#ifndef AICS_TILING_H
#define AICS_TILING_H

#include <stdint.h>

typedef struct {
    int64_t ci, h, w, co, k, stride, pad;
} aics_conv_shape;

typedef enum { AICS_TILE_NONE, AICS_TILE_CO, AICS_TILE_ROWS, AICS_TILE_CI, AICS_TILE_COUNT } aics_tiling;

typedef struct {
    int64_t in, w, psum_in, out; /* elements loaded (input, weights+bias, partial sums) and stored */
} aics_traffic;

int64_t aics_conv_ho(const aics_conv_shape *s);
int64_t aics_conv_wo(const aics_conv_shape *s);

/* Run tiling `t` with tile size `tile` (≥ 1; ignored for NONE): in is
 * ci×h×w, w is co×ci×k×k, b is co, out is co×ho×wo. Adds what it moves to
 * `tr` (may be NULL). NONE is the plain loop nest, every operand loaded
 * from memory each time it is used. */
void aics_conv_run(const aics_conv_shape *s, aics_tiling t, int64_t tile, const float *in, const float *w,
                   const float *b, float *out, aics_traffic *tr);

/* The same traffic in closed form, without running anything. */
aics_traffic aics_conv_traffic(const aics_conv_shape *s, aics_tiling t, int64_t tile);

/* Elements a tile holds on chip so that each is loaded once per tile. */
int64_t aics_conv_footprint(const aics_conv_shape *s, aics_tiling t, int64_t tile);

/* Total elements of a traffic. */
int64_t aics_traffic_total(const aics_traffic *tr);

#endif
