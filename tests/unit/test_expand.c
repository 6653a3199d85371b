/* test_expand.c — directives expanded from a small set of program outputs in
 * a temporary folder (made once per test case, outside the forked tests, so
 * it is removed even after the tests that exit); every problem exits 2. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "expand.h"
#include "fileio.h"

static char dir[64];

static void put(const char *rel, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    ck_assert_msg(aics_write_file_atomic(path, text, strlen(text)) >= 0, "Cannot write %s.", path);
}

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/aics-expand-XXXXXX");
    ck_assert(mkdtemp(dir) != NULL);
    put("res/p.kv", "# aics-result v1 exercise=1.1 seed=0 convention=c\nn 1201\nx 0.051316701949486232\nok pass\n");
    put("res/p.md", "<!-- aics:part a -->\n\n#### A\n\nalpha\n\n<!-- aics:end a -->\n");
    put("ch/ch1/p.c", "int z;\n// ANCHOR: body\nint y;\n// ANCHOR_END: body\n");
    put("out/fig/p_f.svg", "<svg/>");
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

/* Expand `text`; return the page text (caller frees), plain text into *plain. */
static char *expand(const char *text, char **plain)
{
    char ch[128], res[128], fig[128];
    snprintf(ch, sizeof ch, "%s/ch", dir), snprintf(res, sizeof res, "%s/res", dir);
    snprintf(fig, sizeof fig, "%s/out/fig", dir);
    aics_sources *src = aics_sources_new(ch, res, fig);
    aics_expand_ctx ctx = {.src = src, .fig_href = "fig", .chapter = 1};
    aics_buf page = AICS_BUF_INIT, pl = AICS_BUF_INIT;
    aics_expand(&ctx, "p.md", text, &page, &pl);
    ck_assert_msg(ctx.nprogs <= 1, "A program is noted once.");
    aics_expand_clear_progs(&ctx);
    aics_expand_clear_files(&ctx);
    aics_sources_free(src);
    if (plain) *plain = aics_buf_take(&pl);
    else aics_buf_free(&pl);
    return aics_buf_take(&page);
}

START_TEST(values_parts_code_and_figures)
{
    char *plain;
    char *page = expand("n = {{value p n %'d}}, x = $ {{value p x %.3g}} $\n\n{{include p a}}\n"
                        "{{code ch1/p.c body}}\n{{figure p_f 图注 $y$}}\n", &plain);
    ck_assert_msg(strstr(page, "n = 1,201, x = $ 0.0513 $") != NULL, "Values should expand inline: %s", page);
    ck_assert_msg(strstr(page, "\n#### A\n\nalpha\n") && !strstr(page, "aics:part"), "Part a only: %s", page);
    ck_assert_msg(strstr(page, "```c\nint y;\n```\n") != NULL, "Code from the anchor: %s", page);
    ck_assert_msg(strstr(page, "<a class=\"figure-open\" href=\"fig/p_f.svg\" title=\"打开原图\">"
                               "<img src=\"fig/p_f.svg\" alt=\"图 1.1：图注 y\"></a>") != NULL,
                  "Figure as HTML, linked to itself, alt text from the caption: %s", page);
    ck_assert_msg(strstr(page, "<figcaption>图 1.1　图注 <span class=\"math\">y</span></figcaption>") != NULL,
                  "Caption numbered, with math: %s", page);
    ck_assert_msg(strstr(plain, "![图 1.1　图注 $y$](fig/p_f.svg)") != NULL, "Figure as Markdown: %s", plain);
    free(page), free(plain);
}
END_TEST

START_TEST(code_and_escapes_are_left_alone)
{
    const char *text = "`{{value p n}}` and\n```\n{{bogus}}\n```\n\\{{value p n}} and {{ not }} and {x{{\\frac}}\n";
    char *page = expand(text, NULL);
    ck_assert_str_eq(page, text);
    free(page);
}
END_TEST

static void bad(const char *text) { free(expand(text, NULL)); }

START_TEST(part_title_under_the_same_heading_is_dropped)
{
    char *page = expand("### A 的结果\n\n{{include p a}}\n\n### 别的\n\n{{include p a}}\n", NULL);
    ck_assert_msg(strstr(page, "### A 的结果\n\n\nalpha\n") && strstr(page, "### 别的\n\n\n#### A\n\nalpha\n"),
                  "The part's title goes under a prose heading on the same topic, stays under another: %s", page);
    free(page);
}
END_TEST

START_TEST(unknown_directive) { bad("{{bogus p}}\n"); }
END_TEST
START_TEST(missing_key) { bad("{{value p nope}}\n"); }
END_TEST
START_TEST(missing_program) { bad("{{value q n}}\n"); }
END_TEST
START_TEST(missing_part) { bad("{{include p b}}\n"); }
END_TEST
START_TEST(missing_anchor) { bad("{{code ch1/p.c nope}}\n"); }
END_TEST
START_TEST(missing_file) { bad("{{code ch1/../../etc/passwd body}}\n"); }
END_TEST
START_TEST(block_not_alone) { bad("see {{include p a}}\n"); }
END_TEST
START_TEST(unclosed) { bad("{{value p n\n}}\n"); }
END_TEST
START_TEST(wrong_arity) { bad("{{value p}}\n"); }
END_TEST

Suite *expand_suite(void)
{
    Suite *s = suite_create("expand");
    TCase *core = tcase_create("Core");
    tcase_add_unchecked_fixture(core, setup, teardown);
    tcase_add_test(core, values_parts_code_and_figures);
    tcase_add_test(core, code_and_escapes_are_left_alone);
    tcase_add_test(core, part_title_under_the_same_heading_is_dropped);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_add_unchecked_fixture(limits, setup, teardown);
    tcase_add_exit_test(limits, unknown_directive, 2);
    tcase_add_exit_test(limits, missing_key, 2);
    tcase_add_exit_test(limits, missing_program, 2);
    tcase_add_exit_test(limits, missing_part, 2);
    tcase_add_exit_test(limits, missing_anchor, 2);
    tcase_add_exit_test(limits, missing_file, 2);
    tcase_add_exit_test(limits, block_not_alone, 2);
    tcase_add_exit_test(limits, unclosed, 2);
    tcase_add_exit_test(limits, wrong_arity, 2);
    suite_add_tcase(s, limits);
    return s;
}
