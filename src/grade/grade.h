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
 * reference does not have are listed but not penalised. Words a program
 * reports about itself (keys named `check` or ending in `.check`) are never
 * graded: a rule never matches them. Nothing submitted is ever executed;
 * submissions are read with a size and line limit (aics_grade_limits), only
 * from regular files that are not symlinks, so memory and time stay bounded
 * whatever a student uploads.
 *
 * A submission is read in one pass over its lines (aics_grade_submission):
 * only the keys the reference has are kept, as pointers into the file's own
 * bytes, with no allocation per key. Its header `# aics-result v1 …` is
 * required. A line that is not `key value` fails only its key (or, when its
 * key cannot be read, is listed and ignored).
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

/* The language of messages: Chinese by default, English on request. */
typedef enum { AICS_LANG_ZH, AICS_LANG_EN } aics_lang;

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
    char *hint;            /* shown on failure (in Chinese), or NULL */
    char *hint_en;         /* shown with --lang=en, or NULL (then hint) */
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

/* Read a kv file for grading (the reference): refuses folders, files over the
 * limits and binary files, and parses with aics_kv_parse. Errors name
 * path[:line:col]. */
bool aics_grade_load_kv(const char *path, const aics_grade_limits *lim, aics_kv *out,
                        char *err, size_t errsz);
/* The same on bytes already in memory. */
bool aics_grade_parse_kv(const char *text, size_t len, const char *path,
                         const aics_grade_limits *lim, aics_kv *out, char *err,
                         size_t errsz);

/* Whether a key holds a word the program reports about itself (`check`,
 * `….check`): such keys are never graded. */
bool aics_grade_self_reported(const char *key);

typedef enum {
    AICS_GRADE_OK,
    AICS_GRADE_MISSING,       /* the key is not in the submission */
    AICS_GRADE_NOT_NUMBER,    /* not a number (int, float) */
    AICS_GRADE_NOT_FINITE,    /* nan or inf */
    AICS_GRADE_NOT_INTEGER,   /* a number, but not an integer, for an int key */
    AICS_GRADE_WRONG_VALUE,   /* int differs, float outside both tolerances, word differs */
    AICS_GRADE_BAD_EXPECTED,  /* the reference value does not fit the rule's kind */
    AICS_GRADE_MALFORMED,     /* the key's line is not `key value` */
    AICS_GRADE_DUPLICATE      /* the key is given twice */
} aics_grade_why;

/* One reference key's value in a submission. */
typedef struct {
    const char *value;     /* NUL-terminated, inside the submission's text; NULL: not given */
    long line;             /* where it was given; 0 when not given */
    long col;              /* MALFORMED: the column of the problem */
    long first_line;       /* DUPLICATE: the line of the first value */
    aics_grade_why problem; /* AICS_GRADE_OK, MALFORMED or DUPLICATE */
} aics_grade_value;

/* A submission read against a reference. */
typedef struct {
    char *path;
    char *text;            /* the file's bytes, split into strings in place */
    size_t len;
    const char *header;    /* the header line after "# ", inside text */
    aics_grade_value *v;   /* one per entry of the reference, in its order */
    size_t nref;
    const char **extra;    /* keys the reference lacks, inside text */
    size_t nextra;
    char **ignored;        /* "path:line:col: message" of lines whose key cannot be read */
    size_t nignored;
    unsigned long long dev, ino; /* the file's identity, to refuse the reference itself */
} aics_grade_submission;

/* The graded keys of a reference (those `match` gives a rule), for reading
 * many submissions fast: a line whose key is not graded is passed over after
 * a cheap filter (length and three bytes into a 1024-bit set), and only
 * candidates are looked up (src/core/strmap.h, flood-resistant). */
typedef struct aics_grade_index aics_grade_index;

aics_grade_index *aics_grade_index_new(const aics_kv *expected, const aics_grade_rule *const *match);
void aics_grade_index_free(aics_grade_index *ix);

/* Read the submission at `path` against `expected`: only a regular file, not
 * a symlink (opened with O_NOFOLLOW and O_NONBLOCK, checked with fstat, so a
 * FIFO or a device never blocks), at most lim->max_bytes and lim->max_lines,
 * UTF-8 text with the header `# aics-result v1 …`. False, with
 * "path[:line:col]: message" in err, when it cannot be used at all. With an
 * index `ix` (of `expected`), only graded keys are kept and keys the
 * reference lacks are not listed (extra stays empty); with NULL, every key
 * is looked up and the extras are listed. */
bool aics_grade_submission_load(const char *path, const aics_kv *expected,
                                const aics_grade_index *ix, const aics_grade_limits *lim,
                                aics_grade_submission *out, char *err, size_t errsz);
/* The same on `len` bytes of `text`, which the submission takes over (it
 * must hold len + 1 bytes, the last a NUL). */
bool aics_grade_submission_parse(char *text, size_t len, const char *path,
                                 const aics_kv *expected, const aics_grade_index *ix,
                                 const aics_grade_limits *lim, aics_grade_submission *out,
                                 char *err, size_t errsz);
void aics_grade_submission_free(aics_grade_submission *s);

/* Check a kv header line (the text after "# "): "aics-result v1" then fields.
 * False, with a sentence in err, when it is another format or version. */
bool aics_grade_header_ok(const char *header, char *err, size_t errsz);

/* What a diagnoser says about a failed value. */
typedef struct {
    const char *match;     /* "exact", "near", "none" or "correct" (static) */
    char *text;            /* the explanation, lines ending in '\n' */
    char *ids;             /* the smallest set of mistakes, "id,id" sorted, or NULL */
    char *alternatives;    /* further sets of the same size, "id,id;id", or NULL */
} aics_grade_diagnosis;

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
    long line, col;        /* where the submitted value is (col: MALFORMED only) */
    long first_line;       /* DUPLICATE: the first of the two lines */
    aics_grade_diagnosis diag; /* the diagnoser's explanation; text NULL when none */
} aics_grade_item;

typedef struct {
    aics_grade_item *items; /* graded keys, in the reference's order */
    size_t n;
    size_t npass;
    double score, max_score;
    const char *const *extra; /* submitted keys the reference lacks (the submission's) */
    size_t nextra;
    const char **ungraded;  /* reference keys no rule matches */
    size_t nungraded;
    const aics_grade_rule **unused; /* rules that matched no reference key */
    size_t nunused;
} aics_grade_report;

/* Explain a failed item in `lang`: fill `out` (owned strings); return false
 * to say nothing. Called only for items whose rule has a diagnose tag and
 * whose why is WRONG_VALUE. */
typedef bool (*aics_grade_diagnoser)(const aics_grade_item *item, aics_lang lang,
                                     aics_grade_diagnosis *out, void *ctx);

/* The rule that grades each entry of `expected` (the first that matches, or
 * NULL; always NULL for self-reported keys): expected->n pointers into spec,
 * freed by the caller. Computing it once lets many submissions be graded
 * without matching globs again. */
const aics_grade_rule **aics_grade_match(const aics_kv *expected, const aics_grade_spec *spec);

/* Grade `submitted` (read against `expected`, or NULL for nothing submitted)
 * with `spec`. `match` is the result of aics_grade_match for this pair, or
 * NULL to match here; `diagnose` may be NULL; diagnoses are in `lang`. */
void aics_grade_compare(const aics_kv *expected, const aics_grade_submission *submitted,
                        const aics_grade_spec *spec, const aics_grade_rule *const *match,
                        aics_grade_diagnoser diagnose, void *ctx, aics_lang lang,
                        aics_grade_report *out);
void aics_grade_report_free(aics_grade_report *r);
void aics_grade_diagnosis_free(aics_grade_diagnosis *d);

/* Append the failure explanation of one item in `lang`: the key, expected
 * and submitted values (control characters escaped), errors against
 * tolerances, the hint and the diagnosis, as lines indented by `indent`.
 * Nothing for a passing item. */
void aics_grade_explain(const aics_grade_item *it, const char *indent, aics_lang lang,
                        aics_buf *out);

/* Append untrusted text `s` for a terminal: control characters (C0, DEL,
 * C1) as \xHH, cut after `max` bytes with "…". */
void aics_grade_put_safe(aics_buf *out, const char *s, size_t max);

/* Parse a whole decimal integer (optional sign, digits); false otherwise. */
bool aics_grade_parse_int(const char *s, int64_t *out);
/* The same, also accepting a fraction of zeros only ("1234.0", "1234.000"):
 * exact, on the text, never through a double. */
bool aics_grade_parse_int_exact(const char *s, int64_t *out);
/* Whether `s` looks like an integer with thousands separators ("724,406,816"). */
bool aics_grade_has_separators(const char *s);
/* Parse a number with strtod in the C locale; false unless all of `s` is
 * consumed. NaN and infinities parse (true) so callers can name them. */
bool aics_grade_parse_double(const char *s, double *out);

const char *aics_grade_kind_name(aics_grade_kind k);

#endif
