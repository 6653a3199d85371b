/* dlp6.h — the chapter-6 deep-learning processor at the level of layers:
 * peak, bandwidth, per-layer traffic and time, utilisation, Amdahl.
 *
 * The book's exact parameters are not given, so the defaults follow DianNao
 * (Chen et al., ASPLOS 2014), the design chapter 6 follows: an NFU of Tn = 16
 * neurons × 16 synapses, i.e. 256 16-bit multiply-accumulates per cycle, at
 * 0.98 GHz, with on-chip buffers NBin 2 KB, NBout 2 KB and SB 32 KB. The
 * bandwidth, 12.8 GB/s (GB = 10⁹ B), is the exercises'. Every one is a field
 * the programs expose as an option.
 *
 * A layer's time is max(MACs / peak, bytes / bandwidth) — compute and memory
 * fully overlapped, the roofline. Bytes come in two forms:
 *   compulsory  every input, weight (and bias) and output element moved once;
 *   scalar      the §6.4.1 architecture of independent scalar MACs with no
 *               on-chip reuse: each MAC reads its input and its weight, each
 *               output is written once.
 */
#ifndef AICS_DLP6_H
#define AICS_DLP6_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "net.h"
#include "netcount.h"
#include "opts.h"
#include "result.h"

typedef struct {
    double freq_ghz;          /* clock */
    int64_t macs_per_cycle;   /* the compute array: Tn × Tn for the matrix unit */
    int64_t elem_bytes;       /* bytes per value (2: 16-bit fixed point) */
    double bw_gbps;           /* memory bandwidth, GB/s */
    int64_t nbin_bytes, nbout_bytes, sb_bytes; /* on-chip buffers */
} aics_dlp6;

/* DianNao's parameters with the exercises' 12.8 GB/s, as an initializer
 * (`static aics_dlp6 proc = AICS_DLP6_DIANNAO;`) and as a value. */
#define AICS_DLP6_DIANNAO                                                                       \
    {.freq_ghz = 0.98, .macs_per_cycle = 256, .elem_bytes = 2, .bw_gbps = 12.8, .nbin_bytes = 2048, \
     .nbout_bytes = 2048, .sb_bytes = 32768}
aics_dlp6 aics_dlp6_diannao(void);

/* Entries of a program's option table (opts.h) that change `proc`, an
 * aics_dlp6 variable, reported under the kv keys proc.*:
 * --bw-gbps, --freq-ghz, --macs and --bytes, one by one or all four. */
#define AICS_DLP6_OPT_BW(proc)                                                                          \
    {"bw-gbps", AICS_OPT_DOUBLE, &(proc).bw_gbps, "GB/S", "带宽，GB/s（1 GB = 10⁹ B）", AICS_RANGE_OPEN_MIN, 0, \
     1e6, .kv = "proc.bw_gbps"}
#define AICS_DLP6_OPT_FREQ(proc)                                                                        \
    {"freq-ghz", AICS_OPT_DOUBLE, &(proc).freq_ghz, "GHZ", "主频，GHz（取 DianNao 的值，假设）",            \
     AICS_RANGE_OPEN_MIN, 0, 100, .kv = "proc.freq_ghz"}
#define AICS_DLP6_OPT_MACS(proc)                                                                        \
    {"macs", AICS_OPT_INT, &(proc).macs_per_cycle, "N", "运算阵列每周期乘加数（DianNao：16×16，假设）",     \
     AICS_RANGE_CLOSED, 1, 1 << 24, .kv = "proc.macs_per_cycle"}
#define AICS_DLP6_OPT_BYTES(proc)                                                                       \
    {"bytes", AICS_OPT_INT, &(proc).elem_bytes, "B", "每个数的字节数（16 位定点为 2，假设）",              \
     AICS_RANGE_CLOSED, 1, 8, .kv = "proc.elem_bytes"}

#define AICS_DLP6_OPTS(proc) \
    AICS_DLP6_OPT_BW(proc), AICS_DLP6_OPT_FREQ(proc), AICS_DLP6_OPT_MACS(proc), AICS_DLP6_OPT_BYTES(proc)

/* Add the kv-only results proc.bw_gbps, proc.freq_ghz, proc.macs_per_cycle
 * and proc.elem_bytes (the values the four options above set). */
void aics_dlp6_report_proc(aics_result *r, const aics_dlp6 *p);

/* One Convolution or InnerProduct layer. */
typedef struct {
    size_t index;             /* in the net */
    bool fc;
    int64_t macs;
    int64_t in_elems, w_elems, out_elems; /* w includes the bias */
    int64_t bytes;            /* compulsory, × elem_bytes */
    int64_t scalar_bytes;     /* (2 × MACs + outputs) × elem_bytes */
} aics_dlp6_layer;

/* The Convolution and InnerProduct layers of `net` (counted in `per_layer`)
 * into `out` (room for net->nlayers); returns how many. False on overflow
 * is a check failure: the chapter-3 counts already fit. */
size_t aics_dlp6_layers(const aics_net *net, const aics_layer_counts *per_layer, int64_t elem_bytes,
                        aics_dlp6_layer *out);

/* One built-in network with its Convolution and InnerProduct layers. */
typedef struct {
    aics_net *net;
    aics_layer_counts total;  /* of the whole network (chapter-3 counts) */
    aics_dlp6_layer *l;
    size_t n;
} aics_dlp6_net;

/* Load the built-in network `name` (an unknown one exits 2, naming --net)
 * and its layers at `elem_bytes` bytes a value. */
void aics_dlp6_net_load(aics_dlp6_net *d, const char *name, int64_t elem_bytes);
void aics_dlp6_net_free(aics_dlp6_net *d);

/* Peak in MACs per second. */
double aics_dlp6_peak(const aics_dlp6 *p);

/* max(macs / peak, bytes / bandwidth), in seconds. */
double aics_dlp6_time(const aics_dlp6 *p, int64_t macs, int64_t bytes);

/* Utilisation of the array over `n` layers: Σ MACs / (peak · Σ time), with
 * compulsory (scalar = false) or scalar-architecture (true) bytes. */
double aics_dlp6_utilisation(const aics_dlp6 *p, const aics_dlp6_layer *l, size_t n, bool scalar);

/* Amdahl: 1 / (Σ fᵢ / sᵢ) over parts with fractions f (summing to 1) and speed-ups s. */
double aics_amdahl(const double *f, const double *s, size_t n);

#endif
