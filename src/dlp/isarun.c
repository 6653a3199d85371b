/* isarun.c — running a chapter-7 program: structure and path checks, the
 * capacity check over the text, unrolling, and the serial and pipelined
 * schedules (semantics in isa.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "intmath.h"
#include "isa.h"

#define MAX_RUN_INSNS 10000000
#define MAX_DEPTH 16

typedef struct {
    const aics_isa_proc *proc;
    const aics_isa_prog *prog;
    size_t *match;            /* loop ↔ endloop */
    int64_t *core_of;         /* each instruction's core */
    char *err;
    size_t errsz;
} run_ctx;

static bool fail(run_ctx *c, const aics_insn *in, const char *fmt, ...)
{
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    size_t idx = in ? (size_t)(in - c->prog->v) + 1 : 0;
    if (in && in->line) aics_format_error(c->err, c->errsz, c->prog->path ? c->prog->path : "<program>",
                                          in->line, in->col, "%s", msg);
    else if (in) snprintf(c->err, c->errsz, "instruction %zu: %s", idx, msg);
    else snprintf(c->err, c->errsz, "%s", msg);
    return false;
}

static bool on_chip(aics_mem m) { return m != AICS_MEM_DRAM; }

static bool check_move(run_ctx *c, const aics_insn *in)
{
    const aics_isa_proc *p = c->proc;
    if (in->src == in->dst) return fail(c, in, "move from %s to itself", aics_mem_name(in->src));
    if ((in->src == AICS_MEM_SRAM || in->dst == AICS_MEM_SRAM) && p->sram_bytes == 0)
        return fail(c, in, "this processor has no SRAM");
    bool nw = (in->src == AICS_MEM_NRAM && in->dst == AICS_MEM_WRAM) ||
              (in->src == AICS_MEM_WRAM && in->dst == AICS_MEM_NRAM);
    if (nw) return fail(c, in, "no path between NRAM and WRAM (go through DRAM or SRAM)");
    return true;
}

/* Loops matched, cores in range, paths that exist. */
static bool check_structure(run_ctx *c)
{
    const aics_isa_prog *p = c->prog;
    size_t stack[MAX_DEPTH];
    int depth = 0;
    int64_t core = 0;
    for (size_t i = 0; i < p->n; i++) {
        const aics_insn *in = &p->v[i];
        c->core_of[i] = core;
        switch (in->op) {
        case AICS_OP_LOOP:
            if (depth == MAX_DEPTH) return fail(c, in, "loops nested deeper than %d", MAX_DEPTH);
            if (in->n < 1) return fail(c, in, "loop count must be at least 1");
            stack[depth++] = i;
            break;
        case AICS_OP_ENDLOOP:
            if (!depth) return fail(c, in, "endloop without loop");
            c->match[stack[--depth]] = i, c->match[i] = stack[depth];
            break;
        case AICS_OP_CORE:
            if (depth) return fail(c, in, "core only at the top level");
            if (in->n >= c->proc->cores)
                return fail(c, in, "core %lld, but the processor has %lld core%s", (long long)in->n,
                            (long long)c->proc->cores, c->proc->cores == 1 ? "" : "s");
            core = c->core_of[i] = in->n;
            break;
        case AICS_OP_MOVE:
            if (in->n < 1) return fail(c, in, "move of %lld bytes", (long long)in->n);
            if (!check_move(c, in)) return false;
            break;
        case AICS_OP_COMPUTE:
            if (in->n < 1) return fail(c, in, "compute of %lld operations", (long long)in->n);
            break;
        case AICS_OP_SYNC: break;
        }
    }
    if (depth) return fail(c, &p->v[stack[depth - 1]], "loop not closed by endloop");
    return true;
}

/* ---- capacity ------------------------------------------------------------ */

typedef struct {
    int64_t alloc[AICS_MEM_COUNT]; /* bytes moved in during this block so far */
    int64_t peak[AICS_MEM_COUNT];  /* highest alloc + a finished inner block's peak */
    bool direct[AICS_MEM_COUNT];   /* this block itself moves into the buffer */
    bool inner[AICS_MEM_COUNT];    /* a loop nested in it does */
} frame;

static int64_t cap_of(const aics_isa_proc *p, aics_mem m)
{
    return m == AICS_MEM_NRAM ? p->nram_bytes : m == AICS_MEM_WRAM ? p->wram_bytes : p->sram_bytes;
}

static const char *size_text(int64_t b, char *buf, size_t n)
{
    if (b % (1024 * 1024) == 0) snprintf(buf, n, "%lld MB", (long long)(b / (1024 * 1024)));
    else if (b % 1024 == 0) snprintf(buf, n, "%lld KB", (long long)(b / 1024));
    else snprintf(buf, n, "%lld B", (long long)b);
    return buf;
}

static bool overflow(run_ctx *c, const aics_insn *in, aics_mem m, int64_t live)
{
    char a[40], b[40];
    return fail(c, in, "%s overflow: %lld bytes live (%s), capacity %lld (%s)", aics_mem_name(m),
                (long long)live, size_text(live, a, sizeof a), (long long)cap_of(c->proc, m),
                size_text(cap_of(c->proc, m), b, sizeof b));
}

/* Live bytes of buffer m over frames 0..top. */
static int64_t live_of(const frame *f, int top, aics_mem m)
{
    int64_t s = 0;
    for (int d = 0; d <= top; d++) s += f[d].alloc[m];
    return s;
}

static bool alloc_move(run_ctx *c, frame *f, int top, const aics_insn *in)
{
    aics_mem bufs[2];
    int nb = 0;
    if (on_chip(in->dst)) bufs[nb++] = in->dst;
    if (in->src == AICS_MEM_NRAM) bufs[nb++] = AICS_MEM_NRAM; /* a computed output */
    for (int k = 0; k < nb; k++) {
        aics_mem m = bufs[k];
        if (!aics_add_i64(f[top].alloc[m], in->n, &f[top].alloc[m])) return fail(c, in, "size overflow");
        f[top].direct[m] = true;
        int64_t live = live_of(f, top, m);
        if (m != AICS_MEM_SRAM && live > cap_of(c->proc, m)) return overflow(c, in, m, live);
        if (f[top].alloc[m] > f[top].peak[m]) f[top].peak[m] = f[top].alloc[m];
    }
    return true;
}

/* Close a loop body: its peak joins the parent's. Double buffering needs two
 * iterations' data at once, so for each buffer whose tiles alternate in this
 * loop (it moves into the buffer and no loop inside it does), check that the
 * live bytes before the loop plus twice the body's peak fit. */
static void close_body(run_ctx *c, frame *f, int top, bool *dbl)
{
    for (int m = AICS_MEM_SRAM; m < AICS_MEM_COUNT; m++) {
        int64_t outer = live_of(f, top - 1, (aics_mem)m), body = f[top].peak[m];
        int64_t cap = m == AICS_MEM_SRAM ? c->proc->sram_bytes : cap_of(c->proc, (aics_mem)m);
        if (f[top].direct[m] && !f[top].inner[m] && outer + 2 * body > cap) *dbl = false;
        int64_t joined = f[top - 1].alloc[m] + body;
        if (joined > f[top - 1].peak[m]) f[top - 1].peak[m] = joined;
        f[top - 1].inner[m] |= f[top].direct[m] || f[top].inner[m];
    }
}

/* Walk core `core`'s stream; fill peaks (NRAM/WRAM max over cores, SRAM of this core). */
static bool capacity_core(run_ctx *c, int64_t core, aics_isa_stats *st, int64_t *sram_peak,
                          const aics_insn **sram_at)
{
    frame f[MAX_DEPTH + 1];
    memset(f, 0, sizeof f);
    int top = 0;
    int64_t peak[AICS_MEM_COUNT] = {0};
    for (size_t i = 0; i < c->prog->n; i++) {
        const aics_insn *in = &c->prog->v[i];
        if (c->core_of[i] != core) continue;
        if (in->op == AICS_OP_MOVE) {
            if (!alloc_move(c, f, top, in)) return false;
            for (int m = 0; m < AICS_MEM_COUNT; m++) {
                int64_t live = live_of(f, top, (aics_mem)m);
                if (live > peak[m]) {
                    peak[m] = live;
                    if (m == AICS_MEM_SRAM) *sram_at = in;
                }
            }
        } else if (in->op == AICS_OP_LOOP) {
            top++;
            memset(&f[top], 0, sizeof f[top]);
        } else if (in->op == AICS_OP_ENDLOOP) {
            close_body(c, f, top, &st->double_buffered);
            top--;
        }
    }
    for (int m = AICS_MEM_NRAM; m < AICS_MEM_COUNT; m++)
        if (peak[m] > st->peak[m]) st->peak[m] = peak[m];
    *sram_peak = peak[AICS_MEM_SRAM];
    return true;
}

static bool check_capacity(run_ctx *c, aics_isa_stats *st)
{
    st->double_buffered = true;
    int64_t sram_total = 0;
    const aics_insn *sram_at = NULL;
    for (int64_t k = 0; k < c->proc->cores; k++) {
        int64_t sp = 0;
        if (!capacity_core(c, k, st, &sp, &sram_at)) return false;
        sram_total += sp;
    }
    st->peak[AICS_MEM_SRAM] = sram_total;
    if (c->proc->sram_bytes && sram_total > c->proc->sram_bytes)
        return overflow(c, sram_at, AICS_MEM_SRAM, sram_total);
    return true;
}

/* ---- unrolling ----------------------------------------------------------- */

/* Instructions executed by the block [b, e) (all cores), at most MAX_RUN_INSNS. */
static bool count_block(run_ctx *c, size_t b, size_t e, int64_t *out)
{
    int64_t n = 0;
    for (size_t i = b; i < e; i++) {
        const aics_insn *in = &c->prog->v[i];
        if (in->op == AICS_OP_LOOP) {
            int64_t body;
            if (!count_block(c, i + 1, c->match[i], &body)) return false;
            if (!aics_mul_i64(body, in->n, &body) || !aics_add_i64(n, body, &n) || n > MAX_RUN_INSNS)
                return fail(c, in, "more than %d instructions would run", MAX_RUN_INSNS);
            i = c->match[i];
        } else if (in->op != AICS_OP_CORE && in->op != AICS_OP_ENDLOOP) {
            if (++n > MAX_RUN_INSNS) return fail(c, in, "more than %d instructions would run", MAX_RUN_INSNS);
        }
    }
    *out = n;
    return true;
}

typedef struct {
    const aics_insn **v;
    size_t n, cap;
    int64_t syncs;
} exec_list;

static void expand(run_ctx *c, size_t b, size_t e, int64_t core, exec_list *out)
{
    for (size_t i = b; i < e; i++) {
        const aics_insn *in = &c->prog->v[i];
        if (c->core_of[i] != core || in->op == AICS_OP_CORE || in->op == AICS_OP_ENDLOOP) continue;
        if (in->op == AICS_OP_LOOP) {
            /* A body that gives this core nothing gives it nothing on every
             * pass: stop, or "loop 10^16 … endloop" around it spins for ever. */
            size_t before = out->n;
            for (int64_t r = 0; r < in->n; r++) {
                expand(c, i + 1, c->match[i], core, out);
                if (out->n == before) break;
            }
            i = c->match[i];
            continue;
        }
        out->v = aics_xgrow(out->v, out->n, &out->cap, sizeof *out->v);
        out->v[out->n++] = in;
        out->syncs += in->op == AICS_OP_SYNC;
    }
}

static bool unroll(run_ctx *c, exec_list *lists)
{
    int64_t total;
    if (!count_block(c, 0, c->prog->n, &total)) return false;
    const exec_list *first = NULL;
    for (int64_t k = 0; k < c->proc->cores; k++) {
        expand(c, 0, c->prog->n, k, &lists[k]);
        if (!lists[k].n) continue;
        if (first && first->syncs != lists[k].syncs)
            return fail(c, NULL, "core %lld runs %lld sync%s but an earlier core runs %lld: sync is a barrier "
                        "for every core", (long long)k, (long long)lists[k].syncs,
                        lists[k].syncs == 1 ? "" : "s", (long long)first->syncs);
        if (!first) first = &lists[k];
    }
    return true;
}

/* ---- schedules ----------------------------------------------------------- */

typedef struct {
    double chain;             /* end of this core's previous instruction (serial) */
    double ld_since;          /* loads since the last compute: the next compute's operands */
    double st_cur, st_prev;   /* stores since the last compute; those between the two before */
    double c_last, c_prev;    /* ends of the last two computes */
    double sram_in;           /* last move into SRAM */
    double link_free, mac_free;
} core_state;

typedef struct {
    const aics_isa_proc *proc;
    bool pipelined, dbl;
    double dram_free, barrier, max_end;
} sched;

static double max2(double a, double b) { return a > b ? a : b; }

static double ready_time(const sched *s, const core_state *cs, const aics_insn *in)
{
    double r = s->pipelined ? s->barrier : max2(s->barrier, cs->chain);
    if (!s->pipelined) return r;
    if (in->op == AICS_OP_COMPUTE) return max2(r, max2(cs->ld_since, s->dbl ? cs->st_prev : cs->st_cur));
    if (in->src == AICS_MEM_NRAM || in->src == AICS_MEM_WRAM) r = max2(r, cs->c_last);
    if (in->src == AICS_MEM_SRAM) r = max2(r, cs->sram_in);
    if (on_chip(in->dst) && in->src != AICS_MEM_NRAM) r = max2(r, s->dbl ? cs->c_prev : cs->c_last);
    return r;
}

static void step(sched *s, core_state *cs, const aics_insn *in)
{
    double *res = in->op == AICS_OP_COMPUTE ? &cs->mac_free
                  : (in->src == AICS_MEM_DRAM || in->dst == AICS_MEM_DRAM) ? &s->dram_free
                                                                           : &cs->link_free;
    double start = max2(ready_time(s, cs, in), *res);
    double end = start + aics_isa_insn_ns(s->proc, in);
    *res = cs->chain = end;
    s->max_end = max2(s->max_end, end);
    if (in->op == AICS_OP_COMPUTE) {
        cs->c_prev = cs->c_last, cs->c_last = end;
        cs->st_prev = cs->st_cur, cs->st_cur = 0, cs->ld_since = 0;
        return;
    }
    if ((in->dst == AICS_MEM_NRAM || in->dst == AICS_MEM_WRAM) && in->src != AICS_MEM_NRAM)
        cs->ld_since = max2(cs->ld_since, end);
    if (in->src == AICS_MEM_NRAM) cs->st_cur = max2(cs->st_cur, end);
    if (in->dst == AICS_MEM_SRAM) cs->sram_in = max2(cs->sram_in, end);
}

/* Run every core's list, round robin by position, segment by segment between syncs. */
static double schedule(const aics_isa_proc *p, const exec_list *lists, bool pipelined, bool dbl)
{
    sched s = {.proc = p, .pipelined = pipelined, .dbl = dbl};
    core_state *cs = aics_xcalloc((size_t)p->cores, sizeof *cs);
    size_t *pos = aics_xcalloc((size_t)p->cores, sizeof *pos);
    for (;;) {
        for (bool any = true; any;) {
            any = false;
            for (int64_t k = 0; k < p->cores; k++) {
                if (pos[k] >= lists[k].n || lists[k].v[pos[k]]->op == AICS_OP_SYNC) continue;
                step(&s, &cs[k], lists[k].v[pos[k]++]);
                any = true;
            }
            if (!pipelined) s.barrier = s.max_end; /* serial: the cores go in lockstep */
        }
        bool done = true;
        for (int64_t k = 0; k < p->cores; k++)
            if (pos[k] < lists[k].n) pos[k]++, done = false; /* past the sync */
        s.barrier = s.max_end;
        for (int64_t k = 0; k < p->cores; k++) cs[k].chain = max2(cs[k].chain, s.barrier);
        if (done) break;
    }
    free(cs);
    free(pos);
    return s.max_end;
}

static bool tally(run_ctx *c, const exec_list *lists, aics_isa_stats *st)
{
    for (int64_t k = 0; k < c->proc->cores; k++) {
        double busy = 0;
        for (size_t i = 0; i < lists[k].n; i++) {
            const aics_insn *in = lists[k].v[i];
            st->insns++;
            bool ok = true;
            if (in->op == AICS_OP_COMPUTE) {
                busy += aics_isa_insn_ns(c->proc, in);
                ok = aics_add_i64(st->ops, in->n, &st->ops);
                if (in->ctype == AICS_CT_MAC_32 || in->ctype == AICS_CT_MAC_16)
                    ok = ok && aics_add_i64(st->macs, in->n, &st->macs);
            } else if (in->op == AICS_OP_MOVE) {
                ok = aics_add_i64(st->moved[in->src][in->dst], in->n, &st->moved[in->src][in->dst]);
                if (in->src == AICS_MEM_DRAM || in->dst == AICS_MEM_DRAM) {
                    ok = ok && aics_add_i64(st->dram_bytes, in->n, &st->dram_bytes);
                    st->dram_busy_ns += aics_isa_insn_ns(c->proc, in);
                }
            }
            if (!ok) return fail(c, in, "count overflow");
        }
        st->compute_busy_ns = max2(st->compute_busy_ns, busy);
    }
    return true;
}

bool aics_isa_run(const aics_isa_proc *proc, const aics_isa_prog *prog, aics_isa_stats *st,
                  char *err, size_t errsz)
{
    memset(st, 0, sizeof *st);
    AICS_CHECK(proc->cores >= 1 && proc->ops_per_cycle >= 1 && proc->freq_ghz > 0 && proc->dram_gbps > 0,
               "a processor has a core, a clock, a MAC array and an off-chip link");
    run_ctx c = {.proc = proc, .prog = prog, .err = err, .errsz = errsz};
    c.match = aics_xcalloc(prog->n + 1, sizeof *c.match);
    c.core_of = aics_xcalloc(prog->n + 1, sizeof *c.core_of);
    exec_list *lists = aics_xcalloc((size_t)proc->cores, sizeof *lists);
    bool ok = check_structure(&c) && check_capacity(&c, st) && unroll(&c, lists) && tally(&c, lists, st);
    if (ok) {
        st->serial_ns = schedule(proc, lists, false, st->double_buffered);
        st->pipelined_ns = schedule(proc, lists, true, st->double_buffered);
    }
    for (int64_t k = 0; k < proc->cores; k++) free(lists[k].v);
    free(lists);
    free(c.match);
    free(c.core_of);
    return ok;
}
