/* isa.c — the chapter-7 instruction set: building, parsing, printing, the
 * capacity check and the two time estimates (see isa.h for the semantics). */
#include "isa.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"
#include "fileio.h"
#include "intmath.h"
#include "reader.h"

#define MAX_DEPTH 16

static const char *const mem_names[AICS_MEM_COUNT] = {"DRAM", "SRAM", "NRAM", "WRAM"};
static const char *const ctype_names[AICS_CT_COUNT] = {"MAC_32", "MAC_16", "ADD_32",
                                                       "ADD_16", "MUL_32", "MUL_16"};

const char *aics_mem_name(aics_mem m) { return mem_names[m]; }
const char *aics_ctype_name(aics_ctype t) { return ctype_names[t]; }

aics_isa_proc aics_isa_proc_single(void)
{
    return (aics_isa_proc){.cores = 1, .freq_ghz = 1.0, .ops_per_cycle = 256, .fp16_factor = 2.0,
                           .nram_bytes = 128 * 1024, .wram_bytes = 256 * 1024, .sram_bytes = 0,
                           .dram_gbps = 64.0, .sram_gbps = 0.0};
}

aics_isa_proc aics_isa_proc_quad(void)
{
    aics_isa_proc p = aics_isa_proc_single();
    p.cores = 4;
    p.sram_bytes = 2 * 1024 * 1024;
    p.sram_gbps = 1000.0;
    p.dram_gbps = 128.0;
    return p;
}

/* ---- building ------------------------------------------------------------ */

void aics_isa_prog_init(aics_isa_prog *p) { memset(p, 0, sizeof *p); }

void aics_isa_prog_free(aics_isa_prog *p)
{
    for (size_t i = 0; i < p->n; i++) free(p->v[i].comment);
    free(p->v);
    free(p->path);
    memset(p, 0, sizeof *p);
}

static aics_insn *push(aics_isa_prog *p, aics_opcode op, const char *comment)
{
    p->v = aics_xgrow(p->v, p->n, &p->cap, sizeof *p->v);
    aics_insn *in = &p->v[p->n++];
    memset(in, 0, sizeof *in);
    in->op = op;
    in->comment = comment ? aics_xstrdup(comment) : NULL;
    return in;
}

void aics_isa_move(aics_isa_prog *p, aics_mem src, aics_mem dst, int64_t bytes, const char *comment)
{
    aics_insn *in = push(p, AICS_OP_MOVE, comment);
    in->src = src, in->dst = dst, in->n = bytes;
}

void aics_isa_compute(aics_isa_prog *p, aics_ctype t, int64_t n, const char *comment)
{
    aics_insn *in = push(p, AICS_OP_COMPUTE, comment);
    in->ctype = t, in->n = n;
}

void aics_isa_loop(aics_isa_prog *p, int64_t n, const char *comment) { push(p, AICS_OP_LOOP, comment)->n = n; }
void aics_isa_endloop(aics_isa_prog *p) { push(p, AICS_OP_ENDLOOP, NULL); }
void aics_isa_sync(aics_isa_prog *p) { push(p, AICS_OP_SYNC, NULL); }
void aics_isa_core(aics_isa_prog *p, int64_t core) { push(p, AICS_OP_CORE, NULL)->n = core; }

/* ---- parsing ------------------------------------------------------------- */

/* The parse context, and the copy of the current line that words() cuts up. */
typedef struct {
    aics_reader r;
    const char *linestart;
} parse_ctx;

static bool fail_at(parse_ctx *c, const char *at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static bool fail_at(parse_ctx *c, const char *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    aics_reader_vfail(&c->r, c->r.line, at ? (long)(at - c->linestart) + 1 : 0, fmt, ap);
    va_end(ap);
    return false;
}

/* Split a line (comment removed) into at most 5 words. */
static int words(char *s, char **w, int max)
{
    int n = 0;
    for (;;) {
        while (*s == ' ' || *s == '\t' || *s == '\r') s++;
        if (!*s) return n;
        if (n == max) return max + 1;
        w[n++] = s;
        while (*s && *s != ' ' && *s != '\t' && *s != '\r') s++;
        if (*s) *s++ = '\0';
    }
}

static bool parse_count(parse_ctx *c, const char *w, const char *what, int64_t min, int64_t *out)
{
    int64_t v = 0;
    if (!*w) return fail_at(c, w, "expected %s", what);
    for (const char *s = w; *s; s++) {
        if (!isdigit((unsigned char)*s) || !aics_mul_i64(v, 10, &v) || !aics_add_i64(v, *s - '0', &v))
            return fail_at(c, w, "expected %s (a non-negative integer below 2^63), not '%s'", what, w);
    }
    if (v < min) return fail_at(c, w, "expected %s of at least %lld, not %s", what, (long long)min, w);
    *out = v;
    return true;
}

static bool parse_mem(parse_ctx *c, const char *w, aics_mem *m)
{
    for (int i = 0; i < AICS_MEM_COUNT; i++)
        if (strcmp(w, mem_names[i]) == 0) return *m = (aics_mem)i, true;
    return fail_at(c, w, "expected a memory (DRAM, SRAM, NRAM or WRAM), not '%s'", w);
}

static bool parse_ctype(parse_ctx *c, const char *w, aics_ctype *t)
{
    for (int i = 0; i < AICS_CT_COUNT; i++)
        if (strcmp(w, ctype_names[i]) == 0) return *t = (aics_ctype)i, true;
    return fail_at(c, w, "expected a compute type (MAC_32, MAC_16, ADD_32, ADD_16, MUL_32, MUL_16), not '%s'", w);
}

static bool parse_line(parse_ctx *c, char *line, aics_isa_prog *p, int *depth)
{
    char *hash = strchr(line, '#');
    if (hash) *hash = '\0';
    char *w[5];
    int n = words(line, w, 4);
    if (n == 0) return true;
    static const struct { const char *name; int args; } ops[] = {
        {"move", 3}, {"compute", 2}, {"loop", 1}, {"endloop", 0}, {"sync", 0}, {"core", 1}};
    int op = -1;
    for (int i = 0; i < 6; i++)
        if (strcmp(w[0], ops[i].name) == 0) op = i;
    if (op < 0) return fail_at(c, w[0], "expected move, compute, loop, endloop, sync or core, not '%s'", w[0]);
    if (n - 1 != ops[op].args)
        return fail_at(c, w[0], "'%s' takes %d argument%s, found %d", ops[op].name, ops[op].args,
                       ops[op].args == 1 ? "" : "s", n - 1);
    aics_insn *in = push(p, (aics_opcode)op, NULL);
    in->line = c->r.line;
    in->col = (long)(w[0] - c->linestart) + 1;
    switch (in->op) {
    case AICS_OP_MOVE:
        return parse_mem(c, w[1], &in->src) && parse_mem(c, w[2], &in->dst) &&
               parse_count(c, w[3], "a size in bytes", 1, &in->n);
    case AICS_OP_COMPUTE: return parse_ctype(c, w[1], &in->ctype) && parse_count(c, w[2], "a count", 1, &in->n);
    case AICS_OP_LOOP:
        if (++*depth > MAX_DEPTH) return fail_at(c, w[0], "loops nested deeper than %d", MAX_DEPTH);
        return parse_count(c, w[1], "a loop count", 1, &in->n);
    case AICS_OP_ENDLOOP:
        if (*depth == 0) return fail_at(c, w[0], "endloop without loop");
        --*depth;
        return true;
    case AICS_OP_CORE:
        if (*depth) return fail_at(c, w[0], "core only at the top level, not inside a loop");
        return parse_count(c, w[1], "a core index", 0, &in->n);
    default: return true;
    }
}

bool aics_isa_parse(const char *text, size_t len, const char *path, aics_isa_prog *p, char *err,
                    size_t errsz)
{
    aics_isa_prog_init(p);
    p->path = aics_xstrdup(path ? path : "<program>");
    parse_ctx c = {.r = {.path = p->path, .err = err, .errsz = errsz}};
    int depth = 0;
    if (!aics_reader_start(&c.r, text, len, AICS_REFUSE_NUL))
        return aics_reader_fail(&c.r, c.r.line, c.r.col, "a NUL byte; expected program text");
    for (aics_line l; aics_reader_next(&c.r, &l);) {
        char *line = aics_line_dup(&l);
        c.linestart = line;
        bool ok = parse_line(&c, line, p, &depth);
        free(line);
        if (!ok) return false;
    }
    if (depth) return fail_at(&c, NULL, "%d loop%s not closed by endloop", depth, depth == 1 ? "" : "s");
    return true;
}

/* ---- printing ------------------------------------------------------------ */

char *aics_isa_print(const aics_isa_prog *p)
{
    aics_buf b = AICS_BUF_INIT;
    int depth = 0;
    for (size_t i = 0; i < p->n; i++) {
        const aics_insn *in = &p->v[i];
        if (in->op == AICS_OP_ENDLOOP && depth) depth--;
        size_t start = b.len;
        for (int d = 0; d < depth; d++) aics_buf_puts(&b, "    ");
        switch (in->op) {
        case AICS_OP_MOVE:
            aics_buf_printf(&b, "move %s %s %lld", mem_names[in->src], mem_names[in->dst], (long long)in->n);
            break;
        case AICS_OP_COMPUTE:
            aics_buf_printf(&b, "compute %s %lld", ctype_names[in->ctype], (long long)in->n);
            break;
        case AICS_OP_LOOP: aics_buf_printf(&b, "loop %lld", (long long)in->n), depth++; break;
        case AICS_OP_ENDLOOP: aics_buf_puts(&b, "endloop"); break;
        case AICS_OP_SYNC: aics_buf_puts(&b, "sync"); break;
        case AICS_OP_CORE: aics_buf_printf(&b, "core %lld", (long long)in->n); break;
        }
        if (in->comment) {
            size_t w = b.len - start;
            for (; w < 32; w++) aics_buf_putc(&b, ' ');
            aics_buf_printf(&b, " # %s", in->comment);
        }
        aics_buf_putc(&b, '\n');
    }
    return aics_buf_take(&b);
}

/* ---- time of one instruction -------------------------------------------- */

double aics_isa_insn_ns(const aics_isa_proc *proc, const aics_insn *in)
{
    if (in->op == AICS_OP_MOVE) {
        bool offchip = in->src == AICS_MEM_DRAM || in->dst == AICS_MEM_DRAM;
        return (double)in->n / (offchip ? proc->dram_gbps : proc->sram_gbps);
    }
    if (in->op == AICS_OP_COMPUTE) {
        bool half = in->ctype == AICS_CT_MAC_16 || in->ctype == AICS_CT_ADD_16 || in->ctype == AICS_CT_MUL_16;
        double per_cycle = (double)proc->ops_per_cycle * (half ? proc->fp16_factor : 1.0);
        return (double)in->n / per_cycle / proc->freq_ghz;
    }
    return 0.0;
}
