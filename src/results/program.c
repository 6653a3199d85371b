/* program.c — shared option parsing and output for exercise programs. */
#include "program.h"

#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"
#include "fileio.h"

static void usage_line(const char *name, const char *metavar, const char *help)
{
    char left[64];
    snprintf(left, sizeof left, "--%s%s%s", name, metavar ? "=" : "", metavar ? metavar : "");
    printf("  %-24s %s\n", left, help);
}

static void print_help(const aics_program *p)
{
    printf("Usage: %s [options]%s%s\n%s\n\nOptions:\n", p->name, p->usage ? " " : "",
           p->usage ? p->usage : "", p->summary);
    for (const aics_opt *o = p->opts; o && o->name; o++)
        usage_line(o->name, o->kind == AICS_OPT_FLAG ? NULL : o->metavar, o->help);
    usage_line("format", "FMT", "text (default), md, kv, json, labels or none");
    usage_line("output", "FILE", "write the results to FILE instead of stdout");
    usage_line("write", "FMT:FILE", "also write the results as FMT to FILE (repeatable)");
    usage_line("figures", "DIR", "draw figures as SVG files in DIR (needs gnuplot)");
    if (p->uses_seed) {
        char help[80];
        snprintf(help, sizeof help, "seed of the random generator (default %llu)",
                 (unsigned long long)p->default_seed);
        usage_line("seed", "N", help);
    }
    usage_line("quiet", NULL, "no progress lines on stderr");
    usage_line("help", NULL, "show this help and exit");
    if (p->details) printf("\n%s\n", p->details);
}

static double parse_number(const char *opt, const char *s, bool integer)
{
    char *end;
    errno = 0;
    double v = integer ? (double)strtoll(s, &end, 10) : strtod(s, &end);
    if (end == s || *end != '\0' || errno == ERANGE || v != v)
        aics_die_usage("--%s expects %s, not '%s'", opt, integer ? "an integer" : "a number", s);
    return v;
}

static void check_range(const aics_opt *o, double v, const char *text)
{
    bool ok = o->range == AICS_RANGE_NONE ||
              (o->range == AICS_RANGE_CLOSED && v >= o->min && v <= o->max) ||
              (o->range == AICS_RANGE_OPEN_MIN && v > o->min && v <= o->max);
    if (!ok)
        aics_die_usage("--%s must be %s %g and at most %g, not %s", o->name,
                       o->range == AICS_RANGE_OPEN_MIN ? "greater than" : "at least",
                       o->min, o->max, text);
}

static void set_option(const aics_opt *o, const char *value)
{
    switch (o->kind) {
    case AICS_OPT_FLAG: *(bool *)o->ptr = true; break;
    case AICS_OPT_STRING: *(const char **)o->ptr = value; break;
    case AICS_OPT_INT: {
        double v = parse_number(o->name, value, true);
        check_range(o, v, value);
        *(int64_t *)o->ptr = strtoll(value, NULL, 10);
        break;
    }
    case AICS_OPT_DOUBLE: {
        double v = parse_number(o->name, value, false);
        check_range(o, v, value);
        *(double *)o->ptr = v;
        break;
    }
    }
}

static void add_write(aics_run *run, const char *spec)
{
    const char *colon = strchr(spec, ':');
    char fmt[16];
    if (!colon || colon == spec || (size_t)(colon - spec) >= sizeof fmt || !colon[1])
        aics_die_usage("--write expects FMT:FILE, like kv:out.kv, not '%s'", spec);
    snprintf(fmt, sizeof fmt, "%.*s", (int)(colon - spec), spec);
    if (run->nwrites == AICS_MAX_WRITES) aics_die_usage("--write may be given at most %d times", AICS_MAX_WRITES);
    if (!aics_format_parse(fmt, &run->writes[run->nwrites].format))
        aics_die_usage("unknown format '%s' in --write (expected text, md, kv, json or labels)", fmt);
    run->writes[run->nwrites++].path = colon + 1;
}

/* Handle a built-in option; false if `name` is not one. */
static bool builtin_option(aics_run *run, const char *name, const char *value)
{
    if (strcmp(name, "format") == 0) {
        if (!aics_format_parse(value, &run->format))
            aics_die_usage("unknown format '%s' (expected text, md, kv, json, labels or none)", value);
    } else if (strcmp(name, "output") == 0) {
        run->output = value;
    } else if (strcmp(name, "write") == 0) {
        add_write(run, value);
    } else if (strcmp(name, "figures") == 0) {
        run->figdir = value;
    } else if (strcmp(name, "seed") == 0 && run->program->uses_seed) {
        char *end;
        errno = 0;
        unsigned long long s = strtoull(value, &end, 10);
        if (end == value || *end || errno || value[0] == '-')
            aics_die_usage("--seed expects a non-negative integer, not '%s'", value);
        run->seed = s;
    } else {
        return false;
    }
    return true;
}

static const aics_opt *find_option(const aics_program *p, const char *name)
{
    for (const aics_opt *o = p->opts; o && o->name; o++)
        if (strcmp(o->name, name) == 0) return o;
    return NULL;
}

static bool builtin_takes_value(const aics_program *p, const char *name)
{
    return strcmp(name, "format") == 0 || strcmp(name, "output") == 0 ||
           strcmp(name, "write") == 0 || strcmp(name, "figures") == 0 ||
           (strcmp(name, "seed") == 0 && p->uses_seed);
}

/* Parse argv[*i], a "--name[=value]" option, consuming a separate value if needed. */
static void parse_option(aics_run *run, int argc, char **argv, int *i)
{
    const aics_program *p = run->program;
    char name[64];
    const char *arg = argv[*i] + 2;
    const char *eq = strchr(arg, '=');
    size_t n = eq ? (size_t)(eq - arg) : strlen(arg);
    if (n == 0 || n >= sizeof name) aics_die_usage("unknown option '%s'", argv[*i]);
    snprintf(name, sizeof name, "%.*s", (int)n, arg);
    if (strcmp(name, "help") == 0) {
        print_help(p);
        exit(0);
    }
    if (strcmp(name, "quiet") == 0) {
        run->quiet = true;
        return;
    }
    const aics_opt *o = find_option(p, name);
    if (!o && !builtin_takes_value(p, name)) aics_die_usage("unknown option '--%s'", name);
    bool wants_value = !o || o->kind != AICS_OPT_FLAG;
    const char *value = eq ? eq + 1 : NULL;
    if (!wants_value && value) aics_die_usage("--%s takes no value", name);
    if (wants_value && !value) {
        if (*i + 1 >= argc) aics_die_usage("--%s needs a value", name);
        value = argv[++*i];
    }
    if (!o) builtin_option(run, name, value);
    else set_option(o, value);
}

void aics_run_init(aics_run *run, const aics_program *p, int argc, char **argv)
{
    setlocale(LC_ALL, "C");
    aics_set_progname(p->name);
    memset(run, 0, sizeof *run);
    run->program = p;
    run->format = AICS_FORMAT_TEXT;
    run->seed = p->uses_seed ? p->default_seed : 0;
    /* Positional arguments are gathered at the front of argv itself: the k-th
     * one is at index >= k + 1, so nothing unread is overwritten. */
    run->args = argv + 1;
    bool only_args = false;
    for (int i = 1; i < argc; i++) {
        if (!only_args && strcmp(argv[i], "--") == 0) only_args = true;
        else if (!only_args && strncmp(argv[i], "--", 2) == 0) parse_option(run, argc, argv, &i);
        else if (!only_args && argv[i][0] == '-' && argv[i][1]) aics_die_usage("unknown option '%s'", argv[i]);
        else run->args[run->nargs++] = argv[i];
    }
    if (run->nargs > p->max_args)
        aics_die_usage(p->max_args ? "too many arguments" : "unexpected argument '%s'", run->args[0]);
}

void aics_progress(const aics_run *run, const char *fmt, ...)
{
    if (run->quiet) return;
    va_list ap;
    fprintf(stderr, "%s: ", aics_progname());
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

static int write_rendering(const aics_result *r, aics_format f, const char *path)
{
    aics_buf b = AICS_BUF_INIT;
    aics_result_render(r, f, &b);
    int rc = 0;
    if (!path) {
        if (fwrite(b.data ? b.data : "", 1, b.len, stdout) != b.len || fflush(stdout) != 0) rc = 1;
    } else if (aics_write_file_atomic(path, b.data ? b.data : "", b.len) < 0) {
        fprintf(stderr, "%s: cannot write %s: %s\n", aics_progname(), path, strerror(errno));
        rc = 1;
    }
    aics_buf_free(&b);
    return rc;
}

int aics_run_emit(const aics_run *run, const aics_result *r)
{
    int rc = 0;
    for (int i = 0; i < run->nwrites; i++)
        rc |= write_rendering(r, run->writes[i].format, run->writes[i].path);
    if (run->format != AICS_FORMAT_NONE) rc |= write_rendering(r, run->format, run->output);
    return rc;
}
