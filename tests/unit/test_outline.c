/* test_outline.c — the book outline: entries in order, errors with line and column. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "outline.h"

START_TEST(chapters_and_exercises_in_order)
{
    aics_outline o;
    aics_outline_parse("\xEF\xBB\xBF# comment\r\ntitle 书名  \r\n\nchapter 2 神经网络基础\n"
                       "exercise ch2/ex2_7 2.6、2.7 sigmoid 与 φ 的导数\n"
                       "exercise ch2/ex2_9 2.9 第二题\nchapter 3 深度学习\n", "o.txt", &o);
    ck_assert_str_eq(o.title, "书名");
    ck_assert_uint_eq(o.nch, 2);
    ck_assert_int_eq(o.ch[0].number, 2);
    ck_assert_uint_eq(o.ch[0].nex, 2);
    ck_assert_str_eq(o.ch[0].ex[0].file, "ch2/ex2_7");
    ck_assert_str_eq(o.ch[0].ex[0].id, "ex2_7");
    ck_assert_str_eq(o.ch[0].ex[0].numbers, "2.6、2.7");
    ck_assert_str_eq(o.ch[0].ex[0].title, "sigmoid 与 φ 的导数");
    ck_assert_int_eq(o.ch[0].ex[1].line, 6);
    ck_assert_msg(o.ch[1].nex == 0 && aics_outline_chapter_find(&o, 3) == &o.ch[1],
                  "Chapter 3 should be found, with no exercises yet.");
    ck_assert_msg(aics_outline_chapter_find(&o, 4) == NULL, "Chapter 4 is not listed.");
    aics_outline_free(&o);
}
END_TEST

START_TEST(default_title)
{
    aics_outline o;
    aics_outline_parse("chapter 1 开篇", "o.txt", &o);
    ck_assert_msg(strstr(o.title, "智能计算系统") != NULL, "Without a title line the book has a default title.");
    aics_outline_free(&o);
}
END_TEST

/* Each of these exits 2 with "o.txt:line:col: …" on stderr. */
static void parse_bad(const char *text)
{
    aics_outline o;
    aics_outline_parse(text, "o.txt", &o);
}

START_TEST(unknown_entry) { parse_bad("chapter 2 x\nsection 2.1 y\n"); }
END_TEST
START_TEST(exercise_before_chapter) { parse_bad("exercise ch2/ex2_7 2.7 t\n"); }
END_TEST
START_TEST(bad_chapter_number) { parse_bad("chapter 二 标题\n"); }
END_TEST
START_TEST(repeated_chapter) { parse_bad("chapter 2 a\nchapter 2 b\n"); }
END_TEST
START_TEST(bad_file_name) { parse_bad("chapter 2 a\nexercise ../ex2_7 2.7 t\n"); }
END_TEST
START_TEST(missing_title) { parse_bad("chapter 2 a\nexercise ch2/ex2_7 2.7\n"); }
END_TEST
START_TEST(no_chapters) { parse_bad("# nothing\n"); }
END_TEST

Suite *outline_suite(void)
{
    Suite *s = suite_create("outline");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, chapters_and_exercises_in_order);
    tcase_add_test(core, default_title);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_add_exit_test(limits, unknown_entry, 2);
    tcase_add_exit_test(limits, exercise_before_chapter, 2);
    tcase_add_exit_test(limits, bad_chapter_number, 2);
    tcase_add_exit_test(limits, repeated_chapter, 2);
    tcase_add_exit_test(limits, bad_file_name, 2);
    tcase_add_exit_test(limits, missing_title, 2);
    tcase_add_exit_test(limits, no_chapters, 2);
    suite_add_tcase(s, limits);
    return s;
}
