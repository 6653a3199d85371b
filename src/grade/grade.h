/* grade.h — comparing a submitted kv result with the reference, by a spec.
 *
 * The grader reads two kv files (src/results/kv.h) and a spec (docs/grading.md): one
 * rule per line, `key PATTERN kind=int|float|word abs=… rel=… weight=…
 * hint="…"`, where PATTERN is a glob over keys ('*' any run of characters,
 * '?' one character). Every key of the reference that a rule matches (the
 * first matching rule wins) is one test:
 *
 *   - int:   the submitted value must equal the expected integer exactly;
 *   - float: it passes when |a−b| ≤ abs or |a−b| ≤ rel·|expected|;
 *   - word:  the submitted word must be the same word.
 *
 * NaN and infinities never pass, a missing key fails, and submitted keys the
 * reference does not have are listed but not penalised. Nothing submitted is
 * ever executed; inputs are read with a size and line limit (aics_grade_limits)
 * so memory and time stay bounded whatever a student uploads.
 *
 * The grader knows nothing about networks. A rule may carry an opaque
 * `diagnose=…` tag; the caller may pass an aics_grade_diagnoser that turns a
 * failed value into an explanation (src/grade/diagnose.h does this for 3.1 and 3.2).
 */
#ifndef AICS_GRADE_H
#define AICS_GRADE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "kv.h"

#define AICS_SPEC_VERSION 1

typedef enum {
    AICS_GRADE_AUTO, /* only in the default spec: int, float or word from the expected value */
    AICS_GRADE_INT,
    AICS_GRADE_FLOAT,
    AICS_GRADE_WORD
} aics_grade_kind;

typedef struct {
    char *pattern;         /* glob over keys */
    aics_grade_kind kind;
    double abs_tol;        /* float only; >= 0 */
    double rel_tol;        /* float only; >= 0, a fraction of |expected| */
    double weight;         /* points for this key; > 0 */
    char *hint;            /* shown on failure, or NULL */
    char *diagnose;        /* opaque tag for a diagnoser, or NULL */
    long line;             /* line in the spec file, 0 for the default rule */
} aics_grade_rule;

typedef struct {
    char *path;            /* where the spec came from ("(default)" if built in) */
    aics_grade_rule *rules;
    size_t n;
} aics_grade_spec;

/* Tolerances of the default spec, used when no spec is given. */
#define AICS_GRADE_DEFAULT_ABS 0.0
#define AICS_GRADE_DEFAULT_REL 1e-9

/* Parse a spec; on error return false with "path:line:col: message" in err. */
bool aics_grade_spec_parse(const char *text, size_t len, const char *path,
                           aics_grade_spec *out, char *err, size_t errsz);
/* Read (at most 1 MiB) and parse a spec file. */
bool aics_grade_spec_load(const char *path, aics_grade_spec *out, char *err, size_t errsz);
/* The spec used without --spec: every key, kind from the expected value,
 * floats with AICS_GRADE_DEFAULT_ABS/REL, weight 1. */
void aics_grade_spec_default(aics_grade_spec *out);
void aics_grade_spec_free(aics_grade_spec *spec);

/* Whether glob `pattern` matches all of `key`. */
bool aics_grade_glob(const char *pattern, const char *key);

/* What is read from untrusted files: bytes and lines, which bound memory
 * (about 100 bytes per kv entry) and time whatever a student uploads. */
typedef struct {
    size_t max_bytes;
    size_t max_lines;
} aics_grade_limits;

#define AICS_GRADE_MAX_BYTES ((size_t)4 << 20)
#define AICS_GRADE_MAX_LINES ((size_t)100000)

/* Read a kv file for grading: refuses folders, files over the limits and
 * binary files, and parses with aics_kv_parse. Errors name path[:line:col]. */
bool aics_grade_load_kv(const char *path, const aics_grade_limits *lim, aics_kv *out,
                        char *err, size_t errsz);
/* The same on bytes already in memory. */
bool aics_grade_parse_kv(const char *text, size_t len, const char *path,
                         const aics_grade_limits *lim, aics_kv *out, char *err,
                         size_t errsz);

typedef enum {
    AICS_GRADE_OK,
    AICS_GRADE_MISSING,       /* the key is not in the submission */
    AICS_GRADE_NOT_NUMBER,    /* not a number (int, float) */
    AICS_GRADE_NOT_FINITE,    /* nan or inf */
    AICS_GRADE_NOT_INTEGER,   /* a number, but not an integer, for an int key */
    AICS_GRADE_WRONG_VALUE,   /* int differs, float outside both tolerances, word differs */
    AICS_GRADE_BAD_EXPECTED   /* the reference value does not fit the rule's kind */
} aics_grade_why;

typedef struct {
    const char *key;       /* points into the expected kv */
    const char *expected;  /* as written in the reference */
    const char *submitted; /* as written in the submission, NULL when missing */
    const aics_grade_rule *rule;
    aics_grade_kind kind;  /* the rule's kind, resolved when it was AUTO */
    aics_grade_why why;
    double abs_err;        /* |a−b| for numbers, NaN otherwise */
    double rel_err;        /* |a−b|/|expected|, NaN when not defined (expected 0) */
    double score;          /* 0 or the rule's weight */
    char *diagnosis;       /* the diagnoser's explanation, or NULL */
} aics_grade_item;

typedef struct {
    aics_grade_item *items; /* graded keys, in the reference's order */
    size_t n;
    size_t npass;
    double score, max_score;
    const char **extra;     /* submitted keys the reference lacks */
    size_t nextra;
    const char **ungraded;  /* reference keys no rule matches */
    size_t nungraded;
    const aics_grade_rule **unused; /* rules that matched no reference key */
    size_t nunused;
} aics_grade_report;

/* Explain a failed item, appending one or more lines (no leading spaces) to
 * `out`; return false to say nothing. Called only for items whose rule has a
 * diagnose tag and whose why is WRONG_VALUE. */
typedef bool (*aics_grade_diagnoser)(const aics_grade_item *item, aics_buf *out, void *ctx);

/* The rule that grades each entry of `expected` (the first that matches, or
 * NULL): expected->n pointers into spec, freed by the caller. Computing it
 * once lets many submissions be graded without matching globs again. */
const aics_grade_rule **aics_grade_match(const aics_kv *expected, const aics_grade_spec *spec);

/* Grade `submitted` against `expected` with `spec`. `match` is the result of
 * aics_grade_match for this pair, or NULL to match here; `diagnose` may be NULL. */
void aics_grade_compare(const aics_kv *expected, const aics_kv *submitted,
                        const aics_grade_spec *spec, const aics_grade_rule *const *match,
                        aics_grade_diagnoser diagnose, void *ctx, aics_grade_report *out);
void aics_grade_report_free(aics_grade_report *r);

/* Append the failure explanation of one item: the key, expected and
 * submitted values, errors against tolerances, the hint and the diagnosis,
 * as lines indented by `indent`. Nothing for a passing item. */
void aics_grade_explain(const aics_grade_item *it, const char *indent, aics_buf *out);

/* Parse a whole decimal integer (optional sign, digits); false otherwise. */
bool aics_grade_parse_int(const char *s, int64_t *out);
/* Parse a number with strtod in the C locale; false unless all of `s` is
 * consumed. NaN and infinities parse (true) so callers can name them. */
bool aics_grade_parse_double(const char *s, double *out);

const char *aics_grade_kind_name(aics_grade_kind k);

#endif
