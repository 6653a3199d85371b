/* ex1_3.c — exercise 1.3: what can a perceptron made of one neuron with two
 * inputs do?
 *
 * It computes y = [w1·x1 + w2·x2 + b > 0]: a straight line splits the input
 * plane, so it can compute exactly the linearly separable Boolean functions of
 * two inputs. The program shows it on all 16 of them: each is trained with the
 * perceptron rule (src/models/perceptron.h) from zero weights, η = 1, samples
 * in the fixed order 00, 01, 10, 11, for at most 100 epochs. Independently, an
 * exhaustive search over small integer weights finds a separating line for
 * every function the rule learns; for XOR and XNOR no line exists at all
 * (the page proves it), and the rule never has an error-free epoch.
 */
#include <stdio.h>
#include <string.h>

#include "perceptron.h"
#include "plot.h"
#include "program.h"

#define NFUNC 16
#define ETA 1.0
#define MAX_EPOCHS 100

/* Function f maps input i = 2·x1 + x2 (00, 01, 10, 11) to bit 3 − i of f, so
 * its truth table reads left to right as f in binary: AND = 0001 = 1. */
static const char *const names[NFUNC] = {
    "恒 0", "x1∧x2 (AND)", "x1∧¬x2", "x1", "¬x1∧x2", "x2", "x1⊕x2 (XOR)", "x1∨x2 (OR)",
    "¬(x1∨x2) (NOR)", "x1⊙x2 (XNOR)", "¬x2", "x1∨¬x2", "¬x1", "¬x1∨x2", "¬(x1∧x2) (NAND)", "恒 1",
};

static void make_samples(int f, aics_sample s[4])
{
    for (int i = 0; i < 4; i++) {
        s[i].x[0] = i >> 1;
        s[i].x[1] = i & 1;
        s[i].target = (f >> (3 - i)) & 1;
    }
}

// ANCHOR: search
/* Is there a line with integer w1, w2 in [−2, 2] and b in [−3, 3] that
 * separates the samples? For two Boolean inputs these small weights suffice
 * whenever any separating line exists. */
static bool separable_by_search(const aics_sample s[4])
{
    for (int w1 = -2; w1 <= 2; w1++)
        for (int w2 = -2; w2 <= 2; w2++)
            for (int b = -3; b <= 3; b++) {
                aics_perceptron p = {{w1, w2}, b};
                if (aics_perceptron_errors(&p, s, 4) == 0) return true;
            }
    return false;
}
// ANCHOR_END: search

typedef struct {
    aics_perceptron p;
    aics_perceptron_fit fit;
    bool by_search;
} outcome;

static void train_all(outcome out[NFUNC])
{
    for (int f = 0; f < NFUNC; f++) {
        aics_sample s[4];
        make_samples(f, s);
        out[f].p = (aics_perceptron){{0, 0}, 0};
        out[f].fit = aics_perceptron_train(&out[f].p, s, 4, ETA, MAX_EPOCHS, NULL);
        out[f].by_search = separable_by_search(s);
    }
}

static void report_answer(aics_result *r, const outcome out[NFUNC])
{
    int learned = 0, agree = 0;
    char failed[128] = "";
    for (int f = 0; f < NFUNC; f++) {
        learned += out[f].fit.converged;
        agree += out[f].fit.converged == out[f].by_search;
        if (!out[f].fit.converged)
            snprintf(failed + strlen(failed), sizeof failed - strlen(failed), "%s%s", *failed ? "、" : "",
                     names[f]);
    }
    aics_result_part_show(r, "answer", "两输入单神经元感知机能学会哪些布尔函数", AICS_SHOW_ANSWER);
    aics_result_note(r, "单个神经元用一条直线 w1·x1 + w2·x2 + b = 0 划分输入平面，");
    aics_result_note(r, "只能实现线性可分的函数。两输入的 16 个布尔函数中：");
    aics_result_int(r, "separable_count", learned, "感知机学会的函数个数");
    aics_result_int(r, "functions", NFUNC, "布尔函数总数");
    aics_result_note(r, "学不会的：%s。", failed);
    aics_result_word(r, "search.check", agree == NFUNC ? "pass" : "fail",
                     "与穷举搜索分隔直线的结果一致");
}

static void report_table(aics_result *r, const outcome out[NFUNC])
{
    aics_result_part(r, "table", "16 个函数逐一训练（η = 1，零初值）");
    aics_table *t = aics_result_table(r, "rllrrrrr",
        (const char *const[]){"编号", "函数", "真值表", "学会", "轮数", "w1", "w2", "b"});
    aics_result_kv_only(r, true);
    for (int f = 0; f < NFUNC; f++) {
        const outcome *o = &out[f];
        aics_table_cell(t, "%d", f);
        aics_table_cell(t, "%s", names[f]);
        aics_table_cell(t, "%d%d%d%d", (f >> 3) & 1, (f >> 2) & 1, (f >> 1) & 1, f & 1);
        aics_table_cell(t, "%s", o->fit.converged ? "是" : "否");
        aics_table_cell(t, "%d", o->fit.epochs);
        aics_table_cell(t, "%g", o->p.w[0]);
        aics_table_cell(t, "%g", o->p.w[1]);
        aics_table_cell(t, "%g", o->p.b);
        char key[32];
        snprintf(key, sizeof key, "f%d.converged", f);
        aics_result_int(r, key, o->fit.converged, NULL);
        snprintf(key, sizeof key, "f%d.epochs", f);
        aics_result_int(r, key, o->fit.epochs, NULL);
    }
    aics_result_kv_only(r, false);
    aics_result_note(r, "真值表按输入 00、01、10、11 的顺序列出输出；“轮数”含最后一个无错的轮次，"
                        "\n学不会的函数跑满 %d 轮。", MAX_EPOCHS);
}

/* Two points of the line w1·x + w2·y + b = 0 inside the plotted square. */
static bool line_points(const aics_perceptron *p, double pts[2][2])
{
    double w1 = p->w[0], w2 = p->w[1], b = p->b;
    if (w1 == 0 && w2 == 0) return false;
    for (int k = 0; k < 2; k++) {
        double v = k ? 1.6 : -0.6;
        if (w2 * w2 >= w1 * w1) { pts[k][0] = v; pts[k][1] = -(w1 * v + b) / w2; }
        else { pts[k][1] = v; pts[k][0] = -(w2 * v + b) / w1; }
    }
    return true;
}

static void draw_panel(aics_plot *p, int f, const outcome *o)
{
    aics_sample s[4];
    make_samples(f, s);
    double pts[4][3], line[2][2];
    for (int i = 0; i < 4; i++) { pts[i][0] = s[i].x[0]; pts[i][1] = s[i].x[1]; pts[i][2] = s[i].target; }
    aics_plot_data(p, "P", &pts[0][0], 4, 3);
    aics_plot_cmd(p, "set title '%d：%s' offset 0,-0.6", f, names[f]);
    const char *points = "$P using 1:2:($3 > 0.5 ? 7 : 6) with points pt variable ps 2.2 lc 'black' notitle";
    if (line_points(&o->p, line)) {
        aics_plot_data(p, "L", &line[0][0], 2, 2);
        aics_plot_cmd(p, "plot $L using 1:2 with lines lw 3 %s notitle, %s",
                      o->fit.converged ? "lc '#1f77b4'" : "lc '#d62728' dt 2", points);
    } else {
        aics_plot_cmd(p, "plot %s", points);
    }
}

/* The 16 functions, trained by report() and drawn by draw_figure(). */
static outcome out[NFUNC];

static void draw_figure(aics_plot *p)
{
    aics_plot_begin(p, "ex1_3_functions", 1000, 1000);
    aics_plot_cmd(p, "set multiplot layout 4,4 title '实心点输出 1，空心点输出 0；蓝线：学到的分隔直线；红虚线：100 轮后仍有错'");
    aics_plot_axes_set(p, &(aics_plot_axes){.xrange = "-0.6:1.6", .yrange = "-0.6:1.6", .grid = "off"});
    aics_plot_cmd(p, "set size ratio -1");
    aics_plot_cmd(p, "set xtics (0, 1)");
    aics_plot_cmd(p, "set ytics (0, 1)");
    for (int f = 0; f < NFUNC; f++) draw_panel(p, f, &out[f]);
    aics_plot_cmd(p, "unset multiplot");
    aics_plot_end(p);
}

static void report(aics_result *r, const aics_run *run)
{
    (void)run;
    train_all(out);
    report_answer(r, out);
    report_table(r, out);
}

AICS_MAIN(.name = "ex1_3", .exercise = "1.3", .convention = "perceptron-rule-eta1-zero-init-100-epochs",
          .summary = "习题 1.3：两输入单神经元感知机能完成什么任务（16 个布尔函数逐一训练）。",
          .details = "约定：y = [w1·x1 + w2·x2 + b > 0]，感知机规则，η = 1，零初值，样本顺序 00、01、10、11，\n"
                     "最多 100 轮；学会 = 某一轮没有错误。",
          .report = report, .draw = draw_figure)
