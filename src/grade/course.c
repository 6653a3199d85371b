/* course.c — the grader's flow: students, and finding and grading each of
 * their exercises (course.h; the parts are listed in course_parts.h). */
#include "course.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "course_parts.h"
#include "error.h"
#include "fileio.h"

/* ---- files, never through a symlink ------------------------------------------ */

path_kind aics_course_kind_of(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0) return PATH_NONE;
    if (S_ISLNK(st.st_mode)) return PATH_LINK;
    if (S_ISREG(st.st_mode)) return PATH_FILE;
    return S_ISDIR(st.st_mode) ? PATH_DIR : PATH_OTHER;
}

char *aics_course_join(const char *dir, const char *name)
{
    aics_buf b = AICS_BUF_INIT;
    size_t n = strlen(dir);
    aics_buf_printf(&b, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
    return aics_buf_take(&b);
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

char *aics_course_stem(const char *path)
{
    const char *base = base_name(path);
    size_t n = strlen(base);
    if (n > 3 && strcmp(base + n - 3, ".kv") == 0) n -= 3;
    char *s = aics_xmalloc(n + 1);
    memcpy(s, base, n);
    s[n] = '\0';
    return s;
}

bool aics_course_ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n > k && strcmp(s + n - k, suffix) == 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Names in `dir`, sorted, without dot files. */
char **aics_course_list_dir(const char *dir, size_t *n)
{
    DIR *d = opendir(dir);
    if (!d) aics_die_data(dir, 0, 0, "cannot open folder: %s", strerror(errno));
    char **names = NULL;
    size_t cap = 0;
    struct dirent *de;
    *n = 0;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.') continue;
        if (*n == cap) names = aics_xrealloc(names, (cap = cap ? 2 * cap : 16) * sizeof *names);
        names[(*n)++] = aics_xstrdup(de->d_name);
    }
    closedir(d);
    if (*n) qsort(names, *n, sizeof *names, cmp_str);
    return names;
}

void aics_course_free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
}

static bool all_digits(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n == 0 || n > max) return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9') return false;
    return true;
}

/* ---- grading one exercise ------------------------------------------------------ */

static void set_problem(result *x, bool unreadable, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_problem(result *x, bool unreadable, const char *fmt, ...)
{
    aics_buf b = AICS_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    aics_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    x->problem = aics_buf_take(&b);
    x->unreadable = unreadable;
    x->refused = !unreadable;
}

/* Read the submission against `expected`; with --quiet nothing lists extra
 * keys, so only the graded keys are read (through `ix`, which may be NULL). */
static bool load_submission(const course *c, result *x, const aics_kv *expected,
                            const aics_grade_index *ix)
{
    char err[ERR_SIZE];
    if (x->have_sub) aics_grade_submission_free(&x->sub);
    x->have_sub = aics_grade_submission_load(x->path, expected, c->o->quiet ? ix : NULL, NULL,
                                             &x->sub, err, sizeof err);
    if (!x->have_sub) {
        aics_grade_submission_free(&x->sub);
        set_problem(x, true, "%s", err);
    }
    return x->have_sub;
}

/* A seed other than the reference's: say so, and with --programs regrade
 * against the reference for that seed. */
static void check_seed(course *c, result *x)
{
    char seed[32];
    reference *r = x->ref;
    if (!r->seed[0] || !aics_course_header_field(x->sub.header, "seed", seed, sizeof seed) || strcmp(seed, r->seed) == 0)
        return;
    aics_buf b = AICS_BUF_INIT;
    aics_buf_puts(&b, c->en ? "the submission's seed=" : "提交的种子 seed=");
    aics_grade_put_safe(&b, seed, 24);
    aics_buf_printf(&b, c->en ? " differs from the reference's seed=%s; " : " 与参考答案的 seed=%s 不同；", r->seed);
    if (!c->o->programs || !all_digits(seed, 20)) {
        aics_buf_puts(&b, c->en ? "random results cannot match (grade with --programs DIR to "
                                  "regenerate the reference for that seed)"
                                : "随机结果不可能相同（加 --programs DIR 可按该种子重新生成参考答案）");
    } else {
        regen *g = aics_course_regen_for(c, r, seed);
        if (g->ok && load_submission(c, x, &g->expected, NULL)) {
            x->expected = &g->expected;
            x->match = g->match;
            aics_buf_printf(&b, c->en ? "graded against %s/%s --seed=%s" : "已按 %s/%s --seed=%s 重新生成参考答案后批改",
                            c->o->programs, r->name, seed);
        } else if (!g->ok) {
            aics_buf_printf(&b, c->en ? "could not regenerate the reference: %s" : "无法重新生成参考答案：%s", g->why);
        }
    }
    x->note = aics_buf_take(&b);
}

static void grade_result(course *c, result *x)
{
    reference *r = x->ref;
    x->expected = &r->expected;
    x->match = r->match;
    char ex[32];
    if (!x->path && !x->problem) {
        set_problem(x, false, c->en ? "no submission file for this exercise" : "没有提交这个练习的文件");
        x->refused = false;
    } else if (x->path && load_submission(c, x, &r->expected, r->index)) {
        if (x->sub.dev == r->dev && x->sub.ino == r->ino)
            set_problem(x, false, c->en ? "%s is the reference file itself" : "%s 就是参考答案文件本身", x->path);
        else if (r->exercise[0] && aics_course_header_field(x->sub.header, "exercise", ex, sizeof ex) &&
                 strcmp(ex, r->exercise) != 0)
            set_problem(x, false, c->en ? "the file is for exercise %s, but this is exercise %s"
                                        : "这个文件是练习 %s 的结果，但这里批改的是练习 %s",
                        ex, r->exercise);
        else check_seed(c, x);
    }
    bool usable = !x->problem && x->have_sub;
    aics_grade_compare(x->expected, usable ? &x->sub : NULL, &r->spec, x->match, aics_diagnose_item,
                       c->dg, c->o->lang, &x->report);
    c->unreadable |= x->unreadable;
    c->failed |= x->problem != NULL || x->report.npass < x->report.n;
}

static void free_result(result *x)
{
    free(x->path);
    if (x->have_sub) aics_grade_submission_free(&x->sub);
    aics_grade_report_free(&x->report);
    free(x->problem);
    free(x->note);
}

/* ---- students ------------------------------------------------------------------ */

typedef struct {
    char *name;       /* for reports and file names */
    char *file;       /* a submitted kv file, or NULL */
    char *folder;     /* a submission folder, or NULL */
    char *problem;    /* an entry that is neither (a symlink, …), or NULL */
} student;

/* The submitted file for `r` in `folder`: FOLDER/NAME.kv or FOLDER/chN/NAME.kv,
 * never through a symlink: a symlinked file is returned (and refused when
 * opened); a symlinked chN/ folder is refused here, in `x`. */
static char *find_in_folder(const course *c, const char *folder, const reference *r, result *x)
{
    char *flat = aics_course_join(folder, base_name(r->path));
    if (aics_course_kind_of(flat) != PATH_NONE) return flat;
    free(flat);
    if (!r->rel) return NULL;
    char *chapter = aics_xstrdup(r->rel);
    *strchr(chapter, '/') = '\0';
    char *dir = aics_course_join(folder, chapter), *nested = aics_course_join(folder, r->rel);
    path_kind k = aics_course_kind_of(dir);
    if (k == PATH_LINK)
        set_problem(x, false, c->en ? "%s is a symbolic link (links are not followed)"
                                    : "%s 是符号链接（不跟随链接）", dir);
    bool ok = k == PATH_DIR && aics_course_kind_of(nested) != PATH_NONE;
    free(chapter);
    free(dir);
    if (ok) return nested;
    free(nested);
    return NULL;
}

static void grade_student(course *c, const student *s, size_t index)
{
    size_t n = c->nrefs;
    result *xs = aics_xcalloc(n, sizeof *xs);
    aics_buf out = AICS_BUF_INIT;
    for (size_t e = 0; e < n; e++) {
        result *x = &xs[e];
        x->ref = &c->refs[e];
        if (s->problem) set_problem(x, false, "%s", s->problem);
        else x->path = s->file ? aics_xstrdup(s->file) : find_in_folder(c, s->folder, x->ref, x);
        grade_result(c, x);
        if (index == 0) aics_course_warn_spec(x);
        if (!c->o->quiet) aics_course_print_details(c, x, &out);
        aics_course_print_summary(c, x, c->o->class_mode || c->o->npos > 2 ? s->name : NULL, &out);
    }
    fwrite(out.data, 1, out.len, stdout);
    for (size_t e = 0; e < n; e++)
        if (xs[e].unreadable) fprintf(stderr, "%s: %s\n", aics_progname(), xs[e].problem);
    if (c->o->json && c->o->class_mode) {
        aics_buf p = AICS_BUF_INIT;
        aics_buf_printf(&p, "%s/%s.json", c->o->json, s->name);
        if (!aics_course_write_json(c, p.data, xs, n)) c->unreadable = true;
        aics_buf_free(&p);
        aics_course_csv_row(c, s->name, xs, n);
    } else if (c->o->json && !aics_course_write_json(c, c->o->json, xs, n)) {
        c->unreadable = true;
    }
    aics_buf_free(&out);
    for (size_t e = 0; e < n; e++) free_result(&xs[e]);
    free(xs);
}

/* A file name for a student: their entry's name without .kv, with bytes
 * that could misbehave in a file name or a CSV cell replaced by '_'. */
static char *student_name(const char *entry)
{
    char *s = aics_course_stem(entry);
    for (unsigned char *p = (unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f || *p == '/' || *p == '"' || *p == ',') *p = '_';
    return s;
}

/* The class folder's entries, one student each. */
static student *class_students(const course *c, const char *dir, size_t *n)
{
    char **names = aics_course_list_dir(dir, n);
    student *ss = aics_xcalloc(*n ? *n : 1, sizeof *ss);
    for (size_t i = 0; i < *n; i++) {
        char *full = aics_course_join(dir, names[i]);
        path_kind k = aics_course_kind_of(full);
        ss[i].name = student_name(names[i]);
        if (k == PATH_DIR) ss[i].folder = full;
        else if (k == PATH_FILE && !c->refs_dir && aics_course_ends_with(names[i], ".kv")) ss[i].file = full;
        else {
            ss[i].problem = aics_xstrdup(k == PATH_LINK ? (c->en ? "a symbolic link (links are not followed)" : "是符号链接（不跟随链接）")
                                         : c->en ? "expected a folder or a kv file" : "应当是文件夹或 kv 文件");
            free(full);
        }
    }
    aics_course_free_names(names, *n);
    return ss;
}

static student *plan_students(course *c, size_t *n)
{
    const aics_course_options *o = c->o;
    if (o->class_mode) {
        if (o->npos != 2 || aics_course_kind_of(o->pos[1]) != PATH_DIR)
            aics_die_usage("--class expects a reference (file or folder) and one class folder");
        return class_students(c, o->pos[1], n);
    }
    bool sub_dir = aics_course_kind_of(o->pos[1]) == PATH_DIR;
    if (c->refs_dir != sub_dir || (c->refs_dir && o->npos > 2))
        aics_die_usage("expected EXPECTED.kv and kv files, or SOLUTIONS_DIR and SUBMISSION_DIR "
                       "(a folder of students needs --class)");
    if (o->json && o->npos > 2)
        aics_die_usage("--json writes one submission's results; for many, use --class with --json DIR");
    *n = (size_t)o->npos - 1;
    student *ss = aics_xcalloc(*n, sizeof *ss);
    for (size_t i = 0; i < *n; i++) {
        ss[i].name = aics_xstrdup(o->pos[i + 1]);
        if (sub_dir) ss[i].folder = aics_xstrdup(o->pos[i + 1]);
        else ss[i].file = aics_xstrdup(o->pos[i + 1]);
    }
    return ss;
}

int aics_course_run(const aics_course_options *o)
{
    course c = {.o = o, .en = o->lang == AICS_LANG_EN, .csv = AICS_BUF_INIT};
    c.refs_dir = aics_course_kind_of(o->pos[0]) == PATH_DIR;
    if (c.refs_dir && o->spec)
        aics_die_usage("--spec applies to one reference file; with folders each reference uses its own .spec");
    aics_course_load_references(&c, o->pos[0], o->spec);
    size_t n;
    student *ss = plan_students(&c, &n);
    if (o->json && !o->class_mode && !aics_writable_path(o->json)) /* refused before any work */
        aics_die_usage("--json %s: %s; expected a new or regular file", o->json, aics_file_strerror(errno));
    if (o->class_mode && o->json && !aics_make_dirs(o->json))
        aics_die_data(o->json, 0, 0, "cannot make the folder: %s", strerror(errno));
    c.dg = aics_diagnoser_new();
    aics_buf_puts(&c.csv, "student,score,max_score,mistakes\n");
    for (size_t i = 0; i < n; i++) grade_student(&c, &ss[i], i);
    fflush(stdout);
    if (o->class_mode && o->json) {
        char *p = aics_course_join(o->json, "summary.csv");
        if (!aics_course_write_file(p, &c.csv)) c.unreadable = true;
        free(p);
    }
    for (size_t i = 0; i < n; i++) {
        free(ss[i].name);
        free(ss[i].file);
        free(ss[i].folder);
        free(ss[i].problem);
    }
    free(ss);
    aics_course_free_references(&c);
    aics_buf_free(&c.csv);
    aics_diagnoser_free(c.dg);
    if (c.unreadable) return AICS_EXIT_DATA;
    return c.failed ? AICS_EXIT_FAIL : AICS_EXIT_OK;
}
