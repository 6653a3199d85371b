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

static void set_format(void *ptr, const char *value)
{
    if (!aics_format_parse(value, ptr))
        aics_die_usage("unknown format '%s' (expected text, md, kv, json, labels or none)", value);
}

static void add_write(void *ptr, const char *spec)
{
    aics_run *run = ptr;
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

/* The options every program shares, pointing into `run`; ended by {NULL}. */
static void common_options(aics_run *run, aics_opt *t)
{
    const aics_program *p = run->program;
    int n = 0;
    t[n++] = (aics_opt){"format", AICS_OPT_CALL, &run->format, "FMT",
                        "输出格式：text（文字）、md、kv、json、labels（键与标签）或 none", .default_text = "text",
                        .call = set_format};
    t[n++] = (aics_opt){"detail", AICS_OPT_FLAG, &run->detail, NULL,
                        "文字输出显示全部推导与核对，不只是答案"};
    if (p->layers)
        t[n++] = (aics_opt){"layers", AICS_OPT_FLAG, &run->layers, NULL, "文字输出加上逐层计数表"};
    t[n++] = (aics_opt){"output", AICS_OPT_STRING, &run->output, "FILE", "结果写到 FILE，不写到标准输出"};
    static char write_help[96];
    snprintf(write_help, sizeof write_help, "另把结果按格式 FMT 写到 FILE（可重复，至多 %d 次）",
             AICS_MAX_WRITES);
    t[n++] = (aics_opt){"write", AICS_OPT_CALL, run, "FMT:FILE", write_help, .call = add_write};
    t[n++] = (aics_opt){"figures", AICS_OPT_STRING, &run->figdir, "DIR",
                        "把图画成 DIR 里的 SVG 文件（需要 gnuplot）"};
    if (p->uses_seed)
        t[n++] = (aics_opt){"seed", AICS_OPT_UINT64, &run->seed, "N", "随机数种子", .kv = "seed"};
    t[n++] = (aics_opt){"quiet", AICS_OPT_FLAG, &run->quiet, NULL, "标准错误上不打印进度"};
    t[n] = (aics_opt){NULL, 0, NULL, NULL, NULL};
}

/* Refuse before any work an output path that is a device, FIFO, folder or
 * link: the writer would refuse it at the end anyway (fileio.h). */
static void check_output_paths(const aics_run *run)
{
    for (int i = 0; i <= run->nwrites; i++) {
        const char *path = i < run->nwrites ? run->writes[i].path : run->output;
        if (path && !aics_writable_path(path))
            aics_die_usage("%s %s: %s; expected a new or regular file", i < run->nwrites ? "--write" : "--output",
                           path, aics_file_strerror(errno));
    }
}

void aics_run_init(aics_run *run, const aics_program *p, int argc, char **argv)
{
    setlocale(LC_ALL, "C");
    aics_set_progname(p->name);
    memset(run, 0, sizeof *run);
    run->program = p;
    run->format = AICS_FORMAT_TEXT;
    run->seed = p->uses_seed ? p->default_seed : 0;
    aics_opt common[12];
    common_options(run, common);
    const aics_cmd cmd = {.name = p->name, .usage = p->usage, .summary = p->summary,
                          .details = p->details, .opts = p->opts, .common = common,
                          .max_args = p->max_args};
    run->nargs = aics_opts_parse(&cmd, argc, argv, &run->args);
    check_output_paths(run);
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

static int write_rendering(const aics_run *run, const aics_result *r, aics_format f, const char *path)
{
    aics_buf b = AICS_BUF_INIT;
    if (f == AICS_FORMAT_TEXT) aics_result_render_text(r, run->detail, run->layers, &b);
    else aics_result_render(r, f, &b);
    int rc = 0;
    if (!path) {
        if (fwrite(b.data, 1, b.len, stdout) != b.len || fflush(stdout) != 0) rc = 1;
    } else if (aics_write_file_atomic(path, b.data, b.len) < 0) {
        fprintf(stderr, "%s: cannot write %s: %s\n", aics_progname(), path, aics_file_strerror(errno));
        rc = 1;
    }
    aics_buf_free(&b);
    return rc;
}

int aics_run_emit(const aics_run *run, const aics_result *r)
{
    int rc = 0;
    for (int i = 0; i < run->nwrites; i++)
        rc |= write_rendering(run, r, run->writes[i].format, run->writes[i].path);
    if (run->format != AICS_FORMAT_NONE) rc |= write_rendering(run, r, run->format, run->output);
    return rc;
}

int aics_run_program(const aics_run *run)
{
    const aics_program *p = run->program;
    aics_result *r = aics_result_new(p->exercise, run->seed, p->convention);
    p->report(r, run);
    int rc = 0;
    if (p->draw) {
        aics_plot *plot = aics_plot_open(run->figdir);
        if (aics_plot_enabled(plot)) p->draw(plot);
        rc = aics_plot_close(plot);
    }
    rc |= aics_run_emit(run, r);
    aics_result_free(r);
    if (p->finish) p->finish();
    return rc;
}

int aics_main(int argc, char **argv, const aics_program *p)
{
    aics_run run;
    aics_run_init(&run, p, argc, argv);
    return aics_run_program(&run);
}

void aics_report_options(aics_result *r, const aics_opt *opts)
{
    aics_result_kv_only(r, true);
    for (const aics_opt *o = opts; o && o->name; o++) {
        if (!o->kv || strcmp(o->kv, "seed") == 0) continue;
        if (o->kind == AICS_OPT_INT) aics_result_int(r, o->kv, *(const int64_t *)o->ptr, NULL);
        else if (o->kind == AICS_OPT_DOUBLE) aics_result_double(r, o->kv, *(const double *)o->ptr, NULL);
        else if (o->kind == AICS_OPT_FLAG) aics_result_bool(r, o->kv, *(const bool *)o->ptr, NULL);
        else AICS_CHECK(0, "an option reported in kv is an integer, a number or a flag");
    }
    aics_result_kv_only(r, false);
}

void aics_report_arg_part(aics_result *r, int index, const char *title, char *key, size_t size)
{
    snprintf(key, size, "arg%d", index + 1);
    aics_result_part(r, key, title);
}
