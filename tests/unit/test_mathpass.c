/* test_mathpass.c — the math pre-pass around cmark, on the inputs that break
 * naive Markdown: underscores, \{, | in a table cell, code, $5 and $10. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "mathpass.h"
#include "render.h"

/* Protect `md`; return the text cmark would see (caller frees) and fill set. */
static char *protect(const char *md, aics_mathset *set)
{
    aics_buf out = AICS_BUF_INIT;
    aics_math_protect(md, strlen(md), set, &out);
    return aics_buf_take(&out);
}

static char *html(const char *md)
{
    aics_buf out = AICS_BUF_INIT;
    aics_render_html(md, strlen(md), &out);
    return aics_buf_take(&out);
}

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle)) n++;
    return n;
}

START_TEST(underscores_stay_math_not_emphasis)
{
    aics_mathset set = AICS_MATHSET_INIT;
    char *p = protect("$x_1 + y_1$ and $a_b$", &set);
    ck_assert_uint_eq(set.n, 2);
    ck_assert_str_eq(set.tex[0], "x_1 + y_1");
    ck_assert_msg(strchr(p, '_') == NULL, "No underscore should reach cmark, but it saw: %s", p);
    char *h = html("$x_1 + y_1$ and $a_b$");
    ck_assert_msg(strstr(h, "<span class=\"math\">x_1 + y_1</span>") && !strstr(h, "<em>"),
                  "Underscores in math should survive without emphasis: %s", h);
    free(p), free(h);
    aics_mathset_free(&set);
}
END_TEST

START_TEST(backslash_brace_survives)
{
    char *h = html("集合 $\\{x \\mid x > 0\\}$。");
    ck_assert_msg(strstr(h, "<span class=\"math\">\\{x \\mid x &gt; 0\\}</span>") != NULL,
                  "\\{ must reach KaTeX with its backslash, and > escaped: %s", h);
    free(h);
}
END_TEST

START_TEST(pipe_inside_a_table_cell)
{
    char *h = html("| a | b |\n|---|---|\n| $|x| + \\|y\\|$ | 2 |\n");
    ck_assert_msg(count(h, "<td>") == 2, "The | inside math must not split the cell: %s", h);
    ck_assert_msg(strstr(h, "<td><span class=\"math\">|x| + \\|y\\|</span></td>") != NULL,
                  "The cell should hold the whole formula: %s", h);
    free(h);
}
END_TEST

START_TEST(display_math_over_lines_is_a_block)
{
    char *h = html("前文\n\n$$\na = b\n  + c\n$$\n\n后文\n");
    ck_assert_msg(strstr(h, "<div class=\"math display\">\na = b\n  + c\n</div>") != NULL,
                  "A display on its own should become one div, not a paragraph: %s", h);
    ck_assert_msg(strstr(h, "<p></p>") == NULL, "No empty paragraph should remain: %s", h);
    free(h);
}
END_TEST

START_TEST(display_math_in_a_block_quote)
{
    char *h = html("> 题目：\n>\n> $$\n> a = b\n>   + c\n> $$\n");
    ck_assert_msg(strstr(h, "<blockquote>") && strstr(h, "<div class=\"math display\">\na = b\n+ c\n</div>"),
                  "Quote markers are not TeX: %s", h);
    free(h);
}
END_TEST

START_TEST(restore_md_gives_back_the_source)
{
    const char *md = "如 $\\sigma'(0)=\\tfrac14$，又\n$$\n\\int_0^1 x\\,dx\n$$\n";
    aics_mathset set = AICS_MATHSET_INIT;
    char *p = protect(md, &set);
    aics_buf back = AICS_BUF_INIT;
    aics_math_restore_md(p, &set, &back);
    ck_assert_str_eq(back.data, md);
    free(p);
    aics_buf_free(&back);
    aics_mathset_free(&set);
}
END_TEST

START_TEST(code_spans_and_fences_are_not_math)
{
    aics_mathset set = AICS_MATHSET_INIT;
    char *p = protect("`$x$` and ``a $y$ ` b`` then\n```sh\necho $HOME $x$\n```\n~~~\n$z$\n~~~\n", &set);
    ck_assert_msg(set.n == 0, "Nothing in code is math, but %zu formulas were found.", set.n);
    free(p);
    char *h = html("`$x$` 与 $y$");
    ck_assert_msg(strstr(h, "<code>$x$</code>") && strstr(h, "<span class=\"math\">y</span>"),
                  "A code span keeps its dollars; math after it still works: %s", h);
    free(h);
    aics_mathset_free(&set);
}
END_TEST

START_TEST(dollar_amounts_are_not_math)
{
    aics_mathset set = AICS_MATHSET_INIT;
    char *p = protect("It costs $5 and $10 today.", &set);
    ck_assert_msg(set.n == 0, "'$5 and $10' is money, not math (found %zu formulas).", set.n);
    ck_assert_str_eq(p, "It costs $5 and $10 today.");
    free(p);
    p = protect("从 $5 到 $x$", &set);
    ck_assert_msg(set.n == 1 && strcmp(set.tex[0], "x") == 0,
                  "A $ that cannot close ends the first try; then $x$ is math (found %zu).", set.n);
    free(p);
    aics_mathset_free(&set);
}
END_TEST

START_TEST(escaped_dollars_and_unclosed_math)
{
    aics_mathset set = AICS_MATHSET_INIT;
    const char *cases[] = {"\\$x\\$ 元", "$x", "$$x", "$ x$", "$a\n\nb$", "$$a\n\nb$$", "$$$$", "a $"};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *p = protect(cases[i], &set);
        ck_assert_msg(set.n == 0, "'%s' holds no math, but %zu formulas were found.", cases[i], set.n);
        ck_assert_str_eq(p, cases[i]);
        free(p);
    }
    char *h = html("\\$x\\$ 元");
    ck_assert_msg(strstr(h, "$x$ 元") != NULL, "\\$ should print a plain dollar: %s", h);
    free(h);
    aics_mathset_free(&set);
}
END_TEST

START_TEST(math_in_alt_text_stays_inside_the_attribute)
{
    char *h = html("![图 $x<1$](a.png) 与 $y$");
    ck_assert_msg(strstr(h, "alt=\"图 x&lt;1\"") && strstr(h, "与 <span class=\"math\">y</span>"),
                  "Math in an attribute is plain TeX; after the tag it is an element again: %s", h);
    free(h);
}
END_TEST

START_TEST(foreign_placeholders_are_left_alone)
{
    aics_mathset set = AICS_MATHSET_INIT;
    char *p = protect("$a$", &set);
    aics_buf out = AICS_BUF_INIT;
    aics_math_restore_html("x \xEE\x80\x80" "7\xEE\x80\x81 y \xEE\x80\x80" "0\xEE\x80\x81", &set, &out);
    ck_assert_str_eq(out.data, "x \xEE\x80\x80" "7\xEE\x80\x81 y <span class=\"math\">a</span>");
    free(p);
    aics_buf_free(&out);
    aics_mathset_free(&set);
}
END_TEST

Suite *mathpass_suite(void)
{
    Suite *s = suite_create("mathpass");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, underscores_stay_math_not_emphasis);
    tcase_add_test(core, backslash_brace_survives);
    tcase_add_test(core, pipe_inside_a_table_cell);
    tcase_add_test(core, display_math_over_lines_is_a_block);
    tcase_add_test(core, restore_md_gives_back_the_source);
    tcase_add_test(core, display_math_in_a_block_quote);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_add_test(limits, code_spans_and_fences_are_not_math);
    tcase_add_test(limits, dollar_amounts_are_not_math);
    tcase_add_test(limits, escaped_dollars_and_unclosed_math);
    tcase_add_test(limits, foreign_placeholders_are_left_alone);
    tcase_add_test(limits, math_in_alt_text_stays_inside_the_attribute);
    suite_add_tcase(s, limits);
    return s;
}
