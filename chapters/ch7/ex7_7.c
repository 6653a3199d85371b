/* ex7_7.c — exercises 7.7–7.12: instruction sequences and time estimates
 * for fully connected layers on the chapter-7 processor (one core, then four
 * cores with a SharedRAM).
 *
 * For each exercise the program generates the sequence in the exercise's own
 * syntax (src/dlp/isagen.h), runs it through the interpreter (src/dlp/isa.h),
 * which checks every buffer's capacity and counts bytes and MACs, and reports
 * three times: serial (no overlap), pipelined (double buffering) and the
 * roofline bound. Given a FILE, it runs a hand-written sequence instead.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "fileio.h"
#include "intmath.h"
#include "isa.h"
#include "isagen.h"
#include "plot.h"
#include "program.h"

typedef struct {
    const char *key;          /* kv prefix */
    const char *number;       /* "7.7" */
    int64_t m, k, n;
    bool quad;
    int64_t in_den, w_den;
    bool skip;
} exercise;

static const exercise exercises[] = {
    {"ex7_7", "7.7", 1, 256, 1, false, 1, 1, false},
    {"ex7_8", "7.8", 32, 256, 128, false, 1, 1, false},
    {"ex7_9", "7.9", 1024, 256, 128, false, 1, 1, false},
    {"ex7_10", "7.10", 1024, 256, 128, false, 2, 4, false},
    {"ex7_10.skip", "7.10 跳零", 1024, 256, 128, false, 2, 4, true},
    {"ex7_11", "7.11", 32, 256, 128, true, 1, 1, false},
    {"ex7_12", "7.12", 1024, 256, 2048, true, 1, 1, false},
};
#define NEX (sizeof exercises / sizeof *exercises)

static struct {
    int64_t nram_kb, wram_kb, macs, cores, sram_kb;
    double freq_ghz, dram_gbps, quad_dram_gbps, sram_gbps, fp16;
} opt = {128, 256, 256, 1, 2048, 1.0, 64.0, 128.0, 1000.0, 2.0};

static const aics_opt options[] = {
    {"nram-kb", AICS_OPT_INT, &opt.nram_kb, "KB", "每核 NRAM 容量，KB（1 KB = 1024 B）", AICS_RANGE_CLOSED, 1, 1 << 20,
     .kv = "proc.nram_kb"},
    {"wram-kb", AICS_OPT_INT, &opt.wram_kb, "KB", "每核 WRAM 容量，KB", AICS_RANGE_CLOSED, 1, 1 << 20,
     .kv = "proc.wram_kb"},
    {"macs", AICS_OPT_INT, &opt.macs, "N", "每核每周期 FP32 乘加数", AICS_RANGE_CLOSED, 1, 1 << 20,
     .kv = "proc.macs_per_cycle"},
    {"freq-ghz", AICS_OPT_DOUBLE, &opt.freq_ghz, "GHZ", "主频，GHz", AICS_RANGE_OPEN_MIN, 0, 100,
     .kv = "proc.freq_ghz"},
    {"dram-gbps", AICS_OPT_DOUBLE, &opt.dram_gbps, "GB/S", "单核处理器的片外带宽，GB/s（1 GB = 10⁹ B）",
     AICS_RANGE_OPEN_MIN, 0, 1e6, .kv = "proc.dram_gbps"},
    {"quad-dram-gbps", AICS_OPT_DOUBLE, &opt.quad_dram_gbps, "GB/S", "四核处理器的片外带宽，GB/s",
     AICS_RANGE_OPEN_MIN, 0, 1e6, .kv = "proc.quad_dram_gbps"},
    {"sram-kb", AICS_OPT_INT, &opt.sram_kb, "KB", "四核共享的 SharedRAM 容量，KB", AICS_RANGE_CLOSED, 1, 1 << 24,
     .kv = "proc.sram_kb"},
    {"sram-gbps", AICS_OPT_DOUBLE, &opt.sram_gbps, "GB/S", "SharedRAM 到每个核的带宽，GB/s",
     AICS_RANGE_OPEN_MIN, 0, 1e7, .kv = "proc.sram_gbps"},
    {"fp16-factor", AICS_OPT_DOUBLE, &opt.fp16, "X", "16 位运算的速率是 32 位的几倍（假设）",
     AICS_RANGE_OPEN_MIN, 0, 64, .kv = "proc.fp16_factor"},
    {"cores", AICS_OPT_INT, &opt.cores, "N", "运行 FILE 时用的处理器：1（单核）或 4（四核）",
     AICS_RANGE_CLOSED, 1, 4},
    {NULL, 0, NULL, NULL, NULL, 0, 0, 0},
};

static aics_isa_proc make_proc(bool quad)
{
    aics_isa_proc p = quad ? aics_isa_proc_quad() : aics_isa_proc_single();
    p.nram_bytes = opt.nram_kb * 1024;
    p.wram_bytes = opt.wram_kb * 1024;
    p.ops_per_cycle = opt.macs;
    p.freq_ghz = opt.freq_ghz;
    p.fp16_factor = opt.fp16;
    p.dram_gbps = quad ? opt.quad_dram_gbps : opt.dram_gbps;
    if (quad) p.sram_bytes = opt.sram_kb * 1024, p.sram_gbps = opt.sram_gbps;
    return p;
}

typedef struct {
    aics_isa_prog prog;
    aics_fc_plan plan;
    aics_isa_stats st;
    aics_isa_stats st_gib;    /* the same with GB = 2³⁰ B */
    double formula_ns;        /* Σ bytes / bandwidth + MACs / peak, per link */
    bool ok;                  /* bound ≤ pipelined ≤ serial = formula */
} solved;

/* Σ over the links of bytes / aggregate bandwidth, plus MACs over the chip's peak. */
static double serial_formula(const aics_isa_proc *p, const aics_isa_stats *st)
{
    int64_t sram_link = 0;
    for (int a = AICS_MEM_SRAM; a < AICS_MEM_COUNT; a++)
        for (int b = AICS_MEM_SRAM; b < AICS_MEM_COUNT; b++) sram_link += st->moved[a][b];
    double t = (double)st->dram_bytes / p->dram_gbps + (double)st->macs / ((double)p->ops_per_cycle *
                                                                         (double)p->cores * p->freq_ghz);
    if (sram_link) t += (double)sram_link / (p->sram_gbps * (double)p->cores);
    return t + (double)(st->ops - st->macs) / ((double)p->ops_per_cycle * (double)p->cores * p->freq_ghz);
}

static bool close_to(double a, double b) { return a <= b * (1 + 1e-12) && b <= a * (1 + 1e-12); }

static void solve(const exercise *e, solved *s)
{
    aics_isa_proc p = make_proc(e->quad);
    aics_fc_task t = {.m = e->m, .k = e->k, .n = e->n, .in_den = e->in_den, .w_den = e->w_den,
                      .skip_zeros = e->skip};
    char err[300];
    if (!aics_isa_gen_fc(&p, &t, &s->prog, &s->plan, err, sizeof err))
        aics_die_usage("%s: %s (the processor options are too small for this layer)", e->number, err);
    if (!aics_isa_run(&p, &s->prog, &s->st, err, sizeof err)) aics_die_usage("%s: %s", e->number, err);
    aics_isa_proc g = p;
    g.dram_gbps *= 1.073741824, g.sram_gbps *= 1.073741824;
    AICS_CHECK(aics_isa_run(&g, &s->prog, &s->st_gib, err, sizeof err), "a larger bandwidth fits the same");
    s->formula_ns = serial_formula(&p, &s->st);
    s->ok = s->plan.bound_ns <= s->st.pipelined_ns * (1 + 1e-12) &&
            s->st.pipelined_ns <= s->st.serial_ns * (1 + 1e-12) && close_to(s->st.serial_ns, s->formula_ns);
}

static const char *bottleneck(const solved *s)
{
    const aics_isa_stats *st = &s->st;
    return st->dram_busy_ns >= st->compute_busy_ns ? "访存" : "计算";
}

static void key_int(aics_result *r, const char *pre, const char *name, int64_t v, const char *label)
{
    char key[100];
    snprintf(key, sizeof key, "%s.%s", pre, name);
    aics_result_int(r, key, v, label);
}

static void key_double(aics_result *r, const char *pre, const char *name, double v, const char *label)
{
    char key[100];
    snprintf(key, sizeof key, "%s.%s", pre, name);
    aics_result_double(r, key, v, label);
}

static void report_answer(aics_result *r, const solved *s)
{
    aics_result_part_show(r, "answer", "答案：每题的时间（ns）", AICS_SHOW_ANSWER);
    aics_table *t = aics_result_table(r, "llrrrrl",
        (const char *const[]){"习题", "层（输入·权重）", "片外字节", "串行", "流水", "下界", "瓶颈"});
    char a[32];
    for (size_t i = 0; i < NEX; i++) {
        const exercise *e = &exercises[i];
        aics_table_cell(t, "%s", e->number);
        aics_table_cell(t, "%lld×%lld·%lld×%lld", (long long)e->m, (long long)e->k, (long long)e->k,
                        (long long)e->n);
        aics_table_cell(t, "%s", aics_fmt_thousands(s[i].st.dram_bytes, a));
        aics_table_cell(t, "%.1f", s[i].st.serial_ns);
        aics_table_cell(t, "%.1f", s[i].st.pipelined_ns);
        aics_table_cell(t, "%.1f", s[i].plan.bound_ns);
        aics_table_cell(t, "%s", bottleneck(&s[i]));
    }
    aics_result_note(r, "约定：1 GB = 10⁹ B，1 KB = 1024 B；串行 = 各级字节数 ÷ 带宽 + 乘加数 ÷ 峰值；"
                        "流水 = 双缓冲，访存与计算尽量重叠；下界 = max(必需片外字节 ÷ 带宽, 乘加数 ÷ 峰值)。"
                        "7.10 按“不跳零”作答（乘加数不变），“跳零”一行是阵列跳过被压缩掉的零时的结果。");
}

/* "    move …" lines: an indented block, code in Markdown, plain in text. */
static void note_listing(aics_result *r, const aics_isa_prog *p)
{
    char *text = aics_isa_print(p);
    aics_buf b = AICS_BUF_INIT;
    for (char *line = text; *line;) {
        char *nl = strchr(line, '\n');
        aics_buf_puts(&b, "    ");
        aics_buf_append(&b, line, nl ? (size_t)(nl - line) : strlen(line));
        aics_buf_putc(&b, '\n');
        line = nl ? nl + 1 : line + strlen(line);
    }
    char *block = aics_buf_take(&b);
    aics_result_note(r, "%s", block);
    free(block);
    free(text);
}

static void report_one(aics_result *r, const exercise *e, const solved *s)
{
    char part[40], title[80], a[32], b[32];
    snprintf(part, sizeof part, "%s", e->key);
    for (char *c = part; *c; c++)
        if (*c == '.') *c = '_';
    snprintf(title, sizeof title, "习题 %s：%lld×%lld 乘 %lld×%lld", e->number, (long long)e->m, (long long)e->k,
             (long long)e->k, (long long)e->n);
    aics_result_part(r, part, title);
    note_listing(r, &s->prog);
    const aics_isa_stats *st = &s->st;
    aics_result_note(r, "切块：每块 %lld 行、每核 %lld 列；NRAM 峰值 %s B，WRAM 峰值 %s B；双缓冲放得下：%s。",
                     (long long)s->plan.row_tile, (long long)s->plan.col_tile, aics_fmt_thousands(st->peak[AICS_MEM_NRAM], a),
                     aics_fmt_thousands(st->peak[AICS_MEM_WRAM], b), st->double_buffered ? "是" : "否");
    key_int(r, e->key, "macs", st->macs, "乘加次数");
    key_int(r, e->key, "dram_bytes", st->dram_bytes, "片外传输字节数");
    key_double(r, e->key, "serial_ns", st->serial_ns, "串行时间（ns）");
    key_double(r, e->key, "pipelined_ns", st->pipelined_ns, "流水（双缓冲）时间（ns）");
    key_double(r, e->key, "bound_ns", s->plan.bound_ns, "屋顶线下界（ns）");
    key_double(r, e->key, "formula_ns", s->formula_ns, "字节 ÷ 带宽 + 乘加 ÷ 峰值（ns）");
    key_double(r, e->key, "gib.pipelined_ns", s->st_gib.pipelined_ns, "若 1 GB = 2³⁰ B：流水时间（ns）");
    key_int(r, e->key, "nram_peak_bytes", st->peak[AICS_MEM_NRAM], "NRAM 峰值占用（B）");
    key_int(r, e->key, "wram_peak_bytes", st->peak[AICS_MEM_WRAM], "WRAM 峰值占用（B）");
    if (e->quad) key_int(r, e->key, "sram_peak_bytes", st->peak[AICS_MEM_SRAM], "SharedRAM 峰值占用（B）");
    char key[100];
    snprintf(key, sizeof key, "%s.check", e->key);
    aics_result_word(r, key, s->ok ? "pass" : "fail", "下界 ≤ 流水 ≤ 串行，且串行 = 字节 ÷ 带宽 + 乘加 ÷ 峰值");
}

static void plot_times(aics_plot *p, const solved *s)
{
    double v[NEX * 4];
    for (size_t i = 0; i < NEX; i++) {
        v[4 * i] = (double)i;
        v[4 * i + 1] = s[i].st.serial_ns / 1000;
        v[4 * i + 2] = s[i].st.pipelined_ns / 1000;
        v[4 * i + 3] = s[i].plan.bound_ns / 1000;
    }
    aics_plot_begin(p, "ex7_7_times", 1000, 560);
    aics_plot_data(p, "T", v, NEX, 4);
    aics_plot_cmd(p, "set style data histograms; set style histogram clustered gap 1; set style fill solid 0.8 border -1");
    aics_plot_axes_set(p, &(aics_plot_axes){.ylabel = "时间（μs，对数坐标）", .logscale = "y", .grid = "ytics", .key = "below"});
    aics_plot_cmd(p, "set xtics ('7.7' 0, '7.8' 1, '7.9' 2, '7.10' 3, '7.10 跳零' 4, '7.11' 5, '7.12' 6)");
    aics_plot_cmd(p, "plot $T using 2 title '串行', '' using 3 title '流水（双缓冲）', '' using 4 title '屋顶线下界'");
    aics_plot_end(p);
}

/* A hand-written sequence: run it, report its counts and times, or fail on its first error. */
static void report_file(aics_result *r, const char *path)
{
    size_t len;
    char *text = aics_read_file(path, 1 << 20, &len);
    if (!text) aics_die_data(path, 0, 0, "cannot read the program (a regular file of at most 1 MiB)");
    aics_isa_prog prog;
    char err[400];
    if (!aics_isa_parse(text, len, path, &prog, err, sizeof err)) {
        fprintf(stderr, "%s: %s\n", aics_progname(), err);
        exit(AICS_EXIT_DATA);
    }
    free(text);
    aics_isa_proc p = make_proc(opt.cores == 4);
    if (opt.cores != 1 && opt.cores != 4) aics_die_usage("--cores is 1 or 4, not %lld", (long long)opt.cores);
    aics_isa_stats st;
    if (!aics_isa_run(&p, &prog, &st, err, sizeof err)) {
        fprintf(stderr, "%s: %s\n", aics_progname(), err);
        exit(AICS_EXIT_DATA);
    }
    aics_result_part_show(r, "answer", opt.cores == 4 ? "四核处理器上的运行结果" : "单核处理器上的运行结果", AICS_SHOW_ANSWER);
    key_int(r, "program", "macs", st.macs, "乘加次数");
    key_int(r, "program", "dram_bytes", st.dram_bytes, "片外传输字节数");
    key_double(r, "program", "serial_ns", st.serial_ns, "串行时间（ns）");
    key_double(r, "program", "pipelined_ns", st.pipelined_ns, "流水（双缓冲）时间（ns）");
    key_int(r, "program", "nram_peak_bytes", st.peak[AICS_MEM_NRAM], "NRAM 峰值占用（B）");
    key_int(r, "program", "wram_peak_bytes", st.peak[AICS_MEM_WRAM], "WRAM 峰值占用（B）");
    aics_result_word(r, "program.double_buffered", st.double_buffered ? "yes" : "no", "双缓冲放得下");
    aics_isa_prog_free(&prog);
}

/* The exercises' sequences, solved by report() for draw(); finish() frees them. */
static struct {
    solved s[NEX];
    bool done;
} st;

static void report(aics_result *r, const aics_run *run)
{
    if (run->nargs == 1) {
        report_file(r, run->args[0]);
        return;
    }
    for (size_t i = 0; i < NEX; i++) solve(&exercises[i], &st.s[i]);
    st.done = true;
    report_answer(r, st.s);
    aics_report_options(r, options); /* the processor this run used */
    for (size_t i = 0; i < NEX; i++) report_one(r, &exercises[i], &st.s[i]);
}

static void draw(aics_plot *p)
{
    if (st.done) plot_times(p, st.s);
}

static void finish(void)
{
    for (size_t i = 0; st.done && i < NEX; i++) aics_isa_prog_free(&st.s[i].prog);
}

AICS_MAIN(.name = "ex7_7", .exercise = "7.7", .convention = "ns-gb10e9-kb1024",
          .summary = "习题 7.7–7.12：在第 7 章的单核与四核处理器上，为全连接层写出指令序列并估计时间"
                     "（串行、双缓冲流水、屋顶线下界）。给出 FILE 时运行手写的指令序列。",
          .usage = "[FILE]",
          .details = "指令：move 源 目的 字节数（DRAM、SRAM、NRAM、WRAM），compute 类型 次数（MAC_32 等），\n"
                     "loop N … endloop，sync，core K（其后各行属于第 K 个核）。# 之后是注释。\n"
                     "约定：1 GB = 10⁹ B，1 KB = 1024 B，时间单位 ns。\n"
                     "kv 键：ex7_N.{macs,dram_bytes,serial_ns,pipelined_ns,bound_ns,formula_ns,check} 等；\n"
                     "ex7_10.skip.* 是阵列跳过零时的结果。运行 FILE 时键为 program.*。",
          .opts = options, .max_args = 1, .report = report, .draw = draw, .finish = finish)
