/* aics-grade.c — grade submitted kv results against the references.
 *
 *   aics-grade [options] EXPECTED.kv SUBMITTED.kv [SUBMITTED.kv...]
 *   aics-grade [options] SOLUTIONS_DIR SUBMISSION_DIR
 *   aics-grade --class [options] EXPECTED.kv|SOLUTIONS_DIR CLASS_DIR
 *
 * The comparison rules live in src/grade/grade.h, the spec format in
 * docs/grading.md, the mistake diagnosis for 3.1 and 3.2 in src/grade/diagnose.h,
 * students, files and outputs in src/grade/course.h. Submissions are only ever
 * read, with size and line limits, never run and never followed through a
 * symlink; with --programs the trusted programs regenerate a reference for a
 * submission's seed, started with an argument vector, never a shell.
 * Exit: 0 everything passed, 1 something failed, 2 an input could not be read
 * (or bad usage).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diagnose.h"
#include "error.h"
#include "grade.h"
#include "opts.h"
#include "course.h"

static void set_lang(void *ptr, const char *v)
{
    aics_lang *lang = ptr;
    if (strcmp(v, "zh") == 0) *lang = AICS_LANG_ZH;
    else if (strcmp(v, "en") == 0) *lang = AICS_LANG_EN;
    else aics_die_usage("--lang=%s: expected zh or en", v);
}

int main(int argc, char **argv)
{
    aics_set_progname(argv[0]);
    aics_course_options o = {.lang = AICS_LANG_ZH};
    const aics_opt table[] = {
        {"spec", AICS_OPT_STRING, &o.spec, "FILE",
         "评分规则（docs/grading.md）；不给时用 EXPECTED 旁的 .spec，没有则批改每个键"},
        {"json", AICS_OPT_STRING, &o.json, "PATH",
         "另写 Gradescope 的 results.json；--class 时 PATH 是文件夹，内有每个学生的 "
         "STUDENT.json 和 summary.csv"},
        {"class", AICS_OPT_FLAG, &o.class_mode, NULL, "CLASS_DIR 里每一项（文件或文件夹）是一个学生"},
        {"programs", AICS_OPT_STRING, &o.programs, "DIR",
         "种子与参考答案不同时，用 DIR 里可信的程序按提交的种子重新生成参考答案"},
        {"lang", AICS_OPT_CALL, &o.lang, "LANG", "消息语言：zh 或 en", .default_text = "zh",
         .call = set_lang},
        {"quiet", AICS_OPT_FLAG, &o.quiet, NULL, "每个练习只印一行小结"},
        {NULL},
    };
    char details[1024];
    snprintf(details, sizeof details,
             "整数必须完全相同；浮点数在 |a-b| <= abs 或 |a-b| <= rel*|期望值| 时通过（不给\n"
             "规则时 rel 为 %g）；NaN、无穷大和缺少的键不得分；多出的键列出但不扣分；\n"
             "程序自报的 *.check 词从不计分。3.1、3.2 的网络计数错了时，说出得出这个数\n"
             "的最小错误组合。两个文件夹时，SOLUTIONS_DIR/exN_M.kv 与 chN/exN_M.kv 各按\n"
             "自己的 .spec 批改 SUBMISSION_DIR 里的同名文件。提交必须是普通文件：符号\n"
             "链接、FIFO 和设备一律拒收；上限 %zu 字节、%zu 行；从不运行提交的东西。\n"
             "退出码：0 全部通过，1 有错误，2 有输入读不了（或用法错误）。",
             AICS_GRADE_DEFAULT_REL, AICS_GRADE_MAX_BYTES, AICS_GRADE_MAX_LINES);
    const aics_cmd cmd = {
        .name = "aics-grade",
        .usage = "EXPECTED.kv SUBMITTED.kv [SUBMITTED.kv...]\n"
                 "SOLUTIONS_DIR SUBMISSION_DIR\n"
                 "--class EXPECTED.kv|SOLUTIONS_DIR CLASS_DIR",
        .summary = "按参考答案批改程序的 kv 结果（--format=kv 的输出），给出错误、提示和诊断。",
        .details = details,
        .opts = table,
        .max_args = 1 << 20,
    };
    o.npos = aics_opts_parse(&cmd, argc, argv, &o.pos);
    if (o.npos < 2)
        aics_die_usage("expected EXPECTED.kv SUBMITTED.kv, or SOLUTIONS_DIR SUBMISSION_DIR");
    return aics_course_run(&o);
}
