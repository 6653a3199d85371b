/* ex2_11.c — exercises 2.11 and 2.12: an MLP that learns a 4-bit adder,
 * trained and tested in C with no framework (the project's own MLP and
 * backpropagation, src/models/mlp.h).
 *
 * The task: two 4-bit numbers a and b (8 input bits, most significant first)
 * give their 4-bit sum and the carry out (5 output bits): 256 cases in all.
 * They are shuffled with PCG32 from --seed and split into a training set
 * (--train cases, default 192) and a held-out test set (the other 64) that
 * training never sees. Network 8–H–5, sigmoid hidden and output neurons,
 * loss ½Σ(y − t)², mini-batch SGD. A case counts as right only when all five
 * output bits, thresholded at 0.5, are right; bit accuracy is reported too.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "error.h"
#include "mlp.h"
#include "plot.h"
#include "program.h"
#include "rng.h"

#define NCASES 256
#define NIN 8
#define NOUT 5
#define CHECKPOINTS 50
#define SWEEP_SEEDS 5 /* the run's seed and the next four: how much the answer depends on the draw */

typedef struct {
    int64_t hidden, epochs, batch, train;
    double lr;
} options;

// ANCHOR: data
/* Case c = 16·a + b: inputs a3 a2 a1 a0 b3 b2 b1 b0, targets carry s3 s2 s1 s0. */
static void make_case(int c, double *x, double *t)
{
    int a = c >> 4, b = c & 15, s = a + b;
    for (int i = 0; i < 4; i++) {
        x[i] = (a >> (3 - i)) & 1;
        x[4 + i] = (b >> (3 - i)) & 1;
    }
    for (int i = 0; i < NOUT; i++) t[i] = (s >> (4 - i)) & 1;
}
// ANCHOR_END: data

typedef struct {
    double x[NCASES][NIN], t[NCASES][NOUT];
    int order[NCASES];    /* case numbers: the first ntrain train, the rest test */
    aics_mlp_data train, test;
} dataset;

static void make_split(dataset *d, int64_t ntrain, aics_rng *rng)
{
    uint32_t idx[NCASES];
    for (uint32_t i = 0; i < NCASES; i++) idx[i] = i;
    aics_rng_shuffle(rng, idx, NCASES);
    for (int i = 0; i < NCASES; i++) {
        d->order[i] = (int)idx[i];
        make_case(d->order[i], d->x[i], d->t[i]);
    }
    d->train = (aics_mlp_data){(size_t)ntrain, NIN, NOUT, &d->x[0][0], &d->t[0][0]};
    d->test = (aics_mlp_data){(size_t)(NCASES - ntrain), NIN, NOUT, &d->x[ntrain][0], &d->t[ntrain][0]};
}

typedef struct {
    double cases, bits; /* fractions right */
} accuracy;

static accuracy evaluate(const aics_mlp *m, aics_mlp_trace *tr, const aics_mlp_data *d)
{
    size_t cases = 0, bits = 0;
    for (size_t e = 0; e < d->n; e++) {
        const double *y = aics_mlp_forward(m, tr, d->x + e * NIN);
        size_t right = 0;
        for (int k = 0; k < NOUT; k++) right += (y[k] > 0.5) == (d->t[e * NOUT + k] > 0.5);
        bits += right;
        cases += right == NOUT;
    }
    if (d->n == 0) return (accuracy){0, 0};
    return (accuracy){(double)cases / (double)d->n, (double)bits / (double)(d->n * NOUT)};
}

/* One row of the training curve: epoch, train loss, train and test case accuracy. */
typedef struct {
    double epoch, loss, train_acc, test_acc, test_loss;
} point;

static void train(aics_mlp *m, const dataset *d, const options *o, aics_rng *rng, point *curve)
{
    aics_mlp_trace tr;
    aics_mlp_trace_init(&tr, m);
    int64_t done = 0;
    for (int c = 0; c <= CHECKPOINTS; c++) {
        int64_t target = o->epochs * c / CHECKPOINTS;
        if (target > done) {
            aics_mlp_train_opts to = {o->lr, target - done, (size_t)o->batch};
            aics_mlp_train_result res = aics_mlp_train(m, &d->train, &to, rng, NULL);
            AICS_CHECK(!res.diverged, "sigmoid outputs keep the loss bounded");
            done = target;
        }
        curve[c] = (point){(double)done, aics_mlp_batch(m, &tr, &d->train, NULL, 0, NULL),
                           evaluate(m, &tr, &d->train).cases, evaluate(m, &tr, &d->test).cases,
                           d->test.n ? aics_mlp_batch(m, &tr, &d->test, NULL, 0, NULL) : 0};
    }
    aics_mlp_trace_free(&tr);
}

static void report_answer(aics_result *r, const aics_mlp *m, const dataset *d, const options *o)
{
    aics_mlp_trace tr;
    aics_mlp_trace_init(&tr, m);
    accuracy tr_acc = evaluate(m, &tr, &d->train), te_acc = evaluate(m, &tr, &d->test);
    aics_result_part_show(r, "answer", "MLP 实现 4 位加法器（不用框架）", AICS_SHOW_ANSWER);
    aics_result_note(r, "网络 8–%lld–5（sigmoid），256 个加法打乱后 %lld 个训练、%lld 个留作测试；",
                     (long long)o->hidden, (long long)o->train, (long long)(NCASES - o->train));
    aics_result_note(r, "小批量 SGD，η = %g，批大小 %lld，%lld 轮。5 位全对才算对。", o->lr,
                     (long long)o->batch, (long long)o->epochs);
    aics_result_double(r, "test_accuracy", te_acc.cases, "测试集准确率（按样本）");
    aics_result_double(r, "train_accuracy", tr_acc.cases, "训练集准确率（按样本）");
    aics_result_double(r, "test_bit_accuracy", te_acc.bits, "测试集准确率（按输出位）");
    aics_result_int(r, "test_cases", (int64_t)d->test.n, "测试样本数");
    aics_result_int(r, "net.params", (int64_t)m->nparams, "网络参数个数");
    aics_mlp_trace_free(&tr);
}

static void report_curve(aics_result *r, const point *curve)
{
    aics_result_part(r, "curve", "训练曲线");
    aics_table *t = aics_result_table(r, "rrrrr",
        (const char *const[]){"轮次", "训练损失", "测试损失", "训练准确率", "测试准确率"});
    for (int c = 0; c <= CHECKPOINTS; c += CHECKPOINTS / 10) {
        aics_table_cell(t, "%.0f", curve[c].epoch);
        aics_table_cell(t, "%.4f", curve[c].loss);
        aics_table_cell(t, "%.4f", curve[c].test_loss);
        aics_table_cell(t, "%.3f", curve[c].train_acc);
        aics_table_cell(t, "%.3f", curve[c].test_acc);
    }
    aics_result_double(r, "initial_loss", curve[0].loss, "训练前的训练损失");
    aics_result_double(r, "final_loss", curve[CHECKPOINTS].loss, "训练后的训练损失");
}

/* The test cases the network gets wrong, as a + b = its answer. */
static void report_errors(aics_result *r, const aics_mlp *m, const dataset *d)
{
    aics_result_part_show(r, "errors", "测试集上答错的加法", AICS_SHOW_BRIEF);
    aics_mlp_trace tr;
    aics_mlp_trace_init(&tr, m);
    aics_table *t = aics_result_table(r, "rrrr", (const char *const[]){"a", "b", "a+b", "网络的答案"});
    int wrong = 0;
    for (size_t e = 0; e < d->test.n; e++) {
        const double *y = aics_mlp_forward(m, &tr, d->test.x + e * NIN);
        int got = 0, c = d->order[d->train.n + e];
        for (int k = 0; k < NOUT; k++) got = 2 * got + (y[k] > 0.5);
        if (got == (c >> 4) + (c & 15)) continue;
        wrong++;
        aics_table_cell(t, "%d", c >> 4);
        aics_table_cell(t, "%d", c & 15);
        aics_table_cell(t, "%d", (c >> 4) + (c & 15));
        aics_table_cell(t, "%d", got);
    }
    aics_result_int(r, "test_wrong", wrong, "答错的测试样本数");
    aics_mlp_trace_free(&tr);
}

/* Train from scratch for seeds seed … seed+SWEEP_SEEDS−1 (split and initial
 * weights both change) and report the spread of the test accuracy. */
static void report_sweep(aics_result *r, const options *o, uint64_t seed, const point *first)
{
    aics_result_part_show(r, "sweep", "换随机种子重做", AICS_SHOW_BRIEF);
    aics_table *t = aics_result_table(r, "rrr", (const char *const[]){"种子", "训练准确率", "测试准确率"});
    double lo = 1, hi = 0, sum = 0;
    static dataset d;
    static point curve[CHECKPOINTS + 1];
    for (uint64_t k = 0; k < SWEEP_SEEDS; k++) {
        const point *c = first;
        if (k > 0) {
            aics_rng rng;
            aics_rng_seed(&rng, seed + k, 11);
            make_split(&d, o->train, &rng);
            aics_mlp m;
            aics_mlp_init(&m, 2, (const int[]){NIN, (int)o->hidden, NOUT}, AICS_ACT_SIGMOID, AICS_ACT_SIGMOID);
            aics_mlp_randomize(&m, &rng);
            train(&m, &d, o, &rng, curve);
            aics_mlp_free(&m);
            c = curve;
        }
        double acc = c[CHECKPOINTS].test_acc;
        lo = fmin(lo, acc), hi = fmax(hi, acc), sum += acc;
        aics_table_cell(t, "%llu", (unsigned long long)(seed + k));
        aics_table_cell(t, "%.3f", c[CHECKPOINTS].train_acc);
        aics_table_cell(t, "%.3f", acc);
    }
    aics_result_int(r, "sweep.seeds", SWEEP_SEEDS, "种子个数");
    aics_result_double(r, "sweep.test_accuracy_min", lo, "测试准确率最低");
    aics_result_double(r, "sweep.test_accuracy_mean", sum / SWEEP_SEEDS, "测试准确率平均");
    aics_result_double(r, "sweep.test_accuracy_max", hi, "测试准确率最高");
}

static point training[CHECKPOINTS + 1]; /* what run_exercise() measured and draw_figure() shows */

static void draw_figure(aics_plot *p)
{
    aics_plot_begin(p, "ex2_11_training", 960, 540);
    aics_plot_data(p, "C", &training[0].epoch, CHECKPOINTS + 1, 5);
    aics_plot_axes_set(p, &(aics_plot_axes){.xlabel = "轮次", .ylabel = "平均损失 ½Σ(y−t)²", .logscale = "y",
                                            .key = "center right"});
    aics_plot_cmd(p, "set y2label '准确率（5 位全对）'");
    aics_plot_cmd(p, "set y2range [0:1.05]");
    aics_plot_cmd(p, "set y2tics 0.2");
    aics_plot_cmd(p, "set ytics nomirror");
    aics_plot_cmd(p, "plot $C using 1:2 with lines lw 3 title '训练损失', "
                     "$C using 1:5 with lines lw 3 dt 2 title '测试损失', "
                     "$C using 1:3 axes x1y2 with lines lw 2 title '训练准确率', "
                     "$C using 1:4 axes x1y2 with lines lw 2 dt 4 title '测试准确率'");
    aics_plot_end(p);
}

static options opt = {32, 2000, 8, 192, 2.0};

static const aics_opt opts[] = {
    {"hidden", AICS_OPT_INT, &opt.hidden, "H", "隐层神经元个数", AICS_RANGE_CLOSED, 1, 256, .kv = "train.hidden"},
    {"epochs", AICS_OPT_INT, &opt.epochs, "N", "训练轮数", AICS_RANGE_CLOSED, 1, 1e6, .kv = "train.epochs"},
    {"batch", AICS_OPT_INT, &opt.batch, "N", "批大小", AICS_RANGE_CLOSED, 1, NCASES, .kv = "train.batch"},
    {"train", AICS_OPT_INT, &opt.train, "N", "训练样本数，其余作测试", AICS_RANGE_CLOSED, 1, NCASES, .kv = "train.cases"},
    {"lr", AICS_OPT_DOUBLE, &opt.lr, "η", "学习率", AICS_RANGE_OPEN_MIN, 0, 100, .kv = "train.lr"},
    {0},
};

static void run_exercise(aics_result *r, const aics_run *run)
{
    aics_rng rng;
    aics_rng_seed(&rng, run->seed, 11);
    static dataset d;
    make_split(&d, opt.train, &rng);
    aics_mlp m;
    aics_mlp_init(&m, 2, (const int[]){NIN, (int)opt.hidden, NOUT}, AICS_ACT_SIGMOID, AICS_ACT_SIGMOID);
    aics_mlp_randomize(&m, &rng);
    aics_progress(run, "训练 %lld 轮……", (long long)opt.epochs);
    train(&m, &d, &opt, &rng, training);
    report_answer(r, &m, &d, &opt);
    aics_report_options(r, opts); /* the settings this run used */
    report_curve(r, training);
    report_errors(r, &m, &d);
    aics_progress(run, "换 %d 个种子重做……", SWEEP_SEEDS - 1);
    report_sweep(r, &opt, run->seed, training);
    aics_mlp_free(&m);
}

AICS_MAIN(.name = "ex2_11", .exercise = "2.11", .convention = "all-5-bits-right-heldout-split",
          .summary = "习题 2.11、2.12：不用编程框架，用 MLP 实现 4 位加法器（和与进位），自建训练集与测试集。",
          .details = "约定：256 个加法用 --seed 打乱后划分；8–H–5 sigmoid 网络，损失 ½Σ(y−t)²，小批量 SGD；\n"
                     "5 个输出位都对（阈值 0.5）才算答对。",
          .opts = opts, .uses_seed = true, .default_seed = 2011, .report = run_exercise, .draw = draw_figure)
