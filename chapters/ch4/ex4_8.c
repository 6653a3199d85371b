/* ex4_8.c — exercise 4.8: an initial learning rate of 0.1 that becomes 0.9
 * times as large every 10000 iterations. What is it after 25000 iterations?
 *
 * Two readings of "every 10000 iterations" (src/models/lrsched.h):
 *   staircase   η(t) = η₀·r^⌊t/T⌋  — what the sentence says, and the answer;
 *   continuous  η(t) = η₀·r^(t/T)  — tf.train.exponential_decay's default.
 * t counts iterations already done, from 0. The figure draws both.
 */
#include <math.h>
#include <stdio.h>

#include "lrsched.h"
#include "plot.h"
#include "program.h"

#define LR0 0.1
#define RATE 0.9
#define PERIOD 10000
#define ASKED 25000

typedef struct {
    double lr0, rate;
    int64_t period, at;
} options;

static options opt = {LR0, RATE, PERIOD, ASKED};


static void report_table(aics_result *r, const options *o)
{
    aics_lrsched stair = {o->lr0, o->rate, o->period, true};
    aics_lrsched smooth = {o->lr0, o->rate, o->period, false};
    aics_result_part(r, "table", "若干迭代次数下的学习率");
    aics_table *t = aics_result_table(r, "rrr", (const char *const[]){"迭代次数 t", "阶梯式", "连续式"});
    static const double multiples[] = {0, 0.5, 0.9999, 1, 1.5, 2, 2.5, 3, 5, 10};
    for (size_t i = 0; i < sizeof multiples / sizeof *multiples; i++) {
        int64_t it = (int64_t)llround(multiples[i] * (double)o->period);
        aics_table_cell(t, "%lld", (long long)it);
        aics_table_cell(t, "%.6f", aics_lrsched_at(&stair, it));
        aics_table_cell(t, "%.6f", aics_lrsched_at(&smooth, it));
    }
    aics_result_int(r, "staircase.first_below_tenth", aics_lrsched_first_below(&stair, o->lr0 / 10),
                    "阶梯式降到 η₀/10 以下的第一次迭代");
    aics_result_int(r, "continuous.first_below_tenth", aics_lrsched_first_below(&smooth, o->lr0 / 10),
                    "连续式降到 η₀/10 以下的第一次迭代");
}

static void draw_figure(aics_plot *p)
{
    const options *o = &opt;
    enum { N = 501 };
    static double rows[N][3];
    aics_lrsched stair = {o->lr0, o->rate, o->period, true};
    aics_lrsched smooth = {o->lr0, o->rate, o->period, false};
    int64_t span = 6 * o->period;
    for (int i = 0; i < N; i++) {
        int64_t t = span * i / (N - 1);
        rows[i][0] = (double)t;
        rows[i][1] = aics_lrsched_at(&stair, t);
        rows[i][2] = aics_lrsched_at(&smooth, t);
    }
    aics_plot_begin(p, "ex4_8_schedule", 960, 540);
    aics_plot_data(p, "S", &rows[0][0], N, 3);
    aics_plot_axes_set(p, &(aics_plot_axes){.xlabel = "迭代次数 t", .ylabel = "学习率 η", .key = "right top"});
    aics_plot_cmd(p, "set arrow from %lld, graph 0 to %lld, graph 1 nohead dt 3 lc 'gray40'",
                  (long long)o->at, (long long)o->at);
    aics_plot_cmd(p, "plot $S using 1:2 with steps lw 3 title '阶梯式 η₀·r^{⌊t/T⌋}', "
                     "$S using 1:3 with lines lw 3 dt 2 title '连续式 η₀·r^{t/T}', "
                     "'+' using (%lld):(%.17g) every ::0::0 with points pt 7 ps 2 lc 'black' "
                     "title 't = %lld 时 η = %.4g'",
                  (long long)o->at, aics_lrsched_at(&stair, o->at), (long long)o->at,
                  aics_lrsched_at(&stair, o->at));
    aics_plot_end(p);
}

static const aics_opt opts[] = {
    {"lr0", AICS_OPT_DOUBLE, &opt.lr0, "η₀", "初始学习率", AICS_RANGE_OPEN_MIN, 0, 1e9, .kv = "lr0"},
    {"rate", AICS_OPT_DOUBLE, &opt.rate, "r", "衰减率", AICS_RANGE_OPEN_MIN, 0, 1, .kv = "rate"},
    {"period", AICS_OPT_INT, &opt.period, "T", "衰减周期（迭代次数）", AICS_RANGE_CLOSED, 1, 1e12},
    {"at", AICS_OPT_INT, &opt.at, "t", "所问的迭代次数；结果键随之变为 lr_at_t", AICS_RANGE_CLOSED, 0, 1e12},
    {0},
};

/* The answer first, then the schedule around it. */
static void report(aics_result *r, const aics_run *run)
{
    const options *o = &opt;
    aics_lrsched stair = {o->lr0, o->rate, o->period, true};
    aics_lrsched smooth = {o->lr0, o->rate, o->period, false};
    aics_result_part_show(r, "answer", "学习率的阶梯式指数衰减", AICS_SHOW_ANSWER);
    aics_report_options(r, run->program->opts);
    aics_result_note(r, "η₀ = %g，每 %lld 次迭代乘以 %g；t 为已完成的迭代次数。", o->lr0,
                     (long long)o->period, o->rate);
    aics_result_note(r, "阶梯式 η(t) = η₀·r^⌊t/T⌋：⌊%lld/%lld⌋ = %lld 次衰减。", (long long)o->at,
                     (long long)o->period, (long long)(o->at / o->period));
    char key[48];
    snprintf(key, sizeof key, "lr_at_%lld", (long long)o->at);
    aics_result_double(r, key, aics_lrsched_at(&stair, o->at), "阶梯式（题意，答案）");
    snprintf(key, sizeof key, "continuous.lr_at_%lld", (long long)o->at);
    aics_result_double(r, key, aics_lrsched_at(&smooth, o->at), "连续式 η₀·r^(t/T)");
    aics_result_int(r, "decays_at_asked", o->at / o->period, "到此为止的衰减次数");
    report_table(r, o);
}

AICS_MAIN(.name = "ex4_8", .exercise = "4.8", .convention = "staircase-floor-t-over-T",
          .summary = "习题 4.8：初始学习率 0.1，每 10000 次迭代变为 0.9 倍，25000 次迭代后的学习率。",
          .details = "约定：t 为已完成的迭代次数（从 0 起）；阶梯式 η₀·r^⌊t/T⌋ 为答案，连续式 η₀·r^(t/T) 作对照。",
          .opts = opts, .report = report, .draw = draw_figure)
