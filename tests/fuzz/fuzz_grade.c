/* fuzz_grade.c — the grader on any spec, reference and submission: the input
 * is SPEC, REFERENCE and SUBMISSION joined by "\n--8<--\n" lines (with two
 * parts, the default spec; with one, the input graded against itself), and
 * again with nothing submitted; the submission is read with the index of
 * graded keys or without, as a batch or one file is graded. Every item it grades is explained, in Chinese
 * or English, and the diagnoser of 3.1 and 3.2 runs on wrong network counts,
 * as aics-grade does. */
#include <stdbool.h>
#include <stdlib.h>

#include "buf.h"
#include "diagnose.h"
#include "fuzz.h"
#include "grade.h"

/* As aics-grade: a spec whose diagnose= tags are not all known is refused. */
static bool tags_ok(const aics_grade_spec *spec)
{
    char err[256];
    for (size_t r = 0; r < spec->n; r++)
        if (spec->rules[r].diagnose && !aics_diagnose_tag_ok(spec->rules[r].diagnose, err, sizeof err))
            return false;
    return true;
}

static void grade(const aics_grade_spec *spec, const aics_kv *expected, const aics_grade_rule **match,
                  const aics_grade_submission *submitted, aics_lang lang)
{
    static aics_diagnoser *dg;
    if (!dg) dg = aics_diagnoser_new();
    aics_grade_report rep;
    aics_grade_compare(expected, submitted, spec, match, aics_diagnose_item, dg, lang, &rep);
    if (rep.n > expected->n || rep.npass > rep.n || rep.score > rep.max_score) abort();
    aics_buf out = AICS_BUF_INIT;
    for (size_t i = 0; i < rep.n; i++) aics_grade_explain(&rep.items[i], "  ", lang, &out);
    aics_buf_free(&out);
    aics_grade_report_free(&rep);
}

/* Read the submission against the reference, with the index of graded keys
 * (as a batch is graded) or without (one file), and grade it. */
static void read_and_grade(const aics_grade_spec *spec, const aics_kv *expected, const char *text,
                           size_t len, bool indexed, aics_lang lang)
{
    const aics_grade_rule **match = aics_grade_match(expected, spec);
    aics_grade_index *ix = indexed ? aics_grade_index_new(expected, match) : NULL;
    aics_grade_limits lim = {AICS_GRADE_MAX_BYTES, AICS_GRADE_MAX_LINES};
    char err[512];
    /* The submission takes over its text (len + 1 bytes, NUL last), and owns
     * it even when it is refused. */
    aics_grade_submission got;
    if (aics_grade_submission_parse(aics_fuzz_text((const uint8_t *)text, len), len, "submitted.kv",
                                    expected, ix, &lim, &got, err, sizeof err))
        grade(spec, expected, match, &got, lang);
    aics_grade_submission_free(&got);
    grade(spec, expected, match, NULL, lang); /* nothing submitted */
    if (ix) aics_grade_index_free(ix);
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
    aics_kv expected;
    aics_grade_limits lim = {AICS_GRADE_MAX_BYTES, AICS_GRADE_MAX_LINES};
    if (spec_ok && tags_ok(&spec) &&
        aics_grade_parse_kv(part[ref], len[ref], "expected.kv", &lim, &expected, err, sizeof err)) {
        read_and_grade(&spec, &expected, part[sub], len[sub], size & 2, size & 1 ? AICS_LANG_EN : AICS_LANG_ZH);
        aics_kv_free(&expected);
    }
    if (spec_ok) aics_grade_spec_free(&spec);
    for (size_t i = 0; i < n; i++) free(part[i]);
    return 0;
}
