/* course_out.c — what the grader says: a summary line and the failures of
 * each exercise, Gradescope's results.json and the class's summary.csv
 * (course_parts.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "course_parts.h"
#include "error.h"
#include "fileio.h"
#include "json.h"

/* ---- text output ----------------------------------------------------------------- */

void aics_course_print_summary(const course *c, const result *x, const char *who, aics_buf *out)
{
    const aics_grade_report *r = &x->report;
    if (who) {
        aics_grade_put_safe(out, who, 200);
        aics_buf_puts(out, " ");
    }
    aics_buf_printf(out, c->en ? "%s: %zu of %zu keys passed, score %.10g/%.10g%s\n"
                               : "%s：%zu 个键中通过 %zu 个，得分 %.10g/%.10g%s\n",
                    x->ref->name, c->en ? r->npass : r->n, c->en ? r->n : r->npass, r->score,
                    r->max_score,
                    !x->problem ? "" : x->unreadable ? (c->en ? " (submission unreadable)" : "（提交读不了）")
                    : x->refused ? (c->en ? " (file refused)" : "（文件不予批改）")
                                 : (c->en ? " (not submitted)" : "（未提交）"));
}

void aics_course_print_details(const course *c, const result *x, aics_buf *out)
{
    const aics_grade_report *r = &x->report;
    aics_buf_printf(out, "== %s: %s %s ", x->ref->name, x->ref->path, c->en ? "vs" : "对");
    aics_grade_put_safe(out, x->path ? x->path : (c->en ? "(nothing submitted)" : "（未提交）"), 300);
    aics_buf_printf(out, c->en ? " (spec: %s)\n" : "（评分规则：%s）\n", x->ref->spec.path);
    if (x->note) aics_buf_printf(out, "%s%s\n", c->en ? "note: " : "注意：", x->note);
    if (x->problem) {
        aics_grade_put_safe(out, x->problem, 400);
        aics_buf_putc(out, '\n');
        return;
    }
    for (size_t i = 0; i < r->n; i++) aics_grade_explain(&r->items[i], "", c->o->lang, out);
    for (size_t i = 0; i < r->nextra; i++)
        aics_buf_printf(out, c->en ? "extra key (not graded): %s\n" : "多出的键（不计分）：%s\n", r->extra[i]);
    for (size_t i = 0; x->have_sub && i < x->sub.nignored; i++) {
        aics_grade_put_safe(out, x->sub.ignored[i], 300);
        aics_buf_putc(out, '\n');
    }
}

/* A rule that matches no graded key is probably a typo: warn. A rule for
 * self-reported words (a pattern ending in "check") grades nothing either,
 * by design (grade.h), and is passed over quietly. */
void aics_course_warn_spec(const result *x)
{
    const aics_grade_report *r = &x->report;
    for (size_t i = 0; i < r->nunused; i++)
        if (!aics_course_ends_with(r->unused[i]->pattern, "check"))
            aics_warn("%s:%ld: pattern '%s' matches no graded key of %s", x->ref->spec.path,
                      r->unused[i]->line, r->unused[i]->pattern, x->ref->path);
}

/* ---- Gradescope results.json and the class summary ------------------------------ */

/* "a,b" as ["a", "b"]. */
static void json_ids(aics_buf *out, const char *ids, size_t n)
{
    aics_buf_putc(out, '[');
    for (size_t i = 0; i < n;) {
        size_t k = strcspn(ids + i, ",;");
        if (k > n - i) k = n - i;
        aics_buf_printf(out, "%s\"%.*s\"", i ? ", " : "", (int)k, ids + i);
        i += k + 1;
    }
    aics_buf_putc(out, ']');
}

static void json_diagnosis(aics_buf *out, const aics_grade_diagnosis *d)
{
    aics_buf_printf(out, ", \"extra_data\": {\"match\": \"%s\", \"mistakes\": ", d->match);
    json_ids(out, d->ids ? d->ids : "", d->ids ? strlen(d->ids) : 0);
    aics_buf_puts(out, ", \"alternatives\": [");
    for (const char *a = d->alternatives; a && *a;) {
        size_t k = strcspn(a, ";");
        aics_buf_puts(out, a == d->alternatives ? "" : ", ");
        json_ids(out, a, k);
        a += k + (a[k] == ';');
    }
    aics_buf_puts(out, "]}");
}

static void json_test(const course *c, aics_buf *out, const result *x, const aics_grade_item *it, bool first)
{
    aics_buf name = AICS_BUF_INIT, text = AICS_BUF_INIT;
    aics_buf_printf(&name, "%s %s", x->ref->name, it->key);
    if (x->problem) aics_buf_printf(&text, "%s\n", x->problem);
    else if (it->why == AICS_GRADE_OK) aics_buf_printf(&text, "%s = %s\n", it->key, it->expected);
    else aics_grade_explain(it, "", c->o->lang, &text);
    aics_buf_printf(out, "%s    {\"name\": ", first ? "" : ",\n");
    aics_json_cstring(out, name.data, AICS_JSON_PLAIN);
    aics_buf_printf(out, ", \"score\": %.10g, \"max_score\": %.10g, \"status\": \"%s\", \"output\": ",
                    it->score, it->rule->weight, it->why == AICS_GRADE_OK ? "passed" : "failed");
    aics_json_cstring(out, text.data, AICS_JSON_PLAIN);
    if (it->diag.match) json_diagnosis(out, &it->diag);
    aics_buf_puts(out, "}");
    aics_buf_free(&name);
    aics_buf_free(&text);
}

bool aics_course_write_file(const char *path, const aics_buf *b)
{
    if (aics_write_file_atomic(path, b->data, b->len) >= 0) return true;
    fprintf(stderr, "%s: %s: cannot write: %s\n", aics_progname(), path, aics_file_strerror(errno));
    return false;
}

bool aics_course_write_json(const course *c, const char *path, const result *xs, size_t n)
{
    double score = 0, max = 0;
    aics_buf summary = AICS_BUF_INIT, out = AICS_BUF_INIT;
    for (size_t e = 0; e < n; e++) {
        score += xs[e].report.score;
        max += xs[e].report.max_score;
        if (xs[e].note) aics_buf_printf(&summary, "%s: %s\n", xs[e].ref->name, xs[e].note);
        aics_course_print_summary(c, &xs[e], NULL, &summary);
    }
    aics_buf_printf(&out, "{\n  \"score\": %.10g,\n  \"max_score\": %.10g,\n  \"output\": ", score, max);
    aics_json_cstring(&out, summary.data, AICS_JSON_PLAIN);
    aics_buf_puts(&out, ",\n  \"tests\": [\n");
    bool first = true;
    for (size_t e = 0; e < n; e++)
        for (size_t i = 0; i < xs[e].report.n; i++, first = false)
            json_test(c, &out, &xs[e], &xs[e].report.items[i], first);
    aics_buf_puts(&out, "\n  ]\n}\n");
    bool ok = aics_course_write_file(path, &out);
    aics_buf_free(&summary);
    aics_buf_free(&out);
    return ok;
}

static void csv_field(aics_buf *out, const char *s)
{
    if (!strpbrk(s, ",\"\n\r")) {
        aics_buf_puts(out, s);
        return;
    }
    aics_buf_putc(out, '"');
    for (; *s; s++) {
        if (*s == '"') aics_buf_putc(out, '"');
        aics_buf_putc(out, *s);
    }
    aics_buf_putc(out, '"');
}

/* One summary row: student, score, max_score, mistakes ("ex3_2 key=id,id; …"). */
void aics_course_csv_row(course *c, const char *student, const result *xs, size_t n)
{
    double score = 0, max = 0;
    aics_buf m = AICS_BUF_INIT;
    for (size_t e = 0; e < n; e++) {
        score += xs[e].report.score;
        max += xs[e].report.max_score;
        for (size_t i = 0; i < xs[e].report.n; i++) {
            const aics_grade_item *it = &xs[e].report.items[i];
            if (!it->diag.ids) continue;
            aics_buf_printf(&m, "%s%s %s=%s", m.len ? "; " : "", xs[e].ref->name, it->key, it->diag.ids);
        }
    }
    csv_field(&c->csv, student);
    aics_buf_printf(&c->csv, ",%.10g,%.10g,", score, max);
    csv_field(&c->csv, m.data);
    aics_buf_putc(&c->csv, '\n');
    aics_buf_free(&m);
}
