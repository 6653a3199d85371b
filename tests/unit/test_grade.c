/* test_grade.c — the grader core: globs, specs, comparison rules, limits. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "grade.h"

/* Parse kv text that the test knows is valid. */
static aics_kv kv_of(const char *text)
{
    aics_kv kv;
    char err[256];
    ck_assert_msg(aics_kv_parse(text, strlen(text), "t.kv", &kv, err, sizeof err),
                  "The test's kv text should parse, but: %s", err);
    return kv;
}

#define HEADER "# aics-result v1 exercise=9.9 seed=0 convention=t\n"

/* A submission of `text` (a header is put first) read against `expected`. */
static aics_grade_submission sub_of(const aics_kv *expected, const char *text)
{
    aics_grade_submission sub;
    char err[256];
    size_t n = strlen(HEADER) + strlen(text);
    char *buf = malloc(n + 1);
    snprintf(buf, n + 1, "%s%s", HEADER, text);
    ck_assert_msg(aics_grade_submission_parse(buf, n, "s.kv", expected, NULL, NULL, &sub, err, sizeof err),
                  "The test's submission should be read, but: %s", err);
    return sub;
}

static aics_grade_spec spec_of(const char *text)
{
    aics_grade_spec s;
    char err[256];
    ck_assert_msg(aics_grade_spec_parse(text, strlen(text), "t.spec", &s, err, sizeof err),
                  "The test's spec should parse, but: %s", err);
    return s;
}

/* Grade one key: expected value e, submitted s (NULL: missing), spec rule text. */
static aics_grade_why grade_one(const char *rule, const char *e, const char *s, double *abs_err)
{
    char et[128], st[128];
    snprintf(et, sizeof et, "x %s\n", e);
    snprintf(st, sizeof st, "%s%s\n", s ? "x " : "", s ? s : "");
    aics_kv ekv = kv_of(et);
    aics_grade_submission skv = sub_of(&ekv, st);
    aics_grade_spec spec = spec_of(rule);
    aics_grade_report r;
    aics_grade_compare(&ekv, &skv, &spec, NULL, NULL, NULL, AICS_LANG_EN, &r);
    ck_assert_msg(r.n == 1, "One key should be graded, not %zu.", r.n);
    aics_grade_why why = r.items[0].why;
    if (abs_err) *abs_err = r.items[0].abs_err;
    aics_grade_report_free(&r);
    aics_grade_spec_free(&spec);
    aics_kv_free(&ekv);
    aics_grade_submission_free(&skv);
    return why;
}

/* The spec error for `text`, into err. */
static bool spec_error(const char *text, char *err, size_t n)
{
    aics_grade_spec s;
    bool ok = aics_grade_spec_parse(text, strlen(text), "t.spec", &s, err, n);
    if (ok) aics_grade_spec_free(&s);
    return !ok;
}

START_TEST(globs_match_whole_keys)
{
    ck_assert_msg(aics_grade_glob("*", "alexnet.conv1.mul"), "'*' should match any key, dots included.");
    ck_assert_msg(aics_grade_glob("alexnet.*", "alexnet.mul"), "'alexnet.*' should match alexnet.mul.");
    ck_assert_msg(!aics_grade_glob("alexnet.*", "vgg19.mul"), "'alexnet.*' should not match vgg19.mul.");
    ck_assert_msg(aics_grade_glob("*.gap_at_?", "phi.gap_at_3"), "'?' should match one character.");
    ck_assert_msg(!aics_grade_glob("*.gap_at_?", "phi.gap_at_10"), "'?' should match only one character.");
    ck_assert_msg(aics_grade_glob("a*b*c", "axxbyybzc"), "'a*b*c' needs backtracking to match axxbyybzc.");
    ck_assert_msg(!aics_grade_glob("a*b*c", "axxbyyb"), "'a*b*c' should not match a key without the final c.");
    ck_assert_msg(!aics_grade_glob("mul", "alexnet.mul"), "A pattern without wildcards should match only itself.");
}
END_TEST

START_TEST(integers_parse_exactly)
{
    int64_t v;
    ck_assert_msg(aics_grade_parse_int("-9223372036854775808", &v) && v == INT64_MIN,
                  "INT64_MIN should parse exactly.");
    ck_assert_msg(aics_grade_parse_int("+724406816", &v) && v == 724406816, "A leading + should be accepted.");
    ck_assert_msg(!aics_grade_parse_int("9223372036854775808", &v), "2^63 overflows int64 and should be refused.");
    ck_assert_msg(!aics_grade_parse_int("1.0", &v), "1.0 is not written as an integer.");
    ck_assert_msg(!aics_grade_parse_int("", &v) && !aics_grade_parse_int("-", &v), "Empty text is not an integer.");
}
END_TEST

START_TEST(integers_must_match_exactly)
{
    const char *rule = "key x kind=int\n";
    ck_assert_msg(grade_one(rule, "724406816", "724406816", NULL) == AICS_GRADE_OK, "Equal integers should pass.");
    ck_assert_msg(grade_one(rule, "724406816", "724406817", NULL) == AICS_GRADE_WRONG_VALUE,
                  "An integer off by one should fail.");
    ck_assert_msg(grade_one(rule, "12", "12.0", NULL) == AICS_GRADE_OK,
                  "12.0 is the integer 12 written by a float printer and should pass.");
    ck_assert_msg(grade_one(rule, "12", "12.5", NULL) == AICS_GRADE_NOT_INTEGER, "12.5 is not an integer.");
    /* 2^53 + 1 is not a double: a float text near it must not pass by rounding. */
    ck_assert_msg(grade_one(rule, "9007199254740993", "9007199254740992.0", NULL) == AICS_GRADE_WRONG_VALUE,
                  "2^53 written as a float should not pass for 2^53 + 1.");
    ck_assert_msg(grade_one(rule, "9007199254740992", "9007199254740993.0", NULL) == AICS_GRADE_WRONG_VALUE,
                  "2^53 + 1 written as a float should not pass for 2^53 (no rounding through double).");
    ck_assert_msg(grade_one(rule, "724406816", "724406816.00000001", NULL) == AICS_GRADE_NOT_INTEGER,
                  "A fraction that a double would round away is still not an integer.");
    ck_assert_msg(grade_one(rule, "724406816", "7.24406816e8", NULL) == AICS_GRADE_NOT_INTEGER,
                  "An exponent form is not an integer.");
    ck_assert_msg(grade_one(rule, "724406816", "724,406,816", NULL) == AICS_GRADE_NOT_NUMBER &&
                  aics_grade_has_separators("724,406,816") && !aics_grade_has_separators("72,44,06,816") &&
                  !aics_grade_has_separators("1,5"), "Thousands separators are not a number, but are recognised.");
}
END_TEST

START_TEST(floats_pass_by_abs_or_rel)
{
    double err;
    /* 0.5 and 0.25 are exact in binary, so these are the boundaries themselves. */
    ck_assert_msg(grade_one("key x kind=float abs=0.5\n", "1", "1.5", &err) == AICS_GRADE_OK,
                  "|a-b| equal to abs should pass (the rule is <=).");
    ck_assert_msg(fabs(err - 0.5) < 1e-15, "The absolute error should be 0.5, not %g.", err);
    ck_assert_msg(grade_one("key x kind=float abs=0.5\n", "1", "1.5000001", NULL) == AICS_GRADE_WRONG_VALUE,
                  "Just over abs should fail.");
    ck_assert_msg(grade_one("key x kind=float rel=0.25\n", "4", "5", NULL) == AICS_GRADE_OK,
                  "|a-b| = 1 equal to rel*|expected| = 1 should pass.");
    ck_assert_msg(grade_one("key x kind=float rel=0.25\n", "-4", "-5", NULL) == AICS_GRADE_OK,
                  "rel should scale with |expected| for a negative expected value.");
    ck_assert_msg(grade_one("key x kind=float rel=0.25\n", "4", "5.01", NULL) == AICS_GRADE_WRONG_VALUE,
                  "Just over rel*|expected| should fail.");
    ck_assert_msg(grade_one("key x kind=float abs=1e-3 rel=1e-3\n", "2", "2.0015", NULL) == AICS_GRADE_OK,
                  "Over abs but within rel should pass: either tolerance is enough.");
}
END_TEST

START_TEST(expected_zero_needs_abs)
{
    ck_assert_msg(grade_one("key x kind=float rel=0.5\n", "0", "1e-300", NULL) == AICS_GRADE_WRONG_VALUE,
                  "With expected 0, rel admits nothing but 0 itself.");
    ck_assert_msg(grade_one("key x kind=float rel=0.5\n", "0", "-0.0", NULL) == AICS_GRADE_OK,
                  "-0.0 equals 0 and should pass.");
    ck_assert_msg(grade_one("key x kind=float abs=1e-12\n", "0", "1e-13", NULL) == AICS_GRADE_OK,
                  "abs should pass a near-zero answer when expected is 0.");
}
END_TEST

START_TEST(nan_and_inf_never_pass)
{
    const char *loose = "key x kind=float abs=1e308 rel=1e308\n";
    ck_assert_msg(grade_one(loose, "1", "nan", NULL) == AICS_GRADE_NOT_FINITE, "nan should never pass.");
    ck_assert_msg(grade_one(loose, "1", "-inf", NULL) == AICS_GRADE_NOT_FINITE, "-inf should never pass.");
    ck_assert_msg(grade_one(loose, "1", "1e400", NULL) == AICS_GRADE_NOT_FINITE,
                  "1e400 overflows to inf and should never pass.");
    ck_assert_msg(grade_one("key x kind=int\n", "1", "nan", NULL) == AICS_GRADE_NOT_FINITE,
                  "nan should not pass an int key either.");
    ck_assert_msg(grade_one(loose, "nan", "nan", NULL) == AICS_GRADE_BAD_EXPECTED,
                  "A NaN in the reference is a broken reference, not a pass.");
}
END_TEST

START_TEST(missing_extra_and_ungraded_keys)
{
    aics_kv e = kv_of("# aics-result v1 exercise=9.9 seed=0 convention=t\na 1\nb 2\nnote.x 3\n");
    aics_grade_submission s = sub_of(&e, "a 1\nmine 5\n");
    aics_grade_spec spec = spec_of("key a kind=int weight=2\nkey b kind=int\nkey zzz.* kind=word\n");
    aics_grade_report r;
    aics_grade_compare(&e, &s, &spec, NULL, NULL, NULL, AICS_LANG_EN, &r);
    ck_assert_msg(r.n == 2 && r.npass == 1, "a should pass and b fail; got %zu of %zu.", r.npass, r.n);
    ck_assert_msg(r.items[1].why == AICS_GRADE_MISSING, "b is not submitted and should fail as missing.");
    ck_assert_msg(r.score == 2 && r.max_score == 3, "Score should be 2/3, not %g/%g.", r.score, r.max_score);
    ck_assert_msg(r.nextra == 1 && strcmp(r.extra[0], "mine") == 0, "The extra key 'mine' should be listed.");
    ck_assert_msg(r.nungraded == 1 && strcmp(r.ungraded[0], "note.x") == 0,
                  "note.x matches no rule and should be listed as ungraded.");
    ck_assert_msg(r.nunused == 1 && r.unused[0]->line == 3, "The rule on line 3 matches nothing and should be listed.");
    aics_grade_report_free(&r);
    aics_grade_spec_free(&spec);
    aics_kv_free(&e);
    aics_grade_submission_free(&s);
}
END_TEST

START_TEST(first_rule_wins_and_explains)
{
    aics_kv e = kv_of("v.a 1.5\nv.b 1.5\n");
    aics_grade_submission s = sub_of(&e, "v.a 1.6\nv.b 1.6\n");
    aics_grade_spec spec = spec_of("# comment\r\n\r\nkey v.a kind=float abs=0.2\r\n"
                                   "key v.* kind=float rel=1e-9 hint=\"say \\\"why\\\"\"\r\n");
    aics_grade_report r;
    aics_grade_compare(&e, &s, &spec, NULL, NULL, NULL, AICS_LANG_EN, &r);
    ck_assert_msg(r.items[0].why == AICS_GRADE_OK, "v.a should be graded by its own, looser first rule.");
    ck_assert_msg(r.items[1].why == AICS_GRADE_WRONG_VALUE, "v.b should fall to the strict v.* rule.");
    aics_buf b = AICS_BUF_INIT;
    aics_grade_explain(&r.items[1], "", AICS_LANG_EN, &b);
    ck_assert_msg(strstr(b.data, "FAIL v.b: expected 1.5, submitted 1.6\n") != NULL,
                  "The explanation should name key and values: %s", b.data);
    ck_assert_msg(strstr(b.data, "hint: say \"why\"\n") != NULL, "The quoted hint should be unescaped: %s", b.data);
    aics_buf_free(&b);
    aics_grade_report_free(&r);
    aics_grade_spec_free(&spec);
    aics_kv_free(&e);
    aics_grade_submission_free(&s);
}
END_TEST

START_TEST(default_spec_infers_kinds)
{
    aics_kv e = kv_of("n 7\nf 0.5\nw pass\n");
    aics_grade_submission s = sub_of(&e, "n 7\nf 0.50000000001\nw pass\n");
    aics_grade_spec spec;
    aics_grade_spec_default(&spec);
    aics_grade_report r;
    aics_grade_compare(&e, &s, &spec, NULL, NULL, NULL, AICS_LANG_EN, &r);
    ck_assert_msg(r.items[0].kind == AICS_GRADE_INT && r.items[1].kind == AICS_GRADE_FLOAT &&
                  r.items[2].kind == AICS_GRADE_WORD, "The default spec should read int, float and word.");
    ck_assert_msg(r.npass == 3, "A float within the default rel 1e-9 should pass; %zu of 3 passed.", r.npass);
    aics_grade_report_free(&r);
    aics_grade_spec_free(&spec);
    aics_kv_free(&e);
    aics_grade_submission_free(&s);
}
END_TEST

START_TEST(spec_errors_name_line_and_column)
{
    char err[256];
    ck_assert_msg(spec_error("key x kind=int\nkey y kind=float\n", err, sizeof err) &&
                  strcmp(err, "t.spec:2:5: a float rule needs a tolerance: abs=…, rel=… or both") == 0,
                  "A float rule without a tolerance should be refused: %s", err);
    ck_assert_msg(spec_error("key x kind=int colour=red\n", err, sizeof err) && strncmp(err, "t.spec:1:16: unknown attribute", 30) == 0,
                  "An unknown attribute should name its column: %s", err);
    ck_assert_msg(spec_error("key x kind=int abs=1\n", err, sizeof err) && strstr(err, "apply only to kind=float"),
                  "A tolerance on an int rule should be refused: %s", err);
    ck_assert_msg(spec_error("key x kind=int weight=-1\n", err, sizeof err) && strstr(err, "> 0"),
                  "A negative weight should be refused: %s", err);
    ck_assert_msg(spec_error("key x kind=float abs=nan\n", err, sizeof err) && strstr(err, "finite"),
                  "A NaN tolerance should be refused: %s", err);
    ck_assert_msg(spec_error("key X.y kind=int\n", err, sizeof err) && strncmp(err, "t.spec:1:5:", 11) == 0,
                  "An upper-case pattern should be refused at its column: %s", err);
    ck_assert_msg(spec_error("key x kind=int hint=\"open\n", err, sizeof err) && strstr(err, "unterminated"),
                  "An unterminated quote should be refused: %s", err);
    ck_assert_msg(spec_error("key x kind=int kind=int\n", err, sizeof err) && strstr(err, "given twice"),
                  "A repeated attribute should be refused: %s", err);
    ck_assert_msg(spec_error("# only a comment\n", err, sizeof err) && strstr(err, "no rules"),
                  "A spec without rules should be refused: %s", err);
    ck_assert_msg(spec_error("grade x\n", err, sizeof err) && strncmp(err, "t.spec:1:1:", 11) == 0,
                  "A line that is not a rule should be refused: %s", err);
}
END_TEST

START_TEST(untrusted_kv_is_bounded)
{
    char err[256];
    aics_kv kv;
    aics_grade_limits lim = {1000, 3};
    ck_assert_msg(!aics_grade_parse_kv("a 1\nb 2\nc 3\nd 4\n", 16, "s.kv", &lim, &kv, err, sizeof err) &&
                  strcmp(err, "s.kv:4:1: more than 3 lines; expected a kv result file") == 0,
                  "A fourth line over a limit of 3 should be refused: %s", err);
    ck_assert_msg(!aics_grade_parse_kv("a 1\n\0b 2\n", 9, "s.kv", &lim, &kv, err, sizeof err) &&
                  strstr(err, "binary file"), "A NUL byte should be refused as binary: %s", err);
    ck_assert_msg(!aics_grade_parse_kv("a \xff\n", 4, "s.kv", &lim, &kv, err, sizeof err) &&
                  strstr(err, "binary file"), "Invalid UTF-8 should be refused as binary: %s", err);
    ck_assert_msg(!aics_grade_parse_kv("a 1\na 2\n", 8, "s.kv", &lim, &kv, err, sizeof err) &&
                  strcmp(err, "s.kv:2:1: duplicate key (first given on line 1)") == 0,
                  "A duplicate key should be an error naming both lines: %s", err);
    ck_assert_msg(aics_grade_parse_kv("\xEF\xBB\xBF" "a 1\r\n", 8, "s.kv", &lim, &kv, err, sizeof err) &&
                  kv.n == 1 && strcmp(kv.e[0].value, "1") == 0, "A BOM and CRLF should be accepted: %s", err);
    aics_kv_free(&kv);
}
END_TEST

/* The kv reader's duplicate check must still name both lines among many keys. */
START_TEST(many_keys_keep_exact_errors)
{
    enum { N = 30000 };
    aics_buf b = AICS_BUF_INIT;
    for (int i = 0; i < N; i++) aics_buf_printf(&b, "resnet152.layer%d.mul %d\n", i, i);
    aics_buf_printf(&b, "resnet152.layer%d.mul 0\n", N / 2);
    aics_kv kv;
    char err[256];
    ck_assert_msg(!aics_grade_parse_kv(b.data, b.len, "big.kv", NULL, &kv, err, sizeof err),
                  "A key repeated after %d others should be found.", N);
    ck_assert_msg(strcmp(err, "big.kv:30001:1: duplicate key (first given on line 15001)") == 0,
                  "The duplicate should name both lines: %s", err);
    /* Without the repeat, every key parses and is found where it was written. */
    aics_buf_free(&b);
    for (int i = 0; i < N; i++) aics_buf_printf(&b, "resnet152.layer%d.mul %d\n", i, i);
    ck_assert_msg(aics_grade_parse_kv(b.data, b.len, "big.kv", NULL, &kv, err, sizeof err),
                  "%d distinct keys should parse: %s", N, err);
    const aics_kv_entry *e = aics_kv_find(&kv, "resnet152.layer12345.mul");
    ck_assert_msg(e && e->line == 12346 && strcmp(e->value, "12345") == 0,
                  "Key layer12345 should be found on line 12346.");
    ck_assert_msg(!aics_kv_find(&kv, "resnet152.layer30000.mul"), "An absent key should not be found.");
    aics_kv_free(&kv);
    aics_buf_free(&b);
}
END_TEST

START_TEST(extreme_values_fail_safely)
{
    ck_assert_msg(grade_one("key x kind=float rel=1\n", "1e308", "-1e308", NULL) == AICS_GRADE_WRONG_VALUE,
                  "|a-b| overflowing to inf should fail, not pass.");
    ck_assert_msg(grade_one("key x kind=int\n", "1", "99999999999999999999", NULL) == AICS_GRADE_NOT_INTEGER,
                  "An integer beyond int64 (and 2^53) should fail as not an exact integer.");
    ck_assert_msg(grade_one("key x kind=int\n", "-9223372036854775808", "9223372036854775807", NULL) ==
                  AICS_GRADE_WRONG_VALUE, "The extreme int64 values should compare without overflow.");
    ck_assert_msg(grade_one("key x kind=word\n", "pass", "0x1p0", NULL) == AICS_GRADE_WRONG_VALUE,
                  "A word key should compare text only.");
}
END_TEST

START_TEST(a_bad_line_fails_only_its_key)
{
    aics_kv e = kv_of(HEADER "a 1\nb 2\nc 3\nok.check pass\n");
    aics_grade_submission s = sub_of(&e, "a 1 2\nb 2\nc 3\nc 3\nBad!key 4\nok.check pass\n");
    aics_grade_spec spec = spec_of("key * kind=int\nkey *.check kind=word\n");
    aics_grade_report r;
    aics_grade_compare(&e, &s, &spec, NULL, NULL, NULL, AICS_LANG_EN, &r);
    ck_assert_msg(r.n == 3, "ok.check is self-reported and never graded; %zu keys were.", r.n);
    ck_assert_msg(r.items[0].why == AICS_GRADE_MALFORMED && r.items[0].line == 2 && r.items[0].col == 5,
                  "'a 1 2' should fail a alone, at line 2 col 5 (line %ld col %ld).", r.items[0].line, r.items[0].col);
    ck_assert_msg(r.items[1].why == AICS_GRADE_OK, "b on a good line should pass.");
    ck_assert_msg(r.items[2].why == AICS_GRADE_DUPLICATE && r.items[2].first_line == 4 && r.items[2].line == 5,
                  "c given twice should fail, naming lines 4 and 5.");
    ck_assert_msg(s.nignored == 1 && strstr(s.ignored[0], "s.kv:6:1:"), "The bad key should be listed as ignored.");
    ck_assert_msg(r.nunused == 1 && r.unused[0]->line == 2, "The *.check rule grades nothing.");
    aics_buf b = AICS_BUF_INIT;
    aics_grade_explain(&r.items[0], "", AICS_LANG_ZH, &b);
    ck_assert_msg(strstr(b.data, "错误 a：应为 1，提交的是 1 2") && strstr(b.data, "第 2 行第 5 列"),
                  "The Chinese explanation should name the line: %s", b.data);
    aics_buf_free(&b);
    aics_grade_report_free(&r);
    aics_grade_spec_free(&spec);
    aics_kv_free(&e);
    aics_grade_submission_free(&s);
}
END_TEST

/* With an index only graded keys are read; the result is the same. */
START_TEST(graded_keys_only_read_the_same)
{
    aics_kv e = kv_of(HEADER "a 1\nb 2\nnote 3\nalexnet.conv1.mul 4\n");
    aics_grade_spec spec = spec_of("key a kind=int\nkey b kind=int\n");
    const aics_grade_rule **match = aics_grade_match(&e, &spec);
    aics_grade_index *ix = aics_grade_index_new(&e, match);
    const char *text = HEADER "note 3 3\nb\x01 7\nb 2\nalexnet.conv1.mul 9\nzzz 1\na 1 x\n";
    size_t n = strlen(text);
    char *buf = malloc(n + 1);
    memcpy(buf, text, n + 1);
    aics_grade_submission sub;
    char err[256];
    ck_assert_msg(aics_grade_submission_parse(buf, n, "s.kv", &e, ix, NULL, &sub, err, sizeof err), "%s", err);
    aics_grade_report r;
    aics_grade_compare(&e, &sub, &spec, match, NULL, NULL, AICS_LANG_EN, &r);
    ck_assert_msg(r.n == 2 && r.items[0].why == AICS_GRADE_MALFORMED && r.items[1].why == AICS_GRADE_OK,
                  "a's bad line fails a; 'b\\x01 7' is not b, so b passes on line 4.");
    ck_assert_msg(r.items[1].line == 4 && sub.nextra == 0, "b from line 4; no extras are listed with an index.");
    aics_grade_report_free(&r);
    aics_grade_submission_free(&sub);
    aics_grade_index_free(ix);
    free(match);
    aics_grade_spec_free(&spec);
    aics_kv_free(&e);
}
END_TEST

START_TEST(the_header_is_required)
{
    aics_kv e = kv_of(HEADER "a 1\n");
    aics_grade_submission s;
    char err[256];
    const char *bad[] = {"a 1\n", "# hello\na 1\n", "# aics-result v2 exercise=9.9\na 1\n", ""};
    for (int i = 0; i < 4; i++) {
        size_t n = strlen(bad[i]);
        char *t = malloc(n + 1);
        memcpy(t, bad[i], n + 1);
        ck_assert_msg(!aics_grade_submission_parse(t, n, "s.kv", &e, NULL, NULL, &s, err, sizeof err) &&
                      strncmp(err, "s.kv:1:1: ", 10) == 0, "Case %d should be refused at 1:1: %s", i, err);
        aics_grade_submission_free(&s);
    }
    ck_assert_msg(strstr(err, "not a kv header") != NULL, "An empty file has no header: %s", err);
    aics_kv_free(&e);
}
END_TEST

/* The binary check skips ASCII eight bytes at a time; positions stay exact. */
START_TEST(binary_positions_after_long_ascii)
{
    long line = 0, col = 0;
    const char *t = "abcdefghijklmnop\nabcdefghijk\xffz";
    ck_assert_msg(aics_find_binary(t, strlen(t), &line, &col) && line == 2 && col == 12,
                  "The bad byte is at 2:12, not %ld:%ld.", line, col);
    ck_assert_msg(!aics_find_binary("abcdefgh\n12345678\n", 18, NULL, NULL), "ASCII text is not binary.");
    ck_assert_msg(aics_find_binary("abcdefghijklmno\0", 16, &line, &col) && line == 1 && col == 16,
                  "A NUL after 15 bytes is at 1:16, not %ld:%ld.", line, col);
}
END_TEST

START_TEST(control_characters_are_escaped)
{
    aics_buf b = AICS_BUF_INIT;
    aics_grade_put_safe(&b, "1\x1b[2J\r\xc2\x9b\\ok", 80);
    ck_assert_str_eq(b.data, "1\\x1b[2J\\x0d\\u009b\\\\ok");
    aics_buf_free(&b);
    aics_grade_put_safe(&b, "abcdef", 3);
    ck_assert_str_eq(b.data, "abc…");
    aics_buf_free(&b);
}
END_TEST

Suite *grade_suite(void)
{
    Suite *s = suite_create("grade");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, globs_match_whole_keys);
    tcase_add_test(core, integers_parse_exactly);
    tcase_add_test(core, integers_must_match_exactly);
    tcase_add_test(core, a_bad_line_fails_only_its_key);
    tcase_add_test(core, the_header_is_required);
    tcase_add_test(core, graded_keys_only_read_the_same);
    tcase_add_test(core, control_characters_are_escaped);
    tcase_add_test(core, binary_positions_after_long_ascii);
    tcase_add_test(core, floats_pass_by_abs_or_rel);
    tcase_add_test(core, expected_zero_needs_abs);
    tcase_add_test(core, nan_and_inf_never_pass);
    tcase_add_test(core, missing_extra_and_ungraded_keys);
    tcase_add_test(core, first_rule_wins_and_explains);
    tcase_add_test(core, default_spec_infers_kinds);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_add_test(limits, spec_errors_name_line_and_column);
    tcase_add_test(limits, untrusted_kv_is_bounded);
    tcase_add_test(limits, extreme_values_fail_safely);
    tcase_add_test(limits, many_keys_keep_exact_errors);
    suite_add_tcase(s, limits);
    return s;
}
