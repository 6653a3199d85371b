/* grade.c — the grader core: specs, bounded kv reading, comparison (see grade.h). */
#include "grade.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "error.h"
#include "fileio.h"
#include "intmath.h"
#include "reader.h"

#define SPEC_MAX_BYTES ((size_t)1 << 20)

const char *aics_grade_kind_name(aics_grade_kind k)
{
    switch (k) {
    case AICS_GRADE_INT: return "int";
    case AICS_GRADE_FLOAT: return "float";
    case AICS_GRADE_WORD: return "word";
    default: return "auto";
    }
}

/* ---- numbers ---------------------------------------------------------------- */

bool aics_grade_parse_int(const char *s, int64_t *out)
{
    const char *p = s;
    bool neg = false;
    if (*p == '+' || *p == '-') neg = *p++ == '-';
    if (*p < '0' || *p > '9') return false;
    int64_t v = 0;
    for (; *p >= '0' && *p <= '9'; p++) {
        /* Accumulate negatively so INT64_MIN parses too. */
        if (!aics_mul_i64(v, 10, &v) || !aics_sub_i64(v, *p - '0', &v)) return false;
    }
    if (*p) return false;
    if (!neg && !aics_sub_i64(0, v, &v)) return false;
    *out = v;
    return true;
}

bool aics_grade_parse_double(const char *s, double *out)
{
    if (!*s) return false;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end) return false;
    *out = v; /* ERANGE: overflow gives ±HUGE_VAL (not finite), underflow ~0: both fine */
    return true;
}

bool aics_grade_parse_int_exact(const char *s, int64_t *out)
{
    const char *dot = strchr(s, '.');
    if (!dot) return aics_grade_parse_int(s, out);
    for (const char *p = dot + 1; *p; p++)
        if (*p != '0') return false;
    size_t n = (size_t)(dot - s);
    char digits[32];
    if (n == 0 || n >= sizeof digits || dot[1] == '\0') return false;
    memcpy(digits, s, n);
    digits[n] = '\0';
    return aics_grade_parse_int(digits, out);
}

bool aics_grade_has_separators(const char *s)
{
    const char *p = s + (*s == '-' || *s == '+');
    size_t group = 0, groups = 0;
    for (; *p && *p != '.'; p++) {
        if (*p >= '0' && *p <= '9') {
            group++;
        } else if (*p == ',' && group >= 1 && group <= 3 && (groups == 0 || group == 3)) {
            group = 0;
            groups++;
        } else {
            return false;
        }
    }
    return groups > 0 && group == 3;
}

bool aics_grade_self_reported(const char *key)
{
    size_t n = strlen(key);
    return strcmp(key, "check") == 0 || (n > 6 && strcmp(key + n - 6, ".check") == 0);
}

/* ---- globs ------------------------------------------------------------------ */

bool aics_grade_glob(const char *pat, const char *key)
{
    /* Iterative matcher with one backtrack point: linear-ish, no recursion. */
    const char *star = NULL, *resume = NULL;
    while (*key) {
        if (*pat == '?' || (*pat && *pat != '*' && *pat == *key)) {
            pat++;
            key++;
        } else if (*pat == '*') {
            star = pat++;
            resume = key;
        } else if (star) {
            pat = star + 1;
            key = ++resume;
        } else {
            return false;
        }
    }
    while (*pat == '*') pat++;
    return *pat == '\0';
}

/* ---- specs ------------------------------------------------------------------ */

static bool is_blank(char c) { return c == ' ' || c == '\t'; }

static bool pattern_ok(const char *s, size_t n, size_t *bad)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
              c == '*' || c == '?')) {
            *bad = i;
            return false;
        }
    }
    return n > 0;
}

/* One attribute `name=value` or `name="quoted \" value"` starting at s[*i]. */
typedef struct {
    char name[16];
    char *value; /* owned */
    size_t col;  /* 0-based column of the name */
} attr;

static bool read_attr(aics_reader *rd, const aics_line *l, size_t *i, attr *a)
{
    const char *s = l->s;
    size_t n = l->n;
    size_t start = *i, j = *i;
    a->col = start;
    while (j < n && s[j] != '=' && !is_blank(s[j])) j++;
    if (j == n || s[j] != '=' || j == start || j - start >= sizeof a->name)
        return aics_reader_fail_here(rd, (long)start + 1,
                         "expected name=value (kind, abs, rel, weight, hint, hint_en, diagnose)");
    memcpy(a->name, s + start, j - start);
    a->name[j - start] = '\0';
    j++;
    aics_buf v = AICS_BUF_INIT;
    if (j < n && s[j] == '"') {
        size_t q = j++;
        for (;;) {
            if (j >= n) {
                aics_buf_free(&v);
                return aics_reader_fail_here(rd, (long)q + 1,
                                 "unterminated quoted value; expected a closing \"");
            }
            if (s[j] == '"') break;
            if (s[j] == '\\' && j + 1 < n && (s[j + 1] == '"' || s[j + 1] == '\\')) j++;
            aics_buf_putc(&v, s[j++]);
        }
        j++;
        if (j < n && !is_blank(s[j])) {
            aics_buf_free(&v);
            return aics_reader_fail_here(rd, (long)j + 1,
                             "expected a space after the closing quote");
        }
    } else {
        size_t v0 = j;
        while (j < n && !is_blank(s[j])) j++;
        if (j == v0)
            return aics_reader_fail_here(rd, (long)v0 + 1, "expected a value after '='");
        aics_buf_append(&v, s + v0, j - v0);
    }
    a->value = aics_buf_take(&v);
    *i = j;
    return true;
}

static bool attr_number(aics_reader *rd, const attr *a, double min_exclusive_zero, double *out)
{
    double v;
    bool ok = aics_grade_parse_double(a->value, &v) && isfinite(v) &&
              (min_exclusive_zero ? v > 0 : v >= 0);
    if (!ok)
        return aics_reader_fail_here(rd, (long)a->col + 1,
                         "%s=%s: expected a finite number %s", a->name, a->value,
                         min_exclusive_zero ? "> 0" : ">= 0");
    *out = v;
    return true;
}

/* The attributes of a rule, in the order of their bits in `seen`. */
typedef enum {
    ATTR_KIND, ATTR_ABS, ATTR_REL, ATTR_WEIGHT, ATTR_HINT, ATTR_HINT_EN, ATTR_DIAGNOSE, ATTR_COUNT
} attr_name;
#define ATTR_BIT(a) (1u << (a))

static const char *const attr_names[ATTR_COUNT] = {"kind", "abs", "rel", "weight", "hint", "hint_en",
                                                   "diagnose"};

static bool apply_kind(aics_reader *rd, aics_grade_rule *r, const attr *a)
{
    if (strcmp(a->value, "int") == 0) r->kind = AICS_GRADE_INT;
    else if (strcmp(a->value, "float") == 0) r->kind = AICS_GRADE_FLOAT;
    else if (strcmp(a->value, "word") == 0) r->kind = AICS_GRADE_WORD;
    else
        return aics_reader_fail_here(rd, (long)a->col + 1,
                                 "kind=%s: expected kind=int, kind=float or kind=word", a->value);
    return true;
}

/* Apply one attribute to rule r; `seen` is a bit set of names already given. */
static bool apply_attr(aics_reader *rd, aics_grade_rule *r, attr *a, unsigned *seen)
{
    attr_name idx = ATTR_KIND;
    while (idx < ATTR_COUNT && strcmp(attr_names[idx], a->name) != 0) idx++;
    if (idx == ATTR_COUNT)
        return aics_reader_fail_here(rd, (long)a->col + 1,
                         "unknown attribute '%s'; expected kind, abs, rel, weight, hint, hint_en or diagnose",
                         a->name);
    if (*seen & ATTR_BIT(idx))
        return aics_reader_fail_here(rd, (long)a->col + 1, "%s= given twice", a->name);
    *seen |= ATTR_BIT(idx);
    switch (idx) {
    case ATTR_KIND: return apply_kind(rd, r, a);
    case ATTR_ABS: return attr_number(rd, a, 0, &r->abs_tol);
    case ATTR_REL: return attr_number(rd, a, 0, &r->rel_tol);
    case ATTR_WEIGHT: return attr_number(rd, a, 1, &r->weight);
    case ATTR_HINT:
    case ATTR_HINT_EN:
        *(idx == ATTR_HINT ? &r->hint : &r->hint_en) = a->value;
        a->value = NULL;
        return true;
    default:
        if (!*a->value)
            return aics_reader_fail_here(rd, (long)a->col + 1, "diagnose= is empty");
        r->diagnose = a->value;
        a->value = NULL;
        return true;
    }
}

static void rule_free(aics_grade_rule *r)
{
    free(r->pattern);
    free(r->hint);
    free(r->hint_en);
    free(r->diagnose);
}

/* Parse `key PATTERN attr...` from line l after its byte i. */
static bool parse_rule(aics_reader *rd, const aics_line *l, size_t i, aics_grade_rule *r)
{
    const char *s = l->s;
    size_t n = l->n;
    memset(r, 0, sizeof *r);
    r->weight = 1.0;
    r->line = l->no;
    r->kind = AICS_GRADE_AUTO;
    while (i < n && is_blank(s[i])) i++;
    size_t p0 = i;
    while (i < n && !is_blank(s[i])) i++;
    size_t bad = 0;
    if (i == p0) return aics_reader_fail_here(rd, (long)p0 + 1, "expected a key pattern after 'key'");
    if (!pattern_ok(s + p0, i - p0, &bad))
        return aics_reader_fail_here(rd, (long)(p0 + bad) + 1,
                         "expected a key pattern made of [a-z0-9_.] and the wildcards * and ?");
    r->pattern = aics_xmalloc(i - p0 + 1);
    memcpy(r->pattern, s + p0, i - p0);
    r->pattern[i - p0] = '\0';
    unsigned seen = 0;
    for (;;) {
        while (i < n && is_blank(s[i])) i++;
        if (i >= n) break;
        attr a = {{0}, NULL, 0};
        bool ok = read_attr(rd, l, &i, &a) && apply_attr(rd, r, &a, &seen);
        free(a.value);
        if (!ok) return false;
    }
    if (r->kind == AICS_GRADE_AUTO)
        return aics_reader_fail_here(rd, (long)p0 + 1,
                         "rule for '%s' has no kind; expected kind=int, kind=float or kind=word",
                         r->pattern);
    bool tol_given = seen & (ATTR_BIT(ATTR_ABS) | ATTR_BIT(ATTR_REL));
    if (r->kind == AICS_GRADE_FLOAT && !tol_given)
        return aics_reader_fail_here(rd, (long)p0 + 1,
                         "a float rule needs a tolerance: abs=…, rel=… or both");
    if (r->kind != AICS_GRADE_FLOAT && tol_given)
        return aics_reader_fail_here(rd, (long)p0 + 1,
                         "abs= and rel= apply only to kind=float (%s values must match exactly)",
                         aics_grade_kind_name(r->kind));
    return true;
}

/* One line of a spec: blank, a # comment, or a rule appended to `out`. */
static bool spec_line(aics_reader *rd, const aics_line *l, aics_grade_spec *out)
{
    const char *s = l->s;
    size_t n = l->n, i = 0;
    while (i < n && is_blank(s[i])) i++;
    if (i == n || s[i] == '#') return true;
    if (n - i < 3 || memcmp(s + i, "key", 3) != 0 || (n - i > 3 && !is_blank(s[i + 3])))
        return aics_reader_fail_here(rd, (long)i + 1, "expected a rule 'key PATTERN kind=…' or a # comment");
    aics_grade_rule r;
    if (!parse_rule(rd, l, i + 3, &r)) {
        rule_free(&r);
        return false;
    }
    out->rules = aics_xrealloc(out->rules, (out->n + 1) * sizeof *out->rules);
    out->rules[out->n++] = r;
    return true;
}

bool aics_grade_spec_parse(const char *text, size_t len, const char *path,
                           aics_grade_spec *out, char *err, size_t errsz)
{
    memset(out, 0, sizeof *out);
    out->path = aics_xstrdup(path);
    aics_reader rd = {.path = path, .err = err, .errsz = errsz};
    bool ok = aics_reader_start(&rd, text, len, AICS_REFUSE_BINARY) ||
              aics_reader_fail(&rd, 1, 1, "binary file; expected a grading spec (text)");
    for (aics_line l; ok && aics_reader_next(&rd, &l);) ok = spec_line(&rd, &l, out);
    if (ok && out->n == 0)
        ok = aics_reader_fail(&rd, rd.line > 0 ? rd.line : 1, 1,
                              "the spec has no rules; expected at least one 'key PATTERN kind=…' line");
    if (!ok) aics_grade_spec_free(out);
    return ok;
}

bool aics_grade_spec_load(const char *path, aics_grade_spec *out, char *err, size_t errsz)
{
    size_t len;
    memset(out, 0, sizeof *out);
    char *text = aics_read_text(path, SPEC_MAX_BYTES, "a grading spec", &len, err, errsz);
    if (!text) return false;
    bool ok = aics_grade_spec_parse(text, len, path, out, err, errsz);
    free(text);
    return ok;
}

void aics_grade_spec_default(aics_grade_spec *out)
{
    memset(out, 0, sizeof *out);
    out->path = aics_xstrdup("(default spec)");
    out->rules = aics_xcalloc(1, sizeof *out->rules);
    out->n = 1;
    out->rules[0] = (aics_grade_rule){.pattern = aics_xstrdup("*"), .kind = AICS_GRADE_AUTO,
                                      .abs_tol = AICS_GRADE_DEFAULT_ABS,
                                      .rel_tol = AICS_GRADE_DEFAULT_REL, .weight = 1.0};
}

void aics_grade_spec_free(aics_grade_spec *spec)
{
    for (size_t i = 0; i < spec->n; i++) rule_free(&spec->rules[i]);
    free(spec->rules);
    free(spec->path);
    memset(spec, 0, sizeof *spec);
}

/* ---- reading kv files under limits ------------------------------------------ */

bool aics_grade_parse_kv(const char *text, size_t len, const char *path,
                         const aics_grade_limits *lim, aics_kv *out, char *err, size_t errsz)
{
    memset(out, 0, sizeof *out);
    size_t max_lines = lim ? lim->max_lines : AICS_GRADE_MAX_LINES;
    aics_reader rd = {.path = path, .err = err, .errsz = errsz};
    if (!aics_reader_start(&rd, text, len, AICS_REFUSE_BINARY))
        return aics_reader_fail(&rd, 1, 1, "binary file (NUL bytes or invalid UTF-8); expected kv text");
    size_t lines = 0;
    const char *t = rd.text, *end = rd.text + rd.len;
    for (const char *p = t; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        if (++lines > max_lines)
            return aics_reader_fail(&rd, (long)lines, 1, "more than %zu lines; expected a kv result file",
                                    max_lines);
    return aics_kv_parse(text, len, path, out, err, errsz);
}

bool aics_grade_load_kv(const char *path, const aics_grade_limits *lim, aics_kv *out,
                        char *err, size_t errsz)
{
    size_t len;
    memset(out, 0, sizeof *out);
    size_t max_bytes = lim ? lim->max_bytes : AICS_GRADE_MAX_BYTES;
    char *text = aics_read_text(path, max_bytes, "a kv result file", &len, err, errsz);
    if (!text) return false;
    bool ok = aics_grade_parse_kv(text, len, path, lim, out, err, errsz);
    free(text);
    return ok;
}

/* ---- comparison ------------------------------------------------------------- */

static aics_grade_kind resolve_kind(const aics_grade_rule *r, const char *expected)
{
    if (r->kind != AICS_GRADE_AUTO) return r->kind;
    int64_t i;
    double d;
    if (aics_grade_parse_int(expected, &i)) return AICS_GRADE_INT;
    if (aics_grade_parse_double(expected, &d)) return AICS_GRADE_FLOAT;
    return AICS_GRADE_WORD;
}

static void check_int(aics_grade_item *it)
{
    int64_t e, v, d;
    double x;
    if (!aics_grade_parse_int(it->expected, &e)) {
        it->why = AICS_GRADE_BAD_EXPECTED;
        return;
    }
    if (!aics_grade_parse_int_exact(it->submitted, &v)) {
        /* Never through a double: 724406816.00000001 would round to an integer. */
        if (!aics_grade_parse_double(it->submitted, &x)) it->why = AICS_GRADE_NOT_NUMBER;
        else it->why = isfinite(x) ? AICS_GRADE_NOT_INTEGER : AICS_GRADE_NOT_FINITE;
        return;
    }
    if (aics_sub_i64(v, e, &d)) it->abs_err = d < 0 ? -(double)d : (double)d;
    else it->abs_err = fabs((double)v - (double)e);
    it->rel_err = e != 0 ? it->abs_err / fabs((double)e) : NAN;
    it->why = v == e ? AICS_GRADE_OK : AICS_GRADE_WRONG_VALUE;
}

static void check_float(aics_grade_item *it)
{
    double e, s;
    if (!aics_grade_parse_double(it->expected, &e) || !isfinite(e)) {
        it->why = AICS_GRADE_BAD_EXPECTED;
        return;
    }
    if (!aics_grade_parse_double(it->submitted, &s)) { it->why = AICS_GRADE_NOT_NUMBER; return; }
    if (!isfinite(s)) { it->why = AICS_GRADE_NOT_FINITE; return; }
    double diff = fabs(s - e); /* may overflow to inf for huge opposite values: then it fails */
    it->abs_err = diff;
    it->rel_err = e != 0 ? diff / fabs(e) : NAN;
    const aics_grade_rule *r = it->rule;
    bool pass = diff <= r->abs_tol || diff <= r->rel_tol * fabs(e);
    it->why = pass ? AICS_GRADE_OK : AICS_GRADE_WRONG_VALUE;
}

static void check_item(aics_grade_item *it, const aics_grade_value *v)
{
    it->abs_err = NAN;
    it->rel_err = NAN;
    if (!v || !v->line) {
        it->why = AICS_GRADE_MISSING;
        return;
    }
    it->line = v->line;
    it->col = v->col;
    it->first_line = v->first_line;
    if (v->problem != AICS_GRADE_OK) {
        it->why = v->problem;
        return;
    }
    switch (it->kind) {
    case AICS_GRADE_INT: check_int(it); break;
    case AICS_GRADE_FLOAT: check_float(it); break;
    default:
        it->why = strcmp(it->expected, it->submitted) == 0 ? AICS_GRADE_OK : AICS_GRADE_WRONG_VALUE;
        break;
    }
}

static const aics_grade_rule *first_rule(const aics_grade_spec *spec, const char *key)
{
    if (aics_grade_self_reported(key)) return NULL; /* a program's word about itself */
    for (size_t r = 0; r < spec->n; r++)
        if (aics_grade_glob(spec->rules[r].pattern, key)) return &spec->rules[r];
    return NULL;
}

const aics_grade_rule **aics_grade_match(const aics_kv *expected, const aics_grade_spec *spec)
{
    const aics_grade_rule **match = aics_xcalloc(expected->n ? expected->n : 1, sizeof *match);
    for (size_t i = 0; i < expected->n; i++) match[i] = first_rule(spec, expected->e[i].key);
    return match;
}

/* Grade one reference entry into a new item. */
static void grade_entry(const aics_kv_entry *e, const aics_grade_rule *rule, const aics_grade_value *v,
                        aics_grade_diagnoser diagnose, void *ctx, aics_lang lang, aics_grade_report *out)
{
    aics_grade_item *it = &out->items[out->n++];
    *it = (aics_grade_item){.key = e->key, .expected = e->value,
                            .submitted = v && v->line ? v->value : NULL, .rule = rule,
                            .kind = resolve_kind(rule, e->value)};
    check_item(it, v);
    out->max_score += rule->weight;
    if (it->why == AICS_GRADE_OK) {
        it->score = rule->weight;
        out->score += rule->weight;
        out->npass++;
    } else if (it->why == AICS_GRADE_WRONG_VALUE && rule->diagnose && diagnose) {
        if (!diagnose(it, lang, &it->diag, ctx)) memset(&it->diag, 0, sizeof it->diag);
    }
}

void aics_grade_compare(const aics_kv *expected, const aics_grade_submission *submitted,
                        const aics_grade_spec *spec, const aics_grade_rule *const *match,
                        aics_grade_diagnoser diagnose, void *ctx, aics_lang lang,
                        aics_grade_report *out)
{
    memset(out, 0, sizeof *out);
    size_t ne = expected->n ? expected->n : 1;
    out->items = aics_xcalloc(ne, sizeof *out->items);
    out->ungraded = aics_xcalloc(ne, sizeof *out->ungraded);
    bool *used = aics_xcalloc(spec->n ? spec->n : 1, sizeof *used);
    for (size_t i = 0; i < expected->n; i++) {
        const aics_kv_entry *e = &expected->e[i];
        const aics_grade_rule *rule = match ? match[i] : first_rule(spec, e->key);
        if (!rule) {
            out->ungraded[out->nungraded++] = e->key;
            continue;
        }
        used[rule - spec->rules] = true;
        grade_entry(e, rule, submitted ? &submitted->v[i] : NULL, diagnose, ctx, lang, out);
    }
    if (submitted) {
        out->extra = submitted->extra;
        out->nextra = submitted->nextra;
    }
    out->unused = aics_xcalloc(spec->n ? spec->n : 1, sizeof *out->unused);
    for (size_t r = 0; r < spec->n; r++)
        if (!used[r]) out->unused[out->nunused++] = &spec->rules[r];
    free(used);
}

void aics_grade_diagnosis_free(aics_grade_diagnosis *d)
{
    free(d->text);
    free(d->ids);
    free(d->alternatives);
    memset(d, 0, sizeof *d);
}

void aics_grade_report_free(aics_grade_report *r)
{
    for (size_t i = 0; i < r->n; i++) aics_grade_diagnosis_free(&r->items[i].diag);
    free(r->items);
    free(r->ungraded);
    free(r->unused);
    memset(r, 0, sizeof *r);
}
