/* ex1_2.c — exercise 1.2: the three schools of AI research, each made
 * concrete by a demo small enough to read in a minute.
 *
 *   symbolism       forward chaining over an animal-identification rule base
 *                   (Winston's ZOOKEEPER, 15 rules): facts in, chain of fired
 *                   rules and a conclusion out (src/models/rules.h);
 *   connectionism   Rosenblatt's perceptron learns AND and OR and cannot learn
 *                   XOR in a fixed number of epochs (src/models/perceptron.h);
 *   behaviourism    an ε-greedy agent learns, from reward alone, which arm of
 *                   a 10-armed bandit pays best (src/models/bandit.h), against the
 *                   greedy and the random agent on the same bandits.
 *
 * Everything is deterministic: the perceptron starts from zero weights and
 * sees the samples in a fixed order; the bandits draw from PCG32 seeded by
 * --seed, one stream per run. The bandit's one independent reference is the
 * exact E[max of k N(0,1)], computed here by quadrature.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bandit.h"
#include "buf.h"
#include "error.h"
#include "perceptron.h"
#include "plot.h"
#include "program.h"
#include "rules.h"
#include "width.h"

/* ---- symbolism ------------------------------------------------------------ */


#define NRULES AICS_ZOOKEEPER_NRULES
#define MAX_GIVEN_FACTS 32 /* leaves room in working memory for every conclusion */

/* The default query: the textbook's giraffe. */
static const char *const default_facts[] = {"dark_spots", "long_neck", "long_legs",
                                            "gives_milk", "hoofs"};

/* Split "a,b,c" into words of [a-z_], at most MAX_GIVEN_FACTS; exits 2 on bad input.
 * The words point into `copy`, which the caller frees. */
static int parse_facts(const char *spec, char **copy, const char **facts)
{
    *copy = aics_xstrdup(spec);
    int n = 0;
    char *p = *copy;
    for (;;) {
        char *comma = strchr(p, ',');
        if (comma) *comma = '\0';
        if (!*p || strspn(p, "abcdefghijklmnopqrstuvwxyz_") != strlen(p))
            aics_die_usage("--facts expects comma-separated words of a-z and _, like has_hair,tawny, not '%s'", spec);
        if (n == MAX_GIVEN_FACTS) aics_die_usage("--facts takes at most %d facts", MAX_GIVEN_FACTS);
        if (!aics_zookeeper_mentions(p, true)) aics_warn("fact '%s' appears in no rule and cannot fire one", p);
        bool seen = false;
        for (int i = 0; i < n && !seen; i++) seen = strcmp(facts[i], p) == 0;
        if (!seen) facts[n++] = p; /* a fact given twice counts once */
        if (!comma) return n;
        p = comma + 1;
    }
}

/* The Chinese names of facts[0..n) (or up to a NULL), joined by sep; the caller frees it. */
static char *glossed_list(const char *const *facts, int n, const char *sep)
{
    aics_buf b = AICS_BUF_INIT;
    for (int i = 0; i < n && facts[i]; i++) aics_buf_printf(&b, "%s%s", i ? sep : "", aics_zookeeper_gloss(facts[i]));
    return aics_buf_take(&b);
}

static void report_symbolic(aics_result *r, const char *const *given, int ngiven)
{
    aics_result_part(r, "symbolic", "符号主义：动物识别规则库上的正向推理");
    aics_inference in = aics_zookeeper_infer(given, ngiven);
    char *text = glossed_list(given, ngiven, "、");
    aics_result_note(r, "已知事实：%s。推理机每一轮选规则库中第一条前提全部成立、结论尚未知道的规则触发，"
                        "直到没有规则可以触发。", text);
    free(text);
    aics_table *t = aics_result_table(r, "rlll", (const char *const[]){"步", "规则", "如果（全部成立）", "那么"});
    for (int i = 0; i < in.nfired; i++) {
        const aics_rule *rule = &aics_zookeeper_rules[in.fired[i]];
        text = glossed_list(rule->if_all, AICS_RULE_MAX_IF, " ∧ ");
        aics_table_cell(t, "%d", i + 1);
        aics_table_cell(t, "%s", rule->name);
        aics_table_cell(t, "%s", text);
        aics_table_cell(t, "%s", aics_zookeeper_gloss(rule->then));
        free(text);
    }
    char *chain = aics_zookeeper_chain(&in);
    aics_result_int(r, "symbolic.rules", NRULES, "规则库中的规则数");
    aics_result_int(r, "symbolic.facts_given", ngiven, "已知事实数");
    aics_result_int(r, "symbolic.rules_fired", in.nfired, "触发的规则数");
    aics_result_word(r, "symbolic.chain", chain, "推理链");
    aics_result_word(r, "symbolic.conclusion", in.conclusion ? in.conclusion : "none", "结论");
    aics_result_shown(r, "%s", in.conclusion ? aics_zookeeper_gloss(in.conclusion) : "无法识别");
    free(chain);
}

/* A few more queries, to show the same engine on other knowledge and its limit. */
static void report_symbolic_more(aics_result *r)
{
    static const char *const tiger[] = {"has_hair", "pointed_teeth", "claws", "forward_eyes",
                                        "tawny", "black_stripes", NULL};
    static const char *const penguin[] = {"has_feathers", "does_not_fly", "swims",
                                          "black_and_white", NULL};
    static const char *const albatross[] = {"flies", "lays_eggs", "flies_well", NULL};
    static const char *const unknown[] = {"has_feathers", "long_neck", NULL};
    static const char *const *const queries[] = {tiger, penguin, albatross, unknown};
    aics_result_part(r, "symbolic_more", "同一个推理机上的其他查询");
    aics_table *t = aics_result_table(r, "lll", (const char *const[]){"已知事实", "推理链", "结论"});
    for (size_t q = 0; q < sizeof queries / sizeof *queries; q++) {
        int n = 0;
        while (queries[q][n]) n++;
        aics_inference in = aics_zookeeper_infer(queries[q], n);
        char *facts = glossed_list(queries[q], n, "、"), *chain = aics_zookeeper_chain(&in);
        aics_table_cell(t, "%s", facts);
        aics_table_cell(t, "%s", chain);
        aics_table_cell(t, "%s", in.conclusion ? aics_zookeeper_gloss(in.conclusion) : "（无法识别）");
        free(facts);
        free(chain);
    }
}

/* ---- connectionism -------------------------------------------------------- */

// ANCHOR: perceptron_data
/* The truth tables, presented in this order every epoch. */
static const aics_sample and_data[] = {{{0, 0}, 0}, {{0, 1}, 0}, {{1, 0}, 0}, {{1, 1}, 1}};
static const aics_sample or_data[] = {{{0, 0}, 0}, {{0, 1}, 1}, {{1, 0}, 1}, {{1, 1}, 1}};
static const aics_sample xor_data[] = {{{0, 0}, 0}, {{0, 1}, 1}, {{1, 0}, 1}, {{1, 1}, 0}};
#define ETA 1.0 /* learning rate; with 0/1 inputs the weights stay integers */
// ANCHOR_END: perceptron_data

typedef struct {
    const char *key;  /* "and" */
    const char *name; /* "AND" */
    const aics_sample *data;
    aics_perceptron p;
    aics_perceptron_fit fit;
    int errors_final; /* misclassified by the final weights */
} logic_fn;

static logic_fn logic_fns[] = {
    {"and", "AND", and_data, {{0, 0}, 0}, {0}, 0},
    {"or", "OR", or_data, {{0, 0}, 0}, {0}, 0},
    {"xor", "XOR", xor_data, {{0, 0}, 0}, {0}, 0},
};
#define NLOGIC ((int)(sizeof logic_fns / sizeof *logic_fns))

static void train_logic(int max_epochs)
{
    for (int f = 0; f < NLOGIC; f++) {
        logic_fn *fn = &logic_fns[f];
        fn->p = (aics_perceptron){{0.0, 0.0}, 0.0}; /* start from zero weights */
        fn->fit = aics_perceptron_train(&fn->p, fn->data, 4, ETA, max_epochs, NULL);
        fn->errors_final = aics_perceptron_errors(&fn->p, fn->data, 4);
    }
}

/* perceptron.<fn>.<suffix>, labelled "<FN> <what>". */
static void logic_int(aics_result *r, const logic_fn *fn, const char *suffix, int64_t v, const char *what)
{
    char key[64], label[128];
    snprintf(key, sizeof key, "perceptron.%s.%s", fn->key, suffix);
    snprintf(label, sizeof label, "%s %s", fn->name, what);
    aics_result_int(r, key, v, label);
}

static void logic_double(aics_result *r, const logic_fn *fn, const char *suffix, double v, const char *what)
{
    char key[64], label[128];
    snprintf(key, sizeof key, "perceptron.%s.%s", fn->key, suffix);
    snprintf(label, sizeof label, "%s %s", fn->name, what);
    aics_result_double(r, key, v, label);
}

static void report_perceptron(aics_result *r, int max_epochs)
{
    aics_result_part(r, "perceptron", "连接主义：感知机学习 AND、OR 与 XOR");
    aics_result_note(r, "权值与偏置从 0 开始，学习率 η = %g，每轮按 (0,0)、(0,1)、(1,0)、(1,1) 的顺序"
                        "逐个样本更新，最多 %d 轮；某一轮没有分错任何样本即为收敛。", ETA, max_epochs);
    aics_table *t = aics_result_table(r, "lrrrrrr",
        (const char *const[]){"函数", "收敛", "轮数", "w₁", "w₂", "b", "最终权值分错的样本"});
    for (int f = 0; f < NLOGIC; f++) {
        const logic_fn *fn = &logic_fns[f];
        aics_table_cell(t, "%s", fn->name);
        aics_table_cell(t, "%s", fn->fit.converged ? "是" : "否");
        aics_table_cell(t, "%d", fn->fit.epochs);
        aics_table_cell(t, "%g", fn->p.w[0]);
        aics_table_cell(t, "%g", fn->p.w[1]);
        aics_table_cell(t, "%g", fn->p.b);
        aics_table_cell(t, "%d", fn->errors_final);
    }
    aics_result_part(r, "perceptron_values", "感知机：各函数的全部结果");
    aics_result_int(r, "perceptron.max_epochs", max_epochs, "最多训练轮数");
    aics_result_double(r, "perceptron.eta", ETA, "学习率 η");
    for (int f = 0; f < NLOGIC; f++) {
        const logic_fn *fn = &logic_fns[f];
        char key[64], label[128];
        snprintf(key, sizeof key, "perceptron.%s.converged", fn->key);
        snprintf(label, sizeof label, "%s 是否收敛", fn->name);
        aics_result_bool(r, key, fn->fit.converged, label);
        logic_int(r, fn, "epochs", fn->fit.epochs, "训练轮数");
        logic_int(r, fn, "updates", fn->fit.updates, "权值更新次数");
        logic_double(r, fn, "w1", fn->p.w[0], "的 w₁");
        logic_double(r, fn, "w2", fn->p.w[1], "的 w₂");
        logic_double(r, fn, "b", fn->p.b, "的偏置 b");
        logic_int(r, fn, "errors_min", fn->fit.errors_min, "各轮中最少的错分数");
        logic_int(r, fn, "errors_final", fn->errors_final, "最终权值错分的样本数");
    }
}

#define BOX_LO (-0.5)
#define BOX_HI 1.5

/* Clip the plotting square to the half-plane w·x + b > 0 (one Sutherland–Hodgman
 * step): fills poly (up to 8 vertices) and returns its size; the points where
 * the boundary crosses the square go to cut (returns their count in *ncut). */
static int clip_positive(const aics_perceptron *p, double poly[8][2], double cut[4][2], int *ncut)
{
    static const double corner[4][2] = {{BOX_LO, BOX_LO}, {BOX_HI, BOX_LO}, {BOX_HI, BOX_HI}, {BOX_LO, BOX_HI}};
    int n = 0;
    *ncut = 0;
    for (int i = 0; i < 4; i++) {
        const double *a = corner[i], *c = corner[(i + 1) % 4];
        double sa = aics_perceptron_sum(p, a), sc = aics_perceptron_sum(p, c);
        if (sa > 0) {
            poly[n][0] = a[0];
            poly[n++][1] = a[1];
        }
        if ((sa > 0) != (sc > 0) && sa != sc) {
            double t = sa / (sa - sc);
            double x = a[0] + t * (c[0] - a[0]), y = a[1] + t * (c[1] - a[1]);
            poly[n][0] = cut[*ncut][0] = x;
            poly[n++][1] = cut[(*ncut)++][1] = y;
        }
    }
    return n;
}

static void draw_perceptron_panel(aics_plot *plot, const logic_fn *fn, int k)
{
    double poly[8][2], cut[4][2], pts[4][2], wrong[4][2];
    int ncut, npoly = clip_positive(&fn->p, poly, cut, &ncut);
    int nwrong = 0;
    char block[32];
    aics_buf cmd = AICS_BUF_INIT;
    aics_buf_puts(&cmd, "plot ");
    if (npoly >= 3) {
        snprintf(block, sizeof block, "H%d", k);
        aics_plot_data(plot, block, &poly[0][0], (size_t)npoly, 2);
        aics_buf_printf(&cmd, "$H%d with filledcurves closed fc '#9ecae1' fs solid 0.5 noborder "
                              "title '输出 1 的区域', ", k);
    }
    if (ncut >= 2) {
        snprintf(block, sizeof block, "L%d", k);
        aics_plot_data(plot, block, &cut[0][0], 2, 2);
        aics_buf_printf(&cmd, "$L%d with lines lw 2 lc 'black' title '决策边界', ", k);
    }
    for (int target = 1; target >= 0; target--) {
        int n = 0;
        for (int i = 0; i < 4; i++) {
            if (fn->data[i].target != target) continue;
            pts[n][0] = fn->data[i].x[0];
            pts[n++][1] = fn->data[i].x[1];
        }
        snprintf(block, sizeof block, "T%d%d", k, target);
        aics_plot_data(plot, block, &pts[0][0], (size_t)n, 2);
        aics_buf_printf(&cmd, "$T%d%d with points pt %d ps 2 lc 'black' title '目标 %d', ", k, target,
                        target ? 7 : 6, target);
    }
    for (int i = 0; i < 4; i++) {
        if (aics_perceptron_output(&fn->p, fn->data[i].x) == fn->data[i].target) continue;
        wrong[nwrong][0] = fn->data[i].x[0];
        wrong[nwrong++][1] = fn->data[i].x[1];
    }
    if (nwrong > 0) {
        snprintf(block, sizeof block, "W%d", k);
        aics_plot_data(plot, block, &wrong[0][0], (size_t)nwrong, 2);
        aics_buf_printf(&cmd, "$W%d with points pt 2 ps 3 lw 2 lc 'red' notitle, ", k);
    }
    cmd.data[cmd.len - 2] = '\0'; /* drop the last ", " */
    aics_plot_cmd(plot, "set title \"%s：%s（%d 轮）%s\"", fn->name, fn->fit.converged ? "收敛" : "未收敛",
                  fn->fit.epochs, nwrong > 0 ? "\\n红叉：最终仍分错的样本" : "");
    aics_plot_cmd(plot, "%s", cmd.data);
    aics_buf_free(&cmd);
}

static void draw_perceptron(aics_plot *plot)
{
    aics_plot_begin(plot, "ex1_2_perceptron", 960, 400);
    /* Fixed margins, so the three squares are equal whatever their keys hold. */
    aics_plot_cmd(plot, "set multiplot layout 1,3 margins 0.05,0.98,0.32,0.85 spacing 0.07,0");
    aics_plot_cmd(plot, "set size ratio -1");
    char box[32];
    snprintf(box, sizeof box, "%g:%g", BOX_LO, BOX_HI);
    aics_plot_axes_set(plot, &(aics_plot_axes){.xlabel = "x₁", .ylabel = "x₂", .xrange = box, .yrange = box,
                                               .grid = "off", .key = "below"});
    aics_plot_cmd(plot, "set xtics 0,1,1");
    aics_plot_cmd(plot, "set ytics 0,1,1");
    for (int f = 0; f < NLOGIC; f++) draw_perceptron_panel(plot, &logic_fns[f], f);
    aics_plot_cmd(plot, "unset multiplot");
    aics_plot_end(plot);
}

/* ---- behaviourism ----------------------------------------------------------- */

#define PI 3.14159265358979323846

// ANCHOR: expected_max
/* E[max of k independent N(0,1)] = ∫ x·k·φ(x)·Φ(x)^(k−1) dx, by Simpson's rule
 * on [−12, 12] (the integrand is below 1e-30 outside): the reward an agent
 * that knew q* would expect, independent of any simulation. */
static double expected_max_normal(int k)
{
    const int n = 4800; /* even */
    const double lo = -12.0, hi = 12.0, h = (hi - lo) / n;
    double sum = 0.0;
    for (int i = 0; i <= n; i++) {
        double x = lo + i * h;
        double pdf = exp(-0.5 * x * x) / sqrt(2.0 * PI), cdf = 0.5 * erfc(-x / sqrt(2.0));
        double f = x * k * pdf * pow(cdf, k - 1);
        sum += f * (i == 0 || i == n ? 1 : i % 2 ? 4 : 2);
    }
    return sum * h / 3.0;
}
// ANCHOR_END: expected_max

typedef struct {
    const char *key;  /* kv prefix */
    const char *name; /* for tables and figures */
    double epsilon;
    aics_bandit_curves c;
    double final_reward, final_optimal; /* means over the last 10% of steps */
} agent_run;

typedef struct {
    int64_t arms, runs, steps;
    double epsilon;
} agent_cfg;

static void run_agents(const aics_run *run, const agent_cfg *cfg, agent_run *ag, int nag)
{
    int steps = (int)cfg->steps, from = steps - steps / 10;
    for (int i = 0; i < nag; i++) {
        aics_progress(run, "bandit: %s (ε = %g), %lld runs × %d steps", ag[i].key, ag[i].epsilon,
                      (long long)cfg->runs, steps);
        ag[i].c.avg_reward = aics_xcalloc((size_t)steps, sizeof(double));
        ag[i].c.optimal = aics_xcalloc((size_t)steps, sizeof(double));
        /* The same seed for every agent: run j faces the same bandit for all of them. */
        aics_bandit_experiment((int)cfg->arms, ag[i].epsilon, (int)cfg->runs, steps, run->seed, &ag[i].c);
        ag[i].final_reward = aics_bandit_mean(ag[i].c.avg_reward, from, steps);
        ag[i].final_optimal = aics_bandit_mean(ag[i].c.optimal, from, steps);
    }
}

static void report_agent(aics_result *r, const agent_cfg *cfg, const agent_run *ag, int nag)
{
    aics_result_part(r, "agent", "行为主义：从奖励中学习的 ε-贪心智能体");
    aics_result_note(r, "%lld 臂老虎机，每臂真实价值 q*(a) ~ N(0,1)，每次拉动的奖励 ~ N(q*(a),1)；"
                        "%lld 个独立的老虎机各学 %lld 步，曲线是这些运行的平均。"
                        "“最后 10%%”指最后 %lld 步的平均。三个智能体面对的是同一批老虎机。",
                     (long long)cfg->arms, (long long)cfg->runs, (long long)cfg->steps,
                     (long long)(cfg->steps / 10));
    /* The two figures per agent: the table's columns and the kv keys. */
    static const struct {
        const char *key, *label;
    } finals[2] = {{"final_avg_reward", "最后 10% 的平均奖励"}, {"final_optimal_fraction", "最后 10% 选中最优臂的比例"}};
    aics_table *t =
        aics_result_table(r, "lrrr", (const char *const[]){"智能体", "ε", finals[0].label, finals[1].label});
    for (int i = 0; i < nag; i++) {
        aics_table_cell(t, "%s", ag[i].name);
        aics_table_cell(t, "%g", ag[i].epsilon);
        aics_table_cell(t, "%.3f", ag[i].final_reward);
        aics_table_cell(t, "%.3f", ag[i].final_optimal);
    }
    aics_result_kv_only(r, true); /* the note and the table above say these */
    aics_result_int(r, "agent.arms", cfg->arms, "臂数 k");
    aics_result_int(r, "agent.runs", cfg->runs, "独立运行次数");
    aics_result_int(r, "agent.steps", cfg->steps, "每次运行的步数");
    aics_result_double(r, "agent.epsilon", cfg->epsilon, "探索概率 ε");
    aics_result_kv_only(r, false);
    aics_result_double(r, "agent.best_expected", expected_max_normal((int)cfg->arms),
                       "E[max q*]：知道答案的智能体的期望奖励（数值积分）");
    aics_result_double(r, "agent.best_mean", ag[0].c.best_mean, "各次运行中 max q* 的平均（模拟）");
    aics_result_kv_only(r, true); /* the table shows them */
    for (int i = 0; i < nag; i++)
        for (int m = 0; m < 2; m++) {
            char key[64], label[96];
            snprintf(key, sizeof key, "%s.%s", ag[i].key, finals[m].key);
            snprintf(label, sizeof label, "%s：%s", ag[i].name, finals[m].label);
            aics_result_double(r, key, m ? ag[i].final_optimal : ag[i].final_reward, label);
        }
    aics_result_kv_only(r, false);
    aics_result_double(r, "agent.margin_over_random", ag[0].final_reward - ag[nag - 1].final_reward,
                       "ε-贪心比随机选择多得的平均奖励");
    aics_result_bool(r, "agent.beats_greedy", ag[0].final_reward > ag[1].final_reward &&
                     ag[0].final_optimal > ag[1].final_optimal,
                     "ε-贪心最后 10% 的平均奖励与选中最优臂的比例都高于贪心");
}

static void draw_agent(aics_plot *plot, const agent_cfg *cfg, const agent_run *ag, int nag)
{
    int steps = (int)cfg->steps, cols = 1 + 2 * nag;
    double *rows = aics_xcalloc((size_t)steps * (size_t)cols, sizeof(double));
    for (int t = 0; t < steps; t++) {
        rows[(size_t)t * cols] = t + 1;
        for (int i = 0; i < nag; i++) {
            rows[(size_t)t * cols + 1 + i] = ag[i].c.avg_reward[t];
            rows[(size_t)t * cols + 1 + nag + i] = ag[i].c.optimal[t] * 100.0;
        }
    }
    aics_plot_begin(plot, "ex1_2_agent", 760, 620);
    aics_plot_data(plot, "A", rows, (size_t)steps, (size_t)cols);
    aics_plot_cmd(plot, "set multiplot layout 2,1");
    char xrange[32];
    snprintf(xrange, sizeof xrange, "1:%d", steps);
    aics_plot_axes_set(plot, &(aics_plot_axes){.ylabel = "平均奖励", .xrange = xrange, .key = "below"});
    aics_buf cmd = AICS_BUF_INIT;
    aics_buf_printf(&cmd, "plot %.17g with lines dt 2 lc 'black' title 'E[max q*]'", expected_max_normal((int)cfg->arms));
    for (int i = 0; i < nag; i++)
        aics_buf_printf(&cmd, ", $A using 1:%d with lines lw 1.5 lt %d title '%s（ε = %g）'", 2 + i, i + 1,
                        ag[i].name, ag[i].epsilon);
    aics_plot_cmd(plot, "%s", cmd.data);
    cmd.len = 0;
    aics_plot_cmd(plot, "set xlabel '步'");
    aics_plot_cmd(plot, "set ylabel '选中最优臂的比例 (%%)'");
    aics_plot_cmd(plot, "set yrange [0:100]");
    aics_buf_puts(&cmd, "plot ");
    for (int i = 0; i < nag; i++)
        aics_buf_printf(&cmd, "%s$A using 1:%d with lines lw 1.5 lt %d title '%s（ε = %g）'", i ? ", " : "",
                        2 + nag + i, i + 1, ag[i].name, ag[i].epsilon);
    aics_plot_cmd(plot, "%s", cmd.data);
    aics_plot_cmd(plot, "unset multiplot");
    aics_plot_end(plot);
    aics_buf_free(&cmd);
    free(rows);
}

/* ---- the answer ------------------------------------------------------------- */

/* One line per school, from the three demos' results (facts: kv has them). */
static void report_answer(aics_result *r, const char *const *given, int ngiven, const agent_run *ag, int nag)
{
    aics_result_part_show(r, "answer", "人工智能的三个学派，各用一个能运行的小例子", AICS_SHOW_ANSWER);
    aics_inference in = aics_zookeeper_infer(given, ngiven);
    char *chain = aics_zookeeper_chain(&in);
    aics_result_fact(r, "符号主义", "规则推理：由 %d 个已知事实推出「%s」（规则 %s）", ngiven,
                     in.conclusion ? aics_zookeeper_gloss(in.conclusion) : "无法识别", in.nfired ? chain : "无");
    free(chain);
    aics_buf b = AICS_BUF_INIT;
    for (int f = 0; f < NLOGIC; f++) {
        const logic_fn *fn = &logic_fns[f];
        if (fn->fit.converged) aics_buf_printf(&b, "%s%s %d 轮学会", b.len ? "，" : "", fn->name, fn->fit.epochs);
        else aics_buf_printf(&b, "%s%s %d 轮内学不会", b.len ? "，" : "", fn->name, fn->fit.epochs);
    }
    aics_result_fact(r, "连接主义", "感知机：%s", b.data);
    aics_buf_free(&b);
    aics_result_fact(r, "行为主义", "%s智能体从奖励中学习：最后 10%% 的平均奖励 %.3f，随机选择 %.3f",
                     ag[0].name, ag[0].final_reward, ag[nag - 1].final_reward);
    aics_result_part_show(r, "brief", "说明", AICS_SHOW_BRIEF);
    aics_result_note(r, "符号主义把知识写成规则，由推理机按规则推出结论；连接主义让网络从样本中调整权值，"
                        "单个感知机只能学会线性可分的函数（AND、OR 是，XOR 不是）；行为主义不给答案，"
                        "智能体只从与环境交互得到的奖励中学习。推理过程与全部数字见 --detail，决策边界与学习曲线用 --figures=DIR 画出。");
}

/* ---- the program ------------------------------------------------------------ */

typedef struct {
    const char *facts;  /* NULL: the giraffe */
    int64_t max_epochs;
    agent_cfg agent;
} options;

static char default_facts_text[200]; /* filled from default_facts by help_details() */

static options opt = {.facts = NULL, .max_epochs = 100, .agent = {10, 2000, 1000, 0.1}};

static const aics_opt table[] = {
    {"facts", AICS_OPT_STRING, &opt.facts, "LIST", "规则系统的已知事实，逗号分隔，如 has_hair,tawny（事实表见下）",
     .default_text = default_facts_text},
    {"epochs", AICS_OPT_INT, &opt.max_epochs, "N", "感知机最多训练的轮数", AICS_RANGE_CLOSED, 1, 100000,
     .kv = "perceptron.max_epochs"},
    {"epsilon", AICS_OPT_DOUBLE, &opt.agent.epsilon, "P", "智能体的探索概率 ε", AICS_RANGE_CLOSED, 0, 1,
     .kv = "agent.epsilon"},
    {"arms", AICS_OPT_INT, &opt.agent.arms, "K", "老虎机的臂数", AICS_RANGE_CLOSED, 2, AICS_BANDIT_MAX_ARMS,
     .kv = "agent.arms"},
    {"runs", AICS_OPT_INT, &opt.agent.runs, "N", "取平均的独立运行次数", AICS_RANGE_CLOSED, 1, 100000,
     .kv = "agent.runs"},
    {"steps", AICS_OPT_INT, &opt.agent.steps, "N", "每次运行的步数", AICS_RANGE_CLOSED, 10, 100000,
     .kv = "agent.steps"},
    {NULL},
};

/* The help's closing text: the schools, then every fact a rule tests, with
 * its Chinese meaning, generated from the rule base and the glossary. */
static const char *help_details(void)
{
    static char text[4096];
    aics_buf b = AICS_BUF_INIT;
    aics_buf_puts(&b, "符号主义：Winston 的 15 条动物识别规则上的正向推理（每轮触发第一条可用的规则，"
                      "同一条规则不触发两次）。连接主义：感知机从零权重开始、η = 1，按真值表顺序学习"
                      "与、或、异或。行为主义：ε-贪心的样本平均智能体在 k 臂高斯老虎机上学习，"
                      "与贪心（ε = 0）和随机（ε = 1）智能体在同样的老虎机上比较；“最终”指最后 10% 的步。\n\n"
                      "--facts 可用的事实：\n");
    bool column = false;
    for (size_t i = 0; i < AICS_ZOOKEEPER_NGLOSSARY; i++) {
        if (!aics_zookeeper_mentions(aics_zookeeper_glossary[i][0], false)) continue;
        aics_buf_printf(&b, "  %-17s%s", aics_zookeeper_glossary[i][0], aics_zookeeper_glossary[i][1]);
        size_t w = 19 + aics_display_width(aics_zookeeper_glossary[i][1]);
        if (column) aics_buf_putc(&b, '\n');
        else for (; w < 40; w++) aics_buf_putc(&b, ' ');
        column = !column;
    }
    if (column) aics_buf_putc(&b, '\n');
    size_t used = 0;
    used += (size_t)snprintf(default_facts_text, sizeof default_facts_text, "长颈鹿：");
    for (size_t i = 0; i < sizeof default_facts / sizeof *default_facts; i++)
        used += (size_t)snprintf(default_facts_text + used, sizeof default_facts_text - used, "%s%s",
                                 i ? "," : "", default_facts[i]);
    aics_buf_puts(&b, "--format=kv 的键见 docs/results.md。");
    snprintf(text, sizeof text, "%s", b.data);
    aics_buf_free(&b);
    return text;
}

/* The three agents of the bandit demo, run by report() and drawn by draw(). */
static agent_run agents[] = {
    {"agent", "ε-贪心", 0.0, {0}, 0, 0}, /* ε from --epsilon */
    {"agent.greedy", "贪心", 0.0, {0}, 0, 0},
    {"agent.random", "随机", 1.0, {0}, 0, 0},
};
#define NAGENTS ((int)(sizeof agents / sizeof *agents))

static void report(aics_result *r, const aics_run *run)
{
    const char *given[MAX_GIVEN_FACTS];
    char *facts_copy = NULL;
    int ngiven = 0;
    if (opt.facts) {
        ngiven = parse_facts(opt.facts, &facts_copy, given);
    } else {
        for (size_t i = 0; i < sizeof default_facts / sizeof *default_facts; i++) given[ngiven++] = default_facts[i];
    }
    report_symbolic(r, given, ngiven);
    report_symbolic_more(r);

    train_logic((int)opt.max_epochs);
    report_perceptron(r, (int)opt.max_epochs);

    agents[0].epsilon = opt.agent.epsilon;
    run_agents(run, &opt.agent, agents, NAGENTS);
    report_agent(r, &opt.agent, agents, NAGENTS);
    report_answer(r, given, ngiven, agents, NAGENTS);
    free(facts_copy);
}

static void draw(aics_plot *p)
{
    draw_perceptron(p);
    draw_agent(p, &opt.agent, agents, NAGENTS);
}

static void finish(void)
{
    for (int i = 0; i < NAGENTS; i++) {
        free(agents[i].c.avg_reward);
        free(agents[i].c.optimal);
    }
}

static aics_program program = {
    .name = "ex1_2", .exercise = "1.2", .convention = "forward-chaining+perceptron+epsilon-greedy",
    .summary = "习题 1.2：人工智能的三个学派，各用一个能运行的小例子说明。",
    .opts = table, .uses_seed = true, .default_seed = 12,
    .report = report, .draw = draw, .finish = finish,
};

int main(int argc, char **argv)
{
    program.details = help_details(); /* generated from the rule base */
    return aics_main(argc, argv, &program);
}
