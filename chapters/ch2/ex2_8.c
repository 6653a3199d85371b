/* ex2_8.c — exercise 2.8: in an MLP with two hidden layers, how is each
 * output neuron's label decided, and how is a sample's label decided at
 * prediction time?
 *
 * A tiny example: three classes of points in the plane (three Gaussian
 * clusters from PCG32), a 2–6–6–3 network (sigmoid everywhere) trained on
 * one-hot targets. The labels of the output neurons are fixed before training
 * by that encoding: class k's target is 1 at output neuron k and 0 elsewhere,
 * so training makes neuron k answer "class k". At prediction time the label
 * of a sample is the index of the largest output (argmax); the outputs need
 * not sum to 1 (a softmax would make them probabilities without changing the
 * argmax).
 */
#include <math.h>
#include <stdio.h>

#include "mlp.h"
#include "program.h"
#include "rng.h"

#define NCLASS 3
#define PER_CLASS 30
#define NDATA (NCLASS * PER_CLASS)

static const double centres[NCLASS][2] = {{-1.5, -1.0}, {1.5, -1.0}, {0.0, 1.5}};
static const char *const class_names[NCLASS] = {"类 0", "类 1", "类 2"};

typedef struct {
    double x[NDATA][2], t[NDATA][NCLASS];
    int label[NDATA];
} dataset;

static void make_data(dataset *d, aics_rng *rng)
{
    for (int i = 0; i < NDATA; i++) {
        int c = i % NCLASS;
        d->label[i] = c;
        for (int k = 0; k < 2; k++) d->x[i][k] = centres[c][k] + 0.6 * aics_rng_normal(rng);
        for (int k = 0; k < NCLASS; k++) d->t[i][k] = k == c; /* one-hot: neuron c means class c */
    }
}

// ANCHOR: argmax
static int predict(const aics_mlp *m, aics_mlp_trace *tr, const double *x, const double **y_out)
{
    const double *y = aics_mlp_forward(m, tr, x);
    int best = 0;
    for (int k = 1; k < NCLASS; k++)
        if (y[k] > y[best]) best = k; /* the label is the neuron with the largest output */
    if (y_out) *y_out = y;
    return best;
}
// ANCHOR_END: argmax

static void report(aics_result *r, aics_mlp *m, const dataset *d)
{
    aics_mlp_trace tr;
    aics_mlp_trace_init(&tr, m);
    int right = 0;
    for (int i = 0; i < NDATA; i++) right += predict(m, &tr, d->x[i], NULL) == d->label[i];
    aics_result_part_show(r, "answer", "输出神经元的标签与样本的标签", AICS_SHOW_ANSWER);
    aics_result_note(r, "输出神经元的标签：训练前由独热编码约定，类 k 的目标在第 k 个输出为 1、其余为 0。");
    aics_result_note(r, "预测样本的标签：取输出最大的神经元的编号（argmax）。");
    aics_result_double(r, "train_accuracy", (double)right / NDATA, "训练集上按 argmax 的准确率");
    static const double probes[][2] = {{-1.5, -1.0}, {1.4, -0.8}, {0.1, 1.6}, {0.0, -0.2}};
    aics_result_part_show(r, "probes", "几个样本的三个输出与 argmax", AICS_SHOW_BRIEF);
    aics_table *t = aics_result_table(r, "rrrrrl",
        (const char *const[]){"x₁", "x₂", "y₀", "y₁", "y₂", "预测"});
    for (size_t i = 0; i < sizeof probes / sizeof *probes; i++) {
        const double *y;
        int c = predict(m, &tr, probes[i], &y);
        aics_table_cell(t, "%g", probes[i][0]);
        aics_table_cell(t, "%g", probes[i][1]);
        for (int k = 0; k < NCLASS; k++) aics_table_cell(t, "%.3f", y[k]);
        aics_table_cell(t, "%s", class_names[c]);
        char key[32];
        snprintf(key, sizeof key, "probe%zu.label", i + 1);
        aics_result_kv_only(r, true);
        aics_result_int(r, key, c, NULL);
        aics_result_kv_only(r, false);
    }
    aics_result_note(r, "三个输出不必加起来等于 1；取 softmax 可化为概率，但 argmax 不变。");
    aics_mlp_trace_free(&tr);
}

static void run_exercise(aics_result *r, const aics_run *run)
{
    aics_rng rng;
    aics_rng_seed(&rng, run->seed, 8);
    static dataset d;
    make_data(&d, &rng);
    aics_mlp m;
    aics_mlp_init(&m, 3, (const int[]){2, 6, 6, NCLASS}, AICS_ACT_SIGMOID, AICS_ACT_SIGMOID);
    aics_mlp_randomize(&m, &rng);
    aics_mlp_data data = {NDATA, 2, NCLASS, &d.x[0][0], &d.t[0][0]};
    aics_mlp_train(&m, &data, &(aics_mlp_train_opts){2.0, 3000, 10}, &rng, NULL);
    report(r, &m, &d);
    aics_mlp_free(&m);
}

AICS_MAIN(.name = "ex2_8", .exercise = "2.8", .convention = "one-hot-targets-argmax",
          .summary = "习题 2.8：两个隐层的 MLP 如何决定输出神经元的标签、预测时如何决定样本的标签。",
          .details = "约定：2–6–6–3 网络，sigmoid，独热目标，损失 ½Σ(y−t)²，小批量 SGD（η = 2，批大小 10，3000 轮）；\n"
                     "三团高斯分布的点由 --seed 的 PCG32 生成。",
          .uses_seed = true, .default_seed = 28, .report = run_exercise)
