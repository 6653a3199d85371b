/* main.c — aics-book: the answer book generator's command line.
 *
 *   aics-book --chapters DIR --results DIR --figures DIR --out DIR
 *             [--strict] [--chapter N] [--quiet]
 *   aics-book --lint --chapters DIR --results DIR
 *
 * The first form writes the book (book.h); the second checks that no prose
 * file holds typed-in program outputs (stale.h). Errors in the sources exit
 * 2 with "file:line:col: message"; usage errors exit 2 too.
 */
#include <locale.h>
#include <stdio.h>
#include <stdint.h>

#include "book.h"
#include "error.h"
#include "opts.h"
#include "stale.h"

typedef struct {
    aics_book_opts book;
    bool lint;
    int64_t chapter; /* 0: every chapter */
} options;

static void parse_args(int argc, char **argv, options *opt)
{
    const aics_opt table[] = {
        {"chapters", AICS_OPT_STRING, &opt->book.chapters_dir, "DIR", "大纲与各题正文所在的目录（chapters/）"},
        {"results", AICS_OPT_STRING, &opt->book.results_dir, "DIR",
         "各程序 --write 写出的结果所在的目录（build/out）"},
        {"figures", AICS_OPT_STRING, &opt->book.figures_dir, "DIR",
         "SVG 图所在的目录（build/book/fig，须在 --out 之内）"},
        {"out", AICS_OPT_STRING, &opt->book.out_dir, "DIR", "书写到哪里（build/book）"},
        {"chapter", AICS_OPT_INT, &opt->chapter, "N", "只生成第 N 章和目录页", AICS_RANGE_CLOSED, 1, 99,
         .default_text = "全部各章"},
        {"strict", AICS_OPT_FLAG, &opt->book.strict, NULL, "缺图（没有 gnuplot）或自检未通过时报错，不用占位"},
        {"lint", AICS_OPT_FLAG, &opt->lint, NULL,
         "不生成书，只找正文里像是手抄的程序输出的数字（见 docs/authoring.md）；有则退出码为 1"},
        {"quiet", AICS_OPT_FLAG, &opt->book.quiet, NULL, "不打印进度"},
        {NULL},
    };
    const aics_cmd cmd = {
        .name = "aics-book",
        .usage = "--chapters DIR --results DIR --figures DIR --out DIR\n--lint --chapters DIR --results DIR",
        .summary = "生成答案书：展开 DIR/outline.txt 列出的每个正文文件里的指令，填入程序的输出"
                   "（RESULTS/NAME.md、NAME.kv）和图（FIGURES/NAME.svg），把 index.html、chapterN.html、"
                   "book.html 与 book.md 写到 OUT。文件原子地替换，内容不变则不写。",
        .details = "指令语言与大纲格式见 docs/authoring.md。正文有错时以“文件:行:列: 说明”报错，退出码为 2。",
        .opts = table,
    };
    char **args;
    aics_opts_parse(&cmd, argc, argv, &args);
    opt->book.only_chapter = (int)opt->chapter;
    if (!opt->book.chapters_dir || !opt->book.results_dir) aics_die_usage("--chapters and --results are required");
    if (!opt->lint && (!opt->book.figures_dir || !opt->book.out_dir))
        aics_die_usage("--figures and --out are required to build the book");
}

int main(int argc, char **argv)
{
    aics_set_progname(argv[0]);
    setlocale(LC_ALL, "C");
    options opt = {{0}, false, 0};
    parse_args(argc, argv, &opt);
    if (opt.lint) return aics_stale_lint(opt.book.chapters_dir, opt.book.results_dir);
    return aics_book_build(&opt.book);
}
