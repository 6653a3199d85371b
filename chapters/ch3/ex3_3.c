/* ex3_3.c — exercise 3.3: how do error rate, IoU and mAP relate?
 *
 * A classifier is judged by its error rate: the share of images whose label
 * is wrong. A detector must also say where, so each detection is judged by
 * the overlap of its box with the true one (IoU), a threshold turns IoU into
 * right or wrong, and precision and recall over the ranked detections give
 * AP; mAP is the mean of AP over the classes (and, for COCO, over IoU
 * thresholds 0.5, 0.55, …, 0.95). The example is small enough to work by hand
 * (tests/unit/test_detect.c does): two objects, five detections.
 */
#include <stdio.h>

#include "detect.h"
#include "plot.h"
#include "program.h"

static const aics_box gt[] = {{0, 0, 10, 10}, {20, 0, 30, 10}};
static const char *const gt_names[] = {"A", "B"};
static const aics_detection det[] = {
    {{0, 0, 10, 8}, 0.9}, {{5, 0, 15, 10}, 0.8}, {{21, 0, 30, 10}, 0.7},
    {{0, 0, 10, 10}, 0.6}, {{40, 0, 50, 10}, 0.5},
};
#define NGT (sizeof gt / sizeof *gt)
#define NDET (sizeof det / sizeof *det)

typedef struct {
    size_t order[NDET];
    bool tp[NDET];
    double p[NDET], r[NDET];
} ranking;

static ranking rank_at(double threshold)
{
    ranking k;
    aics_detect_match(det, NDET, gt, NGT, threshold, k.order, k.tp, k.p, k.r);
    return k;
}

static void report_iou(aics_result *r)
{
    aics_result_part_show(r, "iou", "每个检测框与真实框的 IoU", AICS_SHOW_BRIEF);
    aics_table *t = aics_result_table(r, "lrlrrr",
        (const char *const[]){"检测", "得分", "框 [x1,y1,x2,y2]", "与 A", "与 B", "最佳"});
    for (size_t i = 0; i < NDET; i++) {
        const aics_box *b = &det[i].box;
        double a = aics_iou(*b, gt[0]), c = aics_iou(*b, gt[1]);
        aics_table_cell(t, "d%zu", i + 1);
        aics_table_cell(t, "%g", det[i].score);
        aics_table_cell(t, "[%g,%g,%g,%g]", b->x1, b->y1, b->x2, b->y2);
        aics_table_cell(t, "%.4f", a);
        aics_table_cell(t, "%.4f", c);
        aics_table_cell(t, "%s", a == 0 && c == 0 ? "无" : a >= c ? gt_names[0] : gt_names[1]);
        char key[32];
        snprintf(key, sizeof key, "iou.d%zu", i + 1);
        aics_result_kv_only(r, true);
        aics_result_double(r, key, a >= c ? a : c, NULL);
        aics_result_kv_only(r, false);
    }
    aics_result_note(r, "真实框 A = [0,0,10,10]，B = [20,0,30,10]。");
}

static void report_ranking(aics_result *r)
{
    ranking k = rank_at(0.5);
    aics_result_part(r, "pr", "IoU 阈值 0.5 时按得分排序的判定");
    aics_table *t = aics_result_table(r, "llrr",
        (const char *const[]){"检测", "判定", "查准率 P", "查全率 R"});
    for (size_t i = 0; i < NDET; i++) {
        aics_table_cell(t, "d%zu", k.order[i] + 1);
        aics_table_cell(t, "%s", k.tp[i] ? "正确（TP）" : "错误（FP）");
        aics_table_cell(t, "%.4f", k.p[i]);
        aics_table_cell(t, "%.4f", k.r[i]);
    }
}

static void report_answer(aics_result *r)
{
    ranking k50 = rank_at(0.5), k85 = rank_at(0.85);
    double coco = 0;
    for (int i = 0; i < 10; i++) {
        ranking k = rank_at(0.5 + 0.05 * i);
        coco += aics_ap_all_points(k.p, k.r, NDET) / 10;
    }
    aics_result_part_show(r, "answer", "AP 与 mAP", AICS_SHOW_ANSWER);
    aics_result_double(r, "ap50", aics_ap_all_points(k50.p, k50.r, NDET), "AP（IoU ≥ 0.5，全点插值）");
    aics_result_double(r, "ap50_11pt", aics_ap_11_points(k50.p, k50.r, NDET), "AP（IoU ≥ 0.5，VOC2007 11 点）");
    aics_result_double(r, "ap85", aics_ap_all_points(k85.p, k85.r, NDET), "AP（IoU ≥ 0.85）");
    aics_result_double(r, "ap_coco", coco, "COCO 式 AP（IoU 0.5 到 0.95 每 0.05 取平均）");
    aics_result_double(r, "error_rate_50", 1 - k50.p[NDET - 1], "全部检测中判错的比例（IoU ≥ 0.5）");
    aics_result_note(r, "只有一个类别，所以 mAP 就是这个 AP；多类别时 mAP 是各类 AP 的平均。");
}

static void draw_figure(aics_plot *p)
{
    ranking k = rank_at(0.5);
    double rows[NDET + 1][3];
    rows[0][0] = 0, rows[0][1] = 1, rows[0][2] = 1;
    for (size_t i = 0; i < NDET; i++) {
        double env = 0;
        for (size_t j = i; j < NDET; j++) env = env > k.p[j] ? env : k.p[j];
        rows[i + 1][0] = k.r[i], rows[i + 1][1] = k.p[i], rows[i + 1][2] = env;
    }
    aics_plot_begin(p, "ex3_3_pr", 800, 520);
    aics_plot_data(p, "R", &rows[0][0], NDET + 1, 3);
    aics_plot_axes_set(p, &(aics_plot_axes){.xlabel = "查全率 R", .ylabel = "查准率 P", .xrange = "0:1.05",
                                            .yrange = "0:1.1", .key = "right top"});
    aics_plot_cmd(p, "plot $R every ::1 using 1:3 with steps lw 3 lc '#1f77b4' title '插值后的包络（面积 = AP）', "
                     "$R every ::1 using 1:2 with points pt 7 ps 2 lc 'black' title '每个检测之后的 (R, P)'");
    aics_plot_end(p);
}

static void report(aics_result *r, const aics_run *run)
{
    (void)run;
    report_answer(r);
    report_iou(r);
    report_ranking(r);
}

AICS_MAIN(.name = "ex3_3", .exercise = "3.3", .convention = "voc-matching-all-point-ap",
          .summary = "习题 3.3：错误率与 IoU、mAP 的关系（可手算的小例子）。",
          .details = "约定：框为 [x1,y1,x2,y2] 连续坐标；按 VOC 规则匹配（重复检测算错误）；\n"
                     "AP 取全点插值（VOC2010 起），另给 VOC2007 的 11 点值。",
          .report = report, .draw = draw_figure)
