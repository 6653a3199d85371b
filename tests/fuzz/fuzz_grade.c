/* fuzz_grade.c — the grader on any spec, reference and submission: the input
 * is SPEC, REFERENCE and SUBMISSION joined by "\n--8<--\n" lines (with two
 * parts, the default spec; with one, the input graded against itself). Every
 * item it grades is explained, and the diagnoser of 3.1 and 3.2 runs on
 * wrong network counts, as aics-grade does. */
#include <stdbool.h>
#include <stdlib.h>

#include "buf.h"
#include "diagnose.h"
#include "fuzz.h"
#include "grade.h"

static bool load_kv(const char *text, size_t len, const char *path, aics_kv *out)
{
    char err[512];
    aics_grade_limits lim = {AICS_GRADE_MAX_BYTES, AICS_GRADE_MAX_LINES};
    return aics_grade_parse_kv(text, len, path, &lim, out, err, sizeof err);
}

/* As aics-grade: a spec whose diagnose= tags are not all known is refused. */
static bool tags_ok(const aics_grade_spec *spec)
{
    char err[256];
    for (size_t r = 0; r < spec->n; r++)
        if (spec->rules[r].diagnose && !aics_diagnose_tag_ok(spec->rules[r].diagnose, err, sizeof err))
            return false;
    return true;
}

static void grade(const aics_grade_spec *spec, const aics_kv *expected, const aics_kv *submitted)
{
    static aics_diagnoser *dg;
    if (!dg) dg = aics_diagnoser_new();
    const aics_grade_rule **match = aics_grade_match(expected, spec);
    aics_grade_report rep;
    aics_grade_compare(expected, submitted, spec, match, aics_diagnose_item, dg, &rep);
    if (rep.n > expected->n || rep.npass > rep.n || rep.score > rep.max_score) abort();
    aics_buf out = AICS_BUF_INIT;
    for (size_t i = 0; i < rep.n; i++) aics_grade_explain(&rep.items[i], "  ", &out);
    aics_buf_free(&out);
    aics_grade_report_free(&rep);
    free(match);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *part[3];
    size_t len[3];
    size_t n = aics_fuzz_split(data, size, part, len, 3);
    const size_t ref = n == 3 ? 1 : 0, sub = n - 1;
    aics_grade_spec spec;
    char err[512];
    bool spec_ok = true;
    if (n == 3) spec_ok = aics_grade_spec_parse(part[0], len[0], "fuzz.spec", &spec, err, sizeof err);
    else aics_grade_spec_default(&spec);
    aics_kv expected, submitted;
    if (spec_ok && tags_ok(&spec) && load_kv(part[ref], len[ref], "expected.kv", &expected)) {
        if (load_kv(part[sub], len[sub], "submitted.kv", &submitted)) {
            grade(&spec, &expected, &submitted);
            aics_kv_free(&submitted);
        }
        aics_kv_free(&expected);
    }
    if (spec_ok) aics_grade_spec_free(&spec);
    for (size_t i = 0; i < n; i++) free(part[i]);
    return 0;
}
