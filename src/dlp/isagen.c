/* isagen.c — generating the chapter-7 FC-layer sequences (see isagen.h). */
#include "isagen.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "intmath.h"

static bool gen_fail(char *err, size_t errsz, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errsz, fmt, ap);
    va_end(ap);
    return false;
}

/* The largest divisor d of n with d·unit·copies ≤ cap, or 0. */
static int64_t largest_fit(int64_t n, int64_t unit, int64_t copies, int64_t cap)
{
    for (int64_t d = n; d >= 1; d--)
        if (n % d == 0 && d <= cap / unit / copies) return d;
    return 0;
}

typedef struct {
    int64_t in_row, w_col, out_row; /* stored bytes per input row, weight column, output row (per core) */
} unit_sizes;

/* Choose the weight column tile (per core) and the row tile. */
static bool choose_tiles(const aics_isa_proc *p, const aics_fc_task *t, int64_t ncols, unit_sizes *u,
                         aics_fc_plan *plan, char *err, size_t errsz)
{
    plan->col_tile = ncols * u->w_col <= p->wram_bytes ? ncols : largest_fit(ncols, u->w_col, 2, p->wram_bytes);
    if (plan->col_tile == 0)
        return gen_fail(err, errsz, "one weight column (%lld bytes) does not fit WRAM twice", (long long)u->w_col);
    int64_t row = u->in_row + 4 * plan->col_tile;
    u->out_row = 4 * plan->col_tile;
    if (t->row_tile) {
        if (t->m % t->row_tile != 0)
            return gen_fail(err, errsz, "the row tile %lld does not divide m = %lld", (long long)t->row_tile,
                            (long long)t->m);
        plan->row_tile = t->row_tile;
    } else {
        /* Several tiles: the first tile's input, then two tiles of input and output. */
        plan->row_tile = t->m * row <= p->nram_bytes ? t->m : largest_fit(t->m, u->in_row + 2 * row, 1, p->nram_bytes);
    }
    if (plan->row_tile == 0)
        return gen_fail(err, errsz, "one row (%lld bytes of input and output) does not fit NRAM twice",
                        (long long)row);
    return true;
}

static void note(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, n, fmt, ap);
    va_end(ap);
}

/* Row tiles, software-pipelined: the first tile's load, then (tiles − 1) times
 * compute a tile, load the next, store the computed one; then the last tile.
 * Loading the next tile before storing lets the off-chip link, which serves
 * its moves in program order, fetch while the array computes. */
static void gen_rows(aics_isa_prog *o, const aics_fc_task *t, const aics_fc_plan *plan, const unit_sizes *u,
                     aics_mem in_from, int64_t macs_per_tile)
{
    char in[80], mac[80], outc[80];
    int64_t ct = plan->col_tile, mt = plan->row_tile, tiles = t->m / mt;
    note(in, sizeof in, "输入 %lld×%lld", (long long)mt, (long long)t->k);
    note(mac, sizeof mac, "%lld×%lld×%lld 次乘加%s", (long long)mt, (long long)t->k, (long long)ct,
         t->skip_zeros ? "中的非零项" : "");
    note(outc, sizeof outc, "输出 %lld×%lld", (long long)mt, (long long)ct);
    aics_isa_move(o, in_from, AICS_MEM_NRAM, u->in_row * mt, tiles > 1 ? "第一块输入" : in);
    if (tiles > 1) {
        aics_isa_loop(o, tiles - 1, "其余各块：算本块，取下一块，存本块");
        aics_isa_compute(o, AICS_CT_MAC_32, macs_per_tile, mac);
        aics_isa_move(o, in_from, AICS_MEM_NRAM, u->in_row * mt, "下一块输入");
        aics_isa_move(o, AICS_MEM_NRAM, AICS_MEM_DRAM, u->out_row * mt, outc);
        aics_isa_endloop(o);
    }
    aics_isa_compute(o, AICS_CT_MAC_32, macs_per_tile, mac);
    aics_isa_move(o, AICS_MEM_NRAM, AICS_MEM_DRAM, u->out_row * mt, outc);
}

/* One core's work on `ncols` output columns: weight tiles, each with its row tiles. */
static void gen_core(aics_isa_prog *o, const aics_fc_task *t, const aics_fc_plan *plan, const unit_sizes *u,
                     aics_mem in_from, int64_t macs_per_tile, int64_t ncols)
{
    char c[80];
    int64_t ct = plan->col_tile, ncol_tiles = ncols / ct;
    if (ncol_tiles > 1) aics_isa_loop(o, ncol_tiles, "每个权重列块");
    note(c, sizeof c, "权重 %lld×%lld", (long long)t->k, (long long)ct);
    aics_isa_move(o, AICS_MEM_DRAM, AICS_MEM_WRAM, u->w_col * ct, c);
    gen_rows(o, t, plan, u, in_from, macs_per_tile);
    if (ncol_tiles > 1) aics_isa_endloop(o);
}

static bool exact_div(int64_t a, int64_t b, int64_t *q) { return b > 0 && a % b == 0 && (*q = a / b, true); }

static bool layer_sizes(const aics_isa_proc *p, const aics_fc_task *t, aics_fc_plan *plan, unit_sizes *u,
                        char *err, size_t errsz)
{
    int64_t ib, wb, mk, kn, mn, mkn;
    if (t->m < 1 || t->k < 1 || t->n < 1 || t->in_den < 1 || t->w_den < 1)
        return gen_fail(err, errsz, "sizes and compression factors must be positive");
    if (!aics_mul_i64(t->m, t->k, &mk) || !aics_mul_i64(t->k, t->n, &kn) || !aics_mul_i64(t->m, t->n, &mn) ||
        !aics_mul_i64(mk, t->n, &mkn) || !aics_mul_i64(mk, 4, &ib) || !aics_mul_i64(kn, 4, &wb) ||
        !aics_mul_i64(mn, 4, &plan->out_bytes))
        return gen_fail(err, errsz, "layer too large for 64-bit counts");
    if (t->n % p->cores != 0)
        return gen_fail(err, errsz, "%lld cores do not divide the %lld output columns", (long long)p->cores,
                        (long long)t->n);
    if (!exact_div(4 * t->k, t->in_den, &u->in_row) || !exact_div(4 * t->k, t->w_den, &u->w_col))
        return gen_fail(err, errsz, "a row of %lld FP32 values does not compress evenly", (long long)t->k);
    plan->in_bytes = ib / t->in_den;
    plan->w_bytes = wb / t->w_den;
    plan->macs = t->skip_zeros ? mkn / (t->in_den * t->w_den) : mkn;
    if (t->skip_zeros && mkn % (t->in_den * t->w_den) != 0)
        return gen_fail(err, errsz, "m·k·n is not divisible by the densities");
    plan->compulsory_bytes = plan->in_bytes + plan->w_bytes + plan->out_bytes;
    double mem = (double)plan->compulsory_bytes / p->dram_gbps;
    double cmp = (double)plan->macs / ((double)p->ops_per_cycle * (double)p->cores) / p->freq_ghz;
    plan->bound_ns = mem > cmp ? mem : cmp;
    return true;
}

bool aics_isa_gen_fc(const aics_isa_proc *p, const aics_fc_task *t, aics_isa_prog *out, aics_fc_plan *plan,
                     char *err, size_t errsz)
{
    memset(plan, 0, sizeof *plan);
    aics_isa_prog_init(out);
    unit_sizes u;
    if (!layer_sizes(p, t, plan, &u, err, errsz)) return false;
    int64_t ncols = t->n / p->cores;
    if (!choose_tiles(p, t, ncols, &u, plan, err, errsz)) return false;
    int64_t tiles = (t->m / plan->row_tile) * (t->n / plan->col_tile);
    if (plan->macs % tiles != 0) return gen_fail(err, errsz, "the MACs do not split evenly over the tiles");
    int64_t macs_per_tile = plan->macs / tiles;
    if (p->cores == 1) {
        gen_core(out, t, plan, &u, AICS_MEM_DRAM, macs_per_tile, ncols);
        return true;
    }
    if (plan->in_bytes > p->sram_bytes)
        return gen_fail(err, errsz, "the input (%lld bytes) does not fit SRAM", (long long)plan->in_bytes);
    char c[120];
    snprintf(c, sizeof c, "输入 %lld×%lld 进共享存储", (long long)t->m, (long long)t->k);
    aics_isa_core(out, 0);
    aics_isa_move(out, AICS_MEM_DRAM, AICS_MEM_SRAM, plan->in_bytes, c);
    for (int64_t k = 0; k < p->cores; k++) {
        if (k) aics_isa_core(out, k);
        aics_isa_sync(out);
        gen_core(out, t, plan, &u, AICS_MEM_SRAM, macs_per_tile, ncols);
    }
    return true;
}
