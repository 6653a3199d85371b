/* test_sources.c — parts, labels, anchored code and number formats. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sources.h"

static const char md[] =
    "<!-- aics:part origin -->\n\n#### 在原点\n\n| 结果 | 值 |\n|:--|--:|\n"
    "| σ'(0) | 0.25 |\n| max \\|φ'\\| ok | pass |\n\n"
    "<!-- aics:end origin -->\n\n<!-- aics:part table -->\nT\n<!-- aics:end table -->\n";

START_TEST(parts_and_labels)
{
    const char *p;
    size_t n;
    ck_assert(aics_md_part(md, "table", &p, &n));
    ck_assert_msg(n == 2 && strncmp(p, "T\n", 2) == 0, "Part 'table' should hold just 'T': '%.*s'", (int)n, p);
    ck_assert(aics_md_part(md, "origin", &p, &n));
    ck_assert_msg(strncmp(p, "#### 在原点", 13) == 0, "A part starts at its heading.");
    ck_assert_msg(!aics_md_part(md, "orig", &p, &n), "A prefix of a part name is not that part.");
    aics_buf b = AICS_BUF_INIT;
    aics_md_part_names(md, &b);
    ck_assert_str_eq(b.data, "origin, table");
    aics_buf_free(&b);
    aics_md_strip_markers(md, &b);
    ck_assert_msg(strstr(b.data, "aics:") == NULL, "Markers should be stripped.");
    aics_buf_free(&b);
}
END_TEST

START_TEST(anchored_code_is_dedented)
{
    const char *src = "int a;\n    // ANCHOR: body\n    int b;\n    // ANCHOR: inner\n\n      int c;\n"
                      "    // ANCHOR_END: inner\n    // ANCHOR_END: body\n// ANCHOR: bodyx\nint d;\n// ANCHOR_END: bodyx\n";
    aics_buf b = AICS_BUF_INIT;
    ck_assert(aics_code_region(src, "body", &b));
    ck_assert_str_eq(b.data, "int b;\n\n  int c;\n");
    aics_buf_free(&b);
    ck_assert(aics_code_region(src, "bodyx", &b));
    ck_assert_str_eq(b.data, "int d;\n");
    aics_buf_free(&b);
    ck_assert_msg(!aics_code_region(src, "none", &b), "A missing anchor is reported.");
    ck_assert_msg(!aics_code_region("// ANCHOR: open\nint x;\n", "open", &b), "An unclosed anchor is reported.");
    aics_buf_free(&b);
}
END_TEST

static const char *fmt(const char *value, const char *f)
{
    static char out[64];
    char err[128];
    aics_buf b = AICS_BUF_INIT;
    if (!aics_format_value(value, f, &b, err, sizeof err)) snprintf(out, sizeof out, "ERR");
    else snprintf(out, sizeof out, "%s", b.data);
    aics_buf_free(&b);
    return out;
}

START_TEST(number_formats)
{
    ck_assert_str_eq(fmt("1.4900164435616148e-11", NULL), "1.4900164435616148e-11");
    ck_assert_str_eq(fmt("1.4900164435616148e-11", "%.2e"), "1.49e-11");
    ck_assert_str_eq(fmt("0.051316701949486232", "%.3f"), "0.051");
    ck_assert_str_eq(fmt("0.051316701949486232", "%.3g"), "0.0513");
    ck_assert_str_eq(fmt("0.5", "%f"), "0.500000");
    ck_assert_str_eq(fmt("724406816", "%'d"), "724,406,816");
    ck_assert_str_eq(fmt("-1201", "%d"), "-1201");
}
END_TEST

START_TEST(bad_formats_are_refused)
{
    ck_assert_str_eq(fmt("pass", "%.2f"), "ERR");
    ck_assert_str_eq(fmt("0.5", "%d"), "ERR");
    ck_assert_str_eq(fmt("0.5", "%.18f"), "ERR");
    ck_assert_str_eq(fmt("0.5", "%s"), "ERR");
    ck_assert_str_eq(fmt("0.5", "%.2fx"), "ERR");
    ck_assert_str_eq(fmt("0.5", "2f"), "ERR");
    ck_assert_msg(aics_name_ok("ex2_7") && !aics_name_ok("../x") && !aics_name_ok("") && !aics_name_ok("Ex"),
                  "Program names are [a-z0-9_]+.");
}
END_TEST

/* Issue 14: the book and the stale lint keep the kv of a prose file's own
 * program while asking for others; the cache grew by realloc and left them
 * pointing into freed memory (`aics-book --lint` crashed). Whatever is asked
 * later, an earlier answer stays where it was. */
START_TEST(answers_stay_valid_while_the_cache_grows)
{
    char dir[] = "/tmp/aics-sources-XXXXXX", path[64];
    ck_assert(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/a.kv", dir);
    FILE *f = fopen(path, "w");
    ck_assert(f != NULL);
    fputs("# exercise=a\nx.y 0.0513\n", f);
    fclose(f);
    aics_sources *s = aics_sources_new(dir, dir, dir);
    const aics_kv *a = aics_sources_kv(s, "a");
    ck_assert(a != NULL && a->n == 1);
    for (int i = 0; i < 200; i++) { /* misses are cached too */
        char name[16];
        snprintf(name, sizeof name, "p%d", i);
        ck_assert(aics_sources_kv(s, name) == NULL && aics_sources_md(s, name) == NULL);
    }
    ck_assert_msg(aics_sources_kv(s, "a") == a, "A cached kv should not move.");
    ck_assert_str_eq(a->e[0].key, "x.y");
    ck_assert_str_eq(a->e[0].value, "0.0513");
    aics_sources_free(s);
    unlink(path);
    rmdir(dir);
}
END_TEST

Suite *sources_suite(void)
{
    Suite *s = suite_create("sources");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, parts_and_labels);
    tcase_add_test(core, anchored_code_is_dedented);
    tcase_add_test(core, number_formats);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_add_test(limits, bad_formats_are_refused);
    tcase_add_test(limits, answers_stay_valid_while_the_cache_grows);
    suite_add_tcase(s, limits);
    return s;
}
