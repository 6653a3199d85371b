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
 */
#ifndef AICS_PROGRAM_H
#define AICS_PROGRAM_H

#include <stdbool.h>
#include <stdint.h>

#include "opts.h"
#include "result.h"

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
} aics_program;

#define AICS_MAX_WRITES 8

typedef struct {
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
} aics_run;

/* Parse argv for program `p` into `run`. Exits on --help and on errors. */
void aics_run_init(aics_run *run, const aics_program *p, int argc, char **argv);

/* Print "prog: message" on stderr unless --quiet: progress on long work. */
void aics_progress(const aics_run *run, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Render `r` to stdout (or --output) and to every --write file. Files are
 * written atomically. Returns the exit code: 0, or 1 if a write failed. */
int aics_run_emit(const aics_run *run, const aics_result *r);

#endif
