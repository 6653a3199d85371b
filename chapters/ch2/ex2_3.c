/* ex2_3.c — exercise 2.3: how backpropagation computes a neuron's gradient
 * and how the weights are updated, shown one number at a time.
 *
 * Network: 2–H–1 (H = --hidden, default 3), tanh hidden neurons, an identity
 * output neuron, loss L = ½(y − t)² per example and its mean over a batch.
 * Data: "noisy XOR", 100 points in four Gaussian clusters (σ = 0.3) around
 * (±1, ±1), target t = +1 where x₁x₂ > 0 at the centre and −1 elsewhere, all
 * drawn from PCG32 seeded by --seed. A point is classified by the sign of y.
 *
 * The program reports:
 *   1. one worked training step on example 0: every neuron's z, f(z), f'(z),
 *      every δ (backwards, by the chain rule), every ∂L/∂θ and every updated
 *      parameter θ − η·∂L/∂θ (tables, and each value as a kv key);
 *   2. a gradient check of backpropagation against central differences and
 *      dual numbers (src/models/dual.h), on that example and on the whole data set;
 *   3. training by full-batch gradient descent and by mini-batch SGD from the
 *      same initial network, and full-batch GD at three fixed learning rates
 *      (too small, good, too large) for the learning-rate figure.
 * A NaN or infinite loss is reported as divergence (`*.diverged 1`), never as
 * a number. The network and its training live in src/models/mlp.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backprop.h"
#include "error.h"
#include "mlp.h"
#include "plot.h"
#include "program.h"
#include "rng.h"
#include "shape.h"

#define N_CLUSTER 25          /* points per cluster */
#define N_DATA (4 * N_CLUSTER)
#define NOISE 0.3             /* standard deviation of each cluster */
#define MAX_HIDDEN 64
#define STEP_EXAMPLE 0        /* the example of the worked step */
#define GRADCHECK_LIMIT 1e-6  /* gradcheck.check passes below this */

/* Streams of the one seed, so that changing one use never shifts another. */
enum { STREAM_DATA = 1, STREAM_INIT = 2, STREAM_SGD = 3 };

/* The three learning rates of the figure, full-batch GD. */
static const struct {
    const char *key, *label;
    double lr;
} sweep[] = {
    {"small", "太小", 0.002},
    {"good", "合适", 0.1},
    {"large", "太大", 2.0},
};
#define N_SWEEP (sizeof sweep / sizeof *sweep)

typedef struct {
    double lr;
    int64_t epochs, batch, hidden;
} options;

typedef struct {
    double x[N_DATA][2];
    double t[N_DATA];
    aics_mlp_data d;
} dataset;

static void make_data(dataset *ds, uint64_t seed)
{
    aics_rng rng;
    aics_rng_seed(&rng, seed, STREAM_DATA);
    aics_bp_xor(&rng, N_DATA, NOISE, &ds->x[0][0], ds->t);
    ds->d = (aics_mlp_data){N_DATA, 2, 1, &ds->x[0][0], ds->t};
}

/* ---- 1. the worked step -------------------------------------------------- */

typedef aics_bp_step step; /* src/models/backprop.h */

// ANCHOR: step
/* One example, one step: forward, backward (δ's and ∂L/∂θ), update. */
static void worked_step(step *s, const aics_mlp *m, const dataset *ds, double lr)
{
    s->before = m;
    s->lr = lr;
    s->x = ds->x[STEP_EXAMPLE];
    s->t = &ds->t[STEP_EXAMPLE];
    aics_mlp_trace_init(&s->tr, m);
    s->grad = aics_xcalloc(m->nparams, sizeof *s->grad);
    aics_mlp_forward(m, &s->tr, s->x);
    s->loss = aics_mlp_example_loss(m, &s->tr, s->t);
    aics_mlp_backward(m, &s->tr, s->t, s->grad, 1.0);
    aics_mlp_copy(&s->after, m);
    aics_mlp_update(&s->after, s->grad, lr);
}
// ANCHOR_END: step

static void report_step_forward(aics_result *r, const step *s)
{
    const aics_mlp *m = s->before;
    aics_result_part(r, "step_forward", "前向传播：每个神经元的值");
    aics_result_note(r, "样本 %d：$x_1 = %.6f$，$x_2 = %.6f$，目标 $t = %g$。", STEP_EXAMPLE, s->x[0],
                     s->x[1], s->t[0]);
    aics_table *t = aics_result_table(r, "llrrr",
        (const char *const[]){"神经元", "计算", "z", "a = f(z)", "f'(z)"});
    for (int l = 0; l <= m->nlayers; l++) {
        for (int j = 0; j < m->sizes[l]; j++) {
            char name[16];
            size_t q = s->tr.off[l] + (size_t)j;
            aics_bp_neuron_name(name, sizeof name, l, j);
            aics_table_cell(t, "%s", name);
            if (l == 0) {
                aics_table_cell(t, "输入");
                aics_table_cell(t, "—");
                aics_table_cell(t, "%.6f", s->tr.a[q]);
                aics_table_cell(t, "—");
                continue;
            }
            aics_table_cell(t, l == m->nlayers ? "z = Σ w·h + b，y = z" : "z = Σ w·x + b，h = tanh z");
            aics_table_cell(t, "%.6f", s->tr.z[q]);
            aics_table_cell(t, "%.6f", s->tr.a[q]);
            aics_table_cell(t, "%.6f", s->tr.fprime[q]);
        }
    }
    aics_result_note(r, "损失 $L = \\tfrac12(y-t)^2 = %.6f$。", s->loss);
}

static void report_step_backward(aics_result *r, const step *s)
{
    const aics_mlp *m = s->before;
    int L = m->nlayers;
    aics_result_part(r, "step_backward", "反向传播：每个神经元的误差项 δ");
    aics_table *t = aics_result_table(r, "lllr",
        (const char *const[]){"神经元", "公式", "代入", "δ"});
    size_t qy = s->tr.off[L];
    aics_table_cell(t, "y");
    aics_table_cell(t, "(y − t)·f'(z_y)");
    aics_table_cell(t, s->t[0] < 0 ? "(%.6f − (%g)) × %.6f" : "(%.6f − %g) × %.6f", s->tr.a[qy], s->t[0],
                    s->tr.fprime[qy]);
    aics_table_cell(t, "%.6f", s->tr.delta[qy]);
    for (int j = 0; j < m->sizes[1]; j++) {
        size_t q = s->tr.off[1] + (size_t)j;
        double w = m->theta[aics_mlp_w_index(m, 2, 0, j)];
        aics_table_cell(t, "h%d", j + 1);
        aics_table_cell(t, "f'(z_h%d)·w_y_h%d·δ_y", j + 1, j + 1);
        aics_table_cell(t, "%.6f × %.6f × %.6f", s->tr.fprime[q], w, s->tr.delta[qy]);
        aics_table_cell(t, "%.6f", s->tr.delta[q]);
    }
}

static void report_step_update(aics_result *r, const step *s)
{
    const aics_mlp *m = s->before;
    aics_result_part(r, "step_update", "每个参数的梯度与更新");
    aics_result_note(r, "学习率 $\\eta = %g$；先列输出层（反向传播先算出它们），再列隐层。", s->lr);
    aics_table *t = aics_result_table(r, "lrlrr",
        (const char *const[]){"参数 θ", "θ", "δ·a（代入）", "∂L/∂θ", "θ − η·∂L/∂θ"});
    /* Output layer first, in the order backpropagation produces the gradients. */
    for (int l = m->nlayers; l >= 1; l--) {
        for (size_t k = m->w_off[l - 1]; k < m->b_off[l - 1] + (size_t)m->sizes[l]; k++) {
            char name[48], to[16], from[16];
            int layer, j, i;
            aics_bp_param_name(m, k, name, sizeof name);
            aics_bp_param_input(m, k, &layer, &j, &i);
            aics_bp_neuron_name(to, sizeof to, layer, j);
            aics_table_cell(t, "%s", name);
            aics_table_cell(t, "%.6f", m->theta[k]);
            size_t qd = s->tr.off[layer] + (size_t)j;
            if (i < 0) {
                aics_table_cell(t, "δ_%s = %.6f", to, s->tr.delta[qd]);
            } else {
                aics_bp_neuron_name(from, sizeof from, layer - 1, i);
                aics_table_cell(t, "δ_%s·%s = %.6f × %.6f", to, from, s->tr.delta[qd],
                                s->tr.a[s->tr.off[layer - 1] + (size_t)i]);
            }
            aics_table_cell(t, "%.6f", s->grad[k]);
            aics_table_cell(t, "%.6f", s->after.theta[k]);
        }
    }
}

/* ---- 2. the gradient check ----------------------------------------------- */

static double report_gradcheck(aics_result *r, const aics_mlp *m, const dataset *ds)
{
    aics_mlp_data one = {1, 2, 1, ds->x[STEP_EXAMPLE], &ds->t[STEP_EXAMPLE]};
    aics_bp_gradcheck g1, gall;
    aics_bp_gradcheck_run(&g1, m, &one);
    aics_bp_gradcheck_run(&gall, m, &ds->d);

    aics_result_part(r, "gradcheck_table", "梯度检查：工作步骤的样本");
    aics_table *t = aics_result_table(r, "lrrrrr",
        (const char *const[]){"参数 θ", "反向传播", "中心差分", "对偶数", "相对误差（差分）", "相对误差（对偶数）"});
    for (size_t k = 0; k < m->nparams; k++) {
        char name[48];
        aics_bp_param_name(m, k, name, sizeof name);
        aics_table_cell(t, "%s", name);
        aics_table_cell(t, "%.10f", g1.bp[k]);
        aics_table_cell(t, "%.10f", g1.central[k]);
        aics_table_cell(t, "%.10f", g1.dual[k]);
        aics_table_cell(t, "%.1e", aics_mlp_rel_err(g1.bp[k], g1.central[k]));
        aics_table_cell(t, "%.1e", aics_mlp_rel_err(g1.bp[k], g1.dual[k]));
    }

    aics_result_part(r, "gradcheck", "梯度检查：汇总");
    aics_result_int(r, "gradcheck.params", (int64_t)m->nparams, "参数个数");
    aics_result_double(r, "gradcheck.step.central_max_rel_err", g1.err_central,
                       "工作步骤样本：max 相对误差，中心差分");
    aics_result_double(r, "gradcheck.step.dual_max_rel_err", g1.err_dual,
                       "工作步骤样本：max 相对误差，对偶数");
    aics_result_double(r, "gradcheck.data.central_max_rel_err", gall.err_central,
                       "全部数据的平均损失：max 相对误差，中心差分");
    aics_result_double(r, "gradcheck.data.dual_max_rel_err", gall.err_dual,
                       "全部数据的平均损失：max 相对误差，对偶数");
    double worst = fmax(fmax(g1.err_central, g1.err_dual), fmax(gall.err_central, gall.err_dual));
    aics_result_double(r, "gradcheck.max_rel_err", worst, "以上四项的最大值");
    aics_result_word(r, "gradcheck.check", worst < GRADCHECK_LIMIT ? "pass" : "fail",
                     "最大相对误差低于 1e-6");
    aics_bp_gradcheck_free(&g1);
    aics_bp_gradcheck_free(&gall);
    return worst;
}

/* The answer first: the two rules, with the worked step's numbers and the check. */
static void report_answer(aics_result *r, const step *s, const options *o, double worst)
{
    const aics_mlp *m = s->before;
    size_t y = s->tr.off[m->nlayers]; /* the output neuron */
    size_t b_y = m->b_off[m->nlayers - 1];
    aics_result_part_show(r, "answer", "反向传播怎样算梯度、怎样更新权值（损失 ½(y−t)²）",
                          AICS_SHOW_ANSWER);
    aics_result_fact(r, "输出神经元", "δ_y = (y − t)·f'(z_y)");
    aics_result_fact(r, "隐层神经元", "δ_j = f'(z_j)·∑_k w_kj·δ_k（从输出层往回逐层算）");
    aics_result_fact(r, "梯度", "∂L/∂w_ji = δ_j·a_i，∂L/∂b_j = δ_j");
    aics_result_fact(r, "更新", "w ← w − η·∂L/∂w（本例 η = %g）", o->lr);
    char example[32];
    snprintf(example, sizeof example, "例（样本 %d）", STEP_EXAMPLE);
    aics_result_fact(r, example, "y = %.6f，t = %g，δ_y = %.6f，b_y：%.6f → %.6f",
                     s->tr.a[y], s->t[0], s->tr.delta[y], m->theta[b_y], s->after.theta[b_y]);
    aics_result_fact(r, "核对", "与中心差分、对偶数的最大相对误差 %.1e（%s）", worst,
                     worst < GRADCHECK_LIMIT ? "通过" : "未通过");
    aics_result_part_show(r, "brief", "说明", AICS_SHOW_BRIEF);
    aics_result_note(r, "误差项 δ 是损失对神经元加权和 z 的偏导。链式法则让每个 δ 只依赖后一层的 δ，"
                        "所以从输出层往回一层一层算，一次反向就得到全部梯度；每个权值的梯度是它后端神经元的 δ "
                        "乘前端神经元的输出。逐个神经元的数值与训练过程见 --detail。");
}

/* ---- 3. training ---------------------------------------------------------- */

typedef aics_bp_run run_t;

static void train(run_t *out, const aics_mlp *init, const dataset *ds, double lr, int64_t epochs,
                  size_t batch, uint64_t seed)
{
    aics_rng rng;
    aics_rng_seed(&rng, seed, STREAM_SGD);
    aics_bp_train(out, init, &ds->d, &(aics_mlp_train_opts){lr, epochs, batch}, &rng);
}

/* kv for one run: PREFIX.final_loss and PREFIX.correct, or PREFIX.diverged. */
static void report_run(aics_result *r, const char *prefix, const char *what, const run_t *run,
                       const dataset *ds)
{
    char key[64], label[128];
    if (run->res.diverged) {
        snprintf(key, sizeof key, "%s.diverged", prefix);
        snprintf(label, sizeof label, "%s：发散（损失或参数变为 NaN/∞）", what);
        aics_result_int(r, key, 1, label);
        snprintf(key, sizeof key, "%s.diverged_epoch", prefix);
        snprintf(label, sizeof label, "%s：发散发生在第几轮", what);
        aics_result_int(r, key, run->res.diverged_epoch, label);
        return;
    }
    snprintf(key, sizeof key, "%s.final_loss", prefix);
    snprintf(label, sizeof label, "%s：最终平均损失", what);
    aics_result_double(r, key, run->res.final_loss, label);
    snprintf(key, sizeof key, "%s.correct", prefix);
    snprintf(label, sizeof label, "%s：分类正确的点数（共 %d）", what, N_DATA);
    aics_result_int(r, key, aics_bp_correct(&run->net, &ds->d), label);
}

/* The first epoch whose loss is at most half the initial one (epochs run + 1
 * if none): the prose's "SGD 的损失下降得早", decided. */
static int64_t half_epoch(const run_t *run)
{
    for (int64_t e = 1; e <= run->res.epochs_run; e++)
        if (run->curve[e] <= 0.5 * run->curve[0]) return e;
    return run->res.epochs_run + 1;
}

static void report_training(aics_result *r, const options *o, const aics_mlp *init, const dataset *ds,
                            const run_t *gd, const run_t *sgd)
{
    aics_result_part(r, "training", "训练：全批量梯度下降与小批量随机梯度下降");
    aics_result_note(r, "两种方法从同一个初始网络出发，学习率 $\\eta = %g$，各训练 %lld 轮（epoch）；"
                     "SGD 每轮打乱样本顺序，每 %lld 个样本更新一次。",
                     o->lr, (long long)o->epochs, (long long)o->batch);
    aics_result_double(r, "train.lr", o->lr, "学习率 η");
    aics_result_int(r, "train.epochs", o->epochs, "轮数");
    aics_result_int(r, "sgd.batch", o->batch, "SGD 的批大小");
    aics_result_double(r, "train.initial_loss", gd->curve[0], "训练前的平均损失");
    aics_result_int(r, "train.initial_correct", aics_bp_correct(init, &ds->d), "训练前分类正确的点数");
    aics_result_int(r, "gd.steps", gd->res.steps, "GD：参数更新次数");
    report_run(r, "gd", "GD", gd, ds);
    aics_result_int(r, "sgd.steps", sgd->res.steps, "SGD：参数更新次数");
    report_run(r, "sgd", "SGD", sgd, ds);
    aics_result_int(r, "gd.half_epoch", half_epoch(gd), "GD：损失降到训练前一半的轮次");
    aics_result_int(r, "sgd.half_epoch", half_epoch(sgd), "SGD：损失降到训练前一半的轮次");
    aics_result_bool(r, "sgd.falls_sooner", half_epoch(sgd) < half_epoch(gd), "SGD 的损失比 GD 更早降到训练前的一半");
}

/* The shape of a run's loss curve over its finite epochs 0 … epochs_run:
 * how often it turns between falling and rising, whether it oscillates (at
 * least 3 turns, as in down-up-down-up: one rise and fall, or one dip, is
 * not an oscillation), whether it only falls, and for a run that diverged
 * the growth per epoch after its last turn (geometric mean). */
static void report_curve_shape(aics_result *r, const char *prefix, const char *what, const run_t *run)
{
    size_t n = (size_t)run->res.epochs_run + 1;
    aics_shape sh = aics_shape_of(run->curve, n, 1, 1e-12);
    char key[96], label[160];
    snprintf(key, sizeof key, "%s.loss_turns", prefix);
    snprintf(label, sizeof label, "%s：损失曲线在升降之间转向的次数", what);
    aics_result_int(r, key, (int64_t)sh.turns, label);
    snprintf(key, sizeof key, "%s.loss_oscillates", prefix);
    snprintf(label, sizeof label, "%s：损失振荡（升降转向至少 3 次；1 是，0 否）", what);
    aics_result_int(r, key, sh.turns >= 3, label);
    snprintf(key, sizeof key, "%s.loss_decreasing", prefix);
    snprintf(label, sizeof label, "%s：损失每轮都不升（1 是，0 否）", what);
    aics_result_int(r, key, !sh.rises, label);
    size_t from = sh.last_turn;
    if (!run->res.diverged || n < from + 2) return;
    double growth = exp((log(run->curve[n - 1]) - log(run->curve[from])) / (double)(n - 1 - from));
    snprintf(key, sizeof key, "%s.last_turn_epoch", prefix);
    snprintf(label, sizeof label, "%s：损失最后一次转向的轮次", what);
    aics_result_int(r, key, (int64_t)from, label);
    snprintf(key, sizeof key, "%s.growth_per_epoch", prefix);
    snprintf(label, sizeof label, "%s：最后一次转向之后损失每轮平均增长的倍数（几何平均）", what);
    aics_result_double(r, key, growth, label);
}

static void report_sweep(aics_result *r, const run_t *runs, const dataset *ds)
{
    aics_result_part(r, "lrsweep", "学习率的影响（全批量梯度下降）");
    for (size_t i = 0; i < N_SWEEP; i++) {
        char key[64], what[64];
        snprintf(key, sizeof key, "lrsweep.%s.lr", sweep[i].key);
        snprintf(what, sizeof what, "%s的学习率 η", sweep[i].label);
        aics_result_double(r, key, sweep[i].lr, what);
        snprintf(what, sizeof what, "η %s", sweep[i].label);
        snprintf(key, sizeof key, "lrsweep.%s", sweep[i].key);
        report_run(r, key, what, &runs[i], ds);
        report_curve_shape(r, key, what, &runs[i]);
    }
}

/* ---- figures ---------------------------------------------------------------- */

typedef struct {
    const run_t *run;
    char title[160];
} curve;

/* Loss curves on log–log axes, so that the first epochs (where a too large
 * rate blows up) and the last ones are both visible. Epoch 0 cannot sit on a
 * log axis; the initial loss is the kv key train.initial_loss. A run that
 * diverged is drawn up to its last finite epoch and marked where it ended. */
static void draw_curves(aics_plot *p, const char *name, const curve *c, size_t n, int64_t epochs)
{
    char plot[2048] = "plot ";
    bool any = false;
    for (size_t i = 0; i < n; i++) any |= c[i].run->res.epochs_run >= 1;
    if (!any) return;
    aics_plot_begin(p, name, 720, 440);
    char xrange[32];
    snprintf(xrange, sizeof xrange, "1:%lld", (long long)(epochs > 1 ? epochs : 2));
    aics_plot_axes_set(p, &(aics_plot_axes){.xlabel = "轮数（epoch，对数坐标）", .ylabel = "全部数据上的平均损失 ½(y−t)²",
                                            .logscale = "xy", .xrange = xrange, .yrange = "1e-3:1e3", .key = "below"});
    aics_plot_cmd(p, "set format y '10^{%%L}'");
    for (size_t i = 0; i < n; i++) {
        const aics_mlp_train_result *res = &c[i].run->res;
        if (res->diverged)
            aics_plot_cmd(p, "set arrow from %lld, graph 0 to %lld, graph 1 nohead dt 3 lc rgb 'gray40'",
                          (long long)res->diverged_epoch, (long long)res->diverged_epoch);
        if (res->epochs_run < 1) continue;
        char block[8], part[320];
        snprintf(block, sizeof block, "C%zu", i);
        aics_plot_data(p, block, c[i].run->curve + 1, (size_t)res->epochs_run, 1);
        snprintf(part, sizeof part, "%s$%s using ($0 + 1):1 with lines lw 2 lc %zu title '%s'",
                 strlen(plot) > 5 ? ", " : "", block, i + 1, c[i].title);
        strncat(plot, part, sizeof plot - strlen(plot) - 1);
    }
    aics_plot_cmd(p, "%s", plot);
    aics_plot_end(p);
}

static void diverged_note(char *buf, size_t size, const run_t *run)
{
    if (run->res.diverged) snprintf(buf, size, "，第 %lld 轮发散", (long long)run->res.diverged_epoch);
    else buf[0] = '\0';
}

static void draw_lr_figure(aics_plot *p, const run_t *runs, int64_t epochs)
{
    curve c[N_SWEEP];
    for (size_t i = 0; i < N_SWEEP; i++) {
        char note[64];
        diverged_note(note, sizeof note, &runs[i]);
        c[i].run = &runs[i];
        snprintf(c[i].title, sizeof c[i].title, "η = %g（%s）%s", sweep[i].lr, sweep[i].label, note);
    }
    draw_curves(p, "ex2_3_lr", c, N_SWEEP, epochs);
}

static void draw_gd_sgd_figure(aics_plot *p, const run_t *gd, const run_t *sgd, const options *o)
{
    curve c[2] = {{gd, ""}, {sgd, ""}};
    char note[64];
    diverged_note(note, sizeof note, gd);
    snprintf(c[0].title, sizeof c[0].title, "全批量 GD（η = %g）%s", o->lr, note);
    diverged_note(note, sizeof note, sgd);
    snprintf(c[1].title, sizeof c[1].title, "小批量 SGD（η = %g，批大小 %lld）%s", o->lr, (long long)o->batch, note);
    draw_curves(p, "ex2_3_gd_sgd", c, 2, o->epochs);
}

#define GRID 81
#define GRID_LIM 2.5

/* The network's output y on a GRID × GRID grid over [−2.5, 2.5]², as rows (x1, x2, y). */
static void send_regions(aics_plot *p, const char *block, const aics_mlp *m)
{
    static double rows[GRID * GRID][3];
    aics_bp_grid(m, -GRID_LIM, GRID_LIM, GRID, 1.5, &rows[0][0]); /* clipped for the colours */
    aics_plot_data(p, block, &rows[0][0], GRID * GRID, 3);
}

static void draw_regions_figure(aics_plot *p, const aics_mlp *init, const run_t *gd, const dataset *ds)
{
    double pts[N_DATA][3];
    for (int e = 0; e < N_DATA; e++) {
        pts[e][0] = ds->x[e][0];
        pts[e][1] = ds->x[e][1];
        pts[e][2] = ds->t[e];
    }
    bool after = !gd->res.diverged;
    aics_plot_begin(p, "ex2_3_regions", after ? 960 : 520, 460);
    aics_plot_data(p, "P", &pts[0][0], N_DATA, 3);
    send_regions(p, "B", init);
    if (after) send_regions(p, "A", &gd->net);
    aics_plot_cmd(p, "set palette defined (-1.5 '#4575b4', 0 '#ffffff', 1.5 '#d73027')");
    aics_plot_cmd(p, "set cbrange [-1.5:1.5]");
    aics_plot_cmd(p, "unset colorbox");
    aics_plot_cmd(p, "set size ratio -1");
    char range[32];
    snprintf(range, sizeof range, "%g:%g", -GRID_LIM, GRID_LIM);
    aics_plot_axes_set(p, &(aics_plot_axes){.xlabel = "x₁", .ylabel = "x₂", .xrange = range, .yrange = range,
                                            .grid = "off", .key = "off"});
    aics_plot_cmd(p, "set contour base");
    const char *points = "$P using 1:2:($3 > 0 ? 7 : 5) with points pt variable ps 0.8 lc rgb 'black'";
    if (after) aics_plot_cmd(p, "set multiplot layout 1,2");
    aics_plot_cmd(p, "set title '训练前'");
    aics_plot_cmd(p, "plot $B using 1:2:3 with image, %s", points);
    if (after) {
        aics_plot_cmd(p, "set title '全批量 GD 训练后'");
        aics_plot_cmd(p, "plot $A using 1:2:3 with image, %s", points);
        aics_plot_cmd(p, "unset multiplot");
    }
    aics_plot_end(p);
}

/* ---- main ------------------------------------------------------------------- */

static options opt = {.lr = 0.1, .epochs = 2000, .batch = 10, .hidden = 3};

static const aics_opt opts[] = {
    {"lr", AICS_OPT_DOUBLE, &opt.lr, "RATE", "学习率 η，GD、SGD 与手算的一步共用", AICS_RANGE_OPEN_MIN, 0, 1e6,
     .kv = "train.lr"},
    {"epochs", AICS_OPT_INT, &opt.epochs, "N", "训练轮数", AICS_RANGE_CLOSED, 1, 100000, .kv = "train.epochs"},
    {"batch", AICS_OPT_INT, &opt.batch, "N", "SGD 小批量大小", AICS_RANGE_CLOSED, 1, N_DATA,
     .kv = "sgd.batch"},
    {"hidden", AICS_OPT_INT, &opt.hidden, "N", "隐层神经元数", AICS_RANGE_CLOSED, 1, MAX_HIDDEN,
     .kv = "net.hidden"},
    {NULL},
};

/* What run_exercise() computes and draw() shows; finish() frees it. */
static struct {
    dataset ds;
    aics_mlp init;
    run_t gd, sgd, runs[N_SWEEP];
} st;

static void report_setup(aics_result *r, uint64_t seed)
{
    aics_rng rng;
    make_data(&st.ds, seed);
    aics_mlp_init(&st.init, 2, (const int[]){2, (int)opt.hidden, 1}, AICS_ACT_TANH, AICS_ACT_IDENTITY);
    aics_rng_seed(&rng, seed, STREAM_INIT);
    aics_mlp_randomize(&st.init, &rng);
    aics_result_part(r, "setup", "网络与数据");
    aics_result_int(r, "net.hidden", opt.hidden, "隐层神经元数 H（网络 2–H–1）");
    aics_result_int(r, "net.params", (int64_t)st.init.nparams, "参数个数");
    aics_result_int(r, "data.n", N_DATA, "样本数");
}

static void run_training(aics_result *r, const aics_run *run)
{
    aics_progress(run, "training: GD and SGD at lr %g, %lld epochs", opt.lr, (long long)opt.epochs);
    train(&st.gd, &st.init, &st.ds, opt.lr, opt.epochs, N_DATA, run->seed);
    train(&st.sgd, &st.init, &st.ds, opt.lr, opt.epochs, (size_t)opt.batch, run->seed);
    if (st.gd.res.diverged || st.sgd.res.diverged)
        aics_progress(run, "training diverged at lr %g (GD: %s, SGD: %s); reported as *.diverged", opt.lr,
                      st.gd.res.diverged ? "yes" : "no", st.sgd.res.diverged ? "yes" : "no");
    report_training(r, &opt, &st.init, &st.ds, &st.gd, &st.sgd);
    aics_progress(run, "learning-rate sweep: %zu rates", N_SWEEP);
    for (size_t i = 0; i < N_SWEEP; i++)
        train(&st.runs[i], &st.init, &st.ds, sweep[i].lr, opt.epochs, N_DATA, run->seed);
    report_sweep(r, st.runs, &st.ds);
}

static void run_exercise(aics_result *r, const aics_run *run)
{
    report_setup(r, run->seed);
    step s;
    worked_step(&s, &st.init, &st.ds, opt.lr);
    report_step_forward(r, &s);
    report_step_backward(r, &s);
    report_step_update(r, &s);
    aics_bp_step_kv(r, &s, STEP_EXAMPLE);
    aics_progress(run, "gradient check on %zu parameters", st.init.nparams);
    double worst = report_gradcheck(r, &st.init, &st.ds);
    report_answer(r, &s, &opt, worst);
    aics_bp_step_free(&s);
    run_training(r, run);
}

static void draw(aics_plot *p)
{
    draw_lr_figure(p, st.runs, opt.epochs);
    draw_gd_sgd_figure(p, &st.gd, &st.sgd, &opt);
    draw_regions_figure(p, &st.init, &st.gd, &st.ds);
}

static void finish(void)
{
    for (size_t i = 0; i < N_SWEEP; i++) aics_bp_run_free(&st.runs[i]);
    aics_bp_run_free(&st.gd);
    aics_bp_run_free(&st.sgd);
    aics_mlp_free(&st.init);
}

AICS_MAIN(.name = "ex2_3", .exercise = "2.3", .convention = "half-squared-error-mean-over-batch",
          .summary = "习题 2.3：在 2–H–1 网络上一步一步地做反向传播，并用两种独立方法核对梯度。",
          .details =
              "网络 2–H–1：隐层 tanh，输出层恒等函数，损失 ½(y − t)²（小批量上取平均）；\n"
              "数据是由 --seed 生成的 100 个带噪声的异或点。\n"
              "--format=kv 的键（docs/results.md 逐个说明）：step.* 是样本 0 上手算的一步，\n"
              "gradcheck.* 是反向传播与中心差分、对偶数的对照，gd.*、sgd.* 是按 --lr 的训练，\n"
              "lrsweep.{small,good,large}.* 是学习率 0.002、0.1、2 下的全批量 GD。\n"
              "发散（损失为 NaN 或无穷大）的训练报告 <run>.diverged 1 与 <run>.diverged_epoch。\n"
              "图：ex2_3_lr、ex2_3_gd_sgd、ex2_3_regions。",
          .opts = opts, .uses_seed = true, .default_seed = 2023,
          .report = run_exercise, .draw = draw, .finish = finish)
