/* isagen.h — instruction sequences for a fully connected layer on the
 * chapter-7 processor (exercises 7.7–7.12), and the layer's roofline bound.
 *
 * The layer multiplies an m×k input by k×n weights into an m×n output, FP32
 * (4 bytes an element). The plan, in this order:
 *   - weights: kept whole in WRAM when they fit; otherwise in column tiles
 *     of ct columns that fit WRAM twice (double buffered);
 *   - input and output: when all m rows (input k·4 + output ct·4 bytes per row)
 *     fit NRAM, one tile; otherwise row tiles of mt rows, mt the largest
 *     divisor of m that fits NRAM twice (double buffered);
 *   - several cores: core 0 moves the input into SRAM once; the output
 *     columns are split evenly among the cores; each core moves its weights
 *     DRAM → WRAM, its input tiles SRAM → NRAM, and its outputs NRAM → DRAM.
 * Compression (7.10): stored bytes of the input and the weights are divided
 * by in_den and w_den, everywhere (DRAM, the links, NRAM, WRAM); the output is
 * not compressed. With skip_zeros the compressed-away values are zeros that
 * the array skips: MACs = m·k·n / (in_den·w_den), the zeros taken as
 * independent; without it every product is computed.
 */
#ifndef AICS_ISAGEN_H
#define AICS_ISAGEN_H

#include <stdbool.h>
#include <stdint.h>

#include "isa.h"

typedef struct {
    int64_t m, k, n;
    int64_t in_den, w_den;    /* compression factors, 1 = none */
    bool skip_zeros;
    int64_t row_tile;         /* rows per tile; 0 chooses as above */
} aics_fc_task;

typedef struct {
    int64_t row_tile, col_tile;           /* chosen (col_tile per core) */
    int64_t in_bytes, w_bytes, out_bytes; /* whole layer as stored */
    int64_t macs;
    int64_t compulsory_bytes;             /* in + w + out, each once, over the off-chip link */
    double bound_ns;                      /* max(compulsory / off-chip bandwidth, macs / peak of all cores) */
} aics_fc_plan;

/* Generate the sequence for task `t` on `p` into `out` (initialised here).
 * False with a message when the layer cannot be tiled for `p` (a row does not
 * fit, the cores do not divide n, sizes not divisible by the compression…). */
bool aics_isa_gen_fc(const aics_isa_proc *p, const aics_fc_task *t, aics_isa_prog *out,
                     aics_fc_plan *plan, char *err, size_t errsz);

#endif
