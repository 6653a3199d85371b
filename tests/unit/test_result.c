/* test_result.c — the result writer: kv contract, round trip, md parts. */
#include <check.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kv.h"
#include "result.h"

static char *render(const aics_result *r, aics_format f)
{
    aics_buf b = AICS_BUF_INIT;
    aics_result_render(r, f, &b);
    return aics_buf_take(&b);
}

static aics_result *sample(void)
{
    aics_result *r = aics_result_new("2.7", 42, "closed-form");
    aics_result_part(r, "origin", "在原点");
    aics_result_double(r, "phi.dphi_at_0", 1.0, "φ'(0)");
    aics_result_double(r, "x.tenth", 0.1, NULL);
    aics_result_int(r, "n.big", INT64_MIN, NULL);
    aics_result_word(r, "check", "pass", "verdict");
    aics_result_note(r, "A note with $x_1$ math.");
    return r;
}

START_TEST(kv_has_header_and_exact_values)
{
    aics_result *r = sample();
    char *kv = render(r, AICS_FORMAT_KV);
    ck_assert_str_eq(kv, "# aics-result v1 exercise=2.7 seed=42 convention=closed-form\n"
                         "phi.dphi_at_0 1\n"
                         "x.tenth 0.10000000000000001\n"
                         "n.big -9223372036854775808\n"
                         "check pass\n");
    free(kv);
    aics_result_free(r);
}
END_TEST

START_TEST(kv_round_trips_through_the_reader)
{
    aics_result *r = aics_result_new("3.2", 0, "mac");
    const double values[] = {1e-300, -2.5e300, 0.1 + 0.2, 5e-324, -0.0, 3.0};
    char key[32];
    for (int i = 0; i < 6; i++) {
        snprintf(key, sizeof key, "v.d%d", i);
        aics_result_double(r, key, values[i], NULL);
    }
    char *kv = render(r, AICS_FORMAT_KV);
    aics_kv parsed;
    char err[256];
    ck_assert_msg(aics_kv_parse(kv, strlen(kv), "mem", &parsed, err, sizeof err), "The reader should accept the writer's output: %s", err);
    ck_assert_uint_eq(parsed.n, 6);
    for (int i = 0; i < 6; i++)
        ck_assert_msg(strtod(parsed.e[i].value, NULL) == values[i] && !strchr(parsed.e[i].value, ','),
                      "Value %d should read back bit-exact with a '.' decimal point.", i);
    char field[32];
    ck_assert_msg(aics_kv_header_field(&parsed, "exercise", field, sizeof field) && strcmp(field, "3.2") == 0,
                  "The header should name the exercise.");
    aics_kv_free(&parsed);
    free(kv);
    aics_result_free(r);
}
END_TEST

START_TEST(md_marks_named_parts)
{
    aics_result *r = sample();
    aics_result_part(r, "second", NULL);
    aics_table *t = aics_result_table(r, "lr", (const char *const[]){"a|b", "n"});
    aics_table_cell(t, "x");
    aics_table_cell(t, "%d", 7);
    char *md = render(r, AICS_FORMAT_MD);
    ck_assert_msg(strstr(md, "<!-- aics:part origin -->") && strstr(md, "<!-- aics:end origin -->"),
                  "The origin part should be delimited.");
    ck_assert_msg(strstr(md, "<!-- aics:part second -->") && strstr(md, "<!-- aics:end second -->\n"),
                  "The last part should be closed at the end.");
    ck_assert_msg(strstr(md, "| a\\|b | n |\n|:--|--:|\n| x | 7 |"), "Table cells should escape '|'.");
    ck_assert_msg(strstr(md, "| φ'(0) | 1 |\n") && !strstr(md, "phi.dphi_at_0"),
                  "Values in md show label and value, never the kv key (that is in the labels format).");
    free(md);
    aics_result_free(r);
}
END_TEST

START_TEST(text_and_json_render_every_value)
{
    aics_result *r = sample();
    char *text = render(r, AICS_FORMAT_TEXT);
    ck_assert_msg(strstr(text, "-9,223,372,036,854,775,808"), "Text should show integers with separators.");
    ck_assert_msg(strstr(text, "== 在原点 =="), "Text should show part titles.");
    char *json = render(r, AICS_FORMAT_JSON);
    ck_assert_msg(strstr(json, "\"phi.dphi_at_0\": 1,") && strstr(json, "\"check\": \"pass\""),
                  "JSON should hold numbers bare and words quoted.");
    free(text);
    free(json);
    aics_result_free(r);
}
END_TEST

START_TEST(labels_list_every_value_on_one_line)
{
    aics_result *r = sample();
    aics_result_kv_only(r, true);
    aics_result_int(r, "layer.x", 3, "a\tlabel\nover lines");
    char *l = render(r, AICS_FORMAT_LABELS);
    ck_assert_msg(strncmp(l, "# aics-labels v1 exercise=2.7\nphi.dphi_at_0\tshown\tφ'(0)\n", 52) == 0,
                  "Labels start with a header, then key, shown, label: '%s'", l);
    ck_assert_msg(strstr(l, "\nx.tenth\tshown\tx.tenth\n"), "An unlabelled result is labelled by its key.");
    ck_assert_msg(strstr(l, "\nlayer.x\tkv\ta label over lines\n"), "kv-only results are marked, labels one line.");
    free(l);
    aics_result_free(r);
}
END_TEST

START_TEST(keys_and_words_are_validated)
{
    ck_assert_msg(aics_kv_key_ok("a.b_9"), "a.b_9 is a valid key.");
    ck_assert_msg(!aics_kv_key_ok("A.b") && !aics_kv_key_ok("") && !aics_kv_key_ok("a b"),
                  "Upper case, empty and spaced keys are invalid.");
    ck_assert_msg(aics_result_word_ok("pass") && aics_result_word_ok("mul-add"), "Bare words are valid.");
    ck_assert_msg(!aics_result_word_ok("12") && !aics_result_word_ok("two words") && !aics_result_word_ok("nan#"),
                  "Numbers, spaces and '#' are not bare words.");
    ck_assert_msg(aics_result_word_ok("112x112x64") && aics_result_word_ok("7x7x512"),
                  "A shape that starts with a digit but is no number is a word.");
    ck_assert_msg(!aics_result_word_ok("1e5") && !aics_result_word_ok("0x1A") && !aics_result_word_ok("-3")
                      && !aics_result_word_ok("2.5"),
                  "Whatever strtod reads whole is a number, not a word.");
    aics_format f;
    ck_assert_msg(aics_format_parse("kv", &f) && f == AICS_FORMAT_KV, "kv is a format.");
    ck_assert_msg(!aics_format_parse("xml", &f), "xml is not a format.");
}
END_TEST

/* The exit tests keep their result in a static, so that it is still reachable
 * when they exit and LeakSanitizer (make sanitize) stays quiet. */
static aics_result *exiting;

START_TEST(nan_is_refused)
{
    exiting = aics_result_new("2.3", 1, "x");
    aics_result_double(exiting, "loss", NAN, NULL); /* must exit 1: kv never holds nan */
}
END_TEST

START_TEST(duplicate_key_is_refused)
{
    exiting = aics_result_new("2.3", 1, "x");
    aics_result_int(exiting, "a", 1, NULL);
    aics_result_int(exiting, "a", 2, NULL);
}
END_TEST

Suite *result_suite(void)
{
    Suite *s = suite_create("result");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, kv_has_header_and_exact_values);
    tcase_add_test(core, kv_round_trips_through_the_reader);
    tcase_add_test(core, md_marks_named_parts);
    tcase_add_test(core, text_and_json_render_every_value);
    tcase_add_test(core, labels_list_every_value_on_one_line);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_add_test(limits, keys_and_words_are_validated);
    tcase_add_exit_test(limits, nan_is_refused, 1);
    tcase_add_exit_test(limits, duplicate_key_is_refused, 1);
    suite_add_tcase(s, limits);
    return s;
}
