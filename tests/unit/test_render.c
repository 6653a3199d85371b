/* test_render.c — cmark-gfm with tables, inline titles, heading levels. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"

static char *shift(const char *md, int top)
{
    aics_buf b = AICS_BUF_INIT;
    aics_md_shift_headings(md, strlen(md), top, &b);
    aics_buf_append(&b, "", 0); /* terminated even when nothing was written */
    return aics_buf_take(&b);
}

START_TEST(tables_and_raw_html)
{
    aics_buf b = AICS_BUF_INIT;
    const char *md = "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n<figure id=\"f\">\n<img src=\"fig/x.svg\" alt=\"x\">\n</figure>\n";
    aics_render_html(md, strlen(md), &b);
    ck_assert_msg(strstr(b.data, "<td align=\"right\">2</td>") != NULL, "GFM tables should render: %s", b.data);
    ck_assert_msg(strstr(b.data, "<img src=\"fig/x.svg\" alt=\"x\">") != NULL, "Our own HTML passes through: %s", b.data);
    aics_buf_free(&b);
}
END_TEST

START_TEST(inline_titles_escape_and_keep_math)
{
    aics_buf b = AICS_BUF_INIT;
    aics_render_inline("a<b & $x_1$ costs \\$5 *not em*", &b);
    ck_assert_str_eq(b.data, "a&lt;b &amp; <span class=\"math\">x_1</span> costs $5 *not em*");
    aics_buf_free(&b);
}
END_TEST

START_TEST(headings_move_to_the_top_level)
{
    char *s = shift("## 题目\n文字 ## 不是标题\n### 小节\n```\n# 代码\n```\n####### seven\n", 3);
    ck_assert_str_eq(s, "### 题目\n文字 ## 不是标题\n#### 小节\n```\n# 代码\n```\n####### seven\n");
    free(s);
    s = shift("#### a\n##### b\n", 3);
    ck_assert_str_eq(s, "### a\n#### b\n");
    free(s);
}
END_TEST

START_TEST(headings_limits)
{
    char *s = shift("# a\n###### b\n", 3);
    ck_assert_msg(strcmp(s, "### a\n###### b\n") == 0, "Levels stop at 6: %s", s);
    free(s);
    s = shift("no headings\n#hashtag\n", 3);
    ck_assert_str_eq(s, "no headings\n#hashtag\n");
    free(s);
    s = shift("", 3);
    ck_assert_str_eq(s, "");
    free(s);
}
END_TEST

Suite *render_suite(void)
{
    Suite *s = suite_create("render");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, tables_and_raw_html);
    tcase_add_test(core, inline_titles_escape_and_keep_math);
    tcase_add_test(core, headings_move_to_the_top_level);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_add_test(limits, headings_limits);
    suite_add_tcase(s, limits);
    return s;
}
