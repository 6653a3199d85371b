/* program.h — the command line every exercise program shares.
 *
 * A program describes itself in an aics_program (name, exercise, summary and
 * its own options) and calls aics_run_init(), which parses argv and handles:
 *
 *   --help              print the generated Chinese help and exit 0
 *   --format=FMT        text (default), md, kv, json or none, on stdout
 *   --detail            text shows everything, not only the answer
 *   --layers            text adds the per-layer tables (programs that set .layers)
 *   --output=FILE       write that rendering to FILE (atomically) instead
 *   --write=FMT:FILE    also write FMT to FILE (repeatable, up to 4 times)
 *   --figures=DIR       draw figures as DIR/<name>.svg (off by default)
 *   --seed=N            seed of the random generator (programs that use one)
 *   --quiet             no progress lines on stderr
 *
 * The program's own options are an aics_opt table (opts.h, the one option
 * parser): keep them in one struct initialised from the constants the code
 * uses, and --help shows those values as the defaults. Write every text a
 * person reads here (summary, details, option help) in Chinese.
 *
 * Options take "--name=value" or "--name value". Bad options and bad values
 * end the program with a one-line message and exit 2. aics_run_init() also
 * sets the C locale, so numbers print the same everywhere.
 *
 * The skeleton. A program with nothing to do before parsing has no main()
 * of its own: it names its fields and its callbacks in AICS_MAIN(),
 *
 *     AICS_MAIN(.name = "ex3_3", .exercise = "3.3", .convention = "voc-matching-all-point-ap",
 *               .summary = "习题 3.3：…",
 *               .report = report, .draw = draw_figure)
 *
 * which defines the aics_program and a main() that calls aics_main():
 * parse argv, make the result, report(), draw() when figures are on, write
 * the output, free everything, finish(). A program that must act before the
 * skeleton runs (a subcommand, a default computed at run time) writes its
 * own main() and calls aics_main() at its end; one that decides only after
 * parsing calls aics_run_init() and then aics_run_program(). What report()
 * computes for draw() lives in one file-level struct of the program,
 * released by finish().
 */
#ifndef AICS_PROGRAM_H
#define AICS_PROGRAM_H

#include <stdbool.h>
#include <stdint.h>

#include "opts.h"
#include "plot.h"
#include "result.h"

typedef struct aics_run aics_run;

typedef struct {
    const char *name;       /* "ex2_7" */
    const char *exercise;   /* "2.7", as in the kv header */
    const char *summary;    /* one or two lines of Chinese for --help */
    const char *usage;      /* what follows the options, like "[FILE...]", or NULL */
    const char *details;    /* Chinese text after the option list, or NULL */
    const aics_opt *opts;   /* the program's own options, ended by an entry with name NULL */
    bool uses_seed;         /* accept --seed */
    uint64_t default_seed;
    int max_args;           /* how many positional arguments are allowed */
    bool layers;            /* accept --layers (per-layer tables in text) */

    /* The skeleton's part (aics_main): */
    const char *convention; /* one bare word: how things were counted (aics_result_new) */
    /* Compute and report everything into `r`. */
    void (*report)(aics_result *r, const aics_run *run);
    /* Draw the figures; NULL: the program has none. Called after report()
     * and only when figures are on (--figures and a working gnuplot). */
    void (*draw)(aics_plot *p);
    /* Called last, after the output is written: release what report() kept
     * for draw(), or print what is never part of the results; may be NULL. */
    void (*finish)(void);
} aics_program;

#define AICS_MAX_WRITES 8

struct aics_run {
    const aics_program *program;
    aics_format format;
    const char *output;  /* NULL: stdout */
    struct {
        aics_format format;
        const char *path;
    } writes[AICS_MAX_WRITES];
    int nwrites;
    const char *figdir;  /* NULL: no figures */
    uint64_t seed;
    bool quiet;
    bool detail;         /* --detail: text shows every part */
    bool layers;         /* --layers: text shows the per-layer parts */
    int nargs;
    char **args;         /* positional arguments (argv is reordered to hold them) */
};

/* Parse argv for program `p` into `run`. Exits on --help and on errors. */
void aics_run_init(aics_run *run, const aics_program *p, int argc, char **argv);

/* Print "prog: message" on stderr unless --quiet: progress on long work. */
void aics_progress(const aics_run *run, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Render `r` to stdout (or --output) and to every --write file. Files are
 * written atomically. Returns the exit code: 0, or 1 if a write failed. */
int aics_run_emit(const aics_run *run, const aics_result *r);

/* The whole program: aics_run_init() and then aics_run_program(). Returns
 * the exit code for main(). */
int aics_main(int argc, char **argv, const aics_program *p);

/* The skeleton after parsing: a result with the program's convention, report(),
 * draw() into run->figdir (only when the program has figures), aics_run_emit(),
 * free, finish(). Returns 0, or 1 if a figure or a write failed. */
int aics_run_program(const aics_run *run);

/* The options of `opts` that name a kv key (their `kv` field), in table
 * order, as kv-only results under that key: the values the run used, as
 * --help promises ("报告为 KEY"). INT as an integer, DOUBLE as a double, FLAG
 * as yes/no (1/0); the header already holds "seed", so it is skipped. Another
 * kind with a kv key is a programming error. Leaves kv-only mode off. */
void aics_report_options(aics_result *r, const aics_opt *opts);

/* Start the part that reports positional argument `index` (0-based) on its
 * own: named "argN" (N = index + 1) and titled `title`. The name is also
 * written to key (size bytes), the stem of that argument's kv keys. */
void aics_report_arg_part(aics_result *r, int index, const char *title, char *key, size_t size);

/* Define the program (designated initializers of aics_program, as
 * `aics_this_program`) and a main() that runs it through aics_main(). */
#define AICS_MAIN(...)                                                     \
    static const aics_program aics_this_program = {__VA_ARGS__};          \
    int main(int argc, char **argv) { return aics_main(argc, argv, &aics_this_program); }

#endif
