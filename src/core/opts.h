/* opts.h — the one option parser: a table of options in, parsed values and a
 * generated Chinese --help out. Every program and tool uses it.
 *
 * A program keeps its options in one struct, initialised from the constants
 * the code uses, and describes each option in a table that points into that
 * struct:
 *
 *     typedef struct { double lr; int64_t epochs; bool verbose; const char *out; } options;
 *     static options opt = {.lr = LR_DEFAULT, .epochs = 2000};
 *     static const aics_opt table[] = {
 *         {"lr", AICS_OPT_DOUBLE, &opt.lr, "RATE", "学习率 η", AICS_RANGE_OPEN_MIN, 0, 10,
 *          .kv = "step.lr"},
 *         {"epochs", AICS_OPT_INT, &opt.epochs, "N", "训练轮数", AICS_RANGE_CLOSED, 1, 100000},
 *         {"verbose", AICS_OPT_FLAG, &opt.verbose, NULL, "逐轮打印损失"},
 *         {"out", AICS_OPT_STRING, &opt.out, "FILE", "结果写到 FILE"},
 *         {NULL},
 *     };
 *     static const aics_cmd cmd = {.name = "prog", .summary = "……", .opts = table,
 *                                  .usage = "FILE...", .max_args = 100};
 *     ...
 *     char **args;
 *     int nargs = aics_opts_parse(&cmd, argc, argv, &args);
 *
 * --help (or -h) prints the help and exits 0, before anything else is parsed,
 * so the defaults it shows are the struct's initial values: help is generated
 * from the same constants the code runs with, never typed. An option's help
 * text therefore never mentions its default. Each line reads
 *
 *     --lr=RATE               学习率 η（默认 0.1；报告为 step.lr）
 *
 * where "报告为 KEY" names the kv key that reports the value the run used
 * (the `kv` field); tests/cli/help.sh checks that every such default equals
 * what `--format=kv` reports for a default run. Write `summary`, `details`
 * and every `help` in Chinese (option names and metavars stay English).
 *
 * Options are "--name=value" or "--name value"; a flag takes no value. "--"
 * ends the options. Positional arguments are gathered, in order, at the front
 * of argv itself (nothing unread is overwritten) and returned through `args`.
 * Any error — an unknown option, a missing or malformed value, a value out of
 * range, more than `max_args` arguments — prints one line and exits 2
 * (aics_die_usage in error.h).
 */
#ifndef AICS_OPTS_H
#define AICS_OPTS_H

#include <stdbool.h>
#include <stdint.h>

typedef enum {
    AICS_OPT_FLAG,   /* ptr is bool *: set to true, takes no value */
    AICS_OPT_INT,    /* ptr is int64_t * */
    AICS_OPT_DOUBLE, /* ptr is double *: finite numbers only */
    AICS_OPT_STRING, /* ptr is const char **: points into argv */
    AICS_OPT_UINT64, /* ptr is uint64_t *: a non-negative integer (seeds) */
    AICS_OPT_CALL    /* `call` gets ptr and the value; it checks it and dies on bad input */
} aics_opt_kind;

typedef enum {
    AICS_RANGE_NONE,    /* any value */
    AICS_RANGE_CLOSED,  /* min <= v <= max */
    AICS_RANGE_OPEN_MIN /* min < v <= max: "positive" when min is 0 */
} aics_range;

typedef struct {
    const char *name;    /* long name without the leading "--" */
    aics_opt_kind kind;
    void *ptr;           /* where the value goes; see aics_opt_kind */
    const char *metavar; /* shown in --help, like "RATE"; NULL for flags */
    const char *help;    /* one line of Chinese, without the default */
    aics_range range;    /* for INT and DOUBLE */
    double min, max;
    const char *kv;      /* the kv key that reports this option's value, or NULL
                          * ("seed" names the header's seed=) */
    const char *default_text; /* shown as the default instead of *ptr, for defaults
                               * decided at run time (like "按数据计算"); NULL: from *ptr */
    void (*call)(void *ptr, const char *value); /* AICS_OPT_CALL only */
} aics_opt;

typedef struct {
    const char *name;     /* as the user types it: "ex2_5 fit", "aics-grade" */
    const char *usage;    /* what follows "[选项]" in the usage line, or NULL; several
                           * forms may be given one per line */
    const char *summary;  /* one or two lines of Chinese: what the program does */
    const char *details;  /* Chinese text after the option lists, or NULL */
    const aics_opt *opts; /* the program's options, ended by an entry with name NULL */
    const aics_opt *common; /* a second list shown as "通用选项" (the shared ones), or NULL */
    int max_args;         /* how many positional arguments are allowed */
} aics_cmd;

/* Parse argv[1..argc-1] with `cmd`'s tables. Returns the number of positional
 * arguments and points *args at them. Exits 0 after --help, 2 on errors. */
int aics_opts_parse(const aics_cmd *cmd, int argc, char **argv, char ***args);

/* Print `cmd`'s generated help on stdout (what --help shows). */
void aics_opts_help(const aics_cmd *cmd);

/* Write the value *o->ptr holds as --help shows it ("0.1", "2000") into buf;
 * empty for flags and unset strings. Doubles are written in the shortest form
 * that reads back as the same double. */
void aics_opt_value_text(const aics_opt *o, char *buf, unsigned n);

#endif
