/* dlpsim.h — exercise 6.13: an event-driven simulator, at cycle resolution,
 * of the chapter-6 processor running a layer as a sequence of tiles.
 *
 * The machine: one DMA engine moving bytes_per_cycle bytes a cycle (bandwidth
 * ÷ clock) between memory and the on-chip buffers, in both directions; a
 * Tn×Tn matrix array that takes ⌈To/Tn⌉·⌈F/Tn⌉ cycles per output position for
 * To outputs of fan-in F; two input and two output buffers (double
 * buffering). Tile i goes through load → compute → store:
 *   - load i starts when the DMA is free and input buffer i mod 2 is free
 *     (compute i−2 has ended);
 *   - compute i starts when load i has ended, compute i−1 has ended and
 *     output buffer i mod 2 is free (store i−2 has ended);
 *   - store i starts when compute i has ended and the DMA is free.
 * When the DMA is free and both a store and a load could start, the store
 * goes first. Buffer capacities are not enforced: tiles stream through (the
 * sizes are those of exercise 6.11's output-channel tiling).
 *
 * A layer's tiles (aics_dlpsim_layer_tiles): for each group, blocks of `to`
 * output channels; a tile loads the block's weights and biases and the
 * group's whole input, computes the block, stores its outputs.
 */
#ifndef AICS_DLPSIM_H
#define AICS_DLPSIM_H

#include <stddef.h>
#include <stdint.h>

#include "net.h"

typedef struct {
    int64_t load_bytes, store_bytes;
    int64_t compute_cycles;
    int64_t macs;
} aics_sim_tile;

typedef struct {
    int64_t cycles;           /* from the first load to the last store */
    int64_t dma_busy, compute_busy;
    int64_t bytes;            /* loaded + stored */
    int64_t macs;
} aics_sim_result;

/* Cycles to move `bytes` at `bytes_per_cycle`: ⌈bytes / bytes_per_cycle⌉. */
int64_t aics_sim_dma_cycles(int64_t bytes, double bytes_per_cycle);

/* Simulate `n` tiles in order. */
aics_sim_result aics_sim_run(const aics_sim_tile *t, size_t n, double bytes_per_cycle);

/* The tiles of a Convolution or InnerProduct layer `l` (of a finished net)
 * on a Tn×Tn array with `to` output channels per tile and `elem_bytes` per
 * value, into a new array (*n of them); the caller frees it. */
aics_sim_tile *aics_sim_layer_tiles(const aics_layer *l, int64_t tn, int64_t to, int64_t elem_bytes, size_t *n);

#endif
