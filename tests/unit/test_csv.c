/* test_csv.c — the strict numeric CSV reader: good tables and every kind of bad one. */
#include <check.h>
#include <string.h>

#include "csv.h"

static bool parse(const char *text, aics_csv *t, aics_csv_error *e)
{
    return aics_csv_parse(text, strlen(text), t, e);
}

/* Parsing `text` should fail at line:col with a message containing `want`. */
static void expect_error(const char *text, long line, long col, const char *want)
{
    aics_csv t;
    aics_csv_error e;
    ck_assert_msg(!parse(text, &t, &e), "Parsing %s should fail.", text);
    ck_assert_msg(e.line == line && e.col == col, "The error for %s should be at %ld:%ld, not %ld:%ld (%s).",
                  text, line, col, e.line, e.col, e.msg);
    ck_assert_msg(strstr(e.msg, want) != NULL, "The error for %s should say '%s', not '%s'.", text, want, e.msg);
}

START_TEST(reads_a_table)
{
    aics_csv t;
    aics_csv_error e;
    ck_assert_msg(parse("\xEF\xBB\xBF" "a, b ,c\r\n1,2.5,-3e2\r\n\n 4 ,+5,.5", &t, &e), "A valid table should parse: %s", e.msg);
    ck_assert_msg(t.ncols == 3 && t.nrows == 2, "The table should be 2 rows × 3 columns.");
    ck_assert_msg(strcmp(t.names[1], "b") == 0, "Header names should be trimmed.");
    ck_assert_msg(t.x[2] == -300.0 && t.x[3] == 4.0 && t.x[5] == 0.5, "Numbers should be read exactly.");
    ck_assert_msg(aics_csv_column(&t, "c") == 2 && aics_csv_column(&t, "z") == -1, "Columns should be found by name.");
    aics_csv_free(&t);
}
END_TEST

START_TEST(rejects_ragged_rows)
{
    expect_error("a,b\n1,2\n3\n", 3, 0, "row has 1 field but the header has 2 columns");
    expect_error("a,b\n1,2,3\n", 2, 0, "row has 3 fields but the header has 2 columns");
}
END_TEST

START_TEST(rejects_non_numbers)
{
    expect_error("a,b\n1,x2\n", 2, 3, "expected a number, found 'x2'");
    expect_error("a,b\n1, \n", 2, 3, "empty field; expected a number");
    expect_error("a,b\nnan,1\n", 2, 1, "expected a number, found 'nan'");
    expect_error("a,b\n1,inf\n", 2, 3, "expected a number, found 'inf'");
    expect_error("a,b\n1,1e999\n", 2, 3, "number '1e999' is out of range");
    expect_error("a,b\n1,0x10\n", 2, 3, "expected a number, found '0x10'");
}
END_TEST

START_TEST(rejects_empty_and_headless_files)
{
    expect_error("", 1, 0, "empty file; expected a header row");
    expect_error("\n  \n", 1, 0, "empty file; expected a header row");
    expect_error("a,b\n", 2, 0, "no data rows after the header");
}
END_TEST

START_TEST(rejects_bad_headers)
{
    expect_error("a,,b\n1,2,3\n", 1, 3, "empty column name");
    expect_error("a,b,a\n1,2,3\n", 1, 5, "column name 'a' appears twice");
    expect_error("\"a\",b\n1,2\n", 1, 1, "quoted fields are not supported");
    aics_csv t;
    aics_csv_error e;
    ck_assert_msg(!aics_csv_parse("a\0b\n1\n", 6, &t, &e) && strstr(e.msg, "binary"), "A NUL byte should be refused as binary.");
}
END_TEST

Suite *csv_suite(void)
{
    Suite *s = suite_create("csv");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, reads_a_table);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_add_test(limits, rejects_ragged_rows);
    tcase_add_test(limits, rejects_non_numbers);
    tcase_add_test(limits, rejects_empty_and_headless_files);
    tcase_add_test(limits, rejects_bad_headers);
    suite_add_tcase(s, limits);
    return s;
}
