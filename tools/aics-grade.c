/* aics-grade.c — grade submitted kv results against the references.
 *
 *   aics-grade [--spec FILE] [--json FILE] EXPECTED.kv SUBMITTED.kv
 *   aics-grade [--json FILE] SOLUTIONS_DIR SUBMISSION_DIR
 *
 * The comparison rules live in src/grade/grade.h, the spec format in
 * docs/grading.md, the mistake diagnosis for 3.1 and 3.2 in src/grade/diagnose.h.
 * Submissions are only ever read, with size and line limits, never run.
 * Exit: 0 everything passed, 1 something failed, 2 an input could not be read
 * (or bad usage).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "diagnose.h"
#include "error.h"
#include "fileio.h"
#include "grade.h"

#define ERR_SIZE 1024

typedef struct {
    char *name;          /* "ex3_2", or the reference file's name without .kv */
    char *expected_path;
    char *submitted_path; /* NULL: nothing submitted for it */
    char *spec_path;      /* NULL: the default spec */
    aics_kv expected, submitted;
    aics_grade_spec spec;
    const aics_grade_rule **match; /* the rule for each reference key */
    aics_grade_report report;
    char *problem;        /* why the submission is unusable, or NULL */
    bool unreadable;      /* the problem is a file that could not be read (exit 2) */
} exercise;

typedef struct {
    const char *spec;
    const char *json;
    bool quiet;
    const char *a, *b;  /* the first two arguments */
    char **more;        /* further submissions (batch mode), `nmore` of them */
    int nmore;
} options;

static void usage(void)
{
    printf("Usage: aics-grade [--spec FILE] [--json FILE] EXPECTED.kv SUBMITTED.kv\n"
           "       aics-grade [--json FILE] SOLUTIONS_DIR SUBMISSION_DIR\n"
           "       aics-grade [--spec FILE] [--quiet] EXPECTED.kv SUBMITTED.kv SUBMITTED.kv...\n"
           "\n"
           "Grade kv results (the programs' --format=kv output) against references.\n"
           "Integers must match exactly; a float passes when |a-b| <= abs or\n"
           "|a-b| <= rel*|expected|; NaN and inf never pass; a missing key fails; extra\n"
           "keys are listed, not penalised. Each failure shows the values, the errors\n"
           "against the tolerances, the spec's hint and, for network counts, which\n"
           "common counting mistake gives the submitted number.\n"
           "\n"
           "Options:\n"
           "  --spec FILE   grading spec (docs/grading.md); default: EXPECTED with .spec\n"
           "                in place of .kv if that exists, else every key, floats with\n"
           "                rel %g\n"
           "  --json FILE   also write Gradescope's results.json to FILE (atomically)\n"
           "  --quiet       print only the summary line of each exercise\n"
           "  --help        show this help and exit\n"
           "\n"
           "With two folders, every SOLUTIONS_DIR/exN_M.kv and SOLUTIONS_DIR/chN/exN_M.kv\n"
           "is graded with its .spec against SUBMISSION_DIR/exN_M.kv (or chN/exN_M.kv).\n"
           "With several submitted files, each is graded against the one reference\n"
           "(read once) and named by its path: a class's files in one run.\n"
           "Inputs are limited to %zu bytes and %zu lines.\n"
           "\n"
           "Exit status: 0 all passed, 1 something failed, 2 an input could not be read.\n",
           AICS_GRADE_DEFAULT_REL, AICS_GRADE_MAX_BYTES, AICS_GRADE_MAX_LINES);
}

static void add_positional(options *o, int *npos, char *arg)
{
    if (*npos == 0) o->a = arg;
    else if (*npos == 1) o->b = arg;
    else o->more[o->nmore++] = arg;
    (*npos)++;
}

static void parse_args(int argc, char **argv, options *o)
{
    memset(o, 0, sizeof *o);
    o->more = aics_xcalloc((size_t)argc, sizeof *o->more);
    int npos = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char **target = NULL;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            usage();
            exit(0);
        } else if (strcmp(arg, "--quiet") == 0) {
            o->quiet = true;
            continue;
        } else if (strncmp(arg, "--spec", 6) == 0 && (arg[6] == '\0' || arg[6] == '=')) {
            target = &o->spec;
        } else if (strncmp(arg, "--json", 6) == 0 && (arg[6] == '\0' || arg[6] == '=')) {
            target = &o->json;
        } else if (strcmp(arg, "--") == 0) {
            for (i++; i < argc; i++) add_positional(o, &npos, argv[i]);
            break;
        } else if (arg[0] == '-' && arg[1] != '\0') {
            aics_die_usage("unknown option %s", arg);
        } else {
            add_positional(o, &npos, argv[i]);
            continue;
        }
        const char *eq = strchr(arg, '=');
        if (eq) *target = eq + 1;
        else if (i + 1 < argc) *target = argv[++i];
        else aics_die_usage("%s needs a FILE", arg);
        if (!**target) aics_die_usage("%.6s needs a FILE", arg);
    }
    if (npos < 2)
        aics_die_usage("expected EXPECTED.kv SUBMITTED.kv, or SOLUTIONS_DIR SUBMISSION_DIR");
    if (o->nmore > 0 && o->json)
        aics_die_usage("--json writes the results of one submission; found %d", o->nmore + 1);
    if (o->json && !aics_writable_path(o->json))
        aics_die_usage("--json %s: %s; expected a new or regular file", o->json, aics_file_strerror(errno));
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static char *join(const char *dir, const char *name)
{
    aics_buf b = AICS_BUF_INIT;
    aics_buf_printf(&b, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
    return aics_buf_take(&b);
}

/* "dir/ex3_2.kv" -> "ex3_2"; "x.kv" -> "x". */
static char *stem(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 3 && strcmp(base + n - 3, ".kv") == 0) n -= 3;
    char *s = aics_xmalloc(n + 1);
    memcpy(s, base, n);
    s[n] = '\0';
    return s;
}

/* EXPECTED.kv -> EXPECTED.spec when that file exists. */
static char *sibling_spec(const char *kv_path)
{
    size_t n = strlen(kv_path);
    if (n < 3 || strcmp(kv_path + n - 3, ".kv") != 0) return NULL;
    char *s = aics_xmalloc(n + 3);
    memcpy(s, kv_path, n - 3);
    strcpy(s + n - 3, ".spec");
    if (is_file(s)) return s;
    free(s);
    return NULL;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reference kv files directly in `dir` and in its chN/ folders, sorted. */
static char **list_references(const char *dir, size_t *n)
{
    char **out = NULL;
    *n = 0;
    DIR *top = opendir(dir);
    if (!top) aics_die_data(dir, 0, 0, "cannot open folder: %s", strerror(errno));
    struct dirent *de;
    char **chapters = NULL;
    size_t nch = 0;
    while ((de = readdir(top)) != NULL) {
        const char *nm = de->d_name;
        size_t len = strlen(nm);
        char *full = join(dir, nm);
        if (strncmp(nm, "ch", 2) == 0 && is_dir(full)) {
            chapters = aics_xrealloc(chapters, (nch + 1) * sizeof *chapters);
            chapters[nch++] = full;
            continue;
        }
        if (len > 3 && strcmp(nm + len - 3, ".kv") == 0 && is_file(full)) {
            out = aics_xrealloc(out, (*n + 1) * sizeof *out);
            out[(*n)++] = full;
        } else {
            free(full);
        }
    }
    closedir(top);
    for (size_t c = 0; c < nch; c++) {
        DIR *d = opendir(chapters[c]);
        while (d && (de = readdir(d)) != NULL) {
            size_t len = strlen(de->d_name);
            char *full = join(chapters[c], de->d_name);
            if (len > 3 && strcmp(de->d_name + len - 3, ".kv") == 0 && is_file(full)) {
                out = aics_xrealloc(out, (*n + 1) * sizeof *out);
                out[(*n)++] = full;
            } else {
                free(full);
            }
        }
        if (d) closedir(d);
        free(chapters[c]);
    }
    free(chapters);
    if (*n) qsort(out, *n, sizeof *out, cmp_str);
    return out;
}

/* The submission for reference `ref`: SUB/NAME.kv or SUB/chN/NAME.kv. */
static char *find_submission(const char *sub_dir, const char *ref)
{
    const char *base = strrchr(ref, '/');
    base = base ? base + 1 : ref;
    char *flat = join(sub_dir, base);
    if (is_file(flat)) return flat;
    const char *slash = strrchr(ref, '/');
    if (slash) {
        const char *chapter = slash;
        while (chapter > ref && chapter[-1] != '/') chapter--;
        if (strncmp(chapter, "ch", 2) == 0) {
            aics_buf b = AICS_BUF_INIT;
            aics_buf_printf(&b, "%.*s/%s", (int)(slash - chapter), chapter, base);
            char *nested = join(sub_dir, b.data);
            aics_buf_free(&b);
            if (is_file(nested)) {
                free(flat);
                return nested;
            }
            free(nested);
        }
    }
    free(flat);
    return NULL;
}

static void die_plain(const char *msg)
{
    fflush(stdout);
    fprintf(stderr, "%s: %s\n", aics_progname(), msg);
    exit(AICS_EXIT_DATA);
}

/* The instructor's side (reference and spec) must be readable: exit 2 otherwise. */
static void load_reference(exercise *ex)
{
    char err[ERR_SIZE];
    if (!aics_grade_load_kv(ex->expected_path, NULL, &ex->expected, err, sizeof err)) die_plain(err);
    if (ex->spec_path) {
        if (!aics_grade_spec_load(ex->spec_path, &ex->spec, err, sizeof err)) die_plain(err);
    } else {
        aics_grade_spec_default(&ex->spec);
    }
    for (size_t r = 0; r < ex->spec.n; r++) {
        const aics_grade_rule *rule = &ex->spec.rules[r];
        char derr[512];
        if (rule->diagnose && !aics_diagnose_tag_ok(rule->diagnose, derr, sizeof derr)) {
            snprintf(err, sizeof err, "%s:%ld:1: %s", ex->spec.path, rule->line, derr);
            die_plain(err);
        }
    }
    ex->match = aics_grade_match(&ex->expected, &ex->spec);
}

static void grade(exercise *ex, aics_diagnoser *dg)
{
    char err[ERR_SIZE];
    aics_kv empty = {0};
    if (!ex->submitted_path) {
        ex->problem = aics_xstrdup("no submission file for this exercise");
    } else if (!aics_grade_load_kv(ex->submitted_path, NULL, &ex->submitted, err, sizeof err)) {
        ex->problem = aics_xstrdup(err);
        ex->unreadable = true;
    }
    aics_grade_compare(&ex->expected, ex->problem ? &empty : &ex->submitted, &ex->spec,
                       ex->match, aics_diagnose_item, dg, &ex->report);
}

static void print_exercise(const exercise *ex, bool quiet, aics_buf *out)
{
    const aics_grade_report *r = &ex->report;
    if (!quiet) {
        aics_buf_printf(out, "== %s: %s vs %s (spec: %s)\n", ex->name, ex->expected_path,
                        ex->submitted_path ? ex->submitted_path : "(nothing submitted)",
                        ex->spec.path);
        if (ex->problem) {
            aics_buf_printf(out, "%s\n", ex->problem);
        } else {
            for (size_t i = 0; i < r->n; i++) aics_grade_explain(&r->items[i], "", out);
            for (size_t i = 0; i < r->nextra; i++)
                aics_buf_printf(out, "extra key (not graded): %s\n", r->extra[i]);
        }
    }
    aics_buf_printf(out, "%s: %zu of %zu keys passed, score %.10g/%.10g%s\n", ex->name, r->npass,
                    r->n, r->score, r->max_score,
                    ex->problem ? (ex->unreadable ? " (submission unreadable)" : " (not submitted)")
                                : "");
}

static void warn_spec(const exercise *ex)
{
    const aics_grade_report *r = &ex->report;
    for (size_t i = 0; i < r->nunused; i++)
        aics_warn("%s:%ld: pattern '%s' matches no key of %s", ex->spec.path, r->unused[i]->line,
                  r->unused[i]->pattern, ex->expected_path);
    char a[64], b[64];
    if (!ex->problem && aics_kv_header_field(&ex->expected, "exercise", a, sizeof a) &&
        aics_kv_header_field(&ex->submitted, "exercise", b, sizeof b) && strcmp(a, b) != 0)
        aics_warn("%s says exercise=%s, but the reference %s is for exercise %s",
                  ex->submitted_path, b, ex->expected_path, a);
}

/* ---- Gradescope results.json ------------------------------------------------ */

static void json_string(aics_buf *out, const char *s)
{
    aics_buf_putc(out, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') aics_buf_printf(out, "\\%c", *p);
        else if (*p == '\n') aics_buf_puts(out, "\\n");
        else if (*p == '\t') aics_buf_puts(out, "\\t");
        else if (*p < 0x20) aics_buf_printf(out, "\\u%04x", *p);
        else aics_buf_putc(out, (char)*p); /* UTF-8 passes through; inputs were checked */
    }
    aics_buf_putc(out, '"');
}

static void json_test(aics_buf *out, const exercise *ex, const aics_grade_item *it, bool first)
{
    aics_buf name = AICS_BUF_INIT, text = AICS_BUF_INIT;
    aics_buf_printf(&name, "%s %s", ex->name, it->key);
    if (ex->problem) aics_buf_printf(&text, "%s\n", ex->problem);
    else if (it->why == AICS_GRADE_OK)
        aics_buf_printf(&text, "%s = %s (expected %s)\n", it->key, it->submitted, it->expected);
    else aics_grade_explain(it, "", &text);
    aics_buf_printf(out, "%s    {\"name\": ", first ? "" : ",\n");
    json_string(out, name.data);
    aics_buf_printf(out, ", \"score\": %.10g, \"max_score\": %.10g, \"status\": \"%s\", \"output\": ",
                    it->score, it->rule->weight, it->why == AICS_GRADE_OK ? "passed" : "failed");
    json_string(out, text.data ? text.data : "");
    aics_buf_puts(out, "}");
    aics_buf_free(&name);
    aics_buf_free(&text);
}

static int write_json(const char *path, exercise *ex, size_t n)
{
    double score = 0, max = 0;
    aics_buf summary = AICS_BUF_INIT, out = AICS_BUF_INIT;
    for (size_t e = 0; e < n; e++) {
        score += ex[e].report.score;
        max += ex[e].report.max_score;
        print_exercise(&ex[e], true, &summary);
        for (size_t i = 0; i < ex[e].report.nextra && !ex[e].problem; i++)
            aics_buf_printf(&summary, "%s: extra key (not graded): %s\n", ex[e].name,
                            ex[e].report.extra[i]);
    }
    aics_buf_printf(&out, "{\n  \"score\": %.10g,\n  \"max_score\": %.10g,\n  \"output\": ", score, max);
    json_string(&out, summary.data ? summary.data : "");
    aics_buf_puts(&out, ",\n  \"tests\": [\n");
    bool first = true;
    for (size_t e = 0; e < n; e++)
        for (size_t i = 0; i < ex[e].report.n; i++, first = false)
            json_test(&out, &ex[e], &ex[e].report.items[i], first);
    aics_buf_puts(&out, "\n  ]\n}\n");
    int rc = aics_write_file_atomic(path, out.data, out.len);
    if (rc < 0) fprintf(stderr, "%s: %s: cannot write: %s\n", aics_progname(), path, aics_file_strerror(errno));
    aics_buf_free(&summary);
    aics_buf_free(&out);
    return rc < 0 ? AICS_EXIT_FAIL : 0;
}

static void exercise_free(exercise *ex)
{
    free(ex->name);
    free(ex->expected_path);
    free(ex->submitted_path);
    free(ex->spec_path);
    free(ex->problem);
    aics_kv_free(&ex->expected);
    aics_kv_free(&ex->submitted);
    aics_grade_spec_free(&ex->spec);
    free(ex->match);
    aics_grade_report_free(&ex->report);
}

/* Set up the exercises to grade from the command line. */
static exercise *plan(const options *o, size_t *n)
{
    bool da = is_dir(o->a), db = is_dir(o->b);
    if (da != db)
        aics_die_usage("expected two kv files or two folders; %s is a folder and %s is not",
                       da ? o->a : o->b, da ? o->b : o->a);
    if (o->nmore > 0 && (da || db))
        aics_die_usage("with more than two arguments, expected EXPECTED.kv and submitted kv files");
    if (!da) {
        exercise *ex = aics_xcalloc(1, sizeof *ex);
        *n = 1;
        ex->name = stem(o->a);
        ex->expected_path = aics_xstrdup(o->a);
        ex->submitted_path = aics_xstrdup(o->b);
        ex->spec_path = o->spec ? aics_xstrdup(o->spec) : sibling_spec(o->a);
        return ex;
    }
    if (o->spec) aics_die_usage("--spec applies to two kv files; with folders each reference uses its own .spec");
    size_t nref;
    char **refs = list_references(o->a, &nref);
    if (nref == 0) aics_die_data(o->a, 0, 0, "no reference .kv files here or in its ch*/ folders");
    exercise *ex = aics_xcalloc(nref, sizeof *ex);
    for (size_t i = 0; i < nref; i++) {
        ex[i].name = stem(refs[i]);
        ex[i].expected_path = refs[i];
        ex[i].submitted_path = find_submission(o->b, refs[i]);
        ex[i].spec_path = sibling_spec(refs[i]);
    }
    free(refs);
    *n = nref;
    return ex;
}

/* Many submissions against one reference, read once: one report each. */
static int grade_batch(const options *o, exercise *ref, aics_diagnoser *dg)
{
    bool unreadable = false, failed = false;
    for (int i = -1; i < o->nmore; i++) {
        const char *path = i < 0 ? o->b : o->more[i];
        exercise ex = *ref;
        ex.name = (char *)path;
        ex.submitted_path = (char *)path;
        memset(&ex.submitted, 0, sizeof ex.submitted);
        ex.problem = NULL;
        ex.unreadable = false;
        grade(&ex, dg);
        if (i < 0) warn_spec(&ex);
        aics_buf out = AICS_BUF_INIT;
        print_exercise(&ex, o->quiet, &out);
        fwrite(out.data, 1, out.len, stdout);
        aics_buf_free(&out);
        if (ex.unreadable) fprintf(stderr, "%s: %s\n", aics_progname(), ex.problem);
        unreadable |= ex.unreadable;
        failed |= ex.problem || ex.report.npass < ex.report.n;
        free(ex.problem);
        aics_kv_free(&ex.submitted);
        aics_grade_report_free(&ex.report);
    }
    fflush(stdout);
    return unreadable ? AICS_EXIT_DATA : failed ? AICS_EXIT_FAIL : AICS_EXIT_OK;
}

int main(int argc, char **argv)
{
    aics_set_progname(argv[0]);
    options o;
    parse_args(argc, argv, &o);
    size_t n;
    exercise *ex = plan(&o, &n);
    aics_diagnoser *dg = aics_diagnoser_new();
    for (size_t i = 0; i < n; i++) load_reference(&ex[i]);
    if (o.nmore > 0) {
        int rc = grade_batch(&o, &ex[0], dg);
        exercise_free(&ex[0]);
        free(ex);
        free(o.more);
        aics_diagnoser_free(dg);
        return rc;
    }
    bool unreadable = false, failed = false;
    aics_buf out = AICS_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        grade(&ex[i], dg);
        warn_spec(&ex[i]);
        print_exercise(&ex[i], o.quiet, &out);
        unreadable |= ex[i].unreadable;
        failed |= ex[i].problem || ex[i].report.npass < ex[i].report.n;
    }
    if (n > 1) {
        double s = 0, m = 0;
        for (size_t i = 0; i < n; i++) s += ex[i].report.score, m += ex[i].report.max_score;
        aics_buf_printf(&out, "total: score %.10g/%.10g\n", s, m);
    }
    fwrite(out.data ? out.data : "", 1, out.len, stdout);
    fflush(stdout);
    /* An unreadable submission is also reported on stderr, like any bad input. */
    for (size_t i = 0; i < n; i++)
        if (ex[i].unreadable) fprintf(stderr, "%s: %s\n", aics_progname(), ex[i].problem);
    int rc = o.json ? write_json(o.json, ex, n) : 0;
    aics_buf_free(&out);
    for (size_t i = 0; i < n; i++) exercise_free(&ex[i]);
    free(ex);
    aics_diagnoser_free(dg);
    free(o.more);
    if (unreadable) return AICS_EXIT_DATA;
    if (rc) return rc;
    return failed ? AICS_EXIT_FAIL : AICS_EXIT_OK;
}
