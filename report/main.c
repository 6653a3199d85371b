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
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "error.h"
#include "stale.h"

static const char usage[] =
    "Usage: aics-book --chapters DIR --results DIR --figures DIR --out DIR [--strict] [--chapter N]\n"
    "       aics-book --lint --chapters DIR --results DIR\n"
    "\n"
    "Weave the answer book: expand the directives of every prose file listed in\n"
    "DIR/outline.txt with the programs' outputs (RESULTS/NAME.md, NAME.kv) and figures\n"
    "(FIGURES/NAME.svg), and write index.html, chapterN.html, book.html and book.md\n"
    "to OUT. Files are replaced atomically and only when their bytes change.\n"
    "\n"
    "  --chapters DIR  the outline and prose (chapters/)\n"
    "  --results DIR   the programs' --write outputs (build/out)\n"
    "  --figures DIR   the SVG figures (build/book/fig; must lie inside --out)\n"
    "  --out DIR       where the book goes (build/book)\n"
    "  --chapter N     render only chapter N and the index\n"
    "  --strict        a figure missing for want of gnuplot, or a failed self-check, is an error\n"
    "  --lint          instead of building, report numbers in the prose that look like\n"
    "                  typed-in outputs (see docs/authoring.md); exit 1 if there are any\n"
    "  --quiet         no progress lines\n"
    "  --help          show this help\n"
    "\n"
    "The directive language and the outline format are in docs/authoring.md.\n";

typedef struct {
    aics_book_opts book;
    bool lint;
} options;

/* The value of option `name` at argv[*i] ("--name=V" or "--name V"), or NULL. */
static const char *opt_value(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n) != 0) return NULL;
    if (a[n] == '=') return a + n + 1;
    if (a[n] != '\0') return NULL;
    if (*i + 1 >= argc) aics_die_usage("%s needs a value", name);
    return argv[++*i];
}

static int chapter_number(const char *s)
{
    char *end;
    long n = strtol(s, &end, 10);
    if (end == s || *end || n < 1 || n > 99) aics_die_usage("--chapter takes a number 1-99, not '%s'", s);
    return (int)n;
}

static void parse_args(int argc, char **argv, options *opt)
{
    const char *v;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help")) { fputs(usage, stdout); exit(0); }
        else if (!strcmp(a, "--strict")) opt->book.strict = true;
        else if (!strcmp(a, "--quiet")) opt->book.quiet = true;
        else if (!strcmp(a, "--lint")) opt->lint = true;
        else if ((v = opt_value(argc, argv, &i, "--chapters"))) opt->book.chapters_dir = v;
        else if ((v = opt_value(argc, argv, &i, "--results"))) opt->book.results_dir = v;
        else if ((v = opt_value(argc, argv, &i, "--figures"))) opt->book.figures_dir = v;
        else if ((v = opt_value(argc, argv, &i, "--out"))) opt->book.out_dir = v;
        else if ((v = opt_value(argc, argv, &i, "--chapter"))) opt->book.only_chapter = chapter_number(v);
        else aics_die_usage("unknown argument '%s'", a);
    }
    if (!opt->book.chapters_dir || !opt->book.results_dir) aics_die_usage("--chapters and --results are required");
    if (!opt->lint && (!opt->book.figures_dir || !opt->book.out_dir))
        aics_die_usage("--figures and --out are required to build the book");
}

int main(int argc, char **argv)
{
    aics_set_progname(argv[0]);
    setlocale(LC_ALL, "C");
    options opt = {{0}, false};
    parse_args(argc, argv, &opt);
    if (opt.lint) return aics_stale_lint(opt.book.chapters_dir, opt.book.results_dir);
    return aics_book_build(&opt.book);
}
