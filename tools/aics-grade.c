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
#include "course.h"

static void usage(void)
{
    printf("用法：aics-grade [选项] EXPECTED.kv SUBMITTED.kv [SUBMITTED.kv...]\n"
           "      aics-grade [选项] SOLUTIONS_DIR SUBMISSION_DIR\n"
           "      aics-grade --class [选项] EXPECTED.kv|SOLUTIONS_DIR CLASS_DIR\n"
           "\n"
           "按参考答案批改程序的 kv 结果（--format=kv 的输出）。整数必须完全相同；\n"
           "浮点数在 |a-b| <= abs 或 |a-b| <= rel*|期望值| 时通过；NaN 和无穷大不得分；\n"
           "缺少的键不得分；多出的键列出但不扣分；程序自报的 *.check 词从不计分。\n"
           "每个错误给出期望值、提交值、误差、提示，以及（3.1、3.2 的网络计数）\n"
           "得出这个数的常见计数错误。\n"
           "\n"
           "选项：\n"
           "  --spec FILE      评分规则（docs/grading.md）；默认用 EXPECTED 旁的 .spec，\n"
           "                   没有时批改每个键，浮点相对容差 %g\n"
           "  --json PATH      另写 Gradescope 的 results.json；--class 时 PATH 是文件夹：\n"
           "                   每个学生一个 PATH/学生.json，外加 PATH/summary.csv\n"
           "  --class          CLASS_DIR 里每一项（文件或文件夹）是一个学生\n"
           "  --programs DIR   种子与参考答案不同时，用 DIR 里可信的程序按提交的种子\n"
           "                   重新生成参考答案再批改（从不运行提交的东西）\n"
           "  --lang LANG      消息语言：zh（默认）或 en\n"
           "  --quiet          每个练习只印一行小结\n"
           "  --help           显示本帮助并退出\n"
           "\n"
           "两个文件夹时，SOLUTIONS_DIR/exN_M.kv 与 SOLUTIONS_DIR/chN/exN_M.kv 各按自己\n"
           "的 .spec 批改 SUBMISSION_DIR/exN_M.kv（或 chN/exN_M.kv）。提交必须是普通\n"
           "文件：符号链接、FIFO 和设备一律拒收。输入上限 %zu 字节、%zu 行。\n"
           "\n"
           "退出码：0 全部通过，1 有错误，2 有输入读不了（或用法错误）。\n",
           AICS_GRADE_DEFAULT_REL, AICS_GRADE_MAX_BYTES, AICS_GRADE_MAX_LINES);
}

static void set_lang(aics_course_options *o, const char *v)
{
    if (strcmp(v, "zh") == 0) o->lang = AICS_LANG_ZH;
    else if (strcmp(v, "en") == 0) o->lang = AICS_LANG_EN;
    else aics_die_usage("--lang=%s: expected zh or en", v);
}

/* The value of option `name` at argv[*i] ("--name=V" or "--name V"), or NULL if argv[*i] is not it. */
static const char *option_value(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    const char *arg = argv[*i];
    if (strncmp(arg, name, n) != 0 || (arg[n] != '\0' && arg[n] != '=')) return NULL;
    const char *v = arg[n] == '=' ? arg + n + 1 : *i + 1 < argc ? argv[++*i] : NULL;
    if (!v || !*v) aics_die_usage("%s needs a value", name);
    return v;
}

static void parse_args(int argc, char **argv, aics_course_options *o)
{
    memset(o, 0, sizeof *o);
    o->pos = aics_xcalloc((size_t)argc, sizeof *o->pos);
    bool dashdash = false;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i], *v;
        if (dashdash || arg[0] != '-' || arg[1] == '\0') o->pos[o->npos++] = argv[i];
        else if (strcmp(arg, "--") == 0) dashdash = true;
        else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) usage(), exit(0);
        else if (strcmp(arg, "--quiet") == 0) o->quiet = true;
        else if (strcmp(arg, "--class") == 0) o->class_mode = true;
        else if ((v = option_value(argc, argv, &i, "--spec"))) o->spec = v;
        else if ((v = option_value(argc, argv, &i, "--json"))) o->json = v;
        else if ((v = option_value(argc, argv, &i, "--programs"))) o->programs = v;
        else if ((v = option_value(argc, argv, &i, "--lang"))) set_lang(o, v);
        else aics_die_usage("unknown option %s", arg);
    }
    if (o->npos < 2)
        aics_die_usage("expected EXPECTED.kv SUBMITTED.kv, or SOLUTIONS_DIR SUBMISSION_DIR");
}

int main(int argc, char **argv)
{
    aics_set_progname(argv[0]);
    aics_course_options o;
    parse_args(argc, argv, &o);
    int rc = aics_course_run(&o);
    free(o.pos);
    return rc;
}
