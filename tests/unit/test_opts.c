/* test_opts.c — the one option parser: generated help shows the values the
 * code starts with, fits 80 columns, and tools parse positionals with it. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "opts.h"
#include "width.h"

#define RATE_DEFAULT 0.1

typedef struct {
    double rate;
    int64_t epochs;
    uint64_t seed;
    bool quiet;
    const char *spec;
} options;

static options opt = {.rate = RATE_DEFAULT, .epochs = 2000, .seed = 18446744073709551615ull};

static const aics_opt table[] = {
    {"rate", AICS_OPT_DOUBLE, &opt.rate, "R", "学习率", AICS_RANGE_OPEN_MIN, 0, 10, .kv = "train.lr"},
    {"epochs", AICS_OPT_INT, &opt.epochs, "N", "训练轮数，这一句故意写得很长很长很长很长很长很长很长很长，"
     "好让它折到第二行去", AICS_RANGE_CLOSED, 1, 100000},
    {"seed", AICS_OPT_UINT64, &opt.seed, "N", "种子"},
    {"quiet", AICS_OPT_FLAG, &opt.quiet, NULL, "安静"},
    {"spec", AICS_OPT_STRING, &opt.spec, "FILE", "规格文件", .default_text = "EXPECTED 旁的 .spec"},
    {NULL},
};

static const aics_cmd cmd = {.name = "demo", .usage = "A B", .summary = "演示。", .opts = table,
                             .max_args = 3};

/* The help as a string, captured through a pipe. */
static char *help_text(void)
{
    static char buf[8192];
    int fd[2];
    ck_assert(pipe(fd) == 0);
    fflush(stdout);
    int saved = dup(1);
    dup2(fd[1], 1);
    aics_opts_help(&cmd);
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    close(fd[1]);
    ssize_t n = read(fd[0], buf, sizeof buf - 1);
    close(fd[0]);
    buf[n > 0 ? n : 0] = '\0';
    return buf;
}

START_TEST(help_shows_the_starting_values)
{
    char *h = help_text();
    ck_assert_msg(strstr(h, "学习率（默认 0.1；0 < R ≤ 10；报告为 train.lr）"), "got:\n%s", h);
    ck_assert_msg(strstr(h, "默认 2000；1 ≤ N ≤ 100000"), "got:\n%s", h);
    ck_assert_msg(strstr(h, "种子（默认 18446744073709551615）"), "got:\n%s", h);
    ck_assert_msg(strstr(h, "规格文件（默认 EXPECTED 旁的 .spec）"), "got:\n%s", h);
    ck_assert_msg(strstr(h, "用法：demo [选项] A B") == h, "got:\n%s", h);
    ck_assert_msg(strstr(h, "  --help "), "--help is always listed");
}
END_TEST

START_TEST(help_fits_80_columns)
{
    char *h = help_text();
    int lines = 0;
    for (char *line = strtok(h, "\n"); line; line = strtok(NULL, "\n"), lines++)
        ck_assert_msg(aics_display_width(line) <= 80, "too wide: %s", line);
    ck_assert_msg(lines >= 9, "the long help should wrap onto a second line");
}
END_TEST

START_TEST(doubles_show_in_shortest_form)
{
    double v = 0.1 + 0.2;
    aics_opt o = {"x", AICS_OPT_DOUBLE, &v, "X", "x"};
    char buf[64];
    aics_opt_value_text(&o, buf, sizeof buf);
    ck_assert_str_eq(buf, "0.30000000000000004");
    v = 1e-4;
    aics_opt_value_text(&o, buf, sizeof buf);
    ck_assert_str_eq(buf, "0.0001");
}
END_TEST

START_TEST(positionals_and_options_mix)
{
    const char *argv[] = {"demo", "a", "--rate", "0.5", "b", "--quiet", "--", "--c", NULL};
    char **args;
    int n = aics_opts_parse(&cmd, 8, (char **)argv, &args);
    ck_assert_int_eq(n, 3);
    ck_assert_str_eq(args[0], "a");
    ck_assert_str_eq(args[1], "b");
    ck_assert_str_eq(args[2], "--c");
    ck_assert(opt.rate == 0.5 && opt.quiet);
}
END_TEST

START_TEST(help_wins_over_bad_options)
{
    const char *argv[] = {"demo", "--rate=-1", "-h", NULL};
    char **args;
    aics_opts_parse(&cmd, 3, (char **)argv, &args);
}
END_TEST

START_TEST(too_many_positionals)
{
    const char *argv[] = {"demo", "a", "b", "c", "d", NULL};
    char **args;
    aics_opts_parse(&cmd, 5, (char **)argv, &args);
}
END_TEST

/* Numbers are plain decimals: strtoll and strtod alone would take " 5"
 * (leading blanks), "0x10" and "infinity", as --seed already refuses. */
START_TEST(int_with_a_leading_blank)
{
    const char *argv[] = {"demo", "--epochs", " 5", NULL};
    char **args;
    aics_opts_parse(&cmd, 3, (char **)argv, &args);
}
END_TEST

START_TEST(double_with_a_leading_blank)
{
    const char *argv[] = {"demo", "--rate= 0.5", NULL};
    char **args;
    aics_opts_parse(&cmd, 2, (char **)argv, &args);
}
END_TEST

START_TEST(double_in_hexadecimal)
{
    const char *argv[] = {"demo", "--rate=0x1p-2", NULL};
    char **args;
    aics_opts_parse(&cmd, 2, (char **)argv, &args);
}
END_TEST

START_TEST(seed_with_a_leading_blank)
{
    const char *argv[] = {"demo", "--seed= 5", NULL};
    char **args;
    aics_opts_parse(&cmd, 2, (char **)argv, &args);
}
END_TEST

START_TEST(signs_and_exponents_parse)
{
    const char *argv[] = {"demo", "--epochs=+7", "--rate", "2.5e-1", NULL};
    char **args;
    ck_assert_int_eq(aics_opts_parse(&cmd, 4, (char **)argv, &args), 0);
    ck_assert(opt.epochs == 7 && opt.rate == 0.25);
}
END_TEST

Suite *opts_suite(void)
{
    Suite *s = suite_create("opts");
    TCase *c = tcase_create("Core");
    tcase_add_test(c, help_shows_the_starting_values);
    tcase_add_test(c, help_fits_80_columns);
    tcase_add_test(c, doubles_show_in_shortest_form);
    tcase_add_test(c, positionals_and_options_mix);
    tcase_add_exit_test(c, help_wins_over_bad_options, 0);
    tcase_add_exit_test(c, too_many_positionals, 2);
    tcase_add_exit_test(c, int_with_a_leading_blank, 2);
    tcase_add_exit_test(c, double_with_a_leading_blank, 2);
    tcase_add_exit_test(c, double_in_hexadecimal, 2);
    tcase_add_exit_test(c, seed_with_a_leading_blank, 2);
    tcase_add_test(c, signs_and_exponents_parse);
    suite_add_tcase(s, c);
    return s;
}
