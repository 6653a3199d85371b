/* ex8_2.c — exercise 8.2: on-chip memory 4 cycles, off-chip DDR 150 cycles,
 * on-chip hit rate 90%. What is the average memory access latency?
 *
 * The formula has two readings, and the program states both:
 *   textbook   T = h·t_on + (1 − h)·t_off — each access is served by exactly
 *              one level (the weighted mean the Chinese computer-organisation
 *              textbooks write as t_a = h·t_c + (1 − h)·t_m): 18.6 cycles;
 *   serial     T = t_on + (1 − h)·t_off — every access first tries the chip
 *              and a miss then pays the DDR latency on top (Hennessy and
 *              Patterson's AMAT = hit time + miss rate × miss penalty): 19.
 * The two differ by (1 − h)·t_on: the on-chip lookup that a miss also pays.
 */
#include <math.h>
#include <stdio.h>

#include "plot.h"
#include "program.h"

typedef struct {
    double on_chip, off_chip, hit_rate;
} options;

static options opt = {4, 150, 0.9};

// ANCHOR: amat
static double amat_weighted(const options *o) { return o->hit_rate * o->on_chip + (1 - o->hit_rate) * o->off_chip; }
static double amat_serial(const options *o) { return o->on_chip + (1 - o->hit_rate) * o->off_chip; }
// ANCHOR_END: amat


static void report_table(aics_result *r, const options *o)
{
    aics_result_part(r, "table", "命中率与平均延迟");
    aics_table *t = aics_result_table(r, "rrr", (const char *const[]){"命中率 h", "课本读法", "串行读法"});
    static const double rates[] = {0.5, 0.8, 0.9, 0.95, 0.99, 1.0};
    for (size_t i = 0; i < sizeof rates / sizeof *rates; i++) {
        options q = *o;
        q.hit_rate = rates[i];
        aics_table_cell(t, "%g", rates[i]);
        aics_table_cell(t, "%.2f", amat_weighted(&q));
        aics_table_cell(t, "%.2f", amat_serial(&q));
    }
    aics_result_double(r, "gap_cycles", amat_serial(o) - amat_weighted(o), "两种读法之差 (1−h)·t片上（周期）");
}

static void draw_figure(aics_plot *p)
{
    const options *o = &opt;
    enum { N = 101 };
    static double rows[N][3];
    for (int i = 0; i < N; i++) {
        options q = *o;
        q.hit_rate = 0.5 + 0.5 * i / (N - 1);
        rows[i][0] = q.hit_rate * 100;
        rows[i][1] = amat_weighted(&q);
        rows[i][2] = amat_serial(&q);
    }
    aics_plot_begin(p, "ex8_2_amat", 960, 540);
    aics_plot_data(p, "A", &rows[0][0], N, 3);
    aics_plot_axes_set(p, &(aics_plot_axes){.xlabel = "片上命中率 h（%）", .ylabel = "平均访存延迟（周期）", .key = "right top"});
    aics_plot_cmd(p, "plot $A using 1:2 with lines lw 3 title '课本读法 h·t_{片上} + (1−h)·t_{片外}', "
                     "$A using 1:3 with lines lw 3 dt 2 title '串行读法 t_{片上} + (1−h)·t_{片外}', "
                     "'+' using (%.17g):(%.17g) every ::0::0 with points pt 7 ps 2 lc 'black' "
                     "title 'h = %g%%：%.4g 周期'",
                  o->hit_rate * 100, amat_weighted(o), o->hit_rate * 100, amat_weighted(o));
    aics_plot_end(p);
}

static const aics_opt opts[] = {
    {"on-chip", AICS_OPT_DOUBLE, &opt.on_chip, "N", "片上访问延迟", AICS_RANGE_CLOSED, 0, 1e9, .kv = "on_chip_cycles"},
    {"off-chip", AICS_OPT_DOUBLE, &opt.off_chip, "N", "片外 DDR 访问延迟", AICS_RANGE_CLOSED, 0, 1e9, .kv = "off_chip_cycles"},
    {"hit-rate", AICS_OPT_DOUBLE, &opt.hit_rate, "h", "片上命中率，0 到 1", AICS_RANGE_CLOSED, 0, 1, .kv = "hit_rate"},
    {0},
};

/* The answer first, then the table over hit rates. */
static void report(aics_result *r, const aics_run *run)
{
    const options *o = &opt;
    aics_result_part_show(r, "answer", "平均访存延迟", AICS_SHOW_ANSWER);
    aics_report_options(r, run->program->opts);
    aics_result_note(r, "片上 %g 周期，片外 DDR %g 周期，片上命中率 h = %g。", o->on_chip, o->off_chip,
                     o->hit_rate);
    aics_result_note(r, "课本读法：T = h·t片上 + (1−h)·t片外，每次访问只由一级存储完成。");
    aics_result_double(r, "amat_cycles", amat_weighted(o), "平均访存延迟（周期，课本读法）");
    aics_result_note(r, "串行读法：T = t片上 + (1−h)·t片外，未命中时先查片上再访问 DDR。");
    aics_result_double(r, "amat_cycles_serial", amat_serial(o), "平均访存延迟（周期，串行读法）");
    aics_result_double(r, "speedup_vs_ddr_only", o->off_chip / amat_weighted(o),
                       "相对全部访问 DDR 的加速（课本读法）");
    report_table(r, o);
}

AICS_MAIN(.name = "ex8_2", .exercise = "8.2", .convention = "weighted-mean-h-ton-plus-1mh-toff",
          .summary = "习题 8.2：片上 4 周期、片外 DDR 150 周期、命中率 90% 时的平均访存延迟。",
          .details = "约定：课本读法 T = h·t片上 + (1−h)·t片外 为答案（amat_cycles）；\n"
                     "串行读法 T = t片上 + (1−h)·t片外 另给（amat_cycles_serial）。",
          .opts = opts, .report = report, .draw = draw_figure)
