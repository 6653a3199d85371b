/* isa.h — the chapter-7 processor, its four instructions, and an interpreter
 * that checks buffer capacities and estimates time.
 *
 * The exercises of chapter 7 (7.7–7.12) describe a deep-learning processor
 * core with a weight buffer (WRAM), a neuron buffer (NRAM), a MAC array and
 * off-chip memory (DRAM), and in 7.11/7.12 four such cores sharing an on-chip
 * SharedRAM (SRAM). A program is written in the exercise's own syntax, one
 * instruction a line ('#' starts a comment):
 *
 *   move SRC DST BYTES      copy BYTES from memory SRC to DST (DRAM, SRAM, NRAM, WRAM)
 *   compute TYPE N          N operations of TYPE (MAC_32, MAC_16, ADD_32, ADD_16, MUL_32, MUL_16)
 *   loop N … endloop        repeat the body N times (nesting allowed)
 *   sync                    barrier: everything before it ends before anything after starts
 *   core K                  (top level only) the following lines are core K's stream
 *
 * `move` names the source first (ram_type1 → ram_type2). Paths: DRAM ↔ any
 * on-chip buffer over the off-chip link (shared by every core), SRAM ↔
 * NRAM/WRAM over the core's own SRAM link; NRAM ↔ WRAM is not a path.
 *
 * Capacity (checked before any timing, over the program text, not unrolled):
 * data moved into a buffer stays there until the end of the block it was
 * moved in (a loop body's data is freed when the iteration ends, the
 * top level's at the end); a move out of NRAM is a computed output and holds
 * its bytes in NRAM for the same lifetime. A buffer whose live bytes exceed
 * its size fails with the line of the move that overflowed it. SRAM is shared:
 * the cores' SRAM peaks add up.
 *
 * Time, in ns, GB = 10⁹ bytes: a move takes BYTES / bandwidth of its path, a
 * compute N / (ops per cycle) cycles at the clock. Two estimates:
 *   serial     each core runs its instructions one after another, no overlap
 *              inside a core; cores run side by side, the off-chip link
 *              serves one move at a time.
 *   pipelined  double buffering: a load for compute k waits only for compute
 *              k−2 (the buffer half it reuses), a compute waits for its loads
 *              and for the stores of compute k−2, a store waits for its compute;
 *              each engine (off-chip link, SRAM link, MAC array) still runs its
 *              instructions in program order. When a loop body does not fit
 *              twice in a buffer, loads wait for compute k−1 instead.
 * Both schedules serve each engine in the same fixed order, so pipelined ≤
 * serial always holds.
 */
#ifndef AICS_ISA_H
#define AICS_ISA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum { AICS_MEM_DRAM, AICS_MEM_SRAM, AICS_MEM_NRAM, AICS_MEM_WRAM, AICS_MEM_COUNT } aics_mem;

typedef enum {
    AICS_CT_MAC_32, AICS_CT_MAC_16, AICS_CT_ADD_32, AICS_CT_ADD_16,
    AICS_CT_MUL_32, AICS_CT_MUL_16, AICS_CT_COUNT
} aics_ctype;

/* A processor. Sizes in bytes (KB = 1024 B); bandwidths in GB/s (10⁹ B/s). */
typedef struct {
    int64_t cores;
    double freq_ghz;          /* clock, GHz */
    int64_t ops_per_cycle;    /* 32-bit MACs (or adds, muls) per cycle per core */
    double fp16_factor;       /* 16-bit ops per cycle relative to 32-bit */
    int64_t nram_bytes, wram_bytes; /* per core */
    int64_t sram_bytes;       /* shared by the cores; 0: no SRAM */
    double dram_gbps;         /* off-chip link, shared by every core */
    double sram_gbps;         /* SRAM ↔ NRAM/WRAM, per core */
} aics_isa_proc;

/* The exercises' processors: 7.7–7.10 (one core: WRAM 256 KB, NRAM 128 KB,
 * 256 FP32 MACs per cycle, 1 GHz, 64 GB/s) and 7.11–7.12 (four such cores,
 * 2 MB SRAM at 1 TB/s to each core, 128 GB/s off-chip). fp16_factor is 2,
 * an assumption: the exercise gives only the FP32 rate. */
aics_isa_proc aics_isa_proc_single(void);
aics_isa_proc aics_isa_proc_quad(void);

typedef enum { AICS_OP_MOVE, AICS_OP_COMPUTE, AICS_OP_LOOP, AICS_OP_ENDLOOP, AICS_OP_SYNC,
               AICS_OP_CORE } aics_opcode;

typedef struct {
    aics_opcode op;
    aics_mem src, dst;        /* move */
    aics_ctype ctype;         /* compute */
    int64_t n;                /* move: bytes; compute: ops; loop: count; core: index */
    long line, col;           /* where the instruction starts; 0 for generated programs */
    char *comment;            /* shown after the instruction when printed, or NULL */
} aics_insn;

typedef struct {
    aics_insn *v;
    size_t n, cap;
    char *path;               /* for messages; NULL for generated programs */
} aics_isa_prog;

void aics_isa_prog_init(aics_isa_prog *p);
void aics_isa_prog_free(aics_isa_prog *p);

/* Append instructions (generators). `comment` may be NULL; it is copied. */
void aics_isa_move(aics_isa_prog *p, aics_mem src, aics_mem dst, int64_t bytes, const char *comment);
void aics_isa_compute(aics_isa_prog *p, aics_ctype t, int64_t n, const char *comment);
void aics_isa_loop(aics_isa_prog *p, int64_t n, const char *comment);
void aics_isa_endloop(aics_isa_prog *p);
void aics_isa_sync(aics_isa_prog *p);
void aics_isa_core(aics_isa_prog *p, int64_t core);

/* Parse the `len` bytes of `text` (from `path`, for messages; no closing NUL
 * needed) into `p`. False with "path:line:col: message" in err on bad input,
 * a NUL byte included (a binary file is refused, never cut short). */
bool aics_isa_parse(const char *text, size_t len, const char *path, aics_isa_prog *p, char *err,
                    size_t errsz);

/* Print `p` in the exercise's syntax, indented by loop depth, into a new
 * string the caller frees. */
char *aics_isa_print(const aics_isa_prog *p);

const char *aics_mem_name(aics_mem m);
const char *aics_ctype_name(aics_ctype t);

/* What running a program costs. */
typedef struct {
    int64_t insns;            /* instructions executed (loops unrolled) */
    int64_t macs;             /* MAC_* operations */
    int64_t ops;              /* every compute operation */
    int64_t moved[AICS_MEM_COUNT][AICS_MEM_COUNT]; /* bytes moved [src][dst] */
    int64_t dram_bytes;       /* bytes over the off-chip link, both ways */
    int64_t peak[AICS_MEM_COUNT]; /* highest live bytes: NRAM/WRAM per core (max), SRAM total */
    bool double_buffered;     /* every loop body with a compute fits twice */
    double serial_ns, pipelined_ns;
    double dram_busy_ns;      /* off-chip link busy time */
    double compute_busy_ns;   /* busiest core's MAC array */
} aics_isa_stats;

/* Check capacities, then time `prog` on `proc`. False with a one-line
 * message in err ("path:line: NRAM overflow: …") when a buffer overflows, a
 * move has no path, a core index is out of range, the cores' streams have
 * different numbers of syncs, or more than 10⁷ instructions would run. */
bool aics_isa_run(const aics_isa_proc *proc, const aics_isa_prog *prog, aics_isa_stats *st,
                  char *err, size_t errsz);

/* Time of one instruction on `proc`, in ns (0 for loop, endloop, sync, core). */
double aics_isa_insn_ns(const aics_isa_proc *proc, const aics_insn *in);

#endif
